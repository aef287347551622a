// Vendor registry (PRJ-4), its Excel export and attachments.
#include "features/vendors/routes.h"

#include <fmt/format.h>

#include "features/vendors/codec.h"
#include "platform/documents/workbook.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Result<VendorQuery> ReadVendorQuery(const HttpRequest& request, PageQuery& page) {
    Validation validation;
    page = ReadPageQuery(request, {"name", "credit_code", "created_at", "staff_count"}, validation);
    VendorQuery query;
    query.q = request.Query("q").value_or("");
    if (auto status = request.Query("status"); status && !status->empty()) {
        query.status = ParseVendorStatus(*status);
        if (!query.status)
            validation.Fail("status", {"状态须为 active 或 suspended", "status must be active or suspended"});
    }
    if (auto category = request.Query("category_id"); category && !category->empty()) {
        try {
            std::size_t used = 0;
            query.category_id = std::stoll(*category, &used);
            if (used != category->size() || *query.category_id <= 0) throw std::invalid_argument("id");
        } catch (const std::exception&) {
            validation.Fail("category_id", {"服务类别编号须为正整数", "category_id must be a positive whole number"});
        }
    }
    if (auto expiry = request.Query("qualification"); expiry && !expiry->empty()) {
        if (*expiry == "ok")
            query.expiry = ExpiryFilter::kOk;
        else if (*expiry == "expiring")
            query.expiry = ExpiryFilter::kExpiring;
        else if (*expiry == "expired")
            query.expiry = ExpiryFilter::kExpired;
        else if (*expiry == "none")
            query.expiry = ExpiryFilter::kNone;
        else
            validation.Fail("qualification", {"资质状态须为 ok、expiring、expired 或 none",
                                              "qualification must be ok, expiring, expired or none"});
    }
    if (!validation.ok()) return validation.ToError();
    query.sort = page.sort;
    query.descending = page.descending;
    query.page = page.page;
    query.page_size = page.page_size;
    return query;
}

const char* StatusZh(QualificationStatus status) {
    switch (status) {
        case QualificationStatus::kNone: return "无资质";
        case QualificationStatus::kOk: return "有效";
        case QualificationStatus::kExpiring: return "即将到期";
        case QualificationStatus::kExpired: return "已过期";
    }
    return "";
}

}  // namespace

void AddVendorRoutes(Router& router, VendorService& vendors) {
    router
        .Add("GET", "/api/v1/vendors", Access::kSession, "vendors", "Vendors, paged, sorted and filtered",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 PageQuery page;
                 HOUQIN_TRY(query, ReadVendorQuery(context.request, page));
                 HOUQIN_TRY(result, vendors.List(context.actor(), *query));
                 const VendorPage& vendors = **result;
                 std::call_once(vendors.rendered_once, [&] {
                     Json items = Json::array();
                     for (const auto& view : vendors.items) items.push_back(VendorJson(view, JsonDetail::kListRow));
                     vendors.rendered = JsonResponse(200, PageJson(items, vendors.total, page)).body;
                 });
                 return HttpResponse::Json(200, vendors.rendered);
             })
        .ReturnsPage("VendorSummary")
        .Requires({Permission::kVendorRead})
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/vendors/export.xlsx", Access::kSession, "vendors",
             "Every vendor matching the filters as an Excel file",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 PageQuery page;
                 HOUQIN_TRY(query, ReadVendorQuery(context.request, page));
                 HOUQIN_TRY(result, vendors.Export(context.actor(), *query));
                 reports::Sheet sheet;
                 sheet.name = "外包单位";
                 sheet.columns = {{"单位名称", 32}, {"统一社会信用代码", 22}, {"法定代表人", 12},
                                  {"联系人", 12},   {"联系电话", 16},         {"地址", 36},
                                  {"户名", 28},     {"开户行", 24},           {"账号", 24},
                                  {"人员规模", 10}, {"注册资本(元)", 16},     {"状态", 8},
                                  {"资质状态", 10}, {"过期资质数", 10},       {"即将到期资质数", 12}};
                 sheet.numeric = {false, false, false, false, false, false, false, false,
                                  false, true,  false, false, false, true,  true};
                 for (const auto& view : (*result)->items) {
                     const auto& v = view.vendor;
                     sheet.rows.push_back({v.name, v.credit_code, v.legal_representative, v.contact_name,
                                           v.contact_phone, v.address, v.bank_account_name, v.bank_name,
                                           v.bank_account_no, std::to_string(v.staff_count),
                                           v.registered_capital.ToString(),
                                           v.status == VendorStatus::kActive ? "正常" : "暂停", StatusZh(view.status),
                                           std::to_string(view.expired_count), std::to_string(view.expiring_count)});
                 }
                 HttpResponse response;
                 response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                 response.body = reports::WriteWorkbook(sheet);
                 response.headers.emplace_back(
                     "Content-Disposition",
                     "attachment; filename=\"vendors.xlsx\"; filename*=UTF-8''" + PercentEncode("外包单位.xlsx"));
                 return response;
             })
        .ReturnsFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .Requires({Permission::kDataExport})  // CC-7: exporting the list is a permission of its own
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/vendors/{id}", Access::kSession, "vendors", "One vendor with its qualifications",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, vendors.Get(context.actor(), *id));
                 return JsonResponse(200, VendorJson(*view, JsonDetail::kFull));
             })
        .Returns("Vendor")
        .Requires({Permission::kVendorRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/vendors", Access::kSession, "vendors", "Register a vendor",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 auto vendor = VendorFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, vendors.Create(&context.actor(), vendor));
                 return JsonResponse(201, VendorJson(*view, JsonDetail::kFull));
             })
        .Body("VendorInput")
        .Creates("Vendor")
        .Requires({Permission::kVendorWrite})
        .Scope(RecordScope::kNone);
    router
        .Add("PUT", "/api/v1/vendors/{id}", Access::kSession, "vendors", "Replace a vendor's details",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 auto vendor = VendorFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, vendors.Update(context.actor(), *id, vendor));
                 return JsonResponse(200, VendorJson(*view, JsonDetail::kFull));
             })
        .Body("VendorInput")
        .Returns("Vendor")
        .Requires({Permission::kVendorWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/vendors/{id}/qualifications", Access::kSession, "vendors", "Add a qualification",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 auto qualification = QualificationFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, vendors.AddQualification(&context.actor(), *id, qualification));
                 return JsonResponse(201, QualificationJson(*view));
             })
        .Body("QualificationInput")
        .Creates("Qualification")
        .Requires({Permission::kVendorWrite, Permission::kVendorWriteOwn})
        .Scope(RecordScope::kVendor);
    router
        .Add("PUT", "/api/v1/vendors/{id}/qualifications/{qid}", Access::kSession, "vendors", "Replace a qualification",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(qid, PathId(context.request, "qid"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 auto qualification = QualificationFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, vendors.UpdateQualification(context.actor(), *id, *qid, qualification));
                 return JsonResponse(200, QualificationJson(*view));
             })
        .Body("QualificationInput")
        .Returns("Qualification")
        .Requires({Permission::kVendorWrite, Permission::kVendorWriteOwn})
        .Scope(RecordScope::kVendor);
    router
        .Add("DELETE", "/api/v1/vendors/{id}/qualifications/{qid}", Access::kSession, "vendors",
             "Remove a qualification",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(qid, PathId(context.request, "qid"));
                 HOUQIN_TRY(done, vendors.DeleteQualification(context.actor(), *id, *qid));
                 return HttpResponse::NoContent();
             })
        .ReturnsNothing()
        .Requires({Permission::kVendorWrite, Permission::kVendorWriteOwn})
        .Scope(RecordScope::kVendor);
    // PRJ-4: the office checks a qualification a vendor entered against its scan.
    router
        .Add("POST", "/api/v1/vendors/{id}/qualifications/{qid}/verify", Access::kSession, "vendors",
             "Verify a pending qualification against its scan: it then counts for bidding",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(qid, PathId(context.request, "qid"));
                 HOUQIN_TRY(
                     view, vendors.DecideQualification(context.actor(), *id, *qid, QualificationDecision::kVerify, ""));
                 return JsonResponse(200, QualificationJson(*view));
             })
        .NoBody()
        .Returns("Qualification")
        .Requires({Permission::kVendorWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/vendors/{id}/qualifications/{qid}/reject", Access::kSession, "vendors",
             "Reject a pending qualification with a reason the vendor sees",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(qid, PathId(context.request, "qid"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto reason = reader.String("reason");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, vendors.DecideQualification(context.actor(), *id, *qid,
                                                              QualificationDecision::kReject, reason));
                 return JsonResponse(200, QualificationJson(*view));
             })
        .Body("QualificationRejection")
        .Returns("Qualification")
        .Requires({Permission::kVendorWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/attachments", Access::kSession, "attachments",
             "Upload a file (raw body; headers Content-Type and X-Filename, percent-encoded)",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 Upload upload{UrlDecode(context.request.Header("x-filename"), PlusSign::kLiteral),
                               context.request.Header("content-type"), context.request.body};
                 HOUQIN_TRY(info, vendors.UploadAttachment(&context.actor(), upload));
                 return JsonResponse(201, AttachmentJson(*info));
             })
        .BodyFile("application/octet-stream")
        .Creates("Attachment")
        .Requires({Permission::kVendorWrite, Permission::kVendorWriteOwn})
        .MaxBody(VendorService::kMaxAttachmentBytes)
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/attachments/{id}", Access::kSession, "attachments", "Download a stored file",
             [&vendors](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(attachment, vendors.DownloadAttachment(context.actor(), *id));
                 HttpResponse response;
                 response.content_type = attachment->info.content_type;
                 response.body = std::move(attachment->content);
                 response.headers.emplace_back(
                     "Content-Disposition", "attachment; filename*=UTF-8''" + PercentEncode(attachment->info.filename));
                 response.headers.emplace_back("X-Content-SHA256", attachment->info.sha256);
                 return response;
             })
        .ReturnsFile("*/*")  // the stored file's own type
        .Scope(RecordScope::kLinked);
}

}  // namespace houqin::http

// Routes: call-record imports (upload, status and report, cancel, list), large files sent in parts, and saved column
// mappings (CC-8).
#include "features/callcentre/call_import_routes.h"

#include <charconv>

#include "platform/http/json_reader.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Json CallImportStatusText(CallImportStatus status) {
    switch (status) {
        case CallImportStatus::kQueued: return TextJson({"排队中", "Queued"});
        case CallImportStatus::kRunning: return TextJson({"导入中", "Running"});
        case CallImportStatus::kDone: return TextJson({"已导入", "Imported"});
        case CallImportStatus::kFailed: return TextJson({"未导入", "Not imported"});
        case CallImportStatus::kCancelled: return TextJson({"已取消", "Cancelled"});
    }
    return TextJson({"", ""});
}

Json CallImportJson(const CallImportView& view) {
    const auto& row = view.row;
    Json report = row.report_json.empty() ? Json() : Json::parse(row.report_json, nullptr, false);
    if (report.is_discarded()) report = Json();
    return {{"id", row.id},
            {"contract_id", row.contract_id},
            {"filename", row.filename},
            {"layout", row.layout},
            {"mapping_id", row.mapping_id ? Json(*row.mapping_id) : Json()},
            {"encoding", row.encoding},
            {"status", std::string(CallImportStatusCode(row.status))},
            {"status_name", CallImportStatusText(row.status)},
            {"bytes_total", row.bytes_total},
            {"bytes_read", row.status == CallImportStatus::kDone ? row.bytes_total : row.bytes_read},
            {"rows_read", row.rows_read},
            {"created_by_name", row.created_by_name},
            {"created_at", row.created_at.ToIso()},
            {"started_at", row.started_at ? Json(row.started_at->ToIso()) : Json()},
            {"finished_at", row.finished_at ? Json(row.finished_at->ToIso()) : Json()},
            {"can_cancel", view.can_cancel},
            {"report", std::move(report)}};
}

Json CallUploadJson(const CallUploadView& view) {
    const auto& row = view.row;
    return {{"id", row.token},
            {"contract_id", row.contract_id},
            {"filename", view.filename},
            {"bytes_total", row.bytes_total},
            {"bytes_received", row.bytes_received},
            {"part_bytes", CallUploadService::kPartBytes},
            {"created_at", row.created_at.ToIso()},
            {"touched_at", row.touched_at.ToIso()}};
}

Json CallMappingJson(const CallMappingRow& row) {
    Json mapping = Json::parse(row.mapping_json, nullptr, false);
    if (mapping.is_discarded()) mapping = Json::object();
    return {{"id", row.id},
            {"name", row.name},
            {"header", mapping.value("header", true)},
            {"columns", mapping.contains("columns") ? mapping["columns"] : Json::object()},
            {"created_at", row.created_at.ToIso()}};
}

}  // namespace

void AddCallImportRoutes(Router& router, CallImportService& imports, CallUploadService& uploads) {
    router
        .Add("POST", "/api/v1/contracts/{id}/call-imports", Access::kSession, "callcentre",
             "Upload a call-record file (raw body, CSV or .xlsx; X-Filename; query layout=auto|asterisk|freeswitch|"
             "houqin, mapping_id, encoding=auto|utf-8|gb18030, clock=shanghai|utc): an empty file or one of another "
             "layout is refused at once; else 202 with the queued import, which a worker imports whole or not at all "
             "(CC-8)",
             [&imports](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 Validation validation;
                 CallImportRequest request;
                 request.filename = UrlDecode(context.request.Header("x-filename"), PlusSign::kLiteral);
                 request.layout = context.request.Query("layout").value_or("auto");
                 request.mapping_id = QueryId(context.request, "mapping_id", validation);
                 request.encoding = context.request.Query("encoding").value_or("");
                 if (request.encoding.empty()) request.encoding = context.request.Header("x-encoding");
                 if (request.encoding.empty()) request.encoding = "auto";
                 request.clock = context.request.Query("clock").value_or("shanghai");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, imports.Upload(context.actor(), *id, request, context.request.body));
                 return JsonResponse(202, CallImportJson(*view));
             })
        .BodyFile("application/octet-stream")
        .Returns("CallImport", 202)
        .Requires({Permission::kCallImport})
        .MaxBody(CallImportService::kMaxUploadBytes)
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/call-imports", Access::kSession, "callcentre",
             "The contract's call-record imports, newest first, with their reports, and the vendor's saved column "
             "mappings (CC-8)",
             [&imports](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(list, imports.List(context.actor(), *id));
                 Json items = Json::array();
                 for (const auto& item : list->items) items.push_back(CallImportJson(item));
                 Json mappings = Json::array();
                 for (const auto& mapping : list->mappings) mappings.push_back(CallMappingJson(mapping));
                 return JsonResponse(200, Json{{"items", std::move(items)},
                                               {"can_import", list->can_import},
                                               {"mappings", std::move(mappings)}});
             })
        .Returns("CallImportList")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/call-imports/{id}", Access::kSession, "callcentre",
             "One call-record import: status (queued, running, done, failed, cancelled), progress and report (CC-8)",
             [&imports](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, imports.Get(context.actor(), *id));
                 return JsonResponse(200, CallImportJson(*view));
             })
        .Returns("CallImport")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/call-imports/{id}/cancel", Access::kSession, "callcentre",
             "Cancel a queued or running import; nothing of it stays (CC-8)",
             [&imports](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, imports.Cancel(context.actor(), *id));
                 return JsonResponse(200, CallImportJson(*view));
             })
        .NoBody()
        .Returns("CallImport")
        .Requires({Permission::kCallImport})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/call-uploads", Access::kSession, "callcentre",
             "Start sending a call-record file in parts (files above 15 MB; the browser sends every file so): body "
             "{filename, size (bytes, at most 4 GB), layout, mapping_id, encoding, clock} as for one-request upload; "
             "201 with the upload's id, bytes_received 0 and part_bytes (CC-8)",
             [&uploads](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 CallImportRequest request;
                 request.filename = reader.String("filename");
                 const auto size = reader.Integer("size");
                 request.layout = reader.OptionalString("layout").value_or("auto");
                 request.mapping_id = reader.OptionalInteger("mapping_id");
                 request.encoding = reader.OptionalString("encoding").value_or("auto");
                 request.clock = reader.OptionalString("clock").value_or("shanghai");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(upload, uploads.Begin(context.actor(), *id, request, size));
                 return JsonResponse(201, CallUploadJson(*upload));
             })
        .Body("CallUploadInput")
        .Creates("CallUpload")
        .Requires({Permission::kCallImport})
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/call-uploads/{id}", Access::kSession, "callcentre",
             "How far an upload in parts has come: bytes_received is where the next part starts (CC-8)",
             [&uploads](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(upload, uploads.Get(context.actor(), context.request.params.at("id")));
                 return JsonResponse(200, CallUploadJson(*upload));
             })
        .Returns("CallUpload")
        .Requires({Permission::kCallImport})
        .TextParameter("id")  // the upload's token
        .Scope(RecordScope::kVendor);
    router
        .Add("PUT", "/api/v1/call-uploads/{id}/parts", Access::kSession, "callcentre",
             "One part of the file (raw body, at most part_bytes) at query offset: parts go in order; a part sent "
             "again is taken once; one out of order is 409 naming the offset to send; the first part of a text file "
             "of another layout is 400 and ends the upload (CC-8)",
             [&uploads](RequestContext& context) -> Result<HttpResponse> {
                 const auto token = context.request.params.at("id");
                 const auto text = context.request.Query("offset").value_or("");
                 std::int64_t offset = -1;
                 const auto* end = text.data() + text.size();
                 if (const auto [rest, error] = std::from_chars(text.data(), end, offset);
                     text.empty() || error != std::errc() || rest != end || offset < 0) {
                     HOUQIN_TRY(upload, uploads.Get(context.actor(), token));  // the gate and scope first
                     return Error::Invalid("offset", {"offset 须为这一段在文件中的起始字节(0 或正整数)",
                                                      "offset must be the byte the part starts at (0 or more)"});
                 }
                 HOUQIN_TRY(upload, uploads.Part(context.actor(), token, offset, context.request.body));
                 return JsonResponse(200, CallUploadJson(*upload));
             })
        .BodyFile("application/octet-stream")
        .Returns("CallUpload")
        .Requires({Permission::kCallImport})
        .MaxBody(CallUploadService::kPartBytes)
        .TextParameter("id")  // the upload's token
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/call-uploads/{id}/finish", Access::kSession, "callcentre",
             "Every byte has come: the file is queued as an import, checked and imported whole or not at all as a "
             "one-request upload is; 202 with the import; the upload is gone (CC-8)",
             [&uploads](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(view, uploads.Finish(context.actor(), context.request.params.at("id")));
                 return JsonResponse(202, CallImportJson(*view));
             })
        .NoBody()
        .Returns("CallImport", 202)
        .Requires({Permission::kCallImport})
        .TextParameter("id")  // the upload's token
        .Scope(RecordScope::kVendor);
    router
        .Add("DELETE", "/api/v1/call-uploads/{id}", Access::kSession, "callcentre",
             "Abandon an upload in parts: what came of it is removed (CC-8)",
             [&uploads](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(done, uploads.Abandon(context.actor(), context.request.params.at("id")));
                 return HttpResponse::NoContent();
             })
        .ReturnsNothing()
        .Requires({Permission::kCallImport})
        .TextParameter("id")  // the upload's token
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/call-mappings", Access::kSession, "callcentre",
             "The column mappings saved for the contract's vendor (CC-8)",
             [&imports](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(mappings, imports.Mappings(context.actor(), *id));
                 Json items = Json::array();
                 for (const auto& mapping : *mappings) items.push_back(CallMappingJson(mapping));
                 return JsonResponse(200, Json{{"items", std::move(items)}});
             })
        .ReturnsItems("CallMapping")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/call-mappings", Access::kSession, "callcentre",
             "Save a column mapping for the contract's vendor: name, header (bool), columns {agent_id, called_number, "
             "start, end, talk_seconds required; calling_number, answer, result, call_id optional: 1-based column "
             "numbers} (CC-8)",
             [&imports](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 CallMappingInput input;
                 input.name = reader.String("name", JsonReader::Need::kOptional);
                 input.header = reader.Boolean("header", JsonReader::Need::kOptional, true);
                 if (const auto* columns = reader.Object("columns")) {
                     for (const auto& [field, number] : columns->items()) {
                         if (!number.is_number_integer()) {
                             validation.Fail("columns." + field, {"列号须为整数", "A column number is a whole number"});
                         } else {
                             input.columns[field] = number.get<std::int64_t>();
                         }
                     }
                 }
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(mapping, imports.SaveMapping(context.actor(), *id, input));
                 return JsonResponse(201, CallMappingJson(*mapping));
             })
        .Body("CallMappingInput")
        .Creates("CallMapping")
        .Requires({Permission::kCallImport})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http

// Routes: call-record imports (upload, status and report, cancel, list) and saved column mappings (CC-8).
#include "features/callcentre/call_import_routes.h"

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
            {"status", std::string(storage::CallImportStatusCode(row.status))},
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

Json CallMappingJson(const storage::CallMappingRow& row) {
    Json mapping = Json::parse(row.mapping_json, nullptr, false);
    if (mapping.is_discarded()) mapping = Json::object();
    return {{"id", row.id},
            {"name", row.name},
            {"header", mapping.value("header", true)},
            {"columns", mapping.contains("columns") ? mapping["columns"] : Json::object()},
            {"created_at", row.created_at.ToIso()}};
}

}  // namespace

void AddCallImportRoutes(Router& router, CallImportService& imports) {
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
                 request.filename = UrlDecode(context.request.Header("x-filename"), false);
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
        .Requires({Permission::kCallImport})
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
        .Requires({Permission::kCallImport})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http

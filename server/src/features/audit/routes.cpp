// The audit trail: its entries, filtered, and the verification of its chain.
#include "features/audit/routes.h"

#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

std::optional<Instant> DayStart(const std::optional<std::string>& text, int add_days, Validation& validation,
                                const std::string& field) {
    if (!text || text->empty()) return std::nullopt;
    const auto date = Date::Parse(*text);
    if (!date) {
        validation.Fail(field, {"日期格式须为 YYYY-MM-DD", "Date must be YYYY-MM-DD"});
        return std::nullopt;
    }
    return Instant{(date->AddDays(add_days).days() * 86400 - kShanghaiOffsetSeconds) * 1000};
}

}  // namespace

void AddAuditRoutes(Router& router, AuditService& audit) {
    router
        .Add("GET", "/api/v1/audit", Access::kSession, "audit", "Audit entries, newest first, filterable",
             [&audit](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {"seq"}, validation);
                 AuditFilter filter;
                 filter.actor = context.request.Query("actor").value_or("");
                 filter.entity = context.request.Query("entity").value_or("");
                 filter.action = context.request.Query("action").value_or("");
                 if (auto id = context.request.Query("entity_id"); id && !id->empty()) {
                     try {
                         filter.entity_id = std::stoll(*id);
                     } catch (const std::exception&) {
                         validation.Fail("entity_id", {"须为整数", "Must be a whole number"});
                     }
                 }
                 // `to` is a whole day: entries up to the end of that day in Asia/Shanghai.
                 filter.from = DayStart(context.request.Query("from"), 0, validation, "from");
                 filter.to = DayStart(context.request.Query("to"), 1, validation, "to");
                 if (!validation.ok()) return validation.ToError();
                 filter.page = page.page;
                 filter.page_size = page.page_size;
                 HOUQIN_TRY(result, audit.List(context.actor(), filter));
                 Json items = Json::array();
                 for (const auto& entry : result->items) items.push_back(AuditEntryJson(entry));
                 return JsonResponse(200, PageJson(items, result->total, page));
             })
        .ReturnsPage("AuditEntry")
        .Requires({Permission::kAuditRead})
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/audit/verify", Access::kSession, "audit", "Verify the hash chain of the audit trail",
             [&audit](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(result, audit.Verify(context.actor()));
                 return JsonResponse(
                     200, Json{{"ok", result->ok},
                               {"checked", result->checked},
                               {"first_bad_seq", result->first_bad_seq ? Json(*result->first_bad_seq) : Json(nullptr)},
                               {"reason", result->ok ? Json(nullptr) : TextJson(result->reason)}});
             })
        .Returns("AuditVerifyResult")
        .Requires({Permission::kAuditRead})
        .Scope(RecordScope::kNone);
}

}  // namespace houqin::http

// Routes: the monthly agent assessment (CC-3) and, through its computation, the top-3 bonus (CC-6).
#include "features/callcentre/score_routes.h"

#include <fmt/format.h>

#include "platform/documents/workbook.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

constexpr const char* kScoreXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kScoreXlsxSuffix = ".xlsx";

Json StoredScoreJson(const StoredAgentScore& score) {
    Json json = Json::parse(score.detail_json);
    json["person_id"] = score.person_id;
    json["person_name"] = score.person_name;
    json["month"] = score.month;
    json["rank"] = score.rank;
    json["tied"] = score.tied;
    json["total"] = score.total;
    json["total_text"] = FormatPoints(score.total);
    json["method_version"] = score.method_version;
    return json;
}

Json ScoreMonthJson(const ScoreMonthView& view) {
    Json agents = Json::array();
    for (const auto& agent : view.agents) agents.push_back(StoredScoreJson(agent));
    Json json = {{"month", view.month},           {"computed", view.record.has_value()},
                 {"agents", std::move(agents)},   {"can_compute", view.can_compute},
                 {"can_export", view.can_export}, {"proposed", view.proposed},
                 {"withdrawn", view.withdrawn},   {"unmatched_calls", view.unmatched_calls}};
    if (view.record) {
        json["method_version"] = view.record->method_version;
        json["method"] = Json::parse(view.record->method_json);
        json["computed_at"] = view.record->computed_at.ToIso();
        json["computed_by_name"] = view.record->computed_by_name;
    } else {
        json["method_version"] = nullptr;
        json["method"] = nullptr;
        json["computed_at"] = nullptr;
        json["computed_by_name"] = nullptr;
    }
    return json;
}

Json PersonHistoryJson(const PersonScoreHistory& history) {
    Json months = Json::array();
    for (const auto& month : history.months) {
        months.push_back({{"month", month.month},
                          {"ranked", month.score.has_value()},
                          {"total", month.score ? Json(month.score->total) : Json()},
                          {"total_text", month.score ? Json(FormatPoints(month.score->total)) : Json()},
                          {"rank", month.score ? Json(month.score->rank) : Json()},
                          {"tied", month.score ? Json(month.score->tied) : Json()},
                          {"agent_count", month.agent_count}});
    }
    return {{"person_id", history.person_id}, {"person_name", history.name}, {"months", std::move(months)}};
}

// The ranked month as the basis for pay: one row per agent, the four dimensions and the penalty in points.
reports::Sheet ScoreMonthSheet(const ScoreMonthView& view) {
    reports::Sheet sheet;
    sheet.name = fmt::format("{} 坐席考核", view.month);
    sheet.columns = {{"名次 Rank", 10},          {"姓名 Name", 14},           {"工号 Agent ID", 14},
                     {"总分 Total", 12},         {"劳动纪律 Discipline", 14}, {"成功访问 Visits", 14},
                     {"呼出时长 Talk time", 14}, {"培训成绩 Training", 14},   {"建议扣分 Penalty", 14},
                     {"并列 Tied", 8},           {"考核办法版本 Method", 14}};
    sheet.numeric = {true, false, false, true, true, true, true, true, true, false, true};
    for (const auto& agent : view.agents) {
        const auto detail = Json::parse(agent.detail_json);
        std::vector<std::string> row = {std::to_string(agent.rank), agent.person_name};
        std::string ids;
        for (const auto& id : detail.value("agent_ids", Json::array())) {
            if (!ids.empty()) ids += ", ";
            ids += id.get<std::string>();
        }
        row.push_back(ids);
        row.push_back(FormatPoints(agent.total));
        for (const auto& dimension : detail.value("dimensions", Json::array())) {
            row.push_back(dimension.value("points_text", ""));
        }
        while (row.size() < 8) row.emplace_back();
        row.push_back(detail.value("penalty_deduction_text", "0.00"));
        row.emplace_back(agent.tied ? "并列 tied" : "");
        row.push_back(std::to_string(agent.method_version));
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

}  // namespace

void AddAgentScoreRoutes(Router& router, AgentScoreService& scores) {
    router
        .Add("POST", "/api/v1/contracts/{id}/agent-scores/{month}/compute", Access::kSession, "callcentre",
             "The office computes the month's agent assessment and stores it, replacing an earlier result; top-3 "
             "streaks become bonus proposals (CC-3, CC-6)",
             [&scores](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 const auto month = context.request.params.at("month");
                 HOUQIN_TRY(view, scores.Compute(context.actor(), *id, month));
                 return JsonResponse(200, ScoreMonthJson(*view));
             })
        .NoBody()
        .Returns("ScoreMonth")
        .Requires({Permission::kSupervisionWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/agent-scores", Access::kSession, "callcentre",
             "The month's ranked agent scores with each dimension explained (month=YYYY-MM) (CC-3)",
             [&scores](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, scores.Month(context.actor(), *id, context.request.Query("month").value_or("")));
                 return JsonResponse(200, ScoreMonthJson(*view));
             })
        .Returns("ScoreMonth")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/agent-scores/person/{person_id}", Access::kSession, "callcentre",
             "One person's total and rank in each of the last 12 months, for a chart (CC-3)",
             [&scores](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(person_id, PathId(context.request, "person_id"));
                 HOUQIN_TRY(history, scores.Person(context.actor(), *id, *person_id));
                 return JsonResponse(200, PersonHistoryJson(*history));
             })
        .Returns("PersonScoreHistory")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/agent-scores/{file}", Access::kSession, "callcentre",
             "The ranked month as Excel, the basis for pay ({file} is YYYY-MM.xlsx); the export is audited (CC-3, "
             "CC-7)",
             [&scores](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 const auto file = context.request.params.at("file");
                 if (file.size() <= kScoreXlsxSuffix.size() ||
                     file.compare(file.size() - kScoreXlsxSuffix.size(), kScoreXlsxSuffix.size(), kScoreXlsxSuffix) !=
                         0) {
                     return Error::Invalid("month", {"导出文件名须为 年-月.xlsx,如 2026-11.xlsx",
                                                     "The file must be YYYY-MM.xlsx, e.g. 2026-11.xlsx"});
                 }
                 const auto month = file.substr(0, file.size() - kScoreXlsxSuffix.size());
                 HOUQIN_TRY(view, scores.Export(context.actor(), *id, month));
                 return FileResponse(kScoreXlsxType, reports::WriteWorkbook(ScoreMonthSheet(*view)),
                                     fmt::format("agent-scores-{}.xlsx", view->month),
                                     fmt::format("{} 坐席月度考核.xlsx", view->month), Disposition::kAttachment);
             })
        .ReturnsFile(kScoreXlsxType)
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http

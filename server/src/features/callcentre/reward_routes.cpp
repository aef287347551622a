// Routes: the office records and withdraws extra rewards; the list per month and per person with totals (CC-5).
#include "features/callcentre/reward_routes.h"

#include <charconv>

#include "platform/http/json_reader.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Json CcRewardJson(const RewardView& view) {
    const auto& reward = view.reward;
    return {{"id", reward.id},
            {"contract_id", reward.contract_id},
            {"person_id", reward.person_id},
            {"person_name", view.person_name},
            {"amount_fen", reward.amount_fen},
            {"paid_by", "organisation"},
            {"handed_out_by", std::string(RewardHandedOutByCode(reward.handed_out_by))},
            {"handed_out_by_name", TextJson(RewardHandedOutByText(reward.handed_out_by))},
            {"reason", reward.reason},
            {"awarded_on", reward.awarded_on.ToString()},
            {"month", reward.month},
            {"batch_id", reward.batch_id ? Json(*reward.batch_id) : Json()},
            {"status", std::string(RewardStatusCode(reward.status))},
            {"status_name", TextJson(RewardStatusText(reward.status))},
            {"withdrawn_reason", reward.withdrawn_reason},
            {"withdrawn_at", reward.withdrawn_at ? Json(reward.withdrawn_at->ToIso()) : Json()},
            {"can_withdraw", view.can_withdraw}};
}

Json RewardListJson(const RewardList& list) {
    Json items = Json::array();
    for (const auto& item : list.items) items.push_back(CcRewardJson(item));
    Json people = Json::array();
    for (const auto& person : list.people) {
        people.push_back({{"person_id", person.person_id},
                          {"person_name", person.person_name},
                          {"count", person.count},
                          {"total_fen", person.total_fen}});
    }
    return {{"month", list.month.empty() ? Json() : Json(list.month)},
            {"items", std::move(items)},
            {"people", std::move(people)},
            {"total_fen", list.total_fen},
            {"can_record", list.can_record}};
}

}  // namespace

void AddRewardRoutes(Router& router, RewardService& rewards) {
    router
        .Add("GET", "/api/v1/contracts/{id}/rewards", Access::kSession, "callcentre",
             "The contract's extra rewards (month=YYYY-MM, person_id optional) with each person's and the total in "
             "fen; withdrawn ones listed but not counted (CC-5)",
             [&rewards](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 RewardQuery query;
                 query.month = context.request.Query("month").value_or("");
                 if (auto text = context.request.Query("person_id"); text && !text->empty()) {
                     std::int64_t person_id = 0;
                     const auto* end = text->data() + text->size();
                     const auto [at, error] = std::from_chars(text->data(), end, person_id);
                     if (error != std::errc() || at != end) {
                         return Error::Invalid("person_id", {"须为整数", "Must be a whole number"});
                     }
                     query.person_id = person_id;
                 }
                 HOUQIN_TRY(list, rewards.List(context.actor(), *id, query));
                 return JsonResponse(200, RewardListJson(*list));
             })
        .Returns("CallCentreRewardList")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/rewards", Access::kSession, "callcentre",
             "The office records an extra reward for named people on the roster (person_ids, amount_fen, "
             "handed_out_by organisation|vendor, reason, awarded_on): one reward per person (CC-5)",
             [&rewards](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 RewardInput input;
                 // Empty or missing values are refused by the service, which names them in words.
                 input.person_ids = reader.IntegerList("person_ids");
                 if (const auto person_id = reader.OptionalInteger("person_id")) input.person_ids.push_back(*person_id);
                 input.amount_fen = reader.OptionalInteger("amount_fen");
                 input.handed_out_by = reader.String("handed_out_by", JsonReader::Need::kOptional);
                 input.reason = reader.String("reason", JsonReader::Need::kOptional);
                 input.awarded_on = reader.String("awarded_on", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(recorded, rewards.Record(context.actor(), *id, input));
                 Json items = Json::array();
                 for (const auto& view : *recorded) items.push_back(CcRewardJson(view));
                 return JsonResponse(201, Json{{"items", std::move(items)}});
             })
        .Body("CallCentreRewardInput")
        .Creates("RecordedRewards")
        .Requires({Permission::kCcRewardWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/callcentre/rewards/{id}/withdraw", Access::kSession, "callcentre",
             "The office withdraws a mistaken reward with a reason; it stays listed, marked, and leaves the totals "
             "(CC-5)",
             [&rewards](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto reason = reader.String("reason", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(reward, rewards.Withdraw(context.actor(), *id, reason));
                 return JsonResponse(200, CcRewardJson(*reward));
             })
        .Body("CallCentreReasonInput")
        .Returns("CallCentreReward")
        .Requires({Permission::kCcRewardWrite})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http

// CC-1: which person held an agent ID on a day, from the ID's history (the call-record import's question).
#include "features/callcentre/rules/agent_ids.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

Date Day(const char* text) { return *Date::Parse(text); }

AgentIdAssignment Row(std::int64_t id, const char* agent_id, std::int64_t person_id, const char* from,
                      const char* to = nullptr) {
    AgentIdAssignment row;
    row.id = id;
    row.agent_id = agent_id;
    row.person_id = person_id;
    row.valid_from = Day(from);
    if (to != nullptr) row.valid_to = Day(to);
    return row;
}

TEST(AgentIdsTest, CC1_ReassignedMidMonthEachDayBelongsToOnePerson) {
    // 8012 was Zhang's until the 15th (exclusive) and is Li's from the 15th.
    auto history =
        AgentIdHistory::Make({Row(2, "8012", 20, "2026-11-15"), Row(1, "8012", 10, "2026-11-01", "2026-11-15")});
    ASSERT_TRUE(history.has_value());
    EXPECT_EQ(history->HolderOn("8012", Day("2026-11-01"))->person_id, 10);
    EXPECT_EQ(history->HolderOn("8012", Day("2026-11-14"))->person_id, 10);
    EXPECT_EQ(history->HolderOn("8012", Day("2026-11-15"))->person_id, 20);
    EXPECT_EQ(history->HolderOn("8012", Day("2026-11-30"))->person_id, 20);
    EXPECT_FALSE(history->HolderOn("8012", Day("2026-10-31")).has_value());
    EXPECT_FALSE(history->HolderOn("8013", Day("2026-11-20")).has_value());
    ASSERT_EQ(history->OfAgentId("8012").size(), 2U);
    EXPECT_EQ(history->OfAgentId("8012").front().person_id, 10);
}

TEST(AgentIdsTest, CC1_ClosedThenReopenedHasNoHolderInTheGap) {
    auto history = AgentIdHistory::Make(
        {Row(1, "8012", 10, "2026-09-01", "2026-10-01"), Row(2, "8012", 10, "2026-10-20", "2026-11-01"),
         Row(3, "8012", 10, "2026-11-01")});  // reopened on 10-20, permissions changed on 11-01
    ASSERT_TRUE(history.has_value());
    EXPECT_EQ(history->HolderOn("8012", Day("2026-09-30"))->id, 1);
    EXPECT_FALSE(history->HolderOn("8012", Day("2026-10-01")).has_value());
    EXPECT_FALSE(history->HolderOn("8012", Day("2026-10-19")).has_value());
    EXPECT_EQ(history->HolderOn("8012", Day("2026-10-20"))->id, 2);
    EXPECT_EQ(history->HolderOn("8012", Day("2026-11-01"))->id, 3);
    EXPECT_EQ(history->OfPerson(10).size(), 3U);
    // A new period from the gap onwards would clash with the reopened ID; one after a closed period would not.
    EXPECT_EQ(history->Clash("8012", Day("2026-10-05"))->id, 2);
    EXPECT_FALSE(history->Clash("8013", Day("2026-10-05")).has_value());
}

TEST(AgentIdsTest, CC1_OverlappingPeriodsOfOneIdAreRefused) {
    const auto overlapping =
        AgentIdHistory::Make({Row(1, "8012", 10, "2026-11-01", "2026-11-20"), Row(2, "8012", 20, "2026-11-15")});
    ASSERT_FALSE(overlapping.has_value());
    EXPECT_EQ(overlapping.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(overlapping.error().fields.size(), 1U);
    EXPECT_EQ(overlapping.error().fields.front().field, "agent_id");
    // Two open rows of one ID overlap too; touching periods ([a, b) then [b, ...)) do not.
    EXPECT_FALSE(
        AgentIdHistory::Make({Row(1, "8012", 10, "2026-11-01"), Row(2, "8012", 20, "2026-12-01")}).has_value());
    EXPECT_TRUE(AgentIdHistory::Make({Row(1, "8012", 10, "2026-11-01", "2026-11-15"), Row(2, "8012", 20, "2026-11-15")})
                    .has_value());
    // Different IDs may run side by side; a row ending before it begins is refused.
    EXPECT_TRUE(AgentIdHistory::Make({Row(1, "8012", 10, "2026-11-01"), Row(2, "8013", 20, "2026-11-01")}).has_value());
    const auto backwards = AgentIdHistory::Make({Row(1, "8012", 10, "2026-11-10", "2026-11-10")});
    ASSERT_FALSE(backwards.has_value());
    EXPECT_EQ(backwards.error().code, ErrorCode::kInvalidArgument);
}

TEST(AgentIdsTest, CC1_PeriodsOverlapIsHalfOpen) {
    EXPECT_FALSE(PeriodsOverlap(Day("2026-11-01"), Day("2026-11-15"), Day("2026-11-15"), std::nullopt));
    EXPECT_TRUE(PeriodsOverlap(Day("2026-11-01"), Day("2026-11-16"), Day("2026-11-15"), std::nullopt));
    EXPECT_TRUE(PeriodsOverlap(Day("2026-11-01"), std::nullopt, Day("2026-01-01"), std::nullopt));
}

}  // namespace
}  // namespace houqin

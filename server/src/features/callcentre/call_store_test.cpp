#include "features/callcentre/call_store.h"

#include <gtest/gtest.h>

#include "platform/database/test_database.h"

namespace houqin::storage {
namespace {

// CC-8 -> CC-3: the scoring reads each agent's day totals of a period, and nothing of another contract or day.
TEST(CallStoreTest, LoadAgentDaysReadsTheContractsDaysInTheRange) {
    TestDatabase database;
    auto lease = database->Acquire();
    const char* insert =
        "INSERT INTO call_agent_days (contract_id, agent_id, day, calls, answered, successful, talk_seconds) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)";
    lease->Execute(insert, {std::int64_t{7}, std::string("8012"), std::string("2026-11-30"), std::int64_t{5},
                            std::int64_t{4}, std::int64_t{1}, std::int64_t{300}});
    lease->Execute(insert, {std::int64_t{7}, std::string("8012"), std::string("2026-12-01"), std::int64_t{9},
                            std::int64_t{8}, std::int64_t{3}, std::int64_t{900}});
    lease->Execute(insert, {std::int64_t{7}, std::string("8001"), std::string("2026-12-31"), std::int64_t{2},
                            std::int64_t{1}, std::int64_t{0}, std::int64_t{60}});
    lease->Execute(insert, {std::int64_t{8}, std::string("8012"), std::string("2026-12-02"), std::int64_t{1},
                            std::int64_t{1}, std::int64_t{1}, std::int64_t{10}});
    const auto days = LoadAgentDays(*lease, 7, Date::FromYmd(2026, 12, 1), Date::FromYmd(2026, 12, 31));
    ASSERT_EQ(days.size(), 2U);
    EXPECT_EQ(days[0].agent_id, "8001");
    EXPECT_EQ(days[0].day, Date::FromYmd(2026, 12, 31));
    EXPECT_EQ(days[1].agent_id, "8012");
    EXPECT_EQ(days[1].calls, 9);
    EXPECT_EQ(days[1].answered, 8);
    EXPECT_EQ(days[1].successful, 3);
    EXPECT_EQ(days[1].talk_seconds, 900);
}

}  // namespace
}  // namespace houqin::storage

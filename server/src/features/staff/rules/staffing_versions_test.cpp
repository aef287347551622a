// STF-9: a consented request for an extra duty manager or QA changes the staffing requirement from its effective date,
// as a recorded change: the days before keep the contract's requirement.
#include "features/staff/rules/staffing_versions.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

const Date kTermStart = Date::FromYmd(2026, 1, 1);
const std::vector<StaffingRequirement> kContract = {{DayType::kWorkday, "保洁员", 4, 8},
                                                    {DayType::kWeekend, "保洁员", 2, 8}};

StaffingChange DutyManager(Date from, int people = 1, int hours = 8) {
    return {from,   "值班经理", {DayType::kWorkday, DayType::kWeekend},
            people, hours,      {"增配值班经理", "Extra duty manager"}};
}

// STF-9: without a change the contract's requirement holds from the first day.
TEST(StaffingVersionsTest, STF9WithoutChangesTheContractHolds) {
    const auto history = RequirementHistory(kContract, kTermStart, {});
    ASSERT_EQ(history.size(), 1U);
    EXPECT_EQ(history[0].effective_from, kTermStart);
    EXPECT_EQ(RequirementOn(history, Date::FromYmd(2026, 6, 1)).size(), 2U);
}

// STF-9: a change adds its post from its effective date; the day before keeps the old requirement.
TEST(StaffingVersionsTest, STF9ChangeTakesEffectFromItsDate) {
    const auto from = Date::FromYmd(2026, 3, 15);
    const auto history = RequirementHistory(kContract, kTermStart, {DutyManager(from)});
    ASSERT_EQ(history.size(), 2U);
    EXPECT_EQ(RequirementOn(history, from.AddDays(-1)).size(), 2U);
    const auto after = RequirementOn(history, from);
    ASSERT_EQ(after.size(), 4U);
    EXPECT_EQ(after[2].role, "值班经理");
    EXPECT_EQ(after[2].people, 1);
    EXPECT_EQ(history[1].source.zh, "增配值班经理");
}

// STF-9: more people on a post that exists with the same hours add up; changes apply in date order, cumulatively.
TEST(StaffingVersionsTest, STF9ChangesAccumulateInDateOrder) {
    auto cleaners = DutyManager(Date::FromYmd(2026, 5, 1), 2);
    cleaners.post = "保洁员";
    cleaners.day_types = {DayType::kWorkday};
    // Given out of order: the later one is listed first.
    const auto history = RequirementHistory(kContract, kTermStart, {cleaners, DutyManager(Date::FromYmd(2026, 2, 1))});
    ASSERT_EQ(history.size(), 3U);
    EXPECT_EQ(history[1].effective_from, Date::FromYmd(2026, 2, 1));
    const auto may = RequirementOn(history, Date::FromYmd(2026, 5, 2));
    EXPECT_EQ(may[0].people, 6);  // 4 + 2 cleaners on working days
    EXPECT_EQ(may[1].people, 2);  // rest days unchanged
    EXPECT_EQ(may.size(), 4U);    // the duty manager of February is still there
}

// STF-9: extra people cannot work other hours than the post already requires; the refusal says why in words.
TEST(StaffingVersionsTest, STF9OtherHoursOnTheSamePostAreRefused) {
    auto change = DutyManager(Date::FromYmd(2026, 4, 1), 1, 4);
    change.post = "保洁员";
    const auto applied = ApplyChange(kContract, change);
    EXPECT_FALSE(applied.staffing.has_value());
    EXPECT_NE(applied.refusal.zh.find("8 小时"), std::string::npos);
    std::vector<Text> warnings;
    const auto history = RequirementHistory(kContract, kTermStart, {change}, &warnings);
    EXPECT_EQ(history.size(), 1U);
    ASSERT_EQ(warnings.size(), 1U);
}

// STF-9: staffing compliance reads the history: a duty manager required from the 15th is missing only from then.
TEST(StaffingVersionsTest, STF9ComplianceJudgesEachDayByTheRequirementInForce) {
    HolidayCalendars calendars;
    HolidayCalendar calendar;
    calendar.year = 2026;
    calendars.Add(calendar);
    ComplianceInput input;
    input.first = Date::FromYmd(2026, 3, 9);  // a Monday
    input.last = Date::FromYmd(2026, 3, 20);  // a Friday
    input.requirements = RequirementHistory({{DayType::kWorkday, "保洁员", 1, 8}}, kTermStart,
                                            {DutyManager(Date::FromYmd(2026, 3, 16))});
    input.roster = {{1, "张三", "保洁员", kTermStart, std::nullopt, std::nullopt, {}}};
    std::int64_t id = 0;
    for (auto day = input.first; day <= input.last; day = day.AddDays(1)) {
        input.punches.push_back({++id, 1, "张三", "", {day, 8 * 60}, LocalMinute{day, 16 * 60}});
    }
    input.calendars = &calendars;
    const auto result = ComputeCompliance(input);
    // 9-13 March (before the change): fully staffed; 16-20 March: one duty manager missing each working day.
    EXPECT_EQ(result.short_days, 5);
    EXPECT_EQ(result.missing_person_days, 5);
    for (const auto& day : result.days) {
        EXPECT_EQ(day.short_of_staff, day.date >= Date::FromYmd(2026, 3, 16) && day.day_type == DayType::kWorkday)
            << day.date.ToString();
    }
}

}  // namespace
}  // namespace houqin

// STF-6: the holiday calendar: published tables, day types, imports and validation.
#include "features/staff/rules/holiday_calendar.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

HolidayCalendars Published() {
    HolidayCalendars calendars;
    for (const auto& calendar : PublishedCalendars()) calendars.Add(calendar);
    return calendars;
}

Date D(int year, unsigned month, unsigned day) { return Date::FromYmd(year, month, day); }

int Count(const HolidayCalendar& calendar, CalendarDayKind kind) {
    int count = 0;
    for (const auto& day : calendar.days) count += day.kind == kind ? 1 : 0;
    return count;
}

// STF-6: both published years are present, with the notice's counts of days off and make-up days.
TEST(HolidayCalendarTest, STF6PublishedCalendarsMatchTheNotices) {
    const auto& calendars = PublishedCalendars();
    ASSERT_EQ(calendars.size(), 2u);
    EXPECT_EQ(calendars[0].year, 2025);
    EXPECT_EQ(Count(calendars[0], CalendarDayKind::kOff), 28);
    EXPECT_EQ(Count(calendars[0], CalendarDayKind::kWork), 5);
    EXPECT_NE(calendars[0].source.find("国办发明电〔2024〕12号"), std::string::npos);
    EXPECT_EQ(calendars[1].year, 2026);
    EXPECT_EQ(Count(calendars[1], CalendarDayKind::kOff), 33);
    EXPECT_EQ(Count(calendars[1], CalendarDayKind::kWork), 6);
    EXPECT_NE(calendars[1].source.find("2026"), std::string::npos);
}

// STF-6: day types, never guessed for a year without calendar.
TEST(HolidayCalendarTest, STF6DayTypes) {
    const auto calendars = Published();
    const auto makeup = calendars.TypeOf(D(2026, 2, 14));
    EXPECT_EQ(makeup.type, DayType::kWorkday);
    EXPECT_EQ(makeup.reason.zh, "调休上班(春节)");
    EXPECT_EQ(makeup.reason.en, "Make-up working day (春节)");
    EXPECT_EQ(IsoWeekday(D(2026, 10, 1)), 4);
    const auto national = calendars.TypeOf(D(2026, 10, 1));
    EXPECT_EQ(national.type, DayType::kHoliday);
    EXPECT_EQ(national.reason.zh, "法定节假日(国庆节)");
    EXPECT_EQ(national.reason.en, "Public holiday (国庆节)");
    EXPECT_EQ(IsoWeekday(D(2026, 2, 28)), 6);
    EXPECT_EQ(calendars.TypeOf(D(2026, 2, 28)).type, DayType::kWorkday);
    const auto sunday = calendars.TypeOf(D(2026, 3, 1));
    EXPECT_EQ(sunday.type, DayType::kWeekend);
    EXPECT_EQ(sunday.reason.zh, "周日");
    EXPECT_EQ(sunday.reason.en, "Sunday");
    const auto monday = calendars.TypeOf(D(2026, 3, 2));
    EXPECT_EQ(monday.type, DayType::kWorkday);
    EXPECT_EQ(monday.reason.en, "Working day");
    EXPECT_EQ(calendars.TypeOf(D(2025, 1, 26)).type, DayType::kWorkday);
    const auto unknown = calendars.TypeOf(D(2027, 1, 4));
    EXPECT_FALSE(unknown.type.has_value());
    EXPECT_EQ(unknown.reason.zh, "2027 年尚未维护节假日安排");
    EXPECT_EQ(unknown.reason.en, "No holiday calendar for 2027");
    EXPECT_FALSE(calendars.HasYear(2027));
    EXPECT_TRUE(calendars.HasYear(2026));
}

// STF-6: helpers.
TEST(HolidayCalendarTest, STF6DateHelpersAndCodes) {
    EXPECT_EQ(YearOf(D(2026, 12, 31)), 2026);
    EXPECT_EQ(MonthOf(D(2026, 12, 31)), 12u);
    EXPECT_EQ(IsoWeekday(D(1970, 1, 1)), 4);
    EXPECT_EQ(IsoWeekday(D(1969, 12, 28)), 7);
    EXPECT_EQ(CalendarDayKindCode(CalendarDayKind::kWork), "work");
    EXPECT_EQ(ParseCalendarDayKind("off"), CalendarDayKind::kOff);
    EXPECT_FALSE(ParseCalendarDayKind("休").has_value());
}

// STF-6: the holiday-cn format.
TEST(HolidayCalendarTest, STF6ParsesHolidayCnJson) {
    const auto parsed = ParseHolidayCnJson(
        R"({"$schema":"x","year":2026,"papers":["https://www.gov.cn/notice"],"days":[)"
        R"({"name":"春节","date":"2026-02-15","isOffDay":true},{"name":"春节","date":"2026-02-14","isOffDay":false}]})",
        2026);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->source, "https://www.gov.cn/notice");
    ASSERT_EQ(parsed->days.size(), 2u);
    EXPECT_EQ(parsed->days[0].date, D(2026, 2, 14));
    EXPECT_EQ(parsed->days[0].kind, CalendarDayKind::kWork);
    EXPECT_EQ(parsed->days[1].name, "春节");

    const auto field = [](const Result<HolidayCalendar>& result) {
        return result.has_value() ? std::string("ok") : result.error().fields.at(0).field;
    };
    EXPECT_EQ(field(ParseHolidayCnJson("{not json", 2026)), "content");
    EXPECT_EQ(field(ParseHolidayCnJson(R"({"year":2025,"days":[]})", 2026)), "content");
    EXPECT_EQ(field(ParseHolidayCnJson(R"({"year":2026})", 2026)), "content");
    EXPECT_EQ(field(ParseHolidayCnJson(R"({"days":[{"name":"x","date":"2026-02-30","isOffDay":true}]})", 2026)),
              "content");
    EXPECT_EQ(field(ParseHolidayCnJson(R"({"days":[{"name":"x","date":"2026-03-03","isOffDay":false}]})", 2026)),
              "days");
}

// STF-6: the CSV format, with header, BOM, Chinese kinds and line-numbered errors.
TEST(HolidayCalendarTest, STF6ParsesCsv) {
    const auto parsed = ParseHolidayCsv(
        "\xEF\xBB\xBF"
        "日期,名称,类型\r\n2026-10-01,国庆节,休\r\n\r\n2026/10/"
        "10,国庆节,班\n2026-05-01,劳动节,放假\n2026-05-09,劳动节,上班\n"
        "2026-01-01,元旦,off\n2026-01-04,元旦,WORK\n",
        2026);
    ASSERT_TRUE(parsed.has_value()) << parsed.error().fields.at(0).message.en;
    ASSERT_EQ(parsed->days.size(), 6u);
    EXPECT_EQ(parsed->days.front().date, D(2026, 1, 1));
    EXPECT_EQ(parsed->days[3].kind, CalendarDayKind::kWork);

    const auto message = [](const Result<HolidayCalendar>& result) {
        if (result.has_value()) return std::string("ok");
        EXPECT_EQ(result.error().fields.at(0).field, "content");
        return result.error().fields.at(0).message.en;
    };
    EXPECT_EQ(message(ParseHolidayCsv("date,name,kind\n2026-10-01,国庆节\n", 2026)).substr(0, 7), "Line 2:");
    EXPECT_NE(message(ParseHolidayCsv("2026-10-01,国庆节,off\n2026-13-01,x,off\n", 2026)).find("Line 2"),
              std::string::npos);
    EXPECT_NE(message(ParseHolidayCsv("2026-10-01,国庆节,maybe\n", 2026)).find("Line 1"), std::string::npos);
    EXPECT_NE(message(ParseHolidayCsv("2026-10-01,a,off\n2026-10-01,b,off\n", 2026)).find("already on line 1"),
              std::string::npos);
    EXPECT_NE(message(ParseHolidayCsv("2026-10-08,a,work\n", 2026)).find("Thursday"), std::string::npos);
    EXPECT_NE(message(ParseHolidayCsv("2025-10-01,a,off\n", 2026)).find("not in 2026"), std::string::npos);
    EXPECT_NE(message(ParseHolidayCsv("\n\n", 2026)).find("no dates"), std::string::npos);
}

// STF-6: validation names every bad day on the field "days".
TEST(HolidayCalendarTest, STF6ValidationErrors) {
    HolidayCalendar calendar{2026, "test", {}};
    calendar.days.push_back({D(2026, 3, 3), CalendarDayKind::kWork, "x"});
    calendar.days.push_back({D(2025, 12, 31), CalendarDayKind::kOff, "y"});
    calendar.days.push_back({D(2026, 10, 1), CalendarDayKind::kOff, "z"});
    calendar.days.push_back({D(2026, 10, 1), CalendarDayKind::kOff, "z"});
    const auto result = ValidateCalendar(calendar);
    ASSERT_FALSE(result.has_value());
    ASSERT_EQ(result.error().fields.size(), 3u);
    for (const auto& field : result.error().fields) EXPECT_EQ(field.field, "days");
    EXPECT_NE(result.error().fields[0].message.zh.find("2026-03-03 是周二"), std::string::npos);
    EXPECT_NE(result.error().fields[1].message.en.find("2025-12-31 is not in 2026"), std::string::npos);
    EXPECT_NE(result.error().fields[2].message.en.find("2026-10-01 is listed twice"), std::string::npos);
    EXPECT_EQ(ValidateCalendar(HolidayCalendar{0, "", {}}).error().fields.at(0).field, "year");
}

}  // namespace
}  // namespace houqin

#include "features/staff/rules/holiday_calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>

#include "core/text_rules.h"

namespace houqin {
namespace {

constexpr std::array<const char*, 7> kWeekdayZh = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
constexpr std::array<const char*, 7> kWeekdayEn = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};

std::chrono::year_month_day Ymd(Date date) {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{date.days()}}};
}

bool IsWeekend(Date date) { return IsoWeekday(date) >= 6; }

// What is wrong with one day of a `year` calendar taken alone, if anything.
std::optional<Text> DayProblem(const CalendarDay& day, int year) {
    const auto date = day.date.ToString();
    if (YearOf(day.date) != year) {
        return Text{fmt::format("{} 不在 {} 年内", date, year), fmt::format("{} is not in {}", date, year)};
    }
    if (day.kind == CalendarDayKind::kWork && !IsWeekend(day.date)) {
        const auto weekday = static_cast<std::size_t>(IsoWeekday(day.date) - 1);
        return Text{
            fmt::format("{} 是{},调休上班只能在周六或周日", date, kWeekdayZh[weekday]),
            fmt::format("{} is a {}; a make-up working day must be a Saturday or Sunday", date, kWeekdayEn[weekday])};
    }
    return std::nullopt;
}

Text DuplicateText(Date date) {
    return {fmt::format("{} 出现了两次", date.ToString()), fmt::format("{} is listed twice", date.ToString())};
}

Error ContentError(Text message) { return Error::Invalid("content", std::move(message)); }

Text LineText(std::size_t line, const Text& message) {
    return {fmt::format("第 {} 行:{}", line, message.zh), fmt::format("Line {}: {}", line, message.en)};
}

// 2026-01-01 or 2026/1/1 (what a spreadsheet saves).
std::optional<Date> ParseCsvDate(std::string_view text) {
    if (auto date = Date::Parse(text)) return date;
    int parts[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    int index = 0;
    for (const char c : text) {
        if (c == '/' || c == '-') {
            if (++index > 2) return std::nullopt;
        } else if (c >= '0' && c <= '9') {
            parts[index] = parts[index] * 10 + (c - '0');
            ++digits[index];
        } else {
            return std::nullopt;
        }
    }
    if (index != 2 || digits[0] != 4 || digits[1] < 1 || digits[1] > 2 || digits[2] < 1 || digits[2] > 2) {
        return std::nullopt;
    }
    return Date::Parse(fmt::format("{:04d}-{:02d}-{:02d}", parts[0], parts[1], parts[2]));
}

std::optional<CalendarDayKind> ParseCsvKind(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    if (lower == "off" || text == "休" || text == "放假") return CalendarDayKind::kOff;
    if (lower == "work" || text == "班" || text == "上班") return CalendarDayKind::kWork;
    return std::nullopt;
}

// Splits a CSV line at commas (ASCII or full-width), dropping the double quotes a spreadsheet puts around a field.
std::vector<std::string> SplitCsvLine(std::string_view line) {
    std::vector<std::string> fields;
    std::string current;
    constexpr std::string_view kFullWidthComma = "\xEF\xBC\x8C";  // U+FF0C
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == ',' || line.substr(i, kFullWidthComma.size()) == kFullWidthComma) {
            fields.emplace_back(TrimmedView(current));
            current.clear();
            if (line[i] != ',') i += kFullWidthComma.size() - 1;
            continue;
        }
        if (line[i] != '"') current += line[i];
    }
    fields.emplace_back(TrimmedView(current));
    return fields;
}

CalendarDay Day(int year, unsigned month, unsigned day, CalendarDayKind kind, const char* name) {
    return {Date::FromYmd(year, month, day), kind, name};
}

// Every day from month1/day1 to month2/day2 of `year` as a day off named `name`.
void AddDaysOff(HolidayCalendar& calendar, const char* name, unsigned month1, unsigned day1, unsigned month2,
                unsigned day2) {
    const Date last = Date::FromYmd(calendar.year, month2, day2);
    for (Date date = Date::FromYmd(calendar.year, month1, day1); date <= last; date = date.AddDays(1)) {
        calendar.days.push_back({date, CalendarDayKind::kOff, name});
    }
}

void AddWorkDay(HolidayCalendar& calendar, const char* name, unsigned month, unsigned day) {
    calendar.days.push_back(Day(calendar.year, month, day, CalendarDayKind::kWork, name));
}

std::vector<HolidayCalendar> BuildPublishedCalendars() {
    HolidayCalendar y2025{2025, "国务院办公厅关于2025年部分节假日安排的通知(国办发明电〔2024〕12号)", {}};
    AddDaysOff(y2025, "元旦", 1, 1, 1, 1);
    AddDaysOff(y2025, "春节", 1, 28, 2, 4);
    AddWorkDay(y2025, "春节", 1, 26);
    AddWorkDay(y2025, "春节", 2, 8);
    AddDaysOff(y2025, "清明节", 4, 4, 4, 6);
    AddDaysOff(y2025, "劳动节", 5, 1, 5, 5);
    AddWorkDay(y2025, "劳动节", 4, 27);
    AddDaysOff(y2025, "端午节", 5, 31, 6, 2);
    AddDaysOff(y2025, "国庆节、中秋节", 10, 1, 10, 8);
    AddWorkDay(y2025, "国庆节、中秋节", 9, 28);
    AddWorkDay(y2025, "国庆节、中秋节", 10, 11);

    // The 2026 notice of 2025-11-04; its document number is not in the domain notes, so it is not invented here.
    HolidayCalendar y2026{2026, "国务院办公厅关于2026年部分节假日安排的通知(2025年11月4日)", {}};
    AddDaysOff(y2026, "元旦", 1, 1, 1, 3);
    AddWorkDay(y2026, "元旦", 1, 4);
    AddDaysOff(y2026, "春节", 2, 15, 2, 23);
    AddWorkDay(y2026, "春节", 2, 14);
    AddWorkDay(y2026, "春节", 2, 28);
    AddDaysOff(y2026, "清明节", 4, 4, 4, 6);
    AddDaysOff(y2026, "劳动节", 5, 1, 5, 5);
    AddWorkDay(y2026, "劳动节", 5, 9);
    AddDaysOff(y2026, "端午节", 6, 19, 6, 21);
    AddDaysOff(y2026, "中秋节", 9, 25, 9, 27);
    AddDaysOff(y2026, "国庆节", 10, 1, 10, 7);
    AddWorkDay(y2026, "国庆节", 9, 20);
    AddWorkDay(y2026, "国庆节", 10, 10);

    std::vector<HolidayCalendar> calendars;
    for (auto* calendar : {&y2025, &y2026}) {
        auto validated = ValidateCalendar(std::move(*calendar));
        // The tables above are constants: a mistake in them is a bug caught by the unit tests, never user input.
        if (validated) calendars.push_back(std::move(validated).value());
    }
    return calendars;
}

}  // namespace

std::string_view CalendarDayKindCode(CalendarDayKind kind) { return kind == CalendarDayKind::kWork ? "work" : "off"; }

std::optional<CalendarDayKind> ParseCalendarDayKind(std::string_view code) {
    if (code == "off") return CalendarDayKind::kOff;
    if (code == "work") return CalendarDayKind::kWork;
    return std::nullopt;
}

int YearOf(Date date) { return static_cast<int>(Ymd(date).year()); }
unsigned MonthOf(Date date) { return static_cast<unsigned>(Ymd(date).month()); }

int IsoWeekday(Date date) {
    // 1970-01-01 was a Thursday (4).
    const auto shifted = (date.days() % 7 + 7 + 3) % 7;
    return static_cast<int>(shifted) + 1;
}

Text MissingCalendarText(int year) {
    return {fmt::format("{} 年尚未维护节假日安排", year), fmt::format("No holiday calendar for {}", year)};
}

Result<HolidayCalendar> ValidateCalendar(HolidayCalendar calendar) {
    if (calendar.year < 1900 || calendar.year > 9999) {
        return Error::Invalid("year", {fmt::format("年份 {} 无效", calendar.year),
                                       fmt::format("The year {} is not valid", calendar.year)});
    }
    Validation validation;
    std::set<Date> seen;
    for (auto& day : calendar.days) {
        day.name = std::string(TrimmedView(day.name));
        if (auto problem = DayProblem(day, calendar.year)) validation.Fail("days", std::move(*problem));
        if (!seen.insert(day.date).second) validation.Fail("days", DuplicateText(day.date));
    }
    if (!validation.ok()) return validation.ToError();
    std::stable_sort(calendar.days.begin(), calendar.days.end(),
                     [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
    return calendar;
}

Result<HolidayCalendar> ParseHolidayCnJson(std::string_view text, int year) {
    using Json = nlohmann::json;
    const Json document = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded() || !document.is_object()) {
        return ContentError({"文件不是有效的 JSON", "The file is not valid JSON"});
    }
    if (const auto found = document.find("year"); found != document.end()) {
        if (!found->is_number_integer() || found->get<long long>() != year) {
            return ContentError({fmt::format("文件中的年份 {} 不是 {} 年", found->dump(), year),
                                 fmt::format("The file is for {}, not {}", found->dump(), year)});
        }
    }
    const auto days = document.find("days");
    if (days == document.end() || !days->is_array()) {
        return ContentError({"文件中没有 days 列表", "The file has no \"days\" list"});
    }
    HolidayCalendar calendar{year, "", {}};
    if (const auto papers = document.find("papers");
        papers != document.end() && papers->is_array() && !papers->empty() && papers->front().is_string()) {
        calendar.source = papers->front().get<std::string>();
    }
    std::size_t index = 0;
    for (const auto& item : *days) {
        ++index;
        const Text where{fmt::format("days 中的第 {} 项", index), fmt::format("Entry {} of \"days\"", index)};
        if (!item.is_object()) {
            return ContentError({where.zh + "不是对象", where.en + " is not an object"});
        }
        const auto date_field = item.find("date");
        const auto off_field = item.find("isOffDay");
        const auto name_field = item.find("name");
        std::optional<Date> date;
        if (date_field != item.end() && date_field->is_string()) date = Date::Parse(date_field->get<std::string>());
        if (!date) {
            return ContentError({where.zh + "的 date 不是 YYYY-MM-DD 日期", where.en + " has no YYYY-MM-DD date"});
        }
        if (off_field == item.end() || !off_field->is_boolean()) {
            return ContentError(
                {where.zh + "的 isOffDay 不是 true 或 false", where.en + " has no true/false isOffDay"});
        }
        std::string name;
        if (name_field != item.end() && name_field->is_string()) name = name_field->get<std::string>();
        calendar.days.push_back(
            {*date, off_field->get<bool>() ? CalendarDayKind::kOff : CalendarDayKind::kWork, std::move(name)});
    }
    return ValidateCalendar(std::move(calendar));
}

Result<HolidayCalendar> ParseHolidayCsv(std::string_view text, int year) {
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) text.remove_prefix(kByteOrderMark.size());
    HolidayCalendar calendar{year, "", {}};
    std::map<Date, std::size_t> line_of;
    bool first_content_line = true;
    std::size_t line_number = 0;
    while (!text.empty() || line_number == 0) {
        const auto end = text.find('\n');
        const std::string_view line = TrimmedView(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++line_number;
        if (line.empty()) continue;
        const auto fields = SplitCsvLine(line);
        const bool header = first_content_line && std::none_of(fields[0].begin(), fields[0].end(),
                                                               [](char c) { return c >= '0' && c <= '9'; });
        first_content_line = false;
        if (header) continue;
        if (fields.size() != 3) {
            return ContentError(
                LineText(line_number, {fmt::format("应为“日期,名称,类型”3 列,实为 {} 列", fields.size()),
                                       fmt::format("expected 3 columns (date, name, kind), found {}", fields.size())}));
        }
        const auto date = ParseCsvDate(fields[0]);
        if (!date) {
            return ContentError(LineText(line_number, {fmt::format("日期“{}”无效,应为 YYYY-MM-DD", fields[0]),
                                                       fmt::format("the date '{}' is not YYYY-MM-DD", fields[0])}));
        }
        const auto kind = ParseCsvKind(fields[2]);
        if (!kind) {
            return ContentError(
                LineText(line_number, {fmt::format("类型“{}”应为 off/work、休/班 或 放假/上班", fields[2]),
                                       fmt::format("the kind '{}' must be off/work, 休/班 or 放假/上班", fields[2])}));
        }
        CalendarDay day{*date, *kind, fields[1]};
        if (auto problem = DayProblem(day, year)) return ContentError(LineText(line_number, *problem));
        if (const auto [previous, inserted] = line_of.emplace(*date, line_number); !inserted) {
            return ContentError(
                LineText(line_number, {fmt::format("{} 已在第 {} 行出现", date->ToString(), previous->second),
                                       fmt::format("{} is already on line {}", date->ToString(), previous->second)}));
        }
        calendar.days.push_back(std::move(day));
    }
    if (calendar.days.empty()) return ContentError({"文件中没有日期", "The file lists no dates"});
    return ValidateCalendar(std::move(calendar));
}

const std::vector<HolidayCalendar>& PublishedCalendars() {
    static const std::vector<HolidayCalendar> kCalendars = BuildPublishedCalendars();
    return kCalendars;
}

void HolidayCalendars::Add(HolidayCalendar calendar) {
    auto& days = years_[calendar.year];
    days.clear();
    for (auto& day : calendar.days) days.insert_or_assign(day.date, std::move(day));
}

bool HolidayCalendars::HasYear(int year) const { return years_.contains(year); }

DayTypeAnswer HolidayCalendars::TypeOf(Date date) const {
    const int year = YearOf(date);
    const auto calendar = years_.find(year);
    if (calendar == years_.end()) return {std::nullopt, MissingCalendarText(year)};
    if (const auto day = calendar->second.find(date); day != calendar->second.end()) {
        const auto& name = day->second.name;
        if (day->second.kind == CalendarDayKind::kOff) {
            return {DayType::kHoliday,
                    {name.empty() ? "法定节假日" : fmt::format("法定节假日({})", name),
                     name.empty() ? "Public holiday" : fmt::format("Public holiday ({})", name)}};
        }
        return {DayType::kWorkday,
                {name.empty() ? "调休上班" : fmt::format("调休上班({})", name),
                 name.empty() ? "Make-up working day" : fmt::format("Make-up working day ({})", name)}};
    }
    const auto weekday = static_cast<std::size_t>(IsoWeekday(date) - 1);
    if (weekday >= 5) return {DayType::kWeekend, {kWeekdayZh[weekday], kWeekdayEn[weekday]}};
    return {DayType::kWorkday, {"工作日", "Working day"}};
}

}  // namespace houqin

#pragma once
// STF-6: which days are working days, weekends and public holidays in a year, from the State Council General
// Office's yearly notice (国务院办公厅关于部分节假日安排的通知). The notice lists the days off of each holiday and
// the Saturdays and Sundays that are make-up working days (调休上班); every other day is a working day from Monday
// to Friday and a weekend day on Saturday and Sunday. A year whose notice nobody has entered is unknown: its day
// types are never guessed from the weekday, since a guess would count a make-up Saturday as a weekend
// (/work/shared/domain/holiday-calendar.md).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "features/contracts/model.h"

namespace houqin {

// kOff: a day off in the notice; kWork: a make-up working day on a Saturday or Sunday.
enum class CalendarDayKind { kOff, kWork };
std::string_view CalendarDayKindCode(CalendarDayKind kind);  // "off" / "work"
std::optional<CalendarDayKind> ParseCalendarDayKind(std::string_view code);

struct CalendarDay {
    Date date;
    CalendarDayKind kind = CalendarDayKind::kOff;
    std::string name;  // the holiday's name, e.g. 春节
};

struct HolidayCalendar {
    int year = 0;
    std::string source;             // the notice it was taken from
    std::vector<CalendarDay> days;  // the notice's special days only, ascending once validated
};

int YearOf(Date date);
unsigned MonthOf(Date date);
int IsoWeekday(Date date);  // 1 = Monday .. 7 = Sunday

// Every date in the calendar's year, no date twice, kWork only on a Saturday or Sunday. Errors name the field
// "days" (one per bad day, the message says which date and why), or "year" for a year outside 1900..9999. The
// days come back sorted by date and names trimmed.
Result<HolidayCalendar> ValidateCalendar(HolidayCalendar calendar);

// holiday-cn's yearly file (MIT licence): {"year":2026,"papers":["https://..."],"days":[{"name":"元旦",
// "date":"2026-01-01","isOffDay":true}]}; isOffDay false marks a make-up working day. The source is papers[0] when
// present. A file that cannot be read, or is for another year, is an error on the field "content"; its days are
// then validated as ValidateCalendar does.
Result<HolidayCalendar> ParseHolidayCnJson(std::string_view text, int year);

// A simple CSV: one "date,name,kind" per line, kind off|work (also 休/班, 放假/上班); dates as 2026-01-01 or
// 2026/1/1. An optional header line (its first column has no digit), blank lines and a UTF-8 byte order mark are
// skipped. Errors are on the field "content" and start with the line's number (第 3 行 / Line 3), the header
// counting as a line as a spreadsheet shows it.
Result<HolidayCalendar> ParseHolidayCsv(std::string_view text, int year);

// The notices for 2025 and 2026 as published (/work/shared/domain/holiday-calendar.md): every day off of each span
// and every make-up working day; source is the notice's name.
const std::vector<HolidayCalendar>& PublishedCalendars();

struct DayTypeAnswer {
    std::optional<DayType> type;  // nullopt: the year has no calendar
    Text reason;                  // why, e.g. 调休上班(春节) / Make-up working day (春节)
};

// The calendars known to the system, one per year; Add replaces a year's calendar.
class HolidayCalendars {
  public:
    void Add(HolidayCalendar calendar);
    [[nodiscard]] bool HasYear(int year) const;
    // A day off -> kHoliday, a make-up day -> kWorkday, otherwise Saturday and Sunday -> kWeekend and the rest
    // kWorkday; a year without calendar -> nullopt, never a guess from the weekday.
    [[nodiscard]] DayTypeAnswer TypeOf(Date date) const;

  private:
    std::map<int, std::map<Date, CalendarDay>> years_;
};

// The reason TypeOf gives for a year without calendar: "2027 年尚未维护节假日安排 / No holiday calendar for 2027".
Text MissingCalendarText(int year);

}  // namespace houqin

#include "features/staff/rules/staffing_compliance.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace houqin {
namespace {

constexpr std::int64_t kMinutesPerDay = 1440;

std::int64_t Absolute(const LocalMinute& time) { return time.date.days() * kMinutesPerDay + time.minute; }

std::string ClockText(const LocalMinute& time) {
    const std::int64_t absolute = Absolute(time);
    const std::int64_t days = absolute / kMinutesPerDay - (absolute % kMinutesPerDay < 0 ? 1 : 0);
    const std::int64_t minute = absolute - days * kMinutesPerDay;
    return fmt::format("{} {:02d}:{:02d}", Date::FromDays(days).ToString(), minute / 60, minute % 60);
}

enum class Language { kChinese, kEnglish };

std::string EmploymentText(const RosterEntry& entry, Language language) {
    if (language == Language::kChinese) {
        return entry.end ? fmt::format("{} 至 {}", entry.start.ToString(), entry.end->ToString())
                         : fmt::format("{} 起", entry.start.ToString());
    }
    return entry.end ? fmt::format("{} to {}", entry.start.ToString(), entry.end->ToString())
                     : fmt::format("from {}", entry.start.ToString());
}

struct Problem {
    NoteKind kind;
    Text text;
};

struct Interval {
    std::int64_t begin = 0;
    std::int64_t end = 0;
};

int MergedMinutes(std::vector<Interval> intervals) {
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
    std::int64_t total = 0;
    std::int64_t covered_until = std::numeric_limits<std::int64_t>::min();
    for (const auto& interval : intervals) {
        const std::int64_t begin = std::max(interval.begin, covered_until);
        if (interval.end > begin) total += interval.end - begin;
        covered_until = std::max(covered_until, interval.end);
    }
    return static_cast<int>(total);
}

}  // namespace

std::string_view NoteKindCode(NoteKind kind) {
    switch (kind) {
        case NoteKind::kNotOnRoster: return "not_on_roster";
        case NoteKind::kOutsideEmployment: return "outside_employment";
        case NoteKind::kNoClockOut: return "no_clock_out";
        case NoteKind::kUnavailable: return "unavailable";
        case NoteKind::kPostNotRequired: return "post_not_required";
        case NoteKind::kUnknownDayType: return "unknown_day_type";
    }
    return "not_on_roster";
}

ComplianceResult ComputeCompliance(const ComplianceInput& input) {
    ComplianceResult result;
    const HolidayCalendars no_calendars;
    const HolidayCalendars& calendars = input.calendars != nullptr ? *input.calendars : no_calendars;

    std::vector<const RequirementVersion*> versions;
    for (const auto& version : input.requirements) versions.push_back(&version);
    std::stable_sort(versions.begin(), versions.end(), [](const RequirementVersion* a, const RequirementVersion* b) {
        return a->effective_from < b->effective_from;
    });
    const auto version_for = [&](Date date) -> const RequirementVersion* {
        const RequirementVersion* found = nullptr;
        for (const auto* version : versions) {
            if (version->effective_from <= date) found = version;
        }
        return found;
    };

    // The days and their required posts.
    std::map<int, int> unknown_days_by_year;
    std::vector<Date> days_without_requirement;
    for (Date date = input.first; date <= input.last; date = date.AddDays(1)) {
        DayResult day;
        day.date = date;
        auto answer = calendars.TypeOf(date);
        day.day_type = answer.type;
        day.day_reason = std::move(answer.reason);
        if (!day.day_type) {
            ++unknown_days_by_year[YearOf(date)];
        } else if (const auto* version = version_for(date); version == nullptr) {
            days_without_requirement.push_back(date);
        } else {
            std::set<std::string> named;
            for (const auto& staffing : version->staffing) {
                if (staffing.day_type != *day.day_type || staffing.people <= 0 || staffing.hours <= 0) continue;
                if (!named.insert(staffing.role).second) continue;
                day.posts.push_back({staffing.role, staffing.people, staffing.hours, 0, 0, {}});
            }
            std::sort(day.posts.begin(), day.posts.end(),
                      [](const PostDay& a, const PostDay& b) { return a.post < b.post; });
        }
        result.days.push_back(std::move(day));
    }
    const auto day_at = [&](Date date) -> DayResult* {
        if (date < input.first || date > input.last) return nullptr;
        return &result.days[static_cast<std::size_t>(date.days() - input.first.days())];
    };

    std::map<std::int64_t, std::vector<const RosterEntry*>> roster;
    for (const auto& entry : input.roster) roster[entry.person_id].push_back(&entry);

    // Why `punch` cannot count on `date` for who the person is, if anything; sets `entry` to the roster entry.
    const auto person_problem = [&](const Punch& punch, const std::string& name, Date date,
                                    const RosterEntry*& entry) -> std::optional<Problem> {
        const auto found = roster.find(punch.person_id);
        if (found == roster.end()) {
            return Problem{
                NoteKind::kNotOnRoster,
                {fmt::format("{} 不在人员花名册上,{} 的考勤不计", name, date.ToString()),
                 fmt::format("{} is not on the roster; attendance on {} not counted", name, date.ToString())}};
        }
        entry = nullptr;
        for (const auto* candidate : found->second) {
            if (candidate->start <= date && (!candidate->end || date <= *candidate->end)) {
                entry = candidate;
                break;
            }
        }
        if (entry == nullptr) {
            const auto* first = found->second.front();
            return Problem{NoteKind::kOutsideEmployment,
                           {fmt::format("{} 在岗期间为 {},{} 的考勤不计", name,
                                        EmploymentText(*first, Language::kChinese), date.ToString()),
                            fmt::format("{} is employed {}; attendance on {} not counted", name,
                                        EmploymentText(*first, Language::kEnglish), date.ToString())}};
        }
        if (entry->unavailable_from && date >= *entry->unavailable_from) {
            const auto from = entry->unavailable_from->ToString();
            return Problem{NoteKind::kUnavailable,
                           {fmt::format("{} 自 {} 起不计入在岗人数({}),{} 的考勤不计", name, from,
                                        entry->unavailable_reason.zh, date.ToString()),
                            fmt::format("{} is not counted from {} ({}); attendance on {} not counted", name, from,
                                        entry->unavailable_reason.en, date.ToString())}};
        }
        // STF-2: a required document past its last valid day; the earliest named first, so the note is stable.
        if (input.expired_documents == ExpiredDocuments::kBlock) {
            const RequiredDocument* expired = nullptr;
            for (const auto& document : entry->documents) {
                if (document.expires_on && *document.expires_on < date &&
                    (!document.renewed_on || date < *document.renewed_on) &&
                    (expired == nullptr || *document.expires_on < *expired->expires_on)) {
                    expired = &document;
                }
            }
            if (expired != nullptr) {
                const auto until = expired->expires_on->ToString();
                return Problem{
                    NoteKind::kUnavailable,
                    {fmt::format("{} 的{}已于 {} 过期,{} 的考勤不计", name, expired->name.zh, until, date.ToString()),
                     fmt::format("{}'s {} expired on {}; attendance on {} not counted", name, expired->name.en, until,
                                 date.ToString())}};
            }
        }
        return std::nullopt;
    };

    const auto add_note = [&](Date date, const Punch& punch, const std::string& name, Problem problem) {
        result.notes.push_back({date, punch.person_id, name, punch.id, problem.kind, std::move(problem.text)});
    };

    // (day index, post, person) -> the punched intervals, in absolute minutes.
    std::map<std::tuple<std::size_t, std::string, std::int64_t>, std::vector<Interval>> worked;
    std::map<std::int64_t, std::string> names;
    for (const auto& punch : input.punches) {
        std::string name = punch.name;
        if (name.empty()) {
            if (const auto found = roster.find(punch.person_id); found != roster.end()) {
                name = found->second.front()->name;
            }
        }
        const RosterEntry* entry = nullptr;
        const std::int64_t begin = Absolute(punch.clock_in);
        if (!punch.clock_out || Absolute(*punch.clock_out) <= begin) {
            const Date date = punch.clock_in.date;
            if (day_at(date) == nullptr) continue;
            if (auto problem = person_problem(punch, name, date, entry)) {
                add_note(date, punch, name, std::move(*problem));
            } else if (!punch.clock_out) {
                add_note(date, punch, name,
                         {NoteKind::kNoClockOut,
                          {fmt::format("{} {} 上班后没有下班打卡,不计工时", name, ClockText(punch.clock_in)),
                           fmt::format("{} clocked in at {} and never clocked out; no hours counted", name,
                                       ClockText(punch.clock_in))}});
            } else {
                add_note(date, punch, name,
                         {NoteKind::kNoClockOut,
                          {fmt::format("{} 的下班时间 {} 不晚于上班时间 {},不计工时", name, ClockText(*punch.clock_out),
                                       ClockText(punch.clock_in)),
                           fmt::format("{} clocked out at {}, not after clocking in at {}; no hours counted", name,
                                       ClockText(*punch.clock_out), ClockText(punch.clock_in))}});
            }
            continue;
        }
        const std::int64_t end = Absolute(*punch.clock_out);
        const std::int64_t first_day = begin / kMinutesPerDay - (begin % kMinutesPerDay < 0 ? 1 : 0);
        for (std::int64_t day_number = first_day; day_number * kMinutesPerDay < end; ++day_number) {
            const Interval segment{std::max(begin, day_number * kMinutesPerDay),
                                   std::min(end, (day_number + 1) * kMinutesPerDay)};
            const Date date = Date::FromDays(day_number);
            DayResult* day = day_at(date);
            if (day == nullptr || segment.end <= segment.begin) continue;
            if (auto problem = person_problem(punch, name, date, entry)) {
                add_note(date, punch, name, std::move(*problem));
                continue;
            }
            if (!day->day_type) {
                add_note(
                    date, punch, name,
                    {NoteKind::kUnknownDayType,
                     {fmt::format("{} 的日期类型未知({}),{} 的考勤不计", date.ToString(), day->day_reason.zh, name),
                      fmt::format("The type of {} is unknown ({}); {}'s attendance not counted", date.ToString(),
                                  day->day_reason.en, name)}});
                continue;
            }
            const std::string& post = punch.post.empty() ? entry->post : punch.post;
            const bool required = std::any_of(day->posts.begin(), day->posts.end(),
                                              [&](const PostDay& post_day) { return post_day.post == post; });
            if (!required) {
                add_note(
                    date, punch, name,
                    {NoteKind::kPostNotRequired,
                     {fmt::format("{} 在岗位“{}”的考勤不计:{} 的人员配置要求中没有该岗位", name, post, date.ToString()),
                      fmt::format("{}'s attendance on post {} not counted: the staffing requirement for {} "
                                  "names no such post",
                                  name, post, date.ToString())}});
                continue;
            }
            const auto index = static_cast<std::size_t>(date.days() - input.first.days());
            worked[{index, post, punch.person_id}].push_back(segment);
            names.emplace(punch.person_id, entry->name.empty() ? name : entry->name);
        }
    }

    for (auto& [key, intervals] : worked) {
        // Named, not a structured binding: clang (the fuzz and tidy builds) cannot capture one in a lambda.
        const auto& [index, post_name, person_id] = key;
        const std::string& post = post_name;
        auto& day = result.days[index];
        auto post_day = std::find_if(day.posts.begin(), day.posts.end(),
                                     [&](const PostDay& candidate) { return candidate.post == post; });
        const int minutes = std::min(MergedMinutes(std::move(intervals)), post_day->required_hours * 60);
        if (minutes > 0) post_day->present.push_back({person_id, names[person_id], minutes});
    }

    for (auto& day : result.days) {
        if (!day.day_type) {
            ++result.unknown_days;
            continue;
        }
        for (auto& post : day.posts) {
            std::sort(post.present.begin(), post.present.end(),
                      [](const PresentPerson& a, const PresentPerson& b) { return a.person_id < b.person_id; });
            post.provided_minutes = 0;
            for (const auto& person : post.present) post.provided_minutes += person.minutes;
            const int per_person = post.required_hours * 60;
            const int shortfall = post.required_people * per_person - post.provided_minutes;
            post.missing_person_days = shortfall > 0 ? (shortfall + per_person - 1) / per_person : 0;
            if (post.missing_person_days > 0) day.short_of_staff = true;
            result.missing_person_days += post.missing_person_days;
        }
        if (day.short_of_staff) ++result.short_days;
    }

    for (const auto& [year, count] : unknown_days_by_year) {
        const auto missing = MissingCalendarText(year);
        result.warnings.push_back(
            {fmt::format("{},该年的 {} 天无法判断日期类型,未核算人员配置", missing.zh, count),
             fmt::format("{}: {} day(s) of that year have no known type and were not checked", missing.en, count)});
    }
    if (!days_without_requirement.empty()) {
        const auto first = days_without_requirement.front().ToString();
        const auto last = days_without_requirement.back().ToString();
        result.warnings.push_back({fmt::format("{} 至 {} 没有生效的人员配置要求", first, last),
                                   fmt::format("No staffing requirement is in force from {} to {}", first, last)});
    }
    std::stable_sort(result.notes.begin(), result.notes.end(), [](const ComplianceNote& a, const ComplianceNote& b) {
        return std::tie(a.date, a.punch_id) < std::tie(b.date, b.punch_id);
    });
    return result;
}

}  // namespace houqin

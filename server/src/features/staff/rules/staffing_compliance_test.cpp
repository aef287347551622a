// STF-6: staffing compliance run against the cases in rules/cases/staffing_compliance.json, one parameterised test
// per case (facts in, expected per-day results and notes out). The file format is described in rules/cases/README.md.
#include "features/staff/rules/staffing_compliance.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/test_rule_cases.h"

namespace houqin {
namespace {

using Json = nlohmann::json;

// ---- facts from JSON -------------------------------------------------------------------------------------------

Date ReadDate(const Json& json) {
    const auto text = json.get<std::string>();
    const auto date = Date::Parse(text);
    if (!date) throw std::runtime_error("bad date " + text);
    return *date;
}

// "2026-02-14 22:00"; "24:00" is the next midnight.
LocalMinute ReadMinute(const Json& json) {
    const auto text = json.get<std::string>();
    if (text.size() != 16 || text[10] != ' ' || text[13] != ':') throw std::runtime_error("bad time " + text);
    const int minute = std::stoi(text.substr(11, 2)) * 60 + std::stoi(text.substr(14, 2));
    return {ReadDate(Json(text.substr(0, 10))), minute};
}

Text ReadText(const Json& json) { return {json.at("zh").get<std::string>(), json.at("en").get<std::string>()}; }

DayType ReadDayType(const Json& json) {
    const auto type = ParseDayType(json.get<std::string>());
    if (!type) throw std::runtime_error("bad day type " + json.dump());
    return *type;
}

NoteKind ReadNoteKind(const std::string& code) {
    for (const auto kind : {NoteKind::kNotOnRoster, NoteKind::kOutsideEmployment, NoteKind::kNoClockOut,
                            NoteKind::kUnavailable, NoteKind::kPostNotRequired, NoteKind::kUnknownDayType}) {
        if (NoteKindCode(kind) == code) return kind;
    }
    throw std::runtime_error("bad note kind " + code);
}

HolidayCalendars ReadCalendars(const Json& facts, bool& present) {
    HolidayCalendars calendars;
    present = true;
    const Json list = facts.value("calendars", Json("published"));
    if (list.is_null()) {
        present = false;
        return calendars;
    }
    if (list == Json("published")) {
        for (const auto& calendar : PublishedCalendars()) calendars.Add(calendar);
        return calendars;
    }
    for (const auto& item : list) {
        if (item.is_number_integer()) {
            for (const auto& calendar : PublishedCalendars()) {
                if (calendar.year == item.get<int>()) calendars.Add(calendar);
            }
            continue;
        }
        HolidayCalendar calendar{item.at("year").get<int>(), "case", {}};
        for (const auto& day : item.at("days")) {
            const auto kind = ParseCalendarDayKind(day.at("kind").get<std::string>());
            if (!kind) throw std::runtime_error("bad calendar kind " + day.dump());
            calendar.days.push_back({ReadDate(day.at("date")), *kind, day.value("name", "")});
        }
        auto validated = ValidateCalendar(std::move(calendar));
        if (!validated) throw std::runtime_error("invalid calendar in case");
        calendars.Add(std::move(validated).value());
    }
    return calendars;
}

ComplianceInput ReadInput(const Json& facts) {
    ComplianceInput input;
    input.first = ReadDate(facts.at("first"));
    input.last = ReadDate(facts.at("last"));
    if (facts.value("expired_documents", "block") == "ignore") input.expired_documents = ExpiredDocuments::kIgnore;
    for (const auto& item : facts.at("requirements")) {
        RequirementVersion version{ReadDate(item.at("effective_from")), {}, {"案例", "case"}};
        for (const auto& staffing : item.at("staffing")) {
            version.staffing.push_back({ReadDayType(staffing.at("day_type")), staffing.at("post").get<std::string>(),
                                        staffing.at("people").get<int>(), staffing.at("hours").get<int>()});
        }
        input.requirements.push_back(std::move(version));
    }
    for (const auto& item : facts.value("roster", Json::array())) {
        RosterEntry entry;
        entry.person_id = item.at("id").get<std::int64_t>();
        entry.name = item.at("name").get<std::string>();
        entry.post = item.at("post").get<std::string>();
        entry.start = ReadDate(item.at("start"));
        if (item.contains("end") && !item.at("end").is_null()) entry.end = ReadDate(item.at("end"));
        if (item.contains("unavailable_from")) entry.unavailable_from = ReadDate(item.at("unavailable_from"));
        if (item.contains("unavailable_reason")) entry.unavailable_reason = ReadText(item.at("unavailable_reason"));
        for (const auto& document : item.value("documents", Json::array())) {
            RequiredDocument required{ReadText(document.at("name")), std::nullopt, std::nullopt};
            if (document.contains("expires_on") && !document.at("expires_on").is_null()) {
                required.expires_on = ReadDate(document.at("expires_on"));
            }
            if (document.contains("renewed_on")) required.renewed_on = ReadDate(document.at("renewed_on"));
            entry.documents.push_back(std::move(required));
        }
        input.roster.push_back(std::move(entry));
    }
    for (const auto& item : facts.value("punches", Json::array())) {
        Punch punch;
        punch.id = item.at("id").get<std::int64_t>();
        punch.person_id = item.at("person").get<std::int64_t>();
        punch.name = item.value("name", "");
        punch.post = item.value("post", "");
        punch.clock_in = ReadMinute(item.at("in"));
        if (item.contains("out") && !item.at("out").is_null()) punch.clock_out = ReadMinute(item.at("out"));
        input.punches.push_back(std::move(punch));
    }
    return input;
}

// ---- expectations ----------------------------------------------------------------------------------------------

void ExpectContains(const std::string& text, const Json& parts, const std::string& what) {
    for (const auto& part : parts) {
        EXPECT_NE(text.find(part.get<std::string>()), std::string::npos)
            << what << ": \"" << text << "\" lacks " << part;
    }
}

Json Strings(const Json& json) { return json.is_array() ? json : Json::array({json}); }

// What holds for every result, whatever the case says.
void ExpectInvariants(const ComplianceInput& input, const ComplianceResult& result) {
    ASSERT_EQ(static_cast<std::int64_t>(result.days.size()), input.last.days() - input.first.days() + 1);
    int short_days = 0, missing = 0, unknown = 0;
    for (std::size_t i = 0; i < result.days.size(); ++i) {
        const auto& day = result.days[i];
        EXPECT_EQ(day.date, input.first.AddDays(static_cast<std::int64_t>(i)));
        EXPECT_FALSE(day.day_reason.zh.empty());
        EXPECT_FALSE(day.day_reason.en.empty());
        if (!day.day_type) {
            ++unknown;
            EXPECT_TRUE(day.posts.empty());
        }
        bool day_short = false;
        for (std::size_t p = 0; p < day.posts.size(); ++p) {
            const auto& post = day.posts[p];
            if (p > 0) {
                EXPECT_LT(day.posts[p - 1].post, post.post);
            }
            int sum = 0;
            for (const auto& person : post.present) {
                EXPECT_GT(person.minutes, 0);
                EXPECT_LE(person.minutes, post.required_hours * 60);
                sum += person.minutes;
            }
            EXPECT_EQ(sum, post.provided_minutes);
            missing += post.missing_person_days;
            day_short = day_short || post.missing_person_days > 0;
        }
        EXPECT_EQ(day.short_of_staff, day_short);
        short_days += day_short ? 1 : 0;
    }
    EXPECT_EQ(result.short_days, short_days);
    EXPECT_EQ(result.missing_person_days, missing);
    EXPECT_EQ(result.unknown_days, unknown);
    for (const auto& note : result.notes) {
        EXPECT_FALSE(note.text.zh.empty());
        EXPECT_FALSE(note.text.en.empty());
    }
    for (const auto& warning : result.warnings) {
        EXPECT_FALSE(warning.zh.empty());
        EXPECT_FALSE(warning.en.empty());
    }
}

void ExpectDay(const DayResult& day, const Json& expected) {
    SCOPED_TRACE("day " + day.date.ToString());
    if (expected.contains("day_type")) {
        if (expected.at("day_type").is_null()) {
            EXPECT_FALSE(day.day_type.has_value());
        } else {
            ASSERT_TRUE(day.day_type.has_value());
            EXPECT_EQ(DayTypeCode(*day.day_type), expected.at("day_type").get<std::string>());
        }
    }
    if (expected.contains("reason_zh")) {
        EXPECT_EQ(day.day_reason.zh, expected.at("reason_zh").get<std::string>());
    }
    if (expected.contains("reason_en")) {
        EXPECT_EQ(day.day_reason.en, expected.at("reason_en").get<std::string>());
    }
    if (expected.contains("short")) {
        EXPECT_EQ(day.short_of_staff, expected.at("short").get<bool>());
    }
    if (!expected.contains("posts")) return;
    const auto& posts = expected.at("posts");
    ASSERT_EQ(day.posts.size(), posts.size());
    for (std::size_t i = 0; i < posts.size(); ++i) {
        const auto& post = day.posts[i];
        const auto& want = posts[i];
        SCOPED_TRACE("post " + post.post);
        EXPECT_EQ(post.post, want.at("post").get<std::string>());
        if (want.contains("people")) {
            EXPECT_EQ(post.required_people, want.at("people").get<int>());
        }
        if (want.contains("hours")) {
            EXPECT_EQ(post.required_hours, want.at("hours").get<int>());
        }
        EXPECT_EQ(post.provided_minutes, want.at("provided").get<int>());
        EXPECT_EQ(post.missing_person_days, want.at("missing").get<int>());
        if (want.contains("present")) {
            const auto& present = want.at("present");
            ASSERT_EQ(post.present.size(), present.size());
            for (std::size_t p = 0; p < present.size(); ++p) {
                EXPECT_EQ(post.present[p].person_id, present[p].at(0).get<std::int64_t>());
                EXPECT_EQ(post.present[p].minutes, present[p].at(1).get<int>());
            }
        }
    }
}

class StaffingCaseTest : public testing::TestWithParam<RuleCase> {};

TEST_P(StaffingCaseTest, Case) {
    const auto& test_case = GetParam();
    ASSERT_FALSE(test_case.body.contains("load_error")) << test_case.name;
    // STF-6 for staffing itself; STF-2 for the cases where an expired document stops a person counting; STF-9 for a
    // requirement changed by a consented request for an extra manager.
    const auto requirement = test_case.body.at("requirement").get<std::string>();
    ASSERT_TRUE(requirement == "STF-6" || requirement == "STF-2" || requirement == "STF-9")
        << "each case names its requirement";
    ASSERT_EQ(test_case.name.rfind(requirement + " ", 0), 0U) << "a case's name starts with its requirement";
    const auto& facts = test_case.body.at("facts");
    const auto& expect = test_case.body.at("expect");
    bool calendars_present = true;
    const HolidayCalendars calendars = ReadCalendars(facts, calendars_present);
    auto input = ReadInput(facts);
    input.calendars = calendars_present ? &calendars : nullptr;
    const auto result = ComputeCompliance(input);

    ExpectInvariants(input, result);
    if (expect.contains("totals")) {
        const auto& totals = expect.at("totals");
        EXPECT_EQ(result.short_days, totals.at("short_days").get<int>());
        EXPECT_EQ(result.missing_person_days, totals.at("missing_person_days").get<int>());
        EXPECT_EQ(result.unknown_days, totals.at("unknown_days").get<int>());
    }
    for (const auto& expected : expect.value("days", Json::array())) {
        const Date date = ReadDate(expected.at("date"));
        ASSERT_TRUE(date >= input.first && date <= input.last) << "expected day outside the range";
        ExpectDay(result.days[static_cast<std::size_t>(date.days() - input.first.days())], expected);
    }
    // Notes and warnings are exact lists: absent means none.
    const auto notes = expect.value("notes", Json::array());
    ASSERT_EQ(result.notes.size(), notes.size());
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const auto& note = result.notes[i];
        const auto& want = notes[i];
        SCOPED_TRACE("note " + std::to_string(i));
        EXPECT_EQ(note.date, ReadDate(want.at("date")));
        EXPECT_EQ(note.kind, ReadNoteKind(want.at("kind").get<std::string>()));
        EXPECT_EQ(note.punch_id, want.at("punch").get<std::int64_t>());
        if (want.contains("person")) {
            EXPECT_EQ(note.person_id, want.at("person").get<std::int64_t>());
        }
        if (want.contains("person_name")) {
            EXPECT_EQ(note.person_name, want.at("person_name").get<std::string>());
        }
        if (want.contains("zh")) ExpectContains(note.text.zh, Strings(want.at("zh")), "note zh");
        if (want.contains("en")) ExpectContains(note.text.en, Strings(want.at("en")), "note en");
    }
    const auto warnings = expect.value("warnings", Json::array());
    ASSERT_EQ(result.warnings.size(), warnings.size());
    for (std::size_t i = 0; i < warnings.size(); ++i) {
        if (warnings[i].contains("zh")) ExpectContains(result.warnings[i].zh, Strings(warnings[i].at("zh")), "warning");
        if (warnings[i].contains("en")) ExpectContains(result.warnings[i].en, Strings(warnings[i].at("en")), "warning");
    }
}

INSTANTIATE_TEST_SUITE_P(StaffingCases, StaffingCaseTest,
                         testing::ValuesIn(LoadRuleCases("HOUQIN_STAFFING_CASES", __FILE__,
                                                         "staffing_compliance.json")),
                         RuleCaseTestName);

}  // namespace
}  // namespace houqin

#include "features/staff/codec.h"

#include <fmt/format.h>

#include "platform/http/json_reader.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

// Minutes as hours with one decimal ("7.5"), as the compliance page prints them.
std::string HoursText(int minutes) { return fmt::format("{}.{}", minutes / 60, (minutes % 60) * 10 / 60); }

int IsoWeekdayOf(Date date) { return IsoWeekday(date); }

}  // namespace

Json StaffRoleJson(const StaffRole& role) { return {{"code", role.code}, {"name", TextJson(role.name)}}; }

Json PersonJson(const PersonView& view) {
    const auto& person = view.person;
    return {{"id", person.id},
            {"contract_id", person.contract_id},
            {"name", person.name},
            {"id_number_masked", MaskResidentId(person.id_number)},
            // The masked number hides exactly the birth date: it goes only to whoever may reveal the number.
            {"birth_date", view.can_reveal ? Json(person.birth_date.ToString()) : Json(nullptr)},
            {"sex", std::string(SexCode(person.sex))},
            {"phone", person.phone},
            {"role", person.role},
            {"post", person.post},
            {"start_date", person.start_date.ToString()},
            {"end_date", OptionalDateJson(person.end_date)},
            {"status", std::string(PersonStatusCode(view.status))},
            {"can_edit", view.can_edit},
            {"can_reveal", view.can_reveal},
            {"equipment_unsettled", view.equipment_unsettled}};
}

std::optional<PersonStatus> PersonStatusQuery(const HttpRequest& request, Validation& validation) {
    const auto status = request.Query("status").value_or("all");
    if (status == "all" || status.empty()) return std::nullopt;
    auto parsed = ParsePersonStatus(status);
    if (!parsed) {
        validation.Fail("status",
                        {"状态须为 current、upcoming、left 或 all", "status must be current, upcoming, left or all"});
    }
    return parsed;
}

Json ServedContractJson(const ServedContract& contract) {
    return {{"id", contract.id},
            {"code", contract.code},
            {"title", contract.title},
            {"vendor_name", contract.vendor_name},
            {"term_start", contract.term_start.ToString()},
            {"term_end", contract.term_end.ToString()},
            {"people_current", contract.people_current}};
}

Json EquipmentJson(const EquipmentView& view) {
    const auto& item = view.item;
    const auto total = item.TotalValue();
    return {{"id", item.id},
            {"person_id", item.person_id},
            {"contract_id", item.contract_id},
            {"kind", std::string(EquipmentKindCode(item.kind))},
            {"description", item.description},
            {"quantity", item.quantity},
            {"unit_value", item.unit_value.ToString()},
            {"total_value", total ? Json(total->ToString()) : Json()},
            {"issued_on", item.issued_on.ToString()},
            {"status", std::string(EquipmentStatusCode(item.status))},
            {"settled_on", OptionalDateJson(item.settled_on)},
            {"compensation", item.compensation.ToString()},
            {"note", item.note},
            {"can_settle", view.can_settle}};
}

Json PersonEquipmentJson(const PersonEquipment& equipment) {
    Json items = Json::array();
    for (const auto& item : equipment.items) items.push_back(EquipmentJson(item));
    return {{"person", PersonJson(equipment.person)},
            {"unsettled", equipment.unsettled},
            {"can_issue", equipment.can_issue},
            {"items", std::move(items)}};
}

EquipmentInput EquipmentInputFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    EquipmentInput input;
    input.kind = reader.String("kind");
    input.description = reader.String("description");
    input.quantity = reader.Integer("quantity");
    input.unit_value = reader.MoneyValue("unit_value");
    if (reader.Has("issued_on")) input.issued_on = reader.DateValue("issued_on");
    return input;
}

SettlementInput SettlementInputFromJson(const Json& body, Settlement settlement, Validation& validation) {
    JsonReader reader(body, validation);
    SettlementInput input;
    if (reader.Has("settled_on")) input.settled_on = reader.DateValue("settled_on");
    // A lost item's missing note is refused by the service, which names it in words (遗失说明).
    input.note = reader.String("note", JsonReader::Need::kOptional);
    if (settlement == Settlement::kLost) input.compensation = reader.MoneyValue("compensation");
    return input;
}

Json ReplacementJson(const ReplacementView& view) {
    const auto& request = view.request;
    Json events = Json::array();
    for (const auto& event : view.events) events.push_back(WorkflowEventJson(event));
    const auto optional_id = [](const std::optional<std::int64_t>& id) { return id ? Json(*id) : Json(); };
    return {{"id", request.id},
            {"contract_id", request.contract_id},
            {"person_id", request.person_id},
            {"person_name", view.person_name},
            {"reason", request.reason},
            {"attachment_id", optional_id(request.attachment_id)},
            {"attachment_name", request.attachment_id ? Json(view.attachment_name) : Json()},
            {"requested_on", request.requested_on.ToString()},
            {"deadline_days", request.deadline_days},
            {"deadline", request.deadline.ToString()},
            {"status", std::string(ReplacementStatusCode(request.status))},
            {"replacement_id", optional_id(request.replacement_id)},
            {"replacement_name", request.replacement_id ? Json(view.replacement_name) : Json()},
            {"report_note", request.report_note},
            {"reported_at", request.reported_at ? Json(request.reported_at->ToIso()) : Json()},
            {"overdue_days", view.overdue_days},
            {"allowed_actions", view.allowed_actions},
            {"events", std::move(events)}};
}

Json ReplacementListJson(const ReplacementList& list) {
    Json items = Json::array();
    for (const auto& item : list.items) items.push_back(ReplacementJson(item));
    return {{"items", std::move(items)}, {"can_request", list.can_request}, {"deadline_days", list.deadline_days}};
}

ReplacementInput ReplacementInputFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    ReplacementInput input;
    input.person_id = reader.OptionalInteger("person_id");
    // An empty reason is refused by the service, which names it in words (更换理由).
    input.reason = reader.String("reason", JsonReader::Need::kOptional);
    input.attachment_id = reader.OptionalInteger("attachment_id");
    return input;
}

ReplacementReport ReplacementReportFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    ReplacementReport input;
    input.replacement_id = reader.OptionalInteger("replacement_id");
    input.note = reader.String("note", JsonReader::Need::kOptional);
    return input;
}

PersonInput PersonInputFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    PersonInput input;
    input.name = reader.String("name");
    input.id_number = reader.OptionalString("id_number");
    if (input.id_number && input.id_number->empty()) input.id_number.reset();
    input.phone = reader.String("phone", JsonReader::Need::kOptional);
    input.role = reader.String("role");
    input.post = reader.String("post");
    if (reader.Has("start_date")) input.start_date = reader.DateValue("start_date");
    if (reader.Has("end_date") && !body.at("end_date").is_null()) input.end_date = reader.DateValue("end_date");
    return input;
}

Json CalendarSummaryJson(const CalendarSummary& summary) {
    return {{"year", summary.year},
            {"source", summary.source},
            {"days_off", summary.days_off},
            {"make_up_days", summary.make_up_days},
            {"updated_by", summary.updated_by_name},
            {"updated_at", summary.updated_at.ToIso()}};
}

Json CalendarJson(const CalendarView& view) {
    Json days = Json::array();
    for (const auto& day : view.calendar.days) {
        days.push_back({{"date", day.date.ToString()},
                        {"weekday", IsoWeekdayOf(day.date)},
                        {"kind", std::string(CalendarDayKindCode(day.kind))},
                        {"name", day.name}});
    }
    return {{"year", view.calendar.year},
            {"source", view.calendar.source},
            {"days", std::move(days)},
            {"updated_by", view.updated_by_name},
            {"updated_at", view.updated_at ? Json(view.updated_at->ToIso()) : Json()}};
}

HolidayCalendar CalendarFromJson(int year, const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    HolidayCalendar calendar;
    calendar.year = year;
    calendar.source = reader.String("source", JsonReader::Need::kOptional);
    const auto* days = reader.Array("days");
    if (!days) return calendar;
    for (std::size_t index = 0; index < days->size(); ++index) {
        const auto& item = (*days)[index];
        const auto prefix = fmt::format("days.{}.", index);
        if (!item.is_object()) {
            validation.Fail(prefix + "date", {"每一天须为一个对象", "Each day must be an object"});
            continue;
        }
        JsonReader day_reader(item, validation, prefix);
        const auto date = day_reader.DateValue("date");
        const auto kind_code = day_reader.String("kind");
        const auto name = day_reader.String("name", JsonReader::Need::kOptional);
        const auto kind = ParseCalendarDayKind(kind_code);
        if (!kind_code.empty() && !kind) {
            validation.Fail(prefix + "kind", {"须为放假(off)或调休上班(work)", "Must be off or work"});
        }
        if (kind) calendar.days.push_back({date, *kind, name});
    }
    return calendar;
}

Json AttendanceJson(const AttendanceRecord& record) {
    return {{"id", record.id},
            {"person_id", record.person_id},
            {"person_name", record.person_name},
            {"post", record.post},
            {"clock_in", record.clock_in},
            {"clock_out", record.clock_out ? Json(*record.clock_out) : Json()},
            {"source", record.import_id ? "import" : "manual"},
            {"import_file", record.import_file}};
}

AttendanceInput AttendanceInputFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    AttendanceInput input;
    input.person_id = reader.OptionalInteger("person_id");
    input.post = reader.String("post", JsonReader::Need::kOptional);
    input.clock_in = reader.String("clock_in");
    input.clock_out = reader.OptionalString("clock_out");
    return input;
}

Json ImportOutcomeJson(const ImportOutcome& outcome) {
    return {{"rows", outcome.rows}, {"imported", outcome.imported}, {"unchanged", outcome.unchanged}};
}

Json ComplianceJson(const ComplianceView& view) {
    Json requirement = Json::array();
    for (const auto& item : view.requirement) {
        requirement.push_back({{"day_type", std::string(DayTypeCode(item.day_type))},
                               {"post", item.role},
                               {"people", item.people},
                               {"hours", item.hours}});
    }
    Json changes = Json::array();
    for (const auto& version : view.changes) {
        Json staffing = Json::array();
        for (const auto& item : version.staffing) {
            staffing.push_back({{"day_type", std::string(DayTypeCode(item.day_type))},
                                {"post", item.role},
                                {"people", item.people},
                                {"hours", item.hours}});
        }
        changes.push_back({{"effective_from", version.effective_from.ToString()},
                           {"source", TextJson(version.source)},
                           {"requirement", std::move(staffing)}});
    }
    const auto& result = view.result;
    Json days = Json::array();
    for (const auto& day : result.days) {
        Json posts = Json::array();
        for (const auto& post : day.posts) {
            Json present = Json::array();
            for (const auto& person : post.present) {
                present.push_back(
                    {{"person_id", person.person_id}, {"name", person.name}, {"hours", HoursText(person.minutes)}});
            }
            posts.push_back({{"post", post.post},
                             {"required_people", post.required_people},
                             {"required_hours", post.required_hours},
                             {"provided_hours", HoursText(post.provided_minutes)},
                             {"missing_person_days", post.missing_person_days},
                             {"present", std::move(present)}});
        }
        days.push_back({{"date", day.date.ToString()},
                        {"weekday", IsoWeekdayOf(day.date)},
                        {"day_type", day.day_type ? Json(std::string(DayTypeCode(*day.day_type))) : Json()},
                        {"day_reason", TextJson(day.day_reason)},
                        {"short", day.short_of_staff},
                        {"posts", std::move(posts)}});
    }
    Json notes = Json::array();
    for (const auto& note : result.notes) {
        notes.push_back({{"date", note.date.ToString()},
                         {"person_id", note.person_id ? Json(note.person_id) : Json()},
                         {"person_name", note.person_name},
                         {"text", TextJson(note.text)}});
    }
    Json warnings = Json::array();
    for (const auto& warning : result.warnings) warnings.push_back(TextJson(warning));
    return {{"month", view.month},
            {"requirement", std::move(requirement)},
            {"requirement_changes", std::move(changes)},
            {"totals",
             {{"short_days", result.short_days},
              {"missing_person_days", result.missing_person_days},
              {"unknown_days", result.unknown_days}}},
            {"days", std::move(days)},
            {"notes", std::move(notes)},
            {"warnings", std::move(warnings)},
            {"proposal", view.proposal ? Json{{"id", view.proposal->id}, {"status", view.proposal->status}} : Json()},
            {"can_propose", view.can_propose}};
}

}  // namespace houqin::http

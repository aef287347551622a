#include "features/staff/incident_codec.h"

#include "platform/http/json_reader.h"
#include "platform/http/mapping.h"

namespace houqin::http {

Json IncidentJson(const IncidentView& view) {
    const auto& incident = view.incident;
    Json people = Json::array();
    for (const auto& person : incident.people) people.push_back({{"id", person.id}, {"name", person.name}});
    Json files = Json::array();
    for (const auto& file : incident.files) files.push_back({{"id", file.id}, {"filename", file.filename}});
    Json events = Json::array();
    for (const auto& event : view.events) events.push_back(WorkflowEventJson(event));
    const bool determined = incident.responsible_party != ResponsibleParty::kUndetermined;
    return {
        {"id", incident.id},
        {"contract_id", incident.contract_id},
        {"type", std::string(IncidentTypeCode(incident.type))},
        {"leak_channel", incident.leak_channel ? Json(std::string(LeakChannelCode(*incident.leak_channel))) : Json()},
        // CC-7: the export a leak is traced to, as the audit trail recorded it.
        {"export", incident.linked_export ? Json{{"seq", incident.linked_export->seq},
                                                 {"at", incident.linked_export->at.ToIso()},
                                                 {"actor_name", incident.linked_export->actor_name},
                                                 {"record", Json::parse(incident.linked_export->snapshot.empty()
                                                                            ? std::string("{}")
                                                                            : incident.linked_export->snapshot,
                                                                        nullptr, false)}}
                                          : Json()},
        {"occurred_on", incident.occurred_on.ToString()},
        {"people", std::move(people)},
        {"description", incident.description},
        {"responsible_party", std::string(ResponsiblePartyCode(incident.responsible_party))},
        // D3 §5: the responsible party pays; nobody yet while it is undetermined.
        {"payer", determined ? Json(std::string(ResponsiblePartyCode(incident.responsible_party))) : Json()},
        {"compensation", incident.compensation.ToString()},
        {"attachments", std::move(files)},
        {"status", std::string(IncidentStatusCode(incident.status))},
        {"closing_note", incident.closing_note},
        {"closed_on", incident.closed_on ? Json(incident.closed_on->ToString()) : Json()},
        {"created_at", incident.created_at.ToIso()},
        {"allowed_actions", view.allowed_actions},
        {"events", std::move(events)}};
}

Json IncidentListJson(const IncidentList& list) {
    Json items = Json::array();
    for (const auto& view : list.items) items.push_back(IncidentJson(view));
    return {{"items", std::move(items)}, {"can_record", list.can_record}};
}

IncidentInput IncidentInputFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    IncidentInput input;
    // A missing type or party is refused by the service, which names the choices in words.
    input.type = reader.String("type", JsonReader::Need::kOptional);
    input.leak_channel = reader.String("leak_channel", JsonReader::Need::kOptional);
    if (reader.Has("occurred_on")) input.occurred_on = reader.DateValue("occurred_on");
    input.person_ids = reader.IntegerList("person_ids");
    input.description = reader.String("description", JsonReader::Need::kOptional);
    input.responsible_party = reader.String("responsible_party", JsonReader::Need::kOptional);
    input.compensation = reader.MoneyValue("compensation", JsonReader::Need::kOptional);
    input.attachment_ids = reader.IntegerList("attachment_ids");
    input.export_seq = reader.OptionalInteger("export_seq");
    return input;
}

IncidentClosing IncidentClosingFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    IncidentClosing input;
    if (reader.Has("closed_on")) input.closed_on = reader.DateValue("closed_on");
    input.note = reader.String("note", JsonReader::Need::kOptional);
    return input;
}

Json IncidentTallyJson(const IncidentTally& tally) {
    Json by_type = Json::array();
    for (const auto& entry : tally.by_type) {
        by_type.push_back({{"type", entry.type}, {"name", TextJson(entry.name)}, {"count", entry.count}});
    }
    return {{"total", tally.total},
            {"open", tally.open},
            {"closed", tally.closed},
            {"by_type", std::move(by_type)},
            {"compensation", tally.compensation.ToString()},
            {"party_b", tally.party_b},
            {"party_b_compensation", tally.party_b_compensation.ToString()},
            {"data_leaks", tally.data_leaks}};
}

}  // namespace houqin::http

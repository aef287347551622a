#include "features/staff/incident_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text_rules.h"
#include "features/staff/incident_store.h"
#include "features/staff/store.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

std::string Trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

Error AlreadyClosed(const Incident& incident) {
    const auto day = incident.closed_on ? incident.closed_on->ToString() : "";
    const auto type = IncidentTypeText(incident.type);
    return Error::Precondition({fmt::format("该{}事件已于 {} 结案,结案后不能再次结案或重新打开", type.zh, day),
                                fmt::format("This {} was closed on {}; a closed incident cannot be closed again or "
                                            "reopened",
                                            type.en, day)});
}

}  // namespace

Result<ContractView> IncidentService::ContractOf(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    return contracts_.Get(actor, contract_id);
}

IncidentView IncidentService::ViewOf(storage::Connection& connection, const Actor& actor, Incident incident) const {
    IncidentView view;
    // The contract was read in the caller's scope already, so incident:write is the whole of the decision.
    if (actor.Can(Permission::kIncidentWrite)) {
        view.allowed_actions = IncidentWorkflow().Allowed(IncidentStatusCode(incident.status), actor.role);
    }
    view.events = storage::ListWorkflowEvents(connection, storage::kIncidentSubject, incident.id);
    view.incident = std::move(incident);
    return view;
}

Result<IncidentList> IncidentService::List(const Actor& actor, std::int64_t contract_id) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    IncidentList list;
    list.can_record = actor.Can(Permission::kIncidentWrite);
    for (auto& incident : storage::IncidentsOfContract(*lease, contract_id)) {
        list.items.push_back(ViewOf(*lease, actor, std::move(incident)));
    }
    return list;
}

Result<IncidentView> IncidentService::Get(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto incident = storage::FindIncident(*lease, id);
    if (!incident) return Error::NotFound({"事件", "Incident"});
    // Out of scope answers as not found, so ids reveal nothing.
    if (!ContractOf(actor, incident->contract_id)) return Error::NotFound({"事件", "Incident"});
    return ViewOf(*lease, actor, std::move(*incident));
}

bool IncidentService::MayRead(const Actor& actor, std::int64_t id) { return Get(actor, id).has_value(); }

Result<IncidentView> IncidentService::Record(const Actor& actor, std::int64_t contract_id, const IncidentInput& input) {
    if (auto status = actor.Require(Permission::kIncidentWrite); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    Validation validation;
    Incident incident;
    const auto type = ParseIncidentType(Trim(input.type));
    if (!type) {
        validation.Fail("type", {"请选择事件类型:劳动争议、工伤、非因工受伤、损坏或遗失、违反现场规定或数据泄露",
                                 "Choose the type: labour dispute, injury at work, injury outside work, damage or "
                                 "loss, on-site rule violation or data leak"});
    } else {
        incident.type = *type;
    }
    // CC-7: a leak names how the data left (D2 on-site rule 3); other incidents have no channel.
    if (type == IncidentType::kDataLeak) {
        const auto channel = ParseLeakChannel(Trim(input.leak_channel));
        if (!channel) {
            validation.Fail("leak_channel", {"请选择泄露途径:U 盘拷贝、打印、电子邮件或其他",
                                             "Choose how the data left: USB copy, print, e-mail or other"});
        }
        incident.leak_channel = channel;
    }
    const auto today = context_.clock.Today();
    if (!input.occurred_on) {
        validation.Fail("occurred_on", {"请填写事件发生日期", "Enter the date it happened"});
    } else if (*input.occurred_on > today) {
        validation.Fail("occurred_on", {"发生日期不能晚于今天", "The date cannot be after today"});
    } else {
        incident.occurred_on = *input.occurred_on;
    }
    std::set<std::int64_t> seen;
    for (const auto person_id : input.person_ids) {
        if (!seen.insert(person_id).second) continue;
        const auto person = storage::FindPerson(*lease, person_id);
        if (!person || person->contract_id != contract_id) {
            validation.Fail("person_ids", {fmt::format("人员 {} 不在本合同的人员名单上", person_id),
                                           fmt::format("Person {} is not on this contract's roster", person_id)});
            continue;
        }
        incident.people.push_back({person->id, person->name});
    }
    if (type && IncidentNeedsPeople(*type) && input.person_ids.empty()) {
        const auto name = IncidentTypeText(*type);
        validation.Fail("person_ids", {fmt::format("{}须选择涉及的人员", name.zh),
                                       fmt::format("A {} names the people involved", name.en)});
    }
    incident.description = Trim(input.description);
    CheckLength(validation, "description", incident.description, 1, 2000, {"事件经过", "Description"});
    const auto party = ParseResponsibleParty(Trim(input.responsible_party));
    if (!party) {
        validation.Fail("responsible_party", {"请选择责任方:甲方、乙方、第三方或待定",
                                              "Choose the responsible party: Party A, Party B, third party or "
                                              "undetermined"});
    } else {
        incident.responsible_party = *party;
    }
    if (input.compensation.negative()) {
        validation.Fail("compensation", {"赔偿金额不能为负数", "The compensation cannot be negative"});
    } else if (input.compensation.fen() > kMaxCompensationFen) {
        validation.Fail("compensation",
                        {"赔偿金额不能超过 100000000.00 元", "The compensation cannot exceed 100000000.00 yuan"});
    } else {
        incident.compensation = input.compensation;
    }
    // CC-7: a data leak may be traced to an export the audit trail recorded (its number on the audit page).
    if (input.export_seq) {
        if (type != IncidentType::kDataLeak) {
            validation.Fail("export_seq",
                            {"只有数据泄露事件可以关联导出记录", "Only a data leak is traced to an export"});
        } else if (auto found = storage::FindIncidentExport(*lease, *input.export_seq)) {
            incident.export_seq = found->seq;
            incident.linked_export = std::move(found);
        } else {
            validation.Fail("export_seq",
                            {fmt::format("审计记录中没有编号为 {} 的导出记录", *input.export_seq),
                             fmt::format("The audit trail has no export numbered {}", *input.export_seq)});
        }
    }
    std::vector<std::int64_t> files;
    for (const auto file_id : input.attachment_ids) {
        if (std::find(files.begin(), files.end(), file_id) != files.end()) continue;
        const auto file = AttachmentForUse(*lease, actor, file_id, storage::kIncidentSubject);
        if (!file) {
            validation.Fail("attachment_ids",
                            {fmt::format("附件 {} 不存在", file_id), fmt::format("File {} does not exist", file_id)});
            continue;
        }
        files.push_back(file_id);
        incident.files.push_back({file_id, file->filename});
    }
    if (!validation.ok()) return validation.ToError();
    const auto now = context_.clock.Now();
    incident.contract_id = contract_id;
    incident.vendor_org_id = contract->record.vendor_org_id;
    incident.status = IncidentStatus::kOpen;
    incident.created_at = now;
    incident.updated_at = now;
    storage::Transaction transaction(*lease);
    incident.id = storage::InsertIncident(*lease, incident, actor.user_id);
    for (const auto file_id : files) storage::LinkAttachment(*lease, file_id, storage::kIncidentSubject, incident.id);
    storage::InsertWorkflowEvent(*lease, storage::kIncidentSubject, incident.id,
                                 {0, 1, "record", "", "open", actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), incident.description, now});
    storage::AppendAudit(
        *lease, &actor, now,
        {"create", storage::kIncidentSubject, incident.id, std::nullopt, storage::IncidentSnapshot(incident)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(incident));
}

Result<IncidentView> IncidentService::Close(const Actor& actor, std::int64_t id, const IncidentClosing& input) {
    if (auto status = actor.Require(Permission::kIncidentWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindIncident(*lease, id);
    if (!found) return Error::NotFound({"事件", "Incident"});
    if (!ContractOf(actor, found->contract_id)) return Error::NotFound({"事件", "Incident"});
    // STF-7: closing is one-way; a second close names when the first one was.
    const auto step = IncidentWorkflow().Check(IncidentStatusCode(found->status), "close", actor.role, "");
    if (!step) return step.error().code == ErrorCode::kFailedPrecondition ? AlreadyClosed(*found) : step.error();
    Validation validation;
    auto incident = *found;
    incident.closing_note = Trim(input.note);
    CheckLength(validation, "note", incident.closing_note, 1, 2000, {"结案说明", "Closing note"});
    const auto today = context_.clock.Today();
    if (!input.closed_on) {
        validation.Fail("closed_on", {"请填写结案日期", "Enter the date it was closed"});
    } else if (*input.closed_on > today) {
        validation.Fail("closed_on", {"结案日期不能晚于今天", "The closing date cannot be after today"});
    } else if (*input.closed_on < incident.occurred_on) {
        validation.Fail("closed_on", {fmt::format("结案日期不能早于发生日期 {}", incident.occurred_on.ToString()),
                                      fmt::format("The closing date cannot be before the incident, {}",
                                                  incident.occurred_on.ToString())});
    }
    if (!validation.ok()) return validation.ToError();
    const auto now = context_.clock.Now();
    incident.status = IncidentStatus::kClosed;
    incident.closed_on = input.closed_on;
    incident.closed_at = now;
    incident.updated_at = now;
    storage::Transaction transaction(*lease);
    if (!storage::CloseIncident(*lease, incident, actor.user_id)) {
        // Closed by someone else since it was read: answer as if it had been closed before.
        const auto stored = storage::FindIncident(*lease, id);
        return AlreadyClosed(stored ? *stored : incident);
    }
    storage::InsertWorkflowEvent(*lease, storage::kIncidentSubject, incident.id,
                                 {0, 1, "close", "open", "closed", actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), incident.closing_note, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"close", storage::kIncidentSubject, incident.id, storage::IncidentSnapshot(*found),
                          storage::IncidentSnapshot(incident)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(incident));
}

IncidentTally ContractIncidentTally(storage::Connection& connection, std::int64_t contract_id, Date first, Date last) {
    return TallyIncidents(storage::IncidentsBetween(connection, contract_id, first, last));
}

}  // namespace houqin

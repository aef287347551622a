#include "features/inbox/service.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/workflow.h"
#include "features/contracts/store.h"
#include "features/procurement/store.h"
#include "features/staff/document_store.h"
#include "features/staff/store.h"
#include "features/supervision/oversight_store.h"
#include "features/supervision/store.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"
#include "platform/workflow/workflow_store.h"

namespace houqin {
namespace {

constexpr std::int64_t kPageSize = 500;  // far above what waits at once in one town

std::string Id(std::int64_t id) { return std::to_string(id); }

std::string ContractName(const std::string& code, const std::string& title) {
    return fmt::format("{}「{}」", code, title);
}

// Whether `role` already approved or returned `version_no` of a contract under review (CON-2).
bool DecidedBy(const std::vector<WorkflowEvent>& events, int version_no, Role role) {
    return std::any_of(events.begin(), events.end(), [&](const WorkflowEvent& event) {
        return event.version_no == version_no && (event.action == "approve" || event.action == "return") &&
               event.role == RoleCode(role);
    });
}

Text ProposalKindName(const std::string& kind) {
    if (kind == "termination") return {"解约", "termination"};
    if (kind == "deduction") return {"扣款", "deduction"};
    return {"奖励", "reward"};
}

}  // namespace

Result<Inbox> InboxService::Get(const Actor& actor) {
    auto lease = context_.database.Acquire();
    auto& connection = *lease;
    const auto scope = storage::VendorScope::Of(actor);
    const auto today = context_.clock.Today();
    const auto now = context_.clock.Now();
    Inbox inbox;
    auto add = [&](InboxItem item) { inbox.items.push_back(std::move(item)); };

    // PRJ-2, PRJ-6: projects waiting for leadership's approval, and approved internal ones waiting for its ceiling.
    if (actor.Can(Permission::kProjectApprove) || actor.Can(Permission::kProjectWitness)) {
        storage::ProjectFilter filter;
        filter.scope = scope;
        filter.page_size = kPageSize;
        for (const auto* status : {"pending_leadership", "approved", "bidding"}) {
            filter.status = status;
            for (const auto& project : storage::ListProjects(connection, filter).items) {
                const auto name = fmt::format("{}「{}」", project.code, project.name);
                auto item = [&](std::string kind, Text title) {
                    return InboxItem{std::move(kind),
                                     std::move(title),
                                     "project",
                                     project.id,
                                     name,
                                     "/projects/" + Id(project.id),
                                     project.updated_at,
                                     std::nullopt};
                };
                const bool internal = project.route == "internal";
                if (actor.Can(Permission::kProjectApprove)) {
                    if (project.status == ProjectStatus::kPendingLeadership) {
                        add(item("project_approval",
                                 {fmt::format("审批项目 {}", name),
                                  fmt::format("Approve project {} '{}'", project.code, project.name)}));
                    } else if (internal && project.status == ProjectStatus::kApproved && !project.ceiling) {
                        add(item("project_ceiling", {fmt::format("为项目 {} 设定最高限价", name),
                                                     fmt::format("Set the ceiling price of project {} '{}'",
                                                                 project.code, project.name)}));
                    }
                }
                // PRJ-7: the witness consents from their own session to the step the office takes next.
                if (actor.Can(Permission::kProjectWitness) && internal) {
                    const char* purpose = project.status == ProjectStatus::kApproved && project.ceiling ? "open_bidding"
                                          : project.status == ProjectStatus::kBidding && project.bid_deadline &&
                                                  now >= *project.bid_deadline
                                              ? "opening"
                                              : nullptr;
                    if (!purpose) continue;
                    const auto consent = storage::LatestWitnessConsent(connection, project.id, purpose);
                    if (consent && !consent->used_at && now < consent->expires_at) continue;  // given, still fresh
                    if (std::string(purpose) == "open_bidding") {
                        add(item("witness_open_bidding",
                                 {fmt::format("见证项目 {} 发起投标(生成密封公钥)", name),
                                  fmt::format("Witness the opening of the bidding of project {} '{}'", project.code,
                                              project.name)}));
                    } else {
                        auto witnessed = item("witness_opening", {fmt::format("见证项目 {} 开标", name),
                                                                  fmt::format("Witness the opening of the bids of "
                                                                              "project {} '{}'",
                                                                              project.code, project.name)});
                        witnessed.since = *project.bid_deadline;
                        add(std::move(witnessed));
                    }
                }
            }
        }
    }

    // CON-2, CON-4: contracts (and amendments) under review that this reviewing office has not decided yet; approved
    // ones waiting for the office to sign.
    const auto& review = ContractReviewWorkflow();
    const bool reviewer = actor.Can(Permission::kContractReview) &&
                          std::find(review.required_approvals.begin(), review.required_approvals.end(), actor.role) !=
                              review.required_approvals.end();
    if (reviewer || actor.Can(Permission::kContractWrite)) {
        storage::ContractFilter filter;
        filter.scope = scope;
        filter.today = today;
        filter.page_size = kPageSize;
        for (const auto& contract : storage::ListContracts(connection, filter).items) {
            const auto name = ContractName(contract.code, contract.title);
            if (reviewer && contract.review_state == "in_review") {
                const auto events = storage::ListWorkflowEvents(connection, "contract", contract.id);
                if (DecidedBy(events, contract.version_no, actor.role)) continue;
                const auto version = storage::FindContractVersion(connection, contract.id, contract.version_no);
                const bool legal = actor.role == Role::kJudicial;
                add({"contract_review",
                     {fmt::format("{}合同 {}(第 {} 版)", legal ? "合法性审查" : "文本审查", name, contract.version_no),
                      fmt::format("{} contract {} '{}' (version {})", legal ? "Legal review of" : "Text review of",
                                  contract.code, contract.title, contract.version_no)},
                     "contract",
                     contract.id,
                     name,
                     "/contracts/" + Id(contract.id),
                     version && version->submitted_at ? *version->submitted_at : contract.updated_at,
                     std::nullopt});
            } else if (actor.Can(Permission::kContractWrite) && contract.review_state == "approved") {
                add({"contract_sign",
                     {fmt::format("签订已通过审查的合同 {}", name),
                      fmt::format("Sign contract {} '{}': its review is complete", contract.code, contract.title)},
                     "contract",
                     contract.id,
                     name,
                     "/contracts/" + Id(contract.id),
                     contract.updated_at,
                     std::nullopt});
            }
        }
    }

    // RP-4: proposals at this user's step: the office first, then leadership.
    const std::string waiting = actor.Can(Permission::kProposalDecide)     ? "pending_leadership"
                                : actor.Can(Permission::kSupervisionWrite) ? "pending_office"
                                                                           : "";
    if (!waiting.empty()) {
        storage::ProposalFilter filter;
        filter.scope = scope;
        filter.status = waiting;
        filter.page_size = kPageSize;
        for (const auto& proposal : storage::ListProposals(connection, filter).items) {
            const auto kind = ProposalKindName(proposal.kind);
            add({"proposal_decision",
                 {fmt::format("审批对 {} 的{}建议(合同 {})", proposal.vendor_name, kind.zh, proposal.contract_code),
                  fmt::format("Decide on the {} proposal for {} (contract {})", kind.en, proposal.vendor_name,
                              proposal.contract_code)},
                 "proposal",
                 proposal.id,
                 fmt::format("{} · {}", proposal.vendor_name, proposal.contract_code),
                 "/proposals/" + Id(proposal.id),
                 proposal.updated_at,
                 std::nullopt});
        }
    }

    if (actor.Can(Permission::kSupervisionWrite)) {
        // SUP-8: appeals against assessments, for the office to decide.
        storage::AssessmentFilter assessments;
        assessments.scope = scope;
        assessments.status = "appealed";
        assessments.page_size = 0;
        for (const auto& assessment : storage::ListAssessments(connection, assessments).items) {
            add({"appeal_decision",
                 {fmt::format("处理 {} 对 {} 期间考核的申诉(合同 {})", assessment.vendor_name, assessment.period,
                              assessment.contract_code),
                  fmt::format("Decide the appeal of {} against the {} assessment (contract {})", assessment.vendor_name,
                              assessment.period, assessment.contract_code)},
                 "assessment",
                 assessment.id,
                 fmt::format("{} · {} · {}", assessment.contract_code, assessment.vendor_name, assessment.period),
                 "/assessments/" + Id(assessment.id),
                 assessment.updated_at,
                 std::nullopt});
        }
    }

    // SUP-5: rectifications the vendor reported, for the office to verify; open ones, for the vendor to report.
    const bool verify = actor.Can(Permission::kSupervisionWrite);
    const bool respond = actor.Can(Permission::kSupervisionRespond);
    if (verify || respond) {
        storage::RectificationFilter filter;
        filter.scope = scope;
        filter.today = today;
        filter.status = verify ? "reported" : "open";
        filter.page_size = 0;
        for (const auto& rectification : storage::ListRectifications(connection, filter).items) {
            const auto name = fmt::format("{} · {}", rectification.contract_code, rectification.title);
            if (verify) {
                add({"rectification_verify",
                     {fmt::format("验收 {} 报告完成的整改「{}」", rectification.vendor_name, rectification.title),
                      fmt::format("Verify the rectification '{}' reported by {}", rectification.title,
                                  rectification.vendor_name)},
                     "rectification",
                     rectification.id,
                     name,
                     "/rectifications/" + Id(rectification.id),
                     rectification.reported_at.value_or(rectification.created_at),
                     std::nullopt});
            } else {
                add({"rectification_report",
                     {fmt::format("完成整改「{}」并报告(期限 {})", rectification.title,
                                  rectification.deadline.ToString()),
                      fmt::format("Carry out the rectification '{}' and report it (deadline {})", rectification.title,
                                  rectification.deadline.ToString())},
                     "rectification",
                     rectification.id,
                     name,
                     "/rectifications/" + Id(rectification.id),
                     rectification.created_at,
                     rectification.deadline});
            }
        }
    }

    // STF-4, X-2: replacement requests: the vendor names the replacement and reports back by the deadline; the office
    // confirms or returns a report, and follows up a request left past its deadline (D2 staff rule 6).
    const bool replace_report = actor.Can(Permission::kStaffWrite);
    const bool replace_decide = actor.Can(Permission::kStaffReplaceRequest);
    if (replace_report || replace_decide) {
        std::vector<ReplacementStatus> statuses = {ReplacementStatus::kOpen, ReplacementStatus::kReturned};
        if (replace_decide) statuses.push_back(ReplacementStatus::kReported);
        for (const auto& waiting : storage::WaitingReplacements(connection, scope, statuses, kPageSize)) {
            const auto& request = waiting.request;
            const auto contract = ContractName(waiting.contract_code, waiting.contract_title);
            const auto name = fmt::format("{} · {}", waiting.contract_code, waiting.person_name);
            const auto deadline = request.deadline.ToString();
            const auto overdue = request.OverdueDays(today);
            const auto link = "/contracts/" + Id(request.contract_id);
            if (request.status == ReplacementStatus::kReported) {
                add({"replacement_confirm",
                     {fmt::format("确认服务商对 {} 的人员更换回复(合同 {})", waiting.person_name, contract),
                      fmt::format("Confirm or return the vendor's report on replacing {} (contract {})",
                                  waiting.person_name, waiting.contract_code)},
                     "staff_replacement",
                     request.id,
                     name,
                     link,
                     request.reported_at.value_or(request.updated_at),
                     std::nullopt});
            } else if (replace_report) {
                const auto late = overdue > 0 ? fmt::format(",已逾期 {} 天", overdue) : std::string();
                const auto late_en = overdue > 0 ? fmt::format(", {} days overdue", overdue) : std::string();
                add({"replacement_report",
                     {fmt::format("按要求更换 {} 并回复(合同 {},期限 {}{})", waiting.person_name, contract, deadline,
                                  late),
                      fmt::format("Replace {} and report back (contract {}, deadline {}{})", waiting.person_name,
                                  waiting.contract_code, deadline, late_en)},
                     "staff_replacement",
                     request.id,
                     name,
                     link,
                     request.updated_at,
                     request.deadline});
            } else if (overdue > 0) {
                add({"replacement_overdue",
                     {fmt::format("{} 的人员更换已逾期 {} 天未回复(合同 {},期限 {}),请督促服务商", waiting.person_name,
                                  overdue, contract, deadline),
                      fmt::format("The replacement of {} is {} days overdue (contract {}, deadline {}): remind the "
                                  "vendor",
                                  waiting.person_name, overdue, waiting.contract_code, deadline)},
                     "staff_replacement",
                     request.id,
                     name,
                     link,
                     request.updated_at,
                     request.deadline});
            }
        }
    }

    // SUP-3: open surveys this department user has not answered.
    if (actor.Can(Permission::kSurveyAnswer)) {
        storage::SurveyFilter filter;
        filter.scope = scope;
        filter.pending_for_user = actor.user_id;
        filter.page_size = kPageSize;
        for (const auto& survey : storage::ListSurveys(connection, filter).items) {
            if (survey.closes_on < today) continue;
            add({"survey_answer",
                 {fmt::format("填写满意度调查「{}」", survey.title),
                  fmt::format("Answer the satisfaction survey '{}'", survey.title)},
                 "survey",
                 survey.id,
                 survey.title,
                 "/surveys/" + Id(survey.id) + "/answer",
                 survey.created_at,
                 survey.closes_on});
        }
    }

    // STF-2, X-2: people's documents expired or expiring within the warning days: the vendor renews them, the office
    // follows them up (or asks for the person to be replaced).
    if (actor.Can(Permission::kStaffWrite) || actor.Can(Permission::kStaffReplaceRequest)) {
        const auto warning_days = storage::ReadSetting(connection, setting::kStaffDocumentWarningDays);
        for (const auto& document :
             storage::ExpiringDocuments(connection, scope, today, today.AddDays(warning_days), kPageSize)) {
            const auto kind = DocumentKindText(document.kind);
            const auto day = document.expires_on.ToString();
            const bool expired = document.expires_on < today;
            add({"staff_document",
                 expired
                     ? Text{fmt::format("{} 的{}已于 {} 过期,请更新", document.person_name, kind.zh, day),
                            fmt::format("{}'s {} expired on {}: renew it", document.person_name, kind.en, day)}
                     : Text{fmt::format("{} 的{}将于 {} 到期,请及时更新", document.person_name, kind.zh, day),
                            fmt::format("{}'s {} expires on {}: renew it in time", document.person_name, kind.en, day)},
                 "staff_person", document.person_id,
                 fmt::format("{} · {}", document.contract_code, document.person_name),
                 "/contracts/" + Id(document.contract_id),
                 Instant{(document.expires_on.days() * 86400 - kShanghaiOffsetSeconds) * 1000}, document.expires_on});
        }
    }

    std::stable_sort(inbox.items.begin(), inbox.items.end(),
                     [](const InboxItem& a, const InboxItem& b) { return a.since.ms < b.since.ms; });
    for (const auto& item : inbox.items) ++inbox.counts[item.kind];
    inbox.total = static_cast<std::int64_t>(inbox.items.size());
    return inbox;
}

}  // namespace houqin

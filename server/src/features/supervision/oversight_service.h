#pragma once
// The office's day-to-day oversight of vendors: work meetings and the departments' opinions (SUP-1), rectification
// notices from report to verification (SUP-2), the communication log (SUP-6) and energy-saving records (RP-1).
// Every write is one transaction with its audit entry (SUP-5); steps of meetings and rectifications are also
// workflow events, shown as their history.
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "features/contracts/store.h"
#include "features/supervision/oversight.h"
#include "features/supervision/oversight_store.h"
#include "features/supervision/policy_service.h"
#include "features/vendors/model.h"
#include "platform/service/context.h"

namespace houqin {

struct NamedRef {
    std::int64_t id = 0;
    std::string name;
};

struct RectificationView {
    Rectification record;
    bool overdue = false;
    std::int64_t days_overdue = 0;
    std::vector<AttachmentInfo> evidence;
    std::vector<WorkflowEvent> history;        // filled for one rectification, not in lists
    std::vector<std::string> allowed_actions;  // report, verify
};

struct MeetingView {
    Meeting record;
    std::vector<NamedRef> vendors;
    std::vector<NamedRef> attendees;
    std::vector<MeetingOpinion> opinions;           // filled for one meeting, not in lists
    std::vector<RectificationView> rectifications;  // likewise
    std::vector<WorkflowEvent> history;             // likewise
    std::vector<std::string> allowed_actions;       // opinion, minutes, cancel
};

struct MeetingQuery {
    std::string status;
    std::optional<Date> from;
    std::optional<Date> to;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct MeetingInput {
    std::string title;
    std::optional<Instant> scheduled_at;
    std::string location;
    std::vector<std::int64_t> vendor_ids;
    std::vector<std::int64_t> attendee_org_ids;
    std::string agenda;
};

struct OpinionInput {
    std::string kind;
    std::string content;
};

struct MinutesInput {
    std::string minutes;
    std::string attendees_present;
};

struct RectificationQuery {
    std::string status;
    std::optional<bool> overdue;
    std::optional<std::int64_t> vendor_id;
    std::optional<std::int64_t> contract_id;
    std::optional<std::int64_t> meeting_id;
    std::optional<std::int64_t> assessment_id;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct RectificationInput {
    std::optional<std::int64_t> contract_id;
    std::optional<std::int64_t> meeting_id;
    std::optional<std::int64_t> assessment_id;
    std::string title;
    std::string requirement;
    std::string owner;
    std::optional<Date> deadline;
};

struct ReportInput {
    std::string completion;
    std::vector<std::int64_t> evidence_ids;
};

struct VerifyInput {
    std::string result;  // accepted, rejected
    std::string effect;  // effective, partly_effective, ineffective
    std::string comment;
};

struct CommunicationQuery {
    std::optional<std::int64_t> vendor_id;
    std::optional<std::int64_t> contract_id;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct CommunicationInput {
    std::optional<std::int64_t> vendor_id;
    std::optional<std::int64_t> contract_id;
    std::optional<Instant> occurred_at;
    std::string channel;
    std::string counterpart;
    std::string summary;
};

struct EnergySavingQuery {
    std::optional<std::int64_t> vendor_id;
    std::optional<std::int64_t> contract_id;
    std::optional<int> year;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct EnergySavingInput {
    std::optional<std::int64_t> contract_id;
    std::optional<Date> recorded_on;
    std::string measure;
    std::optional<Money> saving;
    std::optional<std::int64_t> saving_kwh;
    std::vector<std::int64_t> evidence_ids;
};

struct EnergySavingView {
    EnergySaving record;
    std::vector<AttachmentInfo> evidence;
};

struct EnergySavingList {
    std::vector<EnergySavingView> items;
    std::int64_t total = 0;
    Money saving;
    std::int64_t saving_kwh = 0;
};

class OversightService {
  public:
    OversightService(ServiceContext& context, PolicyService& policy) : context_(context), policy_(policy) {}

    Result<Page<MeetingView>> ListMeetings(const Actor& actor, const MeetingQuery& query);
    Result<MeetingView> GetMeeting(const Actor& actor, std::int64_t id);
    Result<MeetingView> CreateMeeting(const Actor& actor, const MeetingInput& input);
    Result<MeetingOpinion> AddOpinion(const Actor& actor, std::int64_t meeting_id, const OpinionInput& input);
    Result<MeetingView> RecordMinutes(const Actor& actor, std::int64_t meeting_id, const MinutesInput& input);
    Result<MeetingView> CancelMeeting(const Actor& actor, std::int64_t meeting_id, const std::string& reason);

    Result<Page<RectificationView>> ListRectifications(const Actor& actor, const RectificationQuery& query);
    Result<RectificationView> GetRectification(const Actor& actor, std::int64_t id);
    Result<RectificationView> CreateRectification(const Actor& actor, const RectificationInput& input);
    Result<RectificationView> ReportRectification(const Actor& actor, std::int64_t id, const ReportInput& input);
    Result<RectificationView> VerifyRectification(const Actor& actor, std::int64_t id, const VerifyInput& input);

    Result<Page<Communication>> ListCommunications(const Actor& actor, const CommunicationQuery& query);
    Result<Communication> CreateCommunication(const Actor& actor, const CommunicationInput& input);

    Result<EnergySavingList> ListEnergySavings(const Actor& actor, const EnergySavingQuery& query);
    Result<EnergySavingView> CreateEnergySaving(const Actor& actor, const EnergySavingInput& input);
    // whether `actor` may see this energy saving (and so its evidence files): in scope, with read permission.
    bool MayReadEnergySaving(const Actor& actor, std::int64_t id);

  private:
    MeetingView BuildMeeting(storage::Connection& connection, const Actor& actor, Meeting meeting, bool full);
    RectificationView BuildRectification(storage::Connection& connection, const Actor& actor, Rectification record,
                                         bool full);
    void RecordStep(storage::Connection& connection, const Actor& actor, const std::string& subject, std::int64_t id,
                    const std::string& action, const std::string& from, const std::string& to,
                    const std::string& comment, Instant now);
    ServiceContext& context_;
    PolicyService& policy_;  // a new energy-saving record re-runs the rules (RP-4)
};

}  // namespace houqin

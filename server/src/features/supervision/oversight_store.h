#pragma once
// Work meetings and opinions (SUP-1), rectifications (SUP-2), the communication log (SUP-6) and energy-saving
// records (RP-1). Rows about a contract or vendor carry its owner path and vendor organisation, so the caller's
// scope is one index condition; meetings carry the office's owner path and the vendors they list.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "features/supervision/oversight.h"
#include "features/vendors/store.h"
#include "platform/database/database.h"

namespace houqin::storage {

// Lists of ids are stored as JSON arrays ("[3,5]").
std::string IdsJson(const std::vector<std::int64_t>& ids);
std::vector<std::int64_t> ParseIds(const std::string& json);

struct MeetingFilter {
    VendorScope scope;  // a vendor user sees the meetings that list its vendor
    std::string status;
    std::optional<Date> from;
    std::optional<Date> to;  // inclusive
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

Page<Meeting> ListMeetings(Connection& connection, const MeetingFilter& filter);
std::optional<Meeting> FindMeeting(Connection& connection, std::int64_t id, const VendorScope& scope);
// Inside a transaction: locks the meeting's row until the transaction ends (PostgreSQL: SELECT … FOR UPDATE; SQLite's
// BEGIN IMMEDIATE already holds the write lock), so a check made after it (scheduled, held or cancelled) cannot be
// overtaken by a parallel request.
void LockMeeting(Connection& connection, std::int64_t id);
std::int64_t InsertMeeting(Connection& connection, const Meeting& meeting);
void UpdateMeeting(Connection& connection, const Meeting& meeting);
std::string MeetingSnapshot(const Meeting& meeting);
std::int64_t InsertOpinion(Connection& connection, const MeetingOpinion& opinion);
std::vector<MeetingOpinion> ListOpinions(Connection& connection, std::int64_t meeting_id);
std::string OpinionSnapshot(const MeetingOpinion& opinion);

struct RectificationFilter {
    VendorScope scope;
    std::string status;
    std::optional<bool> overdue;
    Date today;
    std::optional<std::int64_t> vendor_id;
    std::optional<std::int64_t> contract_id;
    std::optional<std::int64_t> meeting_id;
    std::optional<std::int64_t> assessment_id;
    std::int64_t page = 1;
    std::int64_t page_size = 20;  // 0 = all
};

Page<Rectification> ListRectifications(Connection& connection, const RectificationFilter& filter);
std::optional<Rectification> FindRectification(Connection& connection, std::int64_t id, const VendorScope& scope);
// Inside a transaction: locks the rectification's row until the transaction ends (PostgreSQL: SELECT … FOR UPDATE;
// SQLite's BEGIN IMMEDIATE already holds the write lock), so a check made after it (open, reported or verified) cannot
// be overtaken by a parallel request.
void LockRectification(Connection& connection, std::int64_t id);
std::int64_t InsertRectification(Connection& connection, const Rectification& rectification);
void UpdateRectification(Connection& connection, const Rectification& rectification);
std::string RectificationSnapshot(const Rectification& rectification);
// The contract an assessment belongs to, if the assessment exists.
std::optional<std::int64_t> AssessmentContractId(Connection& connection, std::int64_t assessment_id);

struct CommunicationFilter {
    VendorScope scope;
    std::optional<std::int64_t> vendor_id;
    std::optional<std::int64_t> contract_id;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

Page<Communication> ListCommunications(Connection& connection, const CommunicationFilter& filter);
std::optional<Communication> FindCommunication(Connection& connection, std::int64_t id);
std::int64_t InsertCommunication(Connection& connection, const Communication& communication);
std::string CommunicationSnapshot(const Communication& communication);

struct EnergySavingFilter {
    VendorScope scope;
    std::optional<std::int64_t> vendor_id;
    std::optional<std::int64_t> contract_id;
    std::optional<int> year;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct EnergySavingPage {
    std::vector<EnergySaving> items;
    std::int64_t total = 0;
    Money saving;                 // sum over every matching record, not only this page
    std::int64_t saving_kwh = 0;  // likewise
};

EnergySavingPage ListEnergySavings(Connection& connection, const EnergySavingFilter& filter);
std::optional<EnergySaving> FindEnergySaving(Connection& connection, std::int64_t id);
std::int64_t InsertEnergySaving(Connection& connection, const EnergySaving& record);
std::string EnergySavingSnapshot(const EnergySaving& record);

}  // namespace houqin::storage

// STF-7: incident codes round-trip, who must be named, the one-way workflow, and the counts the reports carry.
#include "features/staff/incident_model.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

Incident Make(IncidentType type, ResponsibleParty party, std::int64_t fen, IncidentStatus status) {
    Incident incident;
    incident.type = type;
    incident.responsible_party = party;
    incident.compensation = Money::FromFen(fen);
    incident.status = status;
    return incident;
}

// STF-7: every code reads back as what wrote it; unknown codes are refused, not guessed.
TEST(IncidentModelTest, STF7CodesRoundTrip) {
    for (const auto type : kIncidentTypes) EXPECT_EQ(ParseIncidentType(IncidentTypeCode(type)), type);
    EXPECT_FALSE(ParseIncidentType("fire").has_value());
    EXPECT_EQ(ParseLeakChannel("usb_copy"), LeakChannel::kUsbCopy);
    EXPECT_FALSE(ParseLeakChannel("fax").has_value());
    EXPECT_EQ(ParseResponsibleParty("party_b"), ResponsibleParty::kPartyB);
    EXPECT_FALSE(ParseResponsibleParty("party_c").has_value());
    EXPECT_EQ(IncidentTypeText(IncidentType::kDataLeak).zh, "数据泄露");
}

// STF-7: disputes and injuries are about people (D3 §4, §5); damage, violations and leaks may name nobody.
TEST(IncidentModelTest, STF7DisputesAndInjuriesNamePeople) {
    EXPECT_TRUE(IncidentNeedsPeople(IncidentType::kLabourDispute));
    EXPECT_TRUE(IncidentNeedsPeople(IncidentType::kInjuryAtWork));
    EXPECT_TRUE(IncidentNeedsPeople(IncidentType::kInjuryOffWork));
    EXPECT_FALSE(IncidentNeedsPeople(IncidentType::kDamageLoss));
    EXPECT_FALSE(IncidentNeedsPeople(IncidentType::kDataLeak));
}

// STF-7: closing is one-way: open -> closed by the office or the vendor; nothing leaves closed.
TEST(IncidentModelTest, STF7ClosingIsOneWay) {
    EXPECT_TRUE(IncidentWorkflow().Check("open", "close", Role::kOffice, "").has_value());
    EXPECT_TRUE(IncidentWorkflow().Check("open", "close", Role::kVendor, "").has_value());
    EXPECT_FALSE(IncidentWorkflow().Check("open", "close", Role::kDiscipline, "").has_value());
    const auto again = IncidentWorkflow().Check("closed", "close", Role::kOffice, "");
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_TRUE(IncidentWorkflow().Allowed("closed", Role::kOffice).empty());
}

// SUP-7, RP-5: counts by type (every type listed), open and closed, compensation, and Party B's share.
TEST(IncidentModelTest, SUP7TallyCountsTypesOpenAndPartyB) {
    const auto tally = TallyIncidents({
        Make(IncidentType::kDataLeak, ResponsibleParty::kPartyB, 50000, IncidentStatus::kOpen),
        Make(IncidentType::kInjuryAtWork, ResponsibleParty::kUndetermined, 0, IncidentStatus::kClosed),
        Make(IncidentType::kDataLeak, ResponsibleParty::kPartyA, 1234, IncidentStatus::kOpen),
    });
    EXPECT_EQ(tally.total, 3);
    EXPECT_EQ(tally.open, 2);
    EXPECT_EQ(tally.closed, 1);
    ASSERT_EQ(tally.by_type.size(), kIncidentTypes.size());
    EXPECT_EQ(tally.by_type.back().type, "data_leak");
    EXPECT_EQ(tally.by_type.back().count, 2);
    EXPECT_EQ(tally.by_type.front().count, 0);
    EXPECT_EQ(tally.compensation, Money::FromFen(51234));
    EXPECT_EQ(tally.party_b, 1);
    EXPECT_EQ(tally.party_b_compensation, Money::FromFen(50000));
    EXPECT_EQ(tally.data_leaks, 2);
    EXPECT_EQ(TallyIncidents({}).total, 0);
}

}  // namespace
}  // namespace houqin

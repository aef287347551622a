// PRJ-2, PRJ-5 … PRJ-8: the procurement services against a real temporary SQLite database, with the clock a test
// moves (the context's injected clock): the lifecycle, the deadline, the opening's time and its lockout.
#include "features/procurement/service.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <string>

#include "app/demo_seed.h"
#include "features/contracts/service.h"
#include "platform/database/test_database.h"

namespace houqin {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kDay = 24 * 60 * kMinute;
const SealSecrets kSecrets{"Kaibiao#2027-Office", "Jianzheng#2027-Jiwei"};

class ProcurementServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        ASSERT_TRUE(SeedDemo(context_));
        procurement_.sealing.SetSealLimits(MinimalSealLimitsForTests());
    }

    Actor As(const std::string& username) { return DemoActor(context_, username); }
    Instant Now() const { return context_.clock.Now(); }
    // The test moves the clock the services read.
    void MoveClockTo(Instant instant) { context_.clock = Clock(instant); }

    // A new project like the demo's meeting project (internal route: below the threshold, not in the catalogue; the
    // demo's vendor1 qualifies for its category).
    ProjectInput NewProjectInput(const std::string& name) {
        ProjectQuery query;
        query.q = "会议服务";
        auto page = procurement_.projects.List(As("office"), query);
        EXPECT_TRUE(page && !page->items.empty());
        const auto& like = page->items.at(0).record;
        ProjectInput input;
        input.name = name;
        input.year = like.year;
        input.category_id = like.category_id;
        input.scope = like.scope;
        input.annual_budget = Money::FromFen(40'000'000);
        input.total_budget = Money::FromFen(40'000'000);
        input.service_start = like.service_start;
        input.service_end = like.service_end;
        input.department_id = like.department_id;
        input.responsible_person = like.responsible_person;
        input.responsible_phone = like.responsible_phone;
        input.plan_ids = like.plan_ids;
        return input;
    }

    // A project whose bidding the office opened now, witnessed, with the deadline and the opening time given.
    std::int64_t Bidding(const std::string& name, Instant deadline, Instant opening_at) {
        auto created = procurement_.projects.Create(As("office"), NewProjectInput(name));
        EXPECT_TRUE(created) << (created ? "" : created.error().message.en);
        const auto id = created->record.id;
        EXPECT_TRUE(procurement_.projects.Submit(As("office"), id));
        EXPECT_TRUE(procurement_.projects.Decide(As("leader"), id, "approve", "同意。"));
        EXPECT_TRUE(procurement_.projects.SetCeiling(As("leader"), id, {Money::FromFen(39'000'000), "党委会议确定"}));
        EXPECT_TRUE(procurement_.sealing.GiveWitnessConsent(As("jiwei"), id, kConsentOpenBidding));
        auto opened = procurement_.sealing.OpenBidding(As("office"), id, {deadline, opening_at, kSecrets});
        EXPECT_TRUE(opened) << (opened ? "" : opened.error().message.en);
        return id;
    }

    Result<BidOpening> OpenWitnessed(std::int64_t id, const SealSecrets& secrets) {
        EXPECT_TRUE(procurement_.sealing.GiveWitnessConsent(As("jiwei"), id, kConsentOpening));
        return procurement_.opening.Open(As("office"), id, secrets);
    }

    storage::TestDatabase database_;
    ServiceContext context_{*database_, Clock(*Instant::ParseIso("2027-06-01T10:00:00+08:00")), {}};
    ContractService contracts_{context_};
    ProcurementServices procurement_{context_, contracts_};
};

TEST_F(ProcurementServiceTest, PRJ2_ALifecycleFromDraftThroughReturnToApproval) {
    const auto office = As("office");
    const auto leader = As("leader");
    auto created = procurement_.projects.Create(office, NewProjectInput("2028 年度机关绿化养护服务"));
    ASSERT_TRUE(created);
    const auto id = created->record.id;
    EXPECT_EQ(created->record.status, ProjectStatus::kDraft);
    // PRJ-2: no procurement step before approval.
    auto early = procurement_.projects.SetCeiling(leader, id, {Money::FromFen(1'000'000), ""});
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);

    ASSERT_TRUE(procurement_.projects.Submit(office, id));
    auto returned = procurement_.projects.Decide(leader, id, "return", "预算依据不足");
    ASSERT_TRUE(returned);
    EXPECT_EQ(returned->record.status, ProjectStatus::kReturned);
    auto edit = NewProjectInput("2028 年度机关绿化养护服务(修订)");
    auto edited = procurement_.projects.Update(office, id, edit);
    ASSERT_TRUE(edited);
    EXPECT_EQ(edited->record.name, "2028 年度机关绿化养护服务(修订)");
    ASSERT_TRUE(procurement_.projects.Submit(office, id));
    auto approved = procurement_.projects.Decide(leader, id, "approve", "同意。");
    ASSERT_TRUE(approved);
    EXPECT_EQ(approved->record.status, ProjectStatus::kApproved);
    EXPECT_EQ(approved->record.route, "internal");
    // An approved project is not edited again.
    EXPECT_FALSE(procurement_.projects.Update(office, id, edit));

    std::vector<std::string> actions;
    for (const auto& event : approved->history) actions.push_back(event.action);
    EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "return", "update", "submit", "approve"}));
    auto trail = procurement_.projects.Trail(office, id);
    ASSERT_TRUE(trail);
    EXPECT_EQ(trail->size(), 6U);
}

TEST_F(ProcurementServiceTest, PRJ7_ABidAfterTheDeadlineIsRefusedAndTheOpeningWaitsForItsTime) {
    const auto start = Now();
    const Instant deadline{start.ms + 10 * kDay};
    const Instant opening_at{start.ms + 11 * kDay};
    const auto id = Bidding("2028 年度机关会议服务(二)", deadline, opening_at);
    const auto vendor1 = As("vendor1");
    const auto vendor2 = As("vendor2");
    ASSERT_TRUE(procurement_.bidding.Register(vendor1, id, std::nullopt));
    ASSERT_TRUE(procurement_.bidding.Register(vendor2, id, std::nullopt));
    auto bid = procurement_.bidding.SubmitBid(vendor1, id, Money::FromFen(36'500'000));
    ASSERT_TRUE(bid) << bid.error().message.en;

    // One minute past the deadline: vendor2's bid is refused.
    MoveClockTo(Instant{deadline.ms + kMinute});
    auto late = procurement_.bidding.SubmitBid(vendor2, id, Money::FromFen(35'000'000));
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(late.error().fields.at(0).field, "bid_deadline");

    // Before its time the opening is refused, and nothing is opened.
    auto early = OpenWitnessed(id, kSecrets);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().fields.at(0).field, "opening_at");
    EXPECT_EQ(procurement_.projects.Get(As("office"), id)->record.status, ProjectStatus::kBidding);

    // At its time it opens: vendor1's quote wins, and the award drafts the contract.
    MoveClockTo(Instant{opening_at.ms + kMinute});
    auto opening = OpenWitnessed(id, kSecrets);
    ASSERT_TRUE(opening) << opening.error().message.en;
    EXPECT_EQ(opening->opened_at, Now());
    auto project = procurement_.projects.Get(As("office"), id);
    EXPECT_EQ(project->record.status, ProjectStatus::kOpened);
    EXPECT_EQ(project->record.winner_quote, Money::FromFen(36'500'000));
    auto award = procurement_.opening.Award(As("office"), id);
    ASSERT_TRUE(award) << award.error().message.en;
    EXPECT_EQ(award->project.record.status, ProjectStatus::kAwarded);
    auto contract = contracts_.Get(As("office"), award->contract_id);
    ASSERT_TRUE(contract);
}

TEST_F(ProcurementServiceTest, PRJ7_WrongSecretsLockTheOpeningUntilTheLockEnds) {
    const auto start = Now();
    const auto id = Bidding("2028 年度机关会议服务(三)", Instant{start.ms + 10 * kDay}, Instant{start.ms + 11 * kDay});
    ASSERT_TRUE(procurement_.bidding.Register(As("vendor1"), id, std::nullopt));
    auto bid = procurement_.bidding.SubmitBid(As("vendor1"), id, Money::FromFen(36'600'000));
    ASSERT_TRUE(bid) << bid.error().message.en;
    const Instant opening_time{start.ms + 11 * kDay + kMinute};
    MoveClockTo(opening_time);

    // procurement.opening_max_failures (5) wrong pairs, each counted.
    const SealSecrets wrong{kSecrets.officer_secret, "Jianzheng#2027-Wrong!"};
    for (int attempt = 1; attempt <= 5; ++attempt) {
        auto refused = OpenWitnessed(id, wrong);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument) << "attempt " << attempt;
        EXPECT_EQ(procurement_.projects.Get(As("office"), id)->record.opening_failures, attempt);
    }
    // Now even the right pair waits procurement.opening_lock_minutes (30), unchecked.
    auto locked = OpenWitnessed(id, kSecrets);
    ASSERT_FALSE(locked);
    EXPECT_EQ(locked.error().code, ErrorCode::kResourceExhausted);
    EXPECT_NE(locked.error().message.en.find("try again in 30 minute"), std::string::npos) << locked.error().message.en;
    MoveClockTo(Instant{opening_time.ms + 29 * kMinute});
    locked = OpenWitnessed(id, kSecrets);
    ASSERT_FALSE(locked);
    EXPECT_NE(locked.error().message.en.find("try again in 1 minute"), std::string::npos) << locked.error().message.en;

    // When the lock is over the right pair opens, and the count is cleared.
    MoveClockTo(Instant{opening_time.ms + 30 * kMinute});
    auto opening = OpenWitnessed(id, kSecrets);
    ASSERT_TRUE(opening) << opening.error().message.en;
    const auto project = procurement_.projects.Get(As("office"), id);
    EXPECT_EQ(project->record.opening_failures, 0);
    EXPECT_EQ(project->record.status, ProjectStatus::kOpened);
}

TEST_F(ProcurementServiceTest, PRJ7_AfterALockTheCountStartsAgain) {
    const auto start = Now();
    const auto id = Bidding("2028 年度机关会议服务(四)", Instant{start.ms + 10 * kDay}, Instant{start.ms + 11 * kDay});
    const Instant opening_time{start.ms + 11 * kDay + kMinute};
    MoveClockTo(opening_time);
    const SealSecrets wrong{"Kaibiao#2027-Wrong!", kSecrets.witness_secret};
    for (int attempt = 1; attempt <= 5; ++attempt) ASSERT_FALSE(OpenWitnessed(id, wrong));
    MoveClockTo(Instant{opening_time.ms + 31 * kMinute});
    auto again = OpenWitnessed(id, wrong);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(procurement_.projects.Get(As("office"), id)->record.opening_failures, 1);
}

}  // namespace
}  // namespace houqin

// CON-2, CON-3, CON-8, X-1: the contract workflow against a real temporary SQLite database.
#include "features/contracts/service.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>

#include "app/demo_seed.h"
#include "features/accounts/auth_service.h"
#include "features/accounts/store.h"
#include "features/vendors/service.h"
#include "platform/audit/audit_store.h"
#include "platform/database/test_database.h"

namespace houqin {
namespace {

class ContractServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        ASSERT_TRUE(SeedDemo(context_));
    }
    Actor As(const std::string& username) {
        auto lease = database_->Acquire();
        const auto user = storage::FindUserByName(*lease, username);
        const auto org = storage::FindOrg(*lease, user->org_id);
        Actor actor;
        actor.user_id = user->id;
        actor.username = username;
        actor.role = user->role;
        actor.org_id = user->org_id;
        actor.scope_path = AuthService::ScopePathFor(*lease, *org);
        if (org->kind == OrgKind::kVendor) actor.vendor_org_id = org->id;
        return actor;
    }
    // The demo's contract in review: legal review approved version 1, text review pending.
    ContractQuery WithStatus(ContractStatus status) {
        ContractQuery query;
        query.status = status;
        return query;
    }
    std::int64_t InReview() {
        auto page = contracts_.List(As("office"), WithStatus(ContractStatus::kInReview));
        EXPECT_TRUE(page && page->total == 1);
        return page->items.at(0).record.id;
    }

    storage::TestDatabase database_;
    ServiceContext context_{*database_, Clock(*Instant::ParseIso("2026-11-28T10:00:00+08:00")), {}};
    ContractService contracts_{context_};
};

TEST_F(ContractServiceTest, CON2_SigningWaitsForBothReviewsOfTheSameVersion) {
    const auto id = InReview();
    const auto office = As("office");
    SignInput sign{*Date::Parse("2026-11-28"), "李书记", "黄队长", std::nullopt};
    auto early = contracts_.Sign(office, id, sign);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);

    auto wrong_version = contracts_.Review(As("dangzheng"), id, 2, "approve", "");
    ASSERT_FALSE(wrong_version);
    EXPECT_EQ(wrong_version.error().fields.at(0).field, "version_no");

    auto returned = contracts_.Review(As("dangzheng"), id, 1, "return", "第三条付款方式表述不清");
    ASSERT_TRUE(returned);
    EXPECT_EQ(returned->status, ContractStatus::kReturned);
    // A resubmission is a new version; the legal approval of version 1 does not carry over.
    auto resubmitted = contracts_.Submit(office, id);
    ASSERT_TRUE(resubmitted);
    EXPECT_EQ(resubmitted->record.version_no, 2);
    ASSERT_TRUE(contracts_.Review(As("dangzheng"), id, 2, "approve", ""));
    auto still_waiting = contracts_.Get(office, id);
    EXPECT_EQ(still_waiting->status, ContractStatus::kInReview);
    auto approved = contracts_.Review(As("sifa"), id, 2, "approve", "");
    ASSERT_TRUE(approved);
    EXPECT_EQ(approved->status, ContractStatus::kApproved);
    auto versions = contracts_.Versions(office, id);
    EXPECT_EQ(versions->size(), 2u);
}

TEST_F(ContractServiceTest, CON3_ActiveContractChangesOnlyThroughAnAmendment) {
    auto page = contracts_.List(As("office"), WithStatus(ContractStatus::kActive));
    ASSERT_TRUE(page && page->total == 1);
    const auto& view = page->items.at(0);
    auto edit = contracts_.Update(As("office"), view.record.id, view.content);
    ASSERT_FALSE(edit);
    EXPECT_EQ(edit.error().code, ErrorCode::kFailedPrecondition);
    auto amend = contracts_.StartAmendment(As("office"), view.record.id, std::nullopt, "调整人员配置");
    ASSERT_FALSE(amend);
    EXPECT_EQ(amend.error().fields.at(0).field, "consultation_id");
}

TEST_F(ContractServiceTest, CON8_LedgerIsExactAndPaymentsCannotExceedTheBalance) {
    auto page = contracts_.List(As("office"), WithStatus(ContractStatus::kActive));
    const auto id = page->items.at(0).record.id;
    auto ledger = contracts_.Ledger(As("office"), id);
    ASSERT_TRUE(ledger);
    const auto& first = ledger->statement.periods.at(0);
    EXPECT_EQ(first.deductions.ToString(), "500.00");
    EXPECT_EQ(first.balance.ToString(), "0.00");  // the demo paid the first period in full after the deduction
    auto over = contracts_.AddPayment(As("office"), id, {first.period, Money::FromFen(1), first.due_date, "", ""});
    ASSERT_FALSE(over);
    EXPECT_EQ(over.error().fields.at(0).field, "amount");
}

// A contract signed before its term begins is signed (已签订/待履行), not in force: it cannot be paid. The daily job
// puts it in force on its start date, not the day before, once, with a workflow step and an audit entry saying why.
TEST_F(ContractServiceTest, CON3_SignedBeforeItsStartComesIntoForceOnTheStartDate) {
    const auto id = InReview();  // the demo's contract from 30 days after the test clock's today, 2026-12-28
    const auto office = As("office");
    ASSERT_TRUE(contracts_.Review(As("dangzheng"), id, 1, "approve", ""));
    VendorService files(context_);
    auto scan = files.UploadAttachment(&office, {"scan.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"});
    ASSERT_TRUE(scan);
    auto signed_view = contracts_.Sign(office, id, {*Date::Parse("2026-11-28"), "李书记", "黄队长", scan->id});
    ASSERT_TRUE(signed_view);
    EXPECT_EQ(signed_view->status, ContractStatus::kSigned);
    EXPECT_EQ(signed_view->record.status, "signed");
    EXPECT_EQ(ContractStatusName(signed_view->status).zh, "已签订/待履行");
    const auto& actions = signed_view->allowed_actions;
    EXPECT_EQ(std::count(actions.begin(), actions.end(), "pay"), 0);
    const auto ledger = contracts_.Ledger(office, id);
    ASSERT_TRUE(ledger);
    const auto& first = ledger->statement.periods.at(0);
    auto payment = contracts_.AddPayment(office, id, {first.period, Money::FromFen(100), first.due_date, "", ""});
    ASSERT_FALSE(payment);
    EXPECT_EQ(payment.error().code, ErrorCode::kFailedPrecondition);

    context_.clock = Clock(*Instant::ParseIso("2026-12-27T23:59:00+08:00"));
    EXPECT_TRUE(contracts_.BringIntoForce().empty()) << "the day before its start it is not yet in force";
    EXPECT_EQ(contracts_.Get(office, id)->status, ContractStatus::kSigned);

    context_.clock = Clock(*Instant::ParseIso("2026-12-28T02:00:00+08:00"));
    EXPECT_EQ(contracts_.BringIntoForce(), std::vector<std::int64_t>{id});
    EXPECT_EQ(contracts_.Get(office, id)->status, ContractStatus::kActive);
    EXPECT_TRUE(contracts_.BringIntoForce().empty()) << "a second run the same day changes nothing";

    const auto history = contracts_.History(office, id);
    ASSERT_TRUE(history);
    const auto& last = history->back();
    EXPECT_EQ(last.action, "take_effect");
    EXPECT_EQ(last.from_state, "signed");
    EXPECT_EQ(last.to_state, "active");
    EXPECT_FALSE(last.actor_id.has_value());
    EXPECT_NE(last.comment.find("合同期限开始,自动生效"), std::string::npos);
    auto lease = database_->Acquire();
    const auto audit = storage::ListAudit(*lease, {"", "contract", "take_effect", id, {}, {}, 1, 10});
    EXPECT_EQ(audit.total, 1);
    EXPECT_TRUE(storage::VerifyAuditChain(*lease).ok);
}

TEST_F(ContractServiceTest, ROLE8_VendorSeesOnlyItsOwnContracts) {
    auto mine = contracts_.List(As("vendor1"), {});
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->total, 1);
    auto other = contracts_.Get(As("vendor2"), mine->items.at(0).record.id);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
}

TEST_F(ContractServiceTest, X1_EveryStepIsAuditedAndTheChainHolds) {
    auto lease = database_->Acquire();
    const auto page = storage::ListAudit(*lease, {"", "contract", "", std::nullopt, {}, {}, 1, 100});
    EXPECT_GE(page.total, 10);  // create, submit, approvals, sign, ledger, payment of the demo contracts
    EXPECT_TRUE(storage::VerifyAuditChain(*lease).ok);
}

}  // namespace
}  // namespace houqin

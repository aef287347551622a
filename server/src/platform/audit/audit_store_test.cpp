// X-1: the audit trail is hash-chained; altering, removing or reordering an entry is detected and named.
#include "platform/audit/audit_store.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include "platform/audit/audit_names.h"
#include "platform/database/test_database.h"

namespace houqin::storage {
namespace {

class AuditStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        auto lease = database_->Acquire();
        for (int i = 1; i <= 5; ++i) {
            Transaction transaction(*lease);
            AppendAudit(*lease, nullptr, Instant{1'700'000'000'000 + i},
                        {"update", "vendor", i, R"({"name":"a"})", R"({"name":"b"})"});
            transaction.Commit();
        }
    }
    AuditVerification Verify() {
        auto lease = database_->Acquire();
        return VerifyAuditChain(*lease);
    }
    void Run(const std::string& sql) {
        auto lease = database_->Acquire();
        lease->ExecuteScript(sql);
    }
    TestDatabase database_;
};

TEST_F(AuditStoreTest, X1_IntactChainVerifies) {
    const auto result = Verify();
    EXPECT_TRUE(result.ok);
    EXPECT_EQ(result.checked, 5);
}

TEST_F(AuditStoreTest, X1_AlteredEntryIsNamed) {
    Run("UPDATE audit_log SET after_json = '{\"name\":\"c\"}' WHERE seq = 3");
    const auto result = Verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.first_bad_seq, 3);
    EXPECT_NE(result.reason.en.find("altered"), std::string::npos);
}

TEST_F(AuditStoreTest, X1_RemovedEntryIsNamed) {
    Run("DELETE FROM audit_log WHERE seq = 2");
    const auto result = Verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.first_bad_seq, 2);
}

TEST_F(AuditStoreTest, X1_RemovedLastEntryIsDetectedThroughTheHead) {
    Run("DELETE FROM audit_log WHERE seq = 5");
    const auto result = Verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.first_bad_seq, 5);
}

TEST_F(AuditStoreTest, X1_SwappedEntriesAreDetected) {
    // Swap the contents of entries 2 and 3, keeping their seq numbers.
    Run("UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; "
        "UPDATE audit_log SET seq = 3 WHERE seq = -2;");
    const auto result = Verify();
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.first_bad_seq, 2);
}

TEST_F(AuditStoreTest, X1_RolledBackChangeLeavesNoEntry) {
    {
        auto lease = database_->Acquire();
        Transaction transaction(*lease);
        AppendAudit(*lease, nullptr, Instant{1}, {"create", "vendor", 9, std::nullopt, "{}"});
        // no Commit: the change it describes failed, so neither is kept
    }
    const auto result = Verify();
    EXPECT_TRUE(result.ok);
    EXPECT_EQ(result.checked, 5);
}

TEST_F(AuditStoreTest, X1_OneObjectsTrailIsListedAndASystemEntryHasNoAccountName) {
    auto lease = database_->Acquire();
    AuditFilter filter;
    filter.entity = "vendor";
    filter.entity_id = 3;
    const auto page = ListAudit(*lease, filter);
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].seq, 3);
    // No account behind the seed's entries: the page calls the operator 系统, not by a display name.
    EXPECT_EQ(page.items[0].actor_name, "system");
    EXPECT_TRUE(page.items[0].actor_display_name.empty());
    EXPECT_TRUE(page.items[0].actor_role.empty());
}

// X-6: the names the web labels (web/src/views/audit/trail/names.test.ts reads the same header).
static_assert(IsAuditAction("ledger_deduction") && IsAuditAction("award") && !IsAuditAction("no_such_action"));
static_assert(IsAuditEntity("contract") && IsAuditEntity("procurement_rules") && !IsAuditEntity("session"));

}  // namespace
}  // namespace houqin::storage

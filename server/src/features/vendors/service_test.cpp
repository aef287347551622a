// PRJ-4, X-1, X-7: vendor registry use cases against a real temporary SQLite database.
#include "features/vendors/service.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include "features/accounts/account_service.h"
#include "features/accounts/auth_service.h"
#include "features/accounts/store.h"
#include "features/vendors/rules/credit_code.h"
#include "platform/audit/audit_store.h"
#include "platform/database/test_database.h"

namespace houqin {
namespace {

std::string Code(const std::string& first17) { return first17 + CreditCodeCheckCharacter(first17); }

Vendor ValidVendor(const std::string& first17) {
    Vendor vendor;
    vendor.name = "九江测试物业有限公司";
    vendor.credit_code = Code(first17);
    vendor.contact_name = "张三";
    vendor.contact_phone = "0757-86801234";
    vendor.address = "九江镇儒林东路1号";
    vendor.bank_account_name = "九江测试物业有限公司";
    vendor.bank_name = "农行九江支行";
    vendor.bank_account_no = "445801010400001";
    vendor.staff_count = 20;
    return vendor;
}

class VendorServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        auto admin =
            services_context_.accounts.CreateUser(nullptr, {"admin", "管理员", "Admin@12345", "admin", std::nullopt});
        ASSERT_TRUE(admin);
        auto lease = database_->Acquire();
        auto org = storage::FindOrg(*lease, admin->org_id);
        actor_.user_id = admin->id;
        actor_.username = "admin";
        actor_.role = Role::kAdmin;
        actor_.org_id = org->id;
        actor_.scope_path = org->path;
    }

    storage::TestDatabase database_;
    struct Bundle {
        explicit Bundle(storage::Database& database)
            : context{database, Clock(*Instant::ParseIso("2026-11-28T10:00:00+08:00")), {}},
              accounts(context),
              vendors(context) {}
        ServiceContext context;
        AccountService accounts;
        VendorService vendors;
    } services_context_{*database_};
    VendorService& vendors() { return services_context_.vendors; }
    Actor actor_;
};

TEST_F(VendorServiceTest, PRJ4_CreateWritesVendorOrganisationAndAuditInOneTransaction) {
    auto created = vendors().Create(&actor_, ValidVendor("91440605MA4W0A001"));
    ASSERT_TRUE(created) << created.error().message.en;
    EXPECT_GT(created->vendor.org_id, 0);
    auto lease = database_->Acquire();
    const auto page = storage::ListAudit(*lease, {"", "vendor", "create", created->vendor.id, {}, {}, 1, 10});
    ASSERT_EQ(page.total, 1);
    EXPECT_NE(page.items[0].after_json->find("九江测试物业有限公司"), std::string::npos);
    EXPECT_TRUE(storage::VerifyAuditChain(*lease).ok);
}

TEST_F(VendorServiceTest, PRJ4_DuplicateCreditCodeIsRefusedAndWritesNothing) {
    ASSERT_TRUE(vendors().Create(&actor_, ValidVendor("91440605MA4W0A002")));
    auto again = vendors().Create(&actor_, ValidVendor("91440605MA4W0A002"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
    EXPECT_EQ(again.error().fields.at(0).field, "credit_code");
    auto lease = database_->Acquire();
    EXPECT_EQ(lease->QueryOne("SELECT COUNT(*) FROM orgs WHERE kind = 'vendor'", {})->Int(0), 1);
}

TEST_F(VendorServiceTest, PRJ4_ExpiredQualificationFlagsTheVendor) {
    auto created = vendors().Create(&actor_, ValidVendor("91440605MA4W0A003"));
    ASSERT_TRUE(created);
    Qualification qualification;
    qualification.type = "保洁服务资质";
    qualification.cert_no = "BJ-1";
    qualification.issuer = "佛山市";
    qualification.valid_from = *Date::Parse("2023-01-01");
    qualification.valid_until = *Date::Parse("2026-11-27");  // yesterday for the fixed clock
    auto added = vendors().AddQualification(&actor_, created->vendor.id, qualification);
    ASSERT_TRUE(added);
    EXPECT_EQ(added->verdict.status, QualificationStatus::kExpired);
    VendorQuery query;
    query.expiry = ExpiryFilter::kExpired;
    auto page = vendors().List(actor_, query);
    ASSERT_TRUE(page);
    ASSERT_EQ((*page)->total, 1);
    EXPECT_EQ((*page)->items[0].status, QualificationStatus::kExpired);
    EXPECT_EQ((*page)->items[0].expired_count, 1);
}

TEST_F(VendorServiceTest, ROLE8_VendorUserSeesOnlyItsOwnVendor) {
    auto first = vendors().Create(&actor_, ValidVendor("91440605MA4W0A004"));
    auto second = vendors().Create(&actor_, ValidVendor("91440605MA4W0A005"));
    ASSERT_TRUE(first && second);
    Actor vendor_user;
    vendor_user.role = Role::kVendor;
    vendor_user.vendor_org_id = first->vendor.org_id;
    vendor_user.scope_path = "/none/";
    auto page = vendors().List(vendor_user, {});
    ASSERT_TRUE(page);
    ASSERT_EQ((*page)->total, 1);
    EXPECT_EQ((*page)->items[0].vendor.id, first->vendor.id);
    auto other = vendors().Get(vendor_user, second->vendor.id);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
}

TEST_F(VendorServiceTest, ROLE4_DisciplineInspectionCannotWrite) {
    Actor discipline = actor_;
    discipline.role = Role::kDiscipline;
    auto created = vendors().Create(&discipline, ValidVendor("91440605MA4W0A006"));
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().code, ErrorCode::kPermissionDenied);
}

// No requirement ID: "numbers in rules are settings with history" is a rule of the whole product, not of X-1's audit
// chain (the audit entry of a setting change is proven in the API tests).
TEST_F(VendorServiceTest, SettingChangeKeepsHistoryWithReason) {
    auto changed =
        services_context_.accounts.UpdateSetting(actor_, "vendor.qualification_warning_days", 60, "提前两个月提醒");
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->value, 60);
    ASSERT_EQ(changed->history.size(), 1u);
    EXPECT_EQ(changed->history[0].reason, "提前两个月提醒");
    auto out_of_range =
        services_context_.accounts.UpdateSetting(actor_, "vendor.qualification_warning_days", 999, "太大");
    ASSERT_FALSE(out_of_range);
    EXPECT_EQ(out_of_range.error().fields.at(0).field, "value");
}

// No requirement ID: password storage is a security property of every role, not one of ROLE-1..9.
TEST(PasswordTest, Argon2idHashesVerifyAndDiffer) {
    ASSERT_GE(sodium_init(), 0);
    const auto first = AuthService::HashPassword("Secret123");
    const auto second = AuthService::HashPassword("Secret123");
    EXPECT_NE(first, second);  // salted
    EXPECT_EQ(first.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(AuthService::VerifyPassword(first, "Secret123"));
    EXPECT_FALSE(AuthService::VerifyPassword(first, "Secret124"));
    EXPECT_FALSE(AuthService::IsStrongPassword("short1"));
    EXPECT_FALSE(AuthService::IsStrongPassword("lettersonly"));
    EXPECT_TRUE(AuthService::IsStrongPassword("Letters123"));
}

}  // namespace
}  // namespace houqin

#pragma once
// Organisations, users and their roles (ROLE-1..8), and settings with history, run by the administrator.
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "core/result.h"
#include "features/accounts/store.h"
#include "platform/service/context.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"

namespace houqin {

struct NewUser {
    std::string username;
    std::string display_name;
    std::string password;
    std::string role;
    std::optional<std::int64_t> org_id;
};

struct UserPatch {
    std::optional<std::string> display_name;
    std::optional<std::string> role;
    std::optional<std::int64_t> org_id;
    std::optional<bool> active;
    std::optional<std::string> password;
};

struct SettingView {
    const SettingDefinition* definition;
    std::int64_t value;
    std::vector<SettingChange> history;
    std::string text_value = {};  // SettingKind::kText
};

class AccountService {
  public:
    explicit AccountService(ServiceContext& context) : context_(context) {}

    Result<std::vector<Organisation>> ListOrgs(const Actor& actor);
    Result<Organisation> CreateOrg(const Actor& actor, std::optional<std::int64_t> parent_id, const std::string& name,
                                   const std::string& kind);
    Result<Page<UserRecord>> ListUsers(const Actor& actor, const UserFilter& filter);
    // actor == nullptr: the command line (`houqin user add`), which may create the first administrator.
    Result<UserRecord> CreateUser(const Actor* actor, const NewUser& input);
    Result<UserRecord> UpdateUser(const Actor& actor, std::int64_t id, const UserPatch& patch);

    Result<std::vector<SettingView>> ListSettings(const Actor& actor);
    Result<SettingView> UpdateSetting(const Actor& actor, const std::string& key, std::int64_t value,
                                      const std::string& reason);
    Result<SettingView> UpdateTextSetting(const Actor& actor, const std::string& key, const std::string& text,
                                          const std::string& reason);

  private:
    ServiceContext& context_;
};

}  // namespace houqin

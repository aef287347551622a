#include "features/accounts/account_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text_rules.h"
#include "features/accounts/auth_service.h"
#include "features/accounts/password_gate.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

Error UnknownOrg() { return Error::Invalid("org_id", {"所属单位不存在", "The organisation does not exist"}); }

}  // namespace

Result<std::vector<Organisation>> AccountService::ListOrgs(const Actor& actor) {
    // X-7: a user sees the units of their own scope (they pick departments in forms and read the names of those in
    // charge) and the units above it, not another town's. A vendor's scope is its own organisation: it sees the units
    // of the town it serves and no other vendor (who else serves the organisation is not its business).
    auto lease = context_.database.Acquire();
    auto orgs = storage::ListOrgs(*lease);
    const auto starts_with = [](const std::string& text, const std::string& prefix) {
        return text.compare(0, prefix.size(), prefix) == 0;
    };
    std::string scope = actor.scope_path;
    if (actor.vendor_org_id) {
        // The nearest town (or county) above the vendor.
        std::string town;
        for (const auto& org : orgs) {
            if ((org.kind == OrgKind::kTown || org.kind == OrgKind::kCounty) &&
                starts_with(actor.scope_path, org.path) && org.path.size() > town.size()) {
                town = org.path;
            }
        }
        scope = town.empty() ? actor.scope_path : town;
    }
    std::erase_if(orgs, [&](const Organisation& org) {
        const bool inside = starts_with(org.path, scope);
        const bool above = starts_with(scope, org.path);
        if (!inside && !above) return true;
        return actor.vendor_org_id && org.kind == OrgKind::kVendor && org.id != *actor.vendor_org_id;
    });
    return orgs;
}

Result<Organisation> AccountService::CreateOrg(const Actor& actor, std::optional<std::int64_t> parent_id,
                                               const std::string& name, const std::string& kind) {
    if (auto status = actor.Require(Permission::kOrgManage); !status) return status.error();
    Validation validation;
    CheckLength(validation, "name", name, 1, 100, {"单位名称", "Name"});
    const auto parsed_kind = ParseOrgKind(kind);
    if (!parsed_kind) {
        validation.Fail("kind", {"单位类型须为 county、town、department 或 vendor",
                                 "Kind must be county, town, department or vendor"});
    }
    auto lease = context_.database.Acquire();
    if (parent_id && !storage::FindOrg(*lease, *parent_id)) {
        validation.Fail("parent_id", {"上级单位不存在", "The parent organisation does not exist"});
    }
    if (!validation.ok()) return validation.ToError();
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    Organisation org{0, parent_id, name, *parsed_kind, ""};
    org.id = storage::InsertOrg(*lease, org, now);
    org = *storage::FindOrg(*lease, org.id);
    storage::AppendAudit(*lease, &actor, now, {"create", "org", org.id, std::nullopt, storage::OrgSnapshot(org)});
    transaction.Commit();
    return org;
}

Result<Page<UserRecord>> AccountService::ListUsers(const Actor& actor, const UserFilter& filter) {
    if (auto status = actor.Require(Permission::kUserManage); !status) return status.error();
    auto lease = context_.database.Acquire();
    return storage::ListUsers(*lease, filter);
}

Result<UserRecord> AccountService::CreateUser(const Actor* actor, const NewUser& input) {
    if (actor) {
        if (auto status = actor->Require(Permission::kUserManage); !status) return status.error();
    }
    Validation validation;
    if (!IsCode(input.username, 3, 32)) {
        validation.Fail("username", {"用户名须为 3-32 位字母、数字、下划线或连字符",
                                     "Username must be 3-32 letters, digits, '_' or '-'"});
    }
    CheckLength(validation, "display_name", input.display_name, 1, 50, {"姓名", "Display name"});
    if (!AuthService::IsStrongPassword(input.password)) {
        validation.Fail("password", {"密码至少 8 位,须同时包含字母和数字",
                                     "The password needs at least 8 characters with letters and digits"});
    }
    const auto role = ParseRole(input.role);
    if (!role) validation.Fail("role", {"角色不存在", "Unknown role"});
    auto lease = context_.database.Acquire();
    std::optional<Organisation> org;
    if (input.org_id) {
        org = storage::FindOrg(*lease, *input.org_id);
        if (!org) validation.Fail("org_id", {"所属单位不存在", "The organisation does not exist"});
    } else if (actor) {
        validation.Fail("org_id", {"请选择所属单位", "Choose an organisation"});
    }
    if (org && role && ((org->kind == OrgKind::kVendor) != (*role == Role::kVendor))) {
        validation.Fail("org_id", {"外包单位用户须属于外包单位,其他用户不能属于外包单位",
                                   "Vendor users belong to a vendor organisation, and only they do"});
    }
    if (!validation.ok()) return validation.ToError();
    if (storage::FindUserByName(*lease, input.username)) {
        return Error::Conflict(ErrorCode::kAlreadyExists, "username", {"用户名已被使用", "The username is taken"});
    }
    const auto hash = AuthService::HashPassword(input.password);
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    if (!org) {
        // The first administrator of an empty database: create the root organisation for it.
        const auto orgs = storage::ListOrgs(*lease);
        if (orgs.empty()) {
            Organisation root{0, std::nullopt, "本级", OrgKind::kCounty, ""};
            root.id = storage::InsertOrg(*lease, root, now);
            org = storage::FindOrg(*lease, root.id);
            storage::AppendAudit(*lease, actor, now,
                                 {"create", "org", org->id, std::nullopt, storage::OrgSnapshot(*org)});
        } else {
            org = orgs.front();
        }
    }
    UserRecord user;
    user.username = input.username;
    user.display_name = input.display_name;
    user.password_hash = hash;
    user.role = *role;
    user.org_id = org->id;
    user.org_name = org->name;
    user.id = storage::InsertUser(*lease, user, now);
    storage::AppendAudit(*lease, actor, now, {"create", "user", user.id, std::nullopt, storage::UserSnapshot(user)});
    transaction.Commit();
    return *storage::FindUser(*lease, user.id);
}

Result<UserRecord> AccountService::UpdateUser(const Actor& actor, std::int64_t id, const UserPatch& patch) {
    if (auto status = actor.Require(Permission::kUserManage); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto user = storage::FindUser(*lease, id);
    if (!user) return Error::NotFound({"用户不存在", "The user does not exist"});
    const auto before = *user;
    Validation validation;
    if (patch.display_name) {
        CheckLength(validation, "display_name", *patch.display_name, 1, 50, {"姓名", "Display name"});
        user->display_name = *patch.display_name;
    }
    if (patch.role) {
        const auto role = ParseRole(*patch.role);
        if (!role)
            validation.Fail("role", {"角色不存在", "Unknown role"});
        else
            user->role = *role;
    }
    if (patch.org_id) {
        if (!storage::FindOrg(*lease, *patch.org_id)) return UnknownOrg();
        user->org_id = *patch.org_id;
    }
    if (patch.active) {
        if (!*patch.active && id == actor.user_id) {
            validation.Fail("active", {"不能停用自己的账号", "You cannot disable your own account"});
        }
        user->active = *patch.active;
    }
    if (patch.password) {
        if (!AuthService::IsStrongPassword(*patch.password)) {
            validation.Fail("password", {"密码至少 8 位,须同时包含字母和数字",
                                         "The password needs at least 8 characters with letters and digits"});
        } else {
            user->password_hash = AuthService::HashPassword(*patch.password);
        }
    }
    const auto org = storage::FindOrg(*lease, user->org_id);
    if (org && ((org->kind == OrgKind::kVendor) != (user->role == Role::kVendor))) {
        validation.Fail("org_id", {"外包单位用户须属于外包单位,其他用户不能属于外包单位",
                                   "Vendor users belong to a vendor organisation, and only they do"});
    }
    if (!validation.ok()) return validation.ToError();
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    storage::UpdateUser(*lease, *user, now);
    // A new password set by an administrator lifts the lock-out of the name.
    if (patch.password) PasswordGate::Reset(*lease, user->username);
    // A changed role, organisation or password, or a disabled account, ends the user's sessions.
    if (before.role != user->role || before.org_id != user->org_id || !user->active || patch.password) {
        storage::DeleteUserSessions(*lease, id, "");
    }
    auto after_snapshot = storage::UserSnapshot(*user);
    if (patch.password) after_snapshot.insert(after_snapshot.size() - 1, R"json(,"password":"(reset)")json");
    storage::AppendAudit(*lease, &actor, now, {"update", "user", id, storage::UserSnapshot(before), after_snapshot});
    transaction.Commit();
    return *storage::FindUser(*lease, id);
}

Result<std::vector<SettingView>> AccountService::ListSettings(const Actor& actor) {
    (void)actor;  // the numbers the rules use are public to every signed-in user: decisions cite them
    auto lease = context_.database.Acquire();
    std::vector<SettingView> views;
    for (const auto& definition : AllSettings()) {
        if (definition.kind == SettingKind::kText) {
            views.push_back({&definition, 0, storage::SettingHistory(*lease, definition.key),
                             storage::ReadTextSetting(*lease, definition.key).text});
        } else {
            views.push_back({&definition, storage::ReadSetting(*lease, definition.key),
                             storage::SettingHistory(*lease, definition.key)});
        }
    }
    return views;
}

Result<SettingView> AccountService::UpdateSetting(const Actor& actor, const std::string& key, std::int64_t value,
                                                  const std::string& reason) {
    if (auto status = actor.Require(Permission::kSettingsManage); !status) return status.error();
    const auto* definition = FindSetting(key);
    if (!definition) return Error::NotFound({"设置项不存在", "The setting does not exist"});
    if (definition->kind == SettingKind::kText) {
        return Error::Invalid("value", {"该设置项须填写文字", "This setting takes words, not a number"});
    }
    Validation validation;
    const auto& choices = definition->choices;
    if (!choices.empty()) {
        // A setting of choices takes one of them, not any number between the first and the last.
        if (std::none_of(choices.begin(), choices.end(), [&](const SettingChoice& c) { return c.value == value; })) {
            std::string zh;
            std::string en;
            for (const auto& choice : choices) {
                zh += fmt::format("{}{}", zh.empty() ? "" : "、", choice.label.zh);
                en += fmt::format("{}{}", en.empty() ? "" : ", ", choice.label.en);
            }
            validation.Fail("value", {fmt::format("须为以下之一:{}", zh), fmt::format("Must be one of: {}", en)});
        }
    } else if (value < definition->min || value > definition->max) {
        validation.Fail("value", {fmt::format("取值须在 {} 到 {} 之间", definition->min, definition->max),
                                  fmt::format("Value must be between {} and {}", definition->min, definition->max)});
    }
    CheckLength(validation, "reason", reason, 2, 500, {"修改原因", "Reason"});
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    storage::LockSetting(*lease, key);  // two changes at once: the second's "before" is the first's value
    const auto before = storage::ReadSetting(*lease, key);
    storage::WriteSetting(*lease, key, value, now, actor.username, reason);
    storage::AppendAudit(
        *lease, &actor, now,
        {"update", "setting", std::nullopt, fmt::format(R"({{"key":"{}","value":{}}})", key, before),
         fmt::format(R"({{"key":"{}","value":{},"reason":{}}})", key, value, storage::JsonString(reason))});
    transaction.Commit();
    context_.settings.Invalidate();
    return SettingView{definition, value, storage::SettingHistory(*lease, key)};
}

namespace {

std::string Trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(kSpace) - first + 1));
}

}  // namespace

Result<SettingView> AccountService::UpdateTextSetting(const Actor& actor, const std::string& key,
                                                      const std::string& text, const std::string& reason) {
    if (auto status = actor.Require(Permission::kSettingsManage); !status) return status.error();
    const auto* definition = FindSetting(key);
    if (!definition) return Error::NotFound({"设置项不存在", "The setting does not exist"});
    if (definition->kind != SettingKind::kText) {
        return Error::Invalid("value", {"该设置项须填写数字", "This setting takes a whole number"});
    }
    // A title is printed inside 《》 by the documents: marks typed around it are dropped, not doubled.
    std::string value = Trim(text);
    constexpr std::string_view kOpen = "《";
    constexpr std::string_view kClose = "》";
    if (value.starts_with(kOpen) && value.ends_with(kClose) && value.size() >= kOpen.size() + kClose.size()) {
        value = Trim(value.substr(kOpen.size(), value.size() - kOpen.size() - kClose.size()));
    }
    Validation validation;
    CheckLength(validation, "value", value, definition->min, definition->max, {"名称", "Title"});
    if (value.find_first_of("\r\n") != std::string::npos || value.find(kOpen) != std::string::npos ||
        value.find(kClose) != std::string::npos) {
        validation.Fail("value", {"名称须为一行文字,不含书名号《》", "The title is one line, without 《》 marks"});
    }
    CheckLength(validation, "reason", reason, 2, 500, {"修改原因", "Reason"});
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    storage::LockSetting(*lease, key);
    const auto before = storage::ReadTextSetting(*lease, key);
    storage::WriteTextSetting(*lease, key, value, now, actor.username, reason);
    storage::AppendAudit(*lease, &actor, now,
                         {"update", "setting", std::nullopt,
                          fmt::format(R"({{"key":"{}","value":{}}})", key, storage::JsonString(before.text)),
                          fmt::format(R"({{"key":"{}","value":{},"reason":{}}})", key, storage::JsonString(value),
                                      storage::JsonString(reason))});
    transaction.Commit();
    context_.settings.Invalidate();
    return SettingView{definition, 0, storage::SettingHistory(*lease, key), value};
}

}  // namespace houqin

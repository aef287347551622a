// Organisations, roles, users and settings with history.

#include "features/accounts/codec.h"
#include "features/accounts/routes.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Json SettingJson(const SettingView& view) {
    Json history = Json::array();
    for (const auto& change : view.history) {
        history.push_back({{"value", change.value},
                           {"changed_at", change.changed_at.ToIso()},
                           {"changed_by", change.changed_by},
                           {"reason", change.reason}});
    }
    const bool text = view.definition->kind == SettingKind::kText;
    if (text) {
        for (std::size_t index = 0; index < view.history.size(); ++index) {
            history[index]["value"] = view.history[index].text_value;
        }
    }
    return Json{
        {"key", view.definition->key},
        {"kind", text ? "text" : "number"},
        {"value", text ? Json(view.text_value) : Json(view.value)},
        {"default", text ? Json(std::string(view.definition->default_text)) : Json(view.definition->default_value)},
        {"min", view.definition->min},
        {"max", view.definition->max},
        {"unit", TextJson(view.definition->unit)},
        {"description", TextJson(view.definition->description)},
        {"history", history},
        {"choices", [&] {
             Json choices = Json::array();
             for (const auto& choice : view.definition->choices) {
                 choices.push_back({{"value", choice.value}, {"label", TextJson(choice.label)}});
             }
             return choices;
         }()}};
}

}  // namespace

void AddAccountRoutes(Router& router, AccountService& accounts) {
    router
        .Add("GET", "/api/v1/orgs", Access::kSession, "accounts", "Organisation tree (flat, ordered by path)",
             [&accounts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(orgs, accounts.ListOrgs(context.actor()));
                 Json items = Json::array();
                 for (const auto& org : *orgs) items.push_back(OrgJson(org));
                 return JsonResponse(200, Json{{"items", items}});
             })
        .ReturnsItems("Org")
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/orgs", Access::kSession, "accounts", "Add an organisation",
             [&accounts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto parent_id = reader.OptionalInteger("parent_id");
                 const auto name = reader.String("name");
                 const auto kind = reader.String("kind");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(org, accounts.CreateOrg(context.actor(), parent_id, name, kind));
                 return JsonResponse(201, OrgJson(*org));
             })
        .Body("OrgCreate")
        .Creates("Org")
        .Requires({Permission::kOrgManage})
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/roles", Access::kSession, "accounts", "Roles ROLE-1..8 with their permissions",
             [](RequestContext&) -> Result<HttpResponse> {
                 Json items = Json::array();
                 for (const auto& info : AllRoles()) {
                     Json permissions = Json::array();
                     for (auto permission : PermissionsOf(info.role)) permissions.push_back(PermissionCode(permission));
                     items.push_back({{"code", info.code},
                                      {"requirement", info.requirement},
                                      {"name", TextJson(info.name)},
                                      {"permissions", permissions}});
                 }
                 return JsonResponse(200, Json{{"items", items}});
             })
        .ReturnsItems("Role")
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/users", Access::kSession, "accounts", "Users, paged and filterable",
             [&accounts](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page =
                     ReadPageQuery(context.request, {"username", "display_name", "created_at"}, validation);
                 UserFilter filter;
                 filter.q = context.request.Query("q").value_or("");
                 if (auto role = context.request.Query("role"); role && !role->empty()) {
                     filter.role = ParseRole(*role);
                     if (!filter.role) validation.Fail("role", {"角色不存在", "Unknown role"});
                 }
                 if (!validation.ok()) return validation.ToError();
                 filter.sort = page.sort;
                 filter.descending = page.descending;
                 filter.page = page.page;
                 filter.page_size = page.page_size;
                 HOUQIN_TRY(users, accounts.ListUsers(context.actor(), filter));
                 Json items = Json::array();
                 for (const auto& user : users->items) items.push_back(UserRecordJson(user));
                 return JsonResponse(200, PageJson(items, users->total, page));
             })
        .ReturnsPage("User")
        .Requires({Permission::kUserManage})
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/users", Access::kSession, "accounts", "Create a user",
             [&accounts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 NewUser user{reader.String("username"), reader.String("display_name"), reader.String("password"),
                              reader.String("role"), reader.OptionalInteger("org_id")};
                 if (!reader.Has("org_id")) validation.Fail("org_id", {"必填", "Required"});
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(created, accounts.CreateUser(&context.actor(), user));
                 return JsonResponse(201, UserRecordJson(*created));
             })
        .Body("UserCreate")
        .Creates("User")
        .Requires({Permission::kUserManage})
        .ChecksPassword()
        .Scope(RecordScope::kNone);
    router
        .Add("PATCH", "/api/v1/users/{id}", Access::kSession, "accounts",
             "Change a user's name, role, organisation, active flag or password",
             [&accounts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 UserPatch patch{reader.OptionalString("display_name"), reader.OptionalString("role"),
                                 reader.OptionalInteger("org_id"), reader.OptionalBoolean("active"),
                                 reader.OptionalString("password")};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(user, accounts.UpdateUser(context.actor(), *id, patch));
                 return JsonResponse(200, UserRecordJson(*user));
             })
        .Body("UserUpdate")
        .Returns("User")
        .Requires({Permission::kUserManage})
        .ChecksPassword()
        .Scope(RecordScope::kTown);
    router
        .Add("GET", "/api/v1/settings", Access::kSession, "settings", "Settings in force with their history",
             [&accounts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(settings, accounts.ListSettings(context.actor()));
                 Json items = Json::array();
                 for (const auto& view : *settings) items.push_back(SettingJson(view));
                 return JsonResponse(200, Json{{"items", items}});
             })
        .ReturnsItems("Setting")
        .Scope(RecordScope::kNone);
    router
        .Add("PUT", "/api/v1/settings/{key}", Access::kSession, "settings", "Change a setting, with a reason",
             [&accounts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto& key = context.request.params.at("key");
                 const auto* definition = FindSetting(key);
                 if (definition && definition->kind == SettingKind::kText) {
                     const auto text = reader.String("value");
                     const auto reason = reader.String("reason");
                     if (!validation.ok()) return validation.ToError();
                     HOUQIN_TRY(view, accounts.UpdateTextSetting(context.actor(), key, text, reason));
                     return JsonResponse(200, SettingJson(*view));
                 }
                 const auto value = reader.Integer("value");
                 const auto reason = reader.String("reason");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, accounts.UpdateSetting(context.actor(), key, value, reason));
                 return JsonResponse(200, SettingJson(*view));
             })
        .Body("SettingUpdate")
        .Returns("Setting")
        .Requires({Permission::kSettingsManage})
        .Scope(RecordScope::kNone);
}

}  // namespace houqin::http

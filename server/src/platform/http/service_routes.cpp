// Health, metrics and the OpenAPI document, built from the route table itself.
#include "platform/database/migrations.h"
#include "platform/http/mapping.h"
#include "platform/http/metrics.h"
#include "platform/http/router.h"

namespace houqin::http {

std::string OpenApiDocument(const Router& router) {
    Json paths = Json::object();
    const Json error_ref = {{"$ref", "#/components/responses/Error"}};
    for (const auto& route : router.routes()) {
        Json parameters = Json::array();
        for (const auto& segment : route->segments) {
            if (segment.size() > 2 && segment.front() == '{') {
                const auto name = segment.substr(1, segment.size() - 2);
                parameters.push_back(
                    {{"name", name},
                     {"in", "path"},
                     {"required", true},
                     {"schema", name == "key" ? Json{{"type", "string"}} : Json{{"type", "integer"}, {"minimum", 1}}}});
            }
        }
        const bool write = route->method != "GET";
        Json operation = {{"summary", route->summary},
                          {"tags", {route->tag}},
                          {"operationId", route->method + route->pattern},
                          {"responses",
                           {{route->method == "POST" && route->pattern != "/api/v1/session" ? "201"
                             : route->method == "DELETE"                                    ? "204"
                                                                                            : "200",
                             {{"description", "OK"}}},
                            {"400", error_ref},
                            {"401", error_ref},
                            {"403", error_ref},
                            {"404", error_ref}}}};
        if (!parameters.empty()) operation["parameters"] = parameters;
        if (!route->any_of.empty()) {
            Json permissions = Json::array();
            for (auto permission : route->any_of) permissions.push_back(PermissionCode(permission));
            operation["x-permissions-any-of"] = permissions;
        }
        // The matrix test's expectations (RecordScope): the record's scope and the roles the gate lets through.
        operation["x-scope"] = std::string(route->scope ? RecordScopeCode(*route->scope) : "undeclared");
        if (route->access == Access::kSession) {
            Json roles = Json::array();
            for (const auto& info : AllRoles()) {
                if (route->Admits(info.role)) roles.push_back(std::string(info.code));
            }
            operation["x-roles"] = roles;
        }
        if (route->access == Access::kSession) {
            operation["security"] = write ? Json::array({{{"session", Json::array()}, {"csrf", Json::array()}}})
                                          : Json::array({{{"session", Json::array()}}});
        } else {
            operation["security"] = Json::array();
        }
        if (write && route->method != "DELETE") {
            operation["requestBody"] = {
                {"content",
                 {{route->pattern == "/api/v1/attachments" ? "application/octet-stream" : "application/json",
                   {{"schema", {{"type", route->pattern == "/api/v1/attachments" ? "string" : "object"}}}}}}}};
        }
        std::string lower = route->method;
        for (auto& c : lower) c = static_cast<char>(std::tolower(c));
        paths[route->pattern][lower] = operation;
    }
    Json document = {{"openapi", "3.0.3"},
                     {"info",
                      {{"title", "houqin 后勤外包监管 API"},
                       {"version", "1." + std::to_string(storage::LatestSchemaVersion())},
                       {"description",
                        "Errors: {code, message: {zh-CN, en}, fields: [{field, message}], request_id}. "
                        "Money is a decimal string; times are ISO-8601 in Asia/Shanghai."}}},
                     {"paths", paths},
                     {"components",
                      {{"securitySchemes",
                        {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "houqin_session"}}},
                         {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-CSRF-Token"}}}}},
                       {"responses",
                        {{"Error",
                          {{"description", "An error with bilingual messages"},
                           {"content",
                            {{"application/json",
                              {{"schema",
                                {{"type", "object"},
                                 {"required", {"code", "message", "fields"}},
                                 {"properties",
                                  {{"code", {{"type", "string"}}},
                                   {"message", {{"type", "object"}}},
                                   {"fields", {{"type", "array"}}},
                                   {"request_id", {{"type", "string"}}}}}}}}}}}}}}}}}};
    return document.dump(2);
}

void AddServiceRoutes(Router& router, storage::Database& database) {
    router
        .Add("GET", "/healthz", Access::kPublic, "service", "Liveness and database check",
             [&database](RequestContext&) -> Result<HttpResponse> {
                 try {
                     auto lease = database.Acquire();
                     lease->Query("SELECT 1", {});
                 } catch (const std::exception&) {
                     return JsonResponse(503, Json{{"status", "database unavailable"}});
                 }
                 return JsonResponse(200, Json{{"status", "ok"}});
             })
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/metrics", Access::kPublic, "service", "Prometheus metrics",
             [](RequestContext&) -> Result<HttpResponse> {
                 HttpResponse response;
                 response.content_type = "text/plain; version=0.0.4";
                 response.body = Metrics::Instance().Render();
                 return response;
             })
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/openapi.json", Access::kPublic, "service", "This document",
             [&router](RequestContext&) -> Result<HttpResponse> {
                 return HttpResponse::Json(200, OpenApiDocument(router));
             })
        .Scope(RecordScope::kNone);
}

}  // namespace houqin::http

// The OpenAPI document, built from the route table and the features' schemas (issue 10): every route with its
// permission, scope, body and answer; components.schemas from server/src/features/*/api_schemas.json.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "platform/database/migrations.h"
#include "platform/http/api_schemas.h"
#include "platform/http/mapping.h"
#include "platform/http/router.h"

namespace houqin::http {
namespace {

// The document keeps the order things are written in: a schema's properties as its file lists them (the generated
// TypeScript reads in the same order), the paths in the route table's order.
using OrderedJson = nlohmann::ordered_json;

constexpr std::string_view kSchemaPrefix = "#/components/schemas/";

// The subset of OpenAPI 3.0's schema object the tools read (server/tests/api/schema.mjs, scripts/gen-api-types.mjs).
const std::set<std::string, std::less<>> kSchemaKeywords = {"type",  "properties",  "required", "additionalProperties",
                                                            "items", "enum",        "nullable", "$ref",
                                                            "oneOf", "description", "format",   "minimum"};
const std::set<std::string, std::less<>> kSchemaTypes = {"object", "array", "string", "integer", "number", "boolean"};

struct Components {
    OrderedJson schemas = OrderedJson::object();
    std::vector<std::string> problems;
};

// The roles and permissions, from core/access itself rather than a copy in a schema file.
OrderedJson AccessSchemas() {
    OrderedJson roles = OrderedJson::array();
    for (const auto& info : AllRoles()) roles.push_back(std::string(info.code));
    OrderedJson permissions = OrderedJson::array();
    for (auto permission : AllPermissions()) permissions.push_back(PermissionCode(permission));
    return {
        {"RoleCode",
         {{"description", "A role (ROLE-1 … ROLE-8; core/access.h)."}, {"type", "string"}, {"enum", roles}}},
        {"Permission",
         {{"description", "A permission a role holds (core/access.h)."}, {"type", "string"}, {"enum", permissions}}}};
}

Components LoadComponents(const std::vector<ApiSchemaFile>& files) {
    Components components;
    components.schemas = AccessSchemas();
    for (const auto& file : files) {
        const auto parsed = OrderedJson::parse(file.text, nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object()) {
            components.problems.push_back(std::string(file.path) + ": not a JSON object of schemas");
            continue;
        }
        for (const auto& [name, schema] : parsed.items()) {
            if (components.schemas.contains(name)) {
                components.problems.push_back(std::string(file.path) + ": schema " + name + " is defined twice");
                continue;
            }
            components.schemas[name] = schema;
        }
    }
    return components;
}

void CheckSchema(const OrderedJson& schema, const std::string& where, const OrderedJson& schemas,
                 std::vector<std::string>& problems) {
    if (!schema.is_object()) {
        problems.push_back(where + ": a schema must be an object");
        return;
    }
    for (const auto& [key, value] : schema.items()) {
        if (!kSchemaKeywords.contains(key)) {
            problems.push_back(fmt::format("{}: keyword {} is outside the subset", where, key));
        }
    }
    if (schema.contains("$ref")) {
        const auto& reference = schema["$ref"];
        const bool resolves = reference.is_string() && reference.get<std::string>().starts_with(kSchemaPrefix) &&
                              schemas.contains(reference.get<std::string>().substr(kSchemaPrefix.size()));
        if (!resolves) problems.push_back(where + ": $ref " + reference.dump() + " resolves to no schema");
    }
    if (schema.contains("type") &&
        !(schema["type"].is_string() && kSchemaTypes.contains(schema["type"].get<std::string>()))) {
        problems.push_back(where + ": type " + schema["type"].dump() + " is outside the subset");
    }
    if (schema.contains("properties")) {
        if (!schema["properties"].is_object()) {
            problems.push_back(where + ": properties must be an object");
        } else {
            for (const auto& [name, property] : schema["properties"].items()) {
                CheckSchema(property, fmt::format("{}.{}", where, name), schemas, problems);
            }
        }
    }
    if (schema.contains("required")) {
        for (const auto& name : schema["required"]) {
            if (!name.is_string() || !schema.contains("properties") || !schema["properties"].contains(name)) {
                problems.push_back(where + ": required " + name.dump() + " is not one of its properties");
            }
        }
    }
    if (schema.contains("additionalProperties") && schema["additionalProperties"] != false) {
        problems.push_back(where + ": additionalProperties may only be false");
    }
    if (schema.contains("items")) CheckSchema(schema["items"], where + "[]", schemas, problems);
    if (schema.contains("oneOf")) {
        if (!schema["oneOf"].is_array() || schema["oneOf"].size() < 2) {
            problems.push_back(where + ": oneOf must list two schemas or more");
        } else {
            for (const auto& alternative : schema["oneOf"]) CheckSchema(alternative, where + "|", schemas, problems);
        }
    }
    if (schema.contains("enum") && (!schema["enum"].is_array() || schema["enum"].empty())) {
        problems.push_back(where + ": enum must be a list of values");
    }
}

OrderedJson Reference(const std::string& name) { return OrderedJson{{"$ref", std::string(kSchemaPrefix) + name}}; }

// The JSON of a declared answer or body: one object, a page of them, {items} or a bare list.
OrderedJson PayloadSchema(const Route::Payload& payload) {
    OrderedJson list = {{"type", "array"}, {"items", Reference(payload.schema)}};
    const OrderedJson count = {{"type", "integer"}};
    switch (payload.shape) {
        case Route::Shape::kPage:
            return {{"type", "object"},
                    {"required", {"items", "total", "page", "page_size"}},
                    {"additionalProperties", false},
                    {"properties", {{"items", list}, {"total", count}, {"page", count}, {"page_size", count}}}};
        case Route::Shape::kItems:
            return {{"type", "object"},
                    {"required", {"items"}},
                    {"additionalProperties", false},
                    {"properties", {{"items", list}}}};
        case Route::Shape::kArray: return list;
        default: return Reference(payload.schema);
    }
}

bool NamesSchema(const Route::Payload& payload) {
    return payload.shape == Route::Shape::kObject || payload.shape == Route::Shape::kPage ||
           payload.shape == Route::Shape::kItems || payload.shape == Route::Shape::kArray;
}

OrderedJson Responses(const Route& route) {
    const OrderedJson error_ref = {{"$ref", "#/components/responses/Error"}};
    OrderedJson responses = {{"400", error_ref}, {"401", error_ref}, {"403", error_ref}, {"404", error_ref}};
    const auto& answer = route.answer;
    const OrderedJson binary = {{"type", "string"}, {"format", "binary"}};
    switch (answer.shape) {
        case Route::Shape::kUndeclared:
            // Not declared yet (Router::UndeclaredShapes names it): the status the method suggests, no content.
            responses[route.method == "POST" && route.pattern != "/api/v1/session" ? "201"
                      : route.method == "DELETE"                                   ? "204"
                                                                                   : "200"] = {{"description", "OK"}};
            break;
        case Route::Shape::kNoContent: responses["204"] = {{"description", "No content"}}; break;
        case Route::Shape::kFile:
            responses[std::to_string(answer.status)] = {{"description", "A file"},
                                                        {"content", {{answer.content_type, {{"schema", binary}}}}}};
            break;
        default: {
            OrderedJson content = {{"application/json", {{"schema", PayloadSchema(answer)}}}};
            for (const auto& type : route.answer_files) content[type] = {{"schema", binary}};
            // CreatesOrReturns: the same content under both statuses, the lower first (200 before 201).
            auto statuses = std::vector<int>{answer.status};
            if (answer.also_status) statuses.push_back(*answer.also_status);
            std::sort(statuses.begin(), statuses.end());
            for (const auto status : statuses) {
                responses[std::to_string(status)] = {{"description", "OK"}, {"content", content}};
            }
        }
    }
    return responses;
}

std::optional<OrderedJson> RequestBody(const Route& route) {
    const auto& body = route.body;
    switch (body.shape) {
        case Route::Shape::kNone: return std::nullopt;
        case Route::Shape::kFile: {
            const OrderedJson binary = {{"type", "string"}, {"format", "binary"}};
            return OrderedJson{{"required", true}, {"content", {{body.content_type, {{"schema", binary}}}}}};
        }
        case Route::Shape::kUndeclared:
            if (route.method == "GET" || route.method == "DELETE") return std::nullopt;
            return OrderedJson{{"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
        default:
            return OrderedJson{{"required", true},
                               {"content", {{"application/json", {{"schema", PayloadSchema(body)}}}}}};
    }
}

}  // namespace

std::vector<std::string> ApiSchemaProblems(const Router& router, const std::vector<ApiSchemaFile>& files) {
    auto components = LoadComponents(files);
    auto& problems = components.problems;
    for (const auto& [name, schema] : components.schemas.items()) {
        CheckSchema(schema, name, components.schemas, problems);
    }
    for (const auto& route : router.routes()) {
        for (const auto* payload : {&route->answer, &route->body}) {
            if (NamesSchema(*payload) && !components.schemas.contains(payload->schema)) {
                problems.push_back(route->method + " " + route->pattern + ": " +
                                   (payload == &route->answer ? "answers" : "reads") + " schema " + payload->schema +
                                   ", which no api_schemas.json defines");
            }
        }
    }
    return problems;
}

std::string OpenApiDocument(const Router& router) {
    OrderedJson paths = OrderedJson::object();
    for (const auto& route : router.routes()) {
        OrderedJson parameters = OrderedJson::array();
        for (const auto& segment : route->segments) {
            if (segment.size() > 2 && segment.front() == '{') {
                const auto name = segment.substr(1, segment.size() - 2);
                const bool text = name == "key" || name == "code" || name == "file" || name == "month" ||
                                  std::find(route->text_parameters.begin(), route->text_parameters.end(), name) !=
                                      route->text_parameters.end();
                OrderedJson schema =
                    text ? OrderedJson{{"type", "string"}} : OrderedJson{{"type", "integer"}, {"minimum", 1}};
                if (name == "month") schema["pattern"] = "^[0-9]{4}-[0-9]{2}$";
                parameters.push_back({{"name", name}, {"in", "path"}, {"required", true}, {"schema", schema}});
            }
        }
        const bool write = route->method != "GET";
        OrderedJson operation = {{"summary", route->summary},
                                 {"tags", {route->tag}},
                                 {"operationId", route->method + route->pattern},
                                 {"responses", Responses(*route)}};
        if (!parameters.empty()) operation["parameters"] = parameters;
        if (!route->any_of.empty()) {
            OrderedJson permissions = OrderedJson::array();
            for (auto permission : route->any_of) permissions.push_back(PermissionCode(permission));
            operation["x-permissions-any-of"] = permissions;
        }
        // The matrix test's expectations (RecordScope): the record's scope and the roles the gate lets through.
        operation["x-scope"] = std::string(route->scope ? RecordScopeCode(*route->scope) : "undeclared");
        if (route->access == Access::kSession) {
            OrderedJson roles = OrderedJson::array();
            for (const auto& info : AllRoles()) {
                if (route->Admits(info.role)) roles.push_back(std::string(info.code));
            }
            operation["x-roles"] = roles;
        }
        if (route->access == Access::kSession) {
            operation["security"] =
                write ? OrderedJson::array({{{"session", OrderedJson::array()}, {"csrf", OrderedJson::array()}}})
                      : OrderedJson::array({{{"session", OrderedJson::array()}}});
        } else {
            operation["security"] = OrderedJson::array();
        }
        if (auto body = RequestBody(*route)) operation["requestBody"] = std::move(*body);
        // Declared (Route::Returns...): the API tests check every JSON answer of it against the declaration.
        if (route->answer.shape != Route::Shape::kUndeclared) operation["x-shape-declared"] = true;
        std::string lower = route->method;
        for (auto& c : lower) c = static_cast<char>(std::tolower(c));
        paths[route->pattern][lower] = operation;
    }
    OrderedJson document = {{"openapi", "3.0.3"},
                            {"info",
                             {{"title", "houqin 后勤外包监管 API"},
                              {"version", "1." + std::to_string(storage::LatestSchemaVersion())},
                              {"description",
                               "Errors: {code, message: {zh-CN, en}, fields: [{field, message}], request_id}. "
                               "Money is a decimal string; times are ISO-8601 in Asia/Shanghai."}}},
                            {"paths", paths},
                            {"components",
                             {{"schemas", LoadComponents(ApiSchemaFiles()).schemas},
                              {"securitySchemes",
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

}  // namespace houqin::http

// The route table declares, beside every route, the scope of the record it names (RecordScope): the authorisation
// matrix test (server/tests/api/matrix.test.mjs) derives each caller's expected answer from it (issue 11, X-7,
// ROLE-1 … ROLE-8).
#include "app/routes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "app/services.h"
#include "platform/database/test_database.h"
#include "platform/http/api_schemas.h"
#include "platform/http/router.h"

namespace houqin {
namespace {

http::Handler Nothing() {
    return [](http::RequestContext&) -> Result<http::HttpResponse> { return http::HttpResponse::NoContent(); };
}

// X-7: the real table, as `houqin serve` builds it: every route has its declaration, else AddRoutes refuses.
TEST(RouteTableTest, X7_EveryRouteDeclaresTheScopeOfItsRecord) {
    storage::TestDatabase database;
    Services services(*database, Clock());
    http::Router router;
    ASSERT_NO_THROW(AddRoutes(router, services));
    EXPECT_TRUE(router.Undeclared().empty());
    EXPECT_GE(router.routes().size(), 100U);
}

// X-7: a route without `.Scope(...)` is named, and the server refuses to start with it.
TEST(RouteTableTest, X7_ARouteWithoutItsScopeIsNamed) {
    http::Router router;
    router.Add("GET", "/api/v1/things/{id}", http::Access::kSession, "things", "A thing", Nothing())
        .Requires({Permission::kContractRead})
        .Scope(http::RecordScope::kVendor);
    router.Add("POST", "/api/v1/things", http::Access::kSession, "things", "Add a thing", Nothing())
        .Requires({Permission::kContractWrite});
    EXPECT_EQ(router.Undeclared(), std::vector<std::string>{"POST /api/v1/things"});
}

// ROLE-2, ROLE-3, ROLE-7, ROLE-8: the gate lets through the roles holding one of the permissions, minus those refused.
TEST(RouteTableTest, ROLE_TheGateAdmitsPermissionHoldersExceptTheRefused) {
    http::Router router;
    auto& route = router.Add("GET", "/api/v1/deliberations", http::Access::kSession, "x", "x", Nothing())
                      .Requires({Permission::kSupervisionRead})
                      .Scope(http::RecordScope::kNone)
                      .RefusedTo({Role::kVendor, Role::kDepartment});
    EXPECT_TRUE(route.Admits(Role::kOffice));
    EXPECT_TRUE(route.Admits(Role::kLeadership));
    EXPECT_FALSE(route.Admits(Role::kVendor));      // holds supervision:read, refused
    EXPECT_FALSE(route.Admits(Role::kDepartment));  // holds supervision:read, refused
    EXPECT_FALSE(route.Admits(Role::kJudicial));    // lacks supervision:read
}

// Issue 10 (one source for the API's shape): the routes not yet declaring their answer (and, for a POST, PUT or
// PATCH, their body), sorted. The list only shrinks: a new route declares its shape, and a feature's schemas take its
// routes off the list.
const std::vector<std::string> kRoutesWithoutTheirShape = {};

// Issue 10: every route of the real table declares what it answers and reads, by schemas that exist, whose $refs
// resolve; the OpenAPI document, the API tests' response check and the web's types are built from them.
TEST(RouteTableTest, EveryRouteDeclaresItsShapeBySchemasThatResolve) {
    storage::TestDatabase database;
    Services services(*database, Clock());
    http::Router router;
    ASSERT_NO_THROW(AddRoutes(router, services));
    EXPECT_EQ(http::ApiSchemaProblems(router), std::vector<std::string>{});
    auto undeclared = router.UndeclaredShapes();
    std::sort(undeclared.begin(), undeclared.end());
    EXPECT_EQ(undeclared, kRoutesWithoutTheirShape);
}

// Issue 10: a report answering JSON or, by format=pdf|xlsx, a file publishes the JSON's schema and the files' types in
// one answer (Route::OrFile), and the API tests check the JSON only.
TEST(RouteTableTest, AReportPublishesItsJsonAndItsFilesInOneAnswer) {
    storage::TestDatabase database;
    Services services(*database, Clock());
    http::Router router;
    ASSERT_NO_THROW(AddRoutes(router, services));
    const auto document = nlohmann::json::parse(http::OpenApiDocument(router));
    const auto& content = document["paths"]["/api/v1/reports/quality"]["get"]["responses"]["200"]["content"];
    EXPECT_EQ(content["application/json"]["schema"]["$ref"], "#/components/schemas/QualityReport");
    EXPECT_EQ(content["application/pdf"]["schema"]["format"], "binary");
    EXPECT_EQ(content["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]["schema"]["format"],
              "binary");
}

// Issue 10: a route naming a schema no file defines, a $ref to nothing, a keyword outside the subset, a name defined
// twice: each is named.
TEST(RouteTableTest, AShapeThatResolvesToNothingIsNamed) {
    http::Router router;
    router.Add("GET", "/api/v1/things/{id}", http::Access::kSession, "things", "A thing", Nothing())
        .Returns("Thing")
        .Scope(http::RecordScope::kNone);
    router.Add("POST", "/api/v1/things", http::Access::kSession, "things", "Add a thing", Nothing())
        .Body("NoSuchInput")
        .Creates("Thing")
        .Scope(http::RecordScope::kNone);
    const std::vector<http::ApiSchemaFile> files = {
        {"features/things/api_schemas.json",
         R"({"Thing": {"type": "object", "properties": {"part": {"$ref": "#/components/schemas/Part"},
                                                       "size": {"type": "integer", "maximum": 3}},
                       "required": ["part", "colour"]}})"},
        {"features/others/api_schemas.json", R"({"Thing": {"type": "string"}})"},
    };
    EXPECT_EQ(http::ApiSchemaProblems(router, files),
              (std::vector<std::string>{
                  "features/others/api_schemas.json: schema Thing is defined twice",
                  "Thing.part: $ref \"#/components/schemas/Part\" resolves to no schema",
                  "Thing.size: keyword maximum is outside the subset",
                  "Thing: required \"colour\" is not one of its properties",
                  "POST /api/v1/things: reads schema NoSuchInput, which no api_schemas.json defines",
              }));
    EXPECT_EQ(router.UndeclaredShapes(), std::vector<std::string>{});
    router.Add("PUT", "/api/v1/things/{id}", http::Access::kSession, "things", "Replace a thing", Nothing())
        .Returns("Thing")
        .Scope(http::RecordScope::kNone);
    EXPECT_EQ(router.UndeclaredShapes(), std::vector<std::string>{"PUT /api/v1/things/{id}"});
}

}  // namespace
}  // namespace houqin

// The route table declares, beside every route, the scope of the record it names (RecordScope): the authorisation
// matrix test (server/tests/api/matrix.test.mjs) derives each caller's expected answer from it (issue 11, X-7,
// ROLE-1 … ROLE-8).
#include "app/routes.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "app/services.h"
#include "platform/database/test_database.h"
#include "platform/http/router.h"

namespace houqin {
namespace {

http::Handler Nothing() {
    return [](http::RequestContext&) -> Result<http::HttpResponse> { return http::HttpResponse::NoContent(); };
}

// the real table, as `houqin serve` builds it: every route has its declaration, else AddRoutes refuses.
TEST(RouteTableTest, X7_EveryRouteDeclaresTheScopeOfItsRecord) {
    storage::TestDatabase database;
    Services services(*database, Clock());
    http::Router router;
    ASSERT_NO_THROW(AddRoutes(router, services));
    EXPECT_TRUE(router.Undeclared().empty());
    EXPECT_GE(router.routes().size(), 100U);
}

// a route without `.Scope(...)` is named, and the server refuses to start with it.
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

}  // namespace
}  // namespace houqin

// The OpenAPI document's answers as the route table declares them (issue 10: one source for the API's shape).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "platform/http/router.h"

namespace houqin::http {
namespace {

Handler Nothing() {
    return [](RequestContext&) -> Result<HttpResponse> { return HttpResponse::NoContent(); };
}

// Issue 10 (PRJ-5's registration answers 201 when the vendor is new and 200 when it registers again): a create that
// may find its record publishes both statuses with the same schema, so the API tests accept either and the web reads
// one type; a plain create publishes 201 only.
TEST(OpenApiTest, ACreateThatMayFindItsRecordPublishesBothStatusesWithOneSchema) {
    Router router;
    router.Add("POST", "/api/v1/things/{id}/members", Access::kSession, "things", "Join a thing", Nothing())
        .Body("MemberInput")
        .CreatesOrReturns("Member")
        .Scope(RecordScope::kTown);
    router.Add("POST", "/api/v1/things", Access::kSession, "things", "Add a thing", Nothing())
        .NoBody()
        .Creates("Thing")
        .Scope(RecordScope::kNone);
    EXPECT_EQ(router.UndeclaredShapes(), std::vector<std::string>{});

    const auto document = nlohmann::json::parse(OpenApiDocument(router));
    const auto& joined = document["paths"]["/api/v1/things/{id}/members"]["post"]["responses"];
    const nlohmann::json member = {{"$ref", "#/components/schemas/Member"}};
    ASSERT_TRUE(joined.contains("200"));
    ASSERT_TRUE(joined.contains("201"));
    EXPECT_EQ(joined["200"]["content"]["application/json"]["schema"], member);
    EXPECT_EQ(joined["201"]["content"]["application/json"]["schema"], member);

    const auto& added = document["paths"]["/api/v1/things"]["post"]["responses"];
    EXPECT_TRUE(added.contains("201"));
    EXPECT_FALSE(added.contains("200"));
}

// Issue 10: a path parameter is a positive integer id unless it is text: an upload's token declared by its route, or a
// month, code, file or key by its name; the document says which, so a client does not send a number for a token.
TEST(OpenApiTest, APathParameterIsAnIdUnlessItIsText) {
    Router router;
    router.Add("GET", "/api/v1/uploads/{id}", Access::kSession, "things", "An upload", Nothing())
        .TextParameter("id")
        .Returns("Upload")
        .Scope(RecordScope::kNone);
    router.Add("GET", "/api/v1/things/{id}/months/{month}", Access::kSession, "things", "A thing's month", Nothing())
        .Returns("Month")
        .Scope(RecordScope::kTown);
    const auto document = nlohmann::json::parse(OpenApiDocument(router));
    const auto& upload = document["paths"]["/api/v1/uploads/{id}"]["get"]["parameters"];
    ASSERT_EQ(upload.size(), 1U);
    EXPECT_EQ(upload[0]["schema"]["type"], "string");
    const auto& month = document["paths"]["/api/v1/things/{id}/months/{month}"]["get"]["parameters"];
    ASSERT_EQ(month.size(), 2U);
    EXPECT_EQ(month[0]["schema"]["type"], "integer");
    EXPECT_EQ(month[0]["schema"]["minimum"], 1);
    EXPECT_EQ(month[1]["schema"]["type"], "string");
    EXPECT_EQ(month[1]["schema"]["pattern"], "^[0-9]{4}-[0-9]{2}$");
}

}  // namespace
}  // namespace houqin::http

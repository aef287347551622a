#pragma once
// The route table: every route with its method, pattern, who may call it and a summary. The dispatcher and the
// OpenAPI document both read it, so a route cannot exist undocumented.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "platform/http/http_types.h"
#include "platform/service/session.h"

namespace houqin::http {

enum class Access { kPublic, kSession };

// Which record a route's path names, and so which callers holding the permission still get "not found": the
// authorisation matrix test (server/tests/api/matrix.test.mjs) reads it from the OpenAPI document and expects, per
// caller, 401 (anonymous, session routes), 403 (a role the gate refuses), 404 (a record outside the caller's scope)
// or an answer past the gate. Every route declares one; a route without it stops the server from starting.
enum class RecordScope {
    kNone,        // no record in the path, or one everybody holding the permission may use (a category, a setting)
    kTown,        // a town's record: a user of another town gets 404
    kVendor,      // a town's record belonging to one vendor: a user of another town or of another vendor gets 404
    kDepartment,  // a town's record belonging to one department: also a user of another department gets 404
    kOwnUser,     // the caller's own record (the session, the password): nobody can name another's
    kLinked,      // a file: whoever may read none of the records it is attached to gets 404 (its uploader may)
};
std::string_view RecordScopeCode(RecordScope scope);

struct RequestContext {
    const HttpRequest& request;
    std::optional<SessionInfo> session;  // set for Access::kSession routes
    [[nodiscard]] const Actor& actor() const { return session->actor; }
};

using Handler = std::function<Result<HttpResponse>(RequestContext&)>;

struct Route {
    std::string method;
    std::string pattern;  // /api/v1/vendors/{id}
    Access access = Access::kSession;
    std::string tag;
    std::string summary;
    Handler handler;
    std::vector<std::string> segments;  // filled by Add
    std::size_t max_body_bytes = 1024 * 1024;
    // The caller needs one of these; checked before the body is read, so a refusal reveals nothing about validation.
    std::vector<Permission> any_of;

    Route& Requires(std::initializer_list<Permission> permissions) {
        any_of = permissions;
        return *this;
    }
    Route& Requires(const std::vector<Permission>& permissions) {
        any_of = permissions;
        return *this;
    }
    // Declared once beside the route (RecordScope); the matrix test derives every caller's expected answer from it.
    std::optional<RecordScope> scope;
    // Roles that hold one of the permissions yet are refused at the gate: a division of duties narrower than the
    // permission (leadership's deliberations are not the vendors' to read).
    std::vector<Role> refused_roles;

    Route& Scope(RecordScope record_scope) {
        scope = record_scope;
        return *this;
    }
    Route& RefusedTo(std::initializer_list<Role> roles) {
        refused_roles = roles;
        return *this;
    }
    // Whether `role` passes the gate: one of the permissions (or none needed) and not refused.
    [[nodiscard]] bool Admits(Role role) const;
    Route& MaxBody(std::size_t bytes) {
        max_body_bytes = bytes;
        return *this;
    }
    // Path parameters that are text, not a record's positive integer id: an upload's token. The OpenAPI document types
    // them as strings; `key`, `code`, `file` and `month` are text by their names on every route.
    std::vector<std::string> text_parameters;
    Route& TextParameter(std::string name) {
        text_parameters.push_back(std::move(name));
        return *this;
    }
    // The route checks or hashes a password (slow on purpose): it runs on the server's password workers, never on the
    // request workers, so a burst of log-ins does not delay anyone's reading.
    bool checks_password = false;
    Route& ChecksPassword() {
        checks_password = true;
        return *this;
    }

    // The API's shape (issue 10): what the route answers and what body it reads, by the name of a schema in some
    // server/src/features/<feature>/api_schemas.json. The OpenAPI document, the API tests' response check and the
    // web's generated types all come from these; an unknown name fails the route table's unit test.
    enum class Shape {
        kUndeclared,
        kObject,     // one object of the schema
        kPage,       // {items: [schema], total, page, page_size} (PageJson)
        kItems,      // {items: [schema]}
        kArray,      // [schema]
        kNoContent,  // 204, no body
        kFile,       // bytes of `content_type` (a workbook, a PDF, a stored file)
        kNone,       // (bodies only) the route reads no body
    };
    struct Payload {
        Shape shape = Shape::kUndeclared;
        std::string schema;        // kObject, kPage, kItems, kArray
        std::string content_type;  // kFile: e.g. application/pdf ("*/*" when it is the stored file's own)
        int status = 200;          // answers only
        // Answers only: a second status answering the same schema (CreatesOrReturns: 200 when the record was there).
        std::optional<int> also_status;
    };
    Payload answer;
    Payload body;

    Route& Returns(std::string schema, int status = 200) { return Answer(Shape::kObject, std::move(schema), status); }
    Route& Creates(std::string schema) { return Answer(Shape::kObject, std::move(schema), 201); }
    // A create that may find its record already there (a vendor registering again, PRJ-5): 201 with the new record,
    // 200 with the one that was there, both of the same schema, so a client reads one type whichever it gets.
    Route& CreatesOrReturns(std::string schema) {
        Answer(Shape::kObject, std::move(schema), 201);
        answer.also_status = 200;
        return *this;
    }
    Route& ReturnsPage(std::string schema) { return Answer(Shape::kPage, std::move(schema), 200); }
    Route& ReturnsItems(std::string schema) { return Answer(Shape::kItems, std::move(schema), 200); }
    Route& ReturnsArray(std::string schema) { return Answer(Shape::kArray, std::move(schema), 200); }
    Route& ReturnsNothing() { return Answer(Shape::kNoContent, "", 204); }
    Route& ReturnsFile(std::string content_type) {
        answer = {Shape::kFile, "", std::move(content_type), 200, std::nullopt};
        return *this;
    }
    // A JSON answer that a query (format=pdf|xlsx) turns into a file instead: the file's content types, published
    // beside the JSON in the same answer; the API tests check only the JSON.
    std::vector<std::string> answer_files;
    Route& OrFile(std::string content_type) {
        answer_files.push_back(std::move(content_type));
        return *this;
    }
    Route& Body(std::string schema) {
        body = {Shape::kObject, std::move(schema), "", 0, std::nullopt};
        return *this;
    }
    Route& NoBody() {
        body = {Shape::kNone, "", "", 0, std::nullopt};
        return *this;
    }
    Route& BodyFile(std::string content_type) {
        body = {Shape::kFile, "", std::move(content_type), 0, std::nullopt};
        return *this;
    }

  private:
    Route& Answer(Shape shape, std::string schema, int status) {
        answer = {shape, std::move(schema), "", status, std::nullopt};
        return *this;
    }
};

class Router {
  public:
    Route& Add(std::string method, std::string pattern, Access access, std::string tag, std::string summary,
               Handler handler);
    // The route for method and path; `params` gets the {name} values. kNotFound or a 405 marker when none fits.
    struct Match {
        const Route* route = nullptr;
        bool method_mismatch = false;
    };
    Match Find(const std::string& method, const std::string& path, std::map<std::string, std::string>& params) const;
    [[nodiscard]] const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }
    // "METHOD pattern" of every route that declares no RecordScope: the server refuses to start while any is left.
    [[nodiscard]] std::vector<std::string> Undeclared() const;
    // "METHOD pattern" of every /api/v1 route that does not declare its answer, or, for a POST, PUT or PATCH, its
    // body (Route::Returns..., Route::Body/NoBody/BodyFile).
    [[nodiscard]] std::vector<std::string> UndeclaredShapes() const;

  private:
    std::vector<std::unique_ptr<Route>> routes_;
};

// The OpenAPI 3.0 document of the route table, with components.schemas from every feature's api_schemas.json.
std::string OpenApiDocument(const Router& router);

}  // namespace houqin::http

#pragma once
// The route table: every route with its method, pattern, who may call it and a summary. The dispatcher and the
// OpenAPI document both read it, so a route cannot exist undocumented.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "platform/http/http_types.h"
#include "platform/service/session.h"

namespace houqin::http {

enum class Access { kPublic, kSession };

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
    Route& MaxBody(std::size_t bytes) {
        max_body_bytes = bytes;
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

  private:
    std::vector<std::unique_ptr<Route>> routes_;
};

std::string OpenApiDocument(const Router& router);

}  // namespace houqin::http

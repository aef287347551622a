#include "platform/http/router.h"

namespace houqin::http {
namespace {

std::vector<std::string> Split(const std::string& path) {
    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string::npos ? path.size() : slash;
        segments.push_back(path.substr(start, end - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return segments;
}

}  // namespace

std::string_view RecordScopeCode(RecordScope scope) {
    switch (scope) {
        case RecordScope::kNone: return "none";
        case RecordScope::kTown: return "town";
        case RecordScope::kVendor: return "vendor";
        case RecordScope::kDepartment: return "department";
        case RecordScope::kOwnUser: return "own_user";
        case RecordScope::kLinked: return "linked";
    }
    return "none";
}

bool Route::Admits(Role role) const {
    for (const auto refused : refused_roles) {
        if (refused == role) return false;
    }
    if (any_of.empty()) return true;
    for (const auto permission : any_of) {
        if (HasPermission(role, permission)) return true;
    }
    return false;
}

std::vector<std::string> Router::Undeclared() const {
    std::vector<std::string> missing;
    for (const auto& route : routes_) {
        if (!route->scope) missing.push_back(route->method + " " + route->pattern);
    }
    return missing;
}

std::vector<std::string> Router::UndeclaredShapes() const {
    std::vector<std::string> missing;
    for (const auto& route : routes_) {
        if (!route->pattern.starts_with("/api/v1/")) continue;
        const bool reads_body = route->method == "POST" || route->method == "PUT" || route->method == "PATCH";
        if (route->answer.shape == Route::Shape::kUndeclared ||
            (reads_body && route->body.shape == Route::Shape::kUndeclared)) {
            missing.push_back(route->method + " " + route->pattern);
        }
    }
    return missing;
}

Route& Router::Add(std::string method, std::string pattern, Access access, std::string tag, std::string summary,
                   Handler handler) {
    auto route = std::make_unique<Route>();
    route->method = std::move(method);
    route->pattern = std::move(pattern);
    route->access = access;
    route->tag = std::move(tag);
    route->summary = std::move(summary);
    route->handler = std::move(handler);
    route->segments = Split(route->pattern);
    routes_.push_back(std::move(route));
    return *routes_.back();
}

Router::Match Router::Find(const std::string& method, const std::string& path,
                           std::map<std::string, std::string>& params) const {
    const auto segments = Split(path);
    Match match;
    // Literal segments win over parameters (/vendors/export.xlsx before /vendors/{id}).
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& route : routes_) {
            if (route->segments.size() != segments.size()) continue;
            std::map<std::string, std::string> found;
            bool fits = true;
            bool has_param = false;
            for (std::size_t i = 0; i < segments.size() && fits; ++i) {
                const auto& part = route->segments[i];
                if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
                    has_param = true;
                    found[part.substr(1, part.size() - 2)] = UrlDecode(segments[i], PlusSign::kLiteral);
                } else if (part != segments[i]) {
                    fits = false;
                }
            }
            if (!fits || (pass == 0 && has_param) || (pass == 1 && !has_param)) continue;
            if (route->method != method) {
                match.method_mismatch = true;
                continue;
            }
            params = std::move(found);
            match.route = route.get();
            return match;
        }
    }
    return match;
}

}  // namespace houqin::http

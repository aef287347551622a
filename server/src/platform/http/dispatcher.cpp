#include "platform/http/dispatcher.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/money.h"
#include "platform/database/database.h"
#include "platform/http/json_io.h"

namespace houqin::http {
namespace {

std::string ContentTypeFor(const std::filesystem::path& path) {
    const auto extension = path.extension().string();
    if (extension == ".html") return "text/html; charset=utf-8";
    if (extension == ".js" || extension == ".mjs") return "text/javascript; charset=utf-8";
    if (extension == ".css") return "text/css; charset=utf-8";
    if (extension == ".json") return "application/json; charset=utf-8";
    if (extension == ".svg") return "image/svg+xml";
    if (extension == ".png") return "image/png";
    if (extension == ".ico") return "image/x-icon";
    if (extension == ".woff2") return "font/woff2";
    if (extension == ".woff") return "font/woff";
    if (extension == ".ttf") return "font/ttf";
    if (extension == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

bool IsWrite(const std::string& method) { return method != "GET" && method != "HEAD"; }

// The host[:port] of an Origin header ("https://houqin.example:8443" -> "houqin.example:8443").
std::string OriginHost(const std::string& origin) {
    const auto scheme = origin.find("://");
    return scheme == std::string::npos ? origin : origin.substr(scheme + 3);
}

bool IsJson(const std::string& content_type) { return content_type.rfind("application/json", 0) == 0; }

}  // namespace

Dispatcher::Dispatcher(SessionAuthenticator authenticate, std::string web_dir)
    : authenticate_(std::move(authenticate)), web_dir_(std::move(web_dir)) {}

HttpResponse Dispatcher::Handle(HttpRequest& request) {
    try {
        const bool api =
            request.path.rfind("/api/", 0) == 0 || request.path == "/healthz" || request.path == "/metrics";
        if (!api) return Static(request);
        const auto match = router_.Find(request.method, request.path, request.params);
        if (!match.route) {
            if (match.method_mismatch) {
                return ErrorResponse(Error{ErrorCode::kMethodNotAllowed,
                                           {"该地址不支持此请求方法", "This method is not allowed on this address"},
                                           {},
                                           {}},
                                     request.request_id);
            }
            return ErrorResponse(Error::NotFound({"接口不存在", "No such API route"}), request.request_id);
        }
        const Route& route = *match.route;
        if (route.pattern == "/metrics" &&
            std::find(metrics_from_.begin(), metrics_from_.end(), request.ip) == metrics_from_.end()) {
            return ErrorResponse(Error::NotFound({"接口不存在", "No such API route"}), request.request_id);
        }
        // A write sent by another site's page: its Origin names that site. Refused before anything else, log-ins
        // included (a forged log-in would sign the victim in as the attacker).
        if (IsWrite(request.method) && !request.Header("origin").empty() &&
            OriginHost(request.Header("origin")) != request.Header("host")) {
            return ErrorResponse(
                Error::Conflict(ErrorCode::kPermissionDenied, "Origin",
                                {"请求来自其他网站,已拒绝", "A request from another site was refused"}),
                request.request_id);
        }
        // A write without a session (the log-in) takes JSON only: a form or text/plain from another site's page is
        // sent without asking, JSON is not.
        if (IsWrite(request.method) && route.access == Access::kPublic && !IsJson(request.Header("content-type"))) {
            return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                                       {"请求须为 JSON(Content-Type: application/json)",
                                        "The request must be JSON (Content-Type: application/json)"},
                                       {{"Content-Type", {"须为 application/json", "must be application/json"}}},
                                       {}},
                                 request.request_id);
        }
        if (request.body.size() > route.max_body_bytes) {
            return ErrorResponse(Error{ErrorCode::kPayloadTooLarge,
                                       {"请求体过大", "The request body is too large"},
                                       {{"body", {"请求体过大", "The request body is too large"}}},
                                       {}},
                                 request.request_id);
        }
        RequestContext context{request, std::nullopt};
        if (route.access == Access::kSession) {
            const auto cookie = request.cookies.find("houqin_session");
            if (cookie == request.cookies.end()) return ErrorResponse(Error::Unauthenticated(), request.request_id);
            auto session = authenticate_(cookie->second, {request.request_id, request.ip});
            if (!session) return ErrorResponse(session.error(), request.request_id);
            // CSRF: a write must echo the session's token in a header, which another site's page cannot read.
            if (IsWrite(request.method) && request.Header("x-csrf-token") != session->csrf_token) {
                return ErrorResponse(Error::Conflict(ErrorCode::kPermissionDenied, "X-CSRF-Token",
                                                     {"缺少或错误的 CSRF 令牌,请刷新页面后重试",
                                                      "Missing or wrong CSRF token; reload the page and try again"}),
                                     request.request_id);
            }
            if (!route.Admits(session->actor.role)) return ErrorResponse(Error::Forbidden(), request.request_id);
            context.session = std::move(*session);
        }
        auto result = route.handler(context);
        if (!result) {
            if (!result.error().detail.empty()) spdlog::warn("[{}] {}", request.request_id, result.error().detail);
            return ErrorResponse(result.error(), request.request_id);
        }
        return std::move(result).value();
    } catch (const storage::DbError& error) {
        spdlog::error("[{}] {} {}: database error: {}", request.request_id, request.method, request.path, error.what());
        if (error.kind() == storage::DbError::Kind::kBusy) {
            return ErrorResponse(
                Error{ErrorCode::kResourceExhausted, {"系统繁忙,请稍后重试", "The system is busy; try again"}, {}, {}},
                request.request_id);
        }
        if (error.kind() == storage::DbError::Kind::kUniqueViolation) {
            return ErrorResponse(Error{ErrorCode::kAlreadyExists, {"记录已存在", "The record already exists"}, {}, {}},
                                 request.request_id);
        }
    } catch (const MoneyOverflow&) {
        // Amounts each within range whose sum is not (many huge items): a refusal, not an internal error.
        return ErrorResponse(Error{ErrorCode::kInvalidArgument,
                                   {"金额合计过大,无法计算,请检查金额", "Amounts add up to more than can be computed"},
                                   {},
                                   {}},
                             request.request_id);
    } catch (const std::exception& error) {
        spdlog::error("[{}] {} {}: {}", request.request_id, request.method, request.path, error.what());
    }
    // Never the exception text: it may hold SQL or paths.
    return ErrorResponse(
        Error{ErrorCode::kInternal,
              {"服务器内部错误,请联系管理员并提供请求编号", "Internal error; tell the administrator the request id"},
              {},
              {}},
        request.request_id);
}

bool Dispatcher::ChecksPassword(const std::string& method, const std::string& path) const {
    std::map<std::string, std::string> params;
    const auto match = router_.Find(method, path, params);
    return match.route && match.route->checks_password;
}

HttpResponse Dispatcher::Static(const HttpRequest& request) {
    namespace fs = std::filesystem;
    if (web_dir_.empty() || (request.method != "GET" && request.method != "HEAD")) {
        return ErrorResponse(Error::NotFound({"页面不存在", "No such page"}), request.request_id);
    }
    const fs::path root = fs::weakly_canonical(web_dir_);
    // The error_code forms: a path the file system refuses (too long, a bad name) is simply not a file.
    std::error_code failed;
    fs::path file =
        fs::weakly_canonical(root / fs::path(UrlDecode(request.path, PlusSign::kLiteral)).relative_path(), failed);
    const auto relative = failed ? fs::path() : file.lexically_relative(root);
    // Outside the web folder, or not a file: the single-page app's index answers (client-side routes).
    const bool escapes = relative.empty() || *relative.begin() == "..";
    if (escapes || !fs::is_regular_file(file, failed)) file = root / "index.html";
    std::ifstream input(file, std::ios::binary);
    if (!input) return ErrorResponse(Error::NotFound({"页面不存在", "No such page"}), request.request_id);
    std::ostringstream bytes;
    bytes << input.rdbuf();
    HttpResponse response;
    response.content_type = ContentTypeFor(file);
    response.body = bytes.str();
    const bool hashed_asset = request.path.rfind("/assets/", 0) == 0 && !escapes;
    response.headers.emplace_back("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
    return response;
}

}  // namespace houqin::http

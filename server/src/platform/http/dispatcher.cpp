#include "platform/http/dispatcher.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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

HttpResponse Dispatcher::Static(const HttpRequest& request) {
    namespace fs = std::filesystem;
    if (web_dir_.empty() || (request.method != "GET" && request.method != "HEAD")) {
        return ErrorResponse(Error::NotFound({"页面不存在", "No such page"}), request.request_id);
    }
    const fs::path root = fs::weakly_canonical(web_dir_);
    fs::path file = root / fs::path(UrlDecode(request.path, false)).relative_path();
    file = fs::weakly_canonical(file);
    const auto relative = file.lexically_relative(root);
    // Outside the web folder, or not a file: the single-page app's index answers (client-side routes).
    const bool escapes = relative.empty() || *relative.begin() == "..";
    if (escapes || !fs::is_regular_file(file)) file = root / "index.html";
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

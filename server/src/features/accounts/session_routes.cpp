// Log-in, the current session, log-out and password change (ROLE-1..8).

#include "features/accounts/codec.h"
#include "features/accounts/routes.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

constexpr const char* kSessionCookie = "houqin_session";

std::string SessionToken(const HttpRequest& request) {
    const auto found = request.cookies.find(kSessionCookie);
    return found == request.cookies.end() ? std::string() : found->second;
}

RequestOrigin OriginOf(const HttpRequest& request) { return {request.request_id, request.ip}; }

}  // namespace

void AddSessionRoutes(Router& router, AuthService& auth) {
    router
        .Add("POST", "/api/v1/session", Access::kPublic, "session", "Log in; sets the session cookie",
             [&auth](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto username = reader.String("username");
                 const auto password = reader.String("password");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(session, auth.Login(username, password, OriginOf(context.request)));
                 auto response =
                     JsonResponse(200, Json{{"user", UserJson(session->actor)}, {"csrf_token", session->csrf_token}});
                 response.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + session->token +
                                                                 "; Path=/; HttpOnly; SameSite=Strict");
                 response.headers.emplace_back("Set-Cookie",
                                               "houqin_csrf=" + session->csrf_token + "; Path=/; SameSite=Strict");
                 return response;
             })
        .Body("LoginForm")
        .Returns("SessionAnswer")
        .ChecksPassword()
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/session", Access::kSession, "session", "The signed-in user and CSRF token",
             [](RequestContext& context) -> Result<HttpResponse> {
                 return JsonResponse(
                     200, Json{{"user", UserJson(context.actor())}, {"csrf_token", context.session->csrf_token}});
             })
        .Returns("SessionAnswer")
        .Scope(RecordScope::kOwnUser);
    router
        .Add("DELETE", "/api/v1/session", Access::kSession, "session", "Log out",
             [&auth](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(done, auth.Logout(SessionToken(context.request), context.actor()));
                 auto response = HttpResponse::NoContent();
                 response.headers.emplace_back(
                     "Set-Cookie", std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
                 response.headers.emplace_back("Set-Cookie", "houqin_csrf=; Path=/; SameSite=Strict; Max-Age=0");
                 return response;
             })
        .ReturnsNothing()
        .Scope(RecordScope::kOwnUser);
    router
        .Add("PUT", "/api/v1/session/password", Access::kSession, "session", "Change one's own password",
             [&auth](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto old_password = reader.String("old_password");
                 const auto new_password = reader.String("new_password");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(done, auth.ChangePassword(context.actor(), SessionToken(context.request), old_password,
                                                      new_password));
                 return HttpResponse::NoContent();
             })
        .Body("PasswordChange")
        .ReturnsNothing()
        .ChecksPassword()
        .Scope(RecordScope::kOwnUser);
}

}  // namespace houqin::http

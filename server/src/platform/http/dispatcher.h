#pragma once
// Turns an HttpRequest into an HttpResponse: routing, session and CSRF checks, body limits, the one error mapper,
// and the top-level catch for the unexpected. Independent of RESTinio, so it is unit-testable.
#include <string>
#include <vector>

#include "platform/http/http_types.h"
#include "platform/http/router.h"
#include "platform/service/session.h"

namespace houqin::http {

class Dispatcher {
  public:
    // `authenticate` finds the caller of a route that needs a session; the routes are added to router() before the
    // first request.
    Dispatcher(SessionAuthenticator authenticate, std::string web_dir);
    HttpResponse Handle(HttpRequest& request);
    // True when the request's route checks or hashes a password (Route::ChecksPassword): the server runs it on its
    // own workers, so a burst of log-ins never delays anyone's reading.
    [[nodiscard]] bool ChecksPassword(const std::string& method, const std::string& path) const;
    // Client addresses /metrics answers (default the machine itself); everyone else gets 404.
    void AllowMetricsFrom(std::vector<std::string> addresses) { metrics_from_ = std::move(addresses); }
    [[nodiscard]] Router& router() { return router_; }
    [[nodiscard]] const Router& router() const { return router_; }

  private:
    HttpResponse Static(const HttpRequest& request);
    SessionAuthenticator authenticate_;
    std::string web_dir_;
    Router router_;
    std::vector<std::string> metrics_from_ = {"127.0.0.1", "::1"};
};

}  // namespace houqin::http

#pragma once
// Turns an HttpRequest into an HttpResponse: routing, session and CSRF checks, body limits, the one error mapper,
// and the top-level catch for the unexpected. Independent of RESTinio, so it is unit-testable.
#include <string>

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
    [[nodiscard]] Router& router() { return router_; }
    [[nodiscard]] const Router& router() const { return router_; }

  private:
    HttpResponse Static(const HttpRequest& request);
    SessionAuthenticator authenticate_;
    std::string web_dir_;
    Router router_;
};

}  // namespace houqin::http

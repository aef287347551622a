#pragma once
// Turns an HttpRequest into an HttpResponse: routing, session and CSRF checks, body limits, the one error mapper,
// and the top-level catch for the unexpected. Independent of RESTinio, so it is unit-testable.
#include <string>

#include "http/http_types.h"
#include "http/router.h"

namespace houqin::http {

class Dispatcher {
  public:
    Dispatcher(Services& services, std::string web_dir);
    HttpResponse Handle(HttpRequest& request);
    [[nodiscard]] const Router& router() const { return router_; }

  private:
    HttpResponse Static(const HttpRequest& request);
    Services& services_;
    std::string web_dir_;
    Router router_;
};

}  // namespace houqin::http

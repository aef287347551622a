#pragma once
// What the dispatcher knows of a signed-in caller, and the one function that finds it from the session cookie. The
// accounts feature provides that function at start-up (main wires it), so the HTTP platform needs no feature.
#include <functional>
#include <string>

#include "core/access.h"
#include "core/result.h"

namespace houqin {

struct SessionInfo {
    Actor actor;
    std::string csrf_token;
    std::string token;  // only set right after log-in: the cookie value; the database keeps its hash
};

struct RequestOrigin {
    std::string request_id;
    std::string ip;
};

// The actor behind a session cookie, or Unauthenticated when it is unknown, expired or the user is disabled.
using SessionAuthenticator = std::function<Result<SessionInfo>(const std::string& token, const RequestOrigin& origin)>;

}  // namespace houqin

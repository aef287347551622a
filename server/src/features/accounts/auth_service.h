#pragma once
// Log-in with argon2id hashes, sessions kept in the database, CSRF tokens, lockout after repeated failures.
#include <optional>
#include <string>

#include "core/access.h"
#include "core/result.h"
#include "platform/service/context.h"
#include "platform/service/session.h"

namespace houqin {

class AuthService {
  public:
    explicit AuthService(ServiceContext& context) : context_(context) {}

    Result<SessionInfo> Login(const std::string& username, const std::string& password, const RequestOrigin& origin);
    // The actor behind a session cookie, or Unauthenticated when it is unknown, expired or the user is disabled.
    Result<SessionInfo> Authenticate(const std::string& token, const RequestOrigin& origin);
    Status Logout(const std::string& token, const Actor& actor);
    Status ChangePassword(const Actor& actor, const std::string& token, const std::string& old_password,
                          const std::string& new_password);

    static std::string HashPassword(const std::string& password);
    static bool VerifyPassword(const std::string& hash, const std::string& password);
    // >= 8 characters with at least one letter and one digit.
    static bool IsStrongPassword(const std::string& password);
    // Where a user at this organisation may see records: the subtree of the nearest town or county.
    static std::string ScopePathFor(storage::Connection& connection, const Organisation& org);

  private:
    ServiceContext& context_;
};

}  // namespace houqin

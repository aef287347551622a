#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "platform/http/dispatcher.h"

namespace houqin::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::size_t io_threads = 1;
    std::size_t workers = 4;           // database work runs here, never on the I/O threads
    std::string web_dir;               // the built web UI (web/dist); empty = API only
    std::size_t password_workers = 1;  // log-ins and password changes run here (Route::ChecksPassword)
    // Served behind a proxy that terminates TLS: cookies are marked Secure and browsers told to use HTTPS only (HSTS).
    bool behind_tls = false;
    // Proxies whose X-Forwarded-For names the client (nginx in front): without this every client would have the
    // proxy's address, and the log-in throttle per address would throttle everyone together.
    std::vector<std::string> trusted_proxies;
};

// The client's address: the peer, or, when the peer is a trusted proxy, the last address in X-Forwarded-For that is
// not itself a trusted proxy.
std::string ClientAddress(const std::string& peer, const std::string& forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

// Serves until SIGINT or SIGTERM.
void Serve(Dispatcher& dispatcher, std::size_t database_pool_size, const ServerOptions& options);

}  // namespace houqin::http

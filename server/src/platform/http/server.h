#pragma once
#include <cstdint>
#include <string>

#include "platform/http/dispatcher.h"

namespace houqin::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::size_t io_threads = 1;
    std::size_t workers = 4;  // database work runs here, never on the I/O threads
    std::string web_dir;      // the built web UI (web/dist); empty = API only
};

// Serves until SIGINT or SIGTERM.
void Serve(Dispatcher& dispatcher, std::size_t database_pool_size, const ServerOptions& options);

}  // namespace houqin::http

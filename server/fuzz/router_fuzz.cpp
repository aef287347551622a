// The router's path matcher (platform/http/router.h) on any method and path: a table shaped like the real one
// (literal segments, {params}, a literal that must win over a parameter in the same place, nested parameters).
// Properties: a match has the method asked for and as many segments as the path; its params are exactly the
// pattern's {names}; a literal segment of the pattern equals the path's segment.
// Input: the method, a newline, the path (no newline: the whole input is the path of a GET).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "platform/http/router.h"

namespace http = houqin::http;

namespace {

const http::Router& Table() {
    static const http::Router router = [] {
        http::Router table;
        const auto handler = [](http::RequestContext&) -> houqin::Result<http::HttpResponse> {
            return http::HttpResponse::NoContent();
        };
        const char* routes[][2] = {
            {"GET", "/api/v1/health"},
            {"GET", "/api/v1/vendors"},
            {"POST", "/api/v1/vendors"},
            {"GET", "/api/v1/vendors/export.xlsx"},
            {"GET", "/api/v1/vendors/{id}"},
            {"PUT", "/api/v1/vendors/{id}"},
            {"GET", "/api/v1/vendors/{id}/qualifications/{qualification_id}"},
            {"POST", "/api/v1/contracts/{id}/versions/{version}/approve"},
            {"GET", "/api/v1/attachments/{id}/content"},
            {"GET", "/"},
            {"GET", "/api/v1/{anything}"},
        };
        for (const auto& [method, pattern] : routes) {
            table.Add(method, pattern, http::Access::kPublic, "fuzz", "fuzz", handler);
        }
        return table;
    }();
    return router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto newline = input.find('\n');
    const std::string method(newline == std::string_view::npos ? "GET" : input.substr(0, newline));
    const std::string path(newline == std::string_view::npos ? input : input.substr(newline + 1));

    std::map<std::string, std::string> params;
    const auto match = Table().Find(method, path, params);
    if (match.route == nullptr) return 0;
    HOUQIN_FUZZ_CHECK(match.route->method == method);
    std::size_t segments = 0;
    for (std::size_t i = 1; i <= path.size(); ++i) segments += (i == path.size() || path[i] == '/') ? 1 : 0;
    HOUQIN_FUZZ_CHECK(match.route->segments.size() == segments);
    std::size_t names = 0;
    for (const auto& part : match.route->segments) {
        if (part.size() > 2 && part.front() == '{') {
            ++names;
            HOUQIN_FUZZ_CHECK(params.count(part.substr(1, part.size() - 2)) == 1);
        } else {
            HOUQIN_FUZZ_CHECK(path.find(part) != std::string::npos);
        }
    }
    HOUQIN_FUZZ_CHECK(params.size() == names);
    return 0;
}

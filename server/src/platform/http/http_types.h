#pragma once
// The HTTP layer's own request and response, independent of RESTinio, so handlers, the router and the OpenAPI
// document do not pull the server library's headers into every file.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace houqin::http {

struct HttpRequest {
    std::string method;  // GET, POST, ...
    std::string path;    // without the query
    std::multimap<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // lower-case names
    std::map<std::string, std::string> cookies;
    std::map<std::string, std::string> params;  // from the route pattern
    std::string body;
    std::string ip;
    std::string request_id;

    [[nodiscard]] std::string Header(const std::string& lower_name) const;
    [[nodiscard]] std::optional<std::string> Query(const std::string& name) const;
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    static HttpResponse Json(int status, std::string body);
    static HttpResponse NoContent();
};

// What a '+' decodes to: a space in a query string (form encoding), itself in a path or a header.
enum class PlusSign { kLiteral, kSpace };
std::string UrlDecode(std::string_view text, PlusSign plus);
// RFC 5987 percent-encoding for filename*=UTF-8'' so Chinese file names survive every browser.
std::string PercentEncode(std::string_view text);
std::multimap<std::string, std::string> ParseQuery(std::string_view query);
std::map<std::string, std::string> ParseCookies(std::string_view header);

}  // namespace houqin::http

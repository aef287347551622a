#pragma once
// JSON in and out for handlers: the one error mapper (status and body), typed readers that name the bad field,
// and the paging/sorting query parameters every list shares.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "platform/http/http_types.h"
#include "platform/http/json_reader.h"

namespace houqin::http {

using Json = nlohmann::json;
using codec::JsonReader;

// How much of a record its JSON carries: a list's row (the columns a list shows) or the whole record (its page).
enum class JsonDetail { kListRow, kFull };

int StatusFor(ErrorCode code);
HttpResponse ErrorResponse(const Error& error, const std::string& request_id);
Json TextJson(const Text& text);
HttpResponse JsonResponse(int status, const Json& json);

// The body as a JSON object, or InvalidArgument naming "body".
Result<Json> ParseObject(const HttpRequest& request);
// A path id: a positive integer, or InvalidArgument naming the parameter.
Result<std::int64_t> PathId(const HttpRequest& request, const std::string& name);

struct PageQuery {
    std::int64_t page = 1;
    std::int64_t page_size = 20;
    std::string sort;
    bool descending = false;
};

// page (>= 1), page_size (1..200), sort (one of `sortable`, default the first), order (asc/desc).
// Optional query parameters: absent or empty is nullopt; anything else malformed is a field error named after it.
std::optional<std::int64_t> QueryId(const HttpRequest& request, const std::string& name, Validation& validation);
std::optional<Date> QueryDate(const HttpRequest& request, const std::string& name, Validation& validation);

PageQuery ReadPageQuery(const HttpRequest& request, const std::vector<std::string>& sortable, Validation& validation);
Json PageJson(Json items, std::int64_t total, const PageQuery& page);

// An optional instant field: absent -> nullopt; present, it must be ISO 8601 with an offset (else a field error).
std::optional<Instant> OptionalInstant(JsonReader& reader, const Json& body, const std::string& key,
                                       Validation& validation);
Json OptionalInstantJson(const std::optional<Instant>& at);
// An optional day: "YYYY-MM-DD" or null.
Json OptionalDateJson(const std::optional<Date>& day);

// Whether the browser shows a file (a PDF to read and print) or saves it (a workbook).
enum class Disposition { kInline, kAttachment };
// A file to download, named in ASCII and in UTF-8 (RFC 6266).
HttpResponse FileResponse(std::string content_type, std::string body, const std::string& ascii_name,
                          const std::string& name, Disposition disposition);

}  // namespace houqin::http

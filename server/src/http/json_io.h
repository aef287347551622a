#pragma once
// JSON in and out for handlers: the one error mapper (status and body), typed readers that name the bad field,
// and the paging/sorting query parameters every list shares.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"
#include "domain/result.h"
#include "domain/time.h"
#include "http/http_types.h"

namespace houqin::http {

using Json = nlohmann::json;

int StatusFor(ErrorCode code);
HttpResponse ErrorResponse(const Error& error, const std::string& request_id);
Json TextJson(const Text& text);
HttpResponse JsonResponse(int status, const Json& json);

// The body as a JSON object, or InvalidArgument naming "body".
Result<Json> ParseObject(const HttpRequest& request);
// A path id: a positive integer, or InvalidArgument naming the parameter.
Result<std::int64_t> PathId(const HttpRequest& request, const std::string& name);

// Reads typed fields from a JSON object; every problem becomes a field error in `validation`.
class JsonReader {
  public:
    enum class Need { kRequired, kOptional };
    JsonReader(const Json& object, Validation& validation) : object_(object), validation_(validation) {}

    std::string String(const std::string& key, Need need = Need::kRequired);
    std::optional<std::string> OptionalString(const std::string& key);
    std::int64_t Integer(const std::string& key, Need need = Need::kRequired, std::int64_t fallback = 0);
    std::optional<std::int64_t> OptionalInteger(const std::string& key);  // absent or null -> nullopt
    bool Boolean(const std::string& key, Need need = Need::kOptional, bool fallback = false);
    std::optional<bool> OptionalBoolean(const std::string& key);
    Money MoneyValue(const std::string& key, Need need = Need::kRequired);
    Date DateValue(const std::string& key, Need need = Need::kRequired);
    std::vector<std::int64_t> IntegerList(const std::string& key);
    std::vector<std::string> StringList(const std::string& key, const std::string& prefix = "");
    const Json* Object(const std::string& key);
    const Json* Array(const std::string& key);
    [[nodiscard]] bool Has(const std::string& key) const;

  private:
    void Missing(const std::string& key);
    void WrongType(const std::string& key, const Text& expected);
    const Json& object_;
    Validation& validation_;
};

struct PageQuery {
    std::int64_t page = 1;
    std::int64_t page_size = 20;
    std::string sort;
    bool descending = false;
};

// page (>= 1), page_size (1..200), sort (one of `sortable`, default the first), order (asc/desc).
PageQuery ReadPageQuery(const HttpRequest& request, const std::vector<std::string>& sortable, Validation& validation);
Json PageJson(Json items, std::int64_t total, const PageQuery& page);

}  // namespace houqin::http

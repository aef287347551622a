#include "platform/http/json_io.h"

#include <fmt/format.h>

#include <charconv>

namespace houqin::http {
namespace {

bool ParseInt(const std::string& text, std::int64_t& out) {
    if (text.empty()) return false;
    const auto* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, out);
    return error == std::errc() && ptr == end;
}

}  // namespace

int StatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument: return 400;
        case ErrorCode::kUnauthenticated: return 401;
        case ErrorCode::kPermissionDenied: return 403;
        case ErrorCode::kNotFound: return 404;
        case ErrorCode::kAlreadyExists:
        case ErrorCode::kFailedPrecondition: return 409;
        case ErrorCode::kPayloadTooLarge: return 413;
        case ErrorCode::kMethodNotAllowed: return 405;
        case ErrorCode::kResourceExhausted: return 429;
        case ErrorCode::kInternal: return 500;
    }
    return 500;
}

Json TextJson(const Text& text) { return Json{{"zh-CN", text.zh}, {"en", text.en}}; }

HttpResponse JsonResponse(int status, const Json& json) {
    return HttpResponse::Json(status, json.dump(-1, ' ', false, Json::error_handler_t::replace));
}

HttpResponse ErrorResponse(const Error& error, const std::string& request_id) {
    Json fields = Json::array();
    for (const auto& field : error.fields)
        fields.push_back({{"field", field.field}, {"message", TextJson(field.message)}});
    return JsonResponse(StatusFor(error.code), Json{{"code", ErrorCodeName(error.code)},
                                                    {"message", TextJson(error.message)},
                                                    {"fields", fields},
                                                    {"request_id", request_id}});
}

Result<Json> ParseObject(const HttpRequest& request) {
    Json body = Json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
        return Error::Invalid("body", {"请求体不是有效的 JSON", "The request body is not valid JSON"});
    }
    if (!body.is_object()) {
        return Error::Invalid("body", {"请求体须为 JSON 对象", "The request body must be a JSON object"});
    }
    return body;
}

Result<std::int64_t> PathId(const HttpRequest& request, const std::string& name) {
    std::int64_t id = 0;
    const auto found = request.params.find(name);
    if (found == request.params.end() || !ParseInt(found->second, id) || id <= 0) {
        return Error::Invalid(name, {"编号须为正整数", "The id must be a positive whole number"});
    }
    return id;
}

PageQuery ReadPageQuery(const HttpRequest& request, const std::vector<std::string>& sortable, Validation& validation) {
    PageQuery page;
    if (auto text = request.Query("page")) {
        if (!ParseInt(*text, page.page) || page.page < 1 || page.page > 1'000'000) {
            validation.Fail("page", {"页码须为正整数", "page must be a positive whole number"});
            page.page = 1;
        }
    }
    if (auto text = request.Query("page_size")) {
        if (!ParseInt(*text, page.page_size) || page.page_size < 1 || page.page_size > 200) {
            validation.Fail("page_size", {"每页条数须在 1 到 200 之间", "page_size must be between 1 and 200"});
            page.page_size = 20;
        }
    }
    page.sort = sortable.empty() ? "" : sortable.front();
    if (auto text = request.Query("sort"); text && !text->empty()) {
        bool known = false;
        for (const auto& name : sortable) known = known || name == *text;
        if (!known) {
            std::string names;
            for (const auto& name : sortable) names += (names.empty() ? "" : ", ") + name;
            validation.Fail("sort", {"排序字段须为:" + names, "sort must be one of: " + names});
        } else {
            page.sort = *text;
        }
    }
    if (auto text = request.Query("order"); text && !text->empty()) {
        if (*text != "asc" && *text != "desc") {
            validation.Fail("order", {"排序方向须为 asc 或 desc", "order must be asc or desc"});
        }
        page.descending = *text == "desc";
    }
    return page;
}

Json PageJson(Json items, std::int64_t total, const PageQuery& page) {
    return Json{{"items", std::move(items)}, {"total", total}, {"page", page.page}, {"page_size", page.page_size}};
}

std::optional<std::int64_t> QueryId(const HttpRequest& request, const std::string& name, Validation& validation) {
    const auto text = request.Query(name);
    if (!text || text->empty()) return std::nullopt;
    try {
        std::size_t used = 0;
        const auto value = std::stoll(*text, &used);
        if (used == text->size() && value > 0) return value;
    } catch (const std::exception&) {
        // reported below
    }
    validation.Fail(name, {"须为正整数", "Must be a positive whole number"});
    return std::nullopt;
}

std::optional<Date> QueryDate(const HttpRequest& request, const std::string& name, Validation& validation) {
    const auto text = request.Query(name);
    if (!text || text->empty()) return std::nullopt;
    auto date = Date::Parse(*text);
    if (!date) validation.Fail(name, {"日期格式须为 YYYY-MM-DD", "Date must be YYYY-MM-DD"});
    return date;
}

HttpResponse FileResponse(std::string content_type, std::string body, const std::string& ascii_name,
                          const std::string& name, Disposition disposition) {
    HttpResponse response;
    response.content_type = std::move(content_type);
    response.body = std::move(body);
    response.headers.emplace_back(
        "Content-Disposition",
        fmt::format("{}; filename=\"{}\"; filename*=UTF-8''{}",
                    disposition == Disposition::kInline ? "inline" : "attachment", ascii_name, PercentEncode(name)));
    return response;
}

std::optional<Instant> OptionalInstant(JsonReader& reader, const Json& body, const std::string& key,
                                       Validation& validation) {
    if (!reader.Has(key)) return std::nullopt;
    const auto& value = body.at(key);
    std::optional<Instant> instant;
    if (value.is_string()) instant = Instant::ParseIso(value.get<std::string>());
    if (!instant) {
        validation.Fail(key, {"时间须为带时区的 ISO 8601 格式,如 2026-12-01T09:30:00+08:00",
                              "Time must be ISO 8601 with an offset, e.g. 2026-12-01T09:30:00+08:00"});
    }
    return instant;
}

Json OptionalInstantJson(const std::optional<Instant>& at) { return at ? Json(at->ToIso()) : Json(nullptr); }

Json OptionalDateJson(const std::optional<Date>& day) { return day ? Json(day->ToString()) : Json(nullptr); }

}  // namespace houqin::http

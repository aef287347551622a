// The request line's and headers' parsers (platform/http/http_types.h, json_io.h) on any text: the query string
// (ParseQuery, UrlDecode), the Cookie header (ParseCookies), percent-encoding of download names (PercentEncode), and
// the typed query readers every list uses (page, page_size, sort, order, ids, dates) and the path id.
// Properties: PercentEncode's output is ASCII and decodes back to the input; the page read is always in range.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "platform/http/json_io.h"

namespace http = houqin::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const std::string encoded = http::PercentEncode(text);
    for (const char c : encoded) HOUQIN_FUZZ_CHECK(static_cast<unsigned char>(c) < 0x80 && c != ' ' && c != '"');
    HOUQIN_FUZZ_CHECK(http::UrlDecode(encoded, http::PlusSign::kLiteral) == text);
    (void)http::UrlDecode(text, http::PlusSign::kSpace);
    (void)http::ParseCookies(text);

    http::HttpRequest request;
    request.query = http::ParseQuery(text);
    request.params["id"] = http::UrlDecode(text, http::PlusSign::kLiteral);
    houqin::Validation validation;
    const std::vector<std::string> sortable = {"name", "created_at"};
    const auto page = http::ReadPageQuery(request, sortable, validation);
    HOUQIN_FUZZ_CHECK(page.page >= 1 && page.page <= 1'000'000);
    HOUQIN_FUZZ_CHECK(page.page_size >= 1 && page.page_size <= 200);
    HOUQIN_FUZZ_CHECK(page.sort == "name" || page.sort == "created_at");
    if (const auto id = http::QueryId(request, "vendor_id", validation)) HOUQIN_FUZZ_CHECK(*id > 0);
    (void)http::QueryDate(request, "from", validation);
    if (const auto id = http::PathId(request, "id")) HOUQIN_FUZZ_CHECK(*id > 0);
    (void)validation.ok();
    return 0;
}

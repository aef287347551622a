#pragma once
// A pull reader for the large parts of an .xlsx file (the worksheet, the shared strings), read a chunk at a time
// from the zip so that a sheet of a million rows never sits in memory as a document. It knows what
// SpreadsheetML needs: elements, attributes, text with the five entities and character references, CDATA;
// comments and processing instructions are skipped, a DOCTYPE is refused. Namespace prefixes are dropped
// ("x:c" reads as "c"), as some writers prefix the main namespace.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace houqin::imports {

class XmlStream {
  public:
    // Fills `buffer` with up to `capacity` bytes; returns how many (0 at the end), or -1 when the source fails.
    using Source = std::function<long(char* buffer, std::size_t capacity)>;

    enum class Event { kStart, kEnd, kText, kEndOfDocument, kError };

    explicit XmlStream(Source source) : source_(std::move(source)) {}

    // The next event. An empty element (<c/>) gives kStart then kEnd. After kError or kEndOfDocument, the same
    // again.
    Event Next();

    [[nodiscard]] std::string_view name() const { return name_; }    // of kStart and kEnd, prefix dropped
    [[nodiscard]] const std::string& text() const { return text_; }  // of kText, entities decoded
    // An attribute of the last kStart by local name; nullptr when absent.
    [[nodiscard]] const std::string* Attribute(std::string_view local_name) const;
    [[nodiscard]] const std::string& error() const { return error_; }  // for the log

  private:
    bool Ensure(std::size_t count);  // at least `count` unread bytes buffered; false at the end of input
    Event Fail(std::string message);
    Event FailAtEnd(std::string_view what);  // input ended (or could not be read) inside `what`
    Event ReadTag();
    Event ReadText();
    bool SkipPast(std::string_view terminator);
    bool DecodeInto(std::string_view raw, std::string& out);

    Source source_;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool source_done_ = false;
    bool source_failed_ = false;
    bool too_long_ = false;
    bool pending_end_ = false;  // an empty element's kEnd is still to come
    bool failed_ = false;
    int depth_ = 0;
    std::string name_;
    std::string text_;
    std::vector<std::pair<std::string, std::string>> attributes_;
    std::size_t attribute_count_ = 0;
    std::string error_;
};

}  // namespace houqin::imports

#include "platform/imports/xml_stream.h"

#include <cstdint>

namespace houqin::imports {

namespace {

// The largest tag or text node held at once. A cell holds at most 32,767 characters in Excel; a longer token is
// not a spreadsheet, and refusing it bounds memory whatever the zip expands to.
constexpr std::size_t kMaxToken = 16u << 20;
constexpr std::size_t kChunk = 64u << 10;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view LocalName(std::string_view name) {
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

void AppendUtf8(char32_t code, std::string& out) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

}  // namespace

const std::string* XmlStream::Attribute(std::string_view local_name) const {
    for (std::size_t i = 0; i < attribute_count_; ++i) {
        if (attributes_[i].first == local_name) return &attributes_[i].second;
    }
    return nullptr;
}

bool XmlStream::Ensure(std::size_t count) {
    while (buffer_.size() - pos_ < count) {
        if (source_done_) return false;
        if (count > kMaxToken) {
            too_long_ = true;
            return false;
        }
        if (pos_ > 0) {  // keep only the unread bytes: offsets relative to pos_ stay valid
            buffer_.erase(0, pos_);
            pos_ = 0;
        }
        const std::size_t old_size = buffer_.size();
        buffer_.resize(old_size + kChunk);
        const long read = source_(buffer_.data() + old_size, kChunk);
        buffer_.resize(old_size + (read > 0 ? static_cast<std::size_t>(read) : 0));
        if (read <= 0) {
            source_done_ = true;
            source_failed_ = read < 0;
        }
    }
    return true;
}

XmlStream::Event XmlStream::Fail(std::string message) {
    failed_ = true;
    if (error_.empty()) error_ = std::move(message);
    return Event::kError;
}

XmlStream::Event XmlStream::FailAtEnd(std::string_view what) {
    if (source_failed_) return Fail("the compressed part could not be read");
    if (too_long_) return Fail("a tag or text longer than 16 MiB");
    return Fail("the XML ends inside " + std::string(what));
}

XmlStream::Event XmlStream::Next() {
    if (failed_) return Event::kError;
    if (pending_end_) {
        pending_end_ = false;
        --depth_;
        return Event::kEnd;
    }
    for (;;) {
        if (!Ensure(1)) {
            if (source_failed_) return Fail("the compressed part could not be read");
            if (depth_ > 0) return FailAtEnd("an element");
            return Event::kEndOfDocument;
        }
        if (buffer_[pos_] != '<') return ReadText();
        if (!Ensure(2)) return FailAtEnd("a tag");
        const char second = buffer_[pos_ + 1];
        if (second == '?') {
            if (!SkipPast("?>")) return FailAtEnd("a processing instruction");
            continue;
        }
        if (second == '!') {
            if (Ensure(4) && std::string_view(buffer_).substr(pos_, 4) == "<!--") {
                if (!SkipPast("-->")) return FailAtEnd("a comment");
                continue;
            }
            if (Ensure(9) && std::string_view(buffer_).substr(pos_, 9) == "<![CDATA[") {
                pos_ += 9;
                const std::size_t start = pos_;
                if (!SkipPast("]]>")) return FailAtEnd("a CDATA section");
                text_.assign(buffer_, start, pos_ - 3 - start);
                return Event::kText;
            }
            return Fail("a DOCTYPE or other declaration, which SpreadsheetML never has");
        }
        return ReadTag();
    }
}

bool XmlStream::SkipPast(std::string_view terminator) {
    std::size_t from = 0;  // relative to pos_
    for (;;) {
        const std::size_t at = buffer_.find(terminator, pos_ + from);
        if (at != std::string::npos) {
            pos_ = at + terminator.size();
            return true;
        }
        const std::size_t have = buffer_.size() - pos_;
        from = have >= terminator.size() ? have - terminator.size() + 1 : 0;
        if (!Ensure(have + 1)) return false;
    }
}

XmlStream::Event XmlStream::ReadText() {
    std::size_t length = 0;
    for (;;) {
        const std::size_t at = buffer_.find('<', pos_ + length);
        if (at != std::string::npos) {
            length = at - pos_;
            break;
        }
        length = buffer_.size() - pos_;
        if (!Ensure(length + 1)) {
            if (source_failed_ || too_long_) return FailAtEnd("text");
            break;  // text after the root element, at the very end
        }
    }
    text_.clear();
    const bool ok = DecodeInto(std::string_view(buffer_).substr(pos_, length), text_);
    pos_ += length;
    if (!ok) return Fail("an unknown entity or a bad character reference");
    return Event::kText;
}

XmlStream::Event XmlStream::ReadTag() {
    // The closing '>' outside quoted attribute values ('>' may appear inside them).
    std::size_t i = 1;
    char quote = 0;
    for (;; ++i) {
        if (!Ensure(i + 1)) return FailAtEnd("a tag");
        const char c = buffer_[pos_ + i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            break;
        }
    }
    std::string_view tag = std::string_view(buffer_).substr(pos_ + 1, i - 1);
    pos_ += i + 1;
    if (tag.starts_with('/')) {
        tag.remove_prefix(1);
        while (!tag.empty() && IsSpace(tag.back())) tag.remove_suffix(1);
        name_ = LocalName(tag);
        if (--depth_ < 0) return Fail("a closing tag without its opening tag");
        return Event::kEnd;
    }
    const bool empty_element = tag.ends_with('/');
    if (empty_element) tag.remove_suffix(1);
    std::size_t k = 0;
    while (k < tag.size() && !IsSpace(tag[k])) ++k;
    if (k == 0) return Fail("a tag without a name");
    name_ = LocalName(tag.substr(0, k));
    attribute_count_ = 0;
    for (;;) {
        while (k < tag.size() && IsSpace(tag[k])) ++k;
        if (k >= tag.size()) break;
        const std::size_t name_start = k;
        while (k < tag.size() && tag[k] != '=' && !IsSpace(tag[k])) ++k;
        const std::string_view attribute_name = tag.substr(name_start, k - name_start);
        while (k < tag.size() && IsSpace(tag[k])) ++k;
        if (k >= tag.size() || tag[k] != '=') return Fail("an attribute without a value");
        ++k;
        while (k < tag.size() && IsSpace(tag[k])) ++k;
        if (k >= tag.size() || (tag[k] != '"' && tag[k] != '\'')) return Fail("an attribute value without quotes");
        const char delimiter = tag[k++];
        const std::size_t end = tag.find(delimiter, k);
        if (end == std::string_view::npos) return Fail("an attribute value without its closing quote");
        if (attribute_count_ == attributes_.size()) attributes_.emplace_back();
        auto& [stored_name, stored_value] = attributes_[attribute_count_++];
        stored_name = LocalName(attribute_name);
        stored_value.clear();
        if (!DecodeInto(tag.substr(k, end - k), stored_value)) {
            return Fail("an unknown entity or a bad character reference");
        }
        k = end + 1;
    }
    ++depth_;
    pending_end_ = empty_element;
    return Event::kStart;
}

bool XmlStream::DecodeInto(std::string_view raw, std::string& out) {
    out.reserve(out.size() + raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        const std::size_t amp = raw.find('&', i);
        if (amp == std::string_view::npos) {
            out.append(raw.substr(i));
            break;
        }
        out.append(raw.substr(i, amp - i));
        const std::size_t semicolon = raw.find(';', amp);
        if (semicolon == std::string_view::npos || semicolon - amp > 12) return false;
        const std::string_view entity = raw.substr(amp + 1, semicolon - amp - 1);
        if (entity == "lt") {
            out.push_back('<');
        } else if (entity == "gt") {
            out.push_back('>');
        } else if (entity == "amp") {
            out.push_back('&');
        } else if (entity == "quot") {
            out.push_back('"');
        } else if (entity == "apos") {
            out.push_back('\'');
        } else if (entity.size() >= 2 && entity[0] == '#') {
            const bool hex = entity[1] == 'x' || entity[1] == 'X';
            const std::string_view digits = entity.substr(hex ? 2 : 1);
            if (digits.empty()) return false;
            std::uint32_t code = 0;
            for (const char c : digits) {
                std::uint32_t digit = 0;
                if (c >= '0' && c <= '9') {
                    digit = static_cast<std::uint32_t>(c - '0');
                } else if (hex && c >= 'a' && c <= 'f') {
                    digit = static_cast<std::uint32_t>(c - 'a' + 10);
                } else if (hex && c >= 'A' && c <= 'F') {
                    digit = static_cast<std::uint32_t>(c - 'A' + 10);
                } else {
                    return false;
                }
                code = code * (hex ? 16u : 10u) + digit;
                if (code > 0x10FFFF) return false;
            }
            if (code == 0 || (code >= 0xD800 && code <= 0xDFFF)) return false;
            AppendUtf8(code, out);
        } else {
            return false;
        }
        i = semicolon + 1;
    }
    return true;
}

}  // namespace houqin::imports

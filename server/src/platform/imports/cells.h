#pragma once
// Helpers the CSV and .xlsx readers share: UTF-8 checks, GB18030 decoding, trimming, and the rule for which
// rows reach the sink. Internal to platform/imports.
#include <iconv.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "platform/imports/tabular.h"

namespace houqin::imports {

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms, surrogates and
// code points above U+10FFFF included), or npos.
std::size_t FirstInvalidUtf8(std::string_view text);

// Trimmed of ASCII space, tab, CR and LF, U+00A0 (no-break space, common in text copied from web pages) and U+3000
// (ideographic space, typed with a Chinese input method).
std::string_view TrimCell(std::string_view cell);

// Drops trailing empty cells; false when no cell is left (the row is skipped).
bool FinishRow(TabularRow& row);

// Decodes GB18030 (a superset of GBK and GB2312) to UTF-8 with glibc's iconv.
class Gb18030Decoder {
  public:
    Gb18030Decoder();
    ~Gb18030Decoder();
    Gb18030Decoder(const Gb18030Decoder&) = delete;
    Gb18030Decoder& operator=(const Gb18030Decoder&) = delete;

    // Appends the UTF-8 of `bytes` to `out` (when not null: a null `out` only checks); on a byte that is not
    // GB18030, returns its offset in `bytes` (npos when all is well).
    std::size_t Decode(std::string_view bytes, std::string* out);

  private:
    iconv_t descriptor_;
};

// The error for a row whose content cannot be read: Error::Invalid("file", ...) with the row number.
Error RowError(std::int64_t row, std::string_view zh_reason, std::string_view en_reason);
Error FileError(std::string_view zh_reason, std::string_view en_reason);

}  // namespace houqin::imports

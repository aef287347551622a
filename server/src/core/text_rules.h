#pragma once
// Small checks on text fields shared by every entity, with the bilingual reasons a user sees.
#include <string>
#include <string_view>

#include "core/result.h"

namespace houqin {

// `text` without the spaces, tabs and line ends around it (what every form field is checked and stored as).
std::string TrimText(std::string_view text);
// The same as a view into `text`, valid as long as `text` is.
std::string_view TrimmedView(std::string_view text);
// Unicode code points in UTF-8 text (a Chinese character counts as one), or -1 when the bytes are not UTF-8.
long CharacterCount(std::string_view text);
bool IsCode(std::string_view text, std::size_t min_length, std::size_t max_length);
bool IsPhone(std::string_view text);
bool IsDigits(std::string_view text, std::size_t min_length, std::size_t max_length);
// Adds "<label> 须为 min-max 个字" when the length is outside [min, max] (or not valid UTF-8).
void CheckLength(Validation& validation, const std::string& field, std::string_view text, long min, long max,
                 const Text& label);

}  // namespace houqin

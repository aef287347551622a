#include "features/staff/rules/resident_id.h"

#include <fmt/format.h>

#include <array>

#include "core/text_rules.h"

namespace houqin {
namespace {

constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckCharacters = "10X98765432";
constexpr std::size_t kLength = 18;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Characters as a person counts them: UTF-8 continuation bytes do not start a character.
std::size_t CountCharacters(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

int ParseDigits(std::string_view text) {
    int value = 0;
    for (const char c : text) value = value * 10 + (c - '0');
    return value;
}

Error Invalid(Text message) { return Error::Invalid("id_number", std::move(message)); }

}  // namespace

std::string_view SexCode(Sex sex) { return sex == Sex::kFemale ? "female" : "male"; }

char ResidentIdCheckCharacter(std::string_view first17) {
    if (first17.size() < kWeights.size()) return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < kWeights.size(); ++i) {
        if (!IsDigit(first17[i])) return '\0';
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheckCharacters[static_cast<std::size_t>(sum % 11)];
}

Result<ResidentId> ParseResidentId(std::string_view text, Date today) {
    std::string number(TrimmedView(text));
    if (number.empty()) return Invalid({"请填写身份证号", "Enter the ID number"});
    const std::size_t characters = CountCharacters(number);
    if (characters != kLength || number.size() != kLength) {
        return Invalid({fmt::format("身份证号应为 18 位,当前为 {} 位", characters),
                        fmt::format("An ID number has 18 characters; this one has {}", characters)});
    }
    if (number.back() == 'x') number.back() = 'X';
    for (std::size_t i = 0; i < kLength; ++i) {
        const bool last = i + 1 == kLength;
        if (IsDigit(number[i]) || (last && number[i] == 'X')) continue;
        if (last) {
            return Invalid({fmt::format("身份证号第 18 位「{}」应为数字或 X", number[i]),
                            fmt::format("Character 18 ('{}') must be a digit or X", number[i])});
        }
        return Invalid({fmt::format("身份证号第 {} 位「{}」不是数字", i + 1, number[i]),
                        fmt::format("Character {} ('{}') is not a digit", i + 1, number[i])});
    }

    const std::string_view birth = std::string_view(number).substr(6, 8);
    const int year = ParseDigits(birth.substr(0, 4));
    const auto birth_date =
        Date::Parse(fmt::format("{}-{}-{}", birth.substr(0, 4), birth.substr(4, 2), birth.substr(6, 2)));
    if (year < 1900) {
        return Invalid({fmt::format("身份证号中的出生日期 {} 早于 1900 年", birth),
                        fmt::format("The birth date {} in the ID number is before 1900", birth)});
    }
    if (!birth_date) {
        return Invalid({fmt::format("身份证号中的出生日期 {} 不存在", birth),
                        fmt::format("The birth date {} in the ID number does not exist", birth)});
    }
    if (*birth_date > today) {
        return Invalid({fmt::format("身份证号中的出生日期 {} 晚于今天", birth_date->ToString()),
                        fmt::format("The birth date {} in the ID number is after today", birth_date->ToString())});
    }

    const char expected = ResidentIdCheckCharacter(number);
    if (number.back() != expected) {
        return Invalid({fmt::format("身份证号校验位不符:第 18 位应为 {},实为 {},请核对号码", expected, number.back()),
                        fmt::format("The check character does not match: character 18 should be {}, not {}; check "
                                    "the number",
                                    expected, number.back())});
    }
    const Sex sex = (number[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale;
    return ResidentId{std::move(number), *birth_date, sex};
}

std::string MaskResidentId(std::string_view number) {
    if (number.size() < 10) return std::string(number.size(), '*');
    return fmt::format("{}********{}", number.substr(0, 6), number.substr(number.size() - 4));
}

}  // namespace houqin

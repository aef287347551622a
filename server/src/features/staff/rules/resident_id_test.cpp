// STF-1: resident ID numbers (GB 11643-1999). Numbers are built here with ResidentIdCheckCharacter, not copied.
#include "features/staff/rules/resident_id.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

const Date kToday = Date::FromYmd(2026, 12, 6);

std::string WithCheck(const std::string& first17) { return first17 + ResidentIdCheckCharacter(first17); }

std::string FieldMessage(const Result<ResidentId>& result) {
    EXPECT_FALSE(result.has_value());
    if (result.has_value() || result.error().fields.empty()) return "";
    EXPECT_EQ(result.error().fields[0].field, "id_number");
    return result.error().fields[0].message.zh + " | " + result.error().fields[0].message.en;
}

// STF-1: the check character follows the weights and "10X98765432".
TEST(ResidentIdTest, STF1CheckCharacterFollowsTheStandard) {
    // All zeros: sum 0 -> '1'. A single 1 in the first place: 7 -> index 7 -> '5'.
    EXPECT_EQ(ResidentIdCheckCharacter("00000000000000000"), '1');
    EXPECT_EQ(ResidentIdCheckCharacter("10000000000000000"), '5');
    // 2 in the 9th place (weight 6): 12 mod 11 = 1 -> '0'. 1 in the third place (weight 10) -> index 10 -> '2'.
    EXPECT_EQ(ResidentIdCheckCharacter("00000000200000000"), '0');
    EXPECT_EQ(ResidentIdCheckCharacter("00100000000000000"), '2');
    // 1 in the 8th place (weight 1) -> index 1 -> '0'; 2 there -> 'X'.
    EXPECT_EQ(ResidentIdCheckCharacter("00000002000000000"), 'X');
    EXPECT_EQ(ResidentIdCheckCharacter("0000000200000000a"), '\0');
    EXPECT_EQ(ResidentIdCheckCharacter("123"), '\0');
}

// STF-1: a valid number gives its birth date and sex (17th digit odd: male).
TEST(ResidentIdTest, STF1ValidNumberGivesBirthDateAndSex) {
    const auto male = ParseResidentId(WithCheck("44068119900101123"), kToday);
    ASSERT_TRUE(male.has_value());
    EXPECT_EQ(male->birth_date, Date::FromYmd(1990, 1, 1));
    EXPECT_EQ(male->sex, Sex::kMale);
    EXPECT_EQ(SexCode(male->sex), "male");
    const auto female = ParseResidentId(WithCheck("11010520000229002"), kToday);
    ASSERT_TRUE(female.has_value());
    EXPECT_EQ(female->birth_date, Date::FromYmd(2000, 2, 29));
    EXPECT_EQ(female->sex, Sex::kFemale);
    EXPECT_EQ(SexCode(Sex::kFemale), "female");
}

// STF-1: spaces are trimmed and a lower-case x becomes X.
TEST(ResidentIdTest, STF1TrimsAndNormalisesX) {
    std::string first17;
    for (int sequence = 0; sequence < 1000; ++sequence) {
        first17 = "44068119900101" + std::to_string(1000 + sequence).substr(1);
        if (ResidentIdCheckCharacter(first17) == 'X') break;
    }
    ASSERT_EQ(ResidentIdCheckCharacter(first17), 'X');
    const auto parsed = ParseResidentId("  " + first17 + "x \t", kToday);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->number, first17 + "X");
}

// STF-1: each error names its reason.
TEST(ResidentIdTest, STF1ErrorsNameTheReason) {
    EXPECT_NE(FieldMessage(ParseResidentId("4406811990010112", kToday)).find("当前为 16 位"), std::string::npos);
    EXPECT_NE(FieldMessage(ParseResidentId("", kToday)).find("请填写"), std::string::npos);
    EXPECT_NE(FieldMessage(ParseResidentId("44068119900101123X1", kToday)).find("19"), std::string::npos);
    EXPECT_NE(FieldMessage(ParseResidentId("4406811990a101123X", kToday)).find("第 11 位"), std::string::npos);
    EXPECT_NE(FieldMessage(ParseResidentId("44068119900101123A", kToday)).find("Character 18"), std::string::npos);
    EXPECT_NE(FieldMessage(ParseResidentId(WithCheck("44068119900230123"), kToday)).find("19900230 不存在"),
              std::string::npos);
    EXPECT_NE(FieldMessage(ParseResidentId(WithCheck("44068118991231123"), kToday)).find("1900"), std::string::npos);
    EXPECT_NE(FieldMessage(ParseResidentId(WithCheck("44068120261207123"), kToday)).find("晚于今天"),
              std::string::npos);
    EXPECT_TRUE(ParseResidentId(WithCheck("44068120261206123"), kToday).has_value());  // born today
    const std::string first17 = "44068119900101123";
    const char expected = ResidentIdCheckCharacter(first17);
    const char wrong = expected == '0' ? '1' : '0';
    const auto message = FieldMessage(ParseResidentId(first17 + wrong, kToday));
    EXPECT_NE(message.find(std::string("应为 ") + expected), std::string::npos) << message;
    EXPECT_NE(message.find(std::string("should be ") + expected), std::string::npos) << message;
}

// STF-1: masked as the first 6 and last 4 characters.
TEST(ResidentIdTest, STF1Masking) {
    EXPECT_EQ(MaskResidentId("44068119900101123X"), "440681********123X");
    EXPECT_EQ(MaskResidentId("123"), "***");
}

}  // namespace
}  // namespace houqin

// PRJ-7: sealed one-time bids. No one reads a quote before the opening: the quotes are sealed to a project key
// whose private half needs both the opening officer's and the witness's secrets; receipts detect a swapped quote.
#include "features/procurement/sealed_bids.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace houqin {
namespace {

constexpr std::string_view kOfficer = "Kaibiao-2027-Spring!";
constexpr std::string_view kWitness = "监督人:九江镇纪委 2027 第一次开标";  // a passphrase: Chinese, digits, spaces
constexpr std::int64_t kProject = 42;

ProjectSeal Seal() {
    auto seal = CreateProjectSeal(kProject, kOfficer, kWitness, MinimalSealLimitsForTests());
    EXPECT_TRUE(seal.has_value());
    return std::move(seal).value();
}

std::vector<std::string> Fields(const Error& error) {
    std::vector<std::string> fields;
    for (const auto& field : error.fields) fields.push_back(field.field);
    return fields;
}

std::vector<unsigned char> Decode(std::string_view base64) {
    std::vector<unsigned char> bytes(base64.size());
    std::size_t length = 0;
    EXPECT_EQ(sodium_base642bin(bytes.data(), bytes.size(), base64.data(), base64.size(), nullptr, &length, nullptr,
                                sodium_base64_VARIANT_ORIGINAL),
              0);
    bytes.resize(length);
    return bytes;
}

bool ContainsBytes(const std::vector<unsigned char>& haystack, const std::string& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

TEST(SealedBidsTest, PRJ7_SealRoundTripWithBothSecrets) {
    const auto seal = Seal();
    EXPECT_EQ(seal.public_key.size(), 64u);
    EXPECT_EQ(seal.limits.opslimit, MinimalSealLimitsForTests().opslimit);
    const auto sealed = SealQuote(seal.public_key, Money::FromFen(45'678'900), {kProject, 7});
    ASSERT_TRUE(sealed.has_value());
    EXPECT_EQ(sealed->receipt.size(), 64u);

    auto key = OpenSeal(seal, kOfficer, kWitness);
    ASSERT_TRUE(key.has_value()) << key.error().message.en;
    EXPECT_EQ(key->project_id(), kProject);
    const auto quote = OpenQuote(*key, sealed->sealed, {kProject, 7});
    ASSERT_TRUE(quote.has_value()) << quote.error().message.en;
    EXPECT_EQ(quote->fen(), 45'678'900);
    EXPECT_EQ(*CommitmentOf(sealed->sealed), sealed->receipt);
}

TEST(SealedBidsTest, PRJ7_SealWrongOfficerSecretIsNamed) {
    const auto key = OpenSeal(Seal(), "Kaibiao-2027-Spring?", kWitness);
    ASSERT_FALSE(key.has_value());
    EXPECT_EQ(key.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(Fields(key.error()), std::vector<std::string>{"officer_secret"});
    EXPECT_EQ(key.error().fields[0].message.zh, "开标人口令不正确");
}

TEST(SealedBidsTest, PRJ7_SealWrongWitnessSecretIsNamed) {
    const auto key = OpenSeal(Seal(), kOfficer, "监督人:九江镇纪委 2027 第二次开标");
    ASSERT_FALSE(key.has_value());
    EXPECT_EQ(Fields(key.error()), std::vector<std::string>{"witness_secret"});
}

TEST(SealedBidsTest, PRJ7_SealOneSecretAloneCannotOpen) {
    const auto seal = Seal();
    // The officer alone (witness's secret unknown: empty, or the officer's own entered twice), and the witness alone.
    for (const auto& [officer, witness] : std::vector<std::pair<std::string_view, std::string_view>>{
             {kOfficer, ""}, {kOfficer, kOfficer}, {"", kWitness}, {kWitness, kWitness}, {kWitness, kOfficer}}) {
        const auto key = OpenSeal(seal, officer, witness);
        EXPECT_FALSE(key.has_value()) << officer << " / " << witness;
    }
    EXPECT_EQ(Fields(OpenSeal(seal, kWitness, kOfficer).error()),
              (std::vector<std::string>{"officer_secret", "witness_secret"}));
}

TEST(SealedBidsTest, PRJ7_SealDatabaseCopyHoldsNoKeyOrSecretInClear) {
    // What an administrator reading the database sees: the seal and the sealed quotes. No part of it is the private
    // key or either secret, and the quotes cannot be opened from it.
    const auto seal = Seal();
    const std::string everything = seal.public_key + seal.locked_private_key + seal.officer_salt + seal.witness_salt +
                                   seal.officer_check + seal.witness_check;
    EXPECT_EQ(everything.find(kOfficer), std::string::npos);
    EXPECT_EQ(everything.find("九江镇纪委"), std::string::npos);
    EXPECT_EQ(Decode(seal.locked_private_key).size(), 24u + 32u + 16u);  // nonce, encrypted key, tag
}

TEST(SealedBidsTest, PRJ7_SealedBytesContainNoPlaintextAmount) {
    const auto seal = Seal();
    const Money quote = Money::FromFen(45'678'900);
    const auto small = SealQuote(seal.public_key, Money::FromFen(1), {kProject, 7});
    const auto large = SealQuote(seal.public_key, quote, {kProject, 7});
    ASSERT_TRUE(small.has_value());
    ASSERT_TRUE(large.has_value());
    const auto bytes = Decode(large->sealed);
    // Neither as text (yuan or fen) nor as the big-endian integer that was sealed.
    for (const std::string& text : {quote.ToString(), std::string("456789"), std::to_string(quote.fen())}) {
        EXPECT_FALSE(ContainsBytes(bytes, text)) << text;
        EXPECT_EQ(large->sealed.find(text), std::string::npos) << text;
    }
    const std::string big_endian = {'\0', '\0', '\0', '\0', '\x02', '\xb8', '\x05', '\x34'};  // 45678900
    EXPECT_FALSE(ContainsBytes(bytes, big_endian));
    // Fixed length: the size does not tell a small quote from a large one.
    EXPECT_EQ(small->sealed.size(), large->sealed.size());
    // Sealing the same quote twice gives different bytes (an ephemeral key each time): equal quotes look unrelated.
    const auto again = SealQuote(seal.public_key, quote, {kProject, 7});
    EXPECT_NE(again->sealed, large->sealed);
    EXPECT_NE(again->receipt, large->receipt);
}

TEST(SealedBidsTest, PRJ7_SealReceiptDetectsASwappedSealedQuote) {
    const auto seal = Seal();
    const auto honest = SealQuote(seal.public_key, Money::FromFen(48'000'000), {kProject, 7});
    // Someone with write access replaces vendor 7's sealed quote by a fresh one with a higher amount (the public key
    // is public, so anyone can seal): the quote opens, but its commitment no longer matches the bidder's receipt.
    const auto forged = SealQuote(seal.public_key, Money::FromFen(49'000'000), {kProject, 7});
    ASSERT_TRUE(honest.has_value());
    ASSERT_TRUE(forged.has_value());
    EXPECT_NE(*CommitmentOf(forged->sealed), honest->receipt);
    EXPECT_EQ(*CommitmentOf(honest->sealed), honest->receipt);
}

TEST(SealedBidsTest, PRJ7_SealQuoteIsBoundToItsVendorAndProject) {
    const auto seal = Seal();
    const auto sealed = SealQuote(seal.public_key, Money::FromFen(100), {kProject, 7});
    auto key = OpenSeal(seal, kOfficer, kWitness);
    ASSERT_TRUE(key.has_value());
    const auto moved = OpenQuote(*key, sealed->sealed, {kProject, 8});
    ASSERT_FALSE(moved.has_value());
    EXPECT_EQ(moved.error().message.en, "the quote is bound to another vendor");
    EXPECT_EQ(OpenQuote(*key, sealed->sealed, {kProject + 1, 7}).error().message.en,
              "the quote was sealed for another project");
}

TEST(SealedBidsTest, PRJ7_SealQuoteForAnotherProjectKeyDoesNotOpen) {
    const auto other = CreateProjectSeal(kProject + 1, kOfficer, kWitness, MinimalSealLimitsForTests());
    ASSERT_TRUE(other.has_value());
    const auto sealed = SealQuote(other->public_key, Money::FromFen(100), {kProject, 7});
    auto key = OpenSeal(Seal(), kOfficer, kWitness);
    ASSERT_TRUE(key.has_value());
    const auto quote = OpenQuote(*key, sealed->sealed, {kProject, 7});
    ASSERT_FALSE(quote.has_value());
    EXPECT_EQ(quote.error().code, ErrorCode::kFailedPrecondition);
}

TEST(SealedBidsTest, PRJ7_SealAlteredPartsAreDetectedAtTheOpening) {
    const auto original = Seal();
    // The public key replaced (e.g. by one whose private key an insider holds): refused even with both secrets.
    auto swapped_key = original;
    swapped_key.public_key = Seal().public_key;
    const auto refused = OpenSeal(swapped_key, kOfficer, kWitness);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    // The seal of another project copied over this one's: refused.
    auto moved = original;
    moved.project_id = kProject + 1;
    EXPECT_EQ(OpenSeal(moved, kOfficer, kWitness).error().code, ErrorCode::kFailedPrecondition);
    // Truncated or absurd parameters: refused before any work.
    auto truncated = original;
    truncated.locked_private_key.resize(10);
    EXPECT_EQ(OpenSeal(truncated, kOfficer, kWitness).error().code, ErrorCode::kFailedPrecondition);
    auto greedy = original;
    greedy.limits.memlimit = 1ULL << 40U;
    EXPECT_EQ(OpenSeal(greedy, kOfficer, kWitness).error().code, ErrorCode::kFailedPrecondition);
}

TEST(SealedBidsTest, PRJ7_SealRefusesNonPositiveQuotesAndBadKeys) {
    const auto seal = Seal();
    EXPECT_EQ(Fields(SealQuote(seal.public_key, Money::FromFen(0), {kProject, 7}).error()),
              std::vector<std::string>{"quote"});
    EXPECT_FALSE(SealQuote(seal.public_key, Money::FromFen(-1), {kProject, 7}).has_value());
    EXPECT_FALSE(SealQuote("abcd", Money::FromFen(1), {kProject, 7}).has_value());
    EXPECT_FALSE(CommitmentOf("not base64!").has_value());
}

TEST(SealedBidsTest, PRJ7_SealSecretsNeedAMinimumStrength) {
    const auto ok = [](std::string_view secret) { return CheckSealSecret("officer_secret", secret).has_value(); };
    EXPECT_TRUE(ok("Kaibiao-2027!"));                                        // 13 characters, four kinds
    EXPECT_TRUE(ok("九江镇纪委监督开标口令二〇二七年春季第一次"));           // a phrase of 21 characters
    EXPECT_TRUE(ok("correcthorsebatterys"));                                 // 20 lower-case letters: a phrase
    EXPECT_FALSE(ok("Ab1!Ab1!Ab1"));                                         // 11 characters
    EXPECT_FALSE(ok("abcdefgh1234"));                                        // two kinds only, and short of a phrase
    EXPECT_FALSE(ok("Aa1!Aa1!Aa1!"));                                        // four different characters
    EXPECT_FALSE(ok("九江镇纪委监督开标口令"));                              // 11 characters
    EXPECT_FALSE(ok(std::string(200, 'a') + "B1!" + std::string(60, 'c')));  // over 256 bytes
    const auto weak = CheckSealSecret("witness_secret", "short");
    ASSERT_FALSE(weak.has_value());
    EXPECT_EQ(weak.error().fields[0].field, "witness_secret");
    EXPECT_NE(weak.error().fields[0].message.en.find("the discipline-inspection witness's secret is too weak"),
              std::string::npos);
}

TEST(SealedBidsTest, PRJ7_SealSecretsMustDifferAndBothBeStrong) {
    const auto same = CreateProjectSeal(kProject, kOfficer, kOfficer, MinimalSealLimitsForTests());
    ASSERT_FALSE(same.has_value());
    EXPECT_EQ(Fields(same.error()), std::vector<std::string>{"witness_secret"});
    const auto weak = CreateProjectSeal(kProject, "123456", "password", MinimalSealLimitsForTests());
    ASSERT_FALSE(weak.has_value());
    EXPECT_EQ(Fields(weak.error()), (std::vector<std::string>{"officer_secret", "witness_secret"}));
    EXPECT_NE(weak.error().fields[0].message.zh.find("开标人口令强度不足"), std::string::npos);
}

TEST(SealedBidsTest, PRJ7_SealDefaultCostIsModerateArgon2id) {
    EXPECT_EQ(DefaultSealLimits().opslimit, crypto_pwhash_OPSLIMIT_MODERATE);
    EXPECT_EQ(DefaultSealLimits().memlimit, crypto_pwhash_MEMLIMIT_MODERATE);
}

TEST(SealedBidsTest, PRJ7_SealFingerprintIsShortAndStable) {
    const auto seal = Seal();
    const auto fingerprint = PublicKeyFingerprint(seal.public_key);
    EXPECT_EQ(fingerprint.size(), 8u * 4u + 7u);
    EXPECT_EQ(fingerprint, PublicKeyFingerprint(seal.public_key));
    EXPECT_NE(fingerprint, PublicKeyFingerprint(Seal().public_key));
}

}  // namespace
}  // namespace houqin

// The sealed-bid opener (features/procurement/sealed_bids.h, PRJ-7) on arbitrary bytes, with one project's seal made
// once at start-up (libsodium's smallest argon2id cost, as in the unit tests; the format is the production one).
// The first byte chooses what the rest is:
//   0: a stored sealed quote as text (base64 expected): CommitmentOf and OpenQuote.
//   1: raw bytes, base64-encoded first, so the length check passes and decryption meets arbitrary ciphertext.
//   2: a plaintext sealed to the project's public key, so OpenQuote's reading of the opened bytes (format, project,
//      vendor, amount) meets arbitrary contents.
//   3: the opening secrets (officer and witness, split at the first 0x00) against the seal, and their strength check.
// Properties: nothing but a sealed quote of this project and vendor opens; a quote sealed by SealQuote opens to
// its amount.
#include <sodium.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "features/procurement/sealed_bids.h"
#include "fuzz_check.h"

namespace {

constexpr std::string_view kOfficer = "Officer-secret-2027";
constexpr std::string_view kWitness = "Witness-secret-2027";
constexpr houqin::BidContext kBid{7, 42};

struct Fixture {
    houqin::ProjectSeal seal;
    std::optional<houqin::OpeningKey> key;
};

Fixture& Project() {
    static Fixture fixture = [] {
        Fixture made;
        made.seal =
            houqin::CreateProjectSeal(kBid.project_id, kOfficer, kWitness, houqin::MinimalSealLimitsForTests()).value();
        made.key.emplace(houqin::OpenSeal(made.seal, kOfficer, kWitness).value());
        return made;
    }();
    return fixture;
}

std::string Base64(const unsigned char* data, std::size_t size) {
    std::string text(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    text.pop_back();
    return text;
}

void OpenAsStored(const houqin::OpeningKey& key, std::string_view sealed) {
    const auto commitment = houqin::CommitmentOf(sealed);
    const auto quote = houqin::OpenQuote(key, sealed, kBid);
    if (quote) HOUQIN_FUZZ_CHECK(commitment.has_value());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    Fixture& project = Project();
    const houqin::OpeningKey& key = *project.key;
    const auto* rest = data + 1;
    const std::size_t rest_size = size - 1;
    const std::string_view text(reinterpret_cast<const char*>(rest), rest_size);
    switch (data[0] % 4) {
        case 0: OpenAsStored(key, text); break;
        case 1: OpenAsStored(key, Base64(rest, rest_size)); break;
        case 2: {
            std::string plain(text);
            plain.resize(28, '\0');  // the plaintext's fixed size: magic, project, vendor, amount
            unsigned char public_bytes[crypto_box_PUBLICKEYBYTES];
            HOUQIN_FUZZ_CHECK(sodium_hex2bin(public_bytes, sizeof public_bytes, project.seal.public_key.data(),
                                             project.seal.public_key.size(), nullptr, nullptr, nullptr) == 0);
            std::string sealed(plain.size() + crypto_box_SEALBYTES, '\0');
            crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()),
                            reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), public_bytes);
            const auto encoded = Base64(reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size());
            const auto quote = houqin::OpenQuote(key, encoded, kBid);
            // Only the format's magic and this project's and vendor's ids open.
            if (quote) {
                const std::string expected_ids("\0\0\0\0\0\0\0\x07\0\0\0\0\0\0\0\x2a", 16);
                HOUQIN_FUZZ_CHECK(plain.compare(0, 4, "HQB1") == 0 && plain.compare(4, 16, expected_ids) == 0);
            }
            // The same amount sealed by SealQuote opens to itself.
            const std::int64_t fen = static_cast<std::int64_t>(rest_size * 7919 + 1);
            const auto sealed_quote = houqin::SealQuote(project.seal.public_key, houqin::Money::FromFen(fen), kBid);
            HOUQIN_FUZZ_CHECK(sealed_quote.has_value());
            const auto opened = houqin::OpenQuote(key, sealed_quote->sealed, kBid);
            HOUQIN_FUZZ_CHECK(opened.has_value() && opened->fen() == fen);
            break;
        }
        default: {
            const auto zero = text.find('\0');
            const std::string_view officer = text.substr(0, zero);
            const std::string_view witness = zero == std::string_view::npos ? "" : text.substr(zero + 1);
            (void)houqin::CheckSealSecret("officer_secret", officer);
            const auto opened = houqin::OpenSeal(project.seal, officer, witness);
            if (opened) HOUQIN_FUZZ_CHECK(officer == kOfficer && witness == kWitness);
            break;
        }
    }
    return 0;
}

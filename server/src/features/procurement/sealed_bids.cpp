#include "features/procurement/sealed_bids.h"

#include <fmt/format.h>
#include <sodium.h>

#include <cstring>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace houqin {
namespace {

// Format version and domain separation: each hash and key here is only ever used for one purpose.
constexpr std::string_view kQuoteMagic = "HQB1";
constexpr std::string_view kReceiptKey = "houqin/bid-receipt/v1";  // BLAKE2b key (16..64 bytes)
constexpr std::string_view kWrapDomain = "houqin/seal-wrap/v1";
constexpr std::string_view kLockDomain = "houqin/seal-lock/v1";
constexpr std::string_view kFingerprintKey = "houqin/seal-fingerprint/v1";
constexpr std::size_t kPlainSize = 4 + 3 * 8;  // magic, project id, vendor id, quote fen
constexpr std::size_t kSealedSize = kPlainSize + crypto_box_SEALBYTES;
constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kDerivedBytes = 64;  // key part || check part
constexpr std::size_t kLockedSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_box_SECRETKEYBYTES +
                                    crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kMaxSecretBytes = 256;
constexpr std::size_t kMinSecretCharacters = 12;
constexpr std::size_t kPassphraseCharacters = 20;
constexpr std::size_t kMinDistinctCharacters = 6;

using Bytes = std::vector<unsigned char>;

// Key material is wiped as soon as it goes out of scope.
class Secure {
  public:
    explicit Secure(std::size_t size) : bytes_(size) {}
    Secure(const Secure&) = delete;
    Secure& operator=(const Secure&) = delete;
    ~Secure() { sodium_memzero(bytes_.data(), bytes_.size()); }
    unsigned char* data() { return bytes_.data(); }
    [[nodiscard]] const unsigned char* data() const { return bytes_.data(); }
    [[nodiscard]] std::size_t size() const { return bytes_.size(); }

  private:
    Bytes bytes_;
};

void EnsureSodium() {
    // Idempotent and thread-safe; main() calls it too, this keeps the library usable on its own (tests).
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

const unsigned char* AsBytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

std::string Hex(const unsigned char* data, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), data, size);
    hex.pop_back();
    return hex;
}

std::string Base64(const unsigned char* data, std::size_t size) {
    std::string text(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    text.pop_back();  // the terminating NUL
    return text;
}

// Exactly `size` bytes from hex, or nothing.
std::optional<Bytes> FromHex(std::string_view hex, std::size_t size) {
    if (hex.size() != size * 2) return std::nullopt;
    Bytes out(size);
    std::size_t length = 0;
    if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
        length != size) {
        return std::nullopt;
    }
    return out;
}

std::optional<Bytes> FromBase64(std::string_view text, std::size_t size) {
    Bytes out(size + 3);  // room to notice a longer input
    std::size_t length = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length != size) {
        return std::nullopt;
    }
    out.resize(size);
    return out;
}

void PutBigEndian(unsigned char* out, std::int64_t value) {
    auto bits = static_cast<std::uint64_t>(value);
    for (int i = 7; i >= 0; --i) {
        out[i] = static_cast<unsigned char>(bits & 0xFFU);
        bits >>= 8U;
    }
}

std::int64_t GetBigEndian(const unsigned char* in) {
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits = (bits << 8U) | in[i];
    return static_cast<std::int64_t>(bits);
}

Error Damaged(std::string detail) {
    Error error = Error::Precondition({"项目的密封数据已损坏或被改动,无法开标",
                                       "the project's seal is damaged or was altered; the quotes cannot be opened"});
    error.detail = std::move(detail);
    return error;
}

Error Refused(Text message, std::string detail) {
    Error error = Error::Precondition(std::move(message));
    error.detail = std::move(detail);
    return error;
}

bool LimitsInRange(SealKdfLimits limits) {
    // Bounded above too: a seal altered to demand absurd memory must not take the server down at the opening.
    return limits.opslimit >= crypto_pwhash_OPSLIMIT_MIN && limits.opslimit <= crypto_pwhash_OPSLIMIT_SENSITIVE &&
           limits.memlimit >= crypto_pwhash_MEMLIMIT_MIN && limits.memlimit <= crypto_pwhash_MEMLIMIT_SENSITIVE;
}

// argon2id(secret, salt) -> 64 bytes: the first half goes into the wrapping key, the second is the stored check.
bool Derive(std::string_view secret, const Bytes& salt, SealKdfLimits limits, Secure& out) {
    return crypto_pwhash(out.data(), out.size(), secret.data(), secret.size(), salt.data(), limits.opslimit,
                         static_cast<std::size_t>(limits.memlimit), crypto_pwhash_ALG_ARGON2ID13) == 0;
}

// BLAKE2b(domain || project id || officer part || witness part): both secrets are needed for every bit of it.
void WrappingKey(std::int64_t project_id, const Secure& officer, const Secure& witness, Secure& out) {
    unsigned char id[8];
    PutBigEndian(id, project_id);
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, out.size());
    crypto_generichash_update(&state, AsBytes(kWrapDomain), kWrapDomain.size());
    crypto_generichash_update(&state, id, sizeof id);
    crypto_generichash_update(&state, officer.data(), kKeyBytes);
    crypto_generichash_update(&state, witness.data(), kKeyBytes);
    crypto_generichash_final(&state, out.data(), out.size());
    sodium_memzero(&state, sizeof state);
}

// The locked key is bound to its project and public key: moved to another project or paired with another public
// key, it no longer opens.
Bytes LockAssociatedData(std::int64_t project_id, const unsigned char* public_key) {
    // Sized once and filled in place: growing the vector by insert trips a false -Warray-bounds in GCC 12 at -O2.
    Bytes data(kLockDomain.size() + 8 + crypto_box_PUBLICKEYBYTES);
    std::memcpy(data.data(), kLockDomain.data(), kLockDomain.size());
    PutBigEndian(data.data() + kLockDomain.size(), project_id);
    std::memcpy(data.data() + kLockDomain.size() + 8, public_key, crypto_box_PUBLICKEYBYTES);
    return data;
}

std::size_t Utf8Characters(std::string_view text, std::set<std::string>& distinct, int& kinds_mask) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        if (lead >= 0xF0) {
            length = 4;
        } else if (lead >= 0xE0) {
            length = 3;
        } else if (lead >= 0xC0) {
            length = 2;
        }
        const std::string character(text.substr(i, length));
        distinct.insert(character);
        if (lead >= 'a' && lead <= 'z') {
            kinds_mask |= 1;
        } else if (lead >= 'A' && lead <= 'Z') {
            kinds_mask |= 2;
        } else if (lead >= '0' && lead <= '9') {
            kinds_mask |= 4;
        } else {
            kinds_mask |= 8;  // punctuation, spaces, Chinese and every other script
        }
        ++count;
        i += length;
    }
    return count;
}

int PopCount(int mask) {
    int count = 0;
    for (; mask != 0; mask &= mask - 1) ++count;
    return count;
}

Text SecretName(std::string_view field) {
    if (field == "officer_secret") return {"开标人口令", "the opening officer's secret"};
    if (field == "witness_secret") return {"纪检监督人口令", "the discipline-inspection witness's secret"};
    return {"口令", "the secret"};
}

}  // namespace

SealKdfLimits DefaultSealLimits() { return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE}; }
SealKdfLimits MinimalSealLimitsForTests() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

Status CheckSealSecret(std::string_view field, std::string_view secret) {
    const Text name = SecretName(field);
    if (secret.size() > kMaxSecretBytes) {
        return Error::Invalid(std::string(field),
                              {fmt::format("{}过长(最多 {} 字节)", name.zh, kMaxSecretBytes),
                               fmt::format("{} is too long (at most {} bytes)", name.en, kMaxSecretBytes)});
    }
    std::set<std::string> distinct;
    int kinds = 0;
    const std::size_t characters = Utf8Characters(secret, distinct, kinds);
    const bool long_enough = characters >= kMinSecretCharacters && distinct.size() >= kMinDistinctCharacters;
    const bool varied = PopCount(kinds) >= 3 || characters >= kPassphraseCharacters;
    if (!long_enough || !varied) {
        return Error::Invalid(
            std::string(field),
            {fmt::format(
                 "{}强度不足:至少 {} 个字符(其中至少 {} 个不同),并包含小写字母、大写字母、数字、其他字符中的三类,"
                 "或使用至少 {} 个字符的短语",
                 name.zh, kMinSecretCharacters, kMinDistinctCharacters, kPassphraseCharacters),
             fmt::format("{} is too weak: use at least {} characters ({} different), with three of lower case, upper "
                         "case, digits and other characters, or a phrase of at least {} characters",
                         name.en, kMinSecretCharacters, kMinDistinctCharacters, kPassphraseCharacters)});
    }
    return Ok();
}

Result<ProjectSeal> CreateProjectSeal(std::int64_t project_id, std::string_view officer_secret,
                                      std::string_view witness_secret, SealKdfLimits limits) {
    EnsureSodium();
    Validation validation;
    const std::pair<std::string_view, std::string_view> secrets[] = {{"officer_secret", officer_secret},
                                                                     {"witness_secret", witness_secret}};
    for (const auto& [field, secret] : secrets) {
        if (auto status = CheckSealSecret(field, secret); !status) {
            for (const auto& error : status.error().fields) validation.Fail(error.field, error.message);
        }
    }
    if (officer_secret == witness_secret) {
        validation.Fail("witness_secret", {"纪检监督人口令不能与开标人口令相同",
                                           "the witness's secret must differ from the opening officer's"});
    }
    if (!LimitsInRange(limits)) {
        validation.Fail("limits", {"密钥派生参数超出范围", "the key-derivation limits are out of range"});
    }
    if (!validation.ok()) return validation.ToError();

    ProjectSeal seal;
    seal.project_id = project_id;
    seal.limits = limits;
    unsigned char public_key[crypto_box_PUBLICKEYBYTES];
    Secure private_key(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(public_key, private_key.data());

    Bytes officer_salt(crypto_pwhash_SALTBYTES);
    Bytes witness_salt(crypto_pwhash_SALTBYTES);
    randombytes_buf(officer_salt.data(), officer_salt.size());
    randombytes_buf(witness_salt.data(), witness_salt.size());
    Secure officer(kDerivedBytes);
    Secure witness(kDerivedBytes);
    if (!Derive(officer_secret, officer_salt, limits, officer) ||
        !Derive(witness_secret, witness_salt, limits, witness)) {
        throw std::runtime_error("argon2id failed (out of memory?)");
    }
    Secure wrapping(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    WrappingKey(project_id, officer, witness, wrapping);

    Bytes locked(kLockedSize);
    randombytes_buf(locked.data(), crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const Bytes associated = LockAssociatedData(project_id, public_key);
    unsigned long long cipher_length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        locked.data() + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &cipher_length, private_key.data(),
        private_key.size(), associated.data(), associated.size(), nullptr, locked.data(), wrapping.data());

    seal.public_key = Hex(public_key, sizeof public_key);
    seal.locked_private_key = Base64(locked.data(), locked.size());
    seal.officer_salt = Hex(officer_salt.data(), officer_salt.size());
    seal.witness_salt = Hex(witness_salt.data(), witness_salt.size());
    seal.officer_check = Hex(officer.data() + kKeyBytes, kKeyBytes);
    seal.witness_check = Hex(witness.data() + kKeyBytes, kKeyBytes);
    return seal;
}

std::string PublicKeyFingerprint(std::string_view public_key_hex) {
    EnsureSodium();
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, AsBytes(public_key_hex), public_key_hex.size(), AsBytes(kFingerprintKey),
                       kFingerprintKey.size());
    const std::string hex = Hex(digest, sizeof digest);
    std::string grouped;
    for (std::size_t i = 0; i < hex.size(); i += 4) {
        if (!grouped.empty()) grouped += ' ';
        grouped += hex.substr(i, 4);
    }
    return grouped;
}

namespace {

std::string Commitment(const unsigned char* sealed, std::size_t size) {
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, sealed, size, AsBytes(kReceiptKey), kReceiptKey.size());
    return Hex(digest, sizeof digest);
}

}  // namespace

Result<SealedQuote> SealQuote(std::string_view public_key_hex, Money quote, BidContext context) {
    EnsureSodium();
    if (quote.fen() <= 0) {
        return Error::Invalid("quote", {"报价必须大于零", "the quote must be above zero"});
    }
    const auto public_key = FromHex(public_key_hex, crypto_box_PUBLICKEYBYTES);
    if (!public_key) return Damaged("public key is not 32 bytes of hex");

    // Fixed length, so the size of the sealed bytes says nothing about the amount.
    Secure plain(kPlainSize);
    std::memcpy(plain.data(), kQuoteMagic.data(), kQuoteMagic.size());
    PutBigEndian(plain.data() + 4, context.project_id);
    PutBigEndian(plain.data() + 12, context.vendor_id);
    PutBigEndian(plain.data() + 20, quote.fen());
    Bytes sealed(kSealedSize);
    if (crypto_box_seal(sealed.data(), plain.data(), plain.size(), public_key->data()) != 0) {
        return Damaged("crypto_box_seal refused the public key");
    }
    return SealedQuote{Base64(sealed.data(), sealed.size()), Commitment(sealed.data(), sealed.size())};
}

Result<std::string> CommitmentOf(std::string_view sealed_base64) {
    EnsureSodium();
    const auto sealed = FromBase64(sealed_base64, kSealedSize);
    if (!sealed) {
        return Refused({"密封报价格式不正确", "the sealed quote is malformed"}, "sealed quote: bad base64 or length");
    }
    return Commitment(sealed->data(), sealed->size());
}

OpeningKey::OpeningKey(OpeningKey&& other) noexcept
    : project_id_(other.project_id_), public_key_(other.public_key_), private_key_(other.private_key_) {
    other.Wipe();
}

OpeningKey& OpeningKey::operator=(OpeningKey&& other) noexcept {
    if (this != &other) {
        project_id_ = other.project_id_;
        public_key_ = other.public_key_;
        private_key_ = other.private_key_;
        other.Wipe();
    }
    return *this;
}

OpeningKey::~OpeningKey() { Wipe(); }

void OpeningKey::Wipe() { sodium_memzero(private_key_.data(), private_key_.size()); }

Result<OpeningKey> OpenSeal(const ProjectSeal& seal, std::string_view officer_secret, std::string_view witness_secret) {
    EnsureSodium();
    const auto public_key = FromHex(seal.public_key, crypto_box_PUBLICKEYBYTES);
    const auto officer_salt = FromHex(seal.officer_salt, crypto_pwhash_SALTBYTES);
    const auto witness_salt = FromHex(seal.witness_salt, crypto_pwhash_SALTBYTES);
    const auto officer_check = FromHex(seal.officer_check, kKeyBytes);
    const auto witness_check = FromHex(seal.witness_check, kKeyBytes);
    const auto locked = FromBase64(seal.locked_private_key, kLockedSize);
    if (!public_key || !officer_salt || !witness_salt || !officer_check || !witness_check || !locked) {
        return Damaged("a part of the seal has the wrong length or encoding");
    }
    if (!LimitsInRange(seal.limits)) return Damaged("key-derivation limits out of range");

    // Both secrets are always derived, so an answer names every wrong one and costs the same either way.
    Secure officer(kDerivedBytes);
    Secure witness(kDerivedBytes);
    if (!Derive(officer_secret, *officer_salt, seal.limits, officer) ||
        !Derive(witness_secret, *witness_salt, seal.limits, witness)) {
        throw std::runtime_error("argon2id failed (out of memory?)");
    }
    Validation validation;
    if (sodium_memcmp(officer.data() + kKeyBytes, officer_check->data(), kKeyBytes) != 0) {
        validation.Fail("officer_secret", {"开标人口令不正确", "the opening officer's secret is wrong"});
    }
    if (sodium_memcmp(witness.data() + kKeyBytes, witness_check->data(), kKeyBytes) != 0) {
        validation.Fail("witness_secret",
                        {"纪检监督人口令不正确", "the discipline-inspection witness's secret is wrong"});
    }
    if (!validation.ok()) return validation.ToError();

    Secure wrapping(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    WrappingKey(seal.project_id, officer, witness, wrapping);
    const Bytes associated = LockAssociatedData(seal.project_id, public_key->data());
    OpeningKey key;
    key.project_id_ = seal.project_id;
    unsigned long long plain_length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(key.private_key_.data(), &plain_length, nullptr,
                                                   locked->data() + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                                   locked->size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                                   associated.data(), associated.size(), locked->data(),
                                                   wrapping.data()) != 0 ||
        plain_length != crypto_box_SECRETKEYBYTES) {
        return Damaged("the locked private key does not open with correct secrets");
    }
    // The public key bidders sealed to must be the one of this private key.
    if (crypto_scalarmult_base(key.public_key_.data(), key.private_key_.data()) != 0 ||
        sodium_memcmp(key.public_key_.data(), public_key->data(), crypto_box_PUBLICKEYBYTES) != 0) {
        return Damaged("the stored public key is not the private key's");
    }
    return key;
}

Result<Money> OpenQuote(const OpeningKey& key, std::string_view sealed_base64, BidContext expected) {
    EnsureSodium();
    const auto sealed = FromBase64(sealed_base64, kSealedSize);
    if (!sealed) {
        return Refused({"密封报价格式不正确", "the sealed quote is malformed"}, "sealed quote: bad base64 or length");
    }
    Secure plain(kPlainSize);
    if (crypto_box_seal_open(plain.data(), sealed->data(), sealed->size(), key.public_key_.data(),
                             key.private_key_.data()) != 0) {
        return Refused({"密封报价不是用本项目的公钥密封的,或已被改动",
                        "the quote was not sealed to this project's key, or was altered"},
                       "crypto_box_seal_open failed");
    }
    if (std::memcmp(plain.data(), kQuoteMagic.data(), kQuoteMagic.size()) != 0) {
        return Refused({"密封报价格式版本未知", "the sealed quote has an unknown format"}, "bad magic");
    }
    const std::int64_t project_id = GetBigEndian(plain.data() + 4);
    const std::int64_t vendor_id = GetBigEndian(plain.data() + 12);
    if (project_id != expected.project_id || project_id != key.project_id()) {
        return Refused({"该报价属于另一个项目", "the quote was sealed for another project"},
                       fmt::format("sealed for project {}, expected {}", project_id, expected.project_id));
    }
    if (vendor_id != expected.vendor_id) {
        return Refused({"该报价属于另一家供应商", "the quote is bound to another vendor"},
                       fmt::format("sealed for vendor {}, expected {}", vendor_id, expected.vendor_id));
    }
    return Money::FromFen(GetBigEndian(plain.data() + 20));
}

}  // namespace houqin

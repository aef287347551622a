#pragma once
// PRJ-7, D4 §5: sealed one-time bids that no one can read before the opening, by construction rather than by
// permission checks (docs/procurement.md has the design, the byte formats and the limits).
//
//  - Each project bidding gets an X25519 key pair. Quotes are sealed to its public key (crypto_box_seal: anonymous
//    sender, ephemeral key), so submitting needs only the public key and the database never holds a readable quote.
//  - The private key is stored locked (XChaCha20-Poly1305) under a key derived from TWO secrets, the opening
//    officer's and the discipline-inspection witness's (argon2id each, then BLAKE2b over both), so neither alone, nor
//    an administrator reading the database, can open the quotes; both are entered at the opening.
//  - Each bidder gets a receipt: a BLAKE2b commitment to its sealed bytes. At the opening the commitment is recomputed
//    from the stored bytes and must equal the receipt, so a quote replaced after submission is detected.
//
// Pure over bytes: no database, no clock. Keys, salts and receipts are hex; sealed quotes and the locked key base64.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/result.h"

namespace houqin {

// Argon2id cost of turning one secret into key material; recorded in the seal so the opening uses the same.
struct SealKdfLimits {
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0;  // bytes
};
// The production cost: libsodium's MODERATE (3 passes, 256 MiB, under a second here). An opening is rare, and each
// guess at a secret by someone holding a copy of the database costs the same.
SealKdfLimits DefaultSealLimits();
// The smallest cost libsodium accepts; for unit tests only (the format is identical).
SealKdfLimits MinimalSealLimitsForTests();

// Minimum strength of each secret (see docs/procurement.md "Secrets"): at least 12 characters with at least 6
// different ones, and either three kinds of characters (lower case, upper case, digits, others such as punctuation
// or Chinese) or at least 20 characters (a passphrase); at most 256 bytes. `field` names the secret in the error.
Status CheckSealSecret(std::string_view field, std::string_view secret);

struct ProjectSeal {
    std::int64_t project_id = 0;
    std::string public_key;          // hex, 32 bytes
    std::string locked_private_key;  // base64 of nonce (24) || XChaCha20-Poly1305(private key) (48)
    std::string officer_salt;        // hex, 16 bytes
    std::string witness_salt;        // hex, 16 bytes
    // hex, 32 bytes each: the second half of each secret's argon2id output, so a wrong secret is named at the
    // opening. It lets a database reader test guesses of each secret separately; the secret holders can already do
    // that against the locked key once they know their own, so each secret must resist guessing on its own anyway.
    std::string officer_check;
    std::string witness_check;
    SealKdfLimits limits;
};

// Refuses weak secrets (CheckSealSecret) and equal ones (one person would then hold both), each field named.
Result<ProjectSeal> CreateProjectSeal(std::int64_t project_id, std::string_view officer_secret,
                                      std::string_view witness_secret, SealKdfLimits limits = DefaultSealLimits());

// A short fingerprint of a public key ("3f2a 9c1e …", 16 bytes of BLAKE2b in groups of 4 hex digits), written into
// the bidding notice and the witness's paper record, so a public key swapped in the database is noticed.
std::string PublicKeyFingerprint(std::string_view public_key_hex);

// The quote is bound to its project and vendor: a sealed quote moved to another vendor's bid, or to another
// project, does not open as valid.
struct BidContext {
    std::int64_t project_id = 0;
    std::int64_t vendor_id = 0;
};

struct SealedQuote {
    std::string sealed;   // base64; fixed length whatever the amount
    std::string receipt;  // hex, 32 bytes: the commitment handed to the bidder
};

// Refuses a quote not above zero (InvalidArgument on "quote") and a malformed public key.
Result<SealedQuote> SealQuote(std::string_view public_key_hex, Money quote, BidContext context);

// The commitment to sealed bytes, recomputed at the opening and compared with the bidder's receipt.
Result<std::string> CommitmentOf(std::string_view sealed_base64);

// The unlocked private key of one project, zeroed when destroyed; it only ever exists during an opening.
class OpeningKey {
  public:
    OpeningKey(const OpeningKey&) = delete;
    OpeningKey& operator=(const OpeningKey&) = delete;
    OpeningKey(OpeningKey&& other) noexcept;
    OpeningKey& operator=(OpeningKey&& other) noexcept;
    ~OpeningKey();

    [[nodiscard]] std::int64_t project_id() const { return project_id_; }

  private:
    friend Result<OpeningKey> OpenSeal(const ProjectSeal&, std::string_view, std::string_view);
    friend Result<Money> OpenQuote(const OpeningKey&, std::string_view, BidContext);
    OpeningKey() = default;
    void Wipe();

    std::int64_t project_id_ = 0;
    std::array<unsigned char, 32> public_key_{};
    std::array<unsigned char, 32> private_key_{};
};

// Both secrets unlock the key. A wrong secret is named (InvalidArgument on "officer_secret" and/or
// "witness_secret"); a seal whose stored parts were altered is FailedPrecondition.
Result<OpeningKey> OpenSeal(const ProjectSeal& seal, std::string_view officer_secret, std::string_view witness_secret);

// Opens one sealed quote of the key's project and checks it was sealed for `expected` (project and vendor);
// FailedPrecondition with the reason otherwise.
Result<Money> OpenQuote(const OpeningKey& key, std::string_view sealed_base64, BidContext expected);

}  // namespace houqin

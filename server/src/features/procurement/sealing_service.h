#pragma once
// PRJ-7 (D1 Art.4, docs/procurement.md): the discipline-inspection witness consents from their own session to each
// witnessed step, and the office opens the bidding by creating the project's seal under two secrets (the officer's
// and the witness's), with the deadline and the opening time announced.
#include <cstdint>
#include <optional>
#include <string>

#include "core/access.h"
#include "core/result.h"
#include "features/procurement/project_view.h"
#include "features/procurement/sealed_bids.h"
#include "platform/service/context.h"

namespace houqin {

struct BiddingInput {
    std::optional<Instant> bid_deadline;
    std::optional<Instant> opening_at;
    SealSecrets secrets;
};

class SealingService {
  public:
    explicit SealingService(ServiceContext& context) : context_(context) {}

    // The argon2id cost of new seals (default: libsodium's MODERATE). The demo data, whose secrets are printed in
    // README.md, uses the minimum: a cost protects nothing when the secret is public.
    void SetSealLimits(SealKdfLimits limits) { seal_limits_ = limits; }

    // A discipline-inspection user, from their own session, consents to witness the project's next step.
    Result<WitnessConsent> GiveWitnessConsent(const Actor& actor, std::int64_t id, const std::string& purpose);
    Result<ProjectView> OpenBidding(const Actor& actor, std::int64_t id, const BiddingInput& input);

  private:
    ServiceContext& context_;
    SealKdfLimits seal_limits_ = DefaultSealLimits();
};

}  // namespace houqin

#pragma once
// PRJ-5, PRJ-7: vendors register against the category's selection criteria and submit one sealed annual quote each
// until the deadline; nobody reads a quote before the opening (opening_service.h).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/access.h"
#include "core/money.h"
#include "core/result.h"
#include "features/procurement/model.h"
#include "platform/service/context.h"

namespace houqin {

struct BidView {
    Bid bid;
    bool opened = false;  // the quote and validity may be shown
};

class BiddingService {
  public:
    explicit BiddingService(ServiceContext& context) : context_(context) {}

    Result<std::vector<ProjectRegistration>> Registrations(const Actor& actor, std::int64_t id);
    // 201 for a new registration, 200 for a re-check: the bool says whether it is new.
    Result<std::pair<ProjectRegistration, bool>> Register(const Actor& actor, std::int64_t id,
                                                          std::optional<std::int64_t> vendor_id);
    Result<std::vector<BidView>> Bids(const Actor& actor, std::int64_t id);
    // The bid and the seal's public-key fingerprint (the vendor's receipt names it).
    Result<std::pair<Bid, std::string>> SubmitBid(const Actor& actor, std::int64_t id, std::optional<Money> quote);

  private:
    ServiceContext& context_;
};

}  // namespace houqin

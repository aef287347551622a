#pragma once
// What the procurement services share (PRJ-1 … PRJ-8): a project as its caller may see it, the seal's two secrets and
// the witness's consents. Each service has its own header (rules_service.h, project_service.h, sealing_service.h,
// bidding_service.h, opening_service.h); service.h holds them together for the wiring.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/procurement/model.h"
#include "features/procurement/store.h"
#include "features/vendors/model.h"
#include "platform/workflow/workflow_store.h"

namespace houqin {

// The two secrets of the seal (its creation and the opening). The witness's identity is not typed here: it comes from
// the witness's consent, given in their own session (SealingService::GiveWitnessConsent), never from a password typed
// on the office's screen.
struct SealSecrets {
    std::string officer_secret;
    std::string witness_secret;
};

// PRJ-7: what a witness consents to: the seal's creation ("open_bidding") or the opening ("opening").
inline constexpr const char* kConsentOpenBidding = "open_bidding";
inline constexpr const char* kConsentOpening = "opening";

struct ProjectCounts {
    std::int64_t registrations = 0;
    std::int64_t qualified = 0;
    std::int64_t bids = 0;
};

struct ProjectView {
    Project record;
    std::vector<AttachmentInfo> plans;
    std::string route_preview_json;  // until approval: the route the current rules would give
    std::optional<Text> route_preview_error;
    bool show_ceiling = true;
    std::optional<SealRecord> seal;
    bool accepting = false;  // bids accepted now
    ProjectCounts counts;
    std::optional<ProjectRegistration> my_registration;  // vendor users
    std::optional<Bid> my_bid;                           // vendor users
    // The witness's consent to the project's next witnessed step, while unused and fresh (not for vendors).
    std::optional<WitnessConsent> witness_consent;
    // While the bidding may be opened: procurement.min_bidding_days in force, for the form to state it.
    std::optional<std::int64_t> min_bidding_days;
    std::vector<std::string> allowed_actions;
    std::vector<WorkflowEvent> history;  // filled for one project
};

}  // namespace houqin

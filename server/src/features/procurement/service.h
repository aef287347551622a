#pragma once
// Projects and procurement (PRJ-1 … PRJ-8, D1 Art.3-4, D4 §2 and §5, D5.1-5.2): a project is approved before any
// purchase step; the year's catalogue and threshold route it to government procurement or to the office's own
// sealed bidding; vendors register against the category's criteria and submit one sealed quote each under the
// ceiling set by leadership; the quotes are opened with the discipline-inspection witness and the winner's quote
// becomes a contract draft. Every write is one transaction with its audit entry; design in docs/procurement.md.
//
// One service per purpose, each in its own header; this one holds them together for the wiring (app/services.h, the
// routes, the demo data). What they share lives in service_internal.h.
#include "features/contracts/service.h"
#include "features/procurement/bidding_service.h"
#include "features/procurement/opening_service.h"
#include "features/procurement/project_service.h"
#include "features/procurement/project_view.h"
#include "features/procurement/rules_service.h"
#include "features/procurement/sealing_service.h"
#include "platform/service/context.h"

namespace houqin {

struct ProcurementServices {
    ProcurementServices(ServiceContext& context, ContractService& contracts)
        : rules(context), projects(context), sealing(context), bidding(context), opening(context, contracts) {}

    ProcurementRulesService rules;  // PRJ-3: the year's catalogue and threshold
    ProjectService projects;        // PRJ-1, PRJ-2, PRJ-6: the lifecycle, the route, the ceiling, the trail
    SealingService sealing;         // PRJ-7: the witness's consent and the seal
    BiddingService bidding;         // PRJ-5, PRJ-7: registrations and sealed bids
    OpeningService opening;         // PRJ-7, PRJ-8: the opening and the award
};

}  // namespace houqin

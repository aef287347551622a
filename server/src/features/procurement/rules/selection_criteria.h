#pragma once
// PRJ-5, D5.2 (遴选标准), D4 §2: a vendor is checked against its category's selection criteria before it may bid on
// a project: every required qualification type held and valid on the bid date, at least the minimum staff, and the
// management and training systems (完善的人员培训和管理制度) when required. Pure: the caller loads the category's
// criteria (domain/catalogue.h) and the vendor with its qualifications; every failed criterion is named, so the
// vendor learns all it must fix at once.
#include <string>
#include <vector>

#include "core/result.h"
#include "core/rule_parameter.h"
#include "core/time.h"
#include "features/catalogue/model.h"
#include "features/vendors/model.h"

namespace houqin {

struct CriterionFailure {
    // qualification_missing, qualification_expired, qualification_not_yet_valid, qualification_unverified,
    // qualification_rejected, staff_below_minimum,
    // no_management_system, no_training_system, vendor_suspended
    std::string code;
    std::string criterion;  // "qualification:<type>", "min_staff_count", "management_system", "training_system",
                            // "vendor_status"
    Text text;
};

struct CriteriaVerdict {
    bool qualified = false;
    std::vector<CriterionFailure> failures;  // in the order of the criteria; empty when qualified
    std::vector<PolicyParameter> values;     // bid date, required and actual staff, required qualification types
};

// A qualification counts when the office has verified it (PRJ-4) and valid_from <= bid_date <= valid_until (valid
// through its last day, as in PRJ-4).
// Type names are compared after trimming spaces; a required type listed twice is checked once.
CriteriaVerdict CheckSelectionCriteria(const SelectionCriteria& criteria, const Vendor& vendor, Date bid_date);

}  // namespace houqin

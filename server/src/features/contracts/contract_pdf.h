#pragma once
// CON-5: the contract document as PDF, generated from the contract's data, for review and printing.
// cairo + pango with the Noto CJK fonts render Chinese correctly (libharu does not).
#include <optional>
#include <string>

#include "features/contracts/model.h"

namespace houqin::reports {

struct ContractDocument {
    std::string code;
    std::string status;       // shown in the header, e.g. "审查中 · 第 2 版" (ContractVersionStatusName)
    std::string rules_title;  // the organisation's rules the text cites (RulesTitleOfVersion)
    std::string category_name;
    std::string department_name;
    ContractContent content;
    // Filled once signed: printed in the signature blocks.
    std::optional<Date> signed_on;
    std::string party_a_signatory;
    std::string party_b_signatory;
};

std::string WriteContractPdf(const ContractDocument& document);

}  // namespace houqin::reports

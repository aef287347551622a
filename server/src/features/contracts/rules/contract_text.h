#pragma once
// The words a contract document prints beyond its content: the rules it is concluded under (CON-1) and the status of
// the version printed (CON-3).
#include <string>
#include <string_view>

#include "core/result.h"
#include "features/contracts/model.h"

namespace houqin {

// The opening sentence citing the organisation's rules (setting organisation.rules_title, printed inside 《》).
std::string ContractBasisSentence(std::string_view rules_title);

// The rules' title a version's document cites: a draft follows the setting in force (`current`); a version sent to
// review keeps the title recorded then, so approving, signing or a later change of the setting never changes it.
// Versions recorded before the title was a setting carry none and cite the setting in force.
std::string RulesTitleOfVersion(std::string_view version_status, const ContractContent& content,
                                std::string_view current);

// The status of the version a document prints, in words: the version in force reads as the contract does (履行中,
// 已到期 ...), a version replaced by an amendment as such, any other by its review state (草稿, 审查中, 已退回,
// 审查通过).
Text ContractVersionStatusName(std::string_view version_status, ContractStatus contract_status);

}  // namespace houqin

#include "features/contracts/rules/contract_text.h"

#include <fmt/format.h>

namespace houqin {

std::string ContractBasisSentence(std::string_view rules_title) {
    return fmt::format("根据《{}》和批准的服务外包项目采购实施方案,甲乙双方经协商一致,订立本合同。", rules_title);
}

std::string RulesTitleOfVersion(std::string_view version_status, const ContractContent& content,
                                std::string_view current) {
    if (version_status == "draft" || content.rules_title.empty()) return std::string(current);
    return content.rules_title;
}

Text ContractVersionStatusName(std::string_view version_status, ContractStatus contract_status) {
    if (version_status == "signed") return ContractStatusName(contract_status);
    if (version_status == "superseded") return {"已被变更取代", "superseded by an amendment"};
    if (const auto status = ParseContractStatus(version_status)) return ContractStatusName(*status);
    return ContractStatusName(contract_status);
}

}  // namespace houqin

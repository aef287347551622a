#include "features/procurement/rules/award_draft.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text_rules.h"

namespace houqin {
namespace {

// At most the first `bytes` bytes of UTF-8 `text`: a character the cut would split is left out whole.
std::string CutOnCharacter(const std::string& text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

}  // namespace

ContractContent DraftContractOfAward(const AwardFacts& facts) {
    const auto& project = facts.project;
    const auto& vendor = facts.winner;
    ContractContent content;
    content.title = project.name;
    content.category_id = project.category_id;
    content.vendor_id = vendor.id;
    content.party_a.name = facts.owner_name;
    content.party_b = {vendor.name,           vendor.legal_representative, vendor.contact_phone,
                       vendor.address,        vendor.bank_account_name,    vendor.bank_name,
                       vendor.bank_account_no};
    if (!content.party_b.phone.empty() && !IsPhone(content.party_b.phone)) content.party_b.phone.clear();
    content.term_start = project.service_start;
    content.term_end = project.service_end;
    content.annual_amount = facts.annual_quote;
    content.total_amount = TermTotalOfAnnual(facts.annual_quote, project.service_start, project.service_end);
    content.service_items.push_back({facts.category.name_zh, CutOnCharacter(project.scope, kAwardScopeBytes),
                                     fmt::format("年报价 {} 元({})", facts.annual_quote.ToString(), project.code),
                                     content.total_amount});
    content.payment.method = "银行转账";
    content.payment.frequency = Frequency::kMonthly;
    content.payment.installments =
        GenerateSchedule(content.term_start, content.term_end, Frequency::kMonthly, content.total_amount);
    content.assessment.frequency = Frequency::kMonthly;
    content.assessment.pass_mark = 60;
    content.assessment.checklist = facts.category.checklist;
    if (content.assessment.checklist.empty()) content.assessment.checklist = {{"综合考核", 100}};
    content.assessment.bands = {{"优秀", 90}, {"良好", 75}, {"合格", 60}};
    content.responsible_department_id = project.department_id;
    content.responsible_person = project.responsible_person;
    content.responsible_phone = project.responsible_phone;
    return content;
}

}  // namespace houqin

#include "features/staff/served_service.h"

#include "features/contracts/store.h"
#include "features/staff/store.h"

namespace houqin {
namespace {

// Contracts read per page while looking for those serving the department (a town has a few dozen in all).
constexpr std::int64_t kContractsPerPage = 200;

Error ServedContractNotFound() {
    return Error::NotFound(
        {"合同不存在或不服务于本部门", "The contract does not exist or does not serve your department"});
}

// The department the contract's version in force names (ROLE-9); 0 when it names none.
std::int64_t ResponsibleDepartment(storage::Connection& connection, const ContractRecord& contract) {
    const int version = contract.active_version_no > 0 ? contract.active_version_no : contract.version_no;
    const auto found = storage::FindContractVersion(connection, contract.id, version);
    if (!found) return 0;
    return storage::ParseContractContent(found->content_json).responsible_department_id;
}

bool InForce(const ContractRecord& contract, Date today) {
    return contract.status == "active" && contract.term_start <= today && today <= contract.term_end;
}

}  // namespace

Result<std::vector<ServedContract>> ServedRosterService::Contracts(const Actor& actor) {
    if (auto status = actor.Require(Permission::kRosterReadServed); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    storage::ContractFilter filter;
    filter.scope = storage::VendorScope::Of(actor);
    filter.status = ContractStatus::kActive;
    filter.today = today;
    filter.page_size = kContractsPerPage;
    std::vector<ServedContract> served;
    // Page through every contract in force in the town: the department is read from each one's version in force.
    for (filter.page = 1;; ++filter.page) {
        const auto page = storage::ListContracts(*lease, filter);
        for (const auto& contract : page.items) {
            if (!InForce(contract, today) || ResponsibleDepartment(*lease, contract) != actor.org_id) continue;
            const auto people = storage::ListPeople(*lease, {contract.id, PersonStatus::kCurrent, today, "", 1, 1});
            served.push_back({contract.id, contract.code, contract.title, contract.vendor_name, contract.term_start,
                              contract.term_end, people.total});
        }
        if (filter.page * filter.page_size >= page.total) break;
    }
    return served;
}

Result<Page<PersonView>> ServedRosterService::Roster(const Actor& actor, std::int64_t contract_id,
                                                     const PersonQuery& query) {
    if (auto status = actor.Require(Permission::kRosterReadServed); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    const auto contract = storage::FindContract(*lease, contract_id, storage::VendorScope::Of(actor));
    if (!contract || !InForce(*contract, today) || ResponsibleDepartment(*lease, *contract) != actor.org_id) {
        return ServedContractNotFound();
    }
    auto page = storage::ListPeople(*lease, {contract_id, query.status, today, query.q, query.page, query.page_size});
    Page<PersonView> views;
    views.total = page.total;
    for (auto& person : page.items) {
        PersonView view;
        view.status = person.StatusOn(today);
        // Read-only (can_edit and can_reveal stay false, so no birth date either); a phone number only for someone
        // still working here, whom the department may need to reach.
        if (view.status == PersonStatus::kLeft) person.phone.clear();
        view.person = std::move(person);
        views.items.push_back(std::move(view));
    }
    return views;
}

}  // namespace houqin

#pragma once
// Routes: Contracts, their review, versions, ledger and document (CON-1 ... CON-8).
#include "features/accounts/account_service.h"
#include "features/catalogue/service.h"
#include "features/contracts/service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddContractRoutes(Router& router, AccountService& accounts, CatalogueService& catalogue,
                       ContractService& contracts);

}  // namespace houqin::http

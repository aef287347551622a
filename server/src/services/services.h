#pragma once
// All use cases, wired once in main and handed to the HTTP layer.
#include "services/account_service.h"
#include "services/assessment_service.h"
#include "services/audit_service.h"
#include "services/auth_service.h"
#include "services/catalogue_service.h"
#include "services/context.h"
#include "services/contract_service.h"
#include "services/oversight_service.h"
#include "services/policy_service.h"
#include "services/procurement_service.h"
#include "services/report_service.h"
#include "services/survey_service.h"
#include "services/vendor_service.h"

namespace houqin {

struct Services {
    explicit Services(storage::Database& database, Clock clock)
        : context{database, clock, {}},
          auth(context),
          accounts(context),
          catalogue(context),
          vendors(context),
          contracts(context),
          audit(context),
          policy(context, contracts),
          assessments(context, policy),
          surveys(context, policy),
          oversight(context, policy),
          reports(context),
          procurement(context, contracts) {}
    Services(const Services&) = delete;
    Services& operator=(const Services&) = delete;

    ServiceContext context;
    AuthService auth;
    AccountService accounts;
    CatalogueService catalogue;
    VendorService vendors;
    ContractService contracts;
    AuditService audit;
    PolicyService policy;
    AssessmentService assessments;
    SurveyService surveys;
    OversightService oversight;
    ReportService reports;
    ProcurementService procurement;
};

}  // namespace houqin

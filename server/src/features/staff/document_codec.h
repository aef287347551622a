#pragma once
// JSON in and out for STF-2: documents, social-insurance payments and the roster's flags.
#include "features/staff/document_service.h"
#include "platform/http/json_io.h"

namespace houqin::http {

Json DocumentRequirementJson(const RequirementView& requirement);
Json StaffDocumentJson(const StaffDocument& document);
Json InsurancePaymentJson(const InsurancePayment& payment);
Json PersonFlagsJson(const PersonFlags& flags);
Json RosterFlagsJson(const RosterFlags& flags);
Json PersonDocumentsJson(const PersonDocuments& documents);
DocumentInput DocumentInputFromJson(const Json& body, Validation& validation);
InsuranceInput InsuranceInputFromJson(const Json& body, Validation& validation);

}  // namespace houqin::http

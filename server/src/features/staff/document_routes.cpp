// People's documents (D3 §9) and monthly social-insurance payments (D3 §3) (STF-2).
#include "features/staff/document_routes.h"

#include "features/staff/document_codec.h"
#include "platform/http/mapping.h"

namespace houqin::http {

void AddStaffDocumentRoutes(Router& router, DocumentService& documents) {
    router
        .Add("GET", "/api/v1/staff-document-requirements", Access::kSession, "staff",
             "Which documents each role must hold, and whether an expired one stops the person counting (STF-2)",
             [&documents](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(requirements, documents.Requirements(context.actor()));
                 Json items = Json::array();
                 for (const auto& requirement : *requirements) items.push_back(DocumentRequirementJson(requirement));
                 return JsonResponse(200, Json{{"items", std::move(items)}});
             })
        .ReturnsItems("DocumentRequirement")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/contracts/{id}/staff/document-flags", Access::kSession, "staff",
             "Per person on the roster: required documents missing, expired or expiring, and social-insurance months "
             "without a payment, in words (STF-2)",
             [&documents](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(flags, documents.Flags(context.actor(), *id));
                 return JsonResponse(200, RosterFlagsJson(*flags));
             })
        .Returns("RosterFlags")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/staff/{id}/documents", Access::kSession, "staff",
             "A person's documents (each a stored scan with its checksum), the kinds their role requires, the "
             "social-insurance payments and the flags (STF-2, X-5)",
             [&documents](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(found, documents.OfPerson(context.actor(), *id));
                 return JsonResponse(200, PersonDocumentsJson(*found));
             })
        .Returns("PersonDocuments")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/staff/{id}/documents", Access::kSession, "staff",
             "Record a document of a person (the vendor; kind health_certificate|labour_contract|"
             "social_insurance_proof|education_proof, attachment_id of the uploaded scan (required), issued_on, "
             "expires_on (required for a health certificate), note) (STF-2, X-5)",
             [&documents](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = DocumentInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(document, documents.AddDocument(context.actor(), *id, input));
                 return JsonResponse(201, StaffDocumentJson(*document));
             })
        .Body("DocumentInput")
        .Creates("StaffDocument")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/staff/{id}/insurance", Access::kSession, "staff",
             "Record a month's social-insurance payment of a person (the vendor; month YYYY-MM from the start month "
             "to this month, amount as a decimal string > 0, attachment_id optional); a month recorded already is "
             "409 (STF-2)",
             [&documents](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = InsuranceInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(payment, documents.AddPayment(context.actor(), *id, input));
                 return JsonResponse(201, InsurancePaymentJson(*payment));
             })
        .Body("InsuranceInput")
        .Creates("InsurancePayment")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http

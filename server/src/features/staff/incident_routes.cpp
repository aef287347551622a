// STF-7 incidents (CC-7 for data leaks): thin handlers over IncidentService.
#include "features/staff/incident_routes.h"

#include "features/staff/incident_codec.h"
#include "platform/http/mapping.h"

namespace houqin::http {

void AddIncidentRoutes(Router& router, IncidentService& incidents) {
    router
        .Add("GET", "/api/v1/contracts/{id}/incidents", Access::kSession, "staff",
             "The contract's incidents, newest first, with people, attachments, status and steps (STF-7)",
             [&incidents](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(list, incidents.List(context.actor(), *id));
                 return JsonResponse(200, IncidentListJson(*list));
             })
        .Returns("IncidentList")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/incidents", Access::kSession, "staff",
             "Record an incident (type labour_dispute|injury_at_work|injury_off_work|damage_loss|rule_violation|"
             "data_leak, leak_channel usb_copy|print|email|other for a data leak, occurred_on, person_ids from the "
             "roster, description, responsible_party party_a|party_b|third_party|undetermined, compensation as a "
             "decimal string >= 0, attachment_ids) (STF-7, CC-7)",
             [&incidents](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = IncidentInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(incident, incidents.Record(context.actor(), *id, input));
                 return JsonResponse(201, IncidentJson(*incident));
             })
        .Body("IncidentInput")
        .Creates("Incident")
        .Requires({Permission::kIncidentWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/incidents/{id}", Access::kSession, "staff", "One incident with its steps (STF-7)",
             [&incidents](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(incident, incidents.Get(context.actor(), *id));
                 return JsonResponse(200, IncidentJson(*incident));
             })
        .Returns("Incident")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/incidents/{id}/close", Access::kSession, "staff",
             "Close an open incident (closed_on, note required); one-way: a closed incident is refused with the date "
             "it was closed (STF-7)",
             [&incidents](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = IncidentClosingFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(incident, incidents.Close(context.actor(), *id, input));
                 return JsonResponse(200, IncidentJson(*incident));
             })
        .Body("IncidentClosing")
        .Returns("Incident")
        .Requires({Permission::kIncidentWrite})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http

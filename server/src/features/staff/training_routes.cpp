// Training sessions (STF-8) and qualification tests (STF-3): thin handlers, parse, call the service, map.
#include "features/staff/training_routes.h"

#include "features/staff/training_codec.h"
#include "platform/http/mapping.h"

namespace houqin::http {

void AddTrainingRoutes(Router& router, TrainingService& training) {
    router
        .Add("GET", "/api/v1/contracts/{id}/training", Access::kSession, "staff",
             "A contract's training sessions and qualification tests, newest first, and per person on the roster the "
             "training hours and the latest test; pass_score is the pass mark a test recorded now is judged against "
             "(STF-3, STF-8)",
             [&training](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(result, training.Training(context.actor(), *id));
                 return JsonResponse(200, ContractTrainingJson(*result));
             })
        .Returns("ContractTraining")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/training/sessions", Access::kSession, "staff",
             "Record a training session (kind pre_job|managers|agents|new_business, trainer_party party_a|vendor, "
             "trainer_name, topic, hours as a decimal 0.5..80, trained_on not in the future, trainee_ids from the "
             "contract's roster; new_business also guidance_from and guidance_to, the week of on-site guidance) "
             "(STF-8)",
             [&training](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = TrainingSessionInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(session, training.RecordSession(context.actor(), *id, input));
                 return JsonResponse(201, TrainingSessionJson(*session));
             })
        .Body("TrainingSessionInput")
        .Creates("TrainingSession")
        .Requires({Permission::kTrainingWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/staff/{id}/qualification-tests", Access::kSession, "staff",
             "Record a person's qualification test (taken_on not in the future, subject, score 0..100); judged "
             "against the setting staff.qualification_pass_score, which the result keeps. A failed test opens a "
             "replacement request (STF-4) in the same transaction, or links the one already open (STF-3)",
             [&training](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = QualificationTestInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(test, training.RecordTest(context.actor(), *id, input));
                 return JsonResponse(201, QualificationTestJson(*test));
             })
        .Body("QualificationTestInput")
        .Creates("QualificationTest")
        .Requires({Permission::kTrainingWrite})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http

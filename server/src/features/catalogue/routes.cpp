// The service catalogue (CAT-1, CAT-2).

#include "features/catalogue/routes.h"

#include "features/catalogue/codec.h"
#include "platform/http/mapping.h"

namespace houqin::http {

void AddCatalogueRoutes(Router& router, CatalogueService& catalogue) {
    router
        .Add("GET", "/api/v1/categories", Access::kSession, "catalogue", "All categories, flat, parents first",
             [&catalogue](RequestContext& context) -> Result<HttpResponse> {
                 std::optional<bool> active;
                 if (auto text = context.request.Query("active"); text && !text->empty()) {
                     if (*text != "true" && *text != "false") {
                         return Error::Invalid("active", {"须为 true 或 false", "Must be true or false"});
                     }
                     active = *text == "true";
                 }
                 HOUQIN_TRY(categories, catalogue.List(context.actor(), active));
                 Json items = Json::array();
                 for (const auto& category : *categories) items.push_back(CategoryJson(category));
                 return JsonResponse(200, Json{{"items", items}});
             })
        .ReturnsItems("Category")
        .Requires({Permission::kCatalogueRead})
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/categories/{id}", Access::kSession, "catalogue", "One category",
             [&catalogue](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(category, catalogue.Get(context.actor(), *id));
                 return JsonResponse(200, CategoryJson(*category));
             })
        .Returns("Category")
        .Requires({Permission::kCatalogueRead})
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/categories", Access::kSession, "catalogue", "Create a category",
             [&catalogue](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 auto category = CategoryFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(created, catalogue.Create(&context.actor(), category));
                 return JsonResponse(201, CategoryJson(*created));
             })
        .Body("CategoryInput")
        .Creates("Category")
        .Requires({Permission::kCatalogueWrite})
        .Scope(RecordScope::kNone);
    router
        .Add("PUT", "/api/v1/categories/{id}", Access::kSession, "catalogue", "Replace a category",
             [&catalogue](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 auto category = CategoryFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(updated, catalogue.Update(context.actor(), *id, category));
                 return JsonResponse(200, CategoryJson(*updated));
             })
        .Body("CategoryInput")
        .Returns("Category")
        .Requires({Permission::kCatalogueWrite})
        .Scope(RecordScope::kNone);
    router
        .Add("DELETE", "/api/v1/categories/{id}", Access::kSession, "catalogue",
             "Delete a category without sub-categories or vendors",
             [&catalogue](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(done, catalogue.Delete(context.actor(), *id));
                 return HttpResponse::NoContent();
             })
        .ReturnsNothing()
        .Requires({Permission::kCatalogueWrite})
        .Scope(RecordScope::kNone);
}

}  // namespace houqin::http

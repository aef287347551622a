// Health, metrics and the OpenAPI document (platform/http/openapi.cpp), built from the route table itself.
#include "platform/http/mapping.h"
#include "platform/http/metrics.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddServiceRoutes(Router& router, storage::Database& database) {
    router
        .Add("GET", "/healthz", Access::kPublic, "service", "Liveness and database check",
             [&database](RequestContext&) -> Result<HttpResponse> {
                 try {
                     auto lease = database.Acquire();
                     lease->Query("SELECT 1", {});
                 } catch (const std::exception&) {
                     return JsonResponse(503, Json{{"status", "database unavailable"}});
                 }
                 return JsonResponse(200, Json{{"status", "ok"}});
             })
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/metrics", Access::kPublic, "service", "Prometheus metrics",
             [](RequestContext&) -> Result<HttpResponse> {
                 HttpResponse response;
                 response.content_type = "text/plain; version=0.0.4";
                 response.body = Metrics::Instance().Render();
                 return response;
             })
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/openapi.json", Access::kPublic, "service", "This document",
             [&router](RequestContext&) -> Result<HttpResponse> {
                 return HttpResponse::Json(200, OpenApiDocument(router));
             })
        .Returns("OpenApiDocument")
        .Scope(RecordScope::kNone);
}

}  // namespace houqin::http

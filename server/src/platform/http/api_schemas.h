#pragma once
// The API's schemas (issue 10): each feature's server/src/features/<feature>/api_schemas.json, an object of schema
// name -> OpenAPI 3.0 schema, embedded in the binary at build time (server/cmake/embed_api_schemas.cmake). The route
// table names them (Route::Returns, Route::Body) and the OpenAPI document publishes them as components.schemas.
#include <string>
#include <string_view>
#include <vector>

namespace houqin::http {

struct ApiSchemaFile {
    std::string_view path;  // features/vendors/api_schemas.json
    std::string_view text;  // the file's JSON
};

// Every feature's file, sorted by path. Defined in the generated file.
const std::vector<ApiSchemaFile>& ApiSchemaFiles();

class Router;

// What is wrong with the declared shapes: a schema file that is not JSON, a name defined twice, a route naming a
// schema no file defines, a $ref that resolves to nothing, a keyword outside the subset the tools understand
// (server/tests/api/schema.mjs, scripts/gen-api-types.mjs). Empty when all is well.
std::vector<std::string> ApiSchemaProblems(const Router& router,
                                           const std::vector<ApiSchemaFile>& files = ApiSchemaFiles());

}  // namespace houqin::http

#pragma once
// JSON in and out for the catalogue's categories (CAT-1, CAT-2).
#include "features/catalogue/model.h"
#include "platform/http/json_io.h"

namespace houqin::http {

Json CategoryJson(const Category& category);
Category CategoryFromJson(const Json& body, Validation& validation);

}  // namespace houqin::http

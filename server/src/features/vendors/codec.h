#pragma once
// JSON in and out for vendors, their qualifications and attachments (PRJ-4).
#include "features/vendors/service.h"
#include "platform/http/json_io.h"

namespace houqin::http {

Json AttachmentJson(const AttachmentInfo& info);
Json QualificationJson(const QualificationView& view);
Qualification QualificationFromJson(const Json& body, Validation& validation);
// kFull adds the qualifications.
Json VendorJson(const VendorView& view, JsonDetail detail);
Vendor VendorFromJson(const Json& body, Validation& validation);

}  // namespace houqin::http

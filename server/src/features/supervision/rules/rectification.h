#pragma once
// SUP-2 (D5.8): a rectification notice follows the one workflow (rules/workflow.h): the office raises it (open), the
// vendor reports completion with evidence (reported), the office verifies: accepts with an evaluation of the effect
// (closed) or rejects with a comment (open again).
#include "core/workflow.h"

namespace houqin {

const WorkflowDefinition& RectificationWorkflow();

}  // namespace houqin

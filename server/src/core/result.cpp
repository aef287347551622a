#include "core/result.h"

namespace houqin {

const char* ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument: return "InvalidArgument";
        case ErrorCode::kUnauthenticated: return "Unauthenticated";
        case ErrorCode::kPermissionDenied: return "PermissionDenied";
        case ErrorCode::kNotFound: return "NotFound";
        case ErrorCode::kAlreadyExists: return "AlreadyExists";
        case ErrorCode::kFailedPrecondition: return "FailedPrecondition";
        case ErrorCode::kResourceExhausted: return "ResourceExhausted";
        case ErrorCode::kPayloadTooLarge: return "PayloadTooLarge";
        case ErrorCode::kMethodNotAllowed: return "MethodNotAllowed";
        case ErrorCode::kInternal: return "Internal";
    }
    return "Internal";
}

Error Error::Invalid(std::string field, Text message) {
    Error error{ErrorCode::kInvalidArgument, {"请求数据有误", "The request has invalid fields"}, {}, {}};
    error.fields.push_back({std::move(field), std::move(message)});
    return error;
}

Error Error::NotFound(Text what) { return Error{ErrorCode::kNotFound, std::move(what), {}, {}}; }

Error Error::Forbidden() {
    return Error{ErrorCode::kPermissionDenied, {"您没有执行此操作的权限", "You are not allowed to do this"}, {}, {}};
}

Error Error::Unauthenticated() {
    return Error{ErrorCode::kUnauthenticated, {"请先登录", "Please log in first"}, {}, {}};
}

Error Error::Conflict(ErrorCode code, std::string field, Text message) {
    Error error{code, message, {}, {}};
    error.fields.push_back({std::move(field), std::move(message)});
    return error;
}

Error Error::Precondition(Text message) { return Error{ErrorCode::kFailedPrecondition, std::move(message), {}, {}}; }

Error Validation::ToError() const {
    Error error{ErrorCode::kInvalidArgument, {"请求数据有误", "The request has invalid fields"}, fields_, {}};
    return error;
}

}  // namespace houqin

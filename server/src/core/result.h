#pragma once
// Expected outcomes are values (STYLE.md "Errors"): Result<T> carries either a T or an Error whose user-facing
// message exists in zh-CN and English, with per-field reasons. Exceptions are kept for the unexpected.
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace houqin {

// Abseil's canonical codes, plus PayloadTooLarge and MethodNotAllowed, which HTTP needs as statuses of their own.
enum class ErrorCode {
    kInvalidArgument,
    kUnauthenticated,
    kPermissionDenied,
    kNotFound,
    kAlreadyExists,
    kFailedPrecondition,
    kResourceExhausted,
    kPayloadTooLarge,
    kMethodNotAllowed,
    kInternal,
};

const char* ErrorCodeName(ErrorCode code);

// A message shown to a person, in both interface languages.
struct Text {
    std::string zh;
    std::string en;
};

struct FieldError {
    std::string field;
    Text message;
};

struct Error {
    ErrorCode code = ErrorCode::kInternal;
    Text message;
    std::vector<FieldError> fields;
    std::string detail;  // for the log only, never sent to a client

    static Error Invalid(std::string field, Text message);
    static Error NotFound(Text what);
    static Error Forbidden();
    static Error Unauthenticated();
    static Error Conflict(ErrorCode code, std::string field, Text message);
    static Error Precondition(Text message);
};

// Collects field errors while a request is validated, so one answer names every bad field.
class Validation {
  public:
    void Fail(std::string field, Text message) { fields_.push_back({std::move(field), std::move(message)}); }
    [[nodiscard]] bool ok() const { return fields_.empty(); }
    [[nodiscard]] Error ToError() const;

  private:
    std::vector<FieldError> fields_;
};

template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool has_value() const { return state_.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const Error& error() const { return std::get<1>(state_); }

  private:
    std::variant<T, Error> state_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status Ok() { return Unit{}; }

// Binds `name` to the result of `expression`, or returns its error from the enclosing function.
// NOLINTBEGIN(bugprone-macro-parentheses): `name` declares the variable, which parentheses would not compile.
#define HOUQIN_TRY(name, expression) \
    auto name = (expression);        \
    if (!name) return name.error()
// NOLINTEND(bugprone-macro-parentheses)

}  // namespace houqin

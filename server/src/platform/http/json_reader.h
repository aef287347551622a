#pragma once
// Typed reading of JSON objects where every problem becomes a named field error (used by the HTTP mapping and by
// the codecs of stored JSON documents).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"

namespace houqin::codec {

using Json = nlohmann::json;

// Reads typed fields from a JSON object; every problem becomes a field error in `validation`.
class JsonReader {
  public:
    enum class Need { kRequired, kOptional };
    JsonReader(const Json& object, Validation& validation, std::string prefix = "")
        : object_(object), validation_(validation), prefix_(std::move(prefix)) {}

    std::string String(const std::string& key, Need need = Need::kRequired);
    std::optional<std::string> OptionalString(const std::string& key);
    std::int64_t Integer(const std::string& key, Need need = Need::kRequired, std::int64_t fallback = 0);
    std::optional<std::int64_t> OptionalInteger(const std::string& key);  // absent or null -> nullopt
    // A whole number that fits an int (counts, points, hours): a larger one is refused naming the key, never cut to
    // its low 32 bits (4294967376 would otherwise read as 80).
    int SmallInteger(const std::string& key, Need need = Need::kRequired, int fallback = 0);
    bool Boolean(const std::string& key, Need need = Need::kOptional, bool fallback = false);
    std::optional<bool> OptionalBoolean(const std::string& key);
    Money MoneyValue(const std::string& key, Need need = Need::kRequired);
    Date DateValue(const std::string& key, Need need = Need::kRequired);
    std::vector<std::int64_t> IntegerList(const std::string& key);
    std::vector<std::string> StringList(const std::string& key, const std::string& prefix = "");
    const Json* Object(const std::string& key);
    const Json* Array(const std::string& key);
    [[nodiscard]] bool Has(const std::string& key) const;

  private:
    void Missing(const std::string& key);
    void WrongType(const std::string& key, const Text& expected);
    [[nodiscard]] std::string Name(const std::string& key) const { return prefix_ + key; }
    const Json& object_;
    Validation& validation_;
    std::string prefix_;
};

}  // namespace houqin::codec

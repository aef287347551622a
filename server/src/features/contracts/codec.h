#pragma once
// Contract content as JSON: the API's shape and the stored form of each version are the same document, so a
// version read back from the database is exactly what the reviewers approved.
#include <nlohmann/json.hpp>

#include "features/contracts/model.h"

namespace houqin::codec {

nlohmann::json ContractContentJson(const ContractContent& content);
// Reads what is there; every missing or mistyped field becomes a named error (payment.installments[2].amount).
ContractContent ContractContentFromJson(const nlohmann::json& json, Validation& validation);

}  // namespace houqin::codec

#pragma once
// PRJ-3: the year's government procurement catalogue and threshold, kept with their history; the route of every
// project is decided at approval by the rules in force (project_service.h).
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/money.h"
#include "core/result.h"
#include "features/procurement/store.h"
#include "platform/service/context.h"

namespace houqin {

struct CatalogueEntryInput {
    std::string kind;
    std::string code;
    std::string name_zh;
    std::string name_en;
};

struct ProcurementRulesInput {
    std::optional<Money> threshold;
    std::string basis;
    std::vector<CatalogueEntryInput> catalogue;
    std::string reason;
};

struct ProcurementRulesView {
    ProcurementRulesRecord current;
    std::vector<ProcurementRulesRecord> history;  // filled for one year
};

class ProcurementRulesService {
  public:
    explicit ProcurementRulesService(ServiceContext& context) : context_(context) {}

    Result<std::vector<ProcurementRulesRecord>> ListRules(const Actor& actor);
    Result<ProcurementRulesView> GetRules(const Actor& actor, int year);
    Result<ProcurementRulesView> PutRules(const Actor& actor, int year, const ProcurementRulesInput& input);

  private:
    ServiceContext& context_;
};

}  // namespace houqin

#pragma once
// CON-8: what is due per period. Due = the installment - approved deductions of the period; rewards are listed
// separately (paid on their own, D1 Art.8(1)); balance = due - paid. Integer fen throughout.
#include <string>
#include <vector>

#include "features/contracts/model.h"

namespace houqin {

struct LedgerMovement {
    std::string period;
    Money amount;
};

struct PeriodStatement {
    std::string period;
    Date due_date;
    Money amount;  // the installment
    Money deductions;
    Money rewards;
    Money due;  // amount - deductions (never below zero: deductions beyond it carry no refund here)
    Money paid;
    Money balance;  // due - paid
};

struct LedgerStatement {
    std::vector<PeriodStatement> periods;
    PeriodStatement totals;  // period "total"
};

LedgerStatement ComputeLedger(const std::vector<Installment>& installments,
                              const std::vector<LedgerMovement>& deductions, const std::vector<LedgerMovement>& rewards,
                              const std::vector<LedgerMovement>& payments);

}  // namespace houqin

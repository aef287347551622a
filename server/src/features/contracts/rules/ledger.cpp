#include "features/contracts/rules/ledger.h"

namespace houqin {
namespace {

Money SumFor(const std::vector<LedgerMovement>& movements, const std::string& period) {
    Money sum;
    for (const auto& movement : movements) {
        if (movement.period == period) sum = sum + movement.amount;
    }
    return sum;
}

}  // namespace

LedgerStatement ComputeLedger(const std::vector<Installment>& installments,
                              const std::vector<LedgerMovement>& deductions, const std::vector<LedgerMovement>& rewards,
                              const std::vector<LedgerMovement>& payments) {
    LedgerStatement statement;
    statement.totals.period = "total";
    for (const auto& installment : installments) {
        PeriodStatement period;
        period.period = installment.period;
        period.due_date = installment.due_date;
        period.amount = installment.amount;
        period.deductions = SumFor(deductions, installment.period);
        period.rewards = SumFor(rewards, installment.period);
        period.due = period.amount - period.deductions;
        if (period.due.negative()) period.due = Money{};
        period.paid = SumFor(payments, installment.period);
        period.balance = period.due - period.paid;
        auto& totals = statement.totals;
        totals.amount = totals.amount + period.amount;
        totals.deductions = totals.deductions + period.deductions;
        totals.rewards = totals.rewards + period.rewards;
        totals.due = totals.due + period.due;
        totals.paid = totals.paid + period.paid;
        totals.balance = totals.balance + period.balance;
        statement.periods.push_back(period);
    }
    return statement;
}

}  // namespace houqin

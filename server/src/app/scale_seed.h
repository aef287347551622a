#pragma once
// Issue 15: a county's five years of data, to measure every page on (docs/performance.md, "County data set").
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/services.h"
#include "core/result.h"

namespace houqin {

struct ScaleSeedOptions {
    std::uint64_t seed = 1;  // the same seed gives the same data, row for row, and the same audit chain
    double scale = 1.0;      // 1: 30 towns, 600 vendors, 1,500 contracts; 0.02 a small county for tests
    // How many of the five years have passed: the contracts (five-year terms) begin on 1 January of 2027 - years,
    // so the county's "now" is always 2026-12-05; fewer years, fewer months of history (the unit test uses 1).
    int years = 5;
};

// How many towns, vendors and contracts a scale gives: 30, 600, 1,500 at 1; at least one of each, at least a
// vendor a town and a contract a vendor.
struct ScaleSeedSize {
    std::size_t towns = 0;
    std::size_t vendors = 0;
    std::size_t contracts = 0;
};
ScaleSeedSize ScaleSeedSizeOf(double scale);

// What was written (the counts docs/performance.md reports).
struct ScaleSeedCounts {
    std::int64_t towns = 0;
    std::int64_t users = 0;
    std::int64_t vendors = 0;
    std::int64_t qualifications = 0;
    std::int64_t contracts = 0;
    std::int64_t amendments = 0;
    std::int64_t assessments = 0;
    std::int64_t checklist_items = 0;
    std::int64_t proposals_decided = 0;
    std::int64_t payments = 0;
    std::int64_t surveys = 0;
    std::int64_t survey_answers = 0;
    std::int64_t meetings = 0;
    std::int64_t rectifications = 0;
    std::int64_t people = 0;
    std::int64_t attendance_rows = 0;
};

// Fills an empty (migrated) database with a county: towns with their offices and users, vendors with
// qualifications, five-year contracts reviewed and signed (a third amended once, a second version), and then month
// by month from 2022-01 (with years = 5) to 2026-11 the monthly assessments, the proposals the rules make from them
// and their decisions, the quarterly payments, the yearly surveys with answers, the quarterly meetings with opinions
// and rectifications, the rosters (September 2026) and two months of attendance (October and November 2026). Every
// record goes through the services, as its users would enter it, with the clock set to the day it happened and never
// moving back, so each has its audit entry, the chain verifies and its times follow its order. The clock is left at
// 2026-12-05 10:00 (Asia/Shanghai). Refuses a database that already has users.
Result<ScaleSeedCounts> SeedScale(Services& services, const ScaleSeedOptions& options);

std::string ScaleSeedCountsText(const ScaleSeedCounts& counts);

}  // namespace houqin

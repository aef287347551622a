#pragma once
// The bid opening record to print and sign (PRJ-7): every quote, its validity against its receipt and the ceiling,
// the ranking, the draw if one was needed, and the signatures of the officer and the discipline-inspection witness.
#include <string>
#include <vector>

namespace houqin::reports {

struct OpeningPdf {
    std::string title;                           // 项目 code and name
    std::vector<std::string> facts;              // one line each: time, officer, witness, ceiling, seed, fingerprint
    std::string summary;                         // the outcome
    std::vector<std::vector<std::string>> bids;  // rank, vendor, submitted at, quote, validity, receipt check
    std::vector<std::string> notes;              // reasons of invalid bids, draws, values used
    std::string generated;
};

std::string WriteOpeningRecordPdf(const OpeningPdf& record);

}  // namespace houqin::reports

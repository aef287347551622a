#pragma once
// CC-8: the pure part of the call-record import. Rows of a call detail record file (as the tabular reader gives
// them: UTF-8 cells, trimmed, trailing empty cells dropped) in; the file's layout, one CallRecord per row, the row
// errors by row and column, and the per-agent month totals out. No I/O: the service reads the file, stores the
// records in one transaction and imports nothing while Finish() reports an error.
//
// Accepted layouts (DetectCallLayout decides from the first row, or refuses the file with what it saw):
// - Asterisk cdr_csv Master.csv, no header: accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp,
//   lastdata, start, answer, end, duration, billsec, disposition, amaflags (16 columns), then as cdr.conf says
//   uniqueid (17), userfield (18), and peeraccount, linkedid, sequence (21). The options are read in that order, so
//   a first row of 16, 17, 18 or 21 cells is accepted; 19 or 20 (newcdrcolumns without loguniqueid/loguserfield)
//   would put peeraccount where uniqueid belongs and is refused: such a vendor saves a column mapping instead. Since
//   the reader drops trailing empty cells, a file whose first row has 17 or 18 cells accepts rows of 17 or 18.
// - FreeSWITCH cdr_csv, default template, no header: caller_id_name, caller_id_number, destination_number, context,
//   start_stamp, answer_stamp, end_stamp, duration, billsec, hangup_cause, uuid, bleg_uuid, accountcode,
//   read_codec, write_codec. A row has 11 (through uuid) to 15 cells.
// - Either of those two with a header row naming its columns as above (some exports add one).
// - The houqin template: a header row, names in zh-CN or English (工号/Agent ID, 被叫号码/Number called,
//   开始时间/Start, 应答时间/Answer, 结束时间/End, 通话秒数/Talk seconds, 结果/Result, optional 主叫号码/Calling
//   number and 话单编号/Call ID), in any order; unknown columns are ignored.
// - A vendor's saved CallColumnMapping, tried when none of the above matches.
//
// Times are wall-clock "YYYY-MM-DD HH:MM:SS" (also "/" between date parts, one-digit month, day or hour, no
// seconds as .xlsx dates arrive, a fraction of a second, a "T" between date and time) read in Asia/Shanghai, or in
// UTC when the PBX writes UTC (Asterisk's usegmtime=yes): CallImportOptions::clock says which.
//
// Keys. A row's dedup key is its call id (Asterisk uniqueid, FreeSWITCH uuid, the template's 话单编号, a mapping's
// call id column); a layout without one uses the stated key agent + number called + start, so the same call sent
// twice is still recognised. A row's leg key groups the legs of one call: Asterisk's linkedid (the uniqueid of the
// call's first channel, shared by every CDR of the call; without the linkedid column, the uniqueid, so each CDR is
// its own call), FreeSWITCH's uuid of the A leg. FreeSWITCH writes each leg with its own uuid: the A leg's row
// names its B leg in bleg_uuid, while a B leg's row (legs="ab") may carry no link back. So a FreeSWITCH row has
// leg key = its uuid and other_leg = its bleg_uuid, and CallTotals joins them: a row whose uuid or bleg_uuid was
// already seen in a counted row belongs to a call already counted. Whichever leg of a call comes first in the
// file(s) represents it (agent, outcome, talk seconds); later legs count nothing. The same holds for Asterisk legs
// sharing a linkedid.
//
// Outcomes. Asterisk: disposition ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION (failed). FreeSWITCH: answered when
// answer_stamp is set, else USER_BUSY busy; NO_ANSWER, NO_USER_RESPONSE, ORIGINATOR_CANCEL, NORMAL_CLEARING,
// ALLOTTED_TIMEOUT not answered; any other cause failed. Template and mappings: answered when the answer time is set
// or the talk seconds are positive, else busy/failed/not answered from the result text (忙/占线/busy; 空号/停机/失败/
// 错误/invalid/failed; anything else not answered). A successful visit (CC-3) is a result of 成功访问 (or
// "successful visit", "success"); the CDR layouts have no result column, so their calls have no successful visits.
//
// Agent. Asterisk accountcode, FreeSWITCH accountcode, the template's 工号: the agent ID (CC-1 matches it to a
// person by the call's date). A CDR row may have none (a trunk's own leg): it is kept with an empty agent and
// totalled under "". The template and mappings require it.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace houqin {

enum class CallLayout { kAsterisk, kFreeSwitch, kHouqinTemplate, kMapped };
std::string_view CallLayoutCode(CallLayout layout);  // "asterisk", "freeswitch", "houqin", "mapped"

// The fields of a call record, in the order of the houqin template.
enum class CallField {
    kAgentId,
    kCallingNumber,
    kCalledNumber,
    kStart,
    kAnswer,
    kEnd,
    kTalkSeconds,
    kOutcome,  // Asterisk disposition, FreeSWITCH hangup_cause, the template's result
    kCallId,
    kLegId,       // Asterisk linkedid
    kOtherLegId,  // FreeSWITCH bleg_uuid
};
inline constexpr std::size_t kCallFieldCount = 11;
std::string_view CallFieldCode(CallField field);  // "agent_id", "called_number", ... (the error's field name)

enum class HeaderRow { kAbsent, kPresent };

// A vendor's saved layout (the office keeps one per vendor): for each of our fields the 0-based column holding it.
// agent_id, called_number, start, end and talk_seconds are required; an absent call_id means the stated key.
struct CallColumnMapping {
    HeaderRow header = HeaderRow::kPresent;
    std::optional<std::size_t> agent_id;
    std::optional<std::size_t> calling_number;
    std::optional<std::size_t> called_number;
    std::optional<std::size_t> start;
    std::optional<std::size_t> answer;
    std::optional<std::size_t> end;
    std::optional<std::size_t> talk_seconds;
    std::optional<std::size_t> result;
    std::optional<std::size_t> call_id;
};

// Which wall clock the file's times are on.
enum class CallClock { kShanghai, kUtc };

struct CallImportOptions {
    CallClock clock = CallClock::kShanghai;
    std::optional<CallColumnMapping> mapping;  // the vendor's, when it has one
};

// A column of the detected layout: where a field is and what the file calls it (for error messages).
struct CallColumn {
    std::size_t index = 0;
    std::string name;  // "start", "start_stamp", "开始时间" as the header wrote it
};

struct CallFileLayout {
    CallLayout layout = CallLayout::kAsterisk;
    HeaderRow header = HeaderRow::kAbsent;
    std::size_t min_cells = 0;  // fixed-column layouts: fewer cells is "too few columns"; 0 elsewhere
    std::size_t max_cells = 0;  // fixed-column layouts: more cells is "too many columns"; 0 elsewhere
    std::array<std::optional<CallColumn>, kCallFieldCount> columns{};
    [[nodiscard]] const std::optional<CallColumn>& column(CallField field) const {
        return columns[static_cast<std::size_t>(field)];
    }
    [[nodiscard]] bool has(CallField field) const { return column(field).has_value(); }
};

// Decides the layout from the file's first row. An Error::Invalid("file", ...) says what was seen when the row
// fits no accepted layout, or which template columns are missing when it is a header lacking some.
Result<CallFileLayout> DetectCallLayout(const std::vector<std::string>& first_row, const CallImportOptions& options);

enum class CallOutcome { kAnswered, kNotAnswered, kBusy, kFailed };
std::string_view CallOutcomeCode(CallOutcome outcome);  // "answered", "not_answered", "busy", "failed"

// One row, parsed. The string_views point into the row's cells: valid while they are (the service copies what it
// stores), so parsing 5 million rows copies no text.
struct CallRecord {
    std::int64_t row = 0;
    std::string_view agent_id;
    std::string_view calling_number;
    std::string_view called_number;
    Instant start;
    std::optional<Instant> answer;  // none: not answered (Asterisk leaves it empty)
    Instant end;
    std::int64_t talk_seconds = 0;  // billsec
    CallOutcome outcome = CallOutcome::kNotAnswered;
    std::string_view result;        // the template's result text as written (empty for the CDR layouts)
    bool successful_visit = false;  // result 成功访问 (CC-3)
    std::string_view call_id;       // empty: the layout has none, the dedup key is the stated key
    std::string_view leg_id;        // empty: the call id (or the stated key) is the leg key
    std::string_view other_leg_id;  // FreeSWITCH bleg_uuid, may be empty
};

// The dedup key as stored (unique per contract): the call id, or "agent|called number|start ms" (the stated key).
std::string CallDedupKey(const CallRecord& record);

// Parses one data row (not the header) of a file of `layout`. Errors are Error::Invalid with one field per bad
// cell, named "row.<row>.<field code>", the message naming the column as the file calls it and the reason.
Result<CallRecord> ParseCallRow(const CallFileLayout& layout, std::int64_t row, const std::vector<std::string>& cells,
                                CallClock clock);

// Reads a file row by row: detects the layout on the first row, skips a header, parses each data row, collects the
// row errors (the first 200 are listed, all are counted). The caller stops reading when Read returns an error (the
// file is none of the accepted layouts) and imports nothing unless Finish() is Ok.
class CallRecordReader {
  public:
    explicit CallRecordReader(CallImportOptions options = {}) : options_(options) {}

    // The row's record; nullptr for the header row and for a bad row (its errors are kept for Finish).
    Result<const CallRecord*> Read(std::int64_t row, const std::vector<std::string>& cells);
    // Ok when every row was a good record and there was at least one; else the error to show, naming each bad row.
    [[nodiscard]] Status Finish() const;

    [[nodiscard]] const std::optional<CallFileLayout>& layout() const { return layout_; }
    [[nodiscard]] std::int64_t records() const { return records_; }
    [[nodiscard]] std::int64_t bad_rows() const { return bad_rows_; }

  private:
    CallImportOptions options_;
    std::optional<CallFileLayout> layout_;
    std::optional<Error> refused_;
    CallRecord current_;
    std::vector<FieldError> errors_;
    std::int64_t error_count_ = 0;
    std::int64_t bad_rows_ = 0;
    std::int64_t records_ = 0;
};

// One agent's calls in one calendar month (Asia/Shanghai, by the call's start): what the score (CC-3) and the
// import benchmark compare.
struct AgentMonthTotals {
    std::string agent_id;
    int year = 0;
    unsigned month = 0;
    std::int64_t calls = 0;
    std::int64_t answered = 0;
    std::int64_t successful_visits = 0;
    std::int64_t talk_seconds = 0;
    friend bool operator==(const AgentMonthTotals&, const AgentMonthTotals&) = default;
};

// The 64-bit fingerprints (never 0) of a record's keys, as CallTotals keeps them and the import stores them
// (call_keys): of its dedup key, of its leg key (equal to dedup when the row has none) and of the other leg it names
// (FreeSWITCH bleg_uuid; 0 when none). Different texts share a fingerprint about once in 2^64 pairs.
struct CallKeyFingerprints {
    std::uint64_t dedup = 0;
    std::uint64_t leg = 0;
    std::uint64_t other = 0;
};
CallKeyFingerprints FingerprintCallKeys(const CallRecord& record);

// A set of fingerprints: open addressing, 8 bytes a slot, at most 3/4 full (0 marks an empty slot).
class CallKeySet {
  public:
    [[nodiscard]] bool Contains(std::uint64_t key) const;
    void Insert(std::uint64_t key);
    [[nodiscard]] std::size_t size() const { return size_; }

  private:
    void Grow();
    std::vector<std::uint64_t> slots_;
    std::size_t size_ = 0;
};

// Totals records across one or more files: each dedup key counts once (a duplicate row or a re-imported file adds
// nothing) and each call counts once however many legs it has (the first leg seen represents it; see the rule
// above). Keys are kept as 64-bit fingerprints, 8 bytes a key, so a month of 5 million calls fits in about 64 MB;
// two different keys sharing a fingerprint (about one chance in a million for a 5-million-call month) would drop
// one call.
class CallTotals {
  public:
    // True when the record counted as a new call; false when it repeats a row or is another leg of a counted call.
    bool Add(const CallRecord& record);
    [[nodiscard]] std::vector<AgentMonthTotals> Totals() const;  // by agent ID, then month
    [[nodiscard]] std::int64_t calls() const { return calls_; }
    [[nodiscard]] std::int64_t repeated_rows() const { return repeated_rows_; }

  private:
    struct MonthTotals {
        int year = 0;
        unsigned month = 0;
        std::int64_t calls = 0;
        std::int64_t answered = 0;
        std::int64_t successful_visits = 0;
        std::int64_t talk_seconds = 0;
    };

    CallKeySet seen_;
    std::map<std::string, std::vector<MonthTotals>, std::less<>> agents_;
    std::int64_t calls_ = 0;
    std::int64_t repeated_rows_ = 0;
};

}  // namespace houqin

#include "features/callcentre/rules/call_records.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace houqin {
namespace {

// A file with more bad cells than this is reported by its first ones and the count of the rest (as the staff
// imports do).
constexpr std::size_t kMaxReportedErrors = 200;

struct FieldLabel {
    std::string_view code;
    std::string_view zh;
    std::string_view en;
};

constexpr std::array<FieldLabel, kCallFieldCount> kFieldLabels = {{
    {"agent_id", "工号", "agent ID"},
    {"calling_number", "主叫号码", "calling number"},
    {"called_number", "被叫号码", "number called"},
    {"start", "开始时间", "start"},
    {"answer", "应答时间", "answer"},
    {"end", "结束时间", "end"},
    {"talk_seconds", "通话秒数", "talk seconds"},
    {"outcome", "结果", "result"},
    {"call_id", "话单编号", "call ID"},
    {"leg_id", "关联编号", "linked ID"},
    {"other_leg_id", "B 腿编号", "B-leg ID"},
}};

const FieldLabel& Label(CallField field) { return kFieldLabels[static_cast<std::size_t>(field)]; }

// Asterisk cdr_csv's columns in the order it writes them; the optional ones from index 16.
constexpr std::array<std::string_view, 21> kAsteriskNames = {
    "accountcode", "src",      "dst",      "dcontext",  "clid",        "channel",  "dstchannel",
    "lastapp",     "lastdata", "start",    "answer",    "end",         "duration", "billsec",
    "disposition", "amaflags", "uniqueid", "userfield", "peeraccount", "linkedid", "sequence"};

constexpr std::array<std::string_view, 15> kFreeSwitchNames = {
    "caller_id_name", "caller_id_number", "destination_number", "context",    "start_stamp",
    "answer_stamp",   "end_stamp",        "duration",           "billsec",    "hangup_cause",
    "uuid",           "bleg_uuid",        "accountcode",        "read_codec", "write_codec"};

// The template's header names: zh-CN, English, and the field code itself.
struct TemplateName {
    CallField field;
    std::string_view zh;
    std::string_view en;
    std::string_view alternative;  // another English spelling people write
};

constexpr std::array<TemplateName, 9> kTemplateNames = {{
    {CallField::kAgentId, "工号", "agent id", "agent"},
    {CallField::kCalledNumber, "被叫号码", "number called", "called number"},
    {CallField::kStart, "开始时间", "start", "start time"},
    {CallField::kAnswer, "应答时间", "answer", "answer time"},
    {CallField::kEnd, "结束时间", "end", "end time"},
    {CallField::kTalkSeconds, "通话秒数", "talk seconds", "billsec"},
    {CallField::kOutcome, "结果", "result", "outcome"},
    {CallField::kCallingNumber, "主叫号码", "calling number", "caller number"},
    {CallField::kCallId, "话单编号", "call id", "call_id"},
}};

constexpr CallField kTemplateRequired[] = {CallField::kAgentId, CallField::kCalledNumber, CallField::kStart,
                                           CallField::kAnswer,  CallField::kEnd,          CallField::kTalkSeconds,
                                           CallField::kOutcome};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string AsciiLower(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

// The inverse: year and month of a day count.
std::pair<int, unsigned> YearMonthFromDays(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned shifted_month = (5 * day_of_year + 2) / 153;  // March = 0
    const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    const std::int64_t year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
    return {static_cast<int>(year), month};
}

unsigned DaysInMonth(int year, unsigned month) {
    constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) return 29;
    return kDays[month - 1];
}

// Reads 1..max_digits digits at `position`, advancing it.
bool ReadDigits(std::string_view text, std::size_t& position, std::size_t min_digits, std::size_t max_digits,
                unsigned& out) {
    unsigned value = 0;
    std::size_t count = 0;
    while (position < text.size() && count < max_digits && IsDigit(text[position])) {
        value = value * 10 + static_cast<unsigned>(text[position] - '0');
        ++position;
        ++count;
    }
    out = value;
    return count >= min_digits;
}

// A wall-clock time as the layouts write it (see the header), by hand: this runs on every row.
std::optional<Instant> ParseWallClock(std::string_view text, CallClock clock) {
    std::size_t at = 0;
    unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!ReadDigits(text, at, 4, 4, year) || at >= text.size()) return std::nullopt;
    const char separator = text[at];
    if (separator != '-' && separator != '/') return std::nullopt;
    ++at;
    if (!ReadDigits(text, at, 1, 2, month) || at >= text.size() || text[at] != separator) return std::nullopt;
    ++at;
    if (!ReadDigits(text, at, 1, 2, day) || at >= text.size() || (text[at] != ' ' && text[at] != 'T')) {
        return std::nullopt;
    }
    ++at;
    if (!ReadDigits(text, at, 1, 2, hour) || at >= text.size() || text[at] != ':') return std::nullopt;
    ++at;
    if (!ReadDigits(text, at, 2, 2, minute)) return std::nullopt;
    unsigned millis = 0;
    if (at < text.size() && text[at] == ':') {
        ++at;
        if (!ReadDigits(text, at, 2, 2, second)) return std::nullopt;
        if (at < text.size() && text[at] == '.') {
            ++at;
            std::size_t digits = 0;
            while (at < text.size() && IsDigit(text[at])) {
                if (digits < 3) millis = millis * 10 + static_cast<unsigned>(text[at] - '0');
                ++digits;
                ++at;
            }
            if (digits == 0) return std::nullopt;
            for (; digits < 3; ++digits) millis *= 10;
        }
    }
    if (at != text.size()) return std::nullopt;
    if (year < 1970 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(static_cast<int>(year), month) ||
        hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    const std::int64_t offset = clock == CallClock::kShanghai ? kShanghaiOffsetSeconds : 0;
    const std::int64_t seconds = DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
    return Instant{seconds * 1000 + millis};
}

enum class IntegerRead { kOk, kNegative, kNotANumber };

// A whole number of seconds ("12"; "-3" is read to be refused as negative). An .xlsx number arrives as "12".
IntegerRead ReadInteger(std::string_view text, std::int64_t& out) {
    bool negative = false;
    std::size_t at = 0;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        negative = text[0] == '-';
        at = 1;
    }
    if (at == text.size() || text.size() - at > 12) return IntegerRead::kNotANumber;
    std::int64_t value = 0;
    for (; at < text.size(); ++at) {
        if (!IsDigit(text[at])) return IntegerRead::kNotANumber;
        value = value * 10 + (text[at] - '0');
    }
    out = negative ? -value : value;
    return negative && value != 0 ? IntegerRead::kNegative : IntegerRead::kOk;
}

std::optional<CallOutcome> AsteriskDisposition(std::string_view text) {
    if (text == "ANSWERED") return CallOutcome::kAnswered;
    if (text == "NO ANSWER") return CallOutcome::kNotAnswered;
    if (text == "BUSY") return CallOutcome::kBusy;
    if (text == "FAILED" || text == "CONGESTION") return CallOutcome::kFailed;
    return std::nullopt;
}

bool IsAmaFlag(std::string_view text) {
    return text == "DOCUMENTATION" || text == "BILLING" || text == "OMIT" || text == "DEFAULT";
}

bool IsHangupCause(std::string_view text) {
    if (text.empty()) return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
}

bool IsUuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!IsDigit(c) && !((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

CallOutcome FreeSwitchOutcome(std::string_view cause) {
    if (cause == "USER_BUSY") return CallOutcome::kBusy;
    if (cause == "NO_ANSWER" || cause == "NO_USER_RESPONSE" || cause == "ORIGINATOR_CANCEL" ||
        cause == "NORMAL_CLEARING" || cause == "ALLOTTED_TIMEOUT") {
        return CallOutcome::kNotAnswered;
    }
    return CallOutcome::kFailed;
}

bool IsSuccessfulVisit(std::string_view result) {
    return result == "成功访问" || EqualsIgnoringCase(result, "successful visit") ||
           EqualsIgnoringCase(result, "success");
}

bool Mentions(std::string_view text, std::string_view word) { return text.find(word) != std::string_view::npos; }

// `word` (lower-case ASCII) anywhere in `text`, ignoring ASCII case, without a lower-cased copy per row.
bool MentionsIgnoringCase(std::string_view text, std::string_view word) {
    for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
        if (EqualsIgnoringCase(text.substr(at, word.size()), word)) return true;
    }
    return false;
}

// The template's and mappings' outcome when the call was not answered, from the result text.
CallOutcome UnansweredOutcome(std::string_view result) {
    if (Mentions(result, "忙") || Mentions(result, "占线") || MentionsIgnoringCase(result, "busy")) {
        return CallOutcome::kBusy;
    }
    if (Mentions(result, "空号") || Mentions(result, "停机") || Mentions(result, "失败") || Mentions(result, "错误") ||
        MentionsIgnoringCase(result, "invalid") || MentionsIgnoringCase(result, "fail")) {
        return CallOutcome::kFailed;
    }
    return CallOutcome::kNotAnswered;
}

// What a cell held, for a message: at most 40 bytes, cut at a character boundary.
std::string Shown(std::string_view text) {
    if (text.size() <= 40) return std::string(text);
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "...";
}

// What the first row looked like, for the "none of the accepted layouts" message.
std::string Seen(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size() && i < 6; ++i) {
        if (i > 0) out += ", ";
        out += "\"" + Shown(cells[i]) + "\"";
    }
    if (cells.size() > 6) out += ", ...";
    return out;
}

void SetColumn(CallFileLayout& layout, CallField field, std::size_t index, std::string name) {
    layout.columns[static_cast<std::size_t>(field)] = CallColumn{index, std::move(name)};
}

CallFileLayout AsteriskLayout(std::size_t width, HeaderRow header) {
    CallFileLayout layout;
    layout.layout = CallLayout::kAsterisk;
    layout.header = header;
    const auto set = [&](CallField field, std::size_t index) {
        SetColumn(layout, field, index, std::string(kAsteriskNames[index]));
    };
    set(CallField::kAgentId, 0);
    set(CallField::kCallingNumber, 1);
    set(CallField::kCalledNumber, 2);
    set(CallField::kStart, 9);
    set(CallField::kAnswer, 10);
    set(CallField::kEnd, 11);
    set(CallField::kTalkSeconds, 13);
    set(CallField::kOutcome, 14);
    if (width == 16) {
        layout.min_cells = layout.max_cells = 16;
    } else if (width <= 18) {
        set(CallField::kCallId, 16);
        layout.min_cells = 17;
        layout.max_cells = 18;
    } else {
        set(CallField::kCallId, 16);
        set(CallField::kLegId, 19);
        layout.min_cells = layout.max_cells = 21;
    }
    return layout;
}

CallFileLayout FreeSwitchLayout(HeaderRow header) {
    CallFileLayout layout;
    layout.layout = CallLayout::kFreeSwitch;
    layout.header = header;
    const auto set = [&](CallField field, std::size_t index) {
        SetColumn(layout, field, index, std::string(kFreeSwitchNames[index]));
    };
    set(CallField::kCallingNumber, 1);
    set(CallField::kCalledNumber, 2);
    set(CallField::kStart, 4);
    set(CallField::kAnswer, 5);
    set(CallField::kEnd, 6);
    set(CallField::kTalkSeconds, 8);
    set(CallField::kOutcome, 9);
    set(CallField::kCallId, 10);
    set(CallField::kOtherLegId, 11);
    set(CallField::kAgentId, 12);
    // uuid is the last column that is never empty: the reader drops the empty ones after it.
    layout.min_cells = 11;
    layout.max_cells = kFreeSwitchNames.size();
    return layout;
}

// A header naming a CDR layout's columns in order: the number of names it matches, else 0.
template <std::size_t N>
std::size_t HeaderMatches(const std::vector<std::string>& cells, const std::array<std::string_view, N>& names) {
    if (cells.empty() || cells.size() > N) return 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!EqualsIgnoringCase(cells[i], names[i])) return 0;
    }
    return cells.size();
}

// The template header name of a cell, without a bracketed hint such as "开始时间(YYYY-MM-DD HH:MM:SS)".
std::optional<CallField> TemplateField(std::string_view cell) {
    for (const std::string_view open : {"(", "(", "["}) {
        if (const auto at = cell.find(open); at != std::string_view::npos && at > 0) cell = cell.substr(0, at);
    }
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
    const auto lower = AsciiLower(cell);
    for (const auto& name : kTemplateNames) {
        if (cell == name.zh || lower == name.en || lower == name.alternative ||
            lower == kFieldLabels[static_cast<std::size_t>(name.field)].code) {
            return name.field;
        }
    }
    return std::nullopt;
}

// A refusal of the whole file: the reason is the error's message too, as it is all the person needs to read.
Error FileError(std::string zh, std::string en) {
    Error error = Error::Invalid("file", {zh, en});
    error.message = {std::move(zh), std::move(en)};
    return error;
}

Result<CallFileLayout> MappedLayout(const CallColumnMapping& mapping, const std::vector<std::string>& first_row) {
    CallFileLayout layout;
    layout.layout = CallLayout::kMapped;
    layout.header = mapping.header;
    const std::pair<CallField, const std::optional<std::size_t>*> fields[] = {
        {CallField::kAgentId, &mapping.agent_id},
        {CallField::kCallingNumber, &mapping.calling_number},
        {CallField::kCalledNumber, &mapping.called_number},
        {CallField::kStart, &mapping.start},
        {CallField::kAnswer, &mapping.answer},
        {CallField::kEnd, &mapping.end},
        {CallField::kTalkSeconds, &mapping.talk_seconds},
        {CallField::kOutcome, &mapping.result},
        {CallField::kCallId, &mapping.call_id},
    };
    for (const auto& [field, index] : fields) {
        if (!index->has_value()) continue;
        const auto at = **index;
        // A header's own name when the file has one; else the column's place.
        std::string name = mapping.header == HeaderRow::kPresent && at < first_row.size() && !first_row[at].empty()
                               ? first_row[at]
                               : fmt::format("#{}", at + 1);
        SetColumn(layout, field, at, std::move(name));
    }
    std::string missing_zh;
    std::string missing_en;
    for (const auto field :
         {CallField::kAgentId, CallField::kCalledNumber, CallField::kStart, CallField::kEnd, CallField::kTalkSeconds}) {
        if (layout.has(field)) continue;
        missing_zh += fmt::format("{}{}", missing_zh.empty() ? "" : "、", Label(field).zh);
        missing_en += fmt::format("{}{}", missing_en.empty() ? "" : ", ", Label(field).en);
    }
    if (!missing_zh.empty()) {
        return FileError(fmt::format("保存的列对应缺少:{}", missing_zh),
                         fmt::format("The saved column mapping lacks: {}", missing_en));
    }
    return layout;
}

// Collects a row's errors; allocates only when there is one.
class RowProblems {
  public:
    RowProblems(const CallFileLayout& layout, std::int64_t row) : layout_(layout), row_(row) {}

    void Fail(CallField field, std::string_view cell, std::string_view reason_zh, std::string_view reason_en) {
        const auto& label = Label(field);
        const auto& column = layout_.column(field);
        const std::string name = column ? column->name : std::string(label.en);
        const std::size_t number = column ? column->index + 1 : 0;
        std::string zh = name == label.zh
                             ? fmt::format("第 {} 行第 {} 列“{}”:{}", row_, number, name, reason_zh)
                             : fmt::format("第 {} 行第 {} 列“{}”({}):{}", row_, number, name, label.zh, reason_zh);
        std::string en = name == label.en ? fmt::format("Row {}, column {} \"{}\": {}", row_, number, name, reason_en)
                                          : fmt::format("Row {}, column {} \"{}\" ({}): {}", row_, number, name,
                                                        label.en, reason_en);
        if (!cell.empty()) {
            zh += fmt::format(",读到“{}”", Shown(cell));
            en += fmt::format("; it reads \"{}\"", Shown(cell));
        }
        fields_.push_back({fmt::format("row.{}.{}", row_, label.code), {std::move(zh), std::move(en)}});
    }
    void FailRow(std::string zh, std::string en) {
        fields_.push_back({fmt::format("row.{}.columns", row_), {std::move(zh), std::move(en)}});
    }
    [[nodiscard]] bool ok() const { return fields_.empty(); }
    [[nodiscard]] Error ToError() && {
        Error error = Error::Invalid(fields_.front().field, fields_.front().message);
        error.message = fields_.front().message;
        error.fields = std::move(fields_);
        return error;
    }

  private:
    const CallFileLayout& layout_;
    std::int64_t row_;
    std::vector<FieldError> fields_;
};

std::string_view LayoutName(CallLayout layout) {
    switch (layout) {
        case CallLayout::kAsterisk: return "Asterisk";
        case CallLayout::kFreeSwitch: return "FreeSWITCH";
        case CallLayout::kHouqinTemplate: return "houqin";
        case CallLayout::kMapped: return "mapped";
    }
    return "";
}

// 64-bit fingerprints of keys: FNV-1a, then MurmurHash3's finaliser so the low bits index the table well.
constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

std::uint64_t Mix(std::uint64_t hash, std::string_view bytes) {
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= kFnvPrime;
    }
    return hash;
}

std::uint64_t Finish(std::uint64_t hash) {
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    hash *= 0xc4ceb9fe1a85ec53ULL;
    hash ^= hash >> 33;
    return hash == 0 ? 1 : hash;  // 0 marks an empty slot
}

std::uint64_t IdFingerprint(std::string_view id) { return Finish(Mix(kFnvOffset, id)); }

// The stated key, hashed from its parts without building the string (a unit separator between them, and a leading
// one so it cannot equal an id's fingerprint by construction of the text).
std::uint64_t StatedFingerprint(const CallRecord& record) {
    std::uint64_t hash = Mix(kFnvOffset, "\x1f");
    hash = Mix(hash, record.agent_id);
    hash = Mix(hash, "\x1f");
    hash = Mix(hash, record.called_number);
    hash = Mix(hash, "\x1f");
    char start[sizeof(std::int64_t)];
    for (std::size_t i = 0; i < sizeof start; ++i) start[i] = static_cast<char>((record.start.ms >> (8 * i)) & 0xff);
    return Finish(Mix(hash, std::string_view(start, sizeof start)));
}

}  // namespace

std::string_view CallLayoutCode(CallLayout layout) {
    switch (layout) {
        case CallLayout::kAsterisk: return "asterisk";
        case CallLayout::kFreeSwitch: return "freeswitch";
        case CallLayout::kHouqinTemplate: return "houqin";
        case CallLayout::kMapped: return "mapped";
    }
    return "";
}

std::string_view CallFieldCode(CallField field) { return Label(field).code; }

std::string_view CallOutcomeCode(CallOutcome outcome) {
    switch (outcome) {
        case CallOutcome::kAnswered: return "answered";
        case CallOutcome::kNotAnswered: return "not_answered";
        case CallOutcome::kBusy: return "busy";
        case CallOutcome::kFailed: return "failed";
    }
    return "";
}

std::string CallDedupKey(const CallRecord& record) {
    if (!record.call_id.empty()) return std::string(record.call_id);
    return fmt::format("{}|{}|{}", record.agent_id, record.called_number, record.start.ms);
}

Result<CallFileLayout> DetectCallLayout(const std::vector<std::string>& first_row, const CallImportOptions& options) {
    const auto& cells = first_row;
    // A CDR layout's own header.
    if (const auto width = HeaderMatches(cells, kAsteriskNames);
        width == 16 || width == 17 || width == 18 || width == 21) {
        return AsteriskLayout(width, HeaderRow::kPresent);
    }
    if (HeaderMatches(cells, kFreeSwitchNames) >= 11) return FreeSwitchLayout(HeaderRow::kPresent);

    // Asterisk rows: the disposition and the AMA flags are the marks no other layout has at 14 and 15.
    if (cells.size() >= 16 && cells.size() <= 21 && AsteriskDisposition(cells[14]) && IsAmaFlag(cells[15])) {
        if (cells.size() == 19 || cells.size() == 20) {
            return FileError(
                fmt::format("第 1 行像 Asterisk 话单,但有 {} 列:只接受 16、17、18 或 21 列(uniqueid、userfield、"
                            "peeraccount/linkedid/sequence 依次可选);其他列序请保存列对应",
                            cells.size()),
                fmt::format("Row 1 looks like Asterisk Master.csv but has {} columns: 16, 17, 18 or 21 are accepted "
                            "(uniqueid, userfield, then peeraccount/linkedid/sequence, in that order); save a column "
                            "mapping for another order",
                            cells.size()));
        }
        return AsteriskLayout(cells.size(), HeaderRow::kAbsent);
    }
    // FreeSWITCH rows: a hangup cause and the uuid.
    if (cells.size() >= 11 && cells.size() <= kFreeSwitchNames.size() && IsHangupCause(cells[9]) && IsUuid(cells[10])) {
        return FreeSwitchLayout(HeaderRow::kAbsent);
    }

    // The houqin template's header.
    CallFileLayout layout;
    layout.layout = CallLayout::kHouqinTemplate;
    layout.header = HeaderRow::kPresent;
    std::size_t matched = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto field = TemplateField(cells[i]);
        if (!field || layout.has(*field)) continue;  // the first column of a name wins
        SetColumn(layout, *field, i, cells[i]);
        ++matched;
    }
    if (matched >= 3) {
        std::string missing_zh;
        std::string missing_en;
        for (const auto field : kTemplateRequired) {
            if (layout.has(field)) continue;
            const auto& label = Label(field);
            missing_zh += fmt::format("{}{}", missing_zh.empty() ? "" : "、", label.zh);
            missing_en += fmt::format("{}{}", missing_en.empty() ? "" : ", ", label.en);
        }
        // A vendor's own header may share some of the template's names: its saved mapping then decides.
        if (!missing_zh.empty() && options.mapping) return MappedLayout(*options.mapping, cells);
        if (!missing_zh.empty()) {
            return FileError(fmt::format("第 1 行是话单模板的表头,但缺少列:{}", missing_zh),
                             fmt::format("Row 1 is the call-record template's header but lacks: {}", missing_en));
        }
        return layout;
    }

    if (options.mapping) return MappedLayout(*options.mapping, cells);

    return FileError(
        fmt::format("此文件不是可接受的话单格式(Asterisk Master.csv、FreeSWITCH cdr_csv、后勤话单模板,或已保存的列"
                    "对应):第 1 行有 {} 列:{}",
                    cells.size(), Seen(cells)),
        fmt::format("This file is none of the accepted layouts (Asterisk Master.csv, FreeSWITCH cdr_csv, the houqin "
                    "template, or a saved column mapping): row 1 has {} columns: {}",
                    cells.size(), Seen(cells)));
}

Result<CallRecord> ParseCallRow(const CallFileLayout& layout, std::int64_t row, const std::vector<std::string>& cells,
                                CallClock clock) {
    RowProblems problems(layout, row);
    if (layout.min_cells > 0 && cells.size() < layout.min_cells) {
        const auto names =
            layout.layout == CallLayout::kAsterisk
                ? std::string_view(kAsteriskNames[std::min(cells.size(), kAsteriskNames.size() - 1)])
                : std::string_view(kFreeSwitchNames[std::min(cells.size(), kFreeSwitchNames.size() - 1)]);
        problems.FailRow(
            fmt::format("第 {} 行只有 {} 列,{} 话单应有至少 {} 列(从第 {} 列“{}”起缺失;末行不完整?)", row, cells.size(),
                        LayoutName(layout.layout), layout.min_cells, cells.size() + 1, names),
            fmt::format("Row {} has {} columns where {} records have at least {} (missing from column "
                        "{} \"{}\"; a truncated last line?)",
                        row, cells.size(), LayoutName(layout.layout), layout.min_cells, cells.size() + 1, names));
        return std::move(problems).ToError();
    }
    if (layout.max_cells > 0 && cells.size() > layout.max_cells) {
        problems.FailRow(fmt::format("第 {} 行有 {} 列,{} 话单最多 {} 列", row, cells.size(), LayoutName(layout.layout),
                                     layout.max_cells),
                         fmt::format("Row {} has {} columns where {} records have at most {}", row, cells.size(),
                                     LayoutName(layout.layout), layout.max_cells));
        return std::move(problems).ToError();
    }

    const auto cell = [&](CallField field) -> std::string_view {
        const auto& column = layout.column(field);
        if (!column || column->index >= cells.size()) return {};
        return cells[column->index];
    };
    const bool strict = layout.layout == CallLayout::kHouqinTemplate || layout.layout == CallLayout::kMapped;

    CallRecord record;
    record.row = row;
    record.agent_id = cell(CallField::kAgentId);
    record.calling_number = cell(CallField::kCallingNumber);
    record.called_number = cell(CallField::kCalledNumber);
    if (strict && record.agent_id.empty()) problems.Fail(CallField::kAgentId, {}, "不能为空", "is empty");
    if (strict && record.called_number.empty()) problems.Fail(CallField::kCalledNumber, {}, "不能为空", "is empty");

    constexpr std::string_view kTimeZh = "应为 2026-12-01 09:30:00 这样的时间";
    constexpr std::string_view kTimeEn = "should be a time like 2026-12-01 09:30:00";
    const auto time = [&](CallField field, bool required) -> std::optional<Instant> {
        const auto text = cell(field);
        if (text.empty()) {
            if (required) problems.Fail(field, {}, "不能为空", "is empty");
            return std::nullopt;
        }
        const auto parsed = ParseWallClock(text, clock);
        if (!parsed) problems.Fail(field, text, kTimeZh, kTimeEn);
        return parsed;
    };
    const auto start = time(CallField::kStart, true);
    const auto answer = time(CallField::kAnswer, false);
    const auto end = time(CallField::kEnd, true);
    if (start) record.start = *start;
    if (end) record.end = *end;
    record.answer = answer;
    if (start && end && *end < *start) {
        problems.Fail(CallField::kEnd, cell(CallField::kEnd), "早于开始时间", "is before the start");
    }
    if (answer && ((start && *answer < *start) || (end && *end < *answer))) {
        problems.Fail(CallField::kAnswer, cell(CallField::kAnswer), "不在开始与结束时间之间",
                      "is not between the start and the end");
    }

    const auto talk = cell(CallField::kTalkSeconds);
    if (talk.empty()) {
        problems.Fail(CallField::kTalkSeconds, {}, "不能为空", "is empty");
    } else {
        switch (ReadInteger(talk, record.talk_seconds)) {
            case IntegerRead::kNegative:
                problems.Fail(CallField::kTalkSeconds, talk, "不能为负数", "cannot be negative");
                break;
            case IntegerRead::kNotANumber:
                problems.Fail(CallField::kTalkSeconds, talk, "应为整数秒", "should be whole seconds");
                break;
            case IntegerRead::kOk:
                // One second of slack: PBXs round the talk time from finer clocks than the times they print.
                if (start && end && record.talk_seconds * 1000 > end->ms - start->ms + 1000) {
                    problems.Fail(CallField::kTalkSeconds, talk, "长于开始到结束的时长",
                                  "is longer than the call from start to end");
                }
                break;
        }
    }

    const auto outcome = cell(CallField::kOutcome);
    switch (layout.layout) {
        case CallLayout::kAsterisk:
            if (const auto disposition = AsteriskDisposition(outcome)) {
                record.outcome = *disposition;
            } else {
                problems.Fail(CallField::kOutcome, outcome, "应为 ANSWERED、NO ANSWER、BUSY、FAILED 或 CONGESTION",
                              "should be ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION");
            }
            break;
        case CallLayout::kFreeSwitch:
            if (!IsHangupCause(outcome)) {
                problems.Fail(CallField::kOutcome, outcome, "应为挂机原因,如 NORMAL_CLEARING",
                              "should be a hangup cause such as NORMAL_CLEARING");
            }
            record.outcome = answer ? CallOutcome::kAnswered : FreeSwitchOutcome(outcome);
            break;
        case CallLayout::kHouqinTemplate:
        case CallLayout::kMapped:
            if (outcome.empty() && layout.has(CallField::kOutcome)) {
                problems.Fail(CallField::kOutcome, {}, "不能为空", "is empty");
            }
            record.result = outcome;
            record.successful_visit = IsSuccessfulVisit(outcome);
            record.outcome = answer || record.talk_seconds > 0 ? CallOutcome::kAnswered : UnansweredOutcome(outcome);
            break;
    }

    if (layout.has(CallField::kCallId)) {
        record.call_id = cell(CallField::kCallId);
        // The template's call ID is optional per row too (a stated key then); a CDR's never empty.
        if (record.call_id.empty() && !strict) problems.Fail(CallField::kCallId, {}, "不能为空", "is empty");
    }
    record.leg_id = cell(CallField::kLegId);
    record.other_leg_id = cell(CallField::kOtherLegId);

    if (!problems.ok()) return std::move(problems).ToError();
    return record;
}

Result<const CallRecord*> CallRecordReader::Read(std::int64_t row, const std::vector<std::string>& cells) {
    if (refused_) return *refused_;
    if (!layout_) {
        auto detected = DetectCallLayout(cells, options_);
        if (!detected) {
            refused_ = detected.error();
            return *refused_;
        }
        layout_ = std::move(detected).value();
        if (layout_->header == HeaderRow::kPresent) return static_cast<const CallRecord*>(nullptr);
    }
    auto parsed = ParseCallRow(*layout_, row, cells, options_.clock);
    if (!parsed) {
        ++bad_rows_;
        for (const auto& field : parsed.error().fields) {
            ++error_count_;
            if (errors_.size() < kMaxReportedErrors) errors_.push_back(field);
        }
        return static_cast<const CallRecord*>(nullptr);
    }
    ++records_;
    current_ = *parsed;
    return static_cast<const CallRecord*>(&current_);
}

Status CallRecordReader::Finish() const {
    if (refused_) return *refused_;
    if (!layout_) return FileError("文件是空的", "The file is empty");
    if (error_count_ > 0) {
        Error error = FileError("", "");
        error.fields = errors_;
        const auto more = static_cast<std::size_t>(error_count_) > errors_.size();
        error.message = {
            fmt::format("文件中 {} 行有 {} 处错误,未导入任何话单;请改正后重新导入{}", bad_rows_, error_count_,
                        more ? fmt::format("(仅列出前 {} 处)", errors_.size()) : ""),
            fmt::format("{} rows of the file have {} errors and no call record was imported; correct them and "
                        "import again{}",
                        bad_rows_, error_count_,
                        more ? fmt::format(" (the first {} are listed)", errors_.size()) : "")};
        return error;
    }
    if (records_ == 0) {
        return FileError("文件中只有表头,没有话单", "The file has a header and no call records");
    }
    return Ok();
}

bool CallKeySet::Contains(std::uint64_t key) const {
    if (slots_.empty()) return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = key & mask;; at = (at + 1) & mask) {
        if (slots_[at] == key) return true;
        if (slots_[at] == 0) return false;
    }
}

void CallKeySet::Insert(std::uint64_t key) {
    // At most 3/4 full, so a probe ends soon.
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = key & mask;; at = (at + 1) & mask) {
        if (slots_[at] == key) return;
        if (slots_[at] == 0) {
            slots_[at] = key;
            ++size_;
            return;
        }
    }
}

void CallKeySet::Grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    size_ = 0;
    for (const auto key : old) {
        if (key != 0) Insert(key);
    }
}

CallKeyFingerprints FingerprintCallKeys(const CallRecord& record) {
    CallKeyFingerprints keys;
    keys.dedup = record.call_id.empty() ? StatedFingerprint(record) : IdFingerprint(record.call_id);
    keys.leg = record.leg_id.empty() ? keys.dedup : IdFingerprint(record.leg_id);
    keys.other = record.other_leg_id.empty() ? 0 : IdFingerprint(record.other_leg_id);
    return keys;
}

bool CallTotals::Add(const CallRecord& record) {
    const auto [dedup, leg, other] = FingerprintCallKeys(record);
    if (seen_.Contains(dedup)) {
        ++repeated_rows_;
        return false;
    }
    // Another leg of a call already counted: its linkedid, or (FreeSWITCH) its uuid named as the counted row's
    // bleg_uuid, or its bleg_uuid naming a counted row. The keys are kept either way, so the legs link up.
    const bool other_leg = (leg != dedup && seen_.Contains(leg)) || (other != 0 && seen_.Contains(other));
    seen_.Insert(dedup);
    if (leg != dedup) seen_.Insert(leg);
    if (other != 0) seen_.Insert(other);
    if (other_leg) {
        ++repeated_rows_;
        return false;
    }

    auto agent = agents_.find(record.agent_id);
    if (agent == agents_.end()) agent = agents_.emplace(std::string(record.agent_id), std::vector<MonthTotals>{}).first;
    // Plain names, not a structured binding: clang (the fuzz build) lets no lambda capture a binding.
    const auto year_month = YearMonthFromDays(record.start.ShanghaiDate().days());
    const auto year = std::get<0>(year_month);
    const auto month = std::get<1>(year_month);
    auto& months = agent->second;
    auto totals = std::find_if(months.begin(), months.end(),
                               [&](const MonthTotals& item) { return item.year == year && item.month == month; });
    if (totals == months.end()) {
        months.push_back({year, month});
        totals = months.end() - 1;
    }
    ++totals->calls;
    if (record.outcome == CallOutcome::kAnswered) ++totals->answered;
    if (record.successful_visit) ++totals->successful_visits;
    totals->talk_seconds += record.talk_seconds;
    ++calls_;
    return true;
}

std::vector<AgentMonthTotals> CallTotals::Totals() const {
    std::vector<AgentMonthTotals> out;
    for (const auto& [agent, months] : agents_) {
        auto sorted = months;
        std::sort(sorted.begin(), sorted.end(), [](const MonthTotals& a, const MonthTotals& b) {
            return std::pair(a.year, a.month) < std::pair(b.year, b.month);
        });
        for (const auto& item : sorted) {
            out.push_back(
                {agent, item.year, item.month, item.calls, item.answered, item.successful_visits, item.talk_seconds});
        }
    }
    return out;
}

}  // namespace houqin

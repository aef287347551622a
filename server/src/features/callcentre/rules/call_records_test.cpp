// CC-8: the call-record import's pure part: layouts, per-row parsing and errors, and the per-agent month totals
// (each dedup key once, each call's legs once). Files are built here; the generated ones go through the real CSV
// reader (platform/imports/tabular.h), as the import will.
#include "features/callcentre/rules/call_records.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "platform/imports/tabular.h"

namespace houqin {
namespace {

using Cells = std::vector<std::string>;

// A Shanghai wall-clock time as an Instant.
Instant At(int year, unsigned month, unsigned day, int hour, int minute, int second = 0) {
    const std::int64_t days = Date::FromYmd(year, month, day).days();
    return Instant{(days * 86400 + hour * 3600 + minute * 60 + second - kShanghaiOffsetSeconds) * 1000};
}

// One Asterisk Master.csv row with all 21 columns (loguniqueid, loguserfield, newcdrcolumns).
Cells AsteriskRow(const std::string& agent, const std::string& dst, const std::string& start, const std::string& answer,
                  const std::string& end, const std::string& billsec, const std::string& disposition,
                  const std::string& uniqueid, const std::string& linkedid) {
    return {agent,
            "02150000001",
            dst,
            "from-internal",
            "\"Agent\" <" + agent + ">",
            "SIP/" + agent + "-00000001",
            "SIP/trunk-00000002",
            "Dial",
            "SIP/trunk/" + dst + ",60",
            start,
            answer,
            end,
            "65",
            billsec,
            disposition,
            "DOCUMENTATION",
            uniqueid,
            "",
            "",
            linkedid,
            "1"};
}

Cells FreeSwitchRow(const std::string& uuid, const std::string& bleg, const std::string& agent,
                    const std::string& answer, const std::string& billsec, const std::string& cause) {
    Cells cells = {"Agent",
                   "02150000001",
                   "13800000001",
                   "default",
                   "2026-12-01 10:00:00",
                   answer,
                   "2026-12-01 10:01:05",
                   "65",
                   billsec,
                   cause,
                   uuid,
                   bleg,
                   agent,
                   "PCMA",
                   "PCMA"};
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    return cells;
}

const CallImportOptions kDefaults;

CallFileLayout Detect(const Cells& row, const CallImportOptions& options = kDefaults) {
    auto layout = DetectCallLayout(row, options);
    EXPECT_TRUE(layout.has_value()) << (layout ? "" : layout.error().message.en);
    return layout ? *layout : CallFileLayout{};
}

// The error texts of a failed result, joined, for EXPECT_NE(... find ...).
std::string Messages(const Error& error) {
    std::string out = error.message.zh + " | " + error.message.en;
    for (const auto& field : error.fields)
        out += "\n" + field.field + ": " + field.message.zh + " | " + field.message.en;
    return out;
}

// Reads a whole CSV text through the real reader into records; the reader's Finish() verdict is returned.
struct ReadOutcome {
    Status status = Ok();
    std::vector<AgentMonthTotals> totals;
    std::int64_t records = 0;
};

ReadOutcome ReadAll(const std::string& csv, CallTotals& totals, const CallImportOptions& options = kDefaults) {
    CallRecordReader reader(options);
    ReadOutcome outcome;
    const auto read = ReadCsv(csv, TextEncoding::kAuto, [&](const TabularRow& row) -> Status {
        auto record = reader.Read(row.number, row.cells);
        if (!record) return record.error();
        if (*record != nullptr) totals.Add(**record);
        return Ok();
    });
    outcome.status = read ? reader.Finish() : Status(read.error());
    outcome.totals = totals.Totals();
    outcome.records = reader.records();
    return outcome;
}

std::string CsvLine(const Cells& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) line += ',';
        const bool quote = cells[i].find_first_of(",\"\n") != std::string::npos;
        if (!quote) {
            line += cells[i];
            continue;
        }
        line += '"';
        for (const char c : cells[i]) {
            if (c == '"') line += '"';
            line += c;
        }
        line += '"';
    }
    return line + "\n";
}

// CC-8: an Asterisk Master.csv row (21 columns) reads into a record: accountcode is the agent, start/answer/end in
// Asia/Shanghai, billsec the talk seconds, uniqueid the call id, linkedid the leg key.
TEST(CallRecordsTest, CC8AsteriskRowWithAllOptionalColumns) {
    const auto row = AsteriskRow("8001", "13800000001", "2026-12-01 09:00:00", "2026-12-01 09:00:05",
                                 "2026-12-01 09:01:05", "60", "ANSWERED", "1764550800.1", "1764550800.1");
    const auto layout = Detect(row);
    EXPECT_EQ(layout.layout, CallLayout::kAsterisk);
    EXPECT_EQ(layout.header, HeaderRow::kAbsent);
    const auto record = ParseCallRow(layout, 1, row, CallClock::kShanghai);
    ASSERT_TRUE(record.has_value()) << Messages(record.error());
    EXPECT_EQ(record->agent_id, "8001");
    EXPECT_EQ(record->calling_number, "02150000001");
    EXPECT_EQ(record->called_number, "13800000001");
    EXPECT_EQ(record->start, At(2026, 12, 1, 9, 0, 0));
    ASSERT_TRUE(record->answer.has_value());
    EXPECT_EQ(*record->answer, At(2026, 12, 1, 9, 0, 5));
    EXPECT_EQ(record->end, At(2026, 12, 1, 9, 1, 5));
    EXPECT_EQ(record->talk_seconds, 60);
    EXPECT_EQ(record->outcome, CallOutcome::kAnswered);
    EXPECT_EQ(record->call_id, "1764550800.1");
    EXPECT_EQ(record->leg_id, "1764550800.1");
    EXPECT_FALSE(record->successful_visit);
    EXPECT_EQ(CallDedupKey(*record), "1764550800.1");
}

// CC-8: the shorter Asterisk variants: 16 columns (no uniqueid: the stated key agent+called+start) and 17/18
// (uniqueid, userfield dropped by the reader when empty); an unanswered call has no answer time.
TEST(CallRecordsTest, CC8AsteriskShortVariantsAndUnansweredCall) {
    auto full = AsteriskRow("8002", "13800000002", "2026-12-01 09:10:00", "", "2026-12-01 09:10:30", "0", "NO ANSWER",
                            "1764551400.7", "1764551400.7");
    const Cells sixteen(full.begin(), full.begin() + 16);
    const auto layout16 = Detect(sixteen);
    EXPECT_FALSE(layout16.has(CallField::kCallId));
    const auto record16 = ParseCallRow(layout16, 3, sixteen, CallClock::kShanghai);
    ASSERT_TRUE(record16.has_value()) << Messages(record16.error());
    EXPECT_FALSE(record16->answer.has_value());
    EXPECT_EQ(record16->outcome, CallOutcome::kNotAnswered);
    EXPECT_TRUE(record16->call_id.empty());
    EXPECT_EQ(CallDedupKey(*record16), fmt::format("8002|13800000002|{}", At(2026, 12, 1, 9, 10).ms));

    const Cells seventeen(full.begin(), full.begin() + 17);
    const auto layout17 = Detect(seventeen);
    EXPECT_TRUE(layout17.has(CallField::kCallId));
    EXPECT_FALSE(layout17.has(CallField::kLegId));
    Cells eighteen = seventeen;
    eighteen.push_back("campaign-7");  // userfield
    const auto record18 = ParseCallRow(layout17, 4, eighteen, CallClock::kShanghai);
    ASSERT_TRUE(record18.has_value()) << Messages(record18.error());
    EXPECT_EQ(record18->call_id, "1764551400.7");
    EXPECT_TRUE(record18->leg_id.empty());

    // BUSY, FAILED and CONGESTION.
    full[14] = "BUSY";
    EXPECT_EQ(ParseCallRow(Detect(full), 5, full, CallClock::kShanghai)->outcome, CallOutcome::kBusy);
    full[14] = "CONGESTION";
    EXPECT_EQ(ParseCallRow(Detect(full), 5, full, CallClock::kShanghai)->outcome, CallOutcome::kFailed);
}

// CC-8: 19 or 20 Asterisk columns would put peeraccount where uniqueid belongs: refused, pointing to a mapping.
TEST(CallRecordsTest, CC8AsteriskNineteenColumnsRefused) {
    auto row = AsteriskRow("8001", "13800000001", "2026-12-01 09:00:00", "", "2026-12-01 09:00:30", "0", "NO ANSWER",
                           "1.1", "1.1");
    row.resize(19);
    const auto layout = DetectCallLayout(row, kDefaults);
    ASSERT_FALSE(layout.has_value());
    EXPECT_NE(layout.error().message.en.find("19 columns"), std::string::npos);
}

// CC-8: a header naming the Asterisk columns is read as a header, and the file then has data rows.
TEST(CallRecordsTest, CC8AsteriskWithOwnHeaderRow) {
    const Cells header = {"accountcode", "src",     "dst",         "dcontext", "clid",    "channel",
                          "dstchannel",  "lastapp", "lastdata",    "start",    "answer",  "end",
                          "duration",    "billsec", "disposition", "amaflags", "uniqueid"};
    const auto layout = Detect(header);
    EXPECT_EQ(layout.layout, CallLayout::kAsterisk);
    EXPECT_EQ(layout.header, HeaderRow::kPresent);
    EXPECT_TRUE(layout.has(CallField::kCallId));
}

// CC-8: FreeSWITCH cdr_csv (default template): the A leg names its B leg in bleg_uuid; accountcode is the agent;
// an unanswered call (no answer_stamp, trailing codecs empty and dropped) reads its outcome from hangup_cause.
TEST(CallRecordsTest, CC8FreeSwitchDefaultTemplate) {
    const auto a_leg = FreeSwitchRow("a1b2c3d4-0000-4000-8000-000000000001", "b1b2c3d4-0000-4000-8000-000000000001",
                                     "8003", "2026-12-01 10:00:05", "60", "NORMAL_CLEARING");
    const auto layout = Detect(a_leg);
    EXPECT_EQ(layout.layout, CallLayout::kFreeSwitch);
    const auto record = ParseCallRow(layout, 1, a_leg, CallClock::kShanghai);
    ASSERT_TRUE(record.has_value()) << Messages(record.error());
    EXPECT_EQ(record->agent_id, "8003");
    EXPECT_EQ(record->calling_number, "02150000001");
    EXPECT_EQ(record->called_number, "13800000001");
    EXPECT_EQ(record->start, At(2026, 12, 1, 10, 0, 0));
    EXPECT_EQ(record->talk_seconds, 60);
    EXPECT_EQ(record->outcome, CallOutcome::kAnswered);
    EXPECT_EQ(record->call_id, "a1b2c3d4-0000-4000-8000-000000000001");
    EXPECT_EQ(record->other_leg_id, "b1b2c3d4-0000-4000-8000-000000000001");

    Cells busy = {"Agent",
                  "02150000001",
                  "13800000001",
                  "default",
                  "2026-12-01 10:00:00",
                  "",
                  "2026-12-01 10:00:09",
                  "9",
                  "0",
                  "USER_BUSY",
                  "a1b2c3d4-0000-4000-8000-000000000002"};
    const auto busy_record = ParseCallRow(layout, 2, busy, CallClock::kShanghai);
    ASSERT_TRUE(busy_record.has_value()) << Messages(busy_record.error());
    EXPECT_EQ(busy_record->outcome, CallOutcome::kBusy);
    EXPECT_TRUE(busy_record->agent_id.empty());
    busy[9] = "NO_ANSWER";
    EXPECT_EQ(ParseCallRow(layout, 3, busy, CallClock::kShanghai)->outcome, CallOutcome::kNotAnswered);
    busy[9] = "UNALLOCATED_NUMBER";
    EXPECT_EQ(ParseCallRow(layout, 4, busy, CallClock::kShanghai)->outcome, CallOutcome::kFailed);
}

// CC-8: the houqin template, zh-CN header (any order, hints in brackets, extra columns ignored); 成功访问 is a
// successful visit; times as an .xlsx date cell arrives ("2026-12-01 09:30") and as Excel's zh-CN CSV writes them.
TEST(CallRecordsTest, CC8HouqinTemplateChineseHeader) {
    const Cells header = {"工号",     "备注",     "被叫号码", "开始时间(YYYY-MM-DD HH:MM:SS)",
                          "应答时间", "结束时间", "通话秒数", "结果",
                          "主叫号码", "话单编号"};
    const auto layout = Detect(header);
    EXPECT_EQ(layout.layout, CallLayout::kHouqinTemplate);
    EXPECT_EQ(layout.header, HeaderRow::kPresent);
    const Cells row = {"A017", "回访",     "13900000001", "2026-12-01 09:30", "2026/12/1 9:30:10", "2026/12/1 9:35:10",
                       "300",  "成功访问", "02150000009", "HQ-0001"};
    const auto record = ParseCallRow(layout, 2, row, CallClock::kShanghai);
    ASSERT_TRUE(record.has_value()) << Messages(record.error());
    EXPECT_EQ(record->agent_id, "A017");
    EXPECT_EQ(record->called_number, "13900000001");
    EXPECT_EQ(record->calling_number, "02150000009");
    EXPECT_EQ(record->start, At(2026, 12, 1, 9, 30));
    EXPECT_EQ(*record->answer, At(2026, 12, 1, 9, 30, 10));
    EXPECT_EQ(record->talk_seconds, 300);
    EXPECT_EQ(record->result, "成功访问");
    EXPECT_TRUE(record->successful_visit);
    EXPECT_EQ(record->outcome, CallOutcome::kAnswered);
    EXPECT_EQ(record->call_id, "HQ-0001");

    // Unanswered, result 占线: busy, not a visit; no call ID: the stated key.
    const Cells busy = {"A017", "", "13900000002", "2026-12-01 09:40:00", "", "2026-12-01 09:40:20", "0", "占线"};
    const auto busy_record = ParseCallRow(layout, 3, busy, CallClock::kShanghai);
    ASSERT_TRUE(busy_record.has_value()) << Messages(busy_record.error());
    EXPECT_EQ(busy_record->outcome, CallOutcome::kBusy);
    EXPECT_FALSE(busy_record->successful_visit);
    EXPECT_TRUE(busy_record->call_id.empty());

    // 空号 (no such number): failed.
    auto invalid = busy;
    invalid[7] = "空号";
    EXPECT_EQ(ParseCallRow(layout, 4, invalid, CallClock::kShanghai)->outcome, CallOutcome::kFailed);
}

// CC-8: the template with an English header; a header lacking required columns is refused naming them.
TEST(CallRecordsTest, CC8HouqinTemplateEnglishHeaderAndMissingColumns) {
    const auto layout = Detect({"Agent ID", "Number called", "Start", "Answer", "End", "Talk seconds", "Result"});
    EXPECT_EQ(layout.layout, CallLayout::kHouqinTemplate);
    const auto record = ParseCallRow(
        layout, 2, {"A1", "139", "2026-12-01 09:00:00", "", "2026-12-01 09:00:30", "0", "Successful visit"},
        CallClock::kShanghai);
    ASSERT_TRUE(record.has_value()) << Messages(record.error());
    EXPECT_TRUE(record->successful_visit);

    const auto missing = DetectCallLayout({"工号", "被叫号码", "开始时间", "结束时间"}, kDefaults);
    ASSERT_FALSE(missing.has_value());
    EXPECT_NE(missing.error().message.zh.find("应答时间"), std::string::npos);
    EXPECT_NE(missing.error().message.en.find("talk seconds"), std::string::npos);
}

// CC-8: a vendor's saved column mapping reads a layout none of the others match, with or without a header.
TEST(CallRecordsTest, CC8SavedMappingReadsVendorLayout) {
    CallImportOptions options;
    options.mapping = CallColumnMapping{};
    auto& mapping = *options.mapping;
    mapping.header = HeaderRow::kAbsent;
    mapping.call_id = 0;
    mapping.agent_id = 1;
    mapping.called_number = 2;
    mapping.start = 3;
    mapping.end = 4;
    mapping.talk_seconds = 5;
    const Cells row = {"X-9", "7001", "13700000000", "2026-12-02 08:00:00", "2026-12-02 08:02:00", "100"};
    const auto layout = Detect(row, options);
    EXPECT_EQ(layout.layout, CallLayout::kMapped);
    EXPECT_EQ(layout.header, HeaderRow::kAbsent);
    const auto record = ParseCallRow(layout, 1, row, CallClock::kShanghai);
    ASSERT_TRUE(record.has_value()) << Messages(record.error());
    EXPECT_EQ(record->agent_id, "7001");
    EXPECT_EQ(record->call_id, "X-9");
    EXPECT_EQ(record->outcome, CallOutcome::kAnswered);

    // With no mapping the same row is none of the accepted layouts.
    EXPECT_FALSE(DetectCallLayout(row, kDefaults).has_value());

    // A mapping missing a required field is itself refused.
    mapping.talk_seconds.reset();
    const auto incomplete = DetectCallLayout(row, options);
    ASSERT_FALSE(incomplete.has_value());
    EXPECT_NE(incomplete.error().message.en.find("talk seconds"), std::string::npos);
}

// CC-8: a file of another layout (here the staff roster template) is refused on its first row, saying what was seen;
// the reader stops there and Finish repeats the refusal.
TEST(CallRecordsTest, CC8OtherLayoutRefused) {
    CallRecordReader reader;
    const auto first = reader.Read(1, {"姓名", "身份证号", "电话", "角色", "岗位", "入职日期"});
    ASSERT_FALSE(first.has_value());
    EXPECT_EQ(first.error().fields.at(0).field, "file");
    EXPECT_NE(first.error().message.en.find("none of the accepted layouts"), std::string::npos);
    EXPECT_NE(first.error().message.en.find("\"姓名\""), std::string::npos);
    EXPECT_FALSE(reader.Read(2, {"张三"}).has_value());
    EXPECT_FALSE(reader.Finish().has_value());
}

// CC-8: a row with too few columns is refused by row, naming where the columns run out.
TEST(CallRecordsTest, CC8RowWithTooFewColumns) {
    const auto row =
        AsteriskRow("8001", "138", "2026-12-01 09:00:00", "", "2026-12-01 09:00:30", "0", "NO ANSWER", "1.1", "1.1");
    const auto layout = Detect(row);
    const Cells short_row(row.begin(), row.begin() + 12);
    const auto record = ParseCallRow(layout, 7, short_row, CallClock::kShanghai);
    ASSERT_FALSE(record.has_value());
    ASSERT_EQ(record.error().fields.size(), 1u);
    EXPECT_EQ(record.error().fields[0].field, "row.7.columns");
    EXPECT_NE(record.error().fields[0].message.en.find("Row 7 has 12 columns"), std::string::npos);
    EXPECT_NE(record.error().fields[0].message.en.find("\"duration\""), std::string::npos);
    EXPECT_NE(record.error().fields[0].message.zh.find("第 7 行只有 12 列"), std::string::npos);
}

// CC-8: a bad timestamp is reported on its row and column, with the column's name as the file has it.
TEST(CallRecordsTest, CC8BadTimestampNamesTheColumn) {
    const auto good =
        AsteriskRow("8001", "138", "2026-12-01 09:00:00", "", "2026-12-01 09:00:30", "0", "NO ANSWER", "1.1", "1.1");
    const auto layout = Detect(good);
    auto row = good;
    row[9] = "2026-13-01 09:00:00";
    const auto record = ParseCallRow(layout, 9, row, CallClock::kShanghai);
    ASSERT_FALSE(record.has_value());
    ASSERT_EQ(record.error().fields.size(), 1u);
    EXPECT_EQ(record.error().fields[0].field, "row.9.start");
    EXPECT_EQ(
        record.error().fields[0].message.en,
        "Row 9, column 10 \"start\": should be a time like 2026-12-01 09:30:00; it reads \"2026-13-01 09:00:00\"");
    EXPECT_EQ(record.error().fields[0].message.zh,
              "第 9 行第 10 列“start”(开始时间):应为 2026-12-01 09:30:00 这样的时间,读到“2026-13-01 09:00:00”");

    // Other shapes that are not a time: 30 February, 24:00, trailing text, a two-digit year, no time, a cut minute.
    for (const std::string text : {"2026-02-30 09:00:00", "2026-12-01 24:00:00", "2026-12-01 09:00:00x",
                                   "26-12-01 09:00:00", "2026-12-01", "2026-12-01 09:0"}) {
        auto bad = good;
        bad[9] = text;
        EXPECT_FALSE(ParseCallRow(layout, 9, bad, CallClock::kShanghai).has_value()) << text;
    }
}

// CC-8: an end before the start and a negative billsec are refused on their columns; both errors of one row are
// listed.
TEST(CallRecordsTest, CC8EndBeforeStartAndNegativeBillsec) {
    const auto good = AsteriskRow("8001", "138", "2026-12-01 09:00:00", "2026-12-01 09:00:05", "2026-12-01 09:01:00",
                                  "55", "ANSWERED", "1.1", "1.1");
    const auto layout = Detect(good);
    auto bad = good;
    bad[11] = "2026-12-01 08:59:00";
    bad[13] = "-5";
    const auto record = ParseCallRow(layout, 4, bad, CallClock::kShanghai);
    ASSERT_FALSE(record.has_value());
    const auto text = Messages(record.error());
    EXPECT_NE(text.find("row.4.end: "), std::string::npos) << text;
    EXPECT_NE(text.find("is before the start"), std::string::npos) << text;
    EXPECT_NE(text.find("row.4.talk_seconds: "), std::string::npos) << text;
    EXPECT_NE(text.find("cannot be negative"), std::string::npos) << text;
    EXPECT_NE(text.find("不能为负数"), std::string::npos) << text;

    // Talk seconds longer than the call, and not a number.
    auto long_talk = good;
    long_talk[13] = "120";
    EXPECT_NE(Messages(ParseCallRow(layout, 5, long_talk, CallClock::kShanghai).error()).find("longer than the call"),
              std::string::npos);
    long_talk[13] = "1.5";
    EXPECT_NE(Messages(ParseCallRow(layout, 5, long_talk, CallClock::kShanghai).error()).find("whole seconds"),
              std::string::npos);
}

// CC-8: a file whose last line was cut off (a copy that stopped mid-row) is refused naming that row; nothing of it
// is imported: the reader's verdict is an error although the earlier rows were good.
TEST(CallRecordsTest, CC8TruncatedLastRowRefusesTheFile) {
    std::string csv;
    for (int i = 0; i < 3; ++i) {
        csv += CsvLine(AsteriskRow("8001", "138", "2026-12-01 09:00:00", "", "2026-12-01 09:00:30", "0", "NO ANSWER",
                                   fmt::format("1.{}", i), fmt::format("1.{}", i)));
    }
    const auto last = CsvLine(
        AsteriskRow("8001", "138", "2026-12-01 09:00:00", "", "2026-12-01 09:00:30", "0", "NO ANSWER", "1.9", "1.9"));
    csv += last.substr(0, last.find("09:00:30") + 8);  // cut after the end time, no newline either
    CallTotals totals;
    const auto outcome = ReadAll(csv, totals);
    ASSERT_FALSE(outcome.status.has_value());
    const auto text = Messages(outcome.status.error());
    EXPECT_NE(text.find("row.4.columns"), std::string::npos) << text;
    EXPECT_NE(text.find("a truncated last line?"), std::string::npos) << text;
    EXPECT_NE(text.find("no call record was imported"), std::string::npos) << text;
    EXPECT_EQ(outcome.records, 3);
}

// CC-8: a houqin template with only its header row holds no calls: refused, not imported as an empty month.
TEST(CallRecordsTest, CC8HeaderOnlyTemplateRefused) {
    CallTotals totals;
    const auto outcome = ReadAll("工号,被叫号码,开始时间,应答时间,结束时间,通话秒数,结果\n", totals);
    ASSERT_FALSE(outcome.status.has_value());
    EXPECT_EQ(outcome.status.error().message.en, "The file has a header and no call records");
    EXPECT_TRUE(outcome.totals.empty());

    CallRecordReader empty;
    ASSERT_FALSE(empty.Finish().has_value());
    EXPECT_EQ(empty.Finish().error().message.en, "The file is empty");
}

// CC-8: duplicate rows in one file and the same file imported again add nothing: the dedup key counts once.
TEST(CallRecordsTest, CC8DuplicateRowsAndReimportAddNothing) {
    std::string csv;
    const auto answered = AsteriskRow("8001", "138", "2026-12-01 09:00:00", "2026-12-01 09:00:10",
                                      "2026-12-01 09:01:10", "60", "ANSWERED", "100.1", "100.1");
    const auto missed = AsteriskRow("8001", "139", "2026-12-01 09:05:00", "", "2026-12-01 09:05:30", "0", "NO ANSWER",
                                    "100.2", "100.2");
    csv += CsvLine(answered) + CsvLine(missed) + CsvLine(answered);  // the answered call twice
    CallTotals totals;
    const auto first = ReadAll(csv, totals);
    ASSERT_TRUE(first.status.has_value()) << Messages(first.status.error());
    const std::vector<AgentMonthTotals> expected = {{"8001", 2026, 12, 2, 1, 0, 60}};
    EXPECT_EQ(first.totals, expected);
    EXPECT_EQ(totals.repeated_rows(), 1);

    const auto again = ReadAll(csv, totals);  // a re-import of the same file
    ASSERT_TRUE(again.status.has_value());
    EXPECT_EQ(again.totals, expected);
    EXPECT_EQ(totals.calls(), 2);
    EXPECT_EQ(totals.repeated_rows(), 4);

    // Without a call id the stated key (agent + called number + start) recognises the same call.
    CallTotals stated;
    const std::string template_csv =
        "工号,被叫号码,开始时间,应答时间,结束时间,通话秒数,结果\n"
        "A1,139,2026-12-01 09:00:00,2026-12-01 09:00:05,2026-12-01 09:02:05,120,成功访问\n"
        "A1,139,2026-12-01 09:00:00,2026-12-01 09:00:05,2026-12-01 09:02:05,120,成功访问\n"
        "A1,139,2026-12-01 10:00:00,,2026-12-01 10:00:20,0,未接通\n";
    const auto template_outcome = ReadAll(template_csv, stated);
    ASSERT_TRUE(template_outcome.status.has_value()) << Messages(template_outcome.status.error());
    EXPECT_EQ(template_outcome.totals, (std::vector<AgentMonthTotals>{{"A1", 2026, 12, 2, 1, 1, 120}}));
}

// CC-8: Asterisk CDRs of one call share its linkedid (a transfer, a Local channel): the call counts once, by its
// first leg in the file, whichever order the legs were written in.
TEST(CallRecordsTest, CC8AsteriskLegsSharingLinkedidCountOnce) {
    const auto first_leg = AsteriskRow("8001", "138", "2026-12-01 09:00:00", "2026-12-01 09:00:10",
                                       "2026-12-01 09:01:10", "60", "ANSWERED", "200.1", "200.1");
    const auto second_leg = AsteriskRow("8001", "138", "2026-12-01 09:00:02", "2026-12-01 09:00:10",
                                        "2026-12-01 09:01:10", "60", "ANSWERED", "200.2", "200.1");
    const auto other_call = AsteriskRow("8001", "137", "2026-12-01 09:10:00", "", "2026-12-01 09:10:30", "0",
                                        "NO ANSWER", "201.1", "201.1");
    const std::vector<AgentMonthTotals> expected = {{"8001", 2026, 12, 2, 1, 0, 60}};
    for (const auto& csv : {CsvLine(first_leg) + CsvLine(second_leg) + CsvLine(other_call),
                            CsvLine(second_leg) + CsvLine(other_call) + CsvLine(first_leg)}) {
        CallTotals totals;
        const auto outcome = ReadAll(csv, totals);
        ASSERT_TRUE(outcome.status.has_value()) << Messages(outcome.status.error());
        EXPECT_EQ(outcome.totals, expected);
        EXPECT_EQ(totals.repeated_rows(), 1);
    }
}

// CC-8: FreeSWITCH with legs="ab": the A leg names its B leg in bleg_uuid; the B leg's row (its own uuid, no link
// back) counts nothing, before or after the A leg.
TEST(CallRecordsTest, CC8FreeSwitchBLegCountsOnce) {
    const std::string a_uuid = "a1b2c3d4-0000-4000-8000-00000000000a";
    const std::string b_uuid = "a1b2c3d4-0000-4000-8000-00000000000b";
    const auto a_leg = FreeSwitchRow(a_uuid, b_uuid, "8005", "2026-12-01 10:00:05", "60", "NORMAL_CLEARING");
    const auto b_leg = FreeSwitchRow(b_uuid, "", "8005", "2026-12-01 10:00:05", "60", "NORMAL_CLEARING");
    const std::vector<AgentMonthTotals> expected = {{"8005", 2026, 12, 1, 1, 0, 60}};
    for (const auto& csv : {CsvLine(a_leg) + CsvLine(b_leg), CsvLine(b_leg) + CsvLine(a_leg)}) {
        CallTotals totals;
        const auto outcome = ReadAll(csv, totals);
        ASSERT_TRUE(outcome.status.has_value()) << Messages(outcome.status.error());
        EXPECT_EQ(outcome.totals, expected);
        EXPECT_EQ(totals.repeated_rows(), 1);
    }
}

// CC-8: a generated month (built here, with duplicate rows and second legs mixed in, and a few calls on the last
// evening of November and the first minute of December, Shanghai time) read through the CSV reader gives exactly the
// per-agent totals it was generated with.
TEST(CallRecordsTest, CC8GeneratedFileGivesKnownTotals) {
    struct Expected {
        std::int64_t calls = 0, answered = 0, talk = 0;
    };
    std::map<std::pair<std::string, unsigned>, Expected> expected;  // (agent, month)
    std::string csv;
    int sequence = 0;
    for (int agent = 0; agent < 20; ++agent) {
        const auto agent_id = fmt::format("80{:02d}", agent);
        for (int call = 0; call < 40 + agent; ++call) {
            // Calls spread from 2026-11-30 23:00 (November) across December.
            const std::int64_t start_s = At(2026, 11, 30, 23, 0).ms / 1000 + call * 3607L + agent * 61L;
            const bool answered = (call + agent) % 3 != 0;
            const std::int64_t talk = answered ? 20 + (call * 7 + agent) % 300 : 0;
            const auto stamp = [](std::int64_t seconds) {
                return Instant{seconds * 1000}.ToIso().substr(0, 19).replace(10, 1, " ");
            };
            const auto uniqueid = fmt::format("{}.{}", start_s, ++sequence);
            const auto row = AsteriskRow(agent_id, fmt::format("139{:08d}", call), stamp(start_s),
                                         answered ? stamp(start_s + 5) : "", stamp(start_s + 5 + talk),
                                         std::to_string(talk), answered ? "ANSWERED" : "NO ANSWER", uniqueid, uniqueid);
            csv += CsvLine(row);
            if (call % 7 == 3) csv += CsvLine(row);  // sent twice
            if (call % 5 == 1) {                     // a second leg of the same call
                auto leg = row;
                leg[16] = fmt::format("{}.{}", start_s, ++sequence);
                leg[13] = "1";
                csv += CsvLine(leg);
            }
            const auto month = Instant{start_s * 1000}.ShanghaiDate() < Date::FromYmd(2026, 12, 1) ? 11u : 12u;
            auto& totals = expected[{agent_id, month}];
            ++totals.calls;
            totals.answered += answered ? 1 : 0;
            totals.talk += talk;
        }
    }
    CallTotals totals;
    const auto outcome = ReadAll(csv, totals);
    ASSERT_TRUE(outcome.status.has_value()) << Messages(outcome.status.error());
    std::vector<AgentMonthTotals> want;
    for (const auto& [key, item] : expected) {
        want.push_back({key.first, 2026, key.second, item.calls, item.answered, 0, item.talk});
    }
    EXPECT_EQ(outcome.totals, want);
    EXPECT_GT(expected.count({"8000", 11u}), 0u);  // the month boundary was crossed
}

// CC-8: a PBX writing UTC (Asterisk usegmtime=yes) is read with CallClock::kUtc: 01:00 UTC is 09:00 in Shanghai.
TEST(CallRecordsTest, CC8UtcClockOption) {
    const auto row =
        AsteriskRow("8001", "138", "2026-12-01 01:00:00", "", "2026-12-01 01:00:30", "0", "NO ANSWER", "1.1", "1.1");
    const auto record = ParseCallRow(Detect(row), 1, row, CallClock::kUtc);
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->start, At(2026, 12, 1, 9, 0));
}

}  // namespace
}  // namespace houqin

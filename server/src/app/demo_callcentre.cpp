// The call-centre half of the demo (issue 14), written by `houqin seed-demo --call-centre` (make run): the outbound
// call centre 广州声通 runs for 九江镇 from the first of the month four months ago, with six agents, their agent IDs
// opened by written request, an outbound number, the approved scoring method, attendance, a monthly qualification
// test, three months and a bit of calls imported from a houqin-template file, a penalty suggestion accepted, a reward,
// and the three full months scored: one agent's third top-3 month has made the bonus proposal awaiting the office.
// Every step goes through the services as its users would take it, with the clock set to the day it happened.
#include "app/demo_callcentre.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/demo_seed.h"

namespace houqin {
namespace {

constexpr std::array<int, 17> kIdWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

// A valid GB 11643 resident ID number of Nanhai (440605) for a birth date and a sequence.
std::string DemoIdNumber(const std::string& birth_yyyymmdd, int sequence) {
    const auto first17 = fmt::format("440605{}{:03d}", birth_yyyymmdd, sequence);
    int sum = 0;
    for (std::size_t i = 0; i < first17.size(); ++i) sum += (first17[i] - '0') * kIdWeights[i];
    return first17 + "10X98765432"[sum % 11];
}

Instant At(Date day, int hour) {
    return *Instant::ParseIso(fmt::format("{}T{:02d}:00:00+08:00", day.ToString(), hour));
}

bool IsWeekday(Date day) {
    const auto weekday = (day.days() + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday != 0 && weekday != 6;
}

Date FirstOfMonth(Date day, int months_back) {
    const auto text = day.ToString();
    int year = std::stoi(text.substr(0, 4));
    int month = std::stoi(text.substr(5, 2)) - months_back;
    while (month < 1) {
        month += 12;
        --year;
    }
    return Date::FromYmd(year, static_cast<unsigned>(month), 1);
}

struct DemoAgent {
    const char* name;
    const char* birth;
    int calls_per_day;  // how busy, and so where they rank
    int success_percent;
    int talk_seconds;  // per answered call
    int late_every;    // a late arrival every n-th working day (0: never)
};

// Ranked roughly 1..6; 陈晓琳 stays in the top 3 every month (the CC-6 bonus), 刘洋 and 黄婷 trade places.
constexpr std::array<DemoAgent, 6> kAgents = {{
    {"陈晓琳", "19960314", 27, 82, 150, 0},
    {"刘洋", "19950722", 25, 78, 140, 11},
    {"黄婷", "19980105", 24, 80, 135, 7},
    {"李嘉欣", "19970918", 22, 70, 120, 5},
    {"周文杰", "19940430", 20, 66, 110, 4},
    {"吴敏", "19990611", 18, 60, 100, 3},
}};

// The i-th agent of a centre of any size: the six named ones, then generated ones of middling busyness.
DemoAgent AgentAt(std::size_t i) {
    if (i < kAgents.size()) return kAgents[i];
    const int k = static_cast<int>(i);
    return {"", "19960101", 17 + k % 9, 60 + k % 23, 100 + k % 50, k % 6 == 0 ? 0 : 3 + k % 9};
}

}  // namespace

Status SeedDemoCallCentre(Services& services, std::size_t agent_count) {
    agent_count = std::max(agent_count, kAgents.size());
    auto& context = services.context;
    const Clock real_clock = context.clock;
    const Date today = real_clock.Today();
    const Date start = FirstOfMonth(today, 4);

    const Actor office = DemoActor(context, "office");
    const Actor judicial = DemoActor(context, "sifa");
    const Actor party_office = DemoActor(context, "dangzheng");
    const Actor department = DemoActor(context, "dept");

    // The call centre and its manager's account.
    VendorQuery query;
    query.q = "声通";
    auto page = services.vendors.List(office, query);
    if (!page) return page.error();
    if ((*page)->items.empty()) return Error::NotFound({"演示外呼单位", "Demo call-centre vendor"});
    auto vendor_view = services.vendors.Get(office, (*page)->items.front().vendor.id);
    if (!vendor_view) return vendor_view.error();
    if (auto user = services.accounts.CreateUser(
            nullptr, {"vendor4", "林经理(声通外呼)", "Vendor@2026", "vendor", vendor_view->vendor.org_id});
        !user) {
        return user.error();
    }
    const Actor vendor = DemoActor(context, "vendor4");
    auto categories = services.catalogue.List(office, true);
    if (!categories) return categories.error();
    std::int64_t category_id = 0;
    for (const auto& category : *categories) {
        if (category.code == "callcenter") category_id = category.id;
    }

    // The contract, reviewed and signed on its first day.
    context.clock = Clock(At(start, 9));
    auto content = DemoContent(*vendor_view, category_id, department.org_id, "九江镇政务服务热线外呼服务外包合同",
                               start, Money::FromFen(216000000), Frequency::kMonthly);
    content.staffing = {{DayType::kWorkday, "话务员", 6, 8}};
    content.service_items = {
        {"政务热线回访外呼", "办事群众满意度回访、政策告知", "按月计费", Money::FromFen(216000000)}};
    auto created = services.contracts.Create(office, content);
    if (!created) return created.error();
    const auto contract_id = created->record.id;
    if (auto step = services.contracts.Submit(office, contract_id); !step) return step.error();
    if (auto step = services.contracts.Review(judicial, contract_id, 1, "approve", "条款合法,同意。"); !step) {
        return step.error();
    }
    if (auto step = services.contracts.Review(party_office, contract_id, 1, "approve", "文字已把关。"); !step) {
        return step.error();
    }
    static const std::string kScan = "%PDF-1.4\n% 演示用外呼合同扫描件\n%%EOF\n";
    auto scan = services.vendors.UploadAttachment(&office, {"外呼合同扫描件.pdf", "application/pdf", kScan});
    if (!scan) return scan.error();
    if (auto step = services.contracts.Sign(office, contract_id, {start, "李书记", "林经理", scan->id}); !step) {
        return step.error();
    }

    // The agents, their IDs by written request (CC-1), the outbound number (CC-2) and the scoring method (CC-3).
    std::vector<std::int64_t> people;
    std::vector<std::string> id_numbers;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < agent_count; ++i) {
        const auto agent = AgentAt(i);
        PersonInput person;
        names.push_back(i < kAgents.size() ? agent.name : fmt::format("话务员{:03d}", i + 1));
        person.name = names.back();
        // Sequence numbers 21, 23, … (odd: men's and women's alike are valid numbers) up to 999 a birth date.
        id_numbers.push_back(DemoIdNumber(agent.birth, 21 + static_cast<int>(i) * 2));
        person.id_number = id_numbers.back();
        person.phone = fmt::format("1380757{:04d}", 1001 + i);
        person.role = "agent";
        person.post = "话务员";
        person.start_date = start;
        auto added = services.staff.AddPerson(vendor, contract_id, person);
        if (!added) return added.error();
        people.push_back(added->person.id);
        AgentIdRequestInput request{
            "open", added->person.id, {"outbound", "follow_up"}, "新上岗话务员开通外呼工号", {}};
        auto asked = services.agent_ids.Request(office, contract_id, request);
        if (!asked) return asked.error();
        auto opened = services.agent_ids.CarryOut(vendor, asked->request.id,
                                                  {fmt::format("{}", 8001 + i), start.ToString(), "已在外呼系统开通"});
        if (!opened) return opened.error();
    }
    auto number = services.numbers.Request(office, contract_id,
                                           {"add", "075786501200", "", "政务热线回访专线", "开通回访外呼专线", {}});
    if (!number) return number.error();
    if (auto done =
            services.numbers.CarryOut(vendor, number->request.id, {start.ToString(), "已配置外呼线路与号码显示"});
        !done) {
        return done.error();
    }
    ScoringMethodInput method;
    method.effective_from = start.ToString().substr(0, 7);
    method.values.visits_target = 380;
    method.values.talk_seconds_target = 60000;
    method.note = "按默认权重,目标按上年热线回访量测算";
    auto drafted = services.scoring_methods.Draft(vendor, contract_id, method);
    if (!drafted) return drafted.error();
    if (auto step = services.scoring_methods.Submit(vendor, drafted->record.id, "请审定"); !step) return step.error();
    if (auto step = services.scoring_methods.Approve(office, drafted->record.id, "同意按此考核"); !step) {
        return step.error();
    }

    // Attendance on working days (a few late arrivals), a qualification test each month, and the calls.
    context.clock = real_clock;
    std::string attendance = "身份证号,姓名,岗位,日期,上班时间,下班时间,跨夜\n";
    std::string calls = "话单编号,工号,主叫号码,被叫号码,开始时间,应答时间,结束时间,通话秒数,结果\n";
    std::int64_t serial = 0;
    int working_day = 0;
    for (Date day = start; day < today; day = day.AddDays(1)) {
        if (day.ToString().substr(8, 2) == "20") {
            for (std::size_t i = 0; i < people.size(); ++i) {
                QualificationTestInput test{day, "外呼话术与政策知识月考", 95 - static_cast<std::int64_t>(i % 10) * 3};
                if (auto recorded = services.training.RecordTest(office, people[i], test); !recorded) {
                    return recorded.error();
                }
            }
        }
        if (!IsWeekday(day)) continue;
        ++working_day;
        for (std::size_t i = 0; i < people.size(); ++i) {
            const auto agent = AgentAt(i);
            const bool late = agent.late_every > 0 && working_day % agent.late_every == 0;
            attendance += fmt::format("{},{},话务员,{},{},18:05,否\n", id_numbers[i], names[i], day.ToString(),
                                      late ? "09:12" : "08:55");
            // Busier in later months for the best agent, so the ranking moves a little from month to month.
            const int count = agent.calls_per_day + (working_day % 3 == static_cast<int>(i % 3) ? 2 : 0);
            for (int call = 0; call < count; ++call) {
                const int minute = 9 * 60 + call * 17;
                const bool answered = (call * 37 + static_cast<int>(i) * 11) % 100 < 88;
                const bool success = answered && (call * 53 + working_day * 7) % 100 < agent.success_percent;
                const int talk = answered ? agent.talk_seconds + (call * 29) % 60 : 0;
                const auto begin = fmt::format("{} {:02d}:{:02d}:00", day.ToString(), minute / 60, minute % 60);
                const auto answer =
                    answered ? fmt::format("{} {:02d}:{:02d}:08", day.ToString(), minute / 60, minute % 60) : "";
                const int end_second = 8 + talk;
                const auto end = fmt::format("{} {:02d}:{:02d}:{:02d}", day.ToString(), (minute + end_second / 60) / 60,
                                             (minute + end_second / 60) % 60, end_second % 60);
                ++serial;
                calls += fmt::format("HQ{:08d},{},075786501200,1390757{:04d},{},{},{},{},{}\n", serial, 8001 + i,
                                     (serial * 7919) % 10000, begin, answer, end, talk,
                                     success ? "成功访问" : (answered ? "已接通" : "无人接听"));
            }
        }
    }
    // One import, as the vendor sends its attendance sheet (the rules then weigh it once, not per row).
    auto attended =
        services.staff.ImportAttendance(vendor, contract_id, {"声通考勤.csv", attendance, TextEncoding::kAuto});
    if (!attended) return attended.error();
    const auto file = std::filesystem::temp_directory_path() / fmt::format("houqin-demo-calls-{}.csv", contract_id);
    {
        std::ofstream out(file, std::ios::binary);
        out << calls;
    }
    CallImportRequest import;
    import.filename = "声通外呼话单.csv";
    auto imported = services.call_imports.RunNow(contract_id, import, file);
    std::filesystem::remove(file);
    if (!imported) return imported.error();

    // CC-4: a penalty suggestion for the last full month, made in time and accepted; CC-5: a reward.
    const Date last_month = FirstOfMonth(today, 1);
    context.clock = Clock(At(FirstOfMonth(today, 0), 10));
    PenaltySuggestionInput suggestion;
    suggestion.person_id = people[4];
    suggestion.month = last_month.ToString().substr(0, 7);
    suggestion.recording_ref = "录音 HQ-REC-0415";
    suggestion.supervision_note = "回访时未按规范核实办事人身份";
    auto suggested = services.penalty_suggestions.Submit(office, contract_id, suggestion);
    if (!suggested) return suggested.error();
    if (auto step = services.penalty_suggestions.Accept(vendor, suggested->suggestion.id, "核实属实,接受"); !step) {
        return step.error();
    }
    context.clock = real_clock;
    RewardInput reward;
    reward.person_ids = {people[0], people[2]};
    reward.amount_fen = 50000;
    reward.handed_out_by = "organisation";
    reward.reason = "热线回访群众表扬,甲方额外奖励";
    reward.awarded_on = last_month.AddDays(20).ToString();
    if (auto recorded = services.rewards.Record(office, contract_id, reward); !recorded) return recorded.error();

    // The three full months scored in order (CC-3); the third makes 陈晓琳's bonus proposal (CC-6).
    for (int back = 3; back >= 1; --back) {
        const auto month = FirstOfMonth(today, back).ToString().substr(0, 7);
        auto scored = services.agent_scores.Compute(office, contract_id, month);
        // STF-6 never guesses working days: a month of a year whose holiday calendar is not yet published is left for
        // the office to compute once an administrator has entered it (系统 > 节假日日历).
        if (!scored && scored.error().code == ErrorCode::kFailedPrecondition) {
            spdlog::warn("demo call centre: {} not scored: {}", month, scored.error().message.en);
            continue;
        }
        if (!scored) return scored.error();
    }
    return Ok();
}

}  // namespace houqin

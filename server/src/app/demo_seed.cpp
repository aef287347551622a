#include "app/demo_seed.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <array>
#include <stdexcept>
#include <string>
#include <utility>

#include "app/seed_catalogue.h"
#include "features/accounts/account_service.h"
#include "features/accounts/auth_service.h"
#include "features/accounts/store.h"
#include "features/catalogue/service.h"
#include "features/contracts/service.h"
#include "features/procurement/service.h"
#include "features/staff/service.h"
#include "features/supervision/assessment_service.h"
#include "features/supervision/oversight_service.h"
#include "features/supervision/policy_service.h"
#include "features/supervision/survey_service.h"
#include "features/vendors/rules/credit_code.h"
#include "features/vendors/service.h"

namespace houqin {
namespace {

// The demo is seeded relative to the clock (HOUQIN_FAKE_NOW in tests), so no year or month is written here.
// A survey period of a day's quarter and its Chinese label: {"2026-Q4", "2026年第四季度"}.
std::pair<std::string, std::string> QuarterOf(Date day) {
    static constexpr std::array<const char*, 4> kQuarterNames = {"一", "二", "三", "四"};
    const std::string text = day.ToString();
    const int quarter = (std::stoi(text.substr(5, 2)) - 1) / 3;
    const std::string year = text.substr(0, 4);
    return {fmt::format("{}-Q{}", year, quarter + 1),
            fmt::format("{}年第{}季度", year, kQuarterNames[static_cast<std::size_t>(quarter)])};
}

// The month before a day's month, as its number (1-12), for "通报上月考核情况".
int PreviousMonth(Date day) {
    const int month = std::stoi(day.ToString().substr(5, 2));
    return month == 1 ? 12 : month - 1;
}

std::string CreditCode(const std::string& first17) { return first17 + CreditCodeCheckCharacter(first17); }

struct DemoVendor {
    const char* name;
    const char* credit17;
    const char* town;  // "jiujiang" or "xincheng"
    std::vector<const char*> categories;
    std::int64_t staff;
    std::int64_t capital_yuan;
    // Qualification validity in days from today: negative = expired, small = expiring.
    std::vector<std::pair<const char*, int>> qualifications;
};

}  // namespace

Actor DemoActor(ServiceContext& context, const std::string& username) {
    auto actor = UserActor(context, username);
    if (!actor) throw std::logic_error("the demo has no user " + username);
    actor->request_id = "seed-demo";
    return *actor;
}

Result<Actor> UserActor(ServiceContext& context, const std::string& username) {
    auto lease = context.database.Acquire();
    const auto user = storage::FindUserByName(*lease, username);
    if (!user) {
        return Error::Invalid("as",
                              {fmt::format("没有用户 {}", username), fmt::format("There is no user {}", username)});
    }
    if (!user->active) {
        return Error::Precondition(
            {fmt::format("用户 {} 已停用", username), fmt::format("User {} is disabled", username)});
    }
    const auto org = storage::FindOrg(*lease, user->org_id);
    if (!org) return Error::NotFound({"用户所属单位", "the user's organisation"});
    Actor actor;
    actor.user_id = user->id;
    actor.username = user->username;
    actor.display_name = user->display_name;
    actor.role = user->role;
    actor.org_id = user->org_id;
    actor.org_name = user->org_name;
    actor.scope_path = AuthService::ScopePathFor(*lease, *org);
    if (org->kind == OrgKind::kVendor) actor.vendor_org_id = org->id;
    actor.request_id = "command-line";
    return actor;
}

ContractContent DemoContent(const VendorView& vendor, std::int64_t category_id, std::int64_t department_id,
                            const char* title, Date start, Money total, Frequency frequency) {
    ContractContent content;
    content.title = title;
    content.vendor_id = vendor.vendor.id;
    content.category_id = category_id;
    content.party_a = {"九江镇人民政府",   "李书记",
                       "0757-86501234",    "广东省佛山市南海区九江镇儒林东路1号",
                       "九江镇人民政府",   "中国农业银行佛山九江支行",
                       "44580101040000001"};
    const auto& v = vendor.vendor;
    content.party_b = {v.name,      v.legal_representative, v.contact_phone, v.address, v.bank_account_name,
                       v.bank_name, v.bank_account_no};
    content.term_start = start;
    content.term_end = start.AddDays(364);
    content.annual_amount = total;
    content.total_amount = total;
    const Money first = Money::FromFen(total.fen() / 3 * 2);
    content.service_items = {{"日常服务", "机关办公区及公共区域", "按月计费", first},
                             {"专项服务", "会务及临时任务", "按次计费,包干", total - first}};
    content.payment = {"银行转账", frequency, GenerateSchedule(content.term_start, content.term_end, frequency, total)};
    content.assessment = {Frequency::kMonthly, 60, {}, {{"优秀", 90}, {"良好", 80}, {"合格", 60}}};
    content.staffing = {{DayType::kWorkday, "服务人员", 4, 8},
                        {DayType::kWeekend, "服务人员", 2, 8},
                        {DayType::kHoliday, "服务人员", 2, 8}};
    content.deductions = {
        {DeductionKind::kPerPointBelowPass, Money::FromFen(10000), Money::FromFen(300000), "月度考核低于合格分"},
        {DeductionKind::kPerMissingStaffDay, Money::FromFen(20000), Money::FromFen(500000), "按考勤核定的缺岗人日"},
        {DeductionKind::kPerFailedItem, Money::FromFen(30000), Money::FromFen(300000), "考核项目得 0 分视为不合格"}};
    content.confidentiality =
        "乙方不得将本合同的内容向甲乙双方以外的、与签订和履行本合同无关的任何第三方泄露;"
        "乙方人员不得通过U盘拷贝、打印、网络邮件等方式外泄甲方数据。";
    content.breach_liability =
        "一方违约给对方造成损失的,应予赔偿。乙方服务人员造成甲方物品损坏或文件丢失的,由乙方负责赔偿;"
        "一年内考核累计三次不合格或满意度测评低于60%的,甲方可终止合同并要求乙方承担违约责任。";
    content.responsible_department_id = department_id;
    content.responsible_person = "王主任";
    content.responsible_phone = "0757-86500001";
    return content;
}

namespace {

// Three contracts at different points of their life: one in force and ending soon (it shows the renewal
// reminder, X-2), one halfway through review (CON-2), one draft.
Status SeedDemoContracts(ServiceContext& context, std::int64_t town, std::int64_t department,
                         const std::vector<VendorView>& vendors, const std::map<std::string, std::int64_t>& categories,
                         std::int64_t& active_id) {
    (void)town;
    ContractService contracts(context);
    VendorService files(context);
    const Actor office = DemoActor(context, "office");
    const Actor judicial = DemoActor(context, "sifa");
    const Actor party_office = DemoActor(context, "dangzheng");
    const Date today = context.clock.Today();

    auto active = contracts.Create(
        office, DemoContent(vendors[0], categories.at("cleaning"), department, "九江镇机关保洁绿化服务外包合同",
                            today.AddDays(-345), Money::FromFen(36000000), Frequency::kQuarterly));
    if (!active) return active.error();
    const auto id = active->record.id;
    active_id = id;
    if (auto step = contracts.Submit(office, id); !step) return step.error();
    if (auto step = contracts.Review(judicial, id, 1, "approve", "条款合法,同意。"); !step) return step.error();
    if (auto step = contracts.Review(party_office, id, 1, "approve", "文字已把关。"); !step) return step.error();
    static const std::string kScan = "%PDF-1.4\n% 演示用合同扫描件\n%%EOF\n";
    auto scan = files.UploadAttachment(&office, {"合同扫描件.pdf", "application/pdf", kScan});
    if (!scan) return scan.error();
    if (auto step = contracts.Sign(office, id, {today.AddDays(-350), "李书记", "法人1", scan->id}); !step) {
        return step.error();
    }
    const auto ledger = contracts.Ledger(office, id);
    if (ledger && !ledger->statement.periods.empty()) {
        const auto& first = ledger->statement.periods.front();
        if (auto entry = contracts.AddLedgerEntry(
                office, id, {"deduction", first.period, Money::FromFen(50000), "第一季度考核一次低于合格分(演示)"});
            !entry) {
            return entry.error();
        }
        if (auto payment =
                contracts.AddPayment(office, id,
                                     {first.period, first.amount - Money::FromFen(50000), first.due_date,
                                      fmt::format("NJ-{}-001", first.period.substr(0, 4)), "已扣减 500.00 元"});
            !payment) {
            return payment.error();
        }
    }

    auto review = contracts.Create(
        office, DemoContent(vendors[1], categories.at("order"), department, "九江镇机关秩序维护(保安)服务外包合同",
                            today.AddDays(30), Money::FromFen(48000000), Frequency::kMonthly));
    if (!review) return review.error();
    if (auto step = contracts.Submit(office, review->record.id); !step) return step.error();
    if (auto step = contracts.Review(judicial, review->record.id, 1, "approve", "同意。"); !step) return step.error();

    auto draft = contracts.Create(
        office, DemoContent(vendors[7], categories.at("catering"), department, "九江镇机关食堂餐饮服务外包合同",
                            today.AddDays(60), Money::FromFen(60000000), Frequency::kMonthly));
    if (!draft) return draft.error();
    return Ok();
}

// Procurement (PRJ-1 … PRJ-8): the rules of this year and the next, a bidding open for quotes (one vendor has bid,
// another registered), a project the rules send to government procurement, and one awaiting leadership. The demo
// bidding's secrets are printed in README.md so the opening can be tried once its time has come.
Status SeedDemoProcurement(ServiceContext& context, std::int64_t department, const std::vector<VendorView>& vendors,
                           const std::map<std::string, std::int64_t>& categories) {
    ContractService contracts(context);
    ProcurementServices procurement(context, contracts);
    procurement.sealing.SetSealLimits(MinimalSealLimitsForTests());
    VendorService files(context);
    const Actor admin = DemoActor(context, "admin");
    const Actor office = DemoActor(context, "office");
    const Actor leader = DemoActor(context, "leader");
    const Date today = context.clock.Today();
    const int year =
        static_cast<int>(std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{today.days()}}}.year());
    for (const int rules_year : {year, year + 1}) {
        ProcurementRulesInput rules;
        rules.threshold = Money::FromFen(100000000);  // 100 万元
        rules.basis = "annual_budget";
        rules.catalogue = {{"item", "C1204", "物业管理服务", "Property management"},
                           {"category", "callcenter", "呼叫中心外包服务", "Call-centre outsourcing"}};
        rules.reason = fmt::format("{} 年度政府集中采购目录及限额标准(演示)", rules_year);
        if (auto put = procurement.rules.PutRules(admin, rules_year, rules); !put) return put.error();
    }
    static const std::string kPlan = "%PDF-1.4\n% 演示用采购实施方案\n%%EOF\n";
    auto plan = files.UploadAttachment(&office, {"采购实施方案.pdf", "application/pdf", kPlan});
    if (!plan) return plan.error();
    const auto next_start = Date::FromYmd(year + 1, 1, 1);
    const auto next_end = Date::FromYmd(year + 1, 12, 31);
    auto input = [&](const std::string& name, const std::string& category, std::int64_t budget_fen,
                     std::vector<std::string> items) {
        ProjectInput project;
        project.name = name;
        project.year = year + 1;
        project.category_id = categories.at(category);
        project.item_codes = std::move(items);
        project.scope = "镇机关大院及各办公楼(演示)";
        project.annual_budget = Money::FromFen(budget_fen);
        project.total_budget = Money::FromFen(budget_fen);
        project.service_start = next_start;
        project.service_end = next_end;
        project.department_id = department;
        project.responsible_person = "陈主任";
        project.responsible_phone = "0757-86801234";
        project.plan_ids = {plan->id};
        return project;
    };

    // A bidding already opened (vendor2 lowest; vendor3 above the ceiling, so invalid), awaiting the award. Written
    // with the clock of each step's day, as it happened.
    {
        const Date start = today.AddDays(-40);
        const auto at = [](Date day, int hour, int minute) {
            return Instant{(day.days() * 86400 - kShanghaiOffsetSeconds + hour * 3600 + minute * 60) * 1000LL};
        };
        const auto on = [&](Date day, int hour, auto&& body) -> Status {
            ServiceContext past{context.database, Clock(at(day, hour, 0)), {}};
            ContractService past_contracts(past);
            ProcurementServices past_procurement(past, past_contracts);
            past_procurement.sealing.SetSealLimits(MinimalSealLimitsForTests());
            return body(past_procurement);
        };
        const SealSecrets secrets{"Kaibiao#2026-Office", "Jianzheng#2026-Jiwei"};
        // PRJ-7: the witness consents from their own account before each witnessed step.
        const Actor witness = DemoActor(context, "jiwei");
        std::int64_t id = 0;
        auto status = on(start, 9, [&](ProcurementServices& p) -> Status {
            auto created = p.projects.Create(
                office, input(fmt::format("{} 年度机关商务服务(文印、票务)外包", year + 1), "business", 22000000, {}));
            if (!created) return created.error();
            id = created->record.id;
            if (auto step = p.projects.Submit(office, id); !step) return step.error();
            if (auto step = p.projects.Decide(leader, id, "approve", "同意。"); !step) return step.error();
            if (auto step = p.projects.SetCeiling(leader, id, {Money::FromFen(20000000), "党委会议确定"}); !step) {
                return step.error();
            }
            if (auto step = p.sealing.GiveWitnessConsent(witness, id, kConsentOpenBidding); !step) return step.error();
            if (auto step = p.sealing.OpenBidding(
                    office, id, {at(start.AddDays(10), 17, 0), at(start.AddDays(11), 9, 30), secrets});
                !step) {
                return step.error();
            }
            return Ok();
        });
        if (!status) return status;
        status = on(start.AddDays(3), 10, [&](ProcurementServices& p) -> Status {
            const std::vector<std::pair<std::string, std::int64_t>> quotes = {
                {"vendor1", 18800000}, {"vendor2", 17650000}, {"vendor3", 21500000}};
            for (const auto& [user, fen] : quotes) {
                const Actor bidder = DemoActor(context, user);
                if (auto step = p.bidding.Register(bidder, id, std::nullopt); !step) return step.error();
                if (auto step = p.bidding.SubmitBid(bidder, id, Money::FromFen(fen)); !step) return step.error();
            }
            return Ok();
        });
        if (!status) return status;
        status = on(start.AddDays(11), 10, [&](ProcurementServices& p) -> Status {
            if (auto step = p.sealing.GiveWitnessConsent(witness, id, kConsentOpening); !step) return step.error();
            if (auto opened = p.opening.Open(office, id, secrets); !opened) return opened.error();
            return Ok();
        });
        if (!status) return status;
    }

    auto meeting = procurement.projects.Create(
        office, input(fmt::format("{} 年度机关会议服务外包", year + 1), "meeting", 36000000, {}));
    if (!meeting) return meeting.error();
    const auto meeting_id = meeting->record.id;
    if (auto step = procurement.projects.Submit(office, meeting_id); !step) return step.error();
    if (auto step = procurement.projects.Decide(leader, meeting_id, "approve", "同意按内部程序组织投标。"); !step) {
        return step.error();
    }
    if (auto step = procurement.projects.SetCeiling(leader, meeting_id, {Money::FromFen(35000000), "党委会议确定"});
        !step) {
        return step.error();
    }
    const auto deadline = Instant{(today.AddDays(14).days() * 86400 - kShanghaiOffsetSeconds + 17 * 3600) * 1000};
    const auto opening = Instant{(today.AddDays(15).days() * 86400 - kShanghaiOffsetSeconds + 9 * 3600 + 1800) * 1000};
    if (auto step =
            procurement.sealing.GiveWitnessConsent(DemoActor(context, "jiwei"), meeting_id, kConsentOpenBidding);
        !step) {
        return step.error();
    }
    if (auto step = procurement.sealing.OpenBidding(
            office, meeting_id, {deadline, opening, {"Kaibiao#2026-Office", "Jianzheng#2026-Jiwei"}});
        !step) {
        return step.error();
    }
    const Actor vendor1 = DemoActor(context, "vendor1");
    const Actor vendor2 = DemoActor(context, "vendor2");
    if (auto step = procurement.bidding.Register(vendor1, meeting_id, std::nullopt); !step) return step.error();
    if (auto step = procurement.bidding.SubmitBid(vendor1, meeting_id, Money::FromFen(33800000)); !step)
        return step.error();
    if (auto step = procurement.bidding.Register(vendor2, meeting_id, std::nullopt); !step) return step.error();

    auto property = procurement.projects.Create(
        office, input(fmt::format("{} 年度机关大院物业管理服务", year + 1), "cleaning", 128000000, {"C1204"}));
    if (!property) return property.error();
    if (auto step = procurement.projects.Submit(office, property->record.id); !step) return step.error();
    if (auto step = procurement.projects.Decide(leader, property->record.id, "approve", "同意,按政府采购规定执行。");
        !step) {
        return step.error();
    }

    auto catering = procurement.projects.Create(
        office, input(fmt::format("{} 年度机关食堂餐饮服务", year + 1), "catering", 58000000, {}));
    if (!catering) return catering.error();
    if (auto step = procurement.projects.Submit(office, catering->record.id); !step) return step.error();
    (void)vendors;
    return Ok();
}

// The supervision history of the contract in force: six monthly assessments (one failed, with its deduction
// proposal; the latest under appeal), a closed and an open survey, a held meeting with opinions and rectifications
// (one overdue), a communication and an energy-saving record. Records dated in the past are written with the clock
// set to their date, so their recorded times, deadlines and appeal windows are those of that day.
Status SeedDemoSupervision(ServiceContext& context, std::int64_t contract_id, std::int64_t vendor_id,
                           std::int64_t social, std::int64_t finance) {
    const Date today = context.clock.Today();
    const auto at = [](Date day, int hour) {
        return Instant{(day.days() * 86400 + hour * 3600 - 8 * 3600) * 1000LL};  // Asia/Shanghai
    };
    const auto with_clock = [&](Date day, auto&& body) -> Status {
        ServiceContext past{context.database, Clock(at(day, 10)), {}};
        ContractService contracts(past);
        StaffService staff(past, contracts);
        PolicyService policy(past, contracts, staff);
        AssessmentService assessments(past, policy);
        SurveyService surveys(past, policy);
        OversightService oversight(past, policy);
        return body(assessments, surveys, oversight, policy);
    };
    const Actor office = DemoActor(context, "office");
    const Actor vendor = DemoActor(context, "vendor1");
    const Actor leader = DemoActor(context, "leader");
    std::vector<std::string> checklist;
    {
        ContractService contracts(context);
        StaffService staff(context, contracts);
        PolicyService policy(context, contracts, staff);
        AssessmentService assessments(context, policy);
        auto form = assessments.Form(office, contract_id);
        if (!form) return form.error();
        for (const auto& item : form->terms.checklist) checklist.push_back(item.item);
    }
    // Points lost per item (tenths), item maxima 15,15,15,10,10,10,10,10,5.
    const std::vector<std::vector<int>> lost = {
        {10, 20, 0, 10, 0, 0, 10, 0, 0},       // 95
        {20, 30, 25, 10, 0, 20, 0, 10, 0},     // 88.5
        {10, 10, 0, 0, 0, 0, 0, 0, 0},         // 98
        {150, 150, 80, 20, 10, 10, 0, 10, 0},  // 57: two items scored 0, a deduction (RP-2)
        {30, 20, 20, 10, 10, 0, 10, 0, 0},     // 90
        {20, 25, 40, 0, 10, 20, 10, 10, 0},    // 86.5
    };
    const auto periods = [&] {
        std::vector<TermPeriod> done;
        auto lease = context.database.Acquire();
        const auto contract = storage::FindContract(*lease, contract_id, {"/", std::nullopt});
        const auto content = storage::ParseContractContent(
            storage::FindContractVersion(*lease, contract_id, contract->active_version_no)->content_json);
        for (const auto& period : TermPeriods(contract->term_start, contract->term_end, content.assessment.frequency)) {
            if (period.last < today) done.push_back(period);
        }
        return done;
    }();
    if (periods.size() < lost.size()) return Ok();
    std::int64_t latest_assessment = 0;
    for (std::size_t i = 0; i < lost.size(); ++i) {
        const auto& period = periods[periods.size() - lost.size() + i];
        const bool latest = i + 1 == lost.size();
        const Date day = std::min(period.last.AddDays(3), today);
        AssessmentInput input;
        input.contract_id = contract_id;
        input.period = period.label;
        input.assessed_on = day;
        input.missing_staff_days = i == 3 ? 2 : 0;
        input.summary = i == 3 ? "卫生间、公共区域多处未清洁,两名保洁员缺岗" : "总体良好";
        for (std::size_t k = 0; k < checklist.size(); ++k) {
            input.items.push_back({checklist[k], lost[i][k], lost[i][k] > 0 ? "现场检查发现不足" : "", {}});
        }
        // The latest one is recorded today, so its appeal window is still open for the demo.
        auto status = with_clock(latest ? today : day, [&](auto& assessments, auto&, auto&, auto&) -> Status {
            auto created = assessments.Create(office, input);
            if (!created) return created.error();
            latest_assessment = created->record.id;
            return Ok();
        });
        if (!status) return status;
    }
    {
        ContractService contracts(context);
        StaffService staff(context, contracts);
        PolicyService policy(context, contracts, staff);
        AssessmentService assessments(context, policy);
        auto appeal = assessments.Appeal(vendor, latest_assessment,
                                         {"公共区域扣 4 分中有 2 分系装修施工造成,非保洁原因,附施工通知", {}});
        if (!appeal) return appeal.error();
    }

    // Satisfaction: last quarter's survey, answered and closed; this quarter's, open.
    const Date survey_day = today.AddDays(-40);
    std::int64_t closed_survey = 0;
    auto status = with_clock(survey_day, [&](auto&, auto& surveys, auto&, auto&) -> Status {
        const auto [period, label] = QuarterOf(survey_day);
        auto survey = surveys.Create(
            office, {contract_id, period, label + "保洁绿化服务满意度调查", false, survey_day.AddDays(10), {}});
        if (!survey) return survey.error();
        closed_survey = survey->record.id;
        const std::vector<std::pair<std::string, std::string>> answers = {
            {"dept", "very_satisfied"}, {"dept2", "satisfied"}, {"dept3", "basically_satisfied"}};
        for (const auto& [user, rating] : answers) {
            auto answered = surveys.Answer(DemoActor(context, user), closed_survey,
                                           {rating,
                                            {{"attitude", "5"}, {"quality", "4"}, {"timeliness", "4"}},
                                            user == "dept3" ? "周末垃圾清运偶有延迟" : ""});
            if (!answered) return answered.error();
        }
        return Ok();
    });
    if (!status) return status;
    status = with_clock(survey_day.AddDays(11), [&](auto&, auto& surveys, auto&, auto&) -> Status {
        auto closed = surveys.Close(office, closed_survey);
        return closed ? Ok() : Status(closed.error());
    });
    if (!status) return status;
    {
        ContractService contracts(context);
        StaffService staff(context, contracts);
        PolicyService policy(context, contracts, staff);
        SurveyService surveys(context, policy);
        const auto [period, label] = QuarterOf(today);
        auto open = surveys.Create(
            office, {contract_id, period, label + "保洁绿化服务满意度调查(匿名)", true, today.AddDays(14), {}});
        if (!open) return open.error();
    }

    // A work meeting held three weeks ago, with opinions and the rectifications it decided.
    const Date meeting_day = today.AddDays(-21);
    status = with_clock(meeting_day.AddDays(-3), [&](auto&, auto&, auto& oversight, auto&) -> Status {
        const std::string day = meeting_day.ToString();
        auto meeting = oversight.CreateMeeting(
            office, {fmt::format("{}年{}月后勤服务工作例会", day.substr(0, 4), std::stoi(day.substr(5, 2))),
                     at(meeting_day, 15),
                     "镇政府三楼会议室",
                     {vendor_id},
                     {social, finance},
                     fmt::format("一、通报{}月考核情况;二、听取各部门意见;三、部署整改", PreviousMonth(meeting_day))});
        if (!meeting) return meeting.error();
        const auto meeting_id = meeting->record.id;
        if (auto opinion = oversight.AddOpinion(DemoActor(context, "dept"), meeting_id,
                                                {"opinion", "社会事务办卫生间清洁不及时,下午常缺纸巾"});
            !opinion) {
            return opinion.error();
        }
        if (auto opinion = oversight.AddOpinion(DemoActor(context, "dept2"), meeting_id,
                                                {"suggestion", "建议增加午间一次公共区域巡查保洁"});
            !opinion) {
            return opinion.error();
        }
        return Ok();
    });
    if (!status) return status;
    status = with_clock(meeting_day, [&](auto&, auto&, auto& oversight, auto&) -> Status {
        auto meetings = oversight.ListMeetings(office, {});
        if (!meetings || meetings->items.empty()) return Ok();
        const auto meeting_id = meetings->items.front().record.id;
        auto held = oversight.RecordMinutes(
            office, meeting_id,
            {fmt::format("会议通报了{}月考核情况;服务商承诺增加卫生间巡查频次,两周内完成;公共区域午间巡查一周内落实。",
                         PreviousMonth(meeting_day)),
             "王主任、刘干事、孙会计、长安物业张经理"});
        if (!held) return held.error();
        auto first = oversight.CreateRectification(
            office, {contract_id, meeting_id, std::nullopt, "卫生间巡查保洁不及时", "增加卫生间巡查频次至每两小时一次",
                     "张经理", meeting_day.AddDays(14)});
        if (!first) return first.error();
        auto second = oversight.CreateRectification(
            office, {contract_id, meeting_id, std::nullopt, "公共区域午间巡查", "每日 12:00-13:00 增加一次公共区域巡查",
                     "张经理", meeting_day.AddDays(7)});
        if (!second) return second.error();
        return Ok();
    });
    if (!status) return status;

    // A communication and an energy-saving measure (RP-1).
    {
        ContractService contracts(context);
        StaffService staff(context, contracts);
        PolicyService policy(context, contracts, staff);
        OversightService oversight(context, policy);
        if (auto logged = oversight.CreateCommunication(
                office, {vendor_id, contract_id, at(today.AddDays(-2), 9), "phone", "张经理(长安物业)",
                         "电话提醒整改期限已过,对方称下周一前完成卫生间巡查整改"});
            !logged) {
            return logged.error();
        }
        if (auto saved = oversight.CreateEnergySaving(office, {contract_id,
                                                               today.AddDays(-30),
                                                               "公共区域照明改为感应灯,夜间空调定时关闭",
                                                               Money::FromFen(320000),
                                                               4200,
                                                               {}});
            !saved) {
            return saved.error();
        }
    }
    (void)leader;
    return Ok();
}

}  // namespace

// STF-1, STF-6: the active contract's people (the vendor's roster) and last month's attendance, imported as the office
// would from the template, so the 人员 and 考勤 tabs have something to show. The month is fully staffed by the holiday
// calendar, so no deduction is proposed from it.
Status SeedDemoStaff(ServiceContext& context, std::int64_t contract_id) {
    ContractService contracts(context);
    StaffService staff(context, contracts);
    const Actor vendor = DemoActor(context, "vendor1");
    const Actor office = DemoActor(context, "office");
    const Date today = context.clock.Today();
    struct DemoPerson {
        const char* name;
        const char* birth;  // YYYYMMDD
        const char* role;
    };
    const std::array<DemoPerson, 5> people = {{{"黄丽华", "19780412", "cleaner"},
                                               {"梁志强", "19820925", "guard"},
                                               {"陈美玲", "19850307", "cleaner"},
                                               {"何建国", "19760118", "gardener"},
                                               {"李秀英", "19900630", "cleaner"}}};
    const auto contract = contracts.Get(office, contract_id);
    if (!contract) return contract.error();
    std::vector<std::string> numbers;
    int sequence = 21;
    for (const auto& person : people) {
        const std::string first17 = fmt::format("440605{}{:03}", person.birth, sequence);
        sequence += 12;
        const auto number = first17 + ResidentIdCheckCharacter(first17);
        numbers.push_back(number);
        PersonInput input{person.name, number, "13900000000", person.role, "服务人员", contract->record.term_start,
                          std::nullopt};
        if (auto added = staff.AddPerson(vendor, contract_id, input); !added) return added.error();
    }
    // Last month, day by day: four people on a working day, two on a rest day or holiday (the contract's staffing).
    HolidayCalendars calendars;
    for (const auto& calendar : PublishedCalendars()) calendars.Add(calendar);
    const Date last_month_end = Date::FromYmd(YearOf(today), MonthOf(today), 1).AddDays(-1);
    const Date first =
        std::max(Date::FromYmd(YearOf(last_month_end), MonthOf(last_month_end), 1), contract->record.term_start);
    std::string csv = "身份证号,姓名,岗位,日期,上班时间,下班时间,跨夜\r\n";
    int rotation = 0;
    for (Date day = first; day <= last_month_end; day = day.AddDays(1)) {
        const auto type = calendars.TypeOf(day).type;
        const bool working = type ? *type == DayType::kWorkday : IsoWeekday(day) <= 5;
        const int count = working ? 4 : 2;
        for (int index = 0; index < count; ++index) {
            const auto& person = people[static_cast<std::size_t>((rotation + index) % 5)];
            const auto& number = numbers[static_cast<std::size_t>((rotation + index) % 5)];
            csv += fmt::format("{},{},服务人员,{},08:00,16:30,否\r\n", number, person.name, day.ToString());
        }
        ++rotation;
    }
    ImportFile file{"上月考勤.csv", csv, TextEncoding::kUtf8};
    if (auto imported = staff.ImportAttendance(office, contract_id, file); !imported) return imported.error();
    return Ok();
}

Status SeedDemo(ServiceContext& context) {
    {
        auto lease = context.database.Acquire();
        if (storage::CountUsers(*lease) > 0) {
            return Error::Precondition({"数据库中已有用户,演示数据只能写入空数据库",
                                        "The database already has users; demo data goes into an empty database only"});
        }
    }
    AccountService accounts(context);
    CatalogueService catalogue(context);
    VendorService vendors(context);

    // The administrator first: its root organisation is the county.
    auto admin = accounts.CreateUser(nullptr, {"admin", "系统管理员", "Admin@2026", "admin", std::nullopt});
    if (!admin) return admin.error();
    std::int64_t jiujiang = 0, xincheng = 0, office = 0, leadership = 0, discipline = 0, judicial = 0, party_office = 0,
                 social = 0, finance = 0;
    {
        auto lease = context.database.Acquire();
        const auto now = context.clock.Now();
        lease->Execute("UPDATE orgs SET name = ? WHERE id = ?", {std::string("某某县"), admin->org_id});
        const auto add_org = [&](std::int64_t parent, const char* name, OrgKind kind) {
            return SeedOrg(*lease, now, parent, name, kind);
        };
        const auto county = admin->org_id;
        jiujiang = add_org(county, "九江镇", OrgKind::kTown);
        xincheng = add_org(county, "新城镇", OrgKind::kTown);
        office = add_org(jiujiang, "机关事务办", OrgKind::kDepartment);
        leadership = add_org(jiujiang, "镇党委、政府", OrgKind::kDepartment);
        discipline = add_org(jiujiang, "镇纪委", OrgKind::kDepartment);
        judicial = add_org(jiujiang, "镇司法所", OrgKind::kDepartment);
        party_office = add_org(jiujiang, "镇党政办", OrgKind::kDepartment);
        social = add_org(jiujiang, "社会事务办", OrgKind::kDepartment);
        finance = add_org(jiujiang, "财政所", OrgKind::kDepartment);
        add_org(xincheng, "新城镇机关事务办", OrgKind::kDepartment);
    }  // the connection goes back before the services borrow theirs

    const std::vector<NewUser> users = {
        {"office", "王主任(机关事务办)", "Office@2026", "office", office},
        {"leader", "李书记(镇领导)", "Leader@2026", "leadership", leadership},
        {"jiwei", "赵书记(纪委)", "Jiwei@2026", "discipline", discipline},
        {"sifa", "陈所长(司法所)", "Sifa@2026", "judicial", judicial},
        {"dangzheng", "周主任(党政办)", "Dangzheng@2026", "party_office", party_office},
        {"dept", "刘干事(社会事务办)", "Dept@2026", "department", social},
        {"dept2", "孙会计(财政所)", "Dept@2026", "department", finance},
        {"dept3", "吴干事(社会事务办)", "Dept@2026", "department", social},
    };
    for (const auto& user : users) {
        if (auto created = accounts.CreateUser(nullptr, user); !created) return created.error();
    }

    std::map<std::string, std::int64_t> category_ids;
    for (const auto& item : SeedCatalogue()) {
        Category category = SeedCategoryRecord(item, static_cast<int>(category_ids.size() + 1) * 10);
        if (item.parent) category.parent_id = category_ids.at(item.parent);
        auto created = catalogue.Create(nullptr, category);
        if (!created) return created.error();
        category_ids[item.code] = created->id;
    }

    const std::vector<DemoVendor> demo_vendors = {
        {"九江长安物业服务有限公司",
         "91440605MA4W00001",
         "jiujiang",
         {"cleaning", "order"},
         48,
         5000000,
         {{"营业执照", 3000}, {"保洁服务资质", 400}, {"保安服务许可证", 20}}},
        {"佛山安泰保安服务有限公司",
         "91440605MA4W00002",
         "jiujiang",
         {"order"},
         120,
         10000000,
         {{"营业执照", 3000}, {"保安服务许可证", -15}}},
        {"南海洁美保洁有限公司",
         "91440605MA4W00003",
         "jiujiang",
         {"cleaning"},
         35,
         2000000,
         {{"营业执照", 2500}, {"保洁服务资质", 200}}},
        {"广东绿源环境卫生有限公司",
         "91440605MA4W00004",
         "jiujiang",
         {"hygiene", "cleaning"},
         22,
         3000000,
         {{"营业执照", 2000}, {"有害生物防制资质", 12}}},
        {"佛山冷暖机电工程有限公司",
         "91440605MA4W00005",
         "jiujiang",
         {"aircon", "maintenance"},
         15,
         5000000,
         {{"营业执照", 1500}, {"制冷设备维修资质", -40}}},
        {"南海消防技术服务有限公司",
         "91440605MA4W00006",
         "jiujiang",
         {"fire"},
         18,
         6000000,
         {{"营业执照", 1800}, {"消防设施维护保养检测资质", 365}}},
        {"九江天眼安防科技有限公司",
         "91440605MA4W00007",
         "jiujiang",
         {"cctv"},
         9,
         1000000,
         {{"营业执照", 900}, {"安防工程资质", 180}}},
        {"佛山味道餐饮管理有限公司",
         "91440605MA4W00008",
         "jiujiang",
         {"catering"},
         26,
         3000000,
         {{"营业执照", 1200}, {"食品经营许可证", 25}}},
        {"顺德会展商务服务有限公司",
         "91440605MA4W00009",
         "jiujiang",
         {"meeting", "business", "ticketing"},
         12,
         1000000,
         {{"营业执照", 1600}}},
        {"广州声通外呼服务有限公司",
         "91440101MA5C00010",
         "jiujiang",
         {"callcenter"},
         150,
         20000000,
         {{"营业执照", 2200}, {"增值电信业务经营许可证", 500}}},
        {"新城洁净物业有限公司",
         "91440605MA4W00011",
         "xincheng",
         {"cleaning"},
         30,
         2000000,
         {{"营业执照", 2000}, {"保洁服务资质", -3}}},
        {"新城平安保安服务有限公司",
         "91440605MA4W00012",
         "xincheng",
         {"order"},
         60,
         5000000,
         {{"营业执照", 2000}, {"保安服务许可证", 90}}},
    };
    std::vector<VendorView> created_vendors;
    const auto today = context.clock.Today();
    int index = 0;
    for (const auto& item : demo_vendors) {
        ++index;
        Vendor vendor;
        vendor.name = item.name;
        vendor.credit_code = CreditCode(item.credit17);
        vendor.legal_representative = fmt::format("法人{}", index);
        vendor.contact_name = fmt::format("联系人{}", index);
        vendor.contact_phone = fmt::format("0757-8680{:04d}", index);
        vendor.address = fmt::format("广东省佛山市南海区九江镇儒林东路{}号", index * 3);
        vendor.bank_account_name = item.name;
        vendor.bank_name = "中国农业银行佛山九江支行";
        vendor.bank_account_no = fmt::format("4458010104000{:05d}", index * 37);
        vendor.staff_count = item.staff;
        vendor.registered_capital = Money::FromFen(item.capital_yuan * 100);
        vendor.has_training_system = index % 4 != 0;
        vendor.has_management_system = index % 5 != 0;
        for (const auto* code : item.categories) vendor.category_ids.push_back(category_ids.at(code));
        auto created = vendors.Create(nullptr, vendor, std::string(item.town) == "jiujiang" ? jiujiang : xincheng);
        if (!created) return created.error();
        int certificate = 0;
        for (const auto& [type, days] : item.qualifications) {
            Qualification qualification;
            qualification.type = type;
            qualification.cert_no = fmt::format("ZZ-{:03d}-{:02d}", index, ++certificate);
            qualification.issuer =
                std::string(type) == "营业执照" ? "佛山市南海区市场监督管理局" : "广东省相关主管部门";
            qualification.valid_until = today.AddDays(days);
            // Issued in the past (a certificate valid for years is not issued in the future).
            qualification.valid_from = std::min(qualification.valid_until.AddDays(-3 * 365), today.AddDays(-400));
            if (auto added = vendors.AddQualification(nullptr, created->vendor.id, qualification); !added) {
                return added.error();
            }
        }
        created_vendors.push_back(*created);
    }
    // Vendor users: one for each of two vendors, to show that each sees only its own records (ROLE-8).
    if (auto user = accounts.CreateUser(
            nullptr, {"vendor1", "张经理(长安物业)", "Vendor@2026", "vendor", created_vendors[0].vendor.org_id});
        !user) {
        return user.error();
    }
    if (auto user = accounts.CreateUser(
            nullptr, {"vendor2", "黄队长(安泰保安)", "Vendor@2026", "vendor", created_vendors[1].vendor.org_id});
        !user) {
        return user.error();
    }
    if (auto user = accounts.CreateUser(
            nullptr, {"vendor3", "何经理(南海洁美)", "Vendor@2026", "vendor", created_vendors[2].vendor.org_id});
        !user) {
        return user.error();
    }
    std::int64_t active_contract = 0;
    if (auto status = SeedDemoContracts(context, jiujiang, office, created_vendors, category_ids, active_contract);
        !status)
        return status;
    if (auto status = SeedDemoSupervision(context, active_contract, created_vendors[0].vendor.id, social, finance);
        !status) {
        return status;
    }
    if (auto status = SeedDemoStaff(context, active_contract); !status) return status;
    if (auto status = SeedDemoProcurement(context, office, created_vendors, category_ids); !status) return status;
    spdlog::info("demo data written: {} categories, {} vendors, 3 contracts", category_ids.size(),
                 created_vendors.size());
    return Ok();
}

}  // namespace houqin

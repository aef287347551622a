// Issue 15: `houqin seed-scale`, a county's five years (2022-01 to 2026-11) for measuring every page.
//
// Every record goes through the services, as the demo's (app/demo_seed.cpp, app/demo_callcentre.cpp): the user who
// would enter it acts, with the clock set to the day and hour it happened, so permissions, rules, workflow events
// and the audit chain are those of a real county. The county is drawn from a small generator of our own
// (splitmix64) rather than <random>'s distributions, whose results differ between standard libraries: the same
// seed gives the same rows and the same audit chain on any build.
#include "app/scale_seed.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/demo_seed.h"
#include "app/seed_catalogue.h"
#include "features/accounts/store.h"
#include "features/staff/rules/holiday_calendar.h"
#include "features/staff/rules/resident_id.h"
#include "features/vendors/rules/credit_code.h"

namespace houqin {
namespace {

constexpr int kCountyLastYear = 2026;  // the county's "now" is 2026-12-05
constexpr int kCountyYears = 5;        // each contract's term
// At scale 1 (issue 15): 30 towns, 20 vendors a town, 1,500 contracts; each contract runs the five years and is
// assessed monthly (59 months are over by 2026-12-05: 88,500 assessments).
constexpr int kCountyTowns = 30;
constexpr int kCountyVendors = 600;
constexpr int kCountyContracts = 1500;
constexpr int kCountyPeoplePerContract = 3;
const char* const kCountyPassword = "County@2026";

// splitmix64: tiny, fast, and the same sequence everywhere.
class CountyRandom {
  public:
    explicit CountyRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t Next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int Below(int bound) { return static_cast<int>(Next() % static_cast<std::uint64_t>(bound)); }

  private:
    std::uint64_t state_;
};

Instant CountyAt(Date day, int hour, int minute = 0) {
    return Instant{(day.days() * 86400 + hour * 3600 + minute * 60 - kShanghaiOffsetSeconds) * 1000LL};
}

// Six of the seed catalogue's categories (app/seed_catalogue.h), each with the staff role (staff_roles.code) of the
// people a contract of it keeps and a contract's annual value before its random part.
struct CountyCategory {
    SeedCategory seed;
    const char* staff_role;
    std::int64_t annual_yuan;
};

std::vector<CountyCategory> CountyCatalogue() {
    return {{SeedCategoryOf("cleaning"), "cleaner", 360000}, {SeedCategoryOf("order"), "guard", 480000},
            {SeedCategoryOf("catering"), "cook", 600000},    {SeedCategoryOf("maintenance"), "technician", 240000},
            {SeedCategoryOf("hygiene"), "other", 120000},    {SeedCategoryOf("meeting"), "attendant", 180000}};
}

// Thirty towns and sub-districts of a county (names of Nanhai and Shunde, Foshan).
constexpr std::array<const char*, kCountyTowns> kCountyTownNames = {
    "九江镇", "西樵镇", "丹灶镇", "狮山镇", "大沥镇", "里水镇",   "桂城街道", "罗村街道", "松岗镇", "官窑镇",
    "小塘镇", "和顺镇", "黄岐镇", "盐步镇", "平洲镇", "沙头镇",   "金沙镇",   "九江新城", "龙江镇", "勒流镇",
    "杏坛镇", "均安镇", "乐从镇", "陈村镇", "北滘镇", "伦教街道", "容桂街道", "大良街道", "均和镇", "太平镇"};
constexpr std::array<const char*, 20> kCountyVendorWords = {"长安", "安泰", "洁美", "绿源", "冷暖", "天眼", "味道",
                                                            "会展", "声通", "平安", "恒信", "佳和", "宏图", "德润",
                                                            "瑞丰", "锦程", "华庭", "安捷", "新景", "嘉禾"};
constexpr std::array<const char*, 6> kCountyVendorKinds = {"物业服务", "保安服务", "餐饮管理",
                                                           "机电工程", "环境卫生", "会务服务"};
constexpr std::array<const char*, 12> kCountySurnames = {"陈", "李", "黄", "张", "梁", "何",
                                                         "刘", "吴", "周", "林", "罗", "郭"};
constexpr std::array<const char*, 12> kCountyGivenNames = {"丽华", "志强", "美玲", "建国", "秀英", "伟明",
                                                           "嘉欣", "文杰", "海燕", "国平", "少芳", "永健"};

struct CountyTown {
    std::string name;
    std::int64_t org_id = 0;
    std::int64_t office_org = 0;
    std::int64_t social_org = 0;
    std::int64_t finance_org = 0;
    Actor office, leader, judicial, party_office, dept, dept2;
    std::int64_t scan_id = 0;  // the office's upload of the signed scans (one file stands for each)
    std::vector<std::int64_t> failed_this_quarter;  // assessment ids, for the quarter's meeting
};

struct CountyVendor {
    VendorView view;
    std::size_t town = 0;
    std::size_t category = 0;
    Actor user;
};

struct CountyContract {
    std::int64_t id = 0;
    std::size_t town = 0;
    std::size_t vendor = 0;
    std::size_t category = 0;
    int quality = 0;  // 0 good, 1 average, 2 poor: how often its months fail
    ContractContent content;
    std::vector<std::string> people_ids;
    std::vector<std::string> people_names;
};

Date CountyMonthStart(int year, int month) { return Date::FromYmd(year, static_cast<unsigned>(month), 1); }

class CountySeeder {
  public:
    CountySeeder(Services& services, const ScaleSeedOptions& options)
        : services_(services), random_(options.seed), catalogue_(CountyCatalogue()) {
        const auto size = ScaleSeedSizeOf(options.scale);
        town_count_ = size.towns;
        vendor_count_ = size.vendors;
        contract_count_ = size.contracts;
        first_year_ = kCountyLastYear + 1 - options.years;
    }

    Result<ScaleSeedCounts> Run() {
        if (auto status = Organisations(); !status) return status.error();
        if (auto status = Catalogue(); !status) return status.error();
        if (auto status = Vendors(); !status) return status.error();
        if (auto status = Contracts(); !status) return status.error();
        for (int year = first_year_; year <= kCountyLastYear; ++year) {
            for (int month = 1; month <= 12; ++month) {
                if (auto status = Month(year, month); !status) return status.error();
                spdlog::info("seed-scale: {}-{:02d} done ({} assessments so far)", year, month, counts_.assessments);
            }
        }
        SetClock(Date::FromYmd(kCountyLastYear, 12, 5), 10);
        return counts_;
    }

  private:
    // The county's time only moves forward, so the audit trail's times follow its order: each step is set to
    // its day and hour, and a step that would come before the last one is recorded at the last one's time.
    void SetClock(Date day, int hour, int minute = 0) { SetClockAt(CountyAt(day, hour, minute)); }
    // The index-th of count steps of one kind, spread over a day's working hours (09:00 to 17:00) in order.
    void SetClockSpread(Date day, std::size_t index, std::size_t count, int from_hour = 9, int to_hour = 17) {
        const auto span = static_cast<std::int64_t>(to_hour - from_hour) * 3'600'000;
        const auto offset =
            span * static_cast<std::int64_t>(index) / static_cast<std::int64_t>(std::max<std::size_t>(count, 1));
        SetClockAt(Instant{CountyAt(day, from_hour).ms + offset});
    }
    void SetClockAt(Instant at) {
        if (at.ms < last_ms_) at.ms = last_ms_;
        last_ms_ = at.ms;
        services_.context.clock = Clock(at);
    }

    static Status Failed(const Error& error, std::string_view what) {
        spdlog::error("seed-scale: {} failed: {}", what, error.message.en);
        return error;
    }

    Status Organisations() {
        auto& context = services_.context;
        SetClock(Date::FromYmd(first_year_ - 1, 11, 1), 9);
        {
            auto lease = context.database.Acquire();
            if (storage::CountUsers(*lease) > 0) {
                return Error::Precondition({"数据库中已有用户,县域数据只能写入空数据库",
                                            "The database already has users; the county goes into an empty database"});
            }
        }
        auto admin = services_.accounts.CreateUser(nullptr, {"admin", "系统管理员", "Admin@2026", "admin", {}});
        if (!admin) return Failed(admin.error(), "the administrator");
        ++counts_.users;
        {
            auto lease = context.database.Acquire();
            const auto now = context.clock.Now();
            lease->Execute("UPDATE orgs SET name = ? WHERE id = ?", {std::string("某某县"), admin->org_id});
            const auto add_org = [&](std::int64_t parent, const std::string& name, OrgKind kind) {
                return SeedOrg(*lease, now, parent, name, kind);
            };
            for (std::size_t t = 0; t < town_count_; ++t) {
                CountyTown town;
                town.name = kCountyTownNames[t];
                town.org_id = add_org(admin->org_id, town.name, OrgKind::kTown);
                town.office_org = add_org(town.org_id, town.name + "机关事务办", OrgKind::kDepartment);
                town_orgs_.push_back({add_org(town.org_id, town.name + "党委、政府", OrgKind::kDepartment),
                                      add_org(town.org_id, town.name + "司法所", OrgKind::kDepartment),
                                      add_org(town.org_id, town.name + "党政办", OrgKind::kDepartment)});
                town.social_org = add_org(town.org_id, town.name + "社会事务办", OrgKind::kDepartment);
                town.finance_org = add_org(town.org_id, town.name + "财政所", OrgKind::kDepartment);
                towns_.push_back(std::move(town));
            }
        }  // the connection goes back before the services borrow theirs
        for (std::size_t t = 0; t < towns_.size(); ++t) {
            auto& town = towns_[t];
            const auto prefix = fmt::format("t{:02d}", t + 1);
            const std::vector<NewUser> users = {
                {prefix + "-office", town.name + "机关事务办主任", kCountyPassword, "office", town.office_org},
                {prefix + "-leader", town.name + "书记", kCountyPassword, "leadership", town_orgs_[t][0]},
                {prefix + "-sifa", town.name + "司法所所长", kCountyPassword, "judicial", town_orgs_[t][1]},
                {prefix + "-dangzheng", town.name + "党政办主任", kCountyPassword, "party_office", town_orgs_[t][2]},
                {prefix + "-dept", town.name + "社会事务办干事", kCountyPassword, "department", town.social_org},
                {prefix + "-dept2", town.name + "财政所会计", kCountyPassword, "department", town.finance_org},
            };
            for (const auto& user : users) {
                if (auto created = services_.accounts.CreateUser(nullptr, user); !created) {
                    return Failed(created.error(), "a town's user");
                }
                ++counts_.users;
            }
            town.office = DemoActor(context, users[0].username);
            town.leader = DemoActor(context, users[1].username);
            town.judicial = DemoActor(context, users[2].username);
            town.party_office = DemoActor(context, users[3].username);
            town.dept = DemoActor(context, users[4].username);
            town.dept2 = DemoActor(context, users[5].username);
            static const std::string kScan = "%PDF-1.4\n% 县域数据:合同扫描件\n%%EOF\n";
            auto scan = services_.vendors.UploadAttachment(&town.office, {"合同扫描件.pdf", "application/pdf", kScan});
            if (!scan) return Failed(scan.error(), "the scan upload");
            town.scan_id = scan->id;
        }
        return Ok();
    }

    Status Catalogue() {
        int order = 10;
        for (const auto& item : catalogue_) {
            Category category = SeedCategoryRecord(item.seed, order);
            order += 10;
            // Only the licences are asked for: the county's vendors are drawn at any size, some without the training
            // or management system the seed criteria require. Nor are staff roles named: the county's people carry
            // their staff_roles code (CountyCategory::staff_role).
            category.criteria = {item.seed.criteria.qualification_types, 0, false, false};
            category.staff_roles.clear();
            auto created = services_.catalogue.Create(nullptr, category);
            if (!created) return Failed(created.error(), "a category");
            category_ids_.push_back(created->id);
        }
        return Ok();
    }

    Status Vendors() {
        for (std::size_t v = 0; v < vendor_count_; ++v) {
            SetClockSpread(Date::FromYmd(first_year_ - 1, 11, 8), v, vendor_count_);
            CountyVendor entry;
            entry.town = v % town_count_;
            const std::size_t in_town = v / town_count_;
            entry.category = v % catalogue_.size();
            const auto& town = towns_[entry.town];
            // The town's name without 镇 or 街道 (three bytes of UTF-8 a character).
            const bool district = town.name.ends_with("街道");
            const std::string stem = town.name.substr(0, town.name.size() - (district ? 6 : 3));
            Vendor vendor;
            vendor.name = fmt::format("{}{}{}{}有限公司", stem, kCountyVendorWords[in_town % kCountyVendorWords.size()],
                                      kCountyVendorKinds[entry.category],
                                      in_town >= kCountyVendorWords.size() ? fmt::format("第{}", in_town) : "");
            const auto first17 = fmt::format("91440605MA{:07d}", v + 1);
            vendor.credit_code = first17 + CreditCodeCheckCharacter(first17);
            vendor.legal_representative = fmt::format("{}{}", kCountySurnames[v % kCountySurnames.size()],
                                                      kCountyGivenNames[(v / 3) % kCountyGivenNames.size()]);
            vendor.contact_name = vendor.legal_representative;
            vendor.contact_phone = fmt::format("0757-86{:06d}", v + 1);
            vendor.address = fmt::format("广东省佛山市{}建设路{}号", town.name, v + 1);
            vendor.bank_account_name = vendor.name;
            vendor.bank_name = "中国农业银行佛山分行";
            vendor.bank_account_no = fmt::format("445801010400{:07d}", v + 1);
            vendor.staff_count = 10 + random_.Below(150);
            vendor.registered_capital = Money::FromFen((100 + random_.Below(2000)) * 1000000LL);
            vendor.has_training_system = random_.Below(5) != 0;
            vendor.has_management_system = random_.Below(6) != 0;
            vendor.category_ids = {category_ids_[entry.category]};
            auto created = services_.vendors.Create(nullptr, vendor, town.org_id);
            if (!created) return Failed(created.error(), "a vendor");
            entry.view = *created;
            int certificate = 0;
            for (const auto& type : catalogue_[entry.category].seed.criteria.qualification_types) {
                Qualification qualification;
                qualification.type = type;
                qualification.cert_no = fmt::format("ZZ-{:04d}-{:02d}", v + 1, ++certificate);
                qualification.issuer = type == "营业执照" ? "佛山市市场监督管理局" : "广东省相关主管部门";
                qualification.valid_from =
                    Date::FromYmd(first_year_ - 2 + random_.Below(2), static_cast<unsigned>(1 + random_.Below(12)), 1);
                // One in twelve lapses during the five years (X-2's expiry reminders have something to show).
                qualification.valid_until = random_.Below(12) == 0
                                                ? Date::FromYmd(2026, 3 + static_cast<unsigned>(random_.Below(9)), 28)
                                                : qualification.valid_from.AddDays(3650);
                if (auto added = services_.vendors.AddQualification(nullptr, created->vendor.id, qualification);
                    !added) {
                    return Failed(added.error(), "a qualification");
                }
                ++counts_.qualifications;
            }
            const auto username = fmt::format("v{:04d}", v + 1);
            if (auto user =
                    services_.accounts.CreateUser(nullptr, {username, vendor.contact_name + "(" + vendor.name + ")",
                                                            kCountyPassword, "vendor", created->vendor.org_id});
                !user) {
                return Failed(user.error(), "a vendor's user");
            }
            ++counts_.users;
            entry.user = DemoActor(services_.context, username);
            vendors_.push_back(std::move(entry));
        }
        counts_.towns = static_cast<std::int64_t>(towns_.size());
        counts_.vendors = static_cast<std::int64_t>(vendors_.size());
        return Ok();
    }

    ContractContent Content(const CountyTown& town, const CountyVendor& vendor, std::size_t number) {
        const auto& category = catalogue_[vendor.category];
        ContractContent content;
        content.title = fmt::format("{}{}服务外包合同(第{}标段)", town.name, category.seed.name_zh, number);
        content.vendor_id = vendor.view.vendor.id;
        content.category_id = category_ids_[vendor.category];
        content.party_a = {town.name + "人民政府",     town.name + "书记",     "0757-86500000",
                           "广东省佛山市" + town.name, town.name + "人民政府", "中国农业银行佛山分行",
                           "44580101040000001"};
        const auto& v = vendor.view.vendor;
        content.party_b = {v.name,      v.legal_representative, v.contact_phone, v.address, v.bank_account_name,
                           v.bank_name, v.bank_account_no};
        content.term_start = Date::FromYmd(first_year_, 1, 1);
        content.term_end = Date::FromYmd(first_year_ + kCountyYears - 1, 12, 31);
        const Money annual = Money::FromFen((category.annual_yuan + random_.Below(200) * 1000) * 100);
        content.annual_amount = annual;
        content.total_amount = Money::FromFen(annual.fen() * kCountyYears);
        const Money first = Money::FromFen(content.total_amount.fen() / 5 * 4);
        content.service_items = {{"日常服务", "机关办公区及公共区域", "按月计费", first},
                                 {"专项服务", "会务及临时任务", "按次计费,包干", content.total_amount - first}};
        content.payment = {
            "银行转账", Frequency::kQuarterly,
            GenerateSchedule(content.term_start, content.term_end, Frequency::kQuarterly, content.total_amount)};
        content.assessment = {Frequency::kMonthly, 60, {}, {{"优秀", 90}, {"良好", 80}, {"合格", 60}}};
        content.staffing = {{DayType::kWorkday, "服务人员", 2, 8}};
        content.deductions = {
            {DeductionKind::kPerPointBelowPass, Money::FromFen(10000), Money::FromFen(300000), "月度考核低于合格分"},
            {DeductionKind::kPerMissingStaffDay, Money::FromFen(20000), Money::FromFen(500000), "按考勤核定的缺岗人日"},
            {DeductionKind::kPerFailedItem, Money::FromFen(30000), Money::FromFen(300000),
             "考核项目得 0 分视为不合格"}};
        content.confidentiality = "乙方不得将本合同的内容向与签订和履行本合同无关的任何第三方泄露。";
        content.breach_liability =
            "一方违约给对方造成损失的,应予赔偿;一年内考核累计三次不合格或满意度测评低于60%的,甲方可终止合同。";
        content.responsible_department_id = town.social_org;
        content.responsible_person = town.name + "社会事务办干事";
        content.responsible_phone = "0757-86500001";
        return content;
    }

    // CON-1 ... CON-3: drafted and submitted by the office on 1 December before the first year, reviewed by the
    // judicial office on the 3rd and the party office on the 4th, signed on the 11th, in force from 1 January.
    Status Contracts() {
        std::vector<std::size_t> per_town(towns_.size(), 0);
        const Date december = Date::FromYmd(first_year_ - 1, 12, 1);
        for (std::size_t c = 0; c < contract_count_; ++c) {
            CountyContract contract;
            contract.vendor = c % vendors_.size();
            const auto& vendor = vendors_[contract.vendor];
            contract.town = vendor.town;
            contract.category = vendor.category;
            const int roll = random_.Below(10);
            contract.quality = roll < 6 ? 0 : (roll < 9 ? 1 : 2);
            auto& town = towns_[contract.town];
            contract.content = Content(town, vendor, ++per_town[contract.town]);
            SetClockSpread(december, c, contract_count_);
            auto created = services_.contracts.Create(town.office, contract.content);
            if (!created) return Failed(created.error(), "a contract");
            contract.id = created->record.id;
            if (auto step = services_.contracts.Submit(town.office, contract.id); !step) {
                return Failed(step.error(), "a contract's submission");
            }
            contracts_.push_back(std::move(contract));
        }
        for (std::size_t c = 0; c < contracts_.size(); ++c) {
            SetClockSpread(december.AddDays(2), c, contracts_.size());
            if (auto step = services_.contracts.Review(towns_[contracts_[c].town].judicial, contracts_[c].id, 1,
                                                       "approve", "条款合法,同意。");
                !step) {
                return Failed(step.error(), "the judicial review");
            }
        }
        for (std::size_t c = 0; c < contracts_.size(); ++c) {
            SetClockSpread(december.AddDays(3), c, contracts_.size());
            if (auto step = services_.contracts.Review(towns_[contracts_[c].town].party_office, contracts_[c].id, 1,
                                                       "approve", "文字已把关。");
                !step) {
                return Failed(step.error(), "the party office's review");
            }
        }
        for (std::size_t c = 0; c < contracts_.size(); ++c) {
            const auto& town = towns_[contracts_[c].town];
            SetClockSpread(december.AddDays(10), c, contracts_.size());
            if (auto step = services_.contracts.Sign(
                    town.office, contracts_[c].id,
                    {december.AddDays(10), town.name + "书记",
                     vendors_[contracts_[c].vendor].view.vendor.legal_representative, town.scan_id});
                !step) {
                return Failed(step.error(), "the signing");
            }
        }
        counts_.contracts = static_cast<std::int64_t>(contracts_.size());
        return Ok();
    }

    // One calendar month of the five years, its events in the order of their days.
    Status Month(int year, int month) {
        const Date first = CountyMonthStart(year, month);
        if (year == first_year_ && month == 1) {
            SetClock(first, 2);
            services_.contracts.BringIntoForce();  // the daily job's first step on the term's first day (CON-3)
            return Ok();
        }
        const Date last_month = first.AddDays(-1);
        if (year == kCountyLastYear && month == 12) {
            if (auto status = Attendance(first.AddDays(1)); !status) return status;
        }
        if (auto status = Assessments(first.AddDays(2), last_month.ToString().substr(0, 7)); !status) return status;
        if (auto status = DecideProposals(first.AddDays(3)); !status) return status;
        if (month % 3 == 1) {
            std::vector<Meeting> meetings;
            if (auto status = OpenMeetings(first, meetings); !status) return status;
            if (auto status = Payments(first.AddDays(7), last_month); !status) return status;
            if (auto status = HoldMeetings(first.AddDays(9), meetings); !status) return status;
        }
        if (year == std::min(first_year_ + 2, kCountyLastYear) && month == 3) {
            if (auto status = Amendments(first.AddDays(14)); !status) return status;
        }
        if (year == kCountyLastYear && month == 9) {
            if (auto status = People(first.AddDays(19)); !status) return status;
        }
        if (month == 11) {
            if (auto status = Surveys(first, year); !status) return status;
        }
        return Ok();
    }

    // SUP-3: each contract's month, checked item by item. Most months lose a few points; a poor vendor fails now
    // and then (an item scored 0 and the total under the pass mark), and the rules propose the deductions (RP-2).
    Status Assessments(Date day, const std::string& period) {
        static constexpr std::array<int, 3> kFailPerMille = {4, 20, 70};
        for (std::size_t c = 0; c < contracts_.size(); ++c) {
            auto& contract = contracts_[c];
            const auto& checklist = catalogue_[contract.category].seed.checklist;
            SetClockSpread(day, c, contracts_.size());
            const bool fails = random_.Below(1000) < kFailPerMille[static_cast<std::size_t>(contract.quality)];
            AssessmentInput input;
            input.contract_id = contract.id;
            input.period = period;
            input.assessed_on = day;
            for (std::size_t k = 0; k < checklist.size(); ++k) {
                const int max_tenths = checklist[k].points * 10;
                int lost = 0;
                if (fails) {
                    lost = k == 0 ? max_tenths : max_tenths / 2 + random_.Below(max_tenths / 2 + 1);
                } else if (random_.Below(10) < 3 + contract.quality * 2) {
                    lost = 1 + random_.Below(std::max(1, max_tenths / (5 - contract.quality)));
                }
                input.items.push_back({checklist[k].item, lost, lost > 0 ? "现场检查发现不足" : "", {}});
            }
            input.missing_staff_days = fails ? 1 + random_.Below(3) : 0;
            input.summary = fails ? "多项服务未达要求,责令整改" : "总体良好";
            auto created = services_.assessments.Create(towns_[contract.town].office, input);
            if (!created) return Failed(created.error(), fmt::format("the assessment of contract {}", contract.id));
            ++counts_.assessments;
            counts_.checklist_items += static_cast<std::int64_t>(input.items.size());
            if (fails) towns_[contract.town].failed_this_quarter.push_back(created->record.id);
        }
        return Ok();
    }

    // RP-3: the office passes on what the rules proposed (and turns down a termination, giving the vendor its
    // rectification first); leadership approves, a reward at a sum it sets, which puts it in the ledger (CON-8).
    Status DecideProposals(Date day) {
        for (const bool leadership : {false, true}) {
            for (std::size_t t = 0; t < towns_.size(); ++t) {
                auto& town = towns_[t];
                const char* status = leadership ? "pending_leadership" : "pending_office";
                const Actor* actor = leadership ? &town.leader : &town.office;
                SetClockSpread(day, t, towns_.size(), leadership ? 14 : 9, leadership ? 17 : 12);
                for (int guard = 0; guard < 1000; ++guard) {
                    ProposalQuery query;
                    query.status = status;
                    query.page_size = 100;
                    auto page = services_.policy.List(*actor, query);
                    if (!page) return Failed(page.error(), "the proposal list");
                    if (page->items.empty()) break;
                    for (const auto& proposal : page->items) {
                        const auto& record = proposal.record;
                        const bool turn_down = record.kind == "termination";
                        std::optional<Money> amount;
                        if (record.kind == "reward" && !turn_down) amount = Money::FromFen(200000);
                        auto decided = services_.policy.Decide(*actor, record.id, turn_down ? "reject" : "approve",
                                                               turn_down ? "先限期整改,暂不终止合同" : "同意",
                                                               turn_down ? std::nullopt : amount);
                        if (!decided) return Failed(decided.error(), "a proposal's decision");
                        ++counts_.proposals_decided;
                    }
                }
            }
        }
        return Ok();
    }

    // CON-8: each quarter's installment paid a week after the quarter, less what was deducted.
    Status Payments(Date day, Date quarter_end) {
        const auto text = quarter_end.ToString();
        const auto label = fmt::format("{}-Q{}", text.substr(0, 4), (std::stoi(text.substr(5, 2)) + 2) / 3);
        for (std::size_t c = 0; c < contracts_.size(); ++c) {
            const auto& contract = contracts_[c];
            const auto& town = towns_[contract.town];
            SetClockSpread(day, c, contracts_.size());
            auto ledger = services_.contracts.Ledger(town.office, contract.id);
            if (!ledger) return Failed(ledger.error(), "a ledger");
            for (const auto& period : ledger->statement.periods) {
                if (period.period != label || period.balance.fen() <= 0) continue;
                auto paid = services_.contracts.AddPayment(
                    town.office, contract.id,
                    {label, period.balance, day, fmt::format("ZF-{}-{:05d}", label, contract.id), "按期支付"});
                if (!paid) return Failed(paid.error(), "a payment");
                ++counts_.payments;
            }
        }
        return Ok();
    }

    // SUP-6: each quarter's work meeting of a town (first month of the next quarter), called on the 5th with the
    // departments' opinions on the 6th; held on the 10th: the minutes and a rectification for each failed assessment
    // of the quarter (SUP-5), reported by the vendor with its evidence on the 20th and verified by the office on the
    // 22nd.
    struct Meeting {
        std::size_t town = 0;
        std::int64_t id = 0;
        std::map<std::int64_t, const CountyContract*> by_assessment;
    };

    Status OpenMeetings(Date first, std::vector<Meeting>& meetings) {
        for (std::size_t t = 0; t < towns_.size(); ++t) {
            auto& town = towns_[t];
            if (town.failed_this_quarter.empty() && random_.Below(2) == 0) continue;  // no meeting needed
            Meeting meeting;
            meeting.town = t;
            std::vector<std::int64_t> vendor_ids;
            for (const auto assessment_id : town.failed_this_quarter) {
                auto view = services_.assessments.Get(town.office, assessment_id);
                if (!view) return Failed(view.error(), "a failed assessment");
                for (const auto& contract : contracts_) {
                    if (contract.id != view->record.contract_id) continue;
                    meeting.by_assessment[assessment_id] = &contract;
                    const auto vendor_id = vendors_[contract.vendor].view.vendor.id;
                    if (std::find(vendor_ids.begin(), vendor_ids.end(), vendor_id) == vendor_ids.end()) {
                        vendor_ids.push_back(vendor_id);
                    }
                }
            }
            town.failed_this_quarter.clear();
            SetClockSpread(first.AddDays(4), t, towns_.size());
            const auto text = first.ToString();
            auto created = services_.oversight.CreateMeeting(
                town.office,
                {fmt::format("{}{}年{}月后勤服务工作例会", town.name, text.substr(0, 4), std::stoi(text.substr(5, 2))),
                 CountyAt(first.AddDays(9), 15),
                 "镇政府三楼会议室",
                 vendor_ids,
                 {town.social_org, town.finance_org},
                 "一、通报上季度考核情况;二、听取各部门意见;三、部署整改"});
            if (!created) return Failed(created.error(), "a meeting");
            ++counts_.meetings;
            meeting.id = created->record.id;
            meetings.push_back(std::move(meeting));
        }
        for (std::size_t m = 0; m < meetings.size(); ++m) {
            SetClockSpread(first.AddDays(5), m, meetings.size());
            if (auto opinion = services_.oversight.AddOpinion(towns_[meetings[m].town].dept, meetings[m].id,
                                                              {"opinion", "卫生间清洁不及时,下午常缺纸巾"});
                !opinion) {
                return Failed(opinion.error(), "an opinion");
            }
        }
        return Ok();
    }

    Status HoldMeetings(Date meeting_day, const std::vector<Meeting>& meetings) {
        std::vector<std::pair<std::int64_t, const CountyContract*>> rectifications;
        for (std::size_t m = 0; m < meetings.size(); ++m) {
            const auto& meeting = meetings[m];
            const auto& town = towns_[meeting.town];
            SetClockSpread(meeting_day, m, meetings.size(), 16, 18);
            if (auto held = services_.oversight.RecordMinutes(town.office, meeting.id,
                                                              {"会议通报了上季度考核情况,服务商承诺两周内完成整改。",
                                                               town.name + "机关事务办、社会事务办、财政所"});
                !held) {
                return Failed(held.error(), "the minutes");
            }
            for (const auto& [assessment_id, contract] : meeting.by_assessment) {
                auto created = services_.oversight.CreateRectification(
                    town.office, {contract->id, meeting.id, assessment_id, "考核不合格项目整改",
                                  "针对考核扣分项逐项整改,两周内完成并书面报告", "项目经理", meeting_day.AddDays(14)});
                if (!created) return Failed(created.error(), "a rectification");
                ++counts_.rectifications;
                rectifications.emplace_back(created->record.id, contract);
            }
        }
        for (std::size_t r = 0; r < rectifications.size(); ++r) {
            const auto& [id, contract] = rectifications[r];
            SetClockSpread(meeting_day.AddDays(10), r, rectifications.size());
            const auto& vendor_user = vendors_[contract->vendor].user;
            static const std::string kReport = "%PDF-1.4\n% 县域数据:整改报告\n%%EOF\n";
            auto evidence =
                services_.vendors.UploadAttachment(&vendor_user, {"整改报告.pdf", "application/pdf", kReport});
            if (!evidence) return Failed(evidence.error(), "a rectification's evidence");
            if (auto reported = services_.oversight.ReportRectification(
                    vendor_user, id, {"已按要求完成整改,增加巡查频次", {evidence->id}});
                !reported) {
                return Failed(reported.error(), "a rectification's report");
            }
        }
        for (std::size_t r = 0; r < rectifications.size(); ++r) {
            SetClockSpread(meeting_day.AddDays(12), r, rectifications.size());
            const auto& town = towns_[rectifications[r].second->town];
            if (auto verified = services_.oversight.VerifyRectification(town.office, rectifications[r].first,
                                                                        {"accepted", "effective", "现场复查,整改到位"});
                !verified) {
                return Failed(verified.error(), "a rectification's verification");
            }
        }
        return Ok();
    }

    // CON-6: a third of the contracts amended in March 2024 (a new person responsible), a second version reviewed
    // and signed as the first was.
    Status Amendments(Date day) {
        std::vector<std::size_t> amended;
        for (std::size_t c = 0; c < contracts_.size(); c += 3) amended.push_back(c);
        for (std::size_t k = 0; k < amended.size(); ++k) {
            auto& contract = contracts_[amended[k]];
            const auto& town = towns_[contract.town];
            SetClockSpread(day, k, amended.size());
            auto consulted = services_.contracts.AddConsultation(
                town.office, contract.id,
                {day.AddDays(-7), town.name + "机关事务办、" + vendors_[contract.vendor].view.vendor.name,
                 "甲方合同责任人调整,双方协商一致变更合同"});
            if (!consulted) return Failed(consulted.error(), "a consultation");
            auto started =
                services_.contracts.StartAmendment(town.office, contract.id, consulted->id, "责任人变更,协商一致");
            if (!started) return Failed(started.error(), "an amendment");
            contract.content.responsible_person = town.name + "财政所会计";
            contract.content.responsible_phone = "0757-86500002";
            if (auto updated = services_.contracts.Update(town.office, contract.id, contract.content); !updated) {
                return Failed(updated.error(), "the amended text");
            }
            if (auto step = services_.contracts.Submit(town.office, contract.id); !step) {
                return Failed(step.error(), "the amendment's submission");
            }
        }
        for (std::size_t k = 0; k < amended.size(); ++k) {
            const auto& contract = contracts_[amended[k]];
            SetClockSpread(day.AddDays(1), k, amended.size(), 9, 12);
            if (auto step =
                    services_.contracts.Review(towns_[contract.town].judicial, contract.id, 2, "approve", "同意变更。");
                !step) {
                return Failed(step.error(), "the amendment's judicial review");
            }
        }
        for (std::size_t k = 0; k < amended.size(); ++k) {
            const auto& contract = contracts_[amended[k]];
            SetClockSpread(day.AddDays(1), k, amended.size(), 14, 17);
            if (auto step =
                    services_.contracts.Review(towns_[contract.town].party_office, contract.id, 2, "approve", "同意。");
                !step) {
                return Failed(step.error(), "the amendment's party office review");
            }
        }
        for (std::size_t k = 0; k < amended.size(); ++k) {
            const auto& contract = contracts_[amended[k]];
            const auto& town = towns_[contract.town];
            SetClockSpread(day.AddDays(3), k, amended.size());
            if (auto step = services_.contracts.Sign(
                    town.office, contract.id,
                    {day.AddDays(3), town.name + "书记", vendors_[contract.vendor].view.vendor.legal_representative,
                     town.scan_id});
                !step) {
                return Failed(step.error(), "the amendment's signing");
            }
            ++counts_.amendments;
        }
        return Ok();
    }

    // SUP-4: the yearly satisfaction survey of each contract, answered by the town's two departments, closed.
    Status Surveys(Date first, int year) {
        static constexpr std::array<const char*, 4> kRatings = {"very_satisfied", "satisfied", "satisfied",
                                                                "basically_satisfied"};
        std::vector<std::int64_t> ids;
        for (std::size_t c = 0; c < contracts_.size(); ++c) {
            const auto& contract = contracts_[c];
            const auto& town = towns_[contract.town];
            SetClockSpread(first.AddDays(1), c, contracts_.size());
            auto survey = services_.surveys.Create(
                town.office, {contract.id,
                              fmt::format("{}-Q4", year),
                              fmt::format("{}年度{}服务满意度调查", year, catalogue_[contract.category].seed.name_zh),
                              false,
                              first.AddDays(19),
                              {}});
            if (!survey) return Failed(survey.error(), "a survey");
            ++counts_.surveys;
            ids.push_back(survey->record.id);
        }
        for (std::size_t c = 0; c < contracts_.size(); ++c) {
            const auto& town = towns_[contracts_[c].town];
            SetClockSpread(first.AddDays(11), c, contracts_.size());
            for (const Actor* actor : {&town.dept, &town.dept2}) {
                const auto& rating = kRatings[static_cast<std::size_t>(random_.Below(4))];
                const auto score = std::to_string(3 + random_.Below(3));
                auto answered = services_.surveys.Answer(
                    *actor, ids[c], {rating, {{"attitude", score}, {"quality", score}, {"timeliness", "4"}}, ""});
                if (!answered) return Failed(answered.error(), "a survey answer");
                ++counts_.survey_answers;
            }
        }
        for (std::size_t c = 0; c < contracts_.size(); ++c) {
            SetClockSpread(first.AddDays(21), c, contracts_.size());
            if (auto closed = services_.surveys.Close(towns_[contracts_[c].town].office, ids[c]); !closed) {
                return Failed(closed.error(), "a survey's closing");
            }
        }
        return Ok();
    }

    // STF-1: each contract's people, entered by its vendor in September 2026 (on the contract since its start).
    Status People(Date day) {
        std::int64_t person = 0;
        for (std::size_t c = 0; c < contracts_.size(); ++c) {
            auto& contract = contracts_[c];
            const auto& vendor = vendors_[contract.vendor];
            SetClockSpread(day, c, contracts_.size());
            for (int p = 0; p < kCountyPeoplePerContract; ++p) {
                // Unique ID numbers: the 4,500 people of scale 1 born 1965-2001, beyond them (--scale above 1) born
                // 1955-1964 with the sequence digits telling apart those of one birthday.
                const bool first_ones = person < 4500;
                const Date birth = first_ones ? Date::FromYmd(1965, 1, 1).AddDays(person * 3)
                                              : Date::FromYmd(1955, 1, 1).AddDays((person - 4500) % 3650);
                const auto sequence = first_ones ? 100 + person % 800 : 100 + (person - 4500) / 3650 % 900;
                const auto birth_text = birth.ToString();
                const auto first17 = fmt::format("440605{}{}{}{:03d}", birth_text.substr(0, 4), birth_text.substr(5, 2),
                                                 birth_text.substr(8, 2), sequence);
                const auto number = first17 + ResidentIdCheckCharacter(first17);
                const auto name =
                    fmt::format("{}{}", kCountySurnames[static_cast<std::size_t>(person) % kCountySurnames.size()],
                                kCountyGivenNames[static_cast<std::size_t>(person / 7) % kCountyGivenNames.size()]);
                ++person;
                PersonInput input{name,
                                  number,
                                  fmt::format("139{:08d}", person),
                                  catalogue_[contract.category].staff_role,
                                  "服务人员",
                                  contract.content.term_start,
                                  std::nullopt};
                if (auto added = services_.staff.AddPerson(vendor.user, contract.id, input); !added) {
                    return Failed(added.error(), "a person");
                }
                ++counts_.people;
                contract.people_ids.push_back(number);
                contract.people_names.push_back(name);
            }
        }
        return Ok();
    }

    // STF-6: October and November 2026's attendance, as each vendor's sheet sent on 2 December: two people on every
    // working day of the holiday calendar, as the contracts require, so no staffing deduction follows.
    Status Attendance(Date day) {
        HolidayCalendars calendars;
        for (const auto& calendar : PublishedCalendars()) calendars.Add(calendar);
        for (std::size_t c = 0; c < contracts_.size(); ++c) {
            const auto& contract = contracts_[c];
            std::string csv = "身份证号,姓名,岗位,日期,上班时间,下班时间,跨夜\r\n";
            int rotation = 0;
            for (Date date = Date::FromYmd(kCountyLastYear, 10, 1); date <= Date::FromYmd(kCountyLastYear, 11, 30);
                 date = date.AddDays(1)) {
                const auto type = calendars.TypeOf(date).type;
                const bool working = type ? *type == DayType::kWorkday : IsoWeekday(date) <= 5;
                if (!working) continue;
                for (int index = 0; index < 2; ++index) {
                    const auto k = static_cast<std::size_t>((rotation + index) % kCountyPeoplePerContract);
                    csv += fmt::format("{},{},服务人员,{},08:00,16:30,否\r\n", contract.people_ids[k],
                                       contract.people_names[k], date.ToString());
                    ++counts_.attendance_rows;
                }
                ++rotation;
            }
            SetClockSpread(day, c, contracts_.size());
            auto imported = services_.staff.ImportAttendance(vendors_[contract.vendor].user, contract.id,
                                                             {"考勤.csv", csv, TextEncoding::kUtf8});
            if (!imported) return Failed(imported.error(), "an attendance sheet");
        }
        return Ok();
    }

    Services& services_;
    CountyRandom random_;
    std::vector<CountyCategory> catalogue_;
    std::size_t town_count_ = 0;
    std::size_t vendor_count_ = 0;
    std::size_t contract_count_ = 0;
    int first_year_ = kCountyLastYear + 1 - kCountyYears;  // the contracts' first year
    std::int64_t last_ms_ = 0;                             // the latest time set (SetClockAt)
    std::vector<std::int64_t> category_ids_;
    std::vector<std::array<std::int64_t, 3>> town_orgs_;  // leadership, judicial office, party office
    std::vector<CountyTown> towns_;
    std::vector<CountyVendor> vendors_;
    std::vector<CountyContract> contracts_;
    ScaleSeedCounts counts_;
};

}  // namespace

ScaleSeedSize ScaleSeedSizeOf(double scale) {
    const auto scaled = [scale](int full) {
        return std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(full * scale)));
    };
    ScaleSeedSize size;
    size.towns = std::min<std::size_t>(kCountyTowns, scaled(kCountyTowns));
    size.vendors = std::max(size.towns, scaled(kCountyVendors));
    size.contracts = std::max(size.vendors, scaled(kCountyContracts));
    return size;
}

Result<ScaleSeedCounts> SeedScale(Services& services, const ScaleSeedOptions& options) {
    // 64 x the county (96,000 contracts) is far past what this machine writes in an hour; NaN fails the test too.
    if (!(options.scale > 0 && options.scale <= 64)) {
        return Error::Invalid("scale", {"规模须大于 0 且不超过 64", "The scale must be above 0 and at most 64"});
    }
    if (options.years < 1 || options.years > kCountyYears) {
        return Error::Invalid("years", {"年数须为 1 到 5", "The years must be 1 to 5"});
    }
    const Clock original = services.context.clock;
    CountySeeder seeder(services, options);
    auto counts = seeder.Run();
    if (!counts) services.context.clock = original;
    return counts;
}

std::string ScaleSeedCountsText(const ScaleSeedCounts& counts) {
    return fmt::format(
        "towns {}, users {}, vendors {}, qualifications {}, contracts {} ({} amended), assessments {} ({} checklist "
        "items), proposals decided {}, payments {}, surveys {} ({} answers), meetings {}, rectifications {}, people "
        "{}, attendance rows {}",
        counts.towns, counts.users, counts.vendors, counts.qualifications, counts.contracts, counts.amendments,
        counts.assessments, counts.checklist_items, counts.proposals_decided, counts.payments, counts.surveys,
        counts.survey_answers, counts.meetings, counts.rectifications, counts.people, counts.attendance_rows);
}

}  // namespace houqin

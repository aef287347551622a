#include "features/staff/service.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/text_rules.h"
#include "features/staff/document_store.h"
#include "features/staff/staffing_request_store.h"
#include "features/staff/store.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"
#include "platform/documents/workbook.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"

namespace houqin {
namespace {

// A file with more bad rows than this is reported by its first ones and the count of the rest.
constexpr std::size_t kMaxReportedRowErrors = 200;
// One shift is at most a day long: a longer one is a typing error, not a shift.
constexpr int kMaxShiftMinutes = 24 * 60;

std::string ActorName(const Actor& actor) { return actor.display_name.empty() ? actor.username : actor.display_name; }

bool Overlaps(Date start_a, std::optional<Date> end_a, Date start_b, std::optional<Date> end_b) {
    const bool a_before_b = end_a && *end_a < start_b;
    const bool b_before_a = end_b && *end_b < start_a;
    return !a_before_b && !b_before_a;
}

// "2026-11" -> its first and last day.
std::optional<std::pair<Date, Date>> MonthRange(std::string_view month) {
    if (month.size() != 7 || month[4] != '-') return std::nullopt;
    const auto first = Date::Parse(std::string(month) + "-01");
    if (!first) return std::nullopt;
    const int year = YearOf(*first);
    const unsigned number = MonthOf(*first);
    const auto next = number == 12 ? Date::FromYmd(year + 1, 1, 1) : Date::FromYmd(year, number + 1, 1);
    return std::make_pair(*first, next.AddDays(-1));
}

Error MonthError() {
    return Error::Invalid("month", {"月份须为 YYYY-MM 格式,如 2026-11", "The month must be YYYY-MM, e.g. 2026-11"});
}

// A date in a cell: 2026-02-14, 2026/2/14 or 2026.2.14 (as Chinese Excel writes it); a datetime cell keeps its date.
std::optional<Date> ParseCellDate(std::string_view text) {
    auto value = TrimText(text);
    if (value.size() > 10 && (value[10] == ' ' || value[10] == 'T')) value = value.substr(0, 10);
    if (auto date = Date::Parse(value)) return date;
    int parts[3] = {0, 0, 0};
    int index = 0;
    bool digit = false;
    for (const char c : value) {
        if (c >= '0' && c <= '9') {
            parts[index] = parts[index] * 10 + (c - '0');
            digit = true;
            if (parts[index] > 9999) return std::nullopt;
        } else if ((c == '/' || c == '.' || c == '-') && digit && index < 2) {
            ++index;
            digit = false;
        } else {
            return std::nullopt;
        }
    }
    if (index != 2 || !digit) return std::nullopt;
    return Date::Parse(fmt::format("{:04}-{:02}-{:02}", parts[0], parts[1], parts[2]));
}

// A time in a cell: "08:00", "8:00", "08:00:00", or a datetime whose time is taken.
std::optional<int> ParseCellTime(std::string_view text) {
    auto value = TrimText(text);
    if (value.size() > 10 && (value[10] == ' ' || value[10] == 'T')) value = value.substr(11);
    return ParseClockTime(value);
}

std::optional<bool> ParseYesNo(std::string_view text) {
    const auto value = TrimText(text);
    if (value.empty() || value == "否" || value == "no" || value == "No" || value == "N" || value == "n" ||
        value == "0" || value == "false") {
        return false;
    }
    if (value == "是" || value == "yes" || value == "Yes" || value == "Y" || value == "y" || value == "1" ||
        value == "true") {
        return true;
    }
    return std::nullopt;
}

// The columns of an import file, by the names its header row may use (zh-CN or English).
struct ColumnName {
    std::string_view key;
    std::string_view zh;
    std::string_view en;
};

constexpr ColumnName kRosterColumns[] = {
    {"name", "姓名", "Name"},
    {"id_number", "身份证号", "ID number"},
    {"phone", "电话", "Phone"},
    {"role", "角色", "Role"},
    {"post", "岗位", "Post"},
    {"start_date", "入职日期", "Start date"},
    {"end_date", "离职日期", "End date"},
};

constexpr ColumnName kAttendanceColumns[] = {
    {"id_number", "身份证号", "ID number"},
    {"name", "姓名", "Name"},
    {"post", "岗位", "Post"},
    {"date", "日期", "Date"},
    {"clock_in", "上班时间", "Clock-in"},
    {"clock_out", "下班时间", "Clock-out"},
    {"overnight", "跨夜", "Overnight"},
};

template <std::size_t N>
const ColumnName* FindColumn(const ColumnName (&columns)[N], std::string_view key) {
    for (const auto& column : columns) {
        if (column.key == key) return &column;
    }
    return nullptr;
}

std::string Lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Reads the header row into column positions; an unknown header is ignored (a vendor's sheet may carry more).
template <std::size_t N>
std::map<std::string, std::size_t> HeaderPositions(const ColumnName (&columns)[N],
                                                   const std::vector<std::string>& cells) {
    std::map<std::string, std::size_t> positions;
    for (std::size_t index = 0; index < cells.size(); ++index) {
        auto cell = TrimText(cells[index]);
        // "上班时间 (HH:MM)": the template's hints in brackets are not part of the name.
        for (const auto* open : {"(", "(", "(", " "}) {
            if (const auto at = cell.find(open); at != std::string::npos && at > 0) cell = TrimText(cell.substr(0, at));
        }
        const auto lower = Lowercase(cell);
        for (const auto& column : columns) {
            if (cell == column.zh || lower == Lowercase(std::string(column.en)) || lower == column.key) {
                positions.emplace(column.key, index);
            }
        }
    }
    return positions;
}

// A data row's cell under the column `key` (trimmed), or "" when the sheet has no such column or the row ends before
// it.
std::string CellAt(const std::map<std::string, std::size_t>& positions, const TabularRow& row, std::string_view key) {
    const auto at = positions.find(std::string(key));
    if (at == positions.end() || at->second >= row.cells.size()) return "";
    return TrimText(row.cells[at->second]);
}

// A row with nothing but spaces in it: skipped by every import, not counted.
bool BlankRow(const TabularRow& row) {
    return std::all_of(row.cells.begin(), row.cells.end(),
                       [](const std::string& value) { return TrimText(value).empty(); });
}

// Collects the bad rows of an import; the file imports nothing while there is one (X-4).
class RowErrors {
  public:
    void Add(std::int64_t row, std::string_view column, Text reason) {
        ++count_;
        if (fields_.size() < kMaxReportedRowErrors) {
            fields_.push_back({fmt::format("row.{}.{}", row, column), std::move(reason)});
        }
    }
    [[nodiscard]] bool empty() const { return count_ == 0; }
    [[nodiscard]] Error ToError() const {
        Error error = Error::Invalid("file", {"", ""});
        error.fields = fields_;
        const auto more = count_ - static_cast<std::int64_t>(fields_.size());
        error.message = {
            fmt::format("文件中有 {} 处错误,未导入任何数据;请改正后重新导入{}", count_,
                        more > 0 ? fmt::format("(仅列出前 {} 处)", fields_.size()) : ""),
            fmt::format("The file has {} errors and nothing was imported; correct them and import again{}", count_,
                        more > 0 ? fmt::format(" (the first {} are listed)", fields_.size()) : "")};
        return error;
    }

  private:
    std::vector<FieldError> fields_;
    std::int64_t count_ = 0;
};

Text MissingColumns(const std::vector<std::string_view>& names) {
    std::string zh;
    std::string en;
    for (const auto name : names) {
        zh += (zh.empty() ? "" : "、") + std::string(name);
    }
    for (const auto name : names) en += (en.empty() ? "" : ", ") + std::string(name);
    return {fmt::format("第 1 行(表头)缺少列:{};请使用导入模板", zh),
            fmt::format("Row 1 (the header) lacks the columns {}; use the import template", en)};
}

struct RosterCheck {
    std::string name;
    std::optional<ResidentId> id;
    std::string phone;
    std::string role;
    std::string post;
    std::optional<Date> start;
    std::optional<Date> end;
};

}  // namespace

Result<ContractView> StaffService::ContractOf(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    return contracts_.Get(actor, contract_id);
}

PersonView StaffService::ViewOf(const Actor& actor, StaffPerson person) const {
    PersonView view;
    view.status = person.StatusOn(context_.clock.Today());
    // The vendor keeps its own people; the office reads them and may reveal an ID number, as may the vendor.
    const bool own = actor.vendor_org_id && *actor.vendor_org_id == person.vendor_org_id;
    view.can_edit = actor.Can(Permission::kStaffWrite) && own;
    view.can_reveal = actor.Can(Permission::kStaffReveal) && (own || !actor.vendor_org_id);
    view.person = std::move(person);
    return view;
}

Result<std::vector<StaffRole>> StaffService::Roles(const Actor& actor) {
    if (!actor.Can(Permission::kStaffRead) && !actor.Can(Permission::kRosterReadServed)) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    return storage::ListStaffRoles(*lease);
}

namespace {

// The names of a role, checked: both present, at most 30 characters, neither used by another role.
Result<Text> CheckRoleName(const Text& name, const std::vector<StaffRole>& roles, const std::string& code) {
    Validation validation;
    Text checked{TrimText(name.zh), TrimText(name.en)};
    CheckLength(validation, "name_zh", checked.zh, 1, 30, {"中文名称", "Chinese name"});
    CheckLength(validation, "name_en", checked.en, 1, 30, {"英文名称", "English name"});
    if (!validation.ok()) return validation.ToError();
    for (const auto& role : roles) {
        if (role.code == code) continue;
        if (role.name.zh == checked.zh) {
            return Error::Conflict(ErrorCode::kAlreadyExists, "name_zh",
                                   {fmt::format("已有角色“{}”", checked.zh),
                                    fmt::format("A role named \"{}\" exists already", checked.zh)});
        }
        if (role.name.en == checked.en) {
            return Error::Conflict(ErrorCode::kAlreadyExists, "name_en",
                                   {fmt::format("已有英文名称为“{}”的角色", checked.en),
                                    fmt::format("A role named \"{}\" exists already", checked.en)});
        }
    }
    return checked;
}

std::string RoleSnapshot(const StaffRole& role) {
    return fmt::format(R"({{"code":{},"name_zh":{},"name_en":{}}})", storage::JsonString(role.code),
                       storage::JsonString(role.name.zh), storage::JsonString(role.name.en));
}

}  // namespace

Result<StaffRole> StaffService::AddRole(const Actor& actor, const Text& name) {
    if (auto status = actor.Require(Permission::kSettingsManage); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    HOUQIN_TRY(checked, CheckRoleName(name, storage::ListStaffRoles(*lease), ""));
    StaffRole role{storage::NextStaffRoleCode(*lease), *checked};
    storage::InsertStaffRole(*lease, role);
    storage::AppendAudit(*lease, &actor, context_.clock.Now(),
                         {"create", "staff_role", std::nullopt, std::nullopt, RoleSnapshot(role)});
    transaction.Commit();
    return role;
}

Result<StaffRole> StaffService::RenameRole(const Actor& actor, const std::string& code, const Text& name) {
    if (auto status = actor.Require(Permission::kSettingsManage); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    const auto roles = storage::ListStaffRoles(*lease);
    const auto found =
        std::find_if(roles.begin(), roles.end(), [&](const StaffRole& role) { return role.code == code; });
    if (found == roles.end()) return Error::NotFound({"人员角色", "Staff role"});
    HOUQIN_TRY(checked, CheckRoleName(name, roles, code));
    StaffRole role{code, *checked};
    storage::UpdateStaffRole(*lease, role);
    storage::AppendAudit(*lease, &actor, context_.clock.Now(),
                         {"update", "staff_role", std::nullopt, RoleSnapshot(*found), RoleSnapshot(role)});
    transaction.Commit();
    return role;
}

Result<Page<PersonView>> StaffService::ListPeople(const Actor& actor, std::int64_t contract_id,
                                                  const PersonQuery& query) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    storage::PersonFilter filter{contract_id, query.status, context_.clock.Today(),
                                 query.q,     query.page,   query.page_size};
    auto page = storage::ListPeople(*lease, filter);
    const auto unsettled = storage::UnsettledEquipmentCounts(*lease, contract_id);
    Page<PersonView> views;
    views.total = page.total;
    for (auto& person : page.items) {
        auto view = ViewOf(actor, std::move(person));
        if (view.person.end_date) {
            const auto found = unsettled.find(view.person.id);
            view.equipment_unsettled = found == unsettled.end() ? 0 : found->second;
        }
        views.items.push_back(std::move(view));
    }
    return views;
}

namespace {

// Checks a person's fields; the field names are those of the form (and of the import's columns).
RosterCheck CheckPerson(const PersonInput& input, const std::vector<StaffRole>& roles, Date today,
                        Validation& validation) {
    RosterCheck check;
    check.name = TrimText(input.name);
    CheckLength(validation, "name", check.name, 2, 50, {"姓名", "Name"});
    if (input.id_number) {
        auto parsed = ParseResidentId(*input.id_number, today);
        if (parsed) {
            check.id = *parsed;
        } else {
            for (const auto& field : parsed.error().fields) validation.Fail(field.field, field.message);
            if (parsed.error().fields.empty()) validation.Fail("id_number", parsed.error().message);
        }
    }
    check.phone = TrimText(input.phone);
    if (!check.phone.empty()) {
        const bool digits = std::all_of(check.phone.begin(), check.phone.end(),
                                        [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == ' '; });
        if (!digits || check.phone.size() < 7 || check.phone.size() > 20) {
            validation.Fail("phone",
                            {"电话须为 7 到 20 位数字(可含 -)", "The phone must be 7 to 20 digits (- allowed)"});
        }
    }
    check.role = TrimText(input.role);
    const auto role = std::find_if(roles.begin(), roles.end(), [&](const StaffRole& known) {
        return known.code == check.role || known.name.zh == check.role || known.name.en == check.role;
    });
    if (role == roles.end()) {
        validation.Fail("role", {"请从角色列表中选择", "Choose a role from the list"});
    } else {
        check.role = role->code;
    }
    check.post = TrimText(input.post);
    CheckLength(validation, "post", check.post, 1, 50, {"岗位", "Post"});
    check.start = input.start_date;
    check.end = input.end_date;
    if (!check.start) validation.Fail("start_date", {"请填写入职日期", "Enter the start date"});
    if (check.start && check.end && *check.end < *check.start) {
        validation.Fail("end_date", {"离职日期不能早于入职日期", "The end date cannot be before the start date"});
    }
    return check;
}

Text OverlapText(const StaffPerson& other) {
    return {fmt::format("此人已在本合同名册中({},{} 起),期间重叠", other.name, other.start_date.ToString()),
            fmt::format("This person is already on the contract's roster ({}, from {}) for overlapping dates",
                        other.name, other.start_date.ToString())};
}

}  // namespace

Result<PersonView> StaffService::AddPerson(const Actor& actor, std::int64_t contract_id, const PersonInput& input) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    const auto roles = storage::ListStaffRoles(*lease);
    Validation validation;
    PersonInput checked_input = input;
    if (!checked_input.id_number) checked_input.id_number = "";
    auto check = CheckPerson(checked_input, roles, context_.clock.Today(), validation);
    if (!validation.ok()) return validation.ToError();
    if (contract->status != ContractStatus::kSigned && contract->status != ContractStatus::kActive) {
        return Error::Precondition(
            {"只有已签订或履行中的合同可以登记服务人员", "People can be added only to a signed or active contract"});
    }
    storage::Transaction transaction(*lease);
    storage::LockRoster(*lease, contract_id);  // two additions of one person at once: the second sees the first
    for (const auto& other : storage::PeopleOfContract(*lease, contract_id)) {
        if (other.id_number == check.id->number &&
            Overlaps(other.start_date, other.end_date, *check.start, check.end)) {
            return Error::Conflict(ErrorCode::kAlreadyExists, "id_number", OverlapText(other));
        }
    }
    const auto now = context_.clock.Now();
    StaffPerson person;
    person.contract_id = contract_id;
    person.vendor_org_id = contract->record.vendor_org_id;
    person.owner_path = contract->record.owner_path;
    person.name = check.name;
    person.id_number = check.id->number;
    person.birth_date = check.id->birth_date;
    person.sex = check.id->sex;
    person.phone = check.phone;
    person.role = check.role;
    person.post = check.post;
    person.start_date = *check.start;
    person.end_date = check.end;
    person.created_at = now;
    person.updated_at = now;
    person.id = storage::InsertPerson(*lease, person);
    storage::AppendAudit(*lease, &actor, now,
                         {"create", "staff_person", person.id, std::nullopt, storage::PersonSnapshot(person)});
    transaction.Commit();
    return ViewOf(actor, person);
}

Result<PersonView> StaffService::UpdatePerson(const Actor& actor, std::int64_t id, const PersonInput& input) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto found = storage::FindPerson(*lease, id);
    if (!found) return Error::NotFound({"服务人员", "Staff member"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    if (!actor.vendor_org_id || *actor.vendor_org_id != found->vendor_org_id) return Error::Forbidden();
    const auto roles = storage::ListStaffRoles(*lease);
    Validation validation;
    auto check = CheckPerson(input, roles, context_.clock.Today(), validation);
    if (!validation.ok()) return validation.ToError();
    storage::Transaction transaction(*lease);
    // The roster is held and the person read again under it: the overlap check below and the edit are made on what
    // is stored now, not on what another edit has since changed.
    storage::LockRoster(*lease, found->contract_id);
    found = storage::FindPerson(*lease, id);
    if (!found) return Error::NotFound({"服务人员", "Staff member"});
    const auto before = *found;
    auto person = *found;
    if (check.id) {
        person.id_number = check.id->number;
        person.birth_date = check.id->birth_date;
        person.sex = check.id->sex;
    }
    for (const auto& other : storage::PeopleOfContract(*lease, person.contract_id)) {
        if (other.id != person.id && other.id_number == person.id_number &&
            Overlaps(other.start_date, other.end_date, *check.start, check.end)) {
            return Error::Conflict(ErrorCode::kAlreadyExists, "id_number", OverlapText(other));
        }
    }
    person.name = check.name;
    person.phone = check.phone;
    person.role = check.role;
    person.post = check.post;
    person.start_date = *check.start;
    person.end_date = check.end;
    person.updated_at = context_.clock.Now();
    storage::UpdatePerson(*lease, person);
    storage::AppendAudit(
        *lease, &actor, person.updated_at,
        {"update", "staff_person", person.id, storage::PersonSnapshot(before), storage::PersonSnapshot(person)});
    transaction.Commit();
    auto view = ViewOf(actor, person);
    if (person.end_date) view.equipment_unsettled = storage::UnsettledEquipmentCount(*lease, person.id);
    return view;
}

Result<std::string> StaffService::RevealIdNumber(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kStaffReveal); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto person = storage::FindPerson(*lease, id);
    if (!person) return Error::NotFound({"服务人员", "Staff member"});
    HOUQIN_TRY(contract, ContractOf(actor, person->contract_id));
    if (!ViewOf(actor, *person).can_reveal) return Error::Forbidden();
    // STF-1: personal data is shown in full only on an explicit request, and who saw whose number is on record.
    storage::Transaction transaction(*lease);
    storage::AppendAudit(*lease, &actor, context_.clock.Now(),
                         {"reveal_id", "staff_person", person->id, std::nullopt,
                          fmt::format(R"({{"name":{},"id_number":"{}"}})", storage::JsonString(person->name),
                                      MaskResidentId(person->id_number))});
    transaction.Commit();
    return person->id_number;
}

Result<ImportOutcome> StaffService::ImportRoster(const Actor& actor, std::int64_t contract_id, const ImportFile& file) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    if (contract->status != ContractStatus::kSigned && contract->status != ContractStatus::kActive) {
        return Error::Precondition(
            {"只有已签订或履行中的合同可以登记服务人员", "People can be added only to a signed or active contract"});
    }
    auto lease = context_.database.Acquire();
    const auto roles = storage::ListStaffRoles(*lease);
    // The roster read below is checked against and added to in one transaction, with the roster held (STF-1).
    storage::Transaction transaction(*lease);
    storage::LockRoster(*lease, contract_id);
    const auto existing = storage::PeopleOfContract(*lease, contract_id);
    const auto today = context_.clock.Today();
    std::map<std::string, std::size_t> positions;
    RowErrors errors;
    struct Pending {
        std::int64_t row = 0;
        RosterCheck check;
    };
    std::vector<Pending> pending;
    ImportOutcome outcome;
    const auto read = ReadTabular(file.bytes, file.file_name, file.encoding, [&](const TabularRow& row) -> Status {
        if (positions.empty() && pending.empty() && errors.empty() && outcome.rows == 0) {
            positions = HeaderPositions(kRosterColumns, row.cells);
            std::vector<std::string_view> missing;
            for (const auto* key : {"name", "id_number", "role", "post", "start_date"}) {
                if (!positions.contains(key)) missing.push_back(FindColumn(kRosterColumns, key)->zh);
            }
            if (!missing.empty()) return Error::Invalid("file", MissingColumns(missing));
            outcome.rows = 0;
            return Ok();
        }
        const auto cell = [&](std::string_view key) { return CellAt(positions, row, key); };
        if (BlankRow(row)) return Ok();
        ++outcome.rows;
        PersonInput input;
        input.name = cell("name");
        input.id_number = cell("id_number");
        input.phone = cell("phone");
        input.role = cell("role");
        input.post = cell("post");
        Validation validation;
        if (const auto text = cell("start_date"); !text.empty()) {
            input.start_date = ParseCellDate(text);
            if (!input.start_date) validation.Fail("start_date", {"日期格式应为 2026-02-14", "Dates read 2026-02-14"});
        }
        if (const auto text = cell("end_date"); !text.empty()) {
            input.end_date = ParseCellDate(text);
            if (!input.end_date) validation.Fail("end_date", {"日期格式应为 2026-02-14", "Dates read 2026-02-14"});
        }
        auto check = CheckPerson(input, roles, today, validation);
        if (!validation.ok()) {
            for (const auto& field : validation.ToError().fields) errors.Add(row.number, field.field, field.message);
            return Ok();
        }
        pending.push_back({row.number, std::move(check)});
        return Ok();
    });
    if (!read) return read.error();
    if (positions.empty()) {
        return Error::Invalid("file", {"文件是空的:第 1 行应为表头", "The file is empty: row 1 should be the header"});
    }
    // Overlaps within the file and with the roster; an identical person already there is left as it is.
    std::vector<const Pending*> to_insert;
    for (std::size_t index = 0; index < pending.size(); ++index) {
        const auto& entry = pending[index];
        bool skip = false;
        for (const auto& other : existing) {
            if (other.id_number != entry.check.id->number) continue;
            const bool same = other.name == entry.check.name && other.start_date == *entry.check.start &&
                              other.end_date == entry.check.end && other.role == entry.check.role &&
                              other.post == entry.check.post && other.phone == entry.check.phone;
            if (same) {
                skip = true;
                ++outcome.unchanged;
                break;
            }
            if (Overlaps(other.start_date, other.end_date, *entry.check.start, entry.check.end)) {
                errors.Add(entry.row, "id_number", OverlapText(other));
                skip = true;
                break;
            }
        }
        for (std::size_t earlier = 0; earlier < index && !skip; ++earlier) {
            const auto& other = pending[earlier];
            if (other.check.id->number == entry.check.id->number &&
                Overlaps(other.check.start.value(), other.check.end, *entry.check.start, entry.check.end)) {
                errors.Add(entry.row, "id_number",
                           {fmt::format("与第 {} 行是同一人且期间重叠", other.row),
                            fmt::format("The same person as row {} for overlapping dates", other.row)});
                skip = true;
            }
        }
        if (!skip) to_insert.push_back(&entry);
    }
    if (!errors.empty()) return errors.ToError();
    const auto now = context_.clock.Now();
    for (const auto* entry : to_insert) {
        StaffPerson person;
        person.contract_id = contract_id;
        person.vendor_org_id = contract->record.vendor_org_id;
        person.owner_path = contract->record.owner_path;
        person.name = entry->check.name;
        person.id_number = entry->check.id->number;
        person.birth_date = entry->check.id->birth_date;
        person.sex = entry->check.id->sex;
        person.phone = entry->check.phone;
        person.role = entry->check.role;
        person.post = entry->check.post;
        person.start_date = *entry->check.start;
        person.end_date = entry->check.end;
        person.created_at = now;
        person.updated_at = now;
        person.id = storage::InsertPerson(*lease, person);
        storage::AppendAudit(*lease, &actor, now,
                             {"create", "staff_person", person.id, std::nullopt, storage::PersonSnapshot(person)});
        ++outcome.imported;
    }
    transaction.Commit();
    return outcome;
}

namespace {

// At most this many pieces of one item: more is a typing error, and it keeps quantity × value far from overflow.
constexpr std::int64_t kMaxEquipmentQuantity = 100000;

Text EquipmentKindText(EquipmentKind kind) {
    switch (kind) {
        case EquipmentKind::kTool: return {"工具", "tool"};
        case EquipmentKind::kUniform: return {"工装", "uniform"};
        case EquipmentKind::kBadge: return {"工牌", "badge"};
        case EquipmentKind::kAccessCard: return {"门禁卡", "access card"};
        case EquipmentKind::kKey: return {"钥匙", "key"};
        case EquipmentKind::kOther: return {"其他", "other"};
    }
    return {"其他", "other"};
}

Text AlreadySettledText(const EquipmentItem& item) {
    const auto kind = EquipmentKindText(item.kind);
    const auto day = item.settled_on ? item.settled_on->ToString() : "";
    if (item.status == EquipmentStatus::kReturned) {
        return {fmt::format("该{}({})已于 {} 归还,结清后不能再更改", kind.zh, item.description, day),
                fmt::format("This {} ({}) was returned on {}; a settled item cannot be changed", kind.en,
                            item.description, day)};
    }
    return {fmt::format("该{}({})已于 {} 登记遗失,结清后不能再更改", kind.zh, item.description, day),
            fmt::format("This {} ({}) was reported lost on {}; a settled item cannot be changed", kind.en,
                        item.description, day)};
}

}  // namespace

Result<PersonEquipment> StaffService::Equipment(const Actor& actor, std::int64_t person_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto person = storage::FindPerson(*lease, person_id);
    if (!person) return Error::NotFound({"服务人员", "Staff member"});
    HOUQIN_TRY(contract, ContractOf(actor, person->contract_id));
    PersonEquipment result;
    result.person = ViewOf(actor, std::move(*person));
    result.can_issue = result.person.can_edit;
    for (auto& item : storage::EquipmentOfPerson(*lease, person_id)) {
        const bool open = item.status == EquipmentStatus::kIssued;
        if (open) ++result.unsettled;
        result.items.push_back({std::move(item), open && result.person.can_edit});
    }
    if (result.person.person.end_date) result.person.equipment_unsettled = result.unsettled;
    return result;
}

Result<EquipmentView> StaffService::IssueEquipment(const Actor& actor, std::int64_t person_id,
                                                   const EquipmentInput& input) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto person = storage::FindPerson(*lease, person_id);
    if (!person) return Error::NotFound({"服务人员", "Staff member"});
    HOUQIN_TRY(contract, ContractOf(actor, person->contract_id));
    // The vendor keeps its own people's equipment, as it keeps its roster.
    if (!actor.vendor_org_id || *actor.vendor_org_id != person->vendor_org_id) return Error::Forbidden();
    Validation validation;
    EquipmentItem item;
    const auto kind = ParseEquipmentKind(TrimText(input.kind));
    if (!kind) {
        validation.Fail("kind", {"请选择物品类型:工具、工装、工牌、门禁卡、钥匙或其他",
                                 "Choose the kind: tool, uniform, badge, access card, key or other"});
    } else {
        item.kind = *kind;
    }
    item.description = TrimText(input.description);
    CheckLength(validation, "description", item.description, 1, 200, {"物品说明", "Description"});
    item.quantity = input.quantity;
    if (item.quantity < 1 || item.quantity > kMaxEquipmentQuantity) {
        validation.Fail("quantity",
                        {fmt::format("数量须为 1 到 {} 之间的整数", kMaxEquipmentQuantity),
                         fmt::format("The quantity must be a whole number from 1 to {}", kMaxEquipmentQuantity)});
    }
    item.unit_value = input.unit_value;
    if (item.unit_value.negative()) {
        validation.Fail("unit_value", {"单价不能为负数", "The unit value cannot be negative"});
    } else if (item.quantity >= 1 && !item.TotalValue()) {
        // X-6: quantity × unit value must be an exact amount in fen; beyond 64 bits it is refused, never wrapped.
        validation.Fail("unit_value",
                        {"单价乘以数量超出可计算的金额", "The unit value times the quantity is too large"});
    }
    const auto today = context_.clock.Today();
    if (!input.issued_on) {
        validation.Fail("issued_on", {"请填写发放日期", "Enter the date it was issued"});
    } else if (*input.issued_on > today) {
        validation.Fail("issued_on", {"发放日期不能晚于今天", "The issue date cannot be after today"});
    } else {
        item.issued_on = *input.issued_on;
    }
    if (!validation.ok()) return validation.ToError();
    item.person_id = person->id;
    item.contract_id = person->contract_id;
    item.status = EquipmentStatus::kIssued;
    const auto now = context_.clock.Now();
    item.created_at = now;
    item.updated_at = now;
    storage::Transaction transaction(*lease);
    item.id = storage::InsertEquipment(*lease, item, actor.user_id);
    storage::AppendAudit(*lease, &actor, now,
                         {"create", "staff_equipment", item.id, std::nullopt, storage::EquipmentSnapshot(item)});
    transaction.Commit();
    return EquipmentView{std::move(item), true};
}

Result<EquipmentView> StaffService::SettleEquipment(const Actor& actor, std::int64_t item_id, Settlement settlement,
                                                    const SettlementInput& input) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindEquipment(*lease, item_id);
    if (!found) return Error::NotFound({"发放物品", "Issued item"});
    const auto person = storage::FindPerson(*lease, found->person_id);
    if (!person) return Error::NotFound({"服务人员", "Staff member"});
    HOUQIN_TRY(contract, ContractOf(actor, person->contract_id));
    if (!actor.vendor_org_id || *actor.vendor_org_id != person->vendor_org_id) return Error::Forbidden();
    // STF-5: settling is one-way; what was returned or lost stays so (a correction is a new item, on record).
    if (found->status != EquipmentStatus::kIssued) return Error::Precondition(AlreadySettledText(*found));
    Validation validation;
    auto item = *found;
    const auto today = context_.clock.Today();
    if (!input.settled_on) {
        validation.Fail("settled_on", settlement == Settlement::kReturned
                                          ? Text{"请填写归还日期", "Enter the date it was returned"}
                                          : Text{"请填写遗失日期", "Enter the date it was lost"});
    } else if (*input.settled_on < item.issued_on) {
        validation.Fail("settled_on",
                        {fmt::format("日期不能早于发放日期 {}", item.issued_on.ToString()),
                         fmt::format("The date cannot be before the issue date {}", item.issued_on.ToString())});
    } else if (*input.settled_on > today) {
        validation.Fail("settled_on", {"日期不能晚于今天", "The date cannot be after today"});
    }
    item.note = TrimText(input.note);
    if (settlement == Settlement::kLost) {
        if (input.compensation.negative()) {
            validation.Fail("compensation", {"赔偿金额不能为负数", "The compensation cannot be negative"});
        }
        CheckLength(validation, "note", item.note, 1, 500, {"遗失说明", "Note"});
        item.compensation = input.compensation;
        item.status = EquipmentStatus::kLost;
    } else {
        CheckLength(validation, "note", item.note, 0, 500, {"备注", "Note"});
        item.compensation = Money{};
        item.status = EquipmentStatus::kReturned;
    }
    if (!validation.ok()) return validation.ToError();
    item.settled_on = input.settled_on;
    item.updated_at = context_.clock.Now();
    storage::Transaction transaction(*lease);
    if (!storage::SettleEquipment(*lease, item)) {
        // Settled by someone else since it was read: answer as if it had been settled before.
        const auto now_stored = storage::FindEquipment(*lease, item_id);
        return Error::Precondition(AlreadySettledText(now_stored ? *now_stored : *found));
    }
    storage::AppendAudit(
        *lease, &actor, item.updated_at,
        {"update", "staff_equipment", item.id, storage::EquipmentSnapshot(*found), storage::EquipmentSnapshot(item)});
    transaction.Commit();
    return EquipmentView{std::move(item), false};
}

namespace {

Text ReplacementStatusText(ReplacementStatus status) {
    switch (status) {
        case ReplacementStatus::kOpen: return {"待更换", "open"};
        case ReplacementStatus::kReported: return {"已回复待确认", "reported"};
        case ReplacementStatus::kReturned: return {"已退回", "returned"};
        case ReplacementStatus::kClosed: return {"已完成", "closed"};
    }
    return {"待更换", "open"};
}

Error WrongReplacementState(const ReplacementRequest& request) {
    const auto status = ReplacementStatusText(request.status);
    return Error::Precondition(
        {fmt::format("该更换要求当前为“{}”,不能执行此操作", status.zh),
         fmt::format("This replacement request is {}; this step is not possible now", status.en)});
}

}  // namespace

ReplacementView StaffService::BuildReplacement(storage::Connection& connection, const Actor& actor,
                                               ReplacementRequest request) const {
    ReplacementView view;
    if (const auto person = storage::FindPerson(connection, request.person_id)) view.person_name = person->name;
    if (request.replacement_id) {
        if (const auto person = storage::FindPerson(connection, *request.replacement_id)) {
            view.replacement_name = person->name;
        }
    }
    if (request.attachment_id) {
        if (const auto file =
                storage::FindAttachment(connection, *request.attachment_id, storage::AttachmentRead::kInfo)) {
            view.attachment_name = file->info.filename;
        }
    }
    view.overdue_days = request.OverdueDays(context_.clock.Today());
    const bool own = actor.vendor_org_id && *actor.vendor_org_id == request.vendor_org_id;
    for (auto& name : ReplacementWorkflow().Allowed(ReplacementStatusCode(request.status), actor.role)) {
        const bool may =
            name == "report" ? actor.Can(Permission::kStaffWrite) && own : actor.Can(Permission::kStaffReplaceRequest);
        if (may) view.allowed_actions.push_back(std::move(name));
    }
    view.events = storage::ListWorkflowEvents(connection, kReplacementSubject, request.id);
    view.request = std::move(request);
    return view;
}

Result<ReplacementList> StaffService::Replacements(const Actor& actor, std::int64_t contract_id) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    ReplacementList list;
    list.can_request = actor.Can(Permission::kStaffReplaceRequest);
    list.deadline_days = static_cast<int>(storage::ReadSetting(*lease, setting::kStaffReplacementDays));
    for (auto& request : storage::ReplacementsOfContract(*lease, contract_id)) {
        list.items.push_back(BuildReplacement(*lease, actor, std::move(request)));
    }
    return list;
}

bool StaffService::MayReadReplacement(const Actor& actor, std::int64_t id) {
    std::optional<ReplacementRequest> request;
    {
        auto lease = context_.database.Acquire();
        request = storage::FindReplacement(*lease, id);
    }
    return request && ContractOf(actor, request->contract_id).has_value();
}

Result<ReplacementView> StaffService::RequestReplacement(const Actor& actor, std::int64_t contract_id,
                                                         const ReplacementInput& input) {
    if (auto status = actor.Require(Permission::kStaffReplaceRequest); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    Validation validation;
    ReplacementRequest request;
    std::optional<StaffPerson> person;
    if (input.person_id) person = storage::FindPerson(*lease, *input.person_id);
    if (!person || person->contract_id != contract_id) {
        validation.Fail("person_id", {"请选择本合同人员名单上要更换的人员",
                                      "Choose the person to be replaced from this contract's roster"});
    } else if (person->StatusOn(context_.clock.Today()) == PersonStatus::kLeft) {
        // Someone who has already left the contract is not replaced: there is nothing for the vendor to do.
        validation.Fail("person_id", {fmt::format("{} 已离场,无需更换", person->name),
                                      fmt::format("{} has already left this contract", person->name)});
    }
    request.reason = TrimText(input.reason);
    CheckLength(validation, "reason", request.reason, 1, 1000, {"更换理由", "Reason"});
    if (input.attachment_id && !AttachmentForUse(*lease, actor, *input.attachment_id, kReplacementSubject)) {
        validation.Fail("attachment_id", {fmt::format("附件 {} 不存在", *input.attachment_id),
                                          fmt::format("File {} does not exist", *input.attachment_id)});
    }
    if (!validation.ok()) return validation.ToError();
    // Checked and written under the roster's lock: two requests to replace one person at once make one request.
    storage::Transaction transaction(*lease);
    storage::LockRoster(*lease, contract_id);
    if (storage::HasOpenReplacement(*lease, person->id)) {
        return Error::Conflict(ErrorCode::kAlreadyExists, "person_id",
                               {fmt::format("{} 已有未完成的更换要求", person->name),
                                fmt::format("{} already has a replacement request in progress", person->name)});
    }
    const auto now = context_.clock.Now();
    request.contract_id = contract_id;
    request.vendor_org_id = person->vendor_org_id;
    request.person_id = person->id;
    request.attachment_id = input.attachment_id;
    request.requested_on = context_.clock.Today();
    // D2 staff rule 6: the deadline is the setting in force now, kept with the request so a later change of the
    // setting does not move it.
    request.deadline_days = static_cast<int>(storage::ReadSetting(*lease, setting::kStaffReplacementDays));
    request.deadline = request.requested_on.AddDays(request.deadline_days);
    request.status = ReplacementStatus::kOpen;
    request.created_at = now;
    request.updated_at = now;
    request.id = storage::InsertReplacement(*lease, request, actor.user_id);
    if (request.attachment_id) {
        storage::LinkAttachment(*lease, *request.attachment_id, kReplacementSubject, request.id);
    }
    storage::InsertWorkflowEvent(*lease, kReplacementSubject, request.id,
                                 {0, 1, "request", "", "open", actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), request.reason, now});
    storage::AppendAudit(
        *lease, &actor, now,
        {"create", kReplacementSubject, request.id, std::nullopt, storage::ReplacementSnapshot(request)});
    transaction.Commit();
    return BuildReplacement(*lease, actor, std::move(request));
}

Result<ReplacementView> StaffService::ReportReplacement(const Actor& actor, std::int64_t id,
                                                        const ReplacementReport& input) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindReplacement(*lease, id);
    if (!found) return Error::NotFound({"人员更换要求", "Replacement request"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    if (!actor.vendor_org_id || *actor.vendor_org_id != found->vendor_org_id) return Error::Forbidden();
    const auto step = ReplacementWorkflow().Check(ReplacementStatusCode(found->status), "report", actor.role, "");
    if (!step)
        return step.error().code == ErrorCode::kFailedPrecondition ? WrongReplacementState(*found) : step.error();
    Validation validation;
    auto request = *found;
    std::optional<StaffPerson> replacement;
    if (input.replacement_id) replacement = storage::FindPerson(*lease, *input.replacement_id);
    if (!replacement || replacement->contract_id != found->contract_id) {
        validation.Fail("replacement_id",
                        {"请从本合同人员名单中选择接替人员(可先添加新人员)",
                         "Choose the replacement from this contract's roster (add the person first)"});
    } else if (replacement->id == found->person_id) {
        validation.Fail("replacement_id",
                        {"接替人员不能是被更换的人员本人", "The replacement cannot be the person being replaced"});
    } else if (replacement->StatusOn(context_.clock.Today()) == PersonStatus::kLeft) {
        validation.Fail("replacement_id",
                        {fmt::format("{} 已离场,不能作为接替人员", replacement->name),
                         fmt::format("{} has left this contract and cannot take over", replacement->name)});
    }
    request.report_note = TrimText(input.note);
    CheckLength(validation, "note", request.report_note, 1, 1000, {"处理情况说明", "Report"});
    if (!validation.ok()) return validation.ToError();
    const auto now = context_.clock.Now();
    request.replacement_id = replacement->id;
    request.status = ReplacementStatus::kReported;
    request.reported_at = now;
    request.updated_at = now;
    storage::Transaction transaction(*lease);
    if (!storage::UpdateReplacement(*lease, request, found->status)) {
        const auto stored = storage::FindReplacement(*lease, id);
        return WrongReplacementState(stored ? *stored : *found);
    }
    storage::InsertWorkflowEvent(
        *lease, kReplacementSubject, request.id,
        {0, 1, "report", std::string(ReplacementStatusCode(found->status)), "reported", actor.user_id, actor.username,
         std::string(RoleCode(actor.role)), request.report_note, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"report", kReplacementSubject, request.id, storage::ReplacementSnapshot(*found),
                          storage::ReplacementSnapshot(request)});
    transaction.Commit();
    return BuildReplacement(*lease, actor, std::move(request));
}

Result<ReplacementView> StaffService::DecideReplacement(const Actor& actor, std::int64_t id,
                                                        ReplacementDecision decision, const std::string& comment) {
    if (auto status = actor.Require(Permission::kStaffReplaceRequest); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindReplacement(*lease, id);
    if (!found) return Error::NotFound({"人员更换要求", "Replacement request"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    const char* action = decision == ReplacementDecision::kConfirm ? "confirm" : "return";
    const auto step = ReplacementWorkflow().Check(ReplacementStatusCode(found->status), action, actor.role, "");
    if (!step)
        return step.error().code == ErrorCode::kFailedPrecondition ? WrongReplacementState(*found) : step.error();
    const auto text = TrimText(comment);
    Validation validation;
    if (decision == ReplacementDecision::kReturn) {
        CheckLength(validation, "reason", text, 1, 1000, {"退回理由", "Reason for returning it"});
    } else {
        CheckLength(validation, "comment", text, 0, 1000, {"确认意见", "Comment"});
    }
    if (!validation.ok()) return validation.ToError();
    auto request = *found;
    const auto now = context_.clock.Now();
    request.status =
        decision == ReplacementDecision::kConfirm ? ReplacementStatus::kClosed : ReplacementStatus::kReturned;
    request.updated_at = now;
    storage::Transaction transaction(*lease);
    if (!storage::UpdateReplacement(*lease, request, found->status)) {
        const auto stored = storage::FindReplacement(*lease, id);
        return WrongReplacementState(stored ? *stored : *found);
    }
    storage::InsertWorkflowEvent(*lease, kReplacementSubject, request.id,
                                 {0, 1, action, std::string(ReplacementStatusCode(found->status)),
                                  std::string(ReplacementStatusCode(request.status)), actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), text, now});
    std::string after = storage::ReplacementSnapshot(request);
    if (!text.empty()) after.insert(after.size() - 1, ",\"comment\":" + storage::JsonString(text));
    storage::AppendAudit(*lease, &actor, now,
                         {decision == ReplacementDecision::kConfirm ? "close" : "return", kReplacementSubject,
                          request.id, storage::ReplacementSnapshot(*found), after});
    transaction.Commit();
    return BuildReplacement(*lease, actor, std::move(request));
}

Result<std::vector<CalendarSummary>> StaffService::ListCalendars(const Actor& actor) {
    (void)actor;  // every signed-in user may read the calendar: it is the State Council's, not the organisation's
    auto lease = context_.database.Acquire();
    return storage::ListCalendars(*lease);
}

Result<CalendarView> StaffService::GetCalendar(const Actor& actor, int year) {
    (void)actor;
    auto lease = context_.database.Acquire();
    auto calendar = storage::FindCalendar(*lease, year);
    if (!calendar)
        return Error::NotFound({fmt::format("{} 年节假日安排", year), fmt::format("Holiday calendar {}", year)});
    CalendarView view{std::move(*calendar), "", std::nullopt};
    for (const auto& summary : storage::ListCalendars(*lease)) {
        if (summary.year == year) {
            view.updated_by_name = summary.updated_by_name;
            view.updated_at = summary.updated_at;
        }
    }
    return view;
}

Result<CalendarView> StaffService::SaveCalendar(const Actor& actor, HolidayCalendar calendar) {
    if (auto status = actor.Require(Permission::kSettingsManage); !status) return status.error();
    if (calendar.year < 2000 || calendar.year > 2100) {
        return Error::Invalid("year", {"年份须在 2000 到 2100 之间", "The year must be between 2000 and 2100"});
    }
    calendar.source = TrimText(calendar.source);
    if (calendar.source.size() > 500) {
        return Error::Invalid("source", {"来源不能超过 500 个字符", "The source is at most 500 characters"});
    }
    HOUQIN_TRY(valid, ValidateCalendar(std::move(calendar)));
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    const auto before = storage::FindCalendar(*lease, valid->year);
    const auto now = context_.clock.Now();
    storage::ReplaceCalendar(*lease, *valid, ActorName(actor), now);
    const auto snapshot = [](const HolidayCalendar& year) {
        std::int64_t off = 0;
        std::int64_t work = 0;
        for (const auto& day : year.days) (day.kind == CalendarDayKind::kOff ? off : work) += 1;
        return fmt::format(R"({{"year":{},"source":{},"days_off":{},"make_up_days":{}}})", year.year,
                           storage::JsonString(year.source), off, work);
    };
    storage::AppendAudit(*lease, &actor, now,
                         {before ? "update" : "create", "holiday_calendar", valid->year,
                          before ? std::optional<std::string>(snapshot(*before)) : std::nullopt, snapshot(*valid)});
    transaction.Commit();
    return CalendarView{*valid, ActorName(actor), now};
}

Result<CalendarView> StaffService::ImportCalendar(const Actor& actor, int year, const std::string& format,
                                                  const std::string& content, const std::string& source) {
    if (auto status = actor.Require(Permission::kSettingsManage); !status) return status.error();
    Result<HolidayCalendar> parsed =
        Error::Invalid("format", {"格式须为 holiday-cn(JSON)或 CSV", "The format must be holiday-cn (JSON) or csv"});
    if (format == "holiday-cn") parsed = ParseHolidayCnJson(content, year);
    if (format == "csv") parsed = ParseHolidayCsv(content, year);
    if (!parsed) return parsed.error();
    if (!TrimText(source).empty()) parsed->source = source;
    return SaveCalendar(actor, std::move(*parsed));
}

void StaffService::InstallPublishedCalendars() {
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    for (const auto& calendar : PublishedCalendars()) {
        if (storage::FindCalendar(*lease, calendar.year)) continue;
        storage::ReplaceCalendar(*lease, calendar, "houqin", now);
    }
    transaction.Commit();
}

Result<Page<AttendanceRecord>> StaffService::ListAttendance(const Actor& actor, std::int64_t contract_id,
                                                            const AttendanceQuery& query) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    const auto range = MonthRange(query.month);
    if (!range) return MonthError();
    auto lease = context_.database.Acquire();
    return storage::ListAttendance(
        *lease, {contract_id, range->first, range->second, query.person_id, query.page, query.page_size});
}

namespace {

struct ShiftCheck {
    LocalMinute in;
    std::optional<LocalMinute> out;
};

// A shift's clock-out must follow its clock-in and fall within a day of it.
std::optional<Text> ShiftProblem(const LocalMinute& in, const std::optional<LocalMinute>& out) {
    if (!out) return std::nullopt;
    const auto length = (out->date.days() - in.date.days()) * 24 * 60 + (out->minute - in.minute);
    if (length <= 0) {
        return Text{"下班时间须晚于上班时间;夜班请把下班时间记在次日(导入时在“跨夜”列填“是”)",
                    "The clock-out must be after the clock-in; for a night shift the clock-out is on the next day "
                    "(in an import, put 是/yes in the Overnight column)"};
    }
    if (length > kMaxShiftMinutes) {
        return Text{"一个班次不能超过 24 小时", "A shift cannot be longer than 24 hours"};
    }
    return std::nullopt;
}

}  // namespace

Result<AttendanceRecord> StaffService::AddAttendance(const Actor& actor, std::int64_t contract_id,
                                                     const AttendanceInput& input) {
    if (auto status = actor.Require(Permission::kAttendanceWrite); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    Validation validation;
    std::optional<StaffPerson> person;
    if (!input.person_id) {
        validation.Fail("person_id", {"请选择人员", "Choose the person"});
    } else {
        person = storage::FindPerson(*lease, *input.person_id);
        if (!person || person->contract_id != contract_id) {
            validation.Fail("person_id", {"此人不在本合同名册中", "This person is not on the contract's roster"});
            person.reset();
        }
    }
    const auto in = ParseWallClock(input.clock_in);
    if (!in) validation.Fail("clock_in", {"上班时间格式应为 2026-02-14 08:00", "The clock-in reads 2026-02-14 08:00"});
    std::optional<LocalMinute> out;
    if (input.clock_out && !TrimText(*input.clock_out).empty()) {
        out = ParseWallClock(*input.clock_out);
        if (!out) {
            validation.Fail("clock_out", {"下班时间格式应为 2026-02-14 17:00", "The clock-out reads 2026-02-14 17:00"});
        }
    }
    if (in) {
        if (const auto problem = ShiftProblem(*in, out)) validation.Fail("clock_out", *problem);
        if (in->date > context_.clock.Today()) {
            validation.Fail("clock_in", {"上班时间不能晚于今天", "The clock-in cannot be after today"});
        }
    }
    const auto post = TrimText(input.post);
    if (post.size() > 50 * 3) validation.Fail("post", {"岗位不能超过 50 个字", "The post is at most 50 characters"});
    if (!validation.ok()) return validation.ToError();
    AttendanceRecord record;
    record.contract_id = contract_id;
    record.person_id = person->id;
    record.person_name = person->name;
    record.post = post.empty() ? person->post : post;
    record.clock_in = WallClockText(*in);
    if (out) record.clock_out = WallClockText(*out);
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    if (!storage::InsertAttendance(*lease, record, actor.user_id, now)) {
        return Error::Conflict(ErrorCode::kAlreadyExists, "clock_in",
                               {"此人这一时间的上班记录已经有了", "This person already has a clock-in at that time"});
    }
    record.id = storage::FindAttendanceId(*lease, record.person_id, record.clock_in).value_or(0);
    storage::AppendAudit(
        *lease, &actor, now,
        {"create", "attendance", record.id, std::nullopt,
         fmt::format(R"({{"person":{},"post":{},"clock_in":"{}","clock_out":{}}})",
                     storage::JsonString(record.person_name), storage::JsonString(record.post), record.clock_in,
                     record.clock_out ? fmt::format("\"{}\"", *record.clock_out) : "null")});
    if (hooks_.evaluate) hooks_.evaluate(*lease, &actor, contract_id);
    transaction.Commit();
    return record;
}

Result<ImportOutcome> StaffService::ImportAttendance(const Actor& actor, std::int64_t contract_id,
                                                     const ImportFile& file) {
    if (auto status = actor.Require(Permission::kAttendanceWrite); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    const auto people = storage::PeopleOfContract(*lease, contract_id);
    std::map<std::string, const StaffPerson*> by_id_number;
    std::map<std::string, std::vector<const StaffPerson*>> by_name;
    for (const auto& person : people) {
        by_id_number[person.id_number] = &person;
        by_name[person.name].push_back(&person);
    }
    const auto today = context_.clock.Today();
    std::map<std::string, std::size_t> positions;
    bool header_read = false;
    RowErrors errors;
    std::vector<AttendanceRecord> records;
    std::set<std::pair<std::int64_t, std::string>> seen;
    ImportOutcome outcome;
    const auto read = ReadTabular(file.bytes, file.file_name, file.encoding, [&](const TabularRow& row) -> Status {
        if (!header_read) {
            header_read = true;
            positions = HeaderPositions(kAttendanceColumns, row.cells);
            std::vector<std::string_view> missing;
            if (!positions.contains("id_number") && !positions.contains("name")) missing.emplace_back("身份证号/姓名");
            for (const auto* key : {"date", "clock_in", "clock_out"}) {
                if (!positions.contains(key)) missing.push_back(FindColumn(kAttendanceColumns, key)->zh);
            }
            if (!missing.empty()) return Error::Invalid("file", MissingColumns(missing));
            return Ok();
        }
        const auto cell = [&](std::string_view key) { return CellAt(positions, row, key); };
        if (BlankRow(row)) return Ok();
        ++outcome.rows;
        const StaffPerson* person = nullptr;
        if (const auto number = cell("id_number"); !number.empty()) {
            auto upper = number;
            if (!upper.empty() && upper.back() == 'x') upper.back() = 'X';
            const auto found = by_id_number.find(upper);
            if (found == by_id_number.end()) {
                errors.Add(row.number, "id_number",
                           {"本合同名册中没有这个身份证号", "No one on the contract's roster has this ID number"});
            } else {
                person = found->second;
            }
        } else if (const auto name = cell("name"); !name.empty()) {
            const auto found = by_name.find(name);
            if (found == by_name.end()) {
                errors.Add(row.number, "name",
                           {"本合同名册中没有此人", "No one on the contract's roster has this name"});
            } else if (found->second.size() > 1) {
                errors.Add(row.number, "name",
                           {"名册中有同名的人,请填写身份证号", "Several people have this name; give the ID number"});
            } else {
                person = found->second.front();
            }
        } else {
            errors.Add(row.number, positions.contains("id_number") ? "id_number" : "name",
                       {"请填写身份证号或姓名", "Give the ID number or the name"});
        }
        const auto date = ParseCellDate(cell("date"));
        if (!date) {
            errors.Add(row.number, "date", {"日期格式应为 2026-02-14", "The date reads 2026-02-14"});
        } else if (*date > today) {
            errors.Add(row.number, "date", {"日期不能晚于今天", "The date cannot be after today"});
        }
        const auto in_minute = ParseCellTime(cell("clock_in"));
        if (!in_minute) errors.Add(row.number, "clock_in", {"上班时间格式应为 08:00", "The clock-in reads 08:00"});
        std::optional<int> out_minute;
        if (const auto text = cell("clock_out"); !text.empty()) {
            out_minute = ParseCellTime(text);
            if (!out_minute)
                errors.Add(row.number, "clock_out", {"下班时间格式应为 17:00", "The clock-out reads 17:00"});
        }
        const auto overnight = ParseYesNo(cell("overnight"));
        if (!overnight) errors.Add(row.number, "overnight", {"跨夜请填“是”或“否”", "Overnight is 是/yes or 否/no"});
        if (!person || !date || !in_minute || !overnight) return Ok();
        const LocalMinute in{*date, *in_minute};
        std::optional<LocalMinute> out;
        if (out_minute) out = LocalMinute{*overnight ? date->AddDays(1) : *date, *out_minute};
        if (const auto problem = ShiftProblem(in, out)) {
            errors.Add(row.number, "clock_out", *problem);
            return Ok();
        }
        AttendanceRecord record;
        record.contract_id = contract_id;
        record.person_id = person->id;
        record.person_name = person->name;
        const auto post = cell("post");
        record.post = post.empty() ? person->post : post;
        record.clock_in = WallClockText(in);
        if (out) record.clock_out = WallClockText(*out);
        // The same punch twice in one file counts once, like the same file imported twice.
        if (!seen.emplace(record.person_id, record.clock_in).second) {
            ++outcome.unchanged;
            return Ok();
        }
        records.push_back(std::move(record));
        return Ok();
    });
    if (!read) return read.error();
    if (!header_read) {
        return Error::Invalid("file", {"文件是空的:第 1 行应为表头", "The file is empty: row 1 should be the header"});
    }
    if (!errors.empty()) return errors.ToError();
    // X-4: all rows or none, in one transaction, with one audit entry for the import.
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    storage::AttendanceImport import_record{
        contract_id, file.file_name, storage::Sha256Hex(file.bytes), outcome.rows, 0, actor.user_id, ActorName(actor),
        now};
    const auto import_id = storage::InsertAttendanceImport(*lease, import_record);
    for (auto& record : records) {
        record.import_id = import_id;
        if (storage::InsertAttendance(*lease, record, actor.user_id, now)) {
            ++outcome.imported;
        } else {
            ++outcome.unchanged;
        }
    }
    storage::SetImportedCount(*lease, import_id, outcome.imported);
    storage::AppendAudit(*lease, &actor, now,
                         {"import", "attendance", import_id, std::nullopt,
                          fmt::format(R"({{"contract_id":{},"file":{},"sha256":"{}","rows":{},"imported":{},)"
                                      R"("unchanged":{}}})",
                                      contract_id, storage::JsonString(file.file_name), import_record.sha256,
                                      outcome.rows, outcome.imported, outcome.unchanged)});
    if (outcome.imported > 0 && hooks_.evaluate) hooks_.evaluate(*lease, &actor, contract_id);
    transaction.Commit();
    return outcome;
}

std::vector<RequirementVersion> StaffService::StaffingHistory(storage::Connection& connection, std::int64_t contract_id,
                                                              const std::vector<StaffingRequirement>& staffing,
                                                              Date term_start, std::vector<Text>* warnings) {
    std::vector<StaffingChange> changes;
    for (const auto& request : storage::ConsentedStaffingRequests(connection, contract_id)) {
        changes.push_back(request.Change());
    }
    return RequirementHistory(staffing, term_start, std::move(changes), warnings);
}

ComplianceInput StaffService::ContractInput(storage::Connection& connection, std::int64_t contract_id,
                                            const std::vector<StaffingRequirement>& staffing, Date term_start,
                                            ExpiredDocuments expired_documents, std::vector<Text>* warnings) {
    ComplianceInput input;
    // STF-9: the contract's requirement and every consented change from its effective date.
    input.requirements = StaffingHistory(connection, contract_id, staffing, term_start, warnings);
    // STF-2: a required document that expired stops the person counting, unless the setting says otherwise.
    input.expired_documents = expired_documents;
    auto blocking = storage::BlockingDocuments(connection, contract_id);
    for (const auto& person : storage::PeopleOfContract(connection, contract_id)) {
        RosterEntry entry;
        entry.person_id = person.id;
        entry.name = person.name;
        entry.post = person.post;
        entry.start = person.start_date;
        entry.end = person.end_date;
        entry.documents = std::move(blocking[person.id]);
        input.roster.push_back(std::move(entry));
    }
    return input;
}

std::optional<Punch> StaffService::PunchOf(const AttendanceRecord& record) {
    const auto in = ParseWallClock(record.clock_in);
    if (!in) return std::nullopt;
    Punch punch;
    punch.id = record.id;
    punch.person_id = record.person_id;
    punch.name = record.person_name;
    punch.post = record.post;
    punch.clock_in = *in;
    if (record.clock_out) punch.clock_out = ParseWallClock(*record.clock_out);
    return punch;
}

ComplianceResult StaffService::ComputeFor(storage::Connection& connection, std::int64_t contract_id,
                                          const std::vector<StaffingRequirement>& staffing, Date term_start, Date first,
                                          Date last) {
    std::vector<Text> history_warnings;
    const auto expired_documents = storage::ReadSetting(connection, setting::kStaffExpiredDocumentBlocks) == 0
                                       ? ExpiredDocuments::kIgnore
                                       : ExpiredDocuments::kBlock;
    auto input = ContractInput(connection, contract_id, staffing, term_start, expired_documents, &history_warnings);
    input.first = first;
    input.last = last;
    // A night shift that began the day before the first day still counts its hours after midnight.
    for (const auto& record : storage::AttendanceBetween(connection, contract_id, first.AddDays(-1), last)) {
        if (auto punch = PunchOf(record)) input.punches.push_back(std::move(*punch));
    }
    HolidayCalendars calendars;
    for (auto& calendar : storage::CalendarsBetween(connection, YearOf(first), YearOf(last))) {
        calendars.Add(std::move(calendar));
    }
    input.calendars = &calendars;
    auto result = ComputeCompliance(input);
    for (auto& warning : history_warnings) result.warnings.push_back(std::move(warning));
    return result;
}

Result<ComplianceView> StaffService::Compliance(const Actor& actor, std::int64_t contract_id,
                                                const std::string& month) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    const auto range = MonthRange(month);
    if (!range) return MonthError();
    const auto& record = contract->record;
    if (range->second < record.term_start || range->first > record.term_end) {
        return Error::Invalid("month", {fmt::format("合同期限为 {} 至 {},所选月份不在其中",
                                                    record.term_start.ToString(), record.term_end.ToString()),
                                        fmt::format("The contract runs from {} to {}; the month lies outside it",
                                                    record.term_start.ToString(), record.term_end.ToString())});
    }
    const auto today = context_.clock.Today();
    const auto first = std::max(range->first, record.term_start);
    // Today is not over: its attendance is judged from tomorrow.
    const auto last = std::min({range->second, record.term_end, today.AddDays(-1)});
    ComplianceView view;
    view.month = month;
    auto lease = context_.database.Acquire();
    // STF-9: the requirement in force on the month's first day, and each change taking effect later in the month.
    const auto history = StaffingHistory(*lease, contract_id, contract->content.staffing, record.term_start, nullptr);
    view.requirement = RequirementOn(history, first);
    for (const auto& version : history) {
        if (version.effective_from > first && version.effective_from <= range->second) {
            view.changes.push_back(version);
        }
    }
    if (first <= last) {
        view.result = ComputeFor(*lease, contract_id, contract->content.staffing, record.term_start, first, last);
    } else {
        view.result.warnings.push_back({"这个月还没有已经过去的日期,暂无可核对的考勤",
                                        "No day of this month is over yet; there is no attendance to check"});
    }
    if (view.requirement.empty() && view.changes.empty()) {
        view.result.warnings.push_back({"合同未约定人员配置,无法核对到岗情况",
                                        "The contract states no staffing; attendance cannot be checked against it"});
    }
    if (hooks_.find) view.proposal = hooks_.find(*lease, contract_id, month);
    view.can_propose = actor.Can(Permission::kSupervisionWrite) && !view.proposal && range->second < today &&
                       view.result.missing_person_days > 0;
    return view;
}

Result<StaffingProposalRef> StaffService::Propose(const Actor& actor, std::int64_t contract_id,
                                                  const std::string& month) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    HOUQIN_TRY(view, Compliance(actor, contract_id, month));
    if (view->proposal) return *view->proposal;
    const auto range = MonthRange(month);
    if (range->second >= context_.clock.Today()) {
        return Error::Precondition({"这个月还没有结束,月底之后才能据考勤提出扣款建议",
                                    "The month is not over; a deduction can be proposed from its attendance after it "
                                    "ends"});
    }
    if (view->result.missing_person_days == 0) {
        return Error::Precondition({"这个月没有缺岗,不提出扣款建议", "The month has no shortfall; nothing to propose"});
    }
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    if (hooks_.evaluate) hooks_.evaluate(*lease, &actor, contract_id);
    std::optional<StaffingProposalRef> made;
    if (hooks_.find) made = hooks_.find(*lease, contract_id, month);
    transaction.Commit();
    if (made) return *made;
    return Error::Precondition(
        {"规则没有提出扣款建议:合同可能没有“每缺 1 "
         "人日扣款”的条款,或这些缺岗日已经处理过(已批准或已驳回),或当月考核已按缺岗扣款",
         "The rules proposed no deduction: the contract may have no per-missing-staff-day clause, or these days were "
         "already decided (approved or rejected), or the month's assessment already charged the missing staff"});
}

StaffService::ComplianceBasis StaffService::LoadComplianceBasis(storage::Connection& connection) {
    ComplianceBasis basis;
    // A day's type depends on its own year's calendar only, so holding every year answers as the years of a range do.
    for (auto& calendar : storage::CalendarsBetween(connection, 0, 9999)) basis.calendars.Add(std::move(calendar));
    if (storage::ReadSetting(connection, setting::kStaffExpiredDocumentBlocks) == 0) {
        basis.expired_documents = ExpiredDocuments::kIgnore;
    }
    return basis;
}

std::vector<StaffingMonth> StaffService::ShortfallMonths(storage::Connection& connection, std::int64_t contract_id,
                                                         const std::vector<StaffingRequirement>& staffing,
                                                         Date term_start, Date term_end, Date today,
                                                         const ComplianceBasis& basis) {
    std::vector<StaffingMonth> months;
    if (staffing.empty()) return months;
    // Only months that are over and that have attendance recorded are judged.
    const auto last_day = std::min(term_end, today.AddDays(-1));
    if (last_day < term_start) return months;
    // The term's punches in one read (each month also takes the day before its first, for a night shift that began
    // then); a month is judged when it has attendance dated in the term.
    const auto attendance = storage::DatedAttendanceBetween(connection, contract_id, term_start.AddDays(-1), last_day);
    std::vector<std::string> month_list;
    const auto term_first = term_start.ToString();
    for (const auto& punch : attendance) {
        if (punch.work_date < term_first) continue;
        month_list.push_back(punch.work_date.substr(0, 7));
    }
    std::sort(month_list.begin(), month_list.end());
    month_list.erase(std::unique(month_list.begin(), month_list.end()), month_list.end());
    if (month_list.empty()) return months;
    std::vector<Text> history_warnings;  // the rules read the short days only
    auto input =
        ContractInput(connection, contract_id, staffing, term_start, basis.expired_documents, &history_warnings);
    input.calendars = &basis.calendars;
    for (const auto& month : month_list) {
        const auto range = MonthRange(month);
        if (!range || range->second > last_day) continue;  // the month is not over
        const auto first = std::max(range->first, term_start);
        const auto last = std::min(range->second, term_end);
        input.first = first;
        input.last = last;
        // As PunchesBetween: dated first - 1 … last, in clock-in order.
        const auto from = first.AddDays(-1).ToString();
        const auto to = last.ToString();
        input.punches.clear();
        for (const auto& punch : attendance) {
            if (punch.work_date < from || punch.work_date > to) continue;
            if (auto converted = PunchOf(punch.record)) input.punches.push_back(std::move(*converted));
        }
        auto result = ComputeCompliance(input);
        storage::SaveStaffingMonth(connection, contract_id, month, result.short_days, result.missing_person_days,
                                   context_.clock.Now());
        StaffingMonth entry{month, {}};
        for (auto& day : result.days) {
            if (day.short_of_staff) entry.short_days.push_back(std::move(day));
        }
        if (!entry.short_days.empty()) months.push_back(std::move(entry));
    }
    return months;
}

Result<std::string> StaffService::ImportTemplate(const Actor& actor, Template kind) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    // An example person whose ID number passes the check (GB 11643): 1990-01-01, Guangzhou.
    const std::string first17 = "44010619900101123";
    const auto example_id = first17 + ResidentIdCheckCharacter(first17);
    reports::Sheet sheet;
    if (kind == Template::kRoster) {
        sheet.name = "名册";
        for (const auto& column : kRosterColumns) sheet.columns.push_back({std::string(column.zh), 16});
        sheet.rows.push_back({"张三", example_id, "13800000000", "保安员", "服务人员", "2026-01-01", ""});
    } else {
        sheet.name = "考勤";
        for (const auto& column : kAttendanceColumns) sheet.columns.push_back({std::string(column.zh), 14});
        sheet.rows.push_back({example_id, "张三", "服务人员", "2026-02-14", "08:00", "17:00", "否"});
        sheet.rows.push_back({example_id, "张三", "服务人员", "2026-02-15", "22:00", "06:00", "是"});
    }
    sheet.numeric.assign(sheet.columns.size(), false);
    sheet.money.assign(sheet.columns.size(), false);
    return reports::WriteWorkbook(sheet);
}

}  // namespace houqin

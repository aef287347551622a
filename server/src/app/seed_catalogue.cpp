#include "app/seed_catalogue.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "features/accounts/store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

std::vector<SeedCategory> MakeSeedCatalogue() {
    const std::vector<ChecklistItem> maintenance = {{"维保计划按期执行", 25},   {"故障响应与修复时限", 25},
                                                    {"设备完好率", 20},         {"维保记录与报告", 10},
                                                    {"安全作业与持证上岗", 10}, {"节能运行", 10}};
    const std::vector<ChecklistItem> meetings = {{"会场布置与设备保障", 25},
                                                 {"服务流程与响应及时", 25},
                                                 {"差错率(票务、文印)", 20},
                                                 {"保密纪律", 15},
                                                 {"服务礼仪", 15}};
    const SelectionCriteria maintenance_criteria{{"营业执照", "特种作业操作证"}, 5, true, true};
    return {
        {"order",
         nullptr,
         "秩序维护",
         "Order maintenance and security",
         {{"门岗值守与来访登记", 20},
          {"巡逻巡查及记录", 15},
          {"监控室值守", 15},
          {"消防巡查与器材检查", 15},
          {"突发事件处置与上报", 15},
          {"车辆秩序", 5},
          {"着装仪容、交接班记录", 10},
          {"服务态度", 5}},
         {{"营业执照", "保安服务许可证"}, 10, true, true},
         {"保安", "门岗", "监控员", "项目经理"}},
        {"cleaning",
         nullptr,
         "保洁绿化",
         "Cleaning and greening",
         {{"办公区地面、桌面、门窗清洁", 15},
          {"卫生间清洁、无异味、耗材补充", 15},
          {"公共区域(大厅、走廊、楼梯、电梯)清洁", 15},
          {"垃圾分类收集与日产日清", 10},
          {"绿化养护(浇水、修剪、病虫害)", 10},
          {"会务茶水服务", 10},
          {"人员到岗、着装、仪容", 10},
          {"劳动纪律与服务态度", 10},
          {"节约用水用电、安全操作", 5}},
         {{"营业执照", "保洁服务资质"}, 6, true, true},
         {"保洁员", "绿化工", "领班"}},
        {"hygiene",
         nullptr,
         "卫生防疫",
         "Hygiene and epidemic prevention",
         {{"公共区域定期消杀及记录", 30},
          {"病媒生物防制", 20},
          {"防疫物资管理", 15},
          {"应急预案与演练", 15},
          {"人员健康管理(健康证)", 10},
          {"记录台账完整", 10}},
         {{"营业执照", "有害生物防制资质"}, 3, true, true},
         {"消杀员", "防疫专员"}},
        {"maintenance",
         nullptr,
         "设施设备维保",
         "Maintenance of facilities and equipment",
         maintenance,
         maintenance_criteria,
         {"维修工", "电工"}},
        {"aircon",
         "maintenance",
         "空调维保",
         "Air-conditioning maintenance",
         maintenance,
         {{"营业执照", "制冷设备维修资质"}, 3, true, true},
         {"空调维修工"}},
        {"fire",
         "maintenance",
         "消防维保",
         "Fire protection maintenance",
         maintenance,
         {{"营业执照", "消防设施维护保养检测资质"}, 3, true, true},
         {"消防设施操作员"}},
        {"cctv",
         "maintenance",
         "监控维保",
         "Surveillance (CCTV) maintenance",
         maintenance,
         {{"营业执照", "安防工程资质"}, 2, true, true},
         {"安防技术员"}},
        {"catering",
         nullptr,
         "餐饮",
         "Catering",
         {{"食品安全(采购索证、留样、储存)", 30},
          {"厨房及餐厅卫生", 20},
          {"菜品质量与花色", 15},
          {"从业人员健康证与着装", 10},
          {"服务态度与就餐秩序", 10},
          {"成本控制与节约", 10},
          {"消防与燃气安全", 5}},
         {{"营业执照", "食品经营许可证"}, 5, true, true},
         {"厨师", "帮厨", "服务员", "食堂经理"}},
        {"meeting", nullptr, "会议服务", "Meetings", meetings, {{"营业执照"}, 3, true, true}, {"会务员"}},
        {"business", nullptr, "商务服务", "Business services", meetings, {{"营业执照"}, 2, true, true}, {"文印员"}},
        {"ticketing",
         nullptr,
         "票务",
         "Ticketing",
         meetings,
         {{"营业执照", "票务代理资质"}, 1, true, true},
         {"票务员"}},
        {"callcenter",
         nullptr,
         "外呼",
         "Outbound call centre",
         {{"成功访问量达标", 30},
          {"呼出时长达标", 20},
          {"质检合格率", 20},
          {"劳动纪律与考勤", 15},
          {"数据安全与现场管理", 15}},
         {{"营业执照", "增值电信业务经营许可证"}, 20, true, true},
         {"话务员", "值班经理", "项目督导", "质检"}},
        {"other", nullptr, "其他", "Other", {}, {{"营业执照"}, 0, false, false}, {}},
    };
}

}  // namespace

const std::vector<SeedCategory>& SeedCatalogue() {
    static const std::vector<SeedCategory> kCatalogue = MakeSeedCatalogue();
    return kCatalogue;
}

const SeedCategory& SeedCategoryOf(std::string_view code) {
    const auto& catalogue = SeedCatalogue();
    const auto found =
        std::find_if(catalogue.begin(), catalogue.end(), [&](const SeedCategory& item) { return item.code == code; });
    if (found == catalogue.end()) throw std::logic_error(fmt::format("the seed catalogue has no category {}", code));
    return *found;
}

Category SeedCategoryRecord(const SeedCategory& category, int sort_order) {
    Category record;
    record.code = category.code;
    record.name_zh = category.name_zh;
    record.name_en = category.name_en;
    record.description = fmt::format("{}(D1 第二条)", category.name_zh);
    record.sort_order = sort_order;
    record.checklist = category.checklist;
    record.criteria = category.criteria;
    record.staff_roles = category.staff_roles;
    return record;
}

std::int64_t SeedOrg(storage::Connection& connection, Instant now, std::int64_t parent, const std::string& name,
                     OrgKind kind) {
    storage::Transaction transaction(connection);
    const auto id = storage::InsertOrg(connection, {0, parent, name, kind, ""}, now);
    storage::AppendAudit(connection, nullptr, now,
                         {"create", "org", id, std::nullopt, storage::OrgSnapshot(*storage::FindOrg(connection, id))});
    transaction.Commit();
    return id;
}

}  // namespace houqin

// Contracts (CON-1 … CON-8): drafting, dual review, signing, the document, amendments, renewal, termination, ledger.
#include "features/contracts/routes.h"

#include <fmt/format.h>

#include "features/accounts/codec.h"
#include "features/catalogue/codec.h"
#include "features/contracts/codec.h"
#include "features/contracts/contract_pdf.h"
#include "features/vendors/codec.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Json DecisionJson(const std::optional<ContractReviewDecision>& decision) {
    if (!decision) return nullptr;
    return Json{
        {"decision", decision->decision},
        {"comment", decision->comment},
        {"by", decision->by},
        {"by_display_name", decision->by_display_name.empty() ? Json(decision->by) : Json(decision->by_display_name)},
        {"role_name", TextJson(InfoOf(decision->role).name)},
        {"at", decision->at.ToIso()}};
}

Json ContractJson(const ContractView& view, bool with_content) {
    const auto& r = view.record;
    Json json{{"id", r.id},
              {"code", r.code},
              {"title", r.title},
              {"vendor_id", r.vendor_id},
              {"vendor_name", r.vendor_name},
              {"category_id", r.category_id},
              {"status", ContractStatusCode(view.status)},
              {"status_name", TextJson(ContractStatusName(view.status))},
              {"version_no", r.version_no},
              {"active_version_no", r.active_version_no},
              {"term_start", r.term_start.ToString()},
              {"term_end", r.term_end.ToString()},
              {"total_amount", r.total_amount.ToString()},
              {"days_to_expiry", view.days_to_expiry ? Json(*view.days_to_expiry) : Json(nullptr)},
              {"predecessor_id", r.predecessor_id ? Json(*r.predecessor_id) : Json(nullptr)},
              {"successor_id", r.successor_id ? Json(*r.successor_id) : Json(nullptr)},
              {"allowed_actions", view.allowed_actions},
              {"created_at", r.created_at.ToIso()},
              {"updated_at", r.updated_at.ToIso()}};
    json["review"] = view.review_version_no > 0 ? Json{{"version_no", view.review_version_no},
                                                       {"state", r.review_state},
                                                       {"legal", DecisionJson(view.legal)},
                                                       {"text", DecisionJson(view.text)}}
                                                : Json(nullptr);
    json["signing"] = r.signing
                          ? Json{{"signed_on", r.signing->signed_on.ToString()},
                                 {"party_a_signatory", r.signing->party_a_signatory},
                                 {"party_b_signatory", r.signing->party_b_signatory},
                                 {"version_no", r.signing->version_no},
                                 {"attachment", view.signed_scan ? AttachmentJson(*view.signed_scan) : Json(nullptr)}}
                          : Json(nullptr);
    json["termination"] = r.termination ? Json{{"reason", r.termination->reason},
                                               {"breach_liability", r.termination->breach_liability},
                                               {"effective_on", r.termination->effective_on.ToString()},
                                               {"by", r.termination->by},
                                               {"at", r.termination->at.ToIso()}}
                                        : Json(nullptr);
    json["amendment"] = r.amendment ? Json{{"status", r.review_state},
                                           {"consultation_id", r.amendment->consultation_id},
                                           {"reason", r.amendment->reason}}
                                    : Json(nullptr);
    if (with_content) json["content"] = codec::ContractContentJson(view.content);
    return json;
}

Result<ContractContent> ReadContent(const HttpRequest& request) {
    HOUQIN_TRY(body, ParseObject(request));
    Validation validation;
    auto content = codec::ContractContentFromJson(*body, validation);
    if (!validation.ok()) return validation.ToError();
    return content;
}

std::optional<Date> OptionalDate(JsonReader& reader, const std::string& key) {
    if (!reader.Has(key)) return std::nullopt;
    return reader.DateValue(key, JsonReader::Need::kOptional);
}

std::optional<Money> OptionalMoney(JsonReader& reader, const std::string& key) {
    if (!reader.Has(key)) return std::nullopt;
    return reader.MoneyValue(key, JsonReader::Need::kOptional);
}

Json ConsultationJson(const Consultation& consultation) {
    return Json{{"id", consultation.id},
                {"contract_id", consultation.contract_id},
                {"held_on", consultation.held_on.ToString()},
                {"participants", consultation.participants},
                {"summary", consultation.summary},
                {"created_by", consultation.created_by},
                {"created_at", consultation.created_at.ToIso()}};
}

Json LedgerEntryJson(const LedgerEntry& entry) {
    return Json{{"id", entry.id},
                {"kind", entry.kind},
                {"period", entry.period},
                {"amount", entry.amount.ToString()},
                {"reason", entry.reason},
                {"source", entry.source},
                {"created_by", entry.created_by},
                {"created_at", entry.created_at.ToIso()}};
}

Json PaymentJson(const PaymentRecord& payment) {
    return Json{{"id", payment.id},
                {"period", payment.period},
                {"amount", payment.amount.ToString()},
                {"paid_on", payment.paid_on.ToString()},
                {"reference", payment.reference},
                {"note", payment.note},
                {"created_by", payment.created_by},
                {"created_at", payment.created_at.ToIso()}};
}

Json PeriodJson(const PeriodStatement& period) {
    Json json{{"period", period.period},
              {"amount", period.amount.ToString()},
              {"deductions", period.deductions.ToString()},
              {"rewards", period.rewards.ToString()},
              {"due", period.due.ToString()},
              {"paid", period.paid.ToString()},
              {"balance", period.balance.ToString()}};
    if (period.period != "total") json["due_date"] = period.due_date.ToString();
    return json;
}

}  // namespace

void AddContractRoutes(Router& router, AccountService& accounts, CatalogueService& catalogue,
                       ContractService& contracts) {
    const std::vector<Permission> read = {Permission::kContractRead};
    const std::vector<Permission> write = {Permission::kContractWrite};
    router
        .Add("GET", "/api/v1/contracts", Access::kSession, "contracts", "Contracts, paged, sorted and filtered",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page =
                     ReadPageQuery(context.request, {"code", "term_end", "created_at", "updated_at"}, validation);
                 ContractQuery query;
                 query.q = context.request.Query("q").value_or("");
                 if (auto status = context.request.Query("status"); status && !status->empty()) {
                     query.status = ParseContractStatus(*status);
                     if (!query.status) validation.Fail("status", {"合同状态不存在", "Unknown contract status"});
                 }
                 if (auto vendor = context.request.Query("vendor_id"); vendor && !vendor->empty()) {
                     try {
                         query.vendor_id = std::stoll(*vendor);
                     } catch (const std::exception&) {
                         validation.Fail("vendor_id", {"须为正整数", "Must be a positive whole number"});
                     }
                 }
                 if (!validation.ok()) return validation.ToError();
                 query.sort = page.sort;
                 query.descending = page.descending;
                 query.page = page.page;
                 query.page_size = page.page_size;
                 HOUQIN_TRY(result, contracts.List(context.actor(), query));
                 Json items = Json::array();
                 for (const auto& view : result->items) items.push_back(ContractJson(view, false));
                 return JsonResponse(200, PageJson(items, result->total, page));
             })
        .ReturnsPage("ContractSummary")
        .Requires(read)
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/contracts", Access::kSession, "contracts", "Draft a contract",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(content, ReadContent(context.request));
                 HOUQIN_TRY(view, contracts.Create(context.actor(), *content));
                 return JsonResponse(201, ContractJson(*view, true));
             })
        .Body("ContractContent")
        .Creates("Contract")
        .Requires(write)
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/contracts/schedule", Access::kSession, "contracts",
             "Split a total into a payment schedule (preview; writes nothing)",
             [](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto start = reader.DateValue("term_start");
                 const auto end = reader.DateValue("term_end");
                 const auto frequency_code = reader.String("frequency");
                 const auto total = reader.MoneyValue("total_amount");
                 const auto frequency = ParseFrequency(frequency_code);
                 if (!frequency_code.empty() && !frequency) {
                     validation.Fail("frequency", {"频率须为 monthly、quarterly、semiannual 或 annual",
                                                   "Frequency must be monthly, quarterly, semiannual or annual"});
                 }
                 if (validation.ok() && end <= start) {
                     validation.Fail("term_end", {"合同终止日期须晚于起始日期", "The term must end after it starts"});
                 }
                 if (validation.ok() && total.fen() <= 0) {
                     validation.Fail("total_amount", {"金额须大于 0", "The amount must be greater than 0"});
                 }
                 if (!validation.ok()) return validation.ToError();
                 Json items = Json::array();
                 // Each installment with the days it pays for (the contract's own month or quarter, CON-8).
                 const auto periods = TermPeriods(start, end, *frequency);
                 for (const auto& installment : GenerateSchedule(start, end, *frequency, total)) {
                     Json item{{"period", installment.period},
                               {"due_date", installment.due_date.ToString()},
                               {"amount", installment.amount.ToString()}};
                     if (const auto* period = FindTermPeriod(periods, installment.period)) {
                         item["first"] = period->first.ToString();
                         item["last"] = period->last.ToString();
                     }
                     items.push_back(std::move(item));
                 }
                 return JsonResponse(200, Json{{"installments", items}});
             })
        .Body("ScheduleRequest")
        .Returns("Schedule")
        .Requires(write)
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/contracts/{id}", Access::kSession, "contracts", "One contract with its latest content",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, contracts.Get(context.actor(), *id));
                 return JsonResponse(200, ContractJson(*view, true));
             })
        .Returns("Contract")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("PUT", "/api/v1/contracts/{id}", Access::kSession, "contracts",
             "Revise a draft, a returned contract or an amendment being drafted",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(content, ReadContent(context.request));
                 HOUQIN_TRY(view, contracts.Update(context.actor(), *id, *content));
                 return JsonResponse(200, ContractJson(*view, true));
             })
        .Body("ContractContent")
        .Returns("Contract")
        .Requires(write)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/submit", Access::kSession, "contracts",
             "Send the latest version to legal and text review",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, contracts.Submit(context.actor(), *id));
                 return JsonResponse(200, ContractJson(*view, true));
             })
        .NoBody()
        .Returns("Contract")
        .Requires(write)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/reviews", Access::kSession, "contracts",
             "Approve or return the version under review (judicial: legal, party_office: text)",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto version_no = reader.Integer("version_no");
                 const auto decision = reader.String("decision");
                 const auto comment = reader.String("comment", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view,
                            contracts.Review(context.actor(), *id, static_cast<int>(version_no), decision, comment));
                 return JsonResponse(200, ContractJson(*view, true));
             })
        .Body("ReviewInput")
        .Returns("Contract")
        .Requires({Permission::kContractReview})
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/versions", Access::kSession, "contracts", "Every version with its content",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(versions, contracts.Versions(context.actor(), *id));
                 Json items = Json::array();
                 for (const auto& version : *versions) {
                     items.push_back(
                         {{"version_no", version.version_no},
                          {"kind", version.kind},
                          {"status", version.status},
                          {"created_by", version.created_by},
                          {"created_at", version.created_at.ToIso()},
                          {"submitted_at", version.submitted_at ? Json(version.submitted_at->ToIso()) : Json(nullptr)},
                          {"content", Json::parse(version.content_json)}});
                 }
                 return JsonResponse(200, Json{{"items", items}});
             })
        .ReturnsItems("ContractVersion")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/history", Access::kSession, "contracts", "Every workflow step",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(events, contracts.History(context.actor(), *id));
                 Json items = Json::array();
                 for (const auto& event : *events) items.push_back(WorkflowEventJson(event));
                 return JsonResponse(200, Json{{"items", items}});
             })
        .ReturnsItems("WorkflowEvent")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/sign", Access::kSession, "contracts",
             "Record the signing of the approved version (with the signed scan)",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 SignInput input{OptionalDate(reader, "signed_on"),
                                 reader.String("party_a_signatory", JsonReader::Need::kOptional),
                                 reader.String("party_b_signatory", JsonReader::Need::kOptional),
                                 reader.OptionalInteger("attachment_id")};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, contracts.Sign(context.actor(), *id, input));
                 return JsonResponse(200, ContractJson(*view, true));
             })
        .Body("SignInput")
        .Returns("Contract")
        .Requires(write)
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/document.pdf", Access::kSession, "contracts",
             "The contract document as PDF (optional ?version=N)",
             [&accounts, &catalogue, &contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 int version_no = 0;
                 if (auto text = context.request.Query("version"); text && !text->empty()) {
                     try {
                         version_no = std::stoi(*text);
                     } catch (const std::exception&) {
                         return Error::Invalid("version",
                                               {"版本号须为正整数", "version must be a positive whole number"});
                     }
                 }
                 HOUQIN_TRY(data, contracts.DocumentData(context.actor(), *id, version_no));
                 const auto& view = data->view;
                 const auto& content = data->content;
                 // CC-7: one contract's document, read or printed: recorded, not a list export.
                 HOUQIN_TRY(exported, contracts.RecordDocumentRead(context.actor(), *id, *data));
                 reports::ContractDocument document;
                 document.code = view.record.code;
                 document.status = fmt::format("{} · 第 {} 版", data->version_status.zh, data->version_no);
                 document.rules_title = content.rules_title;
                 document.content = content;
                 if (auto category = catalogue.Get(context.actor(), content.category_id)) {
                     document.category_name = category->name_zh;
                 }
                 if (auto orgs = accounts.ListOrgs(context.actor())) {
                     for (const auto& org : *orgs) {
                         if (org.id == content.responsible_department_id) document.department_name = org.name;
                     }
                 }
                 if (view.record.signing) {
                     document.signed_on = view.record.signing->signed_on;
                     document.party_a_signatory = view.record.signing->party_a_signatory;
                     document.party_b_signatory = view.record.signing->party_b_signatory;
                 }
                 HttpResponse response;
                 response.content_type = "application/pdf";
                 response.body = reports::WriteContractPdf(document);
                 response.headers.emplace_back("Content-Disposition",
                                               "inline; filename=\"" + view.record.code + ".pdf\"; filename*=UTF-8''" +
                                                   PercentEncode(view.record.code + " " + content.title + ".pdf"));
                 return response;
             })
        .ReturnsFile("application/pdf")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/consultations", Access::kSession, "contracts",
             "Record a consultation with the vendor (SUP-6)",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 ConsultationInput input{OptionalDate(reader, "held_on"),
                                         reader.String("participants", JsonReader::Need::kOptional),
                                         reader.String("summary", JsonReader::Need::kOptional)};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(consultation, contracts.AddConsultation(context.actor(), *id, input));
                 return JsonResponse(201, ConsultationJson(*consultation));
             })
        .Body("ConsultationInput")
        .Creates("Consultation")
        .Requires(write)
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/consultations", Access::kSession, "contracts", "Consultation records",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(list, contracts.Consultations(context.actor(), *id));
                 Json items = Json::array();
                 for (const auto& consultation : *list) items.push_back(ConsultationJson(consultation));
                 return JsonResponse(200, Json{{"items", items}});
             })
        .ReturnsItems("Consultation")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/amendments", Access::kSession, "contracts",
             "Start an amendment after a recorded consultation (CON-4)",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto consultation_id = reader.OptionalInteger("consultation_id");
                 const auto reason = reader.String("reason", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, contracts.StartAmendment(context.actor(), *id, consultation_id, reason));
                 return JsonResponse(201, ContractJson(*view, true));
             })
        .Body("AmendmentInput")
        .Creates("Contract")
        .Requires(write)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/terminate", Access::kSession, "contracts",
             "Terminate with reason and breach liability (CON-7)",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 TerminationInput input{reader.String("reason", JsonReader::Need::kOptional),
                                        reader.String("breach_liability", JsonReader::Need::kOptional),
                                        OptionalDate(reader, "effective_on")};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, contracts.Terminate(context.actor(), *id, input));
                 return JsonResponse(200, ContractJson(*view, true));
             })
        .Body("TerminateInput")
        .Returns("Contract")
        .Requires(write)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/renew", Access::kSession, "contracts",
             "Renew: a linked successor draft (CON-6)",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 RenewalInput input{reader.String("reason", JsonReader::Need::kOptional),
                                    OptionalDate(reader, "term_start"), OptionalDate(reader, "term_end")};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, contracts.Renew(context.actor(), *id, input));
                 return JsonResponse(201, ContractJson(*view, true));
             })
        .Body("RenewInput")
        .Creates("Contract")
        .Requires(write)
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/ledger", Access::kSession, "contracts",
             "Amount due, deductions, rewards, payments and balance per period (CON-8)",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(ledger, contracts.Ledger(context.actor(), *id));
                 Json periods = Json::array();
                 for (const auto& period : ledger->statement.periods) periods.push_back(PeriodJson(period));
                 Json entries = Json::array();
                 for (const auto& entry : ledger->entries) entries.push_back(LedgerEntryJson(entry));
                 Json payments = Json::array();
                 for (const auto& payment : ledger->payments) payments.push_back(PaymentJson(payment));
                 return JsonResponse(200, Json{{"periods", periods},
                                               {"entries", entries},
                                               {"payments", payments},
                                               {"totals", PeriodJson(ledger->statement.totals)}});
             })
        .Returns("Ledger")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/ledger", Access::kSession, "contracts",
             "Enter an approved deduction or reward for a period",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 LedgerInput input{reader.String("kind"), reader.String("period"), OptionalMoney(reader, "amount"),
                                   reader.String("reason", JsonReader::Need::kOptional)};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(entry, contracts.AddLedgerEntry(context.actor(), *id, input));
                 return JsonResponse(201, LedgerEntryJson(*entry));
             })
        .Body("LedgerEntryInput")
        .Creates("LedgerEntry")
        .Requires({Permission::kPaymentWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/payments", Access::kSession, "contracts", "Record a payment",
             [&contracts](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 PaymentInput input{reader.String("period"), OptionalMoney(reader, "amount"),
                                    OptionalDate(reader, "paid_on"),
                                    reader.String("reference", JsonReader::Need::kOptional),
                                    reader.String("note", JsonReader::Need::kOptional)};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(payment, contracts.AddPayment(context.actor(), *id, input));
                 return JsonResponse(201, PaymentJson(*payment));
             })
        .Body("PaymentInput")
        .Creates("Payment")
        .Requires({Permission::kPaymentWrite})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http

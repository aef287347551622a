// The renewal basis (RP-5, CON-6) and the period reports (SUP-7): what they count, the recommendation and its reasons
// with the settings used, scope, and the PDF and Excel forms. docs/api.md "Renewal basis and reports".
// Assessments and surveys are written by another module; here their rows are inserted directly as facts.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
    FAKE_TODAY, contractFixtures, createActiveContract, expectError, expectStatus, listAll, setupDemo, unzip,
    validContent, xlsxText,
} from './harness.mjs';

let demo;
let office;
let admin;
let vendor1;
let vendor2;
let dept;
let fx;
let clients;
let jiwei;
let demoActive; // the demo contract in force: it has a manual deduction of 500.00 and a payment

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    vendor1 = await demo.as('vendor1');
    vendor2 = await demo.as('vendor2');
    dept = await demo.as('dept');
    jiwei = await demo.as('jiwei');
    clients = { office, sifa: await demo.as('sifa'), dangzheng: await demo.as('dangzheng') };
    fx = await contractFixtures(demo, office);
    const contracts = await listAll(office, '/contracts');
    demoActive = contracts.find((item) => item.status === 'active' && item.vendor_id === fx.ownVendor.id);
    assert.ok(demoActive);
});

/** A fresh contract in force for 2026 (today 2026-11-28 lies in its term). */
async function freshContract() {
    const content = validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        year: 2026,
    });
    return createActiveContract(clients, content);
}

function contractRow(id) {
    const [vendorId, vendorOrgId, ownerPath] = demo.db.sql(
        `SELECT vendor_id, vendor_org_id, owner_path FROM contracts WHERE id = ${id}`).split('|');
    return { vendorId, vendorOrgId, ownerPath };
}

const ITEMS = [
    { item: '办公区地面、桌面、门窗清洁', points: 15 }, { item: '卫生间清洁无异味', points: 20 },
    { item: '垃圾日产日清、分类投放', points: 15 }, { item: '绿地修剪、浇水、除草', points: 20 },
    { item: '人员在岗、着装规范', points: 15 }, { item: '工具物料规范存放', points: 15 },
];

/** An assessment row as the assessment service stores it (points lost in tenths). */
function insertAssessment(contractId, { period, assessedOn, lostTenths, kind = 'routine' }) {
    const { vendorId, vendorOrgId, ownerPath } = contractRow(contractId);
    const items = ITEMS.map((item, index) => ({
        item: item.item, points: item.points, lost_tenths: lostTenths[index] ?? 0,
        failed: (lostTenths[index] ?? 0) * 2 >= item.points * 10, note: '', photo_ids: [],
    }));
    const total = 1000 - items.reduce((sum, item) => sum + item.lost_tenths, 0);
    const passed = total >= 600 ? 1 : 0;
    const grade = total >= 900 ? '优秀' : total >= 800 ? '良好' : total >= 600 ? '合格' : '不合格';
    const failedItems = items.filter((item) => item.failed).length;
    const json = JSON.stringify(items).replace(/'/g, "''");
    demo.db.sql(`INSERT INTO assessments (contract_id, vendor_id, vendor_org_id, owner_path, contract_version_no, period,
        kind, assessed_on, inspector, items_json, terms_json, total_tenths, original_total_tenths, pass_mark, passed, grade,
        failed_items, missing_staff_days, summary, status, appeal_deadline, created_by, created_at, updated_at)
        VALUES (${contractId}, ${vendorId}, ${vendorOrgId}, '${ownerPath}', 1, '${period}', '${kind}', '${assessedOn}',
        '王检查', '${json}', '{}', ${total}, ${total}, 60, ${passed}, '${grade}', ${failedItems}, 0, '', 'submitted',
        '${assessedOn}', NULL, 0, 0)`);
}

/** A closed survey with answers counted per rating. */
function insertSurvey(contractId, { period, counts, basicCounts = 1 }) {
    const { vendorId, vendorOrgId, ownerPath } = contractRow(contractId);
    demo.db.sql(`INSERT INTO surveys (contract_id, vendor_id, vendor_org_id, owner_path, period, title, anonymous,
        questions_json, status, opens_on, closes_on, basic_counts_satisfied, closed_at, created_by, created_at, updated_at)
        VALUES (${contractId}, ${vendorId}, ${vendorOrgId}, '${ownerPath}', '${period}', '${period} 满意度测评', 1, '[]',
        'closed', '2026-06-01', '2026-06-30', ${basicCounts}, 0, NULL, 0, 0)`);
    const surveyId = demo.db.sql(`SELECT MAX(id) FROM surveys WHERE contract_id = ${contractId}`);
    let n = 0;
    for (const [rating, count] of Object.entries(counts)) {
        for (let i = 0; i < count; i += 1) {
            n += 1;
            demo.db.sql(`INSERT INTO survey_answers (survey_id, answer_key, user_id, rating, answers_json, comment)
                VALUES (${surveyId}, 'k${surveyId}-${n}', NULL, '${rating}', '{}', '')`);
        }
    }
    return Number(surveyId);
}

function pdfText(bytes) {
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8', timeout: 60_000 });
    if (result.error && result.error.code === 'ENOENT') return null;
    assert.equal(result.status, 0, `pdftotext failed: ${result.stderr}`);
    return result.stdout.replace(/\s+/g, '');
}

const codes = (basis) => basis.reasons.map((reason) => reason.code);

// ---------------------------------------------------------------------------------------------------------------
// RP-5 renewal basis

test('RP-5 CON-6 a clean history recommends renewal, with the reason and the settings used', async () => {
    const contract = await freshContract();
    insertAssessment(contract.id, { period: '2026-10', assessedOn: '2026-10-31', lostTenths: [10, 20] });
    insertAssessment(contract.id, { period: '2026-11', assessedOn: '2026-11-27', lostTenths: [5] });
    insertSurvey(contract.id, { period: '2026-H2', counts: { very_satisfied: 8, satisfied: 10, basically_satisfied: 1, dissatisfied: 1 } });
    const basis = expectStatus(await office.get(`/contracts/${contract.id}/renewal-basis`), 200).body;
    assert.equal(basis.contract.id, contract.id);
    assert.equal(basis.contract.code, contract.code);
    assert.equal(basis.recommendation, 'renew', JSON.stringify(basis.reasons));
    assert.deepEqual(codes(basis), ['clean']);
    assert.equal(basis.assessments.length, 2);
    assert.deepEqual(basis.assessments.map((a) => a.total), [97, 99.5]);
    assert.equal(basis.average, 98.3); // (970 + 995) / 2 = 982.5 tenths, half up
    assert.equal(basis.failures, 0);
    assert.equal(basis.surveys[0].rate, '95.00%');
    assert.equal(basis.satisfaction, '95.00%');
    assert.deepEqual(basis.rectifications, { total: 0, open: 0, reported: 0, closed: 0, overdue: 0 });
    assert.deepEqual(basis.deductions, { count: 0, amount: '0.00', from_proposals: 0 });
    assert.deepEqual(basis.thresholds, [
        { name: 'policy.failures_threshold', value: 3 }, { name: 'policy.satisfaction_percent', value: 60 },
        { name: 'policy.reward_satisfaction_percent', value: 90 },
    ]);
    for (const reason of basis.reasons) assert.ok(reason['zh-CN'] && reason.en);
});

test('RP-5 failures reaching policy.failures_threshold mean do_not_renew; the threshold is a setting and the answer records it', async () => {
    const contract = await freshContract();
    for (const month of ['08', '09', '10']) {
        insertAssessment(contract.id, { period: `2026-${month}`, assessedOn: `2026-${month}-28`, lostTenths: [150, 200, 100] });
    }
    insertAssessment(contract.id, { period: '2026-11', assessedOn: '2026-11-20', lostTenths: [150, 200, 100], kind: 'special' });
    let basis = expectStatus(await office.get(`/contracts/${contract.id}/renewal-basis`), 200).body;
    assert.equal(basis.recommendation, 'do_not_renew');
    assert.deepEqual(codes(basis), ['failures_threshold', 'failure']);
    assert.equal(basis.routine_failures, 3);
    assert.equal(basis.failures, 4);
    expectStatus(await admin.put('/settings/policy.failures_threshold', { value: 4, reason: '测试:一年内四次不合格' }), 200);
    try {
        basis = expectStatus(await office.get(`/contracts/${contract.id}/renewal-basis`), 200).body;
        assert.equal(basis.recommendation, 'renew_with_conditions', 'special assessments do not count to the threshold');
        assert.deepEqual(codes(basis), ['failure']);
        assert.equal(basis.thresholds.find((t) => t.name === 'policy.failures_threshold').value, 4);
    } finally {
        expectStatus(await admin.put('/settings/policy.failures_threshold', { value: 3, reason: '恢复默认' }), 200);
    }
});

test('RP-5 a survey below policy.satisfaction_percent means do_not_renew; basically satisfied counts by the survey\'s own formula', async () => {
    const contract = await freshContract();
    // 5 of 10 satisfied when 基本满意 does not count (50% < 60%); 8 of 10 when it does (80%: below the reward 90%).
    insertSurvey(contract.id, { period: '2026-H1', counts: { satisfied: 5, basically_satisfied: 3, dissatisfied: 2 }, basicCounts: 0 });
    let basis = expectStatus(await office.get(`/contracts/${contract.id}/renewal-basis`), 200).body;
    assert.equal(basis.surveys[0].rate, '50.00%');
    assert.equal(basis.recommendation, 'do_not_renew');
    assert.deepEqual(codes(basis), ['survey_below', 'satisfaction_below_reward']);
    const other = await freshContract();
    insertSurvey(other.id, { period: '2026-H1', counts: { satisfied: 5, basically_satisfied: 3, dissatisfied: 2 }, basicCounts: 1 });
    basis = expectStatus(await office.get(`/contracts/${other.id}/renewal-basis`), 200).body;
    assert.equal(basis.surveys[0].rate, '80.00%');
    assert.equal(basis.recommendation, 'renew_with_conditions');
    assert.deepEqual(codes(basis), ['satisfaction_below_reward']);
});

test('RP-5 deductions, open rectifications and a pending termination proposal are listed reasons', async () => {
    // The demo contract has a manual deduction of 500.00.
    let basis = expectStatus(await office.get(`/contracts/${demoActive.id}/renewal-basis`), 200).body;
    assert.equal(basis.deductions.count, 1);
    assert.equal(basis.deductions.amount, '500.00');
    assert.ok(codes(basis).includes('deduction'));
    assert.equal(basis.recommendation, 'renew_with_conditions');

    const contract = await freshContract();
    const r = expectStatus(await office.post('/rectifications', {
        contract_id: contract.id, title: '绿地养护不到位', requirement: '补种草皮', owner: '张经理', deadline: FAKE_TODAY,
    }), 201).body;
    basis = expectStatus(await office.get(`/contracts/${contract.id}/renewal-basis`), 200).body;
    assert.deepEqual(codes(basis), ['rectification_unverified']);
    demo.db.sql(`UPDATE rectifications SET deadline = '2026-11-01' WHERE id = ${r.id}`);
    basis = expectStatus(await office.get(`/contracts/${contract.id}/renewal-basis`), 200).body;
    assert.deepEqual(codes(basis), ['rectification_overdue', 'rectification_unverified']);
    assert.equal(basis.rectifications.overdue, 1);

    const { vendorId, vendorOrgId, ownerPath } = contractRow(contract.id);
    demo.db.sql(`INSERT INTO proposals (contract_id, vendor_id, vendor_org_id, owner_path, kind, rule, rule_version,
        settings_version, dedupe_key, period, amount_fen, approved_amount_fen, evidence_json, thresholds_json,
        explanation_zh, explanation_en, status, ledger_entry_id, created_at, updated_at)
        VALUES (${contract.id}, ${vendorId}, ${vendorOrgId}, '${ownerPath}', 'termination', 'RP-3/failures', '1', '1',
        'test-${contract.id}', '', NULL, NULL, '[]', '[]', '一年内三次考核不合格', 'Three failures within a year',
        'pending_leadership', NULL, 0, 0)`);
    basis = expectStatus(await office.get(`/contracts/${contract.id}/renewal-basis`), 200).body;
    assert.equal(basis.recommendation, 'do_not_renew');
    assert.equal(codes(basis)[0], 'termination_proposal');
    assert.equal(basis.proposals[0].kind, 'termination');
    assert.equal(basis.proposals[0].status, 'pending_leadership');
});

test('RP-5 scope and state: a vendor reads its own contract\'s basis only; a draft has none; the PDF is readable Chinese', async () => {
    expectStatus(await vendor1.get(`/contracts/${demoActive.id}/renewal-basis`), 200);
    expectError(await vendor2.get(`/contracts/${demoActive.id}/renewal-basis`), 404, 'NotFound');
    expectStatus(await dept.get(`/contracts/${demoActive.id}/renewal-basis`), 200);
    const contracts = await listAll(office, '/contracts', { status: 'draft' });
    expectError(await office.get(`/contracts/${contracts[0].id}/renewal-basis`), 409, 'FailedPrecondition');
    expectError(await office.get('/contracts/999999/renewal-basis'), 404, 'NotFound');
    const pdf = expectStatus(await office.get(`/contracts/${demoActive.id}/renewal-basis.pdf`), 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf.bytes);
    if (text !== null) {
        assert.ok(text.includes('合同续签依据'), 'title');
        assert.ok(text.includes(demoActive.code), 'contract code');
        assert.ok(text.includes('建议有条件续签'), 'the recommendation');
        assert.ok(text.includes('经办人'), 'sign-off lines');
    }
    expectError(await vendor2.get(`/contracts/${demoActive.id}/renewal-basis.pdf`), 404, 'NotFound');
});

// ---------------------------------------------------------------------------------------------------------------
// SUP-7 period reports

test('SUP-7 quality report: the period\'s assessments with items, satisfaction and rectifications per contract, as JSON, Excel and PDF', async () => {
    const contract = await freshContract();
    insertAssessment(contract.id, { period: '2026-10', assessedOn: '2026-10-30', lostTenths: [80, 25] });
    insertAssessment(contract.id, { period: '2026-09', assessedOn: '2026-09-30', lostTenths: [] });
    insertSurvey(contract.id, { period: '2026-10', counts: { very_satisfied: 3, dissatisfied: 1 } });
    const report = expectStatus(await office.get('/reports/quality', { query: { period: '2026-10' } }), 200).body;
    assert.equal(report.first, '2026-10-01');
    assert.equal(report.last, '2026-10-31');
    const section = report.contracts.find((item) => item.contract.id === contract.id);
    assert.ok(section, 'the contract is in the report');
    assert.equal(section.assessments.length, 1, 'only October');
    const assessment = section.assessments[0];
    assert.equal(assessment.total, 89.5);
    assert.equal(assessment.items[0].lost, 8);
    assert.equal(assessment.items[0].score, 7);
    assert.equal(assessment.items[0].failed, true);
    assert.equal(section.surveys[0].rate, '75.00%');
    const quarter = expectStatus(await office.get('/reports/quality', { query: { period: '2026-Q4', vendor_id: fx.ownVendor.id } }), 200).body;
    assert.ok(quarter.contracts.every((item) => item.contract.vendor_id === fx.ownVendor.id));
    assert.equal(quarter.contracts.find((item) => item.contract.id === contract.id).assessments.length, 1);
    const third = expectStatus(await office.get('/reports/quality', { query: { period: '2026-Q3' } }), 200).body;
    assert.equal(third.contracts.find((item) => item.contract.id === contract.id).assessments[0].period, '2026-09');

    expectError(await office.get('/reports/quality'), 400, 'InvalidArgument', 'period');
    expectError(await office.get('/reports/quality', { query: { period: '2026-13' } }), 400, 'InvalidArgument', 'period');
    expectError(await office.get('/reports/quality', { query: { period: '2026-10', format: 'doc' } }), 400, 'InvalidArgument', 'format');
    const other = expectStatus(await vendor2.get('/reports/quality', { query: { period: '2026-10' } }), 200).body;
    assert.ok(other.contracts.every((item) => item.contract.vendor_id !== fx.ownVendor.id), 'vendor2 sees none of vendor1\'s');

    const xlsx = expectStatus(await office.get('/reports/quality', { query: { period: '2026-10', format: 'xlsx' } }), 200);
    assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
    const text = xlsxText(xlsx.bytes);
    for (const header of ['合同编号', '考核项目', '扣分', '满意率', '整改事项']) assert.ok(text.includes(header), header);
    assert.ok(text.includes(contract.code));
    const pdf = expectStatus(await office.get('/reports/quality', { query: { period: '2026-10', format: 'pdf' } }), 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const pdfWords = pdfText(pdf.bytes);
    if (pdfWords !== null) assert.ok(pdfWords.includes('服务质量和安全考核报告') && pdfWords.includes(contract.code));
});

test('SUP-7 internal audit report: due, paid, deductions with their source, the audit-chain check; money as numbers in Excel', async () => {
    const report = expectStatus(await jiwei.get('/reports/internal-audit', { query: { from: '2025-01-01', to: '2026-12-31' } }), 200).body;
    const section = report.contracts.find((item) => item.contract.id === demoActive.id);
    assert.ok(section, 'the demo contract in force');
    assert.equal(section.deductions, '500.00');
    assert.ok(section.entries.some((entry) => entry.kind === 'deduction' && entry.source === 'manual' && entry.proposal_id === null));
    assert.equal(Number(section.paid) > 0, true);
    assert.equal(report.audit_chain.ok, true);
    assert.ok(report.audit_chain.checked > 0);
    for (const key of ['amount', 'deductions', 'rewards', 'due', 'paid', 'balance']) {
        assert.match(report.totals[key], /^\d+\.\d{2}$/, key);
    }
    expectError(await office.get('/reports/internal-audit', { query: { to: '2026-12-31' } }), 400, 'InvalidArgument', 'from');
    expectError(await office.get('/reports/internal-audit', { query: { from: '2026-12-31', to: '2026-01-01' } }), 400,
        'InvalidArgument', 'to');
    expectError(await admin.get('/reports/internal-audit', { query: { from: 'x', to: '2026-01-01' } }), 400, 'InvalidArgument', 'from');
    expectError(await demo.client().get('/reports/internal-audit', { query: { from: '2026-01-01', to: '2026-12-31' } }), 401);

    const xlsx = expectStatus(await office.get('/reports/internal-audit', {
        query: { from: '2025-01-01', to: '2026-12-31', format: 'xlsx' },
    }), 200);
    const files = unzip(xlsx.bytes);
    const text = xlsxText(xlsx.bytes);
    for (const header of ['合同编号', '应付(元)', '扣款(元)', '已付(元)', '审计日志校验']) assert.ok(text.includes(header), header);
    assert.match(files['xl/styles.xml'].toString(), /formatCode="0\.00"/, 'a two-decimal money format');
    assert.match(files['xl/worksheets/sheet1.xml'].toString(), /<c r="E2" s="\d+"><v>500<\/v><\/c>/, 'the deduction is a number');
    const pdf = expectStatus(await office.get('/reports/internal-audit', { query: { from: '2025-01-01', to: '2026-12-31', format: 'pdf' } }), 200);
    const words = pdfText(pdf.bytes);
    if (words !== null) assert.ok(words.includes('内部审计报告') && words.includes('审计日志校验:完整'));
});

// The renewal basis (RP-5) and the period reports (SUP-7): what they count, the recommendation and its reasons with the
// settings used, scope, and the PDF and Excel forms. docs/api.md "Renewal basis and reports".
//
// Every fact is made through the API as its users make it: the office assesses (the product's rules decide what fails),
// department users answer surveys that the office closes, the policy engine proposes and the office and leadership
// decide, the office records ledger entries, payments and rectifications, the vendor reports a rectification. Each
// test makes its own contract in force (vendor1's vendor, twelve monthly periods from ten months ago to next month); the
// server runs on the test clock (server/tests/clock.mjs), and a test that needs a later day starts a second server on
// the same database at that day.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, contractFixtures, createActiveContract, expectError, expectStatus, listAll, pdfText, setupDemo, startServer,
    uniqueSuffix, unzip, uploadScan, validContent, xlsxText,
} from './harness.mjs';
import { MONTH, at, day, month, monthEnd, monthStart, quarter, year } from '../clock.mjs';

const TERM_START = monthStart(-10);
const TERM_END = monthEnd(1);
/** A past period of every contract made here: `PAST(3)` is the month three months ago. */
const PAST = (monthsAgo) => month(-monthsAgo);
/** The first month of the previous quarter (inside every contract's term), and the month before it (a quarter earlier). */
const QUARTER_START_OFFSET = -((MONTH - 1) % 3) - 3;
const REPORT_MONTH = month(QUARTER_START_OFFSET);
const MONTH_BEFORE = month(QUARTER_START_OFFSET - 1);

let demo;
let office;
let admin;
let leader;
let vendor1;
let vendor2;
let dept;
let jiwei;
let fx;
let clients;
/** Ten department users of 九江镇 (logged-in clients), made by the administrator, to answer surveys. */
const respondents = [];

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    leader = await demo.as('leader');
    vendor1 = await demo.as('vendor1');
    vendor2 = await demo.as('vendor2');
    dept = await demo.as('dept');
    jiwei = await demo.as('jiwei');
    clients = { office, sifa: await demo.as('sifa'), dangzheng: await demo.as('dangzheng') };
    fx = await contractFixtures(demo, office);

    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const town = orgs.find((org) => org.name === '九江镇');
    const finance = orgs.find((org) => org.name === '财政所' && org.parent_id === town.id && org.kind === 'department');
    assert.ok(finance, 'the demo department 财政所 of 九江镇');
    for (let i = 1; i <= 10; i += 1) {
        const username = `pj${i}${uniqueSuffix().toLowerCase()}`;
        const password = `Pingjia${i}pass`;
        expectStatus(await admin.post('/users', {
            username, display_name: `测评干部${i}`, password, role: 'department', org_id: finance.id,
        }), 201, `department user ${i}`);
        respondents.push(await demo.as({ username, password }));
    }
});

function content() {
    return validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: TERM_START,
    });
}

/** A new contract in force with its assessment form. */
async function freshContract() {
    const contract = await createActiveContract(clients, content());
    const form = expectStatus(await office.get(`/contracts/${contract.id}/assessment-form`), 200).body;
    return { ...contract, form };
}

/**
 * The office records an assessment of `period` on its 20th; `lost` maps an item's index to its points lost. Checklist
 * points: [15, 20, 15, 20, 15, 15], pass mark 60; the product decides which items fail (all their points lost).
 */
async function assess(contract, period, lost, kind = 'routine') {
    const items = contract.form.checklist.map((entry, index) => ({ item: entry.item, lost: lost[index] ?? 0, note: '' }));
    return expectStatus(await office.post('/assessments', {
        contract_id: contract.id, period, kind, assessed_on: `${period}-20`, items, missing_staff_days: 0,
        summary: `${period} 考核`,
    }), 201, `assessment ${period}`).body;
}

/** 15 + 20 + 10 points lost: 55, a failure. */
const FAILING = { 0: 15, 1: 20, 2: 10 };

/**
 * A survey of `period` opened by the office, answered by department users (`counts`: rating → how many), and closed.
 * `basicCounts` false opens it while survey.basic_counts_satisfied is 0 (基本满意 not counted as satisfied).
 */
async function closedSurvey(contract, period, counts, { basicCounts = true } = {}) {
    if (!basicCounts) {
        expectStatus(await admin.put('/settings/survey.basic_counts_satisfied', { value: 0, reason: '基本满意不计为满意(测试)' }), 200);
    }
    let survey;
    try {
        survey = expectStatus(await office.post('/surveys', {
            contract_id: contract.id, period, title: `${period} 满意度测评`, anonymous: true, closes_on: day(10),
        }), 201, 'open survey').body;
    } finally {
        if (!basicCounts) {
            expectStatus(await admin.put('/settings/survey.basic_counts_satisfied', { value: 1, reason: '恢复默认口径' }), 200);
        }
    }
    let next = 0;
    for (const [rating, count] of Object.entries(counts)) {
        for (let i = 0; i < count; i += 1) {
            assert.ok(next < respondents.length, 'enough respondents');
            expectStatus(await respondents[next].post(`/surveys/${survey.id}/answers`, { rating, answers: {}, comment: '' }), 201);
            next += 1;
        }
    }
    return expectStatus(await office.post(`/surveys/${survey.id}/close`, {}), 200, 'close survey').body;
}

async function renewalBasis(contract, client = office) {
    return expectStatus(await client.get(`/contracts/${contract.id}/renewal-basis`), 200, 'renewal basis').body;
}

async function manualDeduction(contract, period, amount) {
    return expectStatus(await office.post(`/contracts/${contract.id}/ledger`, {
        kind: 'deduction', period, amount, reason: '卫生间保洁不到位,按合同扣款',
    }), 201, 'manual deduction').body;
}

async function terminationOf(contract) {
    const terminations = await listAll(office, '/proposals', { contract_id: contract.id, kind: 'termination' });
    assert.equal(terminations.length, 1, `one termination proposal; got ${JSON.stringify(terminations)}`);
    return terminations[0];
}

const codes = (basis) => basis.reasons.map((reason) => reason.code);

/** The cells of the row of an .xlsx sheet whose first column reads `first` (shared strings resolved), by column letter. */
function xlsxRow(bytes, sheetPath, first) {
    const files = unzip(bytes);
    const decode = (text) => text.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const shared = [...(files['xl/sharedStrings.xml']?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)]
        .map((match) => decode(match[1]));
    for (const row of files[sheetPath].toString('utf8').matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)) {
        const cells = {};
        for (const cell of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
            const value = /<v>([\s\S]*?)<\/v>/.exec(cell[3] ?? '')?.[1];
            const inline = /<is>([\s\S]*?)<\/is>/.exec(cell[3] ?? '')?.[1];
            const attributes = cell[2];
            let text = value ?? (inline !== undefined ? decode(inline) : undefined);
            if (/t="s"/.test(attributes) && value !== undefined) text = shared[Number(value)];
            cells[cell[1]] = { text, numeric: !/t="/.test(attributes) && value !== undefined, style: /s="(\d+)"/.exec(attributes)?.[1] };
        }
        if (cells.A?.text === first) return cells;
    }
    return null;
}

// ---------------------------------------------------------------------------------------------------------------
// RP-5 renewal basis

test('RP-5 a clean history recommends renewal, with the reason and the settings used', async () => {
    const contract = await freshContract();
    await assess(contract, PAST(2), { 0: 1, 1: 2 }); // 97
    await assess(contract, PAST(1), { 0: '0.5' }); // 99.5
    // 9 of 10 satisfied: 90.00%, exactly policy.reward_satisfaction_percent (not below it).
    await closedSurvey(contract, quarter(0), { very_satisfied: 4, satisfied: 4, basically_satisfied: 1, dissatisfied: 1 });
    const basis = await renewalBasis(contract);
    assert.equal(basis.contract.id, contract.id);
    assert.equal(basis.contract.code, contract.code);
    assert.equal(basis.recommendation, 'renew', JSON.stringify(basis.reasons));
    assert.deepEqual(codes(basis), ['clean']);
    assert.equal(basis.assessments.length, 2);
    assert.deepEqual(basis.assessments.map((a) => a.total), [97, 99.5]);
    assert.equal(basis.average, 98.3); // (970 + 995) / 2 = 982.5 tenths, half up
    assert.equal(basis.failures, 0);
    assert.equal(basis.surveys.length, 1);
    assert.equal(basis.surveys[0].rate, '90.00%');
    assert.equal(basis.satisfaction, '90.00%');
    assert.deepEqual(basis.rectifications, { total: 0, open: 0, reported: 0, closed: 0, overdue: 0 });
    assert.deepEqual(basis.deductions, { count: 0, amount: '0.00', from_proposals: 0 });
    assert.deepEqual(basis.proposals, [], 'passing assessments and a 90% survey propose nothing');
    assert.deepEqual(basis.thresholds, [
        { name: 'policy.failures_threshold', value: 3 }, { name: 'policy.satisfaction_percent', value: 60 },
        { name: 'policy.reward_satisfaction_percent', value: 90 },
    ]);
    for (const reason of basis.reasons) assert.ok(reason['zh-CN'] && reason.en);
});

test('RP-5 routine failures reaching policy.failures_threshold mean do_not_renew; the threshold is a setting and the answer records it', async () => {
    const contract = await freshContract();
    for (const monthsAgo of [4, 3, 2]) await assess(contract, PAST(monthsAgo), FAILING);
    await assess(contract, PAST(1), FAILING, 'special');
    // The rules proposed termination on the third routine failure; the office decides against it.
    const termination = await terminationOf(contract);
    expectStatus(await office.post(`/proposals/${termination.id}/decision`, {
        decision: 'reject', comment: '已约谈整改,暂不提出终止',
    }), 200);
    let basis = await renewalBasis(contract);
    assert.equal(basis.recommendation, 'do_not_renew');
    assert.deepEqual(codes(basis), ['failures_threshold', 'failure'], 'the failures alone, without the rejected proposal');
    assert.equal(basis.routine_failures, 3);
    assert.equal(basis.failures, 4);
    assert.equal(basis.proposals.find((item) => item.id === termination.id).status, 'rejected');
    expectStatus(await admin.put('/settings/policy.failures_threshold', { value: 4, reason: '测试:一年内四次不合格' }), 200);
    try {
        basis = await renewalBasis(contract);
        assert.equal(basis.recommendation, 'renew_with_conditions', 'special assessments do not count to the threshold');
        assert.deepEqual(codes(basis), ['failure']);
        assert.equal(basis.thresholds.find((t) => t.name === 'policy.failures_threshold').value, 4);
    } finally {
        expectStatus(await admin.put('/settings/policy.failures_threshold', { value: 3, reason: '恢复默认' }), 200);
    }
});

test('RP-5 a termination proposal, pending or approved, is the first reason not to renew, and the basis lists it', async () => {
    const contract = await freshContract();
    for (const monthsAgo of [4, 3, 2]) await assess(contract, PAST(monthsAgo), FAILING);
    const termination = await terminationOf(contract);
    let basis = await renewalBasis(contract);
    assert.equal(basis.recommendation, 'do_not_renew');
    assert.deepEqual(codes(basis), ['termination_proposal', 'failures_threshold', 'failure']);
    const listed = basis.proposals.find((item) => item.id === termination.id);
    assert.deepEqual([listed.kind, listed.rule, listed.status], ['termination', 'RP-3/failures', 'pending_office']);
    assert.deepEqual(basis.deductions, { count: 0, amount: '0.00', from_proposals: 0 }, 'pending deductions are not booked');

    expectStatus(await office.post(`/proposals/${termination.id}/decision`, { decision: 'approve', comment: '建议解除' }), 200);
    expectStatus(await leader.post(`/proposals/${termination.id}/decision`, { decision: 'approve', comment: '同意解除' }), 200);
    basis = await renewalBasis(contract);
    assert.equal(basis.contract.status, 'terminated');
    assert.equal(basis.recommendation, 'do_not_renew');
    assert.equal(codes(basis)[0], 'termination_proposal');
    assert.match(basis.reasons[0].en, /approved/);
    assert.equal(basis.proposals.find((item) => item.id === termination.id).status, 'approved');
});

test('RP-5 a survey below policy.satisfaction_percent means do_not_renew; basically satisfied counts by the survey\'s own formula', async () => {
    // 5 of 10 satisfied when 基本满意 does not count (50% < 60%); 8 of 10 when it does (80%: below the reward 90%).
    const counts = { satisfied: 5, basically_satisfied: 3, dissatisfied: 2 };
    const contract = await freshContract();
    const low = await closedSurvey(contract, quarter(0), counts, { basicCounts: false });
    assert.equal(low.results.rate, '50.00%');
    let basis = await renewalBasis(contract);
    assert.equal(basis.surveys[0].rate, '50.00%');
    assert.equal(basis.recommendation, 'do_not_renew');
    // Closing the survey made the rules propose termination (RP-3/satisfaction): it is pending, and listed first.
    assert.deepEqual(codes(basis), ['termination_proposal', 'survey_below', 'satisfaction_below_reward']);
    assert.equal((await terminationOf(contract)).rule, 'RP-3/satisfaction');

    const other = await freshContract();
    await closedSurvey(other, quarter(0), counts, { basicCounts: true });
    basis = await renewalBasis(other);
    assert.equal(basis.surveys[0].rate, '80.00%');
    assert.equal(basis.recommendation, 'renew_with_conditions');
    assert.deepEqual(codes(basis), ['satisfaction_below_reward']);
    assert.deepEqual(basis.proposals, []);
});

test('RP-5 a deduction in the ledger is a condition of renewal, with its count and amount', async () => {
    const contract = await freshContract();
    await manualDeduction(contract, PAST(2), '500.00');
    const basis = await renewalBasis(contract);
    assert.deepEqual(basis.deductions, { count: 1, amount: '500.00', from_proposals: 0 });
    assert.deepEqual(codes(basis), ['deduction']);
    assert.equal(basis.recommendation, 'renew_with_conditions');
});

test('RP-5 a rectification not yet verified is a condition of renewal, an overdue one another, and a verified one none', async () => {
    const contract = await freshContract();
    const rectification = expectStatus(await office.post('/rectifications', {
        contract_id: contract.id, title: '绿地养护不到位', requirement: '补种草皮', owner: '张经理', deadline: day(3),
    }), 201).body;
    let basis = await renewalBasis(contract);
    assert.deepEqual(codes(basis), ['rectification_unverified']);
    assert.deepEqual(basis.rectifications, { total: 1, open: 1, reported: 0, closed: 0, overdue: 0 });

    // Four days later the deadline has passed (a new login: today's sessions would have expired by then).
    const later = await startServer(demo.db, { fakeNow: at(day(4), '10:00') });
    try {
        const officeLater = new Client(later.url);
        await officeLater.login(DEMO.office.username, DEMO.office.password, { expect: 200 });
        basis = await renewalBasis(contract, officeLater);
        assert.deepEqual(codes(basis), ['rectification_overdue', 'rectification_unverified']);
        assert.equal(basis.rectifications.overdue, 1);
        assert.equal(basis.recommendation, 'renew_with_conditions');
    } finally {
        await later.stop();
    }

    // Reported by the vendor it is still unverified; accepted by the office it is closed and no longer a condition.
    const evidence = await uploadScan(vendor1, '草皮补种照片.pdf');
    expectStatus(await vendor1.post(`/rectifications/${rectification.id}/report`, {
        completion: '已补种草皮并浇水养护', evidence_ids: [evidence.id],
    }), 200);
    basis = await renewalBasis(contract);
    assert.deepEqual(codes(basis), ['rectification_unverified']);
    assert.equal(basis.rectifications.reported, 1);
    expectStatus(await office.post(`/rectifications/${rectification.id}/verify`, {
        result: 'accepted', effect: 'effective', comment: '现场查看已补种',
    }), 200);
    basis = await renewalBasis(contract);
    assert.deepEqual(basis.rectifications, { total: 1, open: 0, reported: 0, closed: 1, overdue: 0 });
    assert.deepEqual(codes(basis), ['clean']);
});

test('RP-5 the renewal basis as a signed-off PDF: title, contract code, the recommendation, sign-off lines, in Chinese', async () => {
    const contract = await freshContract();
    await manualDeduction(contract, PAST(2), '500.00');
    const pdf = expectStatus(await office.get(`/contracts/${contract.id}/renewal-basis.pdf`), 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf.bytes);
    assert.ok(text.includes('合同续签依据'), 'title');
    assert.ok(text.includes(contract.code), 'contract code');
    assert.ok(text.includes('建议有条件续签'), 'the recommendation');
    assert.ok(text.includes('经办人'), 'sign-off lines');
});

test('ROLE-8 a vendor user reads the renewal basis of its own vendor\'s contract only, as JSON and PDF', async () => {
    const contract = await freshContract();
    assert.equal((await renewalBasis(contract, vendor1)).contract.id, contract.id);
    expectError(await vendor2.get(`/contracts/${contract.id}/renewal-basis`), 404, 'NotFound');
    expectStatus(await vendor1.get(`/contracts/${contract.id}/renewal-basis.pdf`), 200);
    expectError(await vendor2.get(`/contracts/${contract.id}/renewal-basis.pdf`), 404, 'NotFound');
    // The town's department users read it too (supervision:read in their town).
    assert.equal((await renewalBasis(contract, dept)).contract.id, contract.id);
});

test('RP-5 a contract never signed has no renewal basis (409); an unknown one is 404', async () => {
    const draft = expectStatus(await office.post('/contracts', content()), 201).body;
    expectError(await office.get(`/contracts/${draft.id}/renewal-basis`), 409, 'FailedPrecondition');
    expectError(await office.get('/contracts/999999/renewal-basis'), 404, 'NotFound');
});

// ---------------------------------------------------------------------------------------------------------------
// SUP-7 period reports

test('SUP-7 quality report: the period\'s assessments with items, satisfaction and rectifications per contract, as JSON, Excel and PDF', async () => {
    const contract = await freshContract();
    // Item 1 lost all its 15 points (failed), item 2 lost 2.5 of 20 (not failed): 82.5.
    await assess(contract, REPORT_MONTH, { 0: 15, 1: '2.5' });
    await assess(contract, MONTH_BEFORE, {});
    await closedSurvey(contract, REPORT_MONTH, { very_satisfied: 3, dissatisfied: 1 });
    const report = expectStatus(await office.get('/reports/quality', { query: { period: REPORT_MONTH } }), 200).body;
    assert.equal(report.first, monthStart(QUARTER_START_OFFSET));
    assert.equal(report.last, monthEnd(QUARTER_START_OFFSET));
    const section = report.contracts.find((item) => item.contract.id === contract.id);
    assert.ok(section, 'the contract is in the report');
    assert.equal(section.assessments.length, 1, 'only the report\'s month');
    const [assessment] = section.assessments;
    assert.equal(assessment.period, REPORT_MONTH);
    assert.equal(assessment.total, 82.5);
    assert.deepEqual([assessment.items[0].lost, assessment.items[0].score, assessment.items[0].failed], [15, 0, true]);
    assert.deepEqual([assessment.items[1].lost, assessment.items[1].score, assessment.items[1].failed], [2.5, 17.5, false]);
    assert.equal(section.surveys.length, 1);
    assert.equal(section.surveys[0].rate, '75.00%');
    const quarterReport = expectStatus(await office.get('/reports/quality', {
        query: { period: quarter(-1), vendor_id: fx.ownVendor.id },
    }), 200).body;
    assert.ok(quarterReport.contracts.every((item) => item.contract.vendor_id === fx.ownVendor.id));
    assert.deepEqual(quarterReport.contracts.find((item) => item.contract.id === contract.id).assessments.map((a) => a.period),
        [REPORT_MONTH], 'the quarter holds its own months only');
    const earlier = expectStatus(await office.get('/reports/quality', { query: { period: quarter(-2) } }), 200).body;
    assert.deepEqual(earlier.contracts.find((item) => item.contract.id === contract.id).assessments.map((a) => a.period),
        [MONTH_BEFORE]);

    // A rectification raised this month is in this month's report.
    const rectification = expectStatus(await office.post('/rectifications', {
        contract_id: contract.id, title: '垃圾清运不及时', requirement: '每日清运', owner: '张经理', deadline: day(7),
    }), 201).body;
    const current = expectStatus(await office.get('/reports/quality', { query: { period: month(0) } }), 200).body;
    const listed = current.contracts.find((item) => item.contract.id === contract.id).rectifications;
    assert.deepEqual(listed.map((item) => [item.id, item.title, item.deadline, item.status, item.overdue]),
        [[rectification.id, '垃圾清运不及时', day(7), 'open', false]]);

    expectError(await office.get('/reports/quality'), 400, 'InvalidArgument', 'period');
    expectError(await office.get('/reports/quality', { query: { period: `${year(0)}-13` } }), 400, 'InvalidArgument', 'period');
    expectError(await office.get('/reports/quality', { query: { period: REPORT_MONTH, format: 'doc' } }), 400, 'InvalidArgument', 'format');
    const other = expectStatus(await vendor2.get('/reports/quality', { query: { period: REPORT_MONTH } }), 200).body;
    assert.ok(other.contracts.every((item) => item.contract.vendor_id !== fx.ownVendor.id), 'vendor2 sees none of vendor1\'s');

    const xlsx = expectStatus(await office.get('/reports/quality', { query: { period: REPORT_MONTH, format: 'xlsx' } }), 200);
    assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
    const text = xlsxText(xlsx.bytes);
    for (const header of ['合同编号', '考核项目', '扣分', '满意率', '整改事项']) assert.ok(text.includes(header), header);
    assert.ok(text.includes(contract.code));
    const pdf = expectStatus(await office.get('/reports/quality', { query: { period: REPORT_MONTH, format: 'pdf' } }), 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const words = pdfText(pdf.bytes);
    assert.ok(words.includes('服务质量和安全考核报告'), 'title');
    assert.ok(words.includes(contract.code), 'contract code');
});

test('SUP-7 internal audit report: due, paid, deductions with their source, the audit-chain check; money as numbers in Excel', async () => {
    const contract = await freshContract();
    const manual = await manualDeduction(contract, PAST(2), '500.00');
    expectStatus(await office.post(`/contracts/${contract.id}/payments`, {
        period: PAST(3), amount: '30000.00', paid_on: day(0), reference: `ZZ${uniqueSuffix()}`, note: '按月支付服务费',
    }), 201, 'payment');
    // A deduction the rules proposed (58.5: 1.5 points below 60 and one failed item, 450.00), approved by both steps.
    await assess(contract, PAST(1), { 0: 15, 1: '16.5', 3: 10 });
    const [proposed] = await listAll(office, '/proposals', { contract_id: contract.id, kind: 'deduction' });
    assert.equal(proposed.amount, '450.00');
    expectStatus(await office.post(`/proposals/${proposed.id}/decision`, { decision: 'approve', comment: '同意扣款' }), 200);
    expectStatus(await leader.post(`/proposals/${proposed.id}/decision`, { decision: 'approve', comment: '同意' }), 200);

    const range = { from: TERM_START, to: TERM_END };
    const report = expectStatus(await jiwei.get('/reports/internal-audit', { query: range }), 200).body;
    const section = report.contracts.find((item) => item.contract.id === contract.id);
    assert.ok(section, 'the contract is in the report');
    assert.deepEqual(
        [section.amount, section.deductions, section.rewards, section.due, section.paid, section.balance],
        ['360000.00', '950.00', '0.00', '359050.00', '30000.00', '329050.00'],
    );
    const entries = section.entries.map((entry) => [entry.kind, entry.period, entry.amount, entry.source, entry.proposal_id]);
    assert.deepEqual(entries.sort(), [
        ['deduction', PAST(1), '450.00', 'proposal', proposed.id],
        ['deduction', PAST(2), '500.00', 'manual', null],
    ].sort());
    assert.ok(section.entries.some((entry) => entry.id === manual.id));
    // The report names people as it prints them: the display name of who entered the deduction, not the login.
    assert.equal(section.entries.find((entry) => entry.id === manual.id).created_by, office.user.display_name);
    assert.deepEqual(section.proposals.map((item) => [item.id, item.status]), [[proposed.id, 'approved']], 'decided within the dates');
    assert.equal(report.audit_chain.ok, true);
    assert.ok(report.audit_chain.checked > 0);
    for (const key of ['amount', 'deductions', 'rewards', 'due', 'paid', 'balance']) {
        assert.match(report.totals[key], /^\d+\.\d{2}$/, key);
    }
    expectError(await office.get('/reports/internal-audit', { query: { to: TERM_END } }), 400, 'InvalidArgument', 'from');
    expectError(await office.get('/reports/internal-audit', { query: { from: TERM_END, to: TERM_START } }), 400,
        'InvalidArgument', 'to');
    expectError(await admin.get('/reports/internal-audit', { query: { from: 'x', to: TERM_END } }), 400, 'InvalidArgument', 'from');
    expectError(await demo.client().get('/reports/internal-audit', { query: range }), 401, 'Unauthenticated');

    const xlsx = expectStatus(await office.get('/reports/internal-audit', { query: { ...range, format: 'xlsx' } }), 200);
    const files = unzip(xlsx.bytes);
    const text = xlsxText(xlsx.bytes);
    for (const header of ['合同编号', '应付(元)', '扣款(元)', '已付(元)', '审计日志校验']) assert.ok(text.includes(header), header);
    assert.match(files['xl/styles.xml'].toString(), /formatCode="0\.00"/, 'a two-decimal money format');
    const row = xlsxRow(xlsx.bytes, 'xl/worksheets/sheet1.xml', contract.code);
    assert.ok(row, `the summary sheet has a row for ${contract.code}`);
    assert.deepEqual([row.E.text, row.E.numeric], ['950', true], 'the deductions are a number');
    assert.ok(row.E.style, 'with a money format');
    assert.deepEqual([row.H.text, row.H.numeric], ['30000', true], 'the payments are a number');
    const pdf = expectStatus(await office.get('/reports/internal-audit', { query: { ...range, format: 'pdf' } }), 200);
    const words = pdfText(pdf.bytes);
    assert.ok(words.includes('内部审计报告'), 'title');
    assert.ok(words.includes('审计日志校验:完整'), 'the audit chain is intact');
    assert.ok(words.includes(contract.code), 'contract code');
});

test('SUP-7 the internal audit report belongs to the organisation: vendors and departments are refused at the route (403), in every format', async () => {
    // A deduction the rules proposed and leadership approved on vendor1's own contract: what the report would list.
    const contract = await freshContract();
    await assess(contract, PAST(1), { 0: 15, 1: '16.5', 3: 10 });
    const [proposed] = await listAll(office, '/proposals', { contract_id: contract.id, kind: 'deduction' });
    expectStatus(await office.post(`/proposals/${proposed.id}/decision`, { decision: 'approve', comment: '同意扣款' }), 200);
    expectStatus(await leader.post(`/proposals/${proposed.id}/decision`, { decision: 'approve', comment: '同意' }), 200);
    const range = { from: TERM_START, to: TERM_END };
    // The proposals page already refuses the vendor and the department; the report about the same proposals too.
    expectError(await vendor1.get('/proposals', { query: { contract_id: contract.id } }), 403, 'PermissionDenied');
    for (const [name, client] of [['vendor1', vendor1], ['vendor2', vendor2], ['dept', dept], ['sifa', clients.sifa],
        ['dangzheng', clients.dangzheng]]) {
        for (const format of ['json', 'pdf', 'xlsx']) {
            const refused = expectError(await client.get('/reports/internal-audit', { query: { ...range, format } }), 403,
                'PermissionDenied');
            assert.ok(refused.message['zh-CN'] && refused.message.en, `${name} ${format}: a bilingual refusal`);
        }
    }
    // The organisation reads it: the office, leadership, discipline inspection and the administrator.
    for (const [name, client] of [['office', office], ['leader', leader], ['jiwei', jiwei], ['admin', admin]]) {
        const report = expectStatus(await client.get('/reports/internal-audit', { query: range }), 200, name).body;
        const section = report.contracts.find((item) => item.contract.id === contract.id);
        assert.deepEqual(section.proposals.map((item) => item.id), [proposed.id], `${name} sees the decided proposal`);
    }
    // The quality report stays open to the vendor, for its own contracts.
    expectStatus(await vendor1.get('/reports/quality', { query: { period: PAST(1) } }), 200, 'vendor1 quality report');
});

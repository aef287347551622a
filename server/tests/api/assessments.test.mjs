// Assessments (SUP-3), the vendor's view of them and appeals (SUP-8), and their record in the audit trail (SUP-5);
// docs/api.md "Assessments". Each test makes its own contract in force (vendor1's vendor, twelve monthly periods from
// ten months ago to next month, checklist 15/20/15/20/15/15, pass mark 60, bands 90/80/60), so neither the demo's own
// supervision history nor another test gets in the way. The server runs on the test clock (server/tests/clock.mjs):
// the ten months before this one are past periods, this month has begun, next month has not; the appeal-deadline test
// starts servers on the same database at later dates.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_TODAY, contractFixtures, createActiveContract, expectError, expectStatus, listAll, setupDemo,
    startServer, validContent,
} from './harness.mjs';
import { addDays, month, monthEnd, monthStart } from '../clock.mjs';

/** The first month of every contract made here, and its periods by how many months ago they were. */
const TERM_START = monthStart(-10);
const PAST = (monthsAgo) => month(-monthsAgo);
const THIS_MONTH = month(0);
const NEXT_MONTH = month(1);

let demo;
let office;
let admin;
let jiwei;
let dept;
let vendor1;
let vendor2;
let fx;
let clients;

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    jiwei = await demo.as('jiwei');
    dept = await demo.as('dept');
    vendor1 = await demo.as('vendor1');
    vendor2 = await demo.as('vendor2');
    fx = await contractFixtures(demo, office);
    clients = { office, sifa: await demo.as('sifa'), dangzheng: await demo.as('dangzheng') };
});

function content() {
    return validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: TERM_START,
    });
}

/** A new contract in force for vendor1's vendor, with its assessment form: {id, form}. */
async function newContract() {
    const contract = await createActiveContract(clients, content());
    const form = expectStatus(await office.get(`/contracts/${contract.id}/assessment-form`), 200, 'assessment form').body;
    return { id: contract.id, form };
}

/** The checklist of `contract` as items to send: `lost` maps an item's index to its points lost (0 elsewhere). */
function itemsWith(contract, lost = {}) {
    return contract.form.checklist.map((entry, index) => ({ item: entry.item, lost: lost[index] ?? 0, note: '' }));
}

function body(contract, period, lost = {}, overrides = {}) {
    return {
        contract_id: contract.id, period, kind: 'routine', assessed_on: `${period}-20`, items: itemsWith(contract, lost),
        missing_staff_days: 0, summary: `${period} 月度例行考核`, ...overrides,
    };
}

async function create(contract, period, lost = {}, overrides = {}) {
    return expectStatus(await office.post('/assessments', body(contract, period, lost, overrides)), 201, `assessment ${period}`).body;
}

async function assessmentCount(contract) {
    return expectStatus(await office.get('/assessments', { query: { contract_id: contract.id, page_size: 1 } }), 200).body.total;
}

async function auditTotal() {
    return expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.total;
}

// ---------------------------------------------------------------------------------------------------------------
// SUP-3 the form and the arithmetic

test('SUP-3 the assessment form lists the periods (assessed, future) and the checklist of the contract in force', async () => {
    const { id, form } = await newContract();
    assert.equal(form.contract_id, id);
    assert.equal(form.frequency, 'monthly');
    assert.equal(form.pass_mark, 60);
    assert.deepEqual(form.checklist.map((entry) => entry.points), [15, 20, 15, 20, 15, 15]);
    assert.deepEqual(form.bands.map((band) => [band.name, band.min]), [['优秀', 90], ['良好', 80], ['合格', 60]]);
    assert.equal(form.checklist.reduce((total, entry) => total + entry.points, 0), 100, 'points sum to 100');
    assert.equal(form.appeal_days, 7, 'assessment.appeal_days default');
    assert.equal(form.failed_item_percent, 100, 'assessment.failed_item_percent default (docs/api.md): an item fails when it scores 0');

    // Twelve months from ten months ago, each from its first to its last day (short months included).
    const offsets = Array.from({ length: 12 }, (_, i) => i - 10);
    assert.deepEqual(form.periods.map((period) => period.period), offsets.map((offset) => month(offset)));
    form.periods.forEach((period, i) => {
        assert.deepEqual([period.first, period.last], [monthStart(offsets[i]), monthEnd(offsets[i])], `${period.period} bounds`);
    });
    for (const period of form.periods) {
        assert.equal(period.future, period.period === NEXT_MONTH, `${period.period} future flag (today ${FAKE_TODAY})`);
        assert.equal(period.assessed, false, `${period.period} not assessed yet`);
    }

    // The checklist is the contract's own: the same as in the contract content.
    const contract = expectStatus(await office.get(`/contracts/${id}`), 200).body;
    assert.deepEqual(
        form.checklist.map((entry) => [entry.item, entry.points]),
        contract.content.assessment.checklist.map((entry) => [entry.item, entry.points]),
    );
    assert.deepEqual(form.deductions.map((clause) => clause.kind), contract.content.deductions.map((clause) => clause.kind));

    // Who may not record an assessment may not open the form; a contract not in force has none.
    const draft = expectStatus(await office.post('/contracts', content()), 201, 'draft contract').body;
    expectError(await dept.get(`/contracts/${id}/assessment-form`), 403, 'PermissionDenied');
    expectError(await vendor1.get(`/contracts/${id}/assessment-form`), 403, 'PermissionDenied');
    expectError(await office.get(`/contracts/${draft.id}/assessment-form`), 409, 'FailedPrecondition');
    expectError(await office.get('/contracts/999999/assessment-form'), 404, 'NotFound');
});

test('SUP-3 create computes total, grade, passed and failed items exactly (2.5 points, band boundary 80)', async () => {
    const contract = await newContract();
    const { form } = contract;
    const period = PAST(2);
    // 2.5 (as text) + 2.5 (as a number) + all 15 points of item 3 = 20 points lost.
    const created = await create(contract, period, { 0: '2.5', 1: 2.5, 2: 15 });
    assert.equal(await assessmentCount(contract), 1);
    assert.equal(created.contract_id, contract.id);
    assert.equal(created.vendor_id, fx.ownVendor.id);
    assert.equal(created.period, period);
    assert.equal(created.kind, 'routine');
    assert.equal(created.status, 'submitted');
    assert.equal(created.assessed_on, `${period}-20`);
    assert.equal(created.total, '80');
    assert.equal(created.original_total, '80');
    assert.equal(created.pass_mark, 60);
    assert.equal(created.passed, true);
    assert.equal(created.grade, '良好', 'the band minimum is inclusive: 80 is 良好');
    assert.equal(created.failed_items, 1, 'the item that lost all its points failed');
    assert.equal(created.inspector, office.user.display_name);
    assert.equal(created.appeal, null);
    assert.equal(created.appeal_deadline, addDays(FAKE_TODAY, 7), 'appeal window: 7 days from the day it is recorded');
    assert.equal(created.can_appeal, false, 'the office cannot appeal');

    assert.equal(created.items.length, form.checklist.length);
    const byIndex = created.items;
    assert.deepEqual([byIndex[0].points, byIndex[0].lost, byIndex[0].score, byIndex[0].failed], [15, '2.5', '12.5', false]);
    assert.deepEqual([byIndex[1].points, byIndex[1].lost, byIndex[1].score, byIndex[1].failed], [20, '2.5', '17.5', false]);
    assert.deepEqual([byIndex[2].points, byIndex[2].lost, byIndex[2].score, byIndex[2].failed], [15, '15', '0', true]);
    assert.deepEqual([byIndex[3].points, byIndex[3].lost, byIndex[3].score, byIndex[3].failed], [20, '0', '20', false]);
    assert.deepEqual(created.items.map((item) => item.item), form.checklist.map((entry) => entry.item));
    // The computation is spelled out, step by step, in both languages.
    assert.match(created.computation['zh-CN'], /100 − 20 = 80/);
    assert.match(created.computation.en, /100 - 20 = 80/);
    assert.match(created.computation['zh-CN'], /良好/);

    // A special inspection of the same period is a separate record with its own score (97.5: one decimal kept).
    const special = await create(contract, period, { 0: '2.5' }, { kind: 'special' });
    assert.equal(special.kind, 'special');
    assert.equal(special.total, '97.5');
    assert.equal(special.grade, '优秀');
    assert.equal(special.failed_items, 0);
    assert.equal(await assessmentCount(contract), 2);

    // The form now shows the period as assessed (by the routine assessment), the others not.
    const after = expectStatus(await office.get(`/contracts/${contract.id}/assessment-form`), 200).body;
    for (const item of after.periods) {
        assert.equal(item.assessed, item.period === period, `${item.period} assessed flag`);
    }

    // Read back: the detail is what was created.
    const read = expectStatus(await office.get(`/assessments/${created.id}`), 200).body;
    assert.equal(read.total, '80');
    assert.deepEqual(read.items, created.items);
    assert.deepEqual(read.history.map((event) => event.action), ['create']);
});

test('SUP-3 pass mark boundary: 59.5 fails with grade 不合格, exactly 60 passes with 合格; half an item lost is not a failed item', async () => {
    const contract = await newContract();
    // 40.5 points lost: all 20 of item 2, half of item 4 (10 of 20), 10.5 of item 1.
    const failing = await create(contract, PAST(3), { 0: '10.5', 1: 20, 3: 10 });
    assert.equal(failing.total, '59.5');
    assert.equal(failing.passed, false);
    assert.equal(failing.grade, '不合格');
    assert.equal(failing.failed_items, 1, 'only the item that lost everything failed');
    assert.deepEqual(failing.items.map((item) => item.failed), [false, true, false, false, false, false]);
    assert.match(failing.computation['zh-CN'], /不合格/);

    const atMark = await create(contract, PAST(2), { 1: 20, 3: 20 });
    assert.equal(atMark.total, '60');
    assert.equal(atMark.passed, true);
    assert.equal(atMark.grade, '合格');
    assert.equal(atMark.failed_items, 2);

    // The list can be filtered by the outcome.
    const failed = await listAll(office, '/assessments', { contract_id: contract.id, passed: 'false' });
    assert.deepEqual(failed.map((item) => item.id), [failing.id]);
    const passed = await listAll(office, '/assessments', { contract_id: contract.id, passed: 'true' });
    assert.deepEqual(passed.map((item) => item.id), [atMark.id]);
});

test('SUP-3 refused assessments write nothing: points above an item, two decimals, wrong items, inactive contract, future period or date, a second routine', async () => {
    const contract = await newContract();
    const { form } = contract;
    const period = PAST(7);
    const assessed = PAST(2);
    await create(contract, assessed);
    const draft = expectStatus(await office.post('/contracts', content()), 201, 'draft contract').body;
    const inReview = expectStatus(await office.post('/contracts', content()), 201, 'contract to review').body;
    expectStatus(await office.post(`/contracts/${inReview.id}/submit`, {}), 200, 'submit for review');
    const max = form.checklist[0].points;
    const countBefore = await assessmentCount(contract);
    const auditBefore = await auditTotal();
    const refused = (overrides, lost = {}, at = period) => office.post('/assessments', body(contract, at, lost, overrides));

    expectError(await refused({}, { 0: max + 1 }), 400, 'InvalidArgument', 'items[0].lost');
    expectError(await refused({}, { 0: max + 0.5 }), 400, 'InvalidArgument', 'items[0].lost');
    expectError(await refused({}, { 2: -1 }), 400, 'InvalidArgument', 'items[2].lost');
    expectError(await refused({}, { 1: '2.55' }), 400, 'InvalidArgument', 'items[1].lost');
    expectError(await refused({}, { 1: 2.55 }), 400, 'InvalidArgument', 'items[1].lost');
    expectError(await refused({}, { 1: '两分' }), 400, 'InvalidArgument', 'items[1].lost');

    const renamed = body(contract, period);
    renamed.items[1].item = '卫生间';
    expectError(await office.post('/assessments', renamed), 400, 'InvalidArgument', 'items[1].item');
    const reordered = body(contract, period);
    [reordered.items[0], reordered.items[1]] = [reordered.items[1], reordered.items[0]];
    expectError(await office.post('/assessments', reordered), 400, 'InvalidArgument', 'items[0].item');
    const missing = body(contract, period);
    missing.items.pop();
    expectError(await office.post('/assessments', missing), 400, 'InvalidArgument', 'items');
    expectError(await office.post('/assessments', { ...body(contract, period), items: undefined }), 400, 'InvalidArgument', 'items');

    // Next month has not started; the month after next is outside the term.
    expectError(await refused({ assessed_on: FAKE_TODAY }, {}, NEXT_MONTH), 400, 'InvalidArgument', 'period');
    expectError(await refused({ assessed_on: FAKE_TODAY }, {}, month(2)), 400, 'InvalidArgument', 'period');
    // This month has begun, but an assessment cannot be dated tomorrow.
    expectError(await refused({ assessed_on: addDays(FAKE_TODAY, 1) }, {}, THIS_MONTH), 400, 'InvalidArgument', 'assessed_on');
    // Dated the day before its period starts, or on a day the calendar does not have (the 31st of a 30-day month:
    // ten months in a row always hold one).
    expectError(await refused({ assessed_on: addDays(`${period}-01`, -1) }), 400, 'InvalidArgument', 'assessed_on');
    const short = Array.from({ length: 10 }, (_, k) => PAST(k + 1)).find((item) => monthEnd(0, `${item}-01`).endsWith('-30'));
    expectError(await refused({ assessed_on: `${short}-31` }, {}, short), 400, 'InvalidArgument', 'assessed_on');
    expectError(await refused({ kind: 'surprise' }), 400, 'InvalidArgument', 'kind');
    expectError(await refused({ missing_staff_days: -1 }), 400, 'InvalidArgument', 'missing_staff_days');
    expectError(await refused({ missing_staff_days: 373 }), 400, 'InvalidArgument', 'missing_staff_days');

    // Contracts that are not in force cannot be assessed.
    expectError(await refused({ contract_id: draft.id }), 409, 'FailedPrecondition');
    expectError(await refused({ contract_id: inReview.id }), 409, 'FailedPrecondition');
    expectError(await refused({ contract_id: 999999 }), 404, 'NotFound');

    // One routine assessment per period: a second one is a conflict, whatever its score.
    expectError(await refused({}, { 0: 1 }, assessed), 409, 'AlreadyExists', 'period');

    // Permission comes before validation: departments and vendors get 403 with a valid body or with nothing.
    for (const client of [dept, vendor1, jiwei]) {
        expectError(await client.post('/assessments', body(contract, period)), 403, 'PermissionDenied');
        expectError(await client.post('/assessments', {}), 403, 'PermissionDenied');
        expectError(await client.post('/assessments', body(contract, period, { 0: 999 }, { contract_id: draft.id })), 403, 'PermissionDenied');
    }

    assert.equal(await assessmentCount(contract), countBefore, 'no refused assessment was stored');
    assert.equal(await auditTotal(), auditBefore, 'refusals leave no audit entries');
    const periods = expectStatus(await office.get(`/contracts/${contract.id}/assessment-form`), 200).body.periods;
    assert.equal(periods.find((item) => item.period === period).assessed, false);

    // The same period accepts a correct assessment afterwards.
    const accepted = await create(contract, period, { 0: max });
    assert.equal(accepted.total, String(100 - max));
});

// ---------------------------------------------------------------------------------------------------------------
// SUP-8 what a vendor sees; SUP-5 who did it and when

test('SUP-8 a vendor sees its own assessments with every point explained; another vendor gets 404', async () => {
    const contract = await newContract();
    const created = await create(contract, PAST(2), { 0: '2.5', 1: 2.5, 2: 15 });
    const own = (await listAll(office, '/assessments', { contract_id: contract.id }))
        .find((item) => item.id === created.id);
    assert.ok(own, 'the list has the assessment');
    assert.equal(own.items, undefined, 'the list has no items');

    const mine = await listAll(vendor1, '/assessments');
    assert.ok(mine.some((item) => item.id === own.id), 'vendor1 lists its assessment');
    assert.ok(mine.every((item) => item.vendor_id === fx.ownVendor.id), 'vendor1 lists only its own vendor\'s assessments');
    const detail = expectStatus(await vendor1.get(`/assessments/${own.id}`), 200).body;
    assert.equal(detail.total, '80');
    assert.equal(detail.can_appeal, true, 'within the appeal window the vendor may appeal');
    assert.ok(detail.items.every((item) => typeof item.points === 'number' && typeof item.lost === 'string' && typeof item.score === 'string'));
    assert.match(detail.computation['zh-CN'], /总分/);
    assert.match(detail.computation.en, /total/);

    const others = await listAll(vendor2, '/assessments');
    assert.ok(!others.some((item) => item.id === own.id), 'vendor2 does not list vendor1\'s assessment');
    assert.deepEqual(await listAll(vendor2, '/assessments', { contract_id: contract.id }), []);
    expectError(await vendor2.get(`/assessments/${own.id}`), 404, 'NotFound');

    // The town's departments and discipline inspection read them (supervision:read).
    expectStatus(await dept.get(`/assessments/${own.id}`), 200);
    expectStatus(await jiwei.get(`/assessments/${own.id}`), 200);
    expectError(await office.get('/assessments/999999'), 404, 'NotFound');
    expectError(await office.get('/assessments/abc'), 400, 'InvalidArgument');
});

test('SUP-5 the audit trail records who created an assessment, when, and what it scored', async () => {
    const contract = await newContract();
    const period = PAST(2);
    const own = await create(contract, period, { 0: '2.5', 1: 2.5, 2: 15 });
    const entries = expectStatus(
        await admin.get('/audit', { query: { entity: 'assessment', entity_id: own.id } }), 200,
    ).body.items;
    const creation = entries.find((entry) => /create/i.test(entry.action));
    assert.ok(creation, `a creation entry; got ${JSON.stringify(entries)}`);
    assert.equal(creation.entity, 'assessment');
    assert.equal(creation.entity_id, own.id);
    assert.equal(creation.actor_id, office.user.id);
    assert.match(creation.at, new RegExp(`^${FAKE_TODAY}T\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+08:00$`), 'at: today under the test clock');
    assert.equal(creation.before, null);
    assert.equal(creation.after.total, '80');
    assert.equal(creation.after.period, period);
    assert.equal(creation.after.contract_id, contract.id);
    // The assessment's own history says the same.
    const detail = expectStatus(await office.get(`/assessments/${own.id}`), 200).body;
    assert.equal(detail.history.length, 1);
    assert.equal(detail.history[0].action, 'create');
    assert.ok([office.user.username, office.user.display_name].includes(detail.history[0].actor_name));
    assert.match(detail.history[0].at, new RegExp(`^${FAKE_TODAY}T`));
});

// ---------------------------------------------------------------------------------------------------------------
// SUP-8 appeals

test('SUP-8 vendor appeals within the deadline (201, appeal pending); once only; not another vendor\'s', async () => {
    const contract = await newContract();
    const first = contract.form.checklist[0].points;
    const assessment = await create(contract, PAST(5), { 0: first, 1: 5 });
    assert.equal(assessment.total, String(100 - first - 5));
    const auditBefore = await auditTotal();

    // Refused appeals first: they write nothing.
    expectError(await vendor1.post(`/assessments/${assessment.id}/appeal`, { reason: '', attachment_ids: [] }), 400, 'InvalidArgument', 'reason');
    expectError(await vendor1.post(`/assessments/${assessment.id}/appeal`, { reason: '不服', attachment_ids: [] }), 400, 'InvalidArgument', 'reason');
    expectError(await vendor2.post(`/assessments/${assessment.id}/appeal`, { reason: '我方对该考核结果有异议', attachment_ids: [] }), 404, 'NotFound');
    expectError(await office.post(`/assessments/${assessment.id}/appeal`, { reason: '代服务商申诉该考核结果', attachment_ids: [] }), 403, 'PermissionDenied');
    expectError(await dept.post(`/assessments/${assessment.id}/appeal`, { reason: '部门代为申诉考核结果', attachment_ids: [] }), 403, 'PermissionDenied');
    assert.equal(await auditTotal(), auditBefore, 'refused appeals write nothing');
    assert.equal(expectStatus(await office.get(`/assessments/${assessment.id}`), 200).body.status, 'submitted');

    const reason = '当日卫生间停水系物业公司原因,非我方责任,请求复核第一项扣分';
    const appealed = expectStatus(
        await vendor1.post(`/assessments/${assessment.id}/appeal`, { reason, attachment_ids: [] }), 201, 'appeal',
    ).body;
    assert.equal(appealed.status, 'appealed');
    assert.equal(appealed.total, assessment.total, 'an appeal does not change the score');
    assert.equal(appealed.can_appeal, false);
    assert.equal(appealed.appeal.status, 'pending');
    assert.equal(appealed.appeal.reason, reason);
    assert.equal(appealed.appeal.previous_total, assessment.total);
    assert.ok([vendor1.user.display_name, vendor1.user.username].includes(appealed.appeal.created_by));
    assert.match(appealed.appeal.created_at, new RegExp(`^${FAKE_TODAY}T`));
    assert.equal(appealed.appeal.decided_at, null);
    assert.deepEqual(appealed.history.map((event) => event.action), ['create', 'appeal']);
    assert.equal(appealed.history[1].comment, reason);

    expectError(await vendor1.post(`/assessments/${assessment.id}/appeal`, { reason: '再次申诉,请重新考核', attachment_ids: [] }), 409, 'FailedPrecondition');
    const listed = await listAll(office, '/assessments', { contract_id: contract.id, status: 'appealed' });
    assert.ok(listed.some((item) => item.id === assessment.id), 'status=appealed lists it');
    const audit = expectStatus(await admin.get('/audit', { query: { entity: 'assessment', entity_id: assessment.id } }), 200).body.items;
    assert.ok(audit.some((entry) => /appeal/i.test(entry.action) && entry.actor_id === vendor1.user.id), 'the appeal is audited');
});

test('SUP-8 office upholds an appeal: a reason is required; the score stays', async () => {
    const contract = await newContract();
    const created = await create(contract, PAST(5), { 0: contract.form.checklist[0].points, 1: 5 });
    expectStatus(await vendor1.post(`/assessments/${created.id}/appeal`, {
        reason: '当日卫生间停水系物业公司原因,非我方责任,请求复核第一项扣分', attachment_ids: [],
    }), 201, 'appeal');
    const assessment = expectStatus(await office.get(`/assessments/${created.id}`), 200).body;
    assert.equal(assessment.status, 'appealed');
    const auditBefore = await auditTotal();
    expectError(await office.post(`/assessments/${assessment.id}/appeal/decision`, { decision: 'upheld' }), 400, 'InvalidArgument', 'reason');
    expectError(await office.post(`/assessments/${assessment.id}/appeal/decision`, { decision: 'upheld', reason: '' }), 400, 'InvalidArgument', 'reason');
    expectError(await office.post(`/assessments/${assessment.id}/appeal/decision`, { decision: 'maybe', reason: '维持原考核结果' }), 400, 'InvalidArgument', 'decision');
    expectError(await vendor1.post(`/assessments/${assessment.id}/appeal/decision`, { decision: 'changed', reason: '自己改分', items: itemsWith(contract) }), 403, 'PermissionDenied');
    expectError(await dept.post(`/assessments/${assessment.id}/appeal/decision`, { decision: 'upheld', reason: '维持' }), 403, 'PermissionDenied');
    assert.equal(await auditTotal(), auditBefore, 'refused decisions write nothing');

    const reason = '经现场核查,停水期间乙方未启用备用水源,维持原考核结果';
    const decided = expectStatus(
        await office.post(`/assessments/${assessment.id}/appeal/decision`, { decision: 'upheld', reason }), 200, 'uphold',
    ).body;
    assert.equal(decided.status, 'decided');
    assert.equal(decided.total, assessment.total);
    assert.equal(decided.original_total, assessment.total);
    assert.equal(decided.appeal.status, 'upheld');
    assert.equal(decided.appeal.decision_reason, reason);
    assert.ok([office.user.display_name, office.user.username].includes(decided.appeal.decided_by));
    assert.match(decided.appeal.decided_at, new RegExp(`^${FAKE_TODAY}T`));
    assert.deepEqual(decided.history.map((event) => event.action), ['create', 'appeal', 'uphold']);

    expectError(await office.post(`/assessments/${assessment.id}/appeal/decision`, { decision: 'upheld', reason }), 409, 'FailedPrecondition');
    expectError(await vendor1.post(`/assessments/${assessment.id}/appeal`, { reason: '对处理结果仍有异议', attachment_ids: [] }), 409, 'FailedPrecondition');
    // An assessment that was never appealed has nothing to decide.
    const plain = await create(contract, PAST(6), { 0: 1 });
    expectError(await office.post(`/assessments/${plain.id}/appeal/decision`, { decision: 'upheld', reason }), 409, 'FailedPrecondition');
});

test('SUP-8 office changes the score on appeal: new total, original_total kept, history lists appeal and decision', async () => {
    const contract = await newContract();
    const points = contract.form.checklist.map((entry) => entry.points);
    // 50: fails. The first three items (15, 20 and 15 points) lost everything.
    const assessment = await create(contract, PAST(4), { 0: points[0], 1: points[1], 2: points[2] });
    assert.equal(assessment.total, String(100 - points[0] - points[1] - points[2]));
    assert.equal(assessment.passed, false);
    expectStatus(await vendor1.post(`/assessments/${assessment.id}/appeal`, {
        reason: '第二项检查时保洁员正在作业,并非未清洁,附现场照片', attachment_ids: [],
    }), 201);

    const auditBefore = await auditTotal();
    expectError(
        await office.post(`/assessments/${assessment.id}/appeal/decision`, { decision: 'changed', reason: '部分采纳申诉意见' }),
        400, 'InvalidArgument', 'items',
    );
    expectError(
        await office.post(`/assessments/${assessment.id}/appeal/decision`, {
            decision: 'changed', reason: '部分采纳申诉意见', items: itemsWith(contract, { 0: points[0] + 1 }),
        }),
        400, 'InvalidArgument', 'items[0].lost',
    );
    assert.equal(await auditTotal(), auditBefore, 'refused decisions write nothing');

    const reason = '部分采纳申诉意见,第二项改为扣 2.5 分';
    const changed = expectStatus(await office.post(`/assessments/${assessment.id}/appeal/decision`, {
        decision: 'changed', reason, items: itemsWith(contract, { 0: points[0], 1: '2.5', 2: points[2] }),
    }), 200, 'change').body;
    const newTotal = 100 - points[0] - 2.5 - points[2];
    assert.equal(changed.total, String(newTotal));
    assert.equal(changed.original_total, assessment.total, 'the score before the appeal is kept');
    assert.equal(changed.passed, newTotal >= 60);
    assert.equal(changed.status, 'decided');
    assert.equal(changed.items[1].lost, '2.5');
    assert.equal(changed.items[1].failed, false);
    assert.equal(changed.failed_items, 2, 'items 1 and 3 still lost everything');
    assert.equal(changed.appeal.status, 'changed');
    assert.equal(changed.appeal.previous_total, assessment.total);
    assert.equal(changed.appeal.decision_reason, reason);
    assert.deepEqual(changed.history.map((event) => event.action), ['create', 'appeal', 'change']);
    assert.equal(changed.history[2].comment, reason);
    assert.match(changed.computation['zh-CN'], new RegExp(`= ${String(newTotal).replace('.', '\\.')} 分`));

    // The vendor sees the new score and why.
    const seen = expectStatus(await vendor1.get(`/assessments/${assessment.id}`), 200).body;
    assert.equal(seen.total, String(newTotal));
    assert.equal(seen.original_total, assessment.total);
    assert.equal(seen.appeal.decision_reason, reason);
    const audit = expectStatus(await admin.get('/audit', { query: { entity: 'assessment', entity_id: assessment.id } }), 200).body.items;
    const decision = audit.find((entry) => /change/i.test(entry.action));
    assert.ok(decision, `the decision is audited; got ${JSON.stringify(audit.map((entry) => entry.action))}`);
    assert.equal(decision.actor_id, office.user.id);
    assert.equal(decision.before.total, assessment.total);
    assert.equal(decision.after.total, String(newTotal));
});

test('SUP-8 the appeal window: the last day counts, the day after is 409', async () => {
    const contract = await newContract();
    const assessment = await create(contract, PAST(3), { 0: 3 });
    const deadline = assessment.appeal_deadline;
    assert.equal(deadline, addDays(FAKE_TODAY, 7));
    const reason = '考核当日我方人员在岗记录齐全,请求复核';

    const late = await startServer(demo.db, { fakeNow: `${addDays(deadline, 1)}T09:00:00+08:00` });
    try {
        const client = new Client(late.url);
        await client.login(DEMO.vendor1.username, DEMO.vendor1.password, { expect: 200 });
        const read = expectStatus(await client.get(`/assessments/${assessment.id}`), 200).body;
        assert.equal(read.can_appeal, false, 'after the deadline the vendor is not offered an appeal');
        const refused = expectError(await client.post(`/assessments/${assessment.id}/appeal`, { reason, attachment_ids: [] }), 409, 'FailedPrecondition');
        assert.match(refused.message['zh-CN'], new RegExp(deadline));
    } finally {
        await late.stop();
    }
    assert.equal(expectStatus(await office.get(`/assessments/${assessment.id}`), 200).body.status, 'submitted');

    const lastDay = await startServer(demo.db, { fakeNow: `${deadline}T20:00:00+08:00` });
    try {
        const client = new Client(lastDay.url);
        await client.login(DEMO.vendor1.username, DEMO.vendor1.password, { expect: 200 });
        const appealed = expectStatus(await client.post(`/assessments/${assessment.id}/appeal`, { reason, attachment_ids: [] }), 201).body;
        assert.equal(appealed.status, 'appealed');
        assert.equal(appealed.appeal.status, 'pending');
    } finally {
        await lastDay.stop();
    }
});

// ---------------------------------------------------------------------------------------------------------------
// Double submissions: a second click or a second inspector gets the same answer as a sequential second request.

test('SUP-8 an appeal sent twice at once is accepted once; the other gets 409, never a server error', async () => {
    const contract = await newContract();
    const assessment = await create(contract, PAST(2), { 0: 4 });
    const reason = '考核当日我方已按要求完成保洁,请求复核';
    const vendor1Again = await demo.as('vendor1'); // a second session: a second browser tab
    const attempts = await Promise.all([vendor1, vendor1Again, vendor1].map((client) => client.post(
        `/assessments/${assessment.id}/appeal`, { reason, attachment_ids: [] },
    )));
    const statuses = attempts.map((response) => response.status).sort();
    assert.deepEqual(statuses, [201, 409, 409], `one appeal, two conflicts; got ${attempts.map((item) => `${item.status} ${JSON.stringify(item.body)}`)}`);
    for (const response of attempts.filter((item) => item.status !== 201)) expectError(response, 409, 'FailedPrecondition');
    const read = expectStatus(await office.get(`/assessments/${assessment.id}`), 200).body;
    assert.deepEqual(read.history.map((event) => event.action), ['create', 'appeal']);
});

test('SUP-8 two offices deciding the same appeal at once: one decision counts, the other gets 409', async () => {
    const contract = await newContract();
    const points = contract.form.checklist.map((entry) => entry.points);
    const assessment = await create(contract, PAST(2), { 0: points[0], 1: points[1], 2: points[2] });
    expectStatus(await vendor1.post(`/assessments/${assessment.id}/appeal`, {
        reason: '第一、二项检查时正在作业,请求复核', attachment_ids: [],
    }), 201);
    const office2 = await demo.as('office');
    const attempts = await Promise.all([
        office.post(`/assessments/${assessment.id}/appeal/decision`, { decision: 'upheld', reason: '维持原考核结果' }),
        office2.post(`/assessments/${assessment.id}/appeal/decision`, {
            decision: 'changed', reason: '采纳申诉意见', items: itemsWith(contract, { 0: 1 }),
        }),
    ]);
    const statuses = attempts.map((response) => response.status).sort();
    assert.deepEqual(statuses, [200, 409], `one decision, one conflict; got ${attempts.map((item) => `${item.status} ${JSON.stringify(item.body)}`)}`);
    const read = expectStatus(await office.get(`/assessments/${assessment.id}`), 200).body;
    assert.deepEqual(read.history.map((event) => event.action).slice(0, 2), ['create', 'appeal']);
    assert.equal(read.history.length, 3, `exactly one decision in the history; got ${JSON.stringify(read.history.map((event) => event.action))}`);
    const winner = attempts.find((item) => item.status === 200).body;
    assert.equal(read.appeal.status, winner.appeal.status, 'the stored decision is the one that was answered 200');
    assert.equal(read.total, winner.total);
});

test('SUP-3 two inspectors recording the same period at once: one is stored, the others get 409, and recording goes on', async () => {
    const contract = await newContract();
    const raced = PAST(1);
    const office2 = await demo.as('office');
    const before = await assessmentCount(contract);
    const attempts = await Promise.all(Array.from({ length: 4 }, (_, i) => (i % 2 ? office2 : office).post(
        '/assessments', body(contract, raced, { 0: i }),
    )));
    const statuses = attempts.map((response) => response.status).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409], `one stored, three conflicts; got ${statuses}`);
    for (const response of attempts.filter((item) => item.status !== 201)) expectError(response, 409, 'AlreadyExists', 'period');
    assert.equal(await assessmentCount(contract), before + 1);

    // And the server still records assessments afterwards: a special inspection of the raced period, routine ones of
    // others.
    expectStatus(await office.post('/assessments', body(contract, raced, { 0: 1 }, { kind: 'special' })), 201,
        'a special assessment of the raced period');
    for (const period of [PAST(2), PAST(3), PAST(4)]) {
        expectStatus(await office.post('/assessments', body(contract, period, { 0: 1 })), 201, `a routine assessment of ${period}`);
    }
    assert.equal(await assessmentCount(contract), before + 5);
});

/** The office's assessment-due reminders about `contract` on its dashboard. */
async function dueReminders(contract) {
    const dashboard = expectStatus(await office.get('/dashboard'), 200).body;
    return dashboard.reminders.filter((reminder) => reminder.kind === 'assessment_due' &&
        reminder.link === `/assessments/new?contract_id=${contract.id}`);
}

test('X-2 the dashboard reminds the office of last month\'s missing routine assessment, and not once it is recorded', async () => {
    const contract = await newContract();
    const due = await dueReminders(contract);
    assert.equal(due.length, 1, `one reminder for the contract: ${JSON.stringify(due)}`);
    assert.equal(due[0].due, monthEnd(-1), 'due on the last day of the month that is over');
    assert.ok(due[0].title['zh-CN'].includes(`${PAST(1)} 期间的考核尚未录入`), due[0].title['zh-CN']);
    assert.ok(due[0].title.en.includes(`the ${PAST(1)} assessment has not been recorded`), due[0].title.en);

    // Only the last completed month counts: an earlier month's assessment does not silence it.
    await create(contract, PAST(2));
    assert.equal((await dueReminders(contract)).length, 1, 'still due after the month before is recorded');
    await create(contract, PAST(1));
    assert.deepEqual(await dueReminders(contract), [], 'no reminder once last month is recorded');
});

test('X-2 a quarterly contract is reminded of its last completed quarter, not of last month', async () => {
    const quarterly = validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: TERM_START,
    });
    quarterly.assessment = { ...quarterly.assessment, frequency: 'quarterly' };
    const contract = await createActiveContract(clients, quarterly);
    const due = await dueReminders({ id: contract.id });
    assert.equal(due.length, 1, `one reminder for the quarterly contract: ${JSON.stringify(due)}`);
    const label = /(\d{4}-Q[1-4]) 期间/.exec(due[0].title['zh-CN'])?.[1];
    assert.ok(label, `the reminder names a quarter: ${due[0].title['zh-CN']}`);
    // The quarter that ended last: its last day is before today, and the next quarter's is not.
    assert.ok(due[0].due < FAKE_TODAY, `the quarter is over: ${due[0].due}`);
    assert.ok(addDays(due[0].due, 92) >= FAKE_TODAY, `and it is the latest one over: ${due[0].due}`);
    assert.ok(!due[0].title['zh-CN'].includes(PAST(1)), 'not last month\'s label');
});

/** The office dashboard's score of `period` ({average, count}), or undefined when the chart has no such period. */
async function dashboardScore(period) {
    const dashboard = expectStatus(await office.get('/dashboard'), 200).body;
    return dashboard.supervision.scores.find((score) => score.period === period);
}

/** What the chart should show for `period`: the average (tenths, half up) and count of the office's routine rows. */
async function expectedScore(period) {
    const rows = (await listAll(office, '/assessments', { period })).filter((row) => row.kind === 'routine');
    const tenths = rows.reduce((sum, row) => sum + Math.round(Number(row.total) * 10), 0);
    const average = Math.floor((tenths * 2 + rows.length) / (rows.length * 2));
    return { average: String(average / 10), count: rows.length };
}

test('X-3 the dashboard\'s score chart counts a routine assessment as soon as it is recorded, and its new score once an appeal changes it', async () => {
    const contract = await newContract();
    const points = contract.form.checklist.map((entry) => entry.points);
    const period = PAST(3);
    const before = await dashboardScore(period);
    const assessment = await create(contract, period, { 0: points[0], 1: points[1], 2: points[2] });
    const counted = await dashboardScore(period);
    assert.ok(counted, `the chart has ${period}`);
    assert.equal(counted.count, (before?.count ?? 0) + 1, 'one more assessment in the period');
    assert.deepEqual({ average: counted.average, count: counted.count }, await expectedScore(period));

    // A special assessment is not a routine score: the chart does not move.
    await create(contract, period, {}, { kind: 'special', summary: '专项检查' });
    assert.deepEqual(await dashboardScore(period), counted);

    expectStatus(await vendor1.post(`/assessments/${assessment.id}/appeal`, { reason: '第二项并非未清洁,附现场照片', attachment_ids: [] }), 201);
    expectStatus(await office.post(`/assessments/${assessment.id}/appeal/decision`, {
        decision: 'changed', reason: '部分采纳申诉意见', items: itemsWith(contract, { 0: points[0], 2: points[2] }),
    }), 200, 'change');
    const changed = await dashboardScore(period);
    assert.equal(changed.count, counted.count, 'the same assessment, not another');
    assert.deepEqual({ average: changed.average, count: changed.count }, await expectedScore(period));
    assert.notEqual(changed.average, counted.average, 'the average moved with the 20 points given back');
});

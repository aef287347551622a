// Projects before procurement and the route (PRJ-1, PRJ-2, PRJ-3, ROLE-3, and PRJ-8 for the government route): the
// office prepares a project with its plan, leadership approves or returns it, no procurement step happens before the
// approval, and the approval decides with the year's rules whether the project goes to government procurement or to
// the office's own sealed bidding, keeping the reasons and values. docs/api.md "Projects and procurement",
// docs/procurement.md. Internal bidding is in procurement-bids.test.mjs.
// The server runs on the test clock (server/tests/clock.mjs). The procurement rules are kept per year, so the years
// have their roles: YEAR (three years on) gets the rules of THRESHOLD and CATALOGUE from whichever test needs them
// first (ensureRules), VERSIONS_YEAR is written by the versions test alone, NO_RULES_YEAR never gets rules.
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectBilingual, expectError, expectStatus, setupDemo } from './harness.mjs';
import {
    BID_DEADLINE, OFFICER_SECRET, OPENING_AT, WITNESS_SECRET, YEAR, approvedProject, auditTotal,
    procurementFixtures, projectBody, projectTotal, submittedProject, uploadPlan, valuesOf,
} from './procurement-fixtures.mjs';
import { addDays, day, year } from '../clock.mjs';

const VERSIONS_YEAR = year(4);
const NO_RULES_YEAR = year(5);
/** Below the years the server takes (2000..2100): a fixed bound of the server's rule, not a date. */
const YEAR_BELOW_RANGE = 1999;

let demo;
let office;
let admin;
let leader;
let jiwei;
let dept;
let vendor1;
let fx;

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    leader = await demo.as('leader');
    jiwei = await demo.as('jiwei');
    dept = await demo.as('dept');
    vendor1 = await demo.as('vendor1');
    fx = await procurementFixtures(office, admin);
});

/** The rules of YEAR: 1000000.00 on the annual budget, 物业 maintenance and item C1204. */
const THRESHOLD = '1000000.00';
const CATALOGUE = [
    { kind: 'category', code: 'maintenance', name_zh: '设施设备维保', name_en: 'Maintenance of facilities and equipment' },
    { kind: 'item', code: 'C1204', name_zh: '物业管理服务', name_en: 'Property management services' },
];

/** Writes the rules of YEAR unless they are there already (then they must be these). */
async function ensureRules() {
    const current = await admin.get(`/procurement-rules/${YEAR}`);
    if (current.status === 404) {
        expectStatus(await admin.put(`/procurement-rules/${YEAR}`, {
            threshold: THRESHOLD, basis: 'annual_budget', catalogue: CATALOGUE, reason: '按县财政局正式印发的目录',
        }), 200, `rules of ${YEAR}`);
        return;
    }
    const rules = expectStatus(current, 200, `rules of ${YEAR}`).body;
    assert.equal(rules.threshold, THRESHOLD);
    assert.deepEqual(rules.catalogue.map((entry) => [entry.kind, entry.code]), CATALOGUE.map((entry) => [entry.kind, entry.code]));
}

/** A draft of this file's kind: meeting services for a year without rules, with its plan. */
async function draftProject(overrides = {}) {
    const plan = await uploadPlan(office);
    return expectStatus(await office.post('/projects', projectBody(fx, { plan_attachment_ids: [plan.id], ...overrides })), 201,
        'create project').body;
}

/** Every procurement step, each with a body that would be valid on an approved project of the right route. */
function procurementSteps(id) {
    return {
        ceiling: [leader, 'put', `/projects/${id}/ceiling`, { amount: '300000.00', reason: '镇党委会议确定的最高限价' }],
        bidding: [office, 'post', `/projects/${id}/bidding`, {
            bid_deadline: BID_DEADLINE, opening_at: OPENING_AT, officer_secret: OFFICER_SECRET, witness_secret: WITNESS_SECRET,
        }],
        // Started four weeks ago, completed three days ago.
        government: [office, 'post', `/projects/${id}/government-procurement`, {
            method: 'public_tender', reference: `佛南财采〔${year()}〕1号`, agency: '佛山市南海区公共资源交易中心',
            started_on: day(-27), completed_on: day(-3), result: '已确定中标供应商', winner_vendor_id: fx.vendor.changan.id,
            amount: '350000.00',
        }],
    };
}

async function step([client, method, path, body]) {
    return client[method](path, body);
}

// ---------------------------------------------------------------------------------------------------------------
// PRJ-1: the project

test('PRJ-1 the office creates a project for 会议服务 with a department and its plan; it is a draft with no route yet', async () => {
    const plan = await uploadPlan(office);
    const auditBefore = await auditTotal(admin);
    const body = projectBody(fx, { year: NO_RULES_YEAR, plan_attachment_ids: [plan.id], item_codes: ['C0101'] });
    const project = expectStatus(await office.post('/projects', body), 201, 'create project').body;
    assert.equal(project.status, 'draft');
    assert.match(project.code, /^XM-\d{4}-\d{4}$/);
    assert.equal(project.name, body.name);
    assert.equal(project.year, NO_RULES_YEAR);
    assert.equal(project.category_id, fx.meeting.id);
    assert.equal(project.category_name, '会议服务');
    assert.deepEqual(project.item_codes, ['C0101']);
    assert.equal(project.annual_budget, '360000.00');
    assert.equal(project.total_budget, '360000.00');
    assert.equal(project.service_start, `${NO_RULES_YEAR}-01-01`);
    assert.equal(project.service_end, `${NO_RULES_YEAR}-12-31`);
    assert.equal(project.department_id, fx.social.id);
    assert.equal(project.department_name, '社会事务办');
    assert.equal(project.responsible_person, '刘干事');
    assert.deepEqual(project.plans.map((item) => item.id), [plan.id]);
    assert.equal(project.plans[0].filename, '采购实施方案.pdf');
    assert.equal(project.route, null);
    assert.equal(project.route_decision, null);
    assert.equal(project.ceiling, null);
    assert.equal(project.bidding, null);
    assert.equal(project.contract_id, null);
    assert.ok(project.allowed_actions.includes('edit') && project.allowed_actions.includes('submit'), 'draft: edit, submit');
    assert.ok(!project.allowed_actions.includes('open_bidding'), 'no procurement step on a draft');
    // No rules for the year: no preview, and the reason why.
    assert.equal(project.route_preview, null);
    expectBilingual(project.route_preview_error, 'route_preview_error');
    assert.ok(await auditTotal(admin) > auditBefore, 'the creation is audited');

    const read = expectStatus(await office.get(`/projects/${project.id}`), 200).body;
    assert.equal(read.code, project.code);
    assert.ok(Array.isArray(read.history) && read.history.length >= 1, 'history of one project');
    const listed = expectStatus(await office.get('/projects', { query: { q: project.code } }), 200).body;
    assert.deepEqual(listed.items.map((item) => item.id), [project.id]);
    expectStatus(await jiwei.get(`/projects/${project.id}`), 200, 'discipline reads projects');
    expectStatus(await leader.get(`/projects/${project.id}`), 200, 'leadership reads projects');
});

test('PRJ-1 an invalid project is refused naming each field and writes nothing', async () => {
    const draft = await draftProject();
    const plan = await uploadPlan(office);
    const projectsBefore = await projectTotal(office);
    const auditBefore = await auditTotal(admin);
    const invalid = (overrides) => office.post('/projects', projectBody(fx, { plan_attachment_ids: [plan.id], ...overrides }));
    expectError(await invalid({ annual_budget: '360000.00', total_budget: '359999.99' }), 400, 'InvalidArgument', 'total_budget');
    expectError(await invalid({ service_start: `${YEAR}-06-01`, service_end: `${YEAR}-05-31` }), 400, 'InvalidArgument', 'service_end');
    expectError(await invalid({ name: '' }), 400, 'InvalidArgument', 'name');
    const { name, ...withoutName } = projectBody(fx, { plan_attachment_ids: [plan.id] });
    assert.ok(name);
    expectError(await office.post('/projects', withoutName), 400, 'InvalidArgument', 'name');
    expectError(await invalid({ department_id: fx.town.id }), 400, 'InvalidArgument', 'department_id');
    expectError(await invalid({ year: YEAR_BELOW_RANGE }), 400, 'InvalidArgument', 'year');
    expectError(await invalid({ category_id: 999999 }), 400, 'InvalidArgument', 'category_id');
    expectError(await invalid({ annual_budget: '12.345' }), 400, 'InvalidArgument', 'annual_budget');
    // Two faults at once: both named.
    const both = expectError(await invalid({ total_budget: '1.00', service_end: `${YEAR}-01-01` }), 400, 'InvalidArgument', 'total_budget');
    assert.ok(both.fields.some((entry) => entry.field === 'service_end'), 'service_end named too');

    // The draft cannot be edited into an invalid state either.
    expectError(await office.put(`/projects/${draft.id}`, projectBody(fx, {
        name: draft.name, plan_attachment_ids: [plan.id], total_budget: '100.00',
    })), 400, 'InvalidArgument', 'total_budget');
    const after = expectStatus(await office.get(`/projects/${draft.id}`), 200).body;
    assert.equal(after.total_budget, draft.total_budget);
    assert.equal(after.updated_at, draft.updated_at);

    assert.equal(await projectTotal(office), projectsBefore, 'no project written');
    assert.equal(await auditTotal(admin), auditBefore, 'no audit entry written');
});

test('PRJ-1 a project without its implementation plan cannot be submitted (400 naming plan_attachment_ids)', async () => {
    const created = expectStatus(await office.post('/projects', projectBody(fx)), 201, 'a draft without plan').body;
    const auditBefore = await auditTotal(admin);
    expectError(await office.post(`/projects/${created.id}/submit`, {}), 400, 'InvalidArgument', 'plan_attachment_ids');
    assert.equal(expectStatus(await office.get(`/projects/${created.id}`), 200).body.status, 'draft');
    assert.equal(await auditTotal(admin), auditBefore, 'no audit entry written');
});

test('PRJ-1 only the office creates and edits projects: vendor, department, leadership and discipline get 403', async () => {
    const draft = await draftProject();
    const body = projectBody(fx);
    const auditBefore = await auditTotal(admin);
    expectError(await vendor1.post('/projects', body), 403, 'PermissionDenied');
    expectError(await dept.post('/projects', body), 403, 'PermissionDenied');
    expectError(await leader.post('/projects', body), 403, 'PermissionDenied');
    expectError(await jiwei.post('/projects', body), 403, 'PermissionDenied');
    expectError(await dept.get('/projects'), 403, 'PermissionDenied');
    expectError(await vendor1.put(`/projects/${draft.id}`, body), 403, 'PermissionDenied');
    expectError(await leader.put(`/projects/${draft.id}`, body), 403, 'PermissionDenied');
    // A draft is not open for bidding: vendor users do not see it.
    expectError(await vendor1.get(`/projects/${draft.id}`), 404, 'NotFound');
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');
});

test('ROLE-3 only leadership decides on a project: the office and a department get 403', async () => {
    const pending = await submittedProject(office, fx, { year: NO_RULES_YEAR });
    const auditBefore = await auditTotal(admin);
    expectError(await office.post(`/projects/${pending.id}/decision`, { decision: 'approve', comment: '' }), 403, 'PermissionDenied');
    expectError(await dept.post(`/projects/${pending.id}/decision`, { decision: 'approve', comment: '' }), 403, 'PermissionDenied');
    expectError(await jiwei.post(`/projects/${pending.id}/decision`, { decision: 'approve', comment: '' }), 403, 'PermissionDenied');
    assert.equal(expectStatus(await office.get(`/projects/${pending.id}`), 200).body.status, 'pending_leadership');
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');
});

test('PRJ-2 procurement steps on a draft or a project awaiting approval are refused (409 status) and write nothing', async () => {
    const draft = await draftProject();
    let auditBefore = await auditTotal(admin);
    for (const request of Object.values(procurementSteps(draft.id))) {
        expectError(await step(request), 409, 'FailedPrecondition', 'status');
    }
    expectError(await office.post(`/projects/${draft.id}/award`, {}), 409, 'FailedPrecondition', 'status');
    expectError(await leader.post(`/projects/${draft.id}/decision`, { decision: 'approve', comment: '' }), 409,
        'FailedPrecondition', 'status');
    assert.equal(await auditTotal(admin), auditBefore, 'the refused steps on the draft wrote nothing');

    const pending = await submittedProject(office, fx);
    auditBefore = await auditTotal(admin);
    for (const request of Object.values(procurementSteps(pending.id))) {
        expectError(await step(request), 409, 'FailedPrecondition', 'status');
    }
    expectError(await office.post(`/projects/${pending.id}/award`, {}), 409, 'FailedPrecondition', 'status');
    const read = expectStatus(await office.get(`/projects/${pending.id}`), 200).body;
    assert.equal(read.status, 'pending_leadership');
    assert.equal(read.ceiling, null);
    assert.equal(read.bidding, null);
    assert.equal(read.government_procurement, null);
    assert.equal(await auditTotal(admin), auditBefore, 'the refused steps on the pending project wrote nothing');
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-3: the yearly rules

test('PRJ-3 only the administrator writes the yearly rules: office, leadership and vendors get 403', async () => {
    const rules = { threshold: THRESHOLD, basis: 'annual_budget', catalogue: [], reason: '越权' };
    const auditBefore = await auditTotal(admin);
    for (const client of [office, leader, vendor1, jiwei]) {
        expectError(await client.put(`/procurement-rules/${NO_RULES_YEAR}`, rules), 403, 'PermissionDenied');
    }
    expectError(await admin.get(`/procurement-rules/${NO_RULES_YEAR}`), 404, 'NotFound');
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');
});

test('PRJ-3 the administrator keeps the yearly catalogue and threshold in versions; invalid rules are refused', async () => {
    const rulesYear = VERSIONS_YEAR;
    expectError(await admin.get(`/procurement-rules/${rulesYear}`), 404, 'NotFound');
    const auditBefore = await auditTotal(admin);
    expectError(await admin.put(`/procurement-rules/${rulesYear}`, { threshold: '-1.00', basis: 'annual_budget', catalogue: [], reason: '测试' }),
        400, 'InvalidArgument', 'threshold');
    expectError(await admin.put(`/procurement-rules/${rulesYear}`, { threshold: THRESHOLD, basis: 'monthly', catalogue: [], reason: '测试' }),
        400, 'InvalidArgument', 'basis');
    expectError(await admin.put(`/procurement-rules/${rulesYear}`, {
        threshold: THRESHOLD, basis: 'annual_budget', catalogue: [{ kind: 'vendor', code: 'x', name_zh: '错', name_en: 'wrong' }], reason: '测试',
    }), 400, 'InvalidArgument', 'catalogue');
    expectError(await admin.get(`/procurement-rules/${NO_RULES_YEAR}`), 404, 'NotFound');
    expectError(await admin.get(`/procurement-rules/${YEAR_BELOW_RANGE}`), 400, 'InvalidArgument', 'year');
    assert.equal(await auditTotal(admin), auditBefore, 'refused rules write nothing');

    const v1 = expectStatus(await admin.put(`/procurement-rules/${rulesYear}`, {
        threshold: '1500000.00', basis: 'annual_budget',
        catalogue: [{ kind: 'category', code: 'catering', name_zh: '餐饮', name_en: 'Catering' }],
        reason: `${rulesYear}年政府集中采购目录及限额标准(初稿)`,
    }), 200, 'rules v1').body;
    assert.equal(v1.year, rulesYear);
    assert.equal(v1.threshold, '1500000.00');
    assert.equal(v1.basis, 'annual_budget');

    // A project approved under version 1 keeps the decision made with it.
    const decidedUnderV1 = await approvedProject({ office, leader }, fx, {
        year: rulesYear, annual_budget: '1200000.00', total_budget: '1200000.00',
    });
    assert.equal(decidedUnderV1.route, 'internal');
    assert.equal(valuesOf(decidedUnderV1.route_decision).threshold, '1500000.00');

    const v2 = expectStatus(await admin.put(`/procurement-rules/${rulesYear}`, {
        threshold: THRESHOLD, basis: 'annual_budget', catalogue: CATALOGUE, reason: '按县财政局正式印发的目录调整',
    }), 200, 'rules v2').body;
    assert.ok(v2.version !== v1.version, 'a new version');
    assert.equal(v2.threshold, THRESHOLD);
    assert.deepEqual(v2.catalogue.map((entry) => [entry.kind, entry.code]), [['category', 'maintenance'], ['item', 'C1204']]);
    assert.equal(v2.reason, '按县财政局正式印发的目录调整');
    assert.ok(v2.created_by_name.length > 0 && v2.created_at.length > 0);

    const read = expectStatus(await office.get(`/procurement-rules/${rulesYear}`), 200).body;
    assert.equal(read.version, v2.version);
    assert.deepEqual(read.history.map((item) => [item.version, item.threshold]), [[v2.version, THRESHOLD], [v1.version, '1500000.00']],
        'every version, newest first');
    assert.equal(read.history[1].catalogue[0].code, 'catering');
    const all = expectStatus(await jiwei.get('/procurement-rules'), 200).body.items;
    assert.deepEqual(all.filter((item) => item.year === rulesYear).map((item) => item.version), [v2.version], 'the current version of each year');

    const kept = expectStatus(await office.get(`/projects/${decidedUnderV1.id}`), 200).body;
    assert.equal(kept.route, 'internal', 'the decision made with version 1 stays');
    assert.deepEqual(kept.route_decision, decidedUnderV1.route_decision);
    const usedVersion = valuesOf(kept.route_decision).rules_version; // the year and the version, e.g. "<year>-v1"
    assert.ok(usedVersion.endsWith(String(v1.version)) && !usedVersion.endsWith(String(v2.version)), `made with version 1: ${usedVersion}`);
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-2: the approval path

test('PRJ-2 leadership returns the project with a comment (required), the office edits and resubmits, leadership approves', async () => {
    await ensureRules();
    const project = await draftProject({ item_codes: ['C0101'] });
    const submitted = expectStatus(await office.post(`/projects/${project.id}/submit`, {}), 200, 'submit').body;
    assert.equal(submitted.status, 'pending_leadership');
    assert.ok(!submitted.allowed_actions.includes('edit'), 'the office cannot edit while leadership decides');
    // The preview of the route the current rules would give: below 1000000.00, not in the catalogue.
    assert.equal(submitted.route_preview.route, 'internal');
    expectError(await office.put(`/projects/${project.id}`, projectBody(fx, { name: project.name, plan_attachment_ids: [project.plans[0].id] })),
        409, 'FailedPrecondition');
    const asLeader = expectStatus(await leader.get(`/projects/${project.id}`), 200).body;
    assert.ok(asLeader.allowed_actions.includes('approve') && asLeader.allowed_actions.includes('return'));

    const auditBefore = await auditTotal(admin);
    expectError(await leader.post(`/projects/${project.id}/decision`, { decision: 'return', comment: '' }), 400, 'InvalidArgument', 'comment');
    expectError(await leader.post(`/projects/${project.id}/decision`, { decision: 'postpone', comment: '再议' }), 400, 'InvalidArgument', 'decision');
    assert.equal(await auditTotal(admin), auditBefore, 'refused decisions write nothing');
    const comment = '服务范围需补充会议文印的数量估算,请完善实施方案后再报';
    const returned = expectStatus(await leader.post(`/projects/${project.id}/decision`, { decision: 'return', comment }), 200, 'return').body;
    assert.equal(returned.status, 'returned');
    assert.ok(returned.history.some((event) => event.comment === comment), `the comment is kept: ${JSON.stringify(returned.history)}`);
    expectError(await leader.post(`/projects/${project.id}/decision`, { decision: 'approve', comment: '' }), 409, 'FailedPrecondition', 'status');

    const plan2 = await uploadPlan(office, '采购实施方案(修订).pdf');
    const scope = '镇机关各类会议的会场布置、音响设备保障、茶水服务及会议文印(预计每年文印 12 万页)';
    const edited = expectStatus(await office.put(`/projects/${project.id}`, projectBody(fx, {
        name: project.name, item_codes: ['C0101'], scope, plan_attachment_ids: [project.plans[0].id, plan2.id],
    })), 200, 'edit returned project').body;
    assert.equal(edited.status, 'returned');
    assert.equal(edited.scope, scope);
    assert.equal(edited.plans.length, 2);
    assert.equal(expectStatus(await office.post(`/projects/${project.id}/submit`, {}), 200).body.status, 'pending_leadership');
    const approved = expectStatus(await leader.post(`/projects/${project.id}/decision`, { decision: 'approve', comment: '同意' }), 200).body;
    assert.equal(approved.status, 'approved');
    assert.equal(approved.route, 'internal');
    const actions = approved.history.map((event) => event.action).join(' ');
    assert.match(actions, /submit[\s\S]*return[\s\S]*submit[\s\S]*approve/, `history in order: ${actions}`);
    expectError(await leader.post(`/projects/${project.id}/decision`, { decision: 'approve', comment: '' }), 409, 'FailedPrecondition', 'status');
    expectError(await office.put(`/projects/${project.id}`, projectBody(fx, { name: project.name, plan_attachment_ids: [plan2.id] })),
        409, 'FailedPrecondition');
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-3: the route decided at approval

test('PRJ-3 a project below the threshold and outside the catalogue is approved as internal with reason below_threshold', async () => {
    await ensureRules();
    const project = await approvedProject({ office, leader }, fx, { item_codes: ['C0101'] });
    const decision = project.route_decision;
    assert.equal(decision.route, 'internal');
    expectBilingual(decision.route_name, 'route_name');
    assert.deepEqual(decision.reasons.map((reason) => reason.code), ['below_threshold']);
    expectBilingual(decision.reasons[0].text, 'reason text');
    assert.match(decision.reasons[0].text['zh-CN'], /360000\.00/);
    const values = valuesOf(decision);
    assert.equal(values.year, String(YEAR));
    assert.equal(values.threshold, THRESHOLD);
    assert.equal(values.threshold_basis, 'annual_budget');
    assert.equal(values.value_compared, '360000.00');
    assert.equal(values.catalogue_matches, '');
    const asLeader = expectStatus(await leader.get(`/projects/${project.id}`), 200).body;
    assert.ok(asLeader.allowed_actions.includes('set_ceiling'), 'leadership may set the ceiling of an internal project');
    assert.ok(!project.allowed_actions.includes('record_government'));
    const listed = await listProjects({ route: 'internal', status: 'approved', year: YEAR });
    assert.ok(listed.some((item) => item.id === project.id));
});

/** Submits and approves a project whose annual budget is exactly the threshold (two years of service). */
async function atThresholdProject() {
    await ensureRules();
    const submitted = await submittedProject(office, fx, { annual_budget: THRESHOLD, total_budget: '2000000.00',
        service_end: `${YEAR + 1}-12-31` });
    assert.equal(submitted.route_preview.route, 'government', 'the preview already says so');
    return { submitted, approved: expectStatus(await leader.post(`/projects/${submitted.id}/decision`, { decision: 'approve', comment: '同意' }), 200).body };
}

test('PRJ-3 a budget exactly at the threshold makes the project government procurement; internal-bidding steps are refused (409 route)', async () => {
    const { approved: atThreshold } = await atThresholdProject();
    assert.equal(atThreshold.status, 'approved');
    assert.equal(atThreshold.route, 'government');
    const decision = atThreshold.route_decision;
    assert.equal(decision.route, 'government');
    assert.deepEqual(decision.reasons.map((reason) => [reason.code, reason.subject]), [['threshold_reached', 'annual_budget']]);
    expectBilingual(decision.reasons[0].text, 'reason text');
    const values = valuesOf(decision);
    assert.equal(values.threshold, THRESHOLD);
    assert.equal(values.value_compared, THRESHOLD);
    assert.equal(values.threshold_basis, 'annual_budget');
    const asOffice = expectStatus(await office.get(`/projects/${atThreshold.id}`), 200).body;
    assert.ok(asOffice.allowed_actions.includes('record_government'), `office actions ${asOffice.allowed_actions}`);
    assert.ok(!asOffice.allowed_actions.includes('open_bidding'));

    const auditBefore = await auditTotal(admin);
    const steps = procurementSteps(atThreshold.id);
    expectError(await step(steps.ceiling), 409, 'FailedPrecondition', 'route');
    expectError(await step(steps.bidding), 409, 'FailedPrecondition', 'route');
    const read = expectStatus(await office.get(`/projects/${atThreshold.id}`), 200).body;
    assert.equal(read.ceiling, null);
    assert.equal(read.bidding, null);
    assert.equal(read.status, 'approved');
    assert.equal(await auditTotal(admin), auditBefore, 'nothing written');

    // One fen below the threshold is internal.
    const below = await approvedProject({ office, leader }, fx, { annual_budget: '999999.99', total_budget: '999999.99' });
    assert.equal(below.route, 'internal');
    assert.deepEqual(below.route_decision.reasons.map((reason) => reason.code), ['below_threshold']);
});

async function listProjects(query) {
    return expectStatus(await office.get('/projects', { query: { ...query, page_size: 200 } }), 200).body.items;
}

test('PRJ-3 a catalogue category (covering its sub-categories) or a catalogue item makes a small project government procurement', async () => {
    await ensureRules();
    const aircon = await approvedProject({ office, leader }, fx, {
        name: `${YEAR}年度镇机关空调维保服务(测试)`, category_id: fx.aircon.id, annual_budget: '50000.00', total_budget: '50000.00',
    });
    assert.equal(aircon.route, 'government');
    assert.deepEqual(aircon.route_decision.reasons.map((reason) => [reason.code, reason.subject]), [['catalogue_category', 'maintenance']]);
    assert.equal(valuesOf(aircon.route_decision).catalogue_matches, 'maintenance');
    assert.equal(valuesOf(aircon.route_decision).value_compared, '50000.00');

    const byItem = await approvedProject({ office, leader }, fx, { item_codes: ['C0101', 'C1204'], annual_budget: '80000.00', total_budget: '80000.00' });
    assert.equal(byItem.route, 'government');
    assert.deepEqual(byItem.route_decision.reasons.map((reason) => [reason.code, reason.subject]), [['catalogue_item', 'C1204']]);
    expectBilingual(byItem.route_decision.reasons[0].text);
    assert.match(byItem.route_decision.reasons[0].text['zh-CN'], /C1204/);

    const internal = await approvedProject({ office, leader }, fx, { item_codes: ['C0101'], annual_budget: '80000.00', total_budget: '80000.00' });
    assert.equal(internal.route, 'internal');
    const ids = (await listProjects({ route: 'government', year: YEAR })).map((item) => item.id);
    assert.ok(ids.includes(aircon.id) && ids.includes(byItem.id), 'route=government lists both');
    assert.ok(!ids.includes(internal.id), 'and not the internal one');
});

test('PRJ-3 approving a project of a year without rules is refused (409 naming the year) and writes nothing', async () => {
    const submitted = await submittedProject(office, fx, { year: NO_RULES_YEAR });
    assert.equal(submitted.route_preview, null);
    expectBilingual(submitted.route_preview_error, 'route_preview_error');
    const auditBefore = await auditTotal(admin);
    expectError(await leader.post(`/projects/${submitted.id}/decision`, { decision: 'approve', comment: '同意' }), 409,
        'FailedPrecondition', 'year');
    const read = expectStatus(await office.get(`/projects/${submitted.id}`), 200).body;
    assert.equal(read.status, 'pending_leadership');
    assert.equal(read.route, null);
    assert.equal(await auditTotal(admin), auditBefore, 'nothing written');
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-3, PRJ-8: the government procurement record and the award

test('PRJ-3 the government procurement record (one of six methods, its reference and result) makes the project procured', async () => {
    const { approved: atThreshold } = await atThresholdProject();
    const internal = await approvedProject({ office, leader }, fx);
    const record = procurementSteps(atThreshold.id).government[3];
    const auditBefore = await auditTotal(admin);
    expectError(await office.post(`/projects/${atThreshold.id}/government-procurement`, { ...record, method: 'lottery' }), 400,
        'InvalidArgument', 'method');
    expectError(await office.post(`/projects/${atThreshold.id}/government-procurement`, { ...record, method: '' }), 400,
        'InvalidArgument', 'method');
    expectError(await office.post(`/projects/${atThreshold.id}/government-procurement`, { ...record, amount: null }), 400,
        'InvalidArgument', 'amount'); // a winner without its annual amount
    expectError(await office.post(`/projects/${atThreshold.id}/government-procurement`, {
        ...record, completed_on: addDays(record.started_on, -31),
    }), 400, 'InvalidArgument', 'completed_on'); // before it started
    expectError(await leader.post(`/projects/${atThreshold.id}/government-procurement`, record), 403, 'PermissionDenied');
    // The internal project is not for a government record.
    expectError(await office.post(`/projects/${internal.id}/government-procurement`, record), 409, 'FailedPrecondition', 'route');
    expectError(await office.post(`/projects/${atThreshold.id}/award`, {}), 409, 'FailedPrecondition', 'status');
    assert.equal(expectStatus(await office.get(`/projects/${atThreshold.id}`), 200).body.status, 'approved');
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');

    const procured = expectStatus(await office.post(`/projects/${atThreshold.id}/government-procurement`, {
        ...record, method: 'competitive_consultation', amount: '987654.32',
    }), 200, 'government record').body;
    assert.equal(procured.status, 'procured');
    const gp = procured.government_procurement;
    assert.equal(gp.method, 'competitive_consultation');
    assert.equal(gp.reference, record.reference);
    assert.equal(gp.agency, record.agency);
    assert.equal(gp.started_on, record.started_on);
    assert.equal(gp.completed_on, record.completed_on);
    assert.equal(gp.result, record.result);
    // The winner and the annual amount are recorded in the record and as the project's winner.
    assert.equal(gp.winner_vendor_id, fx.vendor.changan.id);
    assert.equal(gp.amount, '987654.32');
    assert.equal(procured.winner.vendor_id, fx.vendor.changan.id);
    assert.equal(procured.winner.quote, '987654.32');
    assert.ok(procured.allowed_actions.includes('award'));
    expectError(await office.post(`/projects/${atThreshold.id}/government-procurement`, record), 409, 'FailedPrecondition', 'status');
});

test('PRJ-8 the award of a government-procured project drafts the contract with the winner, the amount and the service period', async () => {
    const { approved: atThreshold } = await atThresholdProject();
    const record = procurementSteps(atThreshold.id).government[3];
    expectStatus(await office.post(`/projects/${atThreshold.id}/government-procurement`, { ...record, amount: '987654.32' }), 200,
        'government record');
    const awarded = expectStatus(await office.post(`/projects/${atThreshold.id}/award`, {}), 201, 'award').body;
    assert.equal(awarded.project.status, 'awarded');
    assert.equal(awarded.project.contract_id, awarded.contract_id);
    const contract = expectStatus(await office.get(`/contracts/${awarded.contract_id}`), 200).body;
    assert.equal(contract.status, 'draft');
    assert.equal(contract.vendor_id, fx.vendor.changan.id);
    assert.equal(contract.category_id, fx.meeting.id);
    assert.equal(contract.term_start, `${YEAR}-01-01`);
    assert.equal(contract.term_end, `${YEAR + 1}-12-31`);
    assert.equal(contract.content.annual_amount, '987654.32');
    assert.equal(awarded.project.contract_code, contract.code);
    expectError(await office.post(`/projects/${atThreshold.id}/award`, {}), 409, 'FailedPrecondition', 'status');

    const trail = expectStatus(await jiwei.get(`/projects/${atThreshold.id}/trail`), 200).body.items;
    assert.equal(trail[0].subject, 'project');
    assert.match(trail[0].action, /creat/);
    assert.ok(trail.some((item) => item.subject === 'contract' && String(item.subject_id) === String(awarded.contract_id)),
        `the trail reaches the contract: ${JSON.stringify(trail.map((item) => [item.subject, item.action]))}`);
    for (const item of trail) expectBilingual(item.summary, 'trail summary');

    // Issue 10: one name per step. The history tab and the trail tab name each step of the project alike, and the
    // page's words for the states are the server's (status_name), in both languages.
    const read = expectStatus(await office.get(`/projects/${atThreshold.id}`), 200).body;
    const trailName = new Map(trail.filter((item) => item.subject === 'project').map((item) => [item.action, item.summary]));
    for (const event of read.history) {
        if (trailName.has(event.action)) {
            assert.deepEqual(event.action_name, trailName.get(event.action), `one name for the step ${event.action}`);
        }
    }
    assert.ok(read.history.some((event) => event.action === 'award' && trailName.has('award')), 'the award is in both');
    const listed = expectStatus(await office.get('/projects', { query: { page_size: 200 } }), 200).body.items;
    for (const locale of ['zh-CN', 'en']) {
        const words = JSON.parse(readFileSync(new URL(`../../../web/src/locales/${locale}/project.json`, import.meta.url), 'utf8'));
        for (const project of [read, ...listed]) {
            assert.equal(words.status[project.status], project.status_name[locale], `${locale} name of ${project.status}`);
        }
    }
});

test('PRJ-8 a government record without a winner and amount cannot be awarded', async () => {
    await ensureRules();
    const byItem = await approvedProject({ office, leader }, fx, { item_codes: ['C0101', 'C1204'], annual_budget: '80000.00', total_budget: '80000.00' });
    assert.equal(byItem.route, 'government');
    const procured = expectStatus(await office.post(`/projects/${byItem.id}/government-procurement`, {
        method: 'inquiry', reference: `佛南财采〔${year()}〕88号`, agency: '佛山市南海区公共资源交易中心', started_on: day(-26),
        completed_on: day(-8), result: '询价完成,结果待公示', winner_vendor_id: null, amount: null,
    }), 200, 'record without winner').body;
    assert.equal(procured.status, 'procured');
    assert.equal(procured.government_procurement.method, 'inquiry');
    const auditBefore = await auditTotal(admin);
    expectError(await office.post(`/projects/${byItem.id}/award`, {}), 409, 'FailedPrecondition', 'status');
    const read = expectStatus(await office.get(`/projects/${byItem.id}`), 200).body;
    assert.equal(read.status, 'procured');
    assert.equal(read.contract_id, null);
    assert.equal(await auditTotal(admin), auditBefore, 'nothing written');
});

test('PRJ-1 four projects created at once by two sessions: each gets its own code of the year, none is refused', async () => {
    // As contracts: two creations read the same highest code on PostgreSQL, and the second was refused by the unique
    // code. A year's codes are now taken one at a time. Several rounds: the window is a few milliseconds.
    const office2 = await demo.as('office');
    for (let round = 0; round < 4; round += 1) {
        const plans = await Promise.all([0, 1, 2, 3].map(() => uploadPlan(office)));
        const attempts = await Promise.all([office, office2, office, office2].map((client, i) => client.post(
            '/projects', projectBody(fx, { plan_attachment_ids: [plans[i].id] }),
        )));
        assert.deepEqual(attempts.map((response) => response.status), [201, 201, 201, 201],
            `round ${round}: every creation succeeds: ${attempts.map((response) => JSON.stringify(response.body?.message ?? response.status))}`);
        assert.equal(new Set(attempts.map((response) => response.body.code)).size, 4, 'four codes');
    }
});

// The to-do inbox (issue 12): GET /api/v1/inbox lists, for the caller, every item whose next step is theirs, across
// every workflow: a project to approve (PRJ-2) or a ceiling to set (PRJ-6), a procurement step to witness (PRJ-7), a
// contract to review or sign (CON-2), a proposal to decide (RP-4), an appeal to decide (SUP-8), a rectification to
// carry out (SUP-1), a survey to answer. Each item appears in the inbox of whoever acts on it and in no one else's,
// and leaves it once they have acted. Dates come from the test clock (server/tests/clock.mjs).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    FAKE_TODAY, contractFixtures, createActiveContract, expectBilingual, expectStatus, setupDemo, validContent,
} from './harness.mjs';
import {
    YEAR, approvedProject, procurementFixtures, submittedProject, witnessConsent,
} from './procurement-fixtures.mjs';
import { day, month, monthStart } from '../clock.mjs';

const ROLES = ['admin', 'office', 'leader', 'jiwei', 'sifa', 'dangzheng', 'dept', 'vendor1', 'vendor2'];

let demo;
let clients;
let pfx;
let cfx;

before(async () => {
    demo = await setupDemo();
    clients = {};
    for (const role of ROLES) clients[role] = await demo.as(role);
    pfx = await procurementFixtures(clients.office, clients.admin);
    cfx = await contractFixtures(demo, clients.office);
    // The rules of YEAR: a meeting-services project of 360000.00 a year is below the threshold: internal bidding.
    const current = await clients.admin.get(`/procurement-rules/${YEAR}`);
    if (current.status === 404) {
        expectStatus(await clients.admin.put(`/procurement-rules/${YEAR}`, {
            threshold: '1000000.00', basis: 'annual_budget', catalogue: [
                { kind: 'item', code: 'C1204', name_zh: '物业管理服务', name_en: 'Property management services' },
            ], reason: '按县财政局正式印发的目录',
        }), 200, `rules of ${YEAR}`);
    }
});

async function inboxOf(role) {
    const body = expectStatus(await clients[role].get('/inbox'), 200, `inbox of ${role}`).body;
    assert.equal(body.total, body.items.length, `${role}: the total counts the items`);
    const counted = Object.values(body.counts).reduce((sum, count) => sum + count, 0);
    assert.equal(counted, body.total, `${role}: the counts per kind add up to the total`);
    return body;
}

/** The items of `role`'s inbox about one object. */
async function itemsAbout(role, objectType, objectId) {
    return (await inboxOf(role)).items.filter((item) => item.object_type === objectType && item.object_id === objectId);
}

/** Asserts that only `holders` have an item of `kind` about the object, and returns the first holder's item. */
async function onlyIn(holders, kind, objectType, objectId) {
    let found = null;
    for (const role of ROLES) {
        const items = (await itemsAbout(role, objectType, objectId)).filter((item) => item.kind === kind);
        if (holders.includes(role)) {
            assert.equal(items.length, 1, `${kind} of ${objectType} ${objectId} waits in ${role}'s inbox`);
            found ??= items[0];
        } else {
            assert.equal(items.length, 0, `${kind} of ${objectType} ${objectId} is not in ${role}'s inbox`);
        }
    }
    return found;
}

function checkItem(item, link) {
    expectBilingual(item.title, 'title');
    assert.equal(item.link, link);
    assert.ok(!Number.isNaN(Date.parse(item.since)), 'since is an instant');
    assert.ok(item.object_name.length > 0);
}

test('ROLE-1 every signed-in role has an inbox of its own; anonymous callers have none', async () => {
    for (const role of ROLES) await inboxOf(role);
    expectStatus(await demo.client().get('/inbox'), 401);
});

test('PRJ-2 a project submitted for approval waits in leadership\'s inbox only, without a due date, and leaves it once approved', async () => {
    const project = await submittedProject(clients.office, pfx);
    const item = await onlyIn(['leader'], 'project_approval', 'project', project.id);
    checkItem(item, `/projects/${project.id}`);
    assert.equal(item.due, null, 'an approval has no deadline: no date is shown as one');
    assert.match(item.title['zh-CN'], /审批项目/);
    assert.ok(item.title['zh-CN'].includes(project.code));
    expectStatus(await clients.leader.post(`/projects/${project.id}/decision`, { decision: 'approve', comment: '同意' }), 200);
    assert.equal((await itemsAbout('leader', 'project', project.id)).filter((entry) => entry.kind === 'project_approval').length, 0);
});

test('PRJ-7 an internal project waits for leadership\'s ceiling, then for the witness\'s consent, and leaves each inbox once done', async () => {
    const project = await approvedProject({ office: clients.office, leader: clients.leader }, pfx);
    assert.equal(project.route, 'internal');
    checkItem(await onlyIn(['leader'], 'project_ceiling', 'project', project.id), `/projects/${project.id}`);
    expectStatus(await clients.leader.put(`/projects/${project.id}/ceiling`, { amount: '300000.00', reason: '镇党委会议确定的最高限价' }), 200);
    assert.equal((await itemsAbout('leader', 'project', project.id)).length, 0, 'the ceiling is set');
    checkItem(await onlyIn(['jiwei'], 'witness_open_bidding', 'project', project.id), `/projects/${project.id}`);
    await witnessConsent(clients.jiwei, project.id, 'open_bidding');
    assert.equal((await itemsAbout('jiwei', 'project', project.id)).length, 0, 'consent given, waiting for the office');
});

test('CON-2 a contract under review waits in both reviewers\' inboxes until each has decided, then in the office\'s to sign', async () => {
    const content = validContent({
        vendorId: cfx.ownVendor.id, vendor: cfx.ownVendor, categoryId: cfx.category.id, departmentId: cfx.department.id,
    });
    const created = expectStatus(await clients.office.post('/contracts', content), 201).body;
    const submitted = expectStatus(await clients.office.post(`/contracts/${created.id}/submit`, {}), 200).body;
    const versionNo = submitted.review.version_no;
    const legal = await onlyIn(['sifa', 'dangzheng'], 'contract_review', 'contract', created.id);
    checkItem(legal, `/contracts/${created.id}`);
    assert.equal(legal.due, null);
    expectStatus(await clients.sifa.post(`/contracts/${created.id}/reviews`, { version_no: versionNo, decision: 'approve', comment: '法律审查通过' }), 200);
    await onlyIn(['dangzheng'], 'contract_review', 'contract', created.id);
    expectStatus(await clients.dangzheng.post(`/contracts/${created.id}/reviews`, { version_no: versionNo, decision: 'approve', comment: '文字把关通过' }), 200);
    await onlyIn([], 'contract_review', 'contract', created.id);
    checkItem(await onlyIn(['office', 'admin'], 'contract_sign', 'contract', created.id), `/contracts/${created.id}`);
});

async function activeContract() {
    const content = validContent({
        vendorId: cfx.ownVendor.id, vendor: cfx.ownVendor, categoryId: cfx.category.id, departmentId: cfx.department.id,
        termStart: monthStart(-10),
    });
    const contract = await createActiveContract(
        { office: clients.office, sifa: clients.sifa, dangzheng: clients.dangzheng }, content,
    );
    const form = expectStatus(await clients.office.get(`/contracts/${contract.id}/assessment-form`), 200).body;
    return { ...contract, form };
}

/** A failing routine assessment (50 points: three failed items) of last month, made today. */
async function failingAssessment(contract) {
    const lost = { 0: 15, 2: 15, 3: 20 };
    const items = contract.form.checklist.map((entry, index) => ({ item: entry.item, lost: lost[index] ?? 0, note: '' }));
    return expectStatus(await clients.office.post('/assessments', {
        contract_id: contract.id, period: month(-1), kind: 'routine', assessed_on: FAKE_TODAY, items,
        missing_staff_days: 0, summary: '例行考核',
    }), 201, 'failing assessment').body;
}

test('RP-4 a deduction proposal waits for the office, then for leadership, and leaves each inbox once decided', async () => {
    const contract = await activeContract();
    await failingAssessment(contract);
    const proposals = expectStatus(await clients.office.get('/proposals', { query: { contract_id: contract.id } }), 200).body.items;
    const deduction = proposals.find((item) => item.kind === 'deduction' && item.status === 'pending_office');
    assert.ok(deduction, 'the failing assessment proposes a deduction');
    const atOffice = await onlyIn(['office', 'admin'], 'proposal_decision', 'proposal', deduction.id);
    checkItem(atOffice, `/proposals/${deduction.id}`);
    assert.equal(atOffice.due, null, 'a proposal has no deadline: its date is not shown as one');
    expectStatus(await clients.office.post(`/proposals/${deduction.id}/decision`, { decision: 'approve', comment: '情况属实,同意扣款' }), 200);
    await onlyIn(['leader'], 'proposal_decision', 'proposal', deduction.id);
    expectStatus(await clients.leader.post(`/proposals/${deduction.id}/decision`, { decision: 'approve', comment: '同意' }), 200);
    await onlyIn([], 'proposal_decision', 'proposal', deduction.id);
});

test('SUP-8 an appeal waits in the office\'s inbox until decided', async () => {
    const contract = await activeContract();
    const assessment = await failingAssessment(contract);
    expectStatus(await clients.vendor1.post(`/assessments/${assessment.id}/appeal`, {
        reason: '检查当天为停电检修日,部分区域无法作业,请求复核', attachment_ids: [],
    }), 201, 'appeal');
    checkItem(await onlyIn(['office', 'admin'], 'appeal_decision', 'assessment', assessment.id), `/assessments/${assessment.id}`);
    expectStatus(await clients.office.post(`/assessments/${assessment.id}/appeal/decision`, {
        decision: 'upheld', reason: '经核实,考核结果无误',
    }), 200, 'appeal decision');
    await onlyIn([], 'appeal_decision', 'assessment', assessment.id);
});

test('SUP-1 a rectification waits in its vendor\'s inbox with its deadline as the due date, and in no other vendor\'s', async () => {
    const contract = await activeContract();
    const created = expectStatus(await clients.office.post('/rectifications', {
        contract_id: contract.id, meeting_id: null, assessment_id: null, title: '卫生间保洁不到位',
        requirement: '每日至少清洁两次,保持无异味,并建立清洁记录', owner: '张经理', deadline: day(7),
    }), 201).body;
    const item = await onlyIn(['vendor1'], 'rectification_report', 'rectification', created.id);
    checkItem(item, `/rectifications/${created.id}`);
    assert.equal(item.due, day(7), 'the rectification\'s own deadline');
});

// The call centre's agent scoring method (CC-3, D2 staff 4, issue 14): the contract's vendor drafts a version (four
// weights on a 100-point base, defaults 20/40/20/20, the monthly targets, caps, deductions, pro-rating, penalty
// points per accepted suggestion, the month it applies from), may edit it while it is a draft or returned, and
// submits it; the office approves it or returns it with a reason. Approved versions are numbered 1, 2, ... per
// contract and never change; each keeps who drafted, who approved and when (workflow events and audit, X-1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_NOW, contractFixtures, createActiveContract, expectError, expectStatus, listAll,
    prepareDatabase, startServer, validContent,
} from './harness.mjs';
import { month as monthOf, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);
const THIS_MONTH = monthOf(0);

async function login(url, account) {
    const client = new Client(url);
    await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
    return client;
}

/** A demo database and an active contract of vendor1 from the first of last month. */
async function setup() {
    const db = prepareDatabase({ seed: 'demo' });
    const server = await startServer(db);
    const as = (account) => login(server.url, account);
    const office = await as('office');
    const clients = { office, sifa: await as('sifa'), dangzheng: await as('dangzheng') };
    const fx = await contractFixtures({ as }, office);
    const contract = await createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: FIRST,
    }));
    return {
        db, server, office, contract,
        vendor: await as('vendor1'), vendor2: await as('vendor2'), jiwei: await as('jiwei'), dept: await as('dept'),
        leader: await as('leader'),
    };
}

const BODY = {
    effective_from: THIS_MONTH, visits_target: 400, talk_seconds_target: 72000, note: '按去年同期水平设定目标',
};

async function listOf(client, contractId) {
    return expectStatus(await client.get(`/contracts/${contractId}/scoring-methods`), 200).body;
}

async function draft(vendor, contractId, body = BODY) {
    return expectStatus(await vendor.post(`/contracts/${contractId}/scoring-methods`, body), 201,
        `draft ${JSON.stringify(body)}`).body;
}

async function step(client, id, action, body = {}) {
    return expectStatus(await client.post(`/callcentre/scoring-methods/${id}/${action}`, body), 200,
        `${action} ${id}`).body;
}

test('CC-3 the vendor drafts the method from the defaults, edits and submits it; the office approves it as version 1, keeping who and when', async (t) => {
    const { server, office, vendor, jiwei, contract } = await setup();
    t.after(() => server.stop());
    const before = await listOf(vendor, contract.id);
    assert.equal(before.can_draft, true);
    assert.equal(before.in_force_version, null);
    assert.deepEqual(before.defaults.values.weights, { discipline: 20, visits: 40, talk_time: 20, training: 20 },
        'the default weights of default-checklists.md');
    assert.equal(before.defaults.effective_from, THIS_MONTH);
    assert.equal((await listOf(office, contract.id)).can_draft, false, 'the office does not draft the method');

    const drafted = await draft(vendor, contract.id);
    assert.deepEqual([drafted.status, drafted.status_name['zh-CN'], drafted.version, drafted.effective_from],
        ['draft', '乙方草拟中', null, THIS_MONTH]);
    assert.deepEqual(drafted.values, {
        weights: { discipline: 20, visits: 40, talk_time: 20, training: 20 }, visits_target: 400,
        talk_seconds_target: 72000, visits_cap_percent: 100, talk_cap_percent: 100, absence_deduction: 2,
        late_deduction: 0.5, violation_deduction: 3, penalty_deduction: 2, training_full_score: 100,
        pro_rating: 'by_days_held',
    });
    assert.deepEqual(drafted.allowed_actions, ['edit', 'submit']);
    assert.equal(drafted.drafted_by.length > 0, true);

    const edited = expectStatus(await vendor.put(`/callcentre/scoring-methods/${drafted.id}`, {
        ...BODY, weights: { discipline: 15, visits: 45.5, talk_time: 19.5, training: 20 }, visits_cap_percent: 120,
        penalty_deduction: '1.5', pro_rating: 'none',
    }), 200, 'edit the draft').body;
    assert.deepEqual(edited.values.weights, { discipline: 15, visits: 45.5, talk_time: 19.5, training: 20 });
    assert.deepEqual([edited.values.visits_cap_percent, edited.values.penalty_deduction, edited.values.pro_rating],
        [120, 1.5, 'none']);

    const submitted = await step(vendor, drafted.id, 'submit');
    assert.equal(submitted.status, 'submitted');
    assert.equal(submitted.submitted_at, FAKE_NOW.replace('+08:00', '.000+08:00'));
    assert.deepEqual(submitted.allowed_actions, [], 'a submitted version waits for the office');
    const seen = (await listOf(office, contract.id)).items.find((item) => item.id === drafted.id);
    assert.deepEqual(seen.allowed_actions, ['approve', 'return']);

    const approved = await step(office, drafted.id, 'approve', { note: '同意' });
    assert.deepEqual([approved.status, approved.version, approved.status_name['zh-CN']], ['approved', 1, '已批准']);
    assert.equal(approved.approved_at, FAKE_NOW.replace('+08:00', '.000+08:00'));
    assert.ok(approved.approved_by && approved.approved_by !== approved.drafted_by, 'who approved is kept');
    assert.deepEqual(approved.events.map((event) => [event.action, event.role, event.to_state]), [
        ['draft', 'vendor', 'draft'], ['edit', 'vendor', 'draft'], ['submit', 'vendor', 'submitted'],
        ['approve', 'office', 'approved'],
    ]);
    const list = await listOf(jiwei, contract.id);
    assert.equal(list.in_force_version, 1);
    assert.deepEqual(list.items.map((item) => [item.version, item.status]), [[1, 'approved']]);
    assert.deepEqual(list.items[0].allowed_actions, [], 'discipline inspection reads and acts on nothing');
    const audit = (await listAll(jiwei, '/audit', { entity: 'cc_scoring_method' }))
        .filter((entry) => entry.entity_id === drafted.id).map((entry) => entry.action);
    assert.deepEqual(audit.sort(), ['approve', 'create', 'submit', 'update']);
});

test('CC-3 refusals name the field in words and write nothing', async (t) => {
    const { server, vendor, contract } = await setup();
    t.after(() => server.stop());
    const create = (body) => vendor.post(`/contracts/${contract.id}/scoring-methods`, body);
    const weights = expectError(await create({ ...BODY, weights: { discipline: 30, visits: 40, talk_time: 20, training: 20 } }),
        400, 'InvalidArgument', 'weights');
    assert.match(weights.fields.find((field) => field.field === 'weights').message['zh-CN'], /合计 100 分，现为 110\.00 分/);
    expectError(await create({ ...BODY, weights: { visits: 'forty' } }), 400, 'InvalidArgument', 'weights');
    expectError(await create({ ...BODY, weights: { visits: 40.125 } }), 400, 'InvalidArgument', 'weights');
    expectError(await create({ ...BODY, effective_from: `${THIS_MONTH.slice(0, 4)}-13` }), 400, 'InvalidArgument', 'effective_from');
    expectError(await create({ ...BODY, effective_from: monthOf(-3) }), 400, 'InvalidArgument', 'effective_from');
    expectError(await create({ ...BODY, effective_from: undefined }), 400, 'InvalidArgument', 'effective_from');
    expectError(await create({ ...BODY, visits_target: 0 }), 400, 'InvalidArgument', 'visits_target');
    expectError(await create({ ...BODY, talk_seconds_target: -5 }), 400, 'InvalidArgument', 'talk_seconds_target');
    expectError(await create({ ...BODY, visits_cap_percent: 90 }), 400, 'InvalidArgument', 'visits_cap_percent');
    expectError(await create({ ...BODY, absence_deduction: 101 }), 400, 'InvalidArgument', 'absence_deduction');
    expectError(await create({ ...BODY, penalty_deduction: -1 }), 400, 'InvalidArgument', 'penalty_deduction');
    expectError(await create({ ...BODY, pro_rating: 'weekly' }), 400, 'InvalidArgument', 'pro_rating');
    expectError(await create({ ...BODY, note: 'x'.repeat(1001) }), 400, 'InvalidArgument', 'note');
    const all = expectError(await create({ effective_from: 'soon', weights: { training: 50 } }), 400, 'InvalidArgument');
    assert.deepEqual(all.fields.map((field) => field.field).sort(),
        ['effective_from', 'talk_seconds_target', 'visits_target', 'weights'], 'every problem at once');
    assert.deepEqual((await listOf(vendor, contract.id)).items, [], 'nothing written');

    const drafted = await draft(vendor, contract.id);
    expectError(await vendor.put(`/callcentre/scoring-methods/${drafted.id}`,
        { ...BODY, weights: { discipline: 20, visits: 40, talk_time: 20, training: 10 } }), 400, 'InvalidArgument', 'weights');
    const unchanged = (await listOf(vendor, contract.id)).items[0];
    assert.deepEqual(unchanged.values.weights, { discipline: 20, visits: 40, talk_time: 20, training: 20 });
    assert.deepEqual(unchanged.events.map((event) => event.action), ['draft'], 'a refused edit writes no step');
    expectError(await vendor.post(`/contracts/${contract.id}/scoring-methods`, BODY), 409, 'FailedPrecondition');
    await step(vendor, drafted.id, 'submit');
    expectError(await vendor.put(`/callcentre/scoring-methods/${drafted.id}`, BODY), 409, 'FailedPrecondition');
});

test('CC-3 the office returns a version with a reason; the vendor edits and resubmits; approved versions are numbered per contract and never change', async (t) => {
    const { server, office, vendor, jiwei, contract } = await setup();
    t.after(() => server.stop());
    const first = await draft(vendor, contract.id);
    await step(vendor, first.id, 'submit');
    expectError(await office.post(`/callcentre/scoring-methods/${first.id}/return`, { reason: '  ' }), 400,
        'InvalidArgument', 'reason');
    const returned = await step(office, first.id, 'return', { reason: '成功访问目标偏高,请按 350 次调整' });
    assert.deepEqual([returned.status, returned.return_reason, returned.version], ['returned', '成功访问目标偏高,请按 350 次调整', null]);
    assert.deepEqual(returned.allowed_actions, [], 'the office waits for the vendor');
    const own = (await listOf(vendor, contract.id)).items[0];
    assert.deepEqual(own.allowed_actions, ['edit', 'submit']);
    await expectStatus(await vendor.put(`/callcentre/scoring-methods/${first.id}`, { ...BODY, visits_target: 350 }), 200);
    await step(vendor, first.id, 'submit');
    const one = await step(office, first.id, 'approve');
    assert.deepEqual([one.version, one.values.visits_target], [1, 350]);
    expectError(await vendor.put(`/callcentre/scoring-methods/${first.id}`, BODY), 409, 'FailedPrecondition');
    expectError(await office.post(`/callcentre/scoring-methods/${first.id}/approve`, {}), 409, 'FailedPrecondition');

    // A later version may not start before the approved one; the next month's starts the month after.
    expectError(await vendor.post(`/contracts/${contract.id}/scoring-methods`, { ...BODY, effective_from: monthOf(-1) }),
        400, 'InvalidArgument', 'effective_from');
    const second = await draft(vendor, contract.id, {
        ...BODY, effective_from: monthOf(1), weights: { discipline: 10, visits: 50, talk_time: 20, training: 20 },
    });
    await step(vendor, second.id, 'submit');
    const two = await step(office, second.id, 'approve');
    assert.equal(two.version, 2);
    const list = await listOf(office, contract.id);
    assert.equal(list.in_force_version, 1, 'version 2 starts next month');
    assert.deepEqual(list.items.map((item) => [item.version, item.effective_from, item.values.visits_target]),
        [[2, monthOf(1), 400], [1, THIS_MONTH, 350]], 'version 1 unchanged');
    const audit = (await listAll(jiwei, '/audit', { entity: 'cc_scoring_method' }))
        .filter((entry) => entry.entity_id === first.id).map((entry) => entry.action);
    assert.deepEqual(audit.sort(), ['approve', 'create', 'return', 'submit', 'submit', 'update']);
});

test('CC-3 only the contract\'s vendor drafts and submits, only the office approves; another vendor sees nothing', async (t) => {
    const { server, office, vendor, vendor2, jiwei, dept, leader, contract } = await setup();
    t.after(() => server.stop());
    expectError(await office.post(`/contracts/${contract.id}/scoring-methods`, BODY), 403, 'PermissionDenied');
    expectError(await vendor2.post(`/contracts/${contract.id}/scoring-methods`, BODY), 404, 'NotFound');
    expectError(await vendor2.get(`/contracts/${contract.id}/scoring-methods`), 404, 'NotFound');
    expectError(await dept.get(`/contracts/${contract.id}/scoring-methods`), 403, 'PermissionDenied');
    const drafted = await draft(vendor, contract.id);
    expectError(await office.put(`/callcentre/scoring-methods/${drafted.id}`, BODY), 403, 'PermissionDenied');
    expectError(await vendor2.put(`/callcentre/scoring-methods/${drafted.id}`, BODY), 404, 'NotFound');
    expectError(await vendor2.post(`/callcentre/scoring-methods/${drafted.id}/submit`, {}), 404, 'NotFound');
    expectError(await office.post(`/callcentre/scoring-methods/${drafted.id}/submit`, {}), 403, 'PermissionDenied');
    expectError(await office.post(`/callcentre/scoring-methods/${drafted.id}/approve`, {}), 409, 'FailedPrecondition');
    await step(vendor, drafted.id, 'submit');
    expectError(await vendor.post(`/callcentre/scoring-methods/${drafted.id}/approve`, {}), 403, 'PermissionDenied');
    expectError(await leader.post(`/callcentre/scoring-methods/${drafted.id}/approve`, {}), 403, 'PermissionDenied');
    expectError(await jiwei.post(`/callcentre/scoring-methods/${drafted.id}/return`, { reason: '不同意' }), 403,
        'PermissionDenied');
    const read = expectStatus(await jiwei.get(`/callcentre/scoring-methods/${drafted.id}`), 200).body;
    assert.equal(read.status, 'submitted');
    expectError(await vendor2.get(`/callcentre/scoring-methods/${drafted.id}`), 404, 'NotFound');
});

test('CC-3 the method drafted four times at once by two vendor sessions: one open version, the others get 409', async (t) => {
    // On PostgreSQL (READ COMMITTED) each draft checked that the contract had no open version before the others
    // wrote: the contract had several drafts at once. The check and the draft are now made under the contract's lock.
    const { server, vendor, contract } = await setup();
    t.after(() => server.stop());
    const vendorAgain = await login(server.url, 'vendor1');
    const attempts = await Promise.all([vendor, vendorAgain, vendor, vendorAgain].map((client) => client.post(
        `/contracts/${contract.id}/scoring-methods`, BODY,
    )));
    assert.equal(attempts.filter((response) => response.status === 201).length, 1, `one draft: ${attempts.map((response) => response.status)}`);
    for (const response of attempts.filter((item) => item.status !== 201)) expectError(response, 409, 'FailedPrecondition');
    assert.equal((await listOf(vendor, contract.id)).items.length, 1, 'one version');
});

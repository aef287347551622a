// Extra rewards (CC-5, D2 call centre, issue 14): the office records a reward for named people on a call-centre
// contract's roster, paid by the organisation and handed out by the organisation or the vendor, with the reason and
// the day; one reward per person, amounts in integer fen. The list is per month and per person with each person's
// total and the month's total. Nothing is edited: a mistaken reward is withdrawn with a reason, kept and marked, and
// left out of the totals. The vendor reads its own contract's rewards; leadership and discipline inspection read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_TODAY, contractFixtures, createActiveContract, expectError, expectStatus, listAll,
    prepareDatabase, startServer, validContent,
} from './harness.mjs';
import { addDays, dateOfYear, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);
const THIS_MONTH = FAKE_TODAY.slice(0, 7);
const LAST_MONTH = FIRST.slice(0, 7);
const REASON = '月度外呼满意度第一,甲方额外奖励';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid GB 11643 ID number: region 440681, a birth date, a sequence. */
function idNumber(birth, sequence) {
    const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
    return first17 + '10X98765432'[sum % 11];
}

async function login(url, account) {
    const client = new Client(url);
    await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
    return client;
}

function personBody(name, sequence) {
    return {
        name, id_number: idNumber(dateOfYear(-30, '03-01'), sequence), phone: '13800000000', role: 'agent',
        post: '话务员', start_date: FIRST, end_date: null,
    };
}

/** A demo database; two active contracts of vendor1 from the first of last month; two agents on the first. */
async function setup() {
    const db = prepareDatabase({ seed: 'demo' });
    const server = await startServer(db);
    const as = (account) => login(server.url, account);
    const office = await as('office');
    const clients = { office, sifa: await as('sifa'), dangzheng: await as('dangzheng') };
    const fx = await contractFixtures({ as }, office);
    const content = () => validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: FIRST,
    });
    const contract = await createActiveContract(clients, content());
    const other = await createActiveContract(clients, content());
    const vendor = await as('vendor1');
    const add = async (contractId, body) =>
        expectStatus(await vendor.post(`/contracts/${contractId}/staff`, body), 201, body.name).body;
    return {
        db, server, office, vendor, contract, other,
        zhang: await add(contract.id, personBody('张坐席', 31)),
        li: await add(contract.id, personBody('李坐席', 33)),
        elsewhere: await add(other.id, personBody('吴别处', 35)),
        vendor2: await as('vendor2'), jiwei: await as('jiwei'), leader: await as('leader'), dept: await as('dept'),
        admin: await as('admin'),
    };
}

async function record(office, contractId, body) {
    return expectStatus(await office.post(`/contracts/${contractId}/rewards`, {
        amount_fen: 20000, handed_out_by: 'organisation', reason: REASON, awarded_on: FAKE_TODAY, ...body,
    }), 201, `record: ${JSON.stringify(body)}`).body.items;
}

async function listOf(client, contractId, query = '') {
    return expectStatus(await client.get(`/contracts/${contractId}/rewards${query}`), 200).body;
}

test('CC-5 the office records a reward for named people, one per person, and the month lists them with each person\'s total and the month\'s', async (t) => {
    const env = await setup();
    const { server, office, jiwei, contract, zhang, li } = env;
    t.after(() => server.stop());
    const both = await record(office, contract.id, {
        person_ids: [zhang.id, li.id], amount_fen: 20050, handed_out_by: 'vendor', reason: ` ${REASON} `,
    });
    assert.deepEqual(both.map((item) => [item.person_id, item.person_name, item.amount_fen, item.handed_out_by,
        item.paid_by, item.reason, item.awarded_on, item.month, item.status]), [
        [zhang.id, '张坐席', 20050, 'vendor', 'organisation', REASON, FAKE_TODAY, THIS_MONTH, 'recorded'],
        [li.id, '李坐席', 20050, 'vendor', 'organisation', REASON, FAKE_TODAY, THIS_MONTH, 'recorded'],
    ]);
    assert.equal(both[0].handed_out_by_name['zh-CN'], '乙方发放');
    assert.equal(both[0].batch_id, both[0].id, 'recorded together: one batch');
    assert.equal(both[1].batch_id, both[0].id);
    await record(office, contract.id, { person_id: zhang.id, amount_fen: 10000 });
    await record(office, contract.id, { person_ids: [li.id], amount_fen: 3000, awarded_on: addDays(FIRST, 4) });

    const month = await listOf(jiwei, contract.id, `?month=${THIS_MONTH}`);
    assert.equal(month.month, THIS_MONTH);
    assert.equal(month.items.length, 3);
    assert.deepEqual(month.people.map((person) => [person.person_name, person.count, person.total_fen]).sort(),
        [['张坐席', 2, 30050], ['李坐席', 1, 20050]].sort());
    assert.equal(month.total_fen, 50100);
    assert.equal(month.can_record, false, 'discipline inspection reads and records nothing');
    const last = await listOf(office, contract.id, `?month=${LAST_MONTH}`);
    assert.deepEqual([last.items.length, last.total_fen, last.can_record], [1, 3000, true]);
    const person = await listOf(office, contract.id, `?month=${THIS_MONTH}&person_id=${zhang.id}`);
    assert.deepEqual([person.items.map((item) => item.amount_fen), person.total_fen], [[20050, 10000], 30050]);
    const all = await listOf(office, contract.id, `?person_id=${li.id}`);
    assert.deepEqual([all.month, all.total_fen], [null, 23050], 'no month: every month');

    const audit = (await listAll(jiwei, '/audit', { entity: 'cc_reward' })).map((entry) => entry.action);
    assert.deepEqual(audit, ['create', 'create', 'create', 'create'], 'one entry per reward recorded');
});

test('CC-5 a reward with a bad field is refused naming the field in both languages, and nothing is written', async (t) => {
    const env = await setup();
    const { server, office, contract, zhang, elsewhere } = env;
    t.after(() => server.stop());
    const good = {
        person_ids: [zhang.id], amount_fen: 20000, handed_out_by: 'organisation', reason: REASON, awarded_on: FAKE_TODAY,
    };
    const cases = [
        [{ ...good, person_ids: [] }, 'person_ids'],
        [{ ...good, person_ids: [elsewhere.id] }, 'person_ids'],
        [{ ...good, person_ids: [999999] }, 'person_ids'],
        [{ ...good, person_ids: [zhang.id, zhang.id] }, 'person_ids'],
        [{ ...good, amount_fen: 0 }, 'amount_fen'],
        [{ ...good, amount_fen: -500 }, 'amount_fen'],
        [{ ...good, amount_fen: 12.5 }, 'amount_fen'],
        [{ ...good, amount_fen: '200.00' }, 'amount_fen'],
        [{ ...good, amount_fen: 1e20 }, 'amount_fen'],
        [{ ...good, handed_out_by: 'county' }, 'handed_out_by'],
        [{ ...good, reason: '  ' }, 'reason'],
        [{ ...good, reason: '理'.repeat(1001) }, 'reason'],
        [{ ...good, awarded_on: addDays(FAKE_TODAY, 1) }, 'awarded_on'],
        [{ ...good, awarded_on: addDays(FIRST, -1) }, 'awarded_on'],
        [{ ...good, awarded_on: 'yesterday' }, 'awarded_on'],
    ];
    for (const [body, field] of cases) {
        const error = expectError(await office.post(`/contracts/${contract.id}/rewards`, body), 400, 'InvalidArgument',
            field);
        const message = error.fields.find((item) => item.field === field).message;
        assert.ok(message['zh-CN'] && message.en, `${field}: a reason in both languages`);
    }
    // Amounts whose total would not fit in 64 bits are refused, not wrapped.
    const huge = expectError(await office.post(`/contracts/${contract.id}/rewards`, {
        ...good, person_ids: [zhang.id, env.li.id], amount_fen: 2 ** 62,
    }), 400, 'InvalidArgument', 'amount_fen');
    assert.ok(huge.message['zh-CN'] && huge.message.en);
    expectError(await office.get(`/contracts/${contract.id}/rewards?month=${THIS_MONTH.slice(0, 4)}-13`), 400, 'InvalidArgument', 'month');
    expectError(await office.get(`/contracts/${contract.id}/rewards?person_id=abc`), 400, 'InvalidArgument', 'person_id');
    const list = await listOf(office, contract.id);
    assert.deepEqual([list.items, list.total_fen], [[], 0], 'no refused reward was written');
});

test('CC-5 a mistaken reward is withdrawn with a reason: kept and marked, out of the totals, never withdrawn twice', async (t) => {
    const env = await setup();
    const { server, office, vendor, jiwei, contract, zhang, li } = env;
    t.after(() => server.stop());
    const [wrong] = await record(office, contract.id, { person_ids: [zhang.id], amount_fen: 50000 });
    await record(office, contract.id, { person_ids: [li.id], amount_fen: 8000 });
    expectError(await office.post(`/callcentre/rewards/${wrong.id}/withdraw`, { reason: '' }), 400, 'InvalidArgument',
        'reason');
    expectError(await vendor.post(`/callcentre/rewards/${wrong.id}/withdraw`, { reason: '不对' }), 403,
        'PermissionDenied');
    const withdrawn = expectStatus(await office.post(`/callcentre/rewards/${wrong.id}/withdraw`, {
        reason: '金额录错,应为 500.00 元',
    }), 200).body;
    assert.deepEqual([withdrawn.status, withdrawn.withdrawn_reason, withdrawn.can_withdraw],
        ['withdrawn', '金额录错,应为 500.00 元', false]);
    assert.equal(withdrawn.status_name['zh-CN'], '已撤销');
    const again = expectError(await office.post(`/callcentre/rewards/${wrong.id}/withdraw`, { reason: '再撤' }), 409,
        'FailedPrecondition');
    assert.ok(again.message['zh-CN'] && again.message.en);
    const list = await listOf(office, contract.id, `?month=${THIS_MONTH}`);
    assert.deepEqual(list.items.map((item) => [item.person_name, item.amount_fen, item.status, item.can_withdraw]),
        [['张坐席', 50000, 'withdrawn', false], ['李坐席', 8000, 'recorded', true]]);
    assert.deepEqual(list.people.map((person) => [person.person_name, person.total_fen]), [['李坐席', 8000]]);
    assert.equal(list.total_fen, 8000);
    const audit = (await listAll(jiwei, '/audit', { entity: 'cc_reward' }))
        .filter((entry) => entry.entity_id === wrong.id).map((entry) => entry.action).sort();
    assert.deepEqual(audit, ['create', 'withdraw']);
});

test('ROLE-8 the vendor reads its own contract\'s rewards and records none; another vendor sees none', async (t) => {
    const env = await setup();
    const { server, office, vendor, vendor2, contract, zhang } = env;
    t.after(() => server.stop());
    const [reward] = await record(office, contract.id, { person_ids: [zhang.id], handed_out_by: 'vendor' });
    const seen = await listOf(vendor, contract.id, `?month=${THIS_MONTH}`);
    assert.deepEqual([seen.items.map((item) => [item.id, item.can_withdraw]), seen.total_fen, seen.can_record],
        [[[reward.id, false]], 20000, false]);
    expectError(await vendor.post(`/contracts/${contract.id}/rewards`, {
        person_ids: [zhang.id], amount_fen: 100, handed_out_by: 'vendor', reason: REASON, awarded_on: FAKE_TODAY,
    }), 403, 'PermissionDenied');
    expectError(await vendor2.get(`/contracts/${contract.id}/rewards`), 404, 'NotFound');
    assert.equal((await listOf(office, contract.id)).items.length, 1, 'nothing more was written');
});

test('ROLE-4 leadership and discipline inspection read rewards and record none; a department reads none', async (t) => {
    const env = await setup();
    const { server, office, jiwei, leader, dept, admin, contract, zhang } = env;
    t.after(() => server.stop());
    const [reward] = await record(office, contract.id, { person_ids: [zhang.id] });
    const body = {
        person_ids: [zhang.id], amount_fen: 100, handed_out_by: 'organisation', reason: REASON, awarded_on: FAKE_TODAY,
    };
    for (const reader of [jiwei, leader]) {
        const list = await listOf(reader, contract.id);
        assert.deepEqual([list.items.map((item) => item.id), list.total_fen, list.can_record], [[reward.id], 20000, false]);
        expectError(await reader.post(`/contracts/${contract.id}/rewards`, body), 403, 'PermissionDenied');
        expectError(await reader.post(`/callcentre/rewards/${reward.id}/withdraw`, { reason: '越权' }), 403,
            'PermissionDenied');
    }
    expectError(await dept.get(`/contracts/${contract.id}/rewards`), 403, 'PermissionDenied');
    // The administrator runs the system but does not speak for the office.
    expectError(await admin.post(`/contracts/${contract.id}/rewards`, body), 403, 'PermissionDenied');
    assert.equal((await listOf(office, contract.id)).total_fen, 20000);
});

// Agent IDs (工号) by written request (CC-1, D2 call centre, issue 14): the office asks in writing, with a reason and
// optionally the scanned letter, for an agent ID to be opened, changed (its permissions, from a list that is a
// setting) or closed for a person on a contract's roster; the contract's vendor carries it out (stating the ID when
// opening, and the day it takes effect) or declines with a reason. The history of every ID and of each person's IDs
// is kept: a change closes a row and opens another, nothing is edited. Every step keeps who, when and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_TODAY, contractFixtures, createActiveContract, expectError, expectStatus, listAll,
    prepareDatabase, startServer, validContent,
} from './harness.mjs';
import { addDays, dateOfYear, monthEnd, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);

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

function personBody(name, sequence, startDate = FIRST) {
    return {
        name, id_number: idNumber(dateOfYear(-30, '03-01'), sequence), phone: '13800000000', role: 'agent',
        post: '话务员', start_date: startDate, end_date: null,
    };
}

/**
 * A demo database; two active contracts of vendor1 from the first of last month (the second to hold a person who is
 * not on the first's roster); on the first, three agents and one who starts next month.
 */
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
        zhang: await add(contract.id, personBody('张坐席', 21)),
        li: await add(contract.id, personBody('李坐席', 23)),
        wang: await add(contract.id, personBody('王坐席', 25)),
        upcoming: await add(contract.id, personBody('赵未到岗', 27, monthStart(1))),
        elsewhere: await add(other.id, personBody('吴别处', 29)),
        vendor2: await as('vendor2'), jiwei: await as('jiwei'), leader: await as('leader'), dept: await as('dept'),
        admin: await as('admin'),
    };
}

/** A small PDF uploaded by `client`: the scanned written request. */
async function uploadLetter(client, filename = '工号开通函.pdf') {
    const bytes = Buffer.from('%PDF-1.4\n% agent id letter\n%%EOF\n');
    return expectStatus(await client.post('/attachments', bytes, {
        headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(filename) },
    }), 201, 'upload the letter').body;
}

const REASON = '新入职话务员需开通外呼工号';

async function ask(office, contractId, body) {
    return expectStatus(await office.post(`/contracts/${contractId}/agent-id-requests`, { reason: REASON, ...body }), 201,
        `ask: ${JSON.stringify(body)}`).body;
}

async function carryOut(vendor, id, body) {
    return expectStatus(await vendor.post(`/callcentre/agent-id-requests/${id}/carry-out`, body), 200,
        `carry out: ${JSON.stringify(body)}`).body;
}

async function listOf(client, contractId) {
    return expectStatus(await client.get(`/contracts/${contractId}/agent-ids`), 200).body;
}

/** The person's ID opened from `from` through a request carried out. */
async function open(env, person, agentId, from, permissions = ['outbound']) {
    const request = await ask(env.office, person.contract_id ?? env.contract.id, {
        kind: 'open', person_id: person.id, permissions,
    });
    return carryOut(env.vendor, request.id, { agent_id: agentId, effective_on: from });
}

const rowsOf = (list) => list.history.map((row) => [row.agent_id, row.person_name, row.permissions.join(','),
    row.valid_from, row.valid_to]);

test('CC-1 the office asks in writing for an agent ID and the vendor opens it, stating the ID and the day', async (t) => {
    const env = await setup();
    const { server, office, vendor, jiwei, contract, zhang } = env;
    t.after(() => server.stop());
    const before = await listOf(office, contract.id);
    assert.equal(before.can_request, true);
    assert.deepEqual(before.permissions.map((permission) => permission.code),
        ['outbound', 'follow_up', 'qa_listen', 'monitor', 'export'], 'the seeded list of permissions');
    assert.equal(before.permissions[0].name['zh-CN'], '外呼');
    assert.equal(before.permissions[0].name.en, 'Outbound calls');

    const letter = await uploadLetter(office);
    const request = await ask(office, contract.id, {
        kind: 'open', person_id: zhang.id, permissions: ['follow_up', 'outbound', 'outbound'], attachment_id: letter.id,
    });
    assert.equal(request.status, 'requested');
    assert.equal(request.status_name['zh-CN'], '待乙方办理');
    assert.equal(request.kind_name['zh-CN'], '开通工号');
    assert.deepEqual([request.person_id, request.person_name, request.agent_id], [zhang.id, '张坐席', null]);
    assert.deepEqual(request.permissions, ['outbound', 'follow_up'], 'each once, in the setting\'s order');
    assert.deepEqual([request.attachment_id, request.attachment_name], [letter.id, '工号开通函.pdf']);
    assert.equal(request.requested_on, FAKE_TODAY);
    assert.deepEqual(request.allowed_actions, [], 'the office does not carry out its own request');
    assert.deepEqual(request.events.map((event) => [event.action, event.to_state, event.comment]),
        [['request', 'requested', REASON]]);

    const seen = await listOf(vendor, contract.id);
    assert.equal(seen.can_request, false);
    assert.deepEqual(seen.items.map((item) => [item.id, item.allowed_actions]), [[request.id, ['carry_out', 'decline']]]);
    const from = addDays(FAKE_TODAY, 2);
    const done = await carryOut(vendor, request.id, { agent_id: ' 8012 ', effective_on: from, note: '已在外呼系统开通' });
    assert.deepEqual([done.status, done.agent_id, done.effective_on, done.decision_note],
        ['carried_out', '8012', from, '已在外呼系统开通']);
    assert.deepEqual(done.allowed_actions, []);
    assert.deepEqual(done.events.map((event) => [event.action, event.role]), [['request', 'office'], ['carry_out', 'vendor']]);

    const list = await listOf(jiwei, contract.id);
    assert.deepEqual(rowsOf(list), [['8012', '张坐席', 'outbound,follow_up', from, null]]);
    assert.equal(list.current.length, 1);
    assert.equal(list.history[0].request_id, request.id);
    // The scanned letter is read by whoever reads the contract's agent IDs.
    expectStatus(await jiwei.get(`/attachments/${letter.id}`), 200);
    const audit = (await listAll(jiwei, '/audit', { entity: 'agent_id_request' }))
        .filter((entry) => entry.entity_id === request.id).map((entry) => entry.action).sort();
    assert.deepEqual(audit, ['carry_out', 'create']);
    // A second answer is refused with the reason.
    const again = expectError(await vendor.post(`/callcentre/agent-id-requests/${request.id}/decline`, { reason: '反悔' }),
        409, 'FailedPrecondition');
    assert.match(again.message['zh-CN'], /乙方已办理/);
});

test('CC-1 a request or a carrying-out with a bad field is refused naming the field in both languages, and nothing is written', async (t) => {
    const env = await setup();
    const { server, office, vendor, contract, zhang, upcoming, elsewhere } = env;
    t.after(() => server.stop());
    const good = { kind: 'open', person_id: zhang.id, permissions: ['outbound'], reason: REASON };
    const cases = [
        [{ ...good, kind: 'reopen' }, 'kind'],
        [{ ...good, person_id: elsewhere.id }, 'person_id'],
        [{ ...good, person_id: 999999 }, 'person_id'],
        [{ ...good, person_id: upcoming.id }, 'person_id'],
        [{ ...good, permissions: [] }, 'permissions'],
        [{ ...good, permissions: ['outbound', 'delete_everything'] }, 'permissions'],
        [{ ...good, reason: '   ' }, 'reason'],
        [{ ...good, attachment_id: 999999 }, 'attachment_id'],
        [{ ...good, kind: 'change' }, 'person_id'],
        [{ ...good, kind: 'close' }, 'person_id'],
    ];
    for (const [body, field] of cases) {
        const error = expectError(await office.post(`/contracts/${contract.id}/agent-id-requests`, body), 400,
            'InvalidArgument', field);
        const message = error.fields.find((item) => item.field === field).message;
        assert.ok(message['zh-CN'] && message.en, `${field}: a reason in both languages`);
    }
    assert.deepEqual((await listOf(office, contract.id)).items, [], 'no refused request was written');

    const request = await ask(office, contract.id, { kind: 'open', person_id: zhang.id, permissions: ['outbound'] });
    const answers = [
        [{ effective_on: FAKE_TODAY }, 'agent_id'],
        [{ agent_id: '80 12', effective_on: FAKE_TODAY }, 'agent_id'],
        [{ agent_id: '8'.repeat(21), effective_on: FAKE_TODAY }, 'agent_id'],
        [{ agent_id: '8012' }, 'effective_on'],
        [{ agent_id: '8012', effective_on: 'soon' }, 'effective_on'],
        [{ agent_id: '8012', effective_on: addDays(FAKE_TODAY, -1) }, 'effective_on'],
        [{ agent_id: '8012', effective_on: addDays(monthEnd(12), 40) }, 'effective_on'],
    ];
    for (const [body, field] of answers) {
        const error = expectError(await vendor.post(`/callcentre/agent-id-requests/${request.id}/carry-out`, body), 400,
            'InvalidArgument', field);
        const message = error.fields.find((item) => item.field === field).message;
        assert.ok(message['zh-CN'] && message.en, `${field}: a reason in both languages`);
    }
    const list = await listOf(office, contract.id);
    assert.deepEqual(list.history, [], 'no agent ID was written');
    assert.equal(list.items[0].status, 'requested');
    // One request at a time per person.
    const twice = expectError(await office.post(`/contracts/${contract.id}/agent-id-requests`, good), 409, 'AlreadyExists',
        'person_id');
    assert.ok(twice.message['zh-CN'] && twice.message.en);
});

test('CC-1 an agent ID belongs to one person at a time among all the vendor\'s IDs', async (t) => {
    const env = await setup();
    const { server, office, vendor, contract, other, zhang, li, elsewhere } = env;
    t.after(() => server.stop());
    await open(env, zhang, '8012', FAKE_TODAY);
    // Another person of the same vendor, on the same contract or on another, cannot get 8012 while Zhang holds it.
    for (const [person, contractId] of [[li, contract.id], [elsewhere, other.id]]) {
        const request = await ask(office, contractId, { kind: 'open', person_id: person.id, permissions: ['outbound'] });
        const clash = expectError(await vendor.post(`/callcentre/agent-id-requests/${request.id}/carry-out`, {
            agent_id: '8012', effective_on: addDays(FAKE_TODAY, 5),
        }), 409, 'AlreadyExists', 'agent_id');
        assert.match(clash.message['zh-CN'], /张坐席/);
        assert.match(clash.message.en, /8012/);
        await carryOut(vendor, request.id, { agent_id: `80${person.id}`, effective_on: FAKE_TODAY });
    }
    // A person holds one ID per contract: a second opening is refused, a change is the way.
    const second = expectError(await office.post(`/contracts/${contract.id}/agent-id-requests`, {
        kind: 'open', person_id: zhang.id, permissions: ['export'], reason: REASON,
    }), 409, 'AlreadyExists', 'person_id');
    assert.match(second.message['zh-CN'], /8012/);
    assert.deepEqual((await listOf(office, contract.id)).current.map((row) => row.agent_id).sort(),
        ['8012', `80${li.id}`].sort());
});

test('CC-1 races: one person asked for four times at once makes one request; one ID given to three people at once goes to one of them', async (t) => {
    // On PostgreSQL (READ COMMITTED) each request checked the open requests, and each carrying out the vendor's IDs,
    // before the others wrote: a person had several open requests, and one ID string was opened for several people
    // on the same day. Both now read and write under the vendor's lock.
    const env = await setup();
    const { server, office, vendor, contract, zhang, li, wang } = env;
    t.after(() => server.stop());
    const officeAgain = await login(server.url, 'office');
    const vendorAgain = await login(server.url, 'vendor1');
    const asked = await Promise.all([office, officeAgain, office, officeAgain].map((client) => client.post(
        `/contracts/${contract.id}/agent-id-requests`, { kind: 'open', person_id: zhang.id, permissions: ['outbound'], reason: REASON },
    )));
    assert.equal(asked.filter((response) => response.status === 201).length, 1, `one request: ${asked.map((response) => response.status)}`);
    for (const response of asked.filter((item) => item.status !== 201)) expectError(response, 409, 'AlreadyExists', 'person_id');
    const zhangRequest = asked.find((response) => response.status === 201).body;
    const others = [await ask(office, contract.id, { kind: 'open', person_id: li.id, permissions: ['outbound'] }),
        await ask(office, contract.id, { kind: 'open', person_id: wang.id, permissions: ['outbound'] })];
    const carried = await Promise.all([[vendor, zhangRequest], [vendorAgain, others[0]], [vendor, others[1]]].map(
        ([client, request]) => client.post(`/callcentre/agent-id-requests/${request.id}/carry-out`, { agent_id: '8099', effective_on: FAKE_TODAY }),
    ));
    assert.equal(carried.filter((response) => response.status === 200).length, 1, `one opening of 8099: ${carried.map((response) => response.status)}`);
    for (const response of carried.filter((item) => item.status !== 200)) expectError(response, 409, 'AlreadyExists', 'agent_id');
    const current = (await listOf(office, contract.id)).current.filter((row) => row.agent_id === '8099');
    assert.equal(current.length, 1, '8099 is held by one person');
});

test('CC-1 a change closes the row and opens another, a closure ends it, and the ID may then go to someone else: the history of the ID and of each person is kept', async (t) => {
    const env = await setup();
    const { server, office, vendor, contract, zhang, li } = env;
    t.after(() => server.stop());
    await open(env, zhang, '8012', FAKE_TODAY);
    const changeDay = addDays(FAKE_TODAY, 3);
    const change = await ask(office, contract.id, {
        kind: 'change', person_id: zhang.id, permissions: ['outbound', 'qa_listen'], reason: '兼任质检',
    });
    assert.equal(change.agent_id, '8012', 'a change names the ID the person holds');
    expectError(await office.post(`/contracts/${contract.id}/agent-id-requests`, {
        kind: 'change', person_id: li.id, permissions: ['outbound'], reason: REASON,
    }), 400, 'InvalidArgument', 'person_id');
    // The change cannot take effect on the day the present row began (it would leave an empty row).
    expectError(await vendor.post(`/callcentre/agent-id-requests/${change.id}/carry-out`, { effective_on: FAKE_TODAY }),
        400, 'InvalidArgument', 'effective_on');
    await carryOut(vendor, change.id, { effective_on: changeDay });
    const closeDay = addDays(FAKE_TODAY, 10);
    const close = await ask(office, contract.id, { kind: 'close', person_id: zhang.id, reason: '调离坐席岗位' });
    const closed = await carryOut(vendor, close.id, { effective_on: closeDay });
    assert.deepEqual(closed.permissions, []);

    // 8012 goes to Li from the day it closed, not a day earlier.
    const reassign = await ask(office, contract.id, { kind: 'open', person_id: li.id, permissions: ['follow_up'] });
    expectError(await vendor.post(`/callcentre/agent-id-requests/${reassign.id}/carry-out`, {
        agent_id: '8012', effective_on: addDays(closeDay, -1),
    }), 409, 'AlreadyExists', 'agent_id');
    await carryOut(vendor, reassign.id, { agent_id: '8012', effective_on: closeDay });

    const list = await listOf(office, contract.id);
    assert.deepEqual(rowsOf(list), [
        ['8012', '张坐席', 'outbound', FAKE_TODAY, changeDay],
        ['8012', '张坐席', 'outbound,qa_listen', changeDay, closeDay],
        ['8012', '李坐席', 'follow_up', closeDay, null],
    ]);
    const opened = list.items.find((item) => item.kind === 'open' && item.person_id === zhang.id);
    assert.deepEqual(list.history.filter((row) => row.person_id === zhang.id).map((row) => row.request_id),
        [opened.id, change.id], 'each row names the request that opened it');
    // Rows still valid today or later: Zhang's two (ending on the days carried out) and Li's from the closure day.
    assert.deepEqual(list.current.map((row) => [row.person_name, row.valid_from]),
        [['张坐席', FAKE_TODAY], ['张坐席', changeDay], ['李坐席', closeDay]]);
    // Zhang may be given an ID again later: a new row, the old ones untouched.
    const reopen = await ask(office, contract.id, { kind: 'open', person_id: zhang.id, permissions: ['outbound'] });
    await carryOut(vendor, reopen.id, { agent_id: '8020', effective_on: addDays(closeDay, 5) });
    const after = await listOf(office, contract.id);
    assert.deepEqual(after.history.filter((row) => row.person_id === zhang.id).map((row) => [row.agent_id, row.valid_to]),
        [['8012', changeDay], ['8012', closeDay], ['8020', null]]);
});

test('CC-1 the vendor declines with a reason and no ID changes', async (t) => {
    const env = await setup();
    const { server, office, vendor, contract, zhang } = env;
    t.after(() => server.stop());
    const request = await ask(office, contract.id, { kind: 'open', person_id: zhang.id, permissions: ['outbound'] });
    expectError(await vendor.post(`/callcentre/agent-id-requests/${request.id}/decline`, { reason: ' ' }), 400,
        'InvalidArgument', 'reason');
    const declined = expectStatus(await vendor.post(`/callcentre/agent-id-requests/${request.id}/decline`, {
        reason: '该人员尚未通过岗前培训',
    }), 200).body;
    assert.deepEqual([declined.status, declined.decision_note, declined.effective_on], ['declined', '该人员尚未通过岗前培训', null]);
    assert.deepEqual(declined.events.map((event) => [event.action, event.comment]),
        [['request', REASON], ['decline', '该人员尚未通过岗前培训']]);
    const list = await listOf(office, contract.id);
    assert.deepEqual(list.history, []);
    expectError(await vendor.post(`/callcentre/agent-id-requests/${request.id}/carry-out`, {
        agent_id: '8012', effective_on: FAKE_TODAY,
    }), 409, 'FailedPrecondition');
    // Once answered, the person may be asked for again.
    await ask(office, contract.id, { kind: 'open', person_id: zhang.id, permissions: ['outbound'] });
});

test('ROLE-8 only the contract\'s own vendor sees its agent IDs and carries requests out; the office asks but does not carry out', async (t) => {
    const env = await setup();
    const { server, office, vendor, vendor2, contract, zhang } = env;
    t.after(() => server.stop());
    const request = await ask(office, contract.id, { kind: 'open', person_id: zhang.id, permissions: ['outbound'] });
    expectError(await vendor2.get(`/contracts/${contract.id}/agent-ids`), 404, 'NotFound');
    expectError(await vendor2.post(`/callcentre/agent-id-requests/${request.id}/carry-out`, {
        agent_id: '8012', effective_on: FAKE_TODAY,
    }), 404, 'NotFound');
    expectError(await vendor2.post(`/callcentre/agent-id-requests/${request.id}/decline`, { reason: '不是我们的' }), 404,
        'NotFound');
    expectError(await office.post(`/callcentre/agent-id-requests/${request.id}/carry-out`, {
        agent_id: '8012', effective_on: FAKE_TODAY,
    }), 403, 'PermissionDenied');
    expectError(await vendor.post(`/contracts/${contract.id}/agent-id-requests`, {
        kind: 'open', person_id: zhang.id, permissions: ['outbound'], reason: REASON,
    }), 403, 'PermissionDenied');
    assert.equal((await listOf(vendor, contract.id)).items[0].status, 'requested', 'nothing was written');
});

test('ROLE-4 discipline inspection and leadership read every request and ID and change nothing; a department reads none', async (t) => {
    const env = await setup();
    const { server, office, jiwei, leader, dept, admin, contract, zhang } = env;
    t.after(() => server.stop());
    const request = await ask(office, contract.id, { kind: 'open', person_id: zhang.id, permissions: ['outbound'] });
    for (const reader of [jiwei, leader]) {
        const list = await listOf(reader, contract.id);
        assert.deepEqual(list.items.map((item) => [item.id, item.allowed_actions]), [[request.id, []]]);
        assert.equal(list.can_request, false);
        expectError(await reader.post(`/contracts/${contract.id}/agent-id-requests`, {
            kind: 'open', person_id: zhang.id, permissions: ['outbound'], reason: REASON,
        }), 403, 'PermissionDenied');
        expectError(await reader.post(`/callcentre/agent-id-requests/${request.id}/decline`, { reason: '越权' }), 403,
            'PermissionDenied');
    }
    expectError(await dept.get(`/contracts/${contract.id}/agent-ids`), 403, 'PermissionDenied');
    // The administrator runs the system but does not speak for the office.
    expectError(await admin.post(`/contracts/${contract.id}/agent-id-requests`, {
        kind: 'open', person_id: zhang.id, permissions: ['outbound'], reason: REASON,
    }), 403, 'PermissionDenied');
    assert.equal((await listOf(office, contract.id)).items[0].status, 'requested');
});

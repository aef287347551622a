// Outbound numbers (外呼号码) by written request (CC-2, D2 call centre, issue 14): the organisation uses its own numbers;
// the office asks in writing, with a reason and optionally the scanned letter, for a number to be added to a
// call-centre contract's register, changed (to another number or another purpose) or withdrawn; the contract's
// vendor prepares the data and reports back (the day it takes effect and what it prepared) or declines with a
// reason. The register is history: a change closes a row and opens another, nothing is edited (X-1: who, when, why).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_TODAY, contractFixtures, createActiveContract, expectError, expectStatus, listAll,
    prepareDatabase, startServer, validContent,
} from './harness.mjs';
import { addDays, monthEnd, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);
const REASON = '新增回访专线,请乙方在外呼系统配置';
const NUMBER = '02088886666';

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
        db, server, office, contract, vendor: await as('vendor1'), vendor2: await as('vendor2'), jiwei: await as('jiwei'),
        leader: await as('leader'), dept: await as('dept'), admin: await as('admin'),
    };
}

async function uploadLetter(client, filename = '外呼号码申请函.pdf') {
    const bytes = Buffer.from('%PDF-1.4\n% outbound number letter\n%%EOF\n');
    return expectStatus(await client.post('/attachments', bytes, {
        headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(filename) },
    }), 201, 'upload the letter').body;
}

async function ask(office, contractId, body) {
    return expectStatus(await office.post(`/contracts/${contractId}/number-requests`, { reason: REASON, ...body }), 201,
        `ask: ${JSON.stringify(body)}`).body;
}

async function carryOut(vendor, id, body) {
    return expectStatus(await vendor.post(`/callcentre/number-requests/${id}/carry-out`,
        { note: '已在外呼平台配置主叫号码并完成外显测试', ...body }), 200, `carry out: ${JSON.stringify(body)}`).body;
}

async function registerOf(client, contractId) {
    return expectStatus(await client.get(`/contracts/${contractId}/outbound-numbers`), 200).body;
}

const rowsOf = (list) => list.history.map((row) => [row.number, row.label, row.valid_from, row.valid_to]);

test('CC-2 the office asks in writing for a number and the vendor reports it prepared from a day; the register shows it', async (t) => {
    const env = await setup();
    const { server, office, vendor, jiwei, contract } = env;
    t.after(() => server.stop());
    const before = await registerOf(office, contract.id);
    assert.deepEqual([before.can_request, before.items, before.current, before.history], [true, [], [], []]);

    const letter = await uploadLetter(office);
    const request = await ask(office, contract.id, {
        kind: 'add', number: ` ${NUMBER} `, label: '回访专线', attachment_id: letter.id,
    });
    assert.deepEqual([request.status, request.kind, request.number, request.new_number, request.label],
        ['requested', 'add', NUMBER, null, '回访专线']);
    assert.equal(request.status_name['zh-CN'], '待乙方办理');
    assert.equal(request.kind_name['zh-CN'], '新增外呼号码');
    assert.equal(request.kind_name.en, 'add an outbound number');
    assert.deepEqual([request.attachment_id, request.attachment_name], [letter.id, '外呼号码申请函.pdf']);
    assert.equal(request.requested_on, FAKE_TODAY);
    assert.deepEqual(request.allowed_actions, [], 'the office does not carry out its own request');

    const seen = await registerOf(vendor, contract.id);
    assert.equal(seen.can_request, false);
    assert.deepEqual(seen.items.map((item) => [item.id, item.allowed_actions]), [[request.id, ['carry_out', 'decline']]]);
    const from = addDays(FAKE_TODAY, 2);
    const done = await carryOut(vendor, request.id, { effective_on: from, note: '已配置主叫号码,外显测试通过' });
    assert.deepEqual([done.status, done.effective_on, done.decision_note],
        ['carried_out', from, '已配置主叫号码,外显测试通过']);
    assert.deepEqual(done.allowed_actions, []);
    assert.deepEqual(done.events.map((event) => [event.action, event.role, event.comment]),
        [['request', 'office', REASON], ['carry_out', 'vendor', '已配置主叫号码,外显测试通过']]);

    const list = await registerOf(jiwei, contract.id);
    assert.deepEqual(rowsOf(list), [[NUMBER, '回访专线', from, null]]);
    assert.deepEqual(list.current.map((row) => row.number), [NUMBER]);
    assert.equal(list.history[0].request_id, request.id);
    assert.equal(list.can_request, false);
    // The scanned letter is read by whoever reads the register.
    expectStatus(await jiwei.get(`/attachments/${letter.id}`), 200);
    const audit = (await listAll(jiwei, '/audit', { entity: 'number_request' }))
        .filter((entry) => entry.entity_id === request.id).map((entry) => entry.action).sort();
    assert.deepEqual(audit, ['carry_out', 'create']);
    const again = expectError(await vendor.post(`/callcentre/number-requests/${request.id}/decline`, { reason: '反悔' }),
        409, 'FailedPrecondition');
    assert.match(again.message['zh-CN'], /乙方已办理/);
    // A number in the register cannot be added twice.
    const twice = expectError(await office.post(`/contracts/${contract.id}/number-requests`, {
        kind: 'add', number: NUMBER, reason: REASON,
    }), 409, 'AlreadyExists', 'number');
    assert.match(twice.message['zh-CN'], new RegExp(NUMBER));
});

test('CC-2 a request or a report with a bad field is refused naming the field in both languages, and nothing is written', async (t) => {
    const env = await setup();
    const { server, office, vendor, contract } = env;
    t.after(() => server.stop());
    const good = { kind: 'add', number: NUMBER, reason: REASON };
    const cases = [
        [{ ...good, kind: 'borrow' }, 'kind'],
        [{ ...good, number: '' }, 'number'],
        [{ ...good, number: '1234' }, 'number'],
        [{ ...good, number: '1'.repeat(21) }, 'number'],
        [{ ...good, number: '020-88886666' }, 'number'],
        [{ ...good, number: '86+2088886666' }, 'number'],
        [{ ...good, label: '用'.repeat(101) }, 'label'],
        [{ ...good, reason: '   ' }, 'reason'],
        [{ ...good, reason: '理'.repeat(1001) }, 'reason'],
        [{ ...good, attachment_id: 999999 }, 'attachment_id'],
        [{ ...good, kind: 'change', new_number: 'abc12' }, 'new_number'],
        [{ ...good, kind: 'change', new_number: NUMBER }, 'new_number'],
        [{ ...good, kind: 'change', new_number: '02088887777' }, 'number'],
        [{ ...good, kind: 'withdraw' }, 'number'],
    ];
    for (const [body, field] of cases) {
        const error = expectError(await office.post(`/contracts/${contract.id}/number-requests`, body), 400,
            'InvalidArgument', field);
        const message = error.fields.find((item) => item.field === field).message;
        assert.ok(message['zh-CN'] && message.en, `${field}: a reason in both languages`);
    }
    assert.deepEqual((await registerOf(office, contract.id)).items, [], 'no refused request was written');

    const request = await ask(office, contract.id, { kind: 'add', number: '+862088886666' });
    const answers = [
        [{ note: '已配置' }, 'effective_on'],
        [{ effective_on: 'soon' }, 'effective_on'],
        [{ effective_on: addDays(FAKE_TODAY, -1) }, 'effective_on'],
        [{ effective_on: addDays(monthEnd(12), 40) }, 'effective_on'],
        [{ effective_on: FAKE_TODAY, note: '  ' }, 'note'],
    ];
    for (const [body, field] of answers) {
        const error = expectError(await vendor.post(`/callcentre/number-requests/${request.id}/carry-out`, body), 400,
            'InvalidArgument', field);
        const message = error.fields.find((item) => item.field === field).message;
        assert.ok(message['zh-CN'] && message.en, `${field}: a reason in both languages`);
    }
    const list = await registerOf(office, contract.id);
    assert.deepEqual(list.history, [], 'no number was registered');
    assert.equal(list.items[0].status, 'requested');
    // One open request per number at a time.
    const twice = expectError(await office.post(`/contracts/${contract.id}/number-requests`, {
        kind: 'add', number: '+862088886666', reason: REASON,
    }), 409, 'AlreadyExists', 'number');
    assert.ok(twice.message['zh-CN'] && twice.message.en);
});

test('CC-2 a change closes the row and opens another, a withdrawal ends it, and the number may be added again: the history is kept', async (t) => {
    const env = await setup();
    const { server, office, vendor, contract } = env;
    t.after(() => server.stop());
    const added = await ask(office, contract.id, { kind: 'add', number: NUMBER, label: '外呼主线' });
    await carryOut(vendor, added.id, { effective_on: FAKE_TODAY });
    // A new purpose only: the number stays, its row is closed and reopened.
    const relabelDay = addDays(FAKE_TODAY, 3);
    const relabel = await ask(office, contract.id, { kind: 'change', number: NUMBER, label: '回访专线' });
    // It cannot take effect on the day the present row began (that would leave an empty row).
    expectError(await vendor.post(`/callcentre/number-requests/${relabel.id}/carry-out`, {
        effective_on: FAKE_TODAY, note: '改用途',
    }), 400, 'InvalidArgument', 'effective_on');
    await carryOut(vendor, relabel.id, { effective_on: relabelDay });
    // Another number replaces it, keeping its purpose.
    const NEW = '02088887777';
    const swapDay = addDays(FAKE_TODAY, 6);
    const swap = await ask(office, contract.id, { kind: 'change', number: NUMBER, new_number: NEW });
    assert.equal(swap.new_number, NEW);
    await carryOut(vendor, swap.id, { effective_on: swapDay });
    const withdrawDay = addDays(FAKE_TODAY, 10);
    expectError(await office.post(`/contracts/${contract.id}/number-requests`, {
        kind: 'withdraw', number: NUMBER, reason: '停用',
    }), 400, 'InvalidArgument', 'number');
    const withdraw = await ask(office, contract.id, { kind: 'withdraw', number: NEW, label: 'ignored' });
    assert.equal(withdraw.label, '', 'a withdrawal has no purpose');
    await carryOut(vendor, withdraw.id, { effective_on: withdrawDay });
    // The first number may be added again from a later day: a new row, the old ones untouched.
    const readd = await ask(office, contract.id, { kind: 'add', number: NUMBER, label: '外呼主线' });
    await carryOut(vendor, readd.id, { effective_on: addDays(withdrawDay, 1) });

    const list = await registerOf(office, contract.id);
    assert.deepEqual(rowsOf(list), [
        [NUMBER, '外呼主线', FAKE_TODAY, relabelDay],
        [NUMBER, '回访专线', relabelDay, swapDay],
        [NEW, '回访专线', swapDay, withdrawDay],
        [NUMBER, '外呼主线', addDays(withdrawDay, 1), null],
    ]);
    assert.deepEqual(list.history.map((row) => row.request_id), [added.id, relabel.id, swap.id, readd.id]);
    assert.deepEqual(list.items.map((item) => item.status), ['carried_out', 'carried_out', 'carried_out', 'carried_out',
        'carried_out']);
});

test('CC-2 the vendor declines with a reason and the register does not change', async (t) => {
    const env = await setup();
    const { server, office, vendor, contract } = env;
    t.after(() => server.stop());
    const request = await ask(office, contract.id, { kind: 'add', number: NUMBER });
    expectError(await vendor.post(`/callcentre/number-requests/${request.id}/decline`, { reason: ' ' }), 400,
        'InvalidArgument', 'reason');
    const declined = expectStatus(await vendor.post(`/callcentre/number-requests/${request.id}/decline`, {
        reason: '该号码未在运营商处完成实名登记',
    }), 200).body;
    assert.deepEqual([declined.status, declined.decision_note, declined.effective_on],
        ['declined', '该号码未在运营商处完成实名登记', null]);
    assert.deepEqual(declined.events.map((event) => [event.action, event.comment]),
        [['request', REASON], ['decline', '该号码未在运营商处完成实名登记']]);
    assert.deepEqual((await registerOf(office, contract.id)).history, []);
    expectError(await vendor.post(`/callcentre/number-requests/${request.id}/carry-out`, {
        effective_on: FAKE_TODAY, note: '已配置',
    }), 409, 'FailedPrecondition');
    // Once answered, the number may be asked for again.
    await ask(office, contract.id, { kind: 'add', number: NUMBER });
});

test('ROLE-8 only the contract\'s own vendor sees its register and reports requests; the office asks but does not carry out', async (t) => {
    const env = await setup();
    const { server, office, vendor, vendor2, contract } = env;
    t.after(() => server.stop());
    const request = await ask(office, contract.id, { kind: 'add', number: NUMBER });
    expectError(await vendor2.get(`/contracts/${contract.id}/outbound-numbers`), 404, 'NotFound');
    expectError(await vendor2.post(`/callcentre/number-requests/${request.id}/carry-out`, {
        effective_on: FAKE_TODAY, note: '已配置',
    }), 404, 'NotFound');
    expectError(await vendor2.post(`/callcentre/number-requests/${request.id}/decline`, { reason: '不是我们的' }), 404,
        'NotFound');
    expectError(await office.post(`/callcentre/number-requests/${request.id}/carry-out`, {
        effective_on: FAKE_TODAY, note: '已配置',
    }), 403, 'PermissionDenied');
    expectError(await vendor.post(`/contracts/${contract.id}/number-requests`, {
        kind: 'add', number: '02088889999', reason: REASON,
    }), 403, 'PermissionDenied');
    assert.equal((await registerOf(vendor, contract.id)).items[0].status, 'requested', 'nothing was written');
});

test('ROLE-4 discipline inspection and leadership read the register and change nothing; a department reads none', async (t) => {
    const env = await setup();
    const { server, office, jiwei, leader, dept, admin, contract } = env;
    t.after(() => server.stop());
    const request = await ask(office, contract.id, { kind: 'add', number: NUMBER });
    for (const reader of [jiwei, leader]) {
        const list = await registerOf(reader, contract.id);
        assert.deepEqual(list.items.map((item) => [item.id, item.allowed_actions]), [[request.id, []]]);
        assert.equal(list.can_request, false);
        expectError(await reader.post(`/contracts/${contract.id}/number-requests`, {
            kind: 'add', number: '02088889999', reason: REASON,
        }), 403, 'PermissionDenied');
        expectError(await reader.post(`/callcentre/number-requests/${request.id}/decline`, { reason: '越权' }), 403,
            'PermissionDenied');
    }
    expectError(await dept.get(`/contracts/${contract.id}/outbound-numbers`), 403, 'PermissionDenied');
    expectError(await admin.post(`/contracts/${contract.id}/number-requests`, {
        kind: 'add', number: '02088889999', reason: REASON,
    }), 403, 'PermissionDenied');
    assert.equal((await registerOf(office, contract.id)).items[0].status, 'requested');
});

test('CC-2 one number asked for four times at once by two sessions: one request, the others get 409 on number', async (t) => {
    // On PostgreSQL (READ COMMITTED) each request checked the open requests before the others wrote, and the vendor
    // found the same number asked for several times. The register and requests are now read and written under the
    // contract's lock. Several numbers: the window is a few milliseconds.
    const { server, office, contract } = await setup();
    t.after(() => server.stop());
    const officeAgain = await login(server.url, 'office');
    for (let round = 0; round < 4; round += 1) {
        const number = `0208888700${round}`;
        const attempts = await Promise.all([office, officeAgain, office, officeAgain].map((client) => client.post(
            `/contracts/${contract.id}/number-requests`, { kind: 'add', number, label: '回访专线', reason: REASON },
        )));
        assert.equal(attempts.filter((response) => response.status === 201).length, 1,
            `round ${round}: one request: ${attempts.map((response) => response.status)}`);
        for (const response of attempts.filter((item) => item.status !== 201)) expectError(response, 409, 'AlreadyExists', 'number');
    }
});

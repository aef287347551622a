// Replacement requests (STF-4, D2 staff rule 6, issue 13): the office asks in writing for a person on a roster to be
// replaced, with the reason and the scanned letter; the person's vendor names the replacement (someone on the same
// roster) and reports back; the office confirms it or returns it with a reason. The deadline is the setting
// staff.replacement_days in force when asked (default 7), kept with the request; a request still waiting for the
// vendor after its deadline is flagged and waits in the to-do lists. Every step keeps who, when and why.
// Time moves by talking to a second server with a later clock on the same database, never by restarting one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_NOW, FAKE_TODAY, contractFixtures, createActiveContract, expectError, expectStatus, listAll,
    prepareDatabase, startServer, validContent,
} from './harness.mjs';
import { addDays, dateOfYear, monthStart } from '../clock.mjs';

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

function personBody(name, sequence) {
    return {
        name, id_number: idNumber(dateOfYear(-35, '06-01'), sequence), phone: '13800000000', role: 'cleaner',
        post: '保洁员', start_date: FIRST, end_date: null,
    };
}

/**
 * A demo database; two active contracts of vendor1 from the first of last month (the second only to hold a person
 * who is not on the first's roster); on the first, the person to be replaced and the one who takes over.
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
    const add = async (contractId, name, sequence) =>
        expectStatus(await vendor.post(`/contracts/${contractId}/staff`, personBody(name, sequence)), 201, name).body;
    const person = await add(contract.id, '陈保洁', 11);
    const successor = await add(contract.id, '林接替', 13);
    const elsewhere = await add(other.id, '吴别处', 15);
    return {
        db, server, as, office, vendor, contract, other, person, successor, elsewhere,
        admin: await as('admin'), vendor2: await as('vendor2'), jiwei: await as('jiwei'), leader: await as('leader'),
        dept: await as('dept'),
    };
}

/** A small PDF uploaded by `client`: the scanned written request. */
async function uploadLetter(client, filename = '人员更换函.pdf') {
    const bytes = Buffer.from('%PDF-1.4\n% replacement letter\n%%EOF\n');
    return expectStatus(await client.post('/attachments', bytes, {
        headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(filename) },
    }), 201, 'upload the letter').body;
}

const REASON = '该保洁员多次未按规定完成楼道清洁,经提醒仍未改正';

async function ask(office, contractId, personId, extra = {}) {
    return expectStatus(await office.post(`/contracts/${contractId}/replacements`, {
        person_id: personId, reason: REASON, ...extra,
    }), 201, 'ask for a replacement').body;
}

async function listOf(client, contractId) {
    return expectStatus(await client.get(`/contracts/${contractId}/replacements`), 200).body;
}

async function auditOf(reader, id) {
    return (await listAll(reader, '/audit', { entity: 'staff_replacement' })).filter((entry) => entry.entity_id === id);
}

test('STF-4 the office asks in writing for a person to be replaced, with the reason and the scanned letter', async (t) => {
    const { server, office, vendor, vendor2, jiwei, contract, person } = await setup();
    t.after(() => server.stop());
    const letter = await uploadLetter(office);
    const request = await ask(office, contract.id, person.id, { attachment_id: letter.id });
    assert.equal(request.status, 'open');
    assert.equal(request.person_id, person.id);
    assert.equal(request.person_name, '陈保洁');
    assert.equal(request.reason, REASON);
    assert.equal(request.attachment_id, letter.id);
    assert.equal(request.attachment_name, '人员更换函.pdf');
    assert.equal(request.requested_on, FAKE_TODAY);
    assert.equal(request.replacement_id, null);
    assert.equal(request.overdue_days, 0);
    assert.deepEqual(request.allowed_actions, [], 'the office has nothing to do until the vendor reports');
    // Who, when and why: the request is the first step of its history.
    assert.equal(request.events.length, 1);
    assert.equal(request.events[0].action, 'request');
    assert.equal(request.events[0].to_state, 'open');
    assert.equal(request.events[0].actor_name, DEMO.office.username);
    assert.equal(request.events[0].comment, REASON);
    assert.ok(request.events[0].at, 'the step has its time');

    const seen = await listOf(vendor, contract.id);
    assert.deepEqual(seen.items.map((item) => [item.id, item.status]), [[request.id, 'open']]);
    assert.deepEqual(seen.items[0].allowed_actions, ['report'], 'the vendor reports next');
    assert.equal(seen.can_request, false, 'only the office asks');
    assert.equal((await listOf(office, contract.id)).can_request, true);

    // the letter is as visible as the request: its vendor reads it, another vendor does not.
    expectStatus(await vendor.get(`/attachments/${letter.id}`), 200, 'the vendor reads the letter');
    expectError(await vendor2.get(`/attachments/${letter.id}`), 404, 'NotFound');

    const entries = await auditOf(jiwei, request.id);
    assert.deepEqual(entries.map((entry) => entry.action), ['create'], 'the request is on the audit trail');
});

test('STF-4 the deadline is the setting in force when asked, kept with the request when the setting changes', async (t) => {
    const { server, office, admin, contract, person, successor } = await setup();
    t.after(() => server.stop());
    assert.equal((await listOf(office, contract.id)).deadline_days, 7, 'the default is 7 days');
    const first = await ask(office, contract.id, person.id);
    assert.equal(first.deadline_days, 7);
    assert.equal(first.deadline, addDays(FAKE_TODAY, 7));

    expectStatus(await admin.put('/settings/staff.replacement_days', { value: 3, reason: '按新签协议缩短更换期限' }), 200);
    assert.equal((await listOf(office, contract.id)).deadline_days, 3);
    const second = await ask(office, contract.id, successor.id);
    assert.equal(second.deadline_days, 3);
    assert.equal(second.deadline, addDays(FAKE_TODAY, 3));
    const kept = (await listOf(office, contract.id)).items.find((item) => item.id === first.id);
    assert.deepEqual([kept.deadline_days, kept.deadline], [7, addDays(FAKE_TODAY, 7)], 'the earlier request keeps its deadline');
});

test('STF-4 a vendor sees only its own contracts\' requests; roles without staff:read see none', async (t) => {
    const { server, office, vendor, vendor2, jiwei, leader, dept, contract, person } = await setup();
    t.after(() => server.stop());
    const request = await ask(office, contract.id, person.id);
    for (const reader of [office, vendor, jiwei, leader]) {
        assert.deepEqual((await listOf(reader, contract.id)).items.map((item) => item.id), [request.id]);
    }
    expectError(await vendor2.get(`/contracts/${contract.id}/replacements`), 404, 'NotFound');
    expectError(await dept.get(`/contracts/${contract.id}/replacements`), 403, 'PermissionDenied');
    expectError(await vendor2.post(`/staff/replacements/${request.id}/report`, { replacement_id: person.id, note: '越权' }),
        404, 'NotFound');
});

test('STF-4 the vendor reports naming a replacement on the same roster, and the office confirms it', async (t) => {
    const { server, office, vendor, jiwei, contract, person, successor } = await setup();
    t.after(() => server.stop());
    const request = await ask(office, contract.id, person.id);
    const reported = expectStatus(await vendor.post(`/staff/replacements/${request.id}/report`, {
        replacement_id: successor.id, note: '已核实,陈保洁调离本项目,由林接替接岗',
    }), 200).body;
    assert.equal(reported.status, 'reported');
    assert.equal(reported.replacement_id, successor.id);
    assert.equal(reported.replacement_name, '林接替');
    assert.equal(reported.report_note, '已核实,陈保洁调离本项目,由林接替接岗');
    assert.ok(reported.reported_at, 'the report has its time');
    assert.deepEqual(reported.allowed_actions, [], 'the vendor waits for the office');

    const waiting = (await listOf(office, contract.id)).items[0];
    assert.deepEqual([...waiting.allowed_actions].sort(), ['confirm', 'return']);
    const closed = expectStatus(await office.post(`/staff/replacements/${request.id}/confirm`, { comment: '已到岗核实' }),
        200).body;
    assert.equal(closed.status, 'closed');
    assert.deepEqual(closed.allowed_actions, []);
    assert.deepEqual(closed.events.map((event) => [event.action, event.from_state, event.to_state, event.actor_name, event.comment]), [
        ['request', '', 'open', DEMO.office.username, REASON],
        ['report', 'open', 'reported', DEMO.vendor1.username, '已核实,陈保洁调离本项目,由林接替接岗'],
        ['confirm', 'reported', 'closed', DEMO.office.username, '已到岗核实'],
    ], 'every step keeps who and why');
    assert.ok(closed.events.every((event) => event.at), 'and when');
    assert.deepEqual((await auditOf(jiwei, request.id)).map((entry) => entry.action).sort(), ['close', 'create', 'report']);
});

test('STF-4 the office returns a report with its reason; the vendor reports again', async (t) => {
    const { server, office, vendor, contract, person, successor } = await setup();
    t.after(() => server.stop());
    const request = await ask(office, contract.id, person.id);
    expectStatus(await vendor.post(`/staff/replacements/${request.id}/report`, { replacement_id: successor.id, note: '已更换' }), 200);
    expectError(await office.post(`/staff/replacements/${request.id}/return`, { reason: '  ' }), 400, 'InvalidArgument', 'reason');
    const returned = expectStatus(await office.post(`/staff/replacements/${request.id}/return`, {
        reason: '接替人员尚未提交健康证,请补齐后再报',
    }), 200).body;
    assert.equal(returned.status, 'returned');
    assert.equal(returned.events.at(-1).action, 'return');
    assert.equal(returned.events.at(-1).comment, '接替人员尚未提交健康证,请补齐后再报');
    assert.deepEqual((await listOf(vendor, contract.id)).items[0].allowed_actions, ['report']);
    const again = expectStatus(await vendor.post(`/staff/replacements/${request.id}/report`, {
        replacement_id: successor.id, note: '健康证已补齐',
    }), 200).body;
    assert.equal(again.status, 'reported');
    assert.deepEqual(again.events.map((event) => event.action), ['request', 'report', 'return', 'report']);
});

test('STF-4 refused inputs name the field or the reason and write nothing', async (t) => {
    const { server, office, vendor, jiwei, contract, person, successor, elsewhere } = await setup();
    t.after(() => server.stop());
    const url = `/contracts/${contract.id}/replacements`;
    expectError(await office.post(url, { person_id: person.id }), 400, 'InvalidArgument', 'reason');
    expectError(await office.post(url, { person_id: person.id, reason: '   ' }), 400, 'InvalidArgument', 'reason');
    expectError(await office.post(url, { reason: REASON }), 400, 'InvalidArgument', 'person_id');
    expectError(await office.post(url, { person_id: elsewhere.id, reason: REASON }), 400, 'InvalidArgument', 'person_id');
    expectError(await office.post(url, { person_id: person.id, reason: REASON, attachment_id: 987654321 }), 400,
        'InvalidArgument', 'attachment_id');
    // Only the office asks.
    expectError(await vendor.post(url, { person_id: person.id, reason: REASON }), 403, 'PermissionDenied');
    assert.deepEqual((await listOf(office, contract.id)).items, [], 'no refused request was written');

    const request = await ask(office, contract.id, person.id);
    expectError(await office.post(url, { person_id: person.id, reason: '再次要求' }), 409, 'AlreadyExists', 'person_id');
    const report = `/staff/replacements/${request.id}/report`;
    expectError(await vendor.post(report, { replacement_id: elsewhere.id, note: '由别处人员接替' }), 400, 'InvalidArgument',
        'replacement_id');
    expectError(await vendor.post(report, { replacement_id: person.id, note: '本人接替' }), 400, 'InvalidArgument',
        'replacement_id');
    expectError(await vendor.post(report, { note: '未指定' }), 400, 'InvalidArgument', 'replacement_id');
    expectError(await vendor.post(report, { replacement_id: successor.id, note: '' }), 400, 'InvalidArgument', 'note');
    // Wrong roles for each step.
    expectError(await office.post(report, { replacement_id: successor.id, note: '代为回复' }), 403, 'PermissionDenied');
    expectError(await vendor.post(`/staff/replacements/${request.id}/confirm`, {}), 403, 'PermissionDenied');
    expectError(await jiwei.post(`/staff/replacements/${request.id}/return`, { reason: '越权' }), 403, 'PermissionDenied');
    // The office cannot confirm what was not reported yet.
    expectError(await office.post(`/staff/replacements/${request.id}/confirm`, {}), 409, 'FailedPrecondition');
    expectError(await office.post('/staff/replacements/987654321/confirm', {}), 404, 'NotFound');
    const untouched = (await listOf(office, contract.id)).items;
    assert.deepEqual(untouched.map((item) => [item.status, item.replacement_id, item.events.length]), [['open', null, 1]]);

    expectStatus(await vendor.post(report, { replacement_id: successor.id, note: '已更换' }), 200);
    const auditBefore = (await auditOf(jiwei, request.id)).length;
    const twice = expectError(await vendor.post(report, { replacement_id: successor.id, note: '再次回复' }), 409,
        'FailedPrecondition');
    assert.match(twice.message['zh-CN'], /已回复待确认/, 'the status is named in words');
    const after = (await listOf(office, contract.id)).items[0];
    assert.deepEqual([after.status, after.report_note, after.events.length], ['reported', '已更换', 2],
        'the second report changed nothing');
    assert.equal((await auditOf(jiwei, request.id)).length, auditBefore, 'and wrote no audit entry');
});

test('X-2 a request still waiting for the vendor after its deadline is flagged overdue, and the flag ends with the report', async (t) => {
    const { db, server, office, contract, person, successor } = await setup();
    t.after(() => server.stop());
    const request = await ask(office, contract.id, person.id);
    const at = (date) => `${date}${FAKE_NOW.slice(10)}`;
    const onDeadline = await startServer(db, { fakeNow: at(request.deadline) });
    t.after(() => onDeadline.stop());
    const officeThen = await login(onDeadline.url, 'office');
    assert.equal((await listOf(officeThen, contract.id)).items[0].overdue_days, 0, 'the deadline day itself is in time');

    const later = await startServer(db, { fakeNow: at(addDays(request.deadline, 2)) });
    t.after(() => later.stop());
    const officeLater = await login(later.url, 'office');
    const vendorLater = await login(later.url, 'vendor1');
    assert.equal((await listOf(officeLater, contract.id)).items[0].overdue_days, 2, 'two days past the deadline');
    assert.equal((await listOf(vendorLater, contract.id)).items[0].overdue_days, 2, 'the vendor sees the flag too');
    const reported = expectStatus(await vendorLater.post(`/staff/replacements/${request.id}/report`, {
        replacement_id: successor.id, note: '逾期后完成更换',
    }), 200).body;
    assert.equal(reported.overdue_days, 0, 'a reported request waits for the office, not for the vendor');
    assert.equal(reported.deadline, request.deadline, 'the deadline itself never moves');
});

test('STF-4 a person who has left is neither asked to be replaced nor named to take over', async (t) => {
    const { server, office, vendor, contract, person, successor } = await setup();
    t.after(() => server.stop());
    const left = { ...personBody('林接替', 13), end_date: addDays(FAKE_TODAY, -1) };
    const request = await ask(office, contract.id, person.id);
    expectStatus(await vendor.put(`/staff/${successor.id}`, left), 200, 'the successor left yesterday');
    expectError(await vendor.post(`/staff/replacements/${request.id}/report`, { replacement_id: successor.id, note: '已更换' }),
        400, 'InvalidArgument', 'replacement_id');
    expectError(await office.post(`/contracts/${contract.id}/replacements`, { person_id: successor.id, reason: REASON }), 400,
        'InvalidArgument', 'person_id');
    assert.deepEqual((await listOf(office, contract.id)).items.map((item) => [item.id, item.status]), [[request.id, 'open']]);
});

async function inboxItems(client, id) {
    const inbox = expectStatus(await client.get('/inbox'), 200).body;
    return inbox.items.filter((item) => item.object_type === 'staff_replacement' && item.object_id === id);
}

test('X-2 a replacement request waits in the vendor\'s to-do list with its deadline, and in the office\'s once reported or overdue', async (t) => {
    const { db, server, office, vendor, vendor2, contract, person, successor } = await setup();
    t.after(() => server.stop());
    const request = await ask(office, contract.id, person.id);
    const waiting = await inboxItems(vendor, request.id);
    assert.deepEqual(waiting.map((item) => [item.kind, item.due, item.link]),
        [['replacement_report', request.deadline, `/contracts/${contract.id}`]]);
    assert.match(waiting[0].title['zh-CN'], /陈保洁/);
    assert.deepEqual(await inboxItems(vendor2, request.id), [], 'another vendor is not told');
    assert.deepEqual(await inboxItems(office, request.id), [], 'nothing for the office while the vendor is in time');

    const later = await startServer(db, { fakeNow: `${addDays(request.deadline, 2)}${FAKE_NOW.slice(10)}` });
    t.after(() => later.stop());
    const officeLater = await login(later.url, 'office');
    const vendorLater = await login(later.url, 'vendor1');
    const overdue = await inboxItems(officeLater, request.id);
    assert.deepEqual(overdue.map((item) => [item.kind, item.due]), [['replacement_overdue', request.deadline]],
        'past its deadline the office is reminded to chase the vendor');
    assert.match(overdue[0].title['zh-CN'], /已逾期 2 天/);
    const late = await inboxItems(vendorLater, request.id);
    assert.equal(late[0].kind, 'replacement_report');
    assert.match(late[0].title['zh-CN'], /已逾期 2 天/, 'and the vendor reads how late it is');

    expectStatus(await vendorLater.post(`/staff/replacements/${request.id}/report`, {
        replacement_id: successor.id, note: '已更换',
    }), 200);
    assert.deepEqual((await inboxItems(officeLater, request.id)).map((item) => item.kind), ['replacement_confirm']);
    assert.deepEqual(await inboxItems(vendorLater, request.id), [], 'reported, the vendor waits');
    expectStatus(await officeLater.post(`/staff/replacements/${request.id}/confirm`, {}), 200);
    assert.deepEqual(await inboxItems(officeLater, request.id), [], 'confirmed, nothing waits');
});

test('STF-4 one person\'s replacement asked for four times at once by two sessions: one request, the others get 409 on person_id', async (t) => {
    // On PostgreSQL (READ COMMITTED) each request checked that the person had no request in progress before the others
    // wrote: the vendor got the same replacement request several times. The check and the request are now made under
    // the roster's lock.
    const { server, as, office, vendor, contract, person } = await setup();
    t.after(() => server.stop());
    const officeAgain = await as('office');
    const people = [person, expectStatus(await vendor.post(`/contracts/${contract.id}/staff`, personBody('周保洁', 17)), 201).body,
        expectStatus(await vendor.post(`/contracts/${contract.id}/staff`, personBody('郑保洁', 19)), 201).body];
    for (const [round, target] of people.entries()) {
        const attempts = await Promise.all([office, officeAgain, office, officeAgain].map((client) => client.post(
            `/contracts/${contract.id}/replacements`, { person_id: target.id, reason: REASON },
        )));
        assert.equal(attempts.filter((response) => response.status === 201).length, 1,
            `round ${round}: one request: ${attempts.map((response) => response.status)}`);
        for (const response of attempts.filter((item) => item.status !== 201)) expectError(response, 409, 'AlreadyExists', 'person_id');
    }
    assert.equal((await listOf(office, contract.id)).items.length, 3, 'one request per person');
});

// Penalty suggestions (CC-4, D2 call centre, issue 14): the office suggests a penalty for a named agent on the
// contract's roster, for a month, with written evidence (a recording reference and/or a supervision note, optionally
// a file). Only suggestions submitted before 00:00 Asia/Shanghai on the 2nd of the following month count for that
// month: a later one is refused for it, naming the month, the reason and the deadline, and nothing is written. The
// vendor verifies each and accepts it or rejects it with a reason; accepted ones are what the monthly assessment
// deducts (features/callcentre/method_store.h). Every step keeps who, when and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_NOW, contractFixtures, createActiveContract, expectError, expectStatus, listAll,
    prepareDatabase, startServer, validContent,
} from './harness.mjs';
import { addDays, at, dateOfYear, month as monthOf, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);
const LAST_MONTH = monthOf(-1);
const THIS_MONTH = monthOf(0);
/** The 2nd of this month, 00:00: the first instant too late for last month. */
const DEADLINE_DAY = addDays(monthStart(0), 1);

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
        name, id_number: idNumber(dateOfYear(-28, '05-01'), sequence), phone: '13800000000', role: 'agent',
        post: '话务员', start_date: startDate, end_date: null,
    };
}

/** A demo database; an active contract of vendor1 from the first of last month with two agents, and one next month. */
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
        upcoming: await add(contract.id, personBody('赵未到岗', 35, monthStart(1))),
        elsewhere: await add(other.id, personBody('吴别处', 37)),
        vendor2: await as('vendor2'), jiwei: await as('jiwei'), dept: await as('dept'), leader: await as('leader'),
    };
}

const NOTE = '督导抽查:外呼时未按规范核实客户身份';

async function suggest(office, contractId, body) {
    return expectStatus(await office.post(`/contracts/${contractId}/penalty-suggestions`, body), 201,
        `suggest ${JSON.stringify(body)}`).body;
}

async function listOf(client, contractId, query = '') {
    return expectStatus(await client.get(`/contracts/${contractId}/penalty-suggestions${query}`), 200).body;
}

const iso = (instant) => instant.replace(/(:\d{2})\+08:00$/, '$1.000+08:00');

test('CC-4 the office suggests a penalty with written evidence for last month, in time; the vendor accepts it', async (t) => {
    const { server, office, vendor, jiwei, contract, zhang } = await setup();
    t.after(() => server.stop());
    const before = await listOf(office, contract.id);
    assert.equal(before.can_submit, true);
    assert.equal((await listOf(vendor, contract.id)).can_submit, false, 'the vendor does not suggest penalties');
    assert.deepEqual(before.agents.map((agent) => agent.name).sort(), ['张坐席', '李坐席', '赵未到岗'].sort());

    const bytes = Buffer.from('%PDF-1.4\n% supervision record\n%%EOF\n');
    const scan = expectStatus(await office.post('/attachments', bytes, {
        headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent('督导记录.pdf') },
    }), 201, 'upload the record').body;
    const made = await suggest(office, contract.id, {
        person_id: zhang.id, recording_ref: ' REC-0518-0031 ', supervision_note: NOTE, attachment_id: scan.id,
    });
    assert.deepEqual([made.person_name, made.month, made.recording_ref, made.supervision_note, made.attachment_name],
        ['张坐席', before.open_month, 'REC-0518-0031', NOTE, '督导记录.pdf']);
    assert.equal(made.submitted_at, iso(FAKE_NOW), 'submitted at the server\'s clock');
    assert.equal(made.in_time, true);
    assert.match(made.deadline_reason['zh-CN'], /计入/);
    assert.deepEqual([made.status, made.status_name['zh-CN']], ['submitted', '待乙方核实']);
    assert.deepEqual(made.allowed_actions, []);

    const own = (await listOf(vendor, contract.id)).items[0];
    assert.deepEqual(own.allowed_actions, ['accept', 'reject']);
    const accepted = expectStatus(await vendor.post(`/callcentre/penalty-suggestions/${made.id}/accept`,
        { note: '已核实录音' }), 200).body;
    assert.deepEqual([accepted.status, accepted.decision_note, accepted.allowed_actions], ['accepted', '已核实录音', []]);
    assert.deepEqual(accepted.events.map((event) => [event.action, event.role]), [['submit', 'office'], ['accept', 'vendor']]);

    const read = await listOf(jiwei, contract.id, `?month=${made.month}`);
    assert.deepEqual(read.items.map((item) => [item.id, item.status]), [[made.id, 'accepted']]);
    expectStatus(await jiwei.get(`/attachments/${scan.id}`), 200, 'the evidence is read with the suggestion');
    assert.deepEqual((await listOf(jiwei, contract.id, `?month=${monthOf(-5)}`)).items, []);
    const audit = (await listAll(jiwei, '/audit', { entity: 'cc_penalty_suggestion' }))
        .filter((entry) => entry.entity_id === made.id).map((entry) => entry.action).sort();
    assert.deepEqual(audit, ['accept', 'create']);
});

test('CC-4 a suggestion at 23:59:59 on the 1st counts for last month and is accepted; one at 00:00 on the 2nd is refused naming month, the reason and the deadline', async (t) => {
    const env = await setup();
    const { db, server, contract, zhang, li } = env;
    const lastSecond = await startServer(db, { fakeNow: at(monthStart(0), '23:59:59') });
    const tooLate = await startServer(db, { fakeNow: at(DEADLINE_DAY, '00:00') });
    t.after(() => Promise.all([server.stop(), lastSecond.stop(), tooLate.stop()]));

    const officeInTime = await login(lastSecond.url, 'office');
    const inTime = await suggest(officeInTime, contract.id, { person_id: zhang.id, month: LAST_MONTH, recording_ref: 'REC-1' });
    assert.deepEqual([inTime.month, inTime.in_time, inTime.submitted_at, inTime.deadline],
        [LAST_MONTH, true, `${monthStart(0)}T23:59:59.000+08:00`, `${DEADLINE_DAY}T00:00:00.000+08:00`]);
    const vendorInTime = await login(lastSecond.url, 'vendor1');
    expectStatus(await vendorInTime.post(`/callcentre/penalty-suggestions/${inTime.id}/accept`, {}), 200);
    const openAtLastSecond = await listOf(officeInTime, contract.id);
    assert.equal(openAtLastSecond.open_month, LAST_MONTH, 'until the deadline, last month is the default');
    assert.equal(openAtLastSecond.open_deadline_text, `${DEADLINE_DAY} 00:00`);

    const officeLate = await login(tooLate.url, 'office');
    const refused = expectError(await officeLate.post(`/contracts/${contract.id}/penalty-suggestions`,
        { person_id: li.id, month: LAST_MONTH, supervision_note: NOTE }), 400, 'InvalidArgument', 'month');
    const reason = refused.fields.find((field) => field.field === 'month').message;
    assert.match(reason['zh-CN'], new RegExp(`已过 ${LAST_MONTH} 月处罚建议的截止时间 ${DEADLINE_DAY} 00:00`));
    assert.match(reason['zh-CN'], /不计入/);
    assert.match(reason.en, new RegExp(`not before the ${LAST_MONTH} deadline of ${DEADLINE_DAY} 00:00`));
    const after = await listOf(officeLate, contract.id);
    assert.deepEqual(after.items.map((item) => item.id), [inTime.id], 'nothing written');
    assert.equal(after.open_month, THIS_MONTH, 'from the 2nd, a new suggestion is for this month');
    // This month's suggestion is in time (the default month).
    const current = await suggest(officeLate, contract.id, { person_id: li.id, supervision_note: NOTE });
    assert.deepEqual([current.month, current.in_time], [THIS_MONTH, true]);
});

test('CC-4 refusals name the field in words and write nothing', async (t) => {
    const { server, office, contract, zhang, upcoming, elsewhere } = await setup();
    t.after(() => server.stop());
    const post = (body) => office.post(`/contracts/${contract.id}/penalty-suggestions`, body);
    const none = expectError(await post({ person_id: zhang.id, recording_ref: ' ', supervision_note: '' }), 400,
        'InvalidArgument', 'recording_ref');
    assert.ok(none.fields.some((field) => field.field === 'supervision_note'));
    assert.match(none.fields[0].message['zh-CN'], /至少一项/);
    expectError(await post({ recording_ref: 'REC-2' }), 400, 'InvalidArgument', 'person_id');
    expectError(await post({ person_id: elsewhere.id, recording_ref: 'REC-2' }), 400, 'InvalidArgument', 'person_id');
    const notYet = expectError(await post({ person_id: upcoming.id, month: LAST_MONTH, recording_ref: 'REC-2' }), 400,
        'InvalidArgument', 'person_id');
    assert.match(notYet.fields[0].message['zh-CN'], /不在本合同的人员名单上/);
    expectError(await post({ person_id: zhang.id, month: 'May', recording_ref: 'REC-2' }), 400, 'InvalidArgument', 'month');
    expectError(await post({ person_id: zhang.id, month: monthOf(1), recording_ref: 'REC-2' }), 400, 'InvalidArgument', 'month');
    expectError(await post({ person_id: zhang.id, recording_ref: 'REC-2', attachment_id: 999999 }), 400,
        'InvalidArgument', 'attachment_id');
    expectError(await post({ person_id: zhang.id, supervision_note: 'x'.repeat(2001) }), 400, 'InvalidArgument',
        'supervision_note');
    assert.deepEqual((await listOf(office, contract.id)).items, [], 'nothing written');
});

test('CC-4 the vendor rejects with a reason; an answered suggestion cannot be answered again; who may suggest, answer and read', async (t) => {
    const { server, office, vendor, vendor2, jiwei, dept, leader, contract, zhang } = await setup();
    t.after(() => server.stop());
    expectError(await vendor.post(`/contracts/${contract.id}/penalty-suggestions`,
        { person_id: zhang.id, recording_ref: 'REC-3' }), 403, 'PermissionDenied');
    expectError(await leader.post(`/contracts/${contract.id}/penalty-suggestions`,
        { person_id: zhang.id, recording_ref: 'REC-3' }), 403, 'PermissionDenied');
    const made = await suggest(office, contract.id, { person_id: zhang.id, recording_ref: 'REC-3' });
    expectError(await office.post(`/callcentre/penalty-suggestions/${made.id}/accept`, {}), 403, 'PermissionDenied');
    expectError(await vendor2.post(`/callcentre/penalty-suggestions/${made.id}/accept`, {}), 404, 'NotFound');
    expectError(await vendor2.get(`/contracts/${contract.id}/penalty-suggestions`), 404, 'NotFound');
    expectError(await dept.get(`/contracts/${contract.id}/penalty-suggestions`), 403, 'PermissionDenied');
    expectError(await vendor.post(`/callcentre/penalty-suggestions/${made.id}/reject`, { reason: ' ' }), 400,
        'InvalidArgument', 'reason');
    const rejected = expectStatus(await vendor.post(`/callcentre/penalty-suggestions/${made.id}/reject`,
        { reason: '录音显示该坐席已按规范核实' }), 200).body;
    assert.deepEqual([rejected.status, rejected.status_name['zh-CN'], rejected.decision_note],
        ['rejected', '乙方未采纳', '录音显示该坐席已按规范核实']);
    const again = expectError(await vendor.post(`/callcentre/penalty-suggestions/${made.id}/accept`, {}), 409,
        'FailedPrecondition');
    assert.match(again.message['zh-CN'], /乙方未采纳/);
    const read = await listOf(jiwei, contract.id);
    assert.deepEqual(read.items.map((item) => [item.status, item.allowed_actions]), [['rejected', []]]);
    const audit = (await listAll(jiwei, '/audit', { entity: 'cc_penalty_suggestion' }))
        .filter((entry) => entry.entity_id === made.id).map((entry) => entry.action).sort();
    assert.deepEqual(audit, ['create', 'reject']);
});

test('X-2 the office is reminded on the 1st that last month\'s penalty suggestions close at 00:00 on the 2nd; no longer from the 2nd', async (t) => {
    const { db, server, office, vendor, contract } = await setup();
    const firstDay = await startServer(db, { fakeNow: at(monthStart(0), '09:00') });
    const secondDay = await startServer(db, { fakeNow: at(DEADLINE_DAY, '00:00') });
    t.after(() => Promise.all([server.stop(), firstDay.stop(), secondDay.stop()]));
    const reminders = async (client) => expectStatus(await client.get('/dashboard'), 200).body.reminders
        .filter((reminder) => reminder.kind === 'penalty_deadline' && reminder.link === `/contracts/${contract.id}`);
    const officeFirst = await login(firstDay.url, 'office');
    assert.deepEqual(await reminders(officeFirst), [], 'a contract without an approved scoring method is not reminded');
    const method = expectStatus(await vendor.post(`/contracts/${contract.id}/scoring-methods`, {
        effective_from: LAST_MONTH, visits_target: 400, talk_seconds_target: 72000,
    }), 201).body;
    expectStatus(await vendor.post(`/callcentre/scoring-methods/${method.id}/submit`, {}), 200);
    expectStatus(await office.post(`/callcentre/scoring-methods/${method.id}/approve`, {}), 200);
    const [reminder] = await reminders(officeFirst);
    assert.ok(reminder, 'reminded on the 1st');
    assert.equal(reminder.due, monthStart(0));
    assert.match(reminder.title['zh-CN'], new RegExp(`${LAST_MONTH} 月的坐席处罚建议于 ${DEADLINE_DAY} 00:00 截止`));
    assert.match(reminder.title.en, new RegExp(`penalty suggestions for ${LAST_MONTH} close at ${DEADLINE_DAY} 00:00`));
    assert.deepEqual(await reminders(await login(firstDay.url, 'leader')), [], 'only the office suggests penalties');
    assert.deepEqual(await reminders(await login(secondDay.url, 'office')), [], 'from the 2nd, nothing to remind');
});

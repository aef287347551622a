// Incidents on a contract (STF-7, issue 13): labour disputes (D3 §4), injuries at and outside work (D3 §5), damaged
// or lost documents and property (D4 §3.7), on-site rule violations (D2) and data leaks by USB copy, print or e-mail
// (D2 on-site rule 3, CC-7), with the people involved from the roster, the responsible party who pays the
// compensation (integer fen in the database, decimal strings in the API, X-6), scans, and a one-way closure with a
// note. The office and the contract's vendor write them; whoever reads the contract's staff reads them. They appear
// in the period report (SUP-7) and the renewal basis (RP-5). Every write has its audit entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, contractFixtures, createActiveContract, expectError, expectStatus, listAll, prepareDatabase,
    startServer, uploadScan, validContent,
} from './harness.mjs';
import { TODAY, addDays, dateOfYear, month, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid GB 11643 ID number: region 440681, a birth date, a sequence. */
function idNumber(birth, sequence) {
    const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
    return first17 + '10X98765432'[sum % 11];
}

async function login(server, account) {
    const client = new Client(server.url);
    await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
    return client;
}

/** A demo database, an active contract of vendor1 from the first of last month and one person on its roster. */
async function setup() {
    const db = prepareDatabase({ seed: 'demo' });
    const server = await startServer(db);
    const as = (account) => login(server, account);
    const office = await as('office');
    const clients = { office, sifa: await as('sifa'), dangzheng: await as('dangzheng') };
    const fx = await contractFixtures({ as }, office);
    const contract = await createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: FIRST,
    }));
    const vendor = await as('vendor1');
    const person = expectStatus(await vendor.post(`/contracts/${contract.id}/staff`, {
        name: '陈话务', id_number: idNumber(dateOfYear(-31, '06-09'), 21), phone: '13800000001', role: 'agent',
        post: '话务员', start_date: FIRST, end_date: null,
    }), 201).body;
    return {
        server, office, vendor, contract, person, vendor2: await as('vendor2'), jiwei: await as('jiwei'),
        dept: await as('dept'),
    };
}

const LEAK = {
    type: 'data_leak', leak_channel: 'usb_copy', occurred_on: addDays(FIRST, 3), person_ids: [],
    description: '驻场人员用 U 盘拷贝外呼名单', responsible_party: 'party_b', compensation: '500.00', attachment_ids: [],
};

function injury(person) {
    return {
        type: 'injury_at_work', occurred_on: addDays(FIRST, 5), person_ids: [person.id], description: '搬运时扭伤腰部',
        responsible_party: 'undetermined', compensation: '0.00',
    };
}

// STF-7
test('STF-7 the office records an injury at work naming a person on the roster; the vendor and discipline inspection read it with who recorded it', async (t) => {
    const { server, office, vendor, jiwei, contract, person } = await setup();
    t.after(() => server.stop());
    const recorded = expectStatus(await office.post(`/contracts/${contract.id}/incidents`, injury(person)), 201).body;
    assert.equal(recorded.type, 'injury_at_work');
    assert.equal(recorded.status, 'open');
    assert.deepEqual(recorded.people, [{ id: person.id, name: '陈话务' }]);
    assert.equal(recorded.responsible_party, 'undetermined');
    assert.equal(recorded.payer, null, 'nobody pays while the responsible party is undetermined');
    assert.equal(recorded.leak_channel, null);
    assert.deepEqual(recorded.allowed_actions, ['close']);
    assert.deepEqual(recorded.events.map((event) => [event.action, event.to_state, event.comment]),
        [['record', 'open', '搬运时扭伤腰部']]);

    const seenByVendor = expectStatus(await vendor.get(`/contracts/${contract.id}/incidents`), 200).body;
    assert.equal(seenByVendor.can_record, true, 'the vendor records incidents on its own contracts');
    assert.deepEqual(seenByVendor.items.map((item) => [item.id, item.type, item.status]),
        [[recorded.id, 'injury_at_work', 'open']]);
    const seenByJiwei = expectStatus(await jiwei.get(`/contracts/${contract.id}/incidents`), 200).body;
    assert.equal(seenByJiwei.can_record, false, 'discipline inspection reads and writes nothing');
    assert.deepEqual(seenByJiwei.items[0].allowed_actions, []);
    expectError(await jiwei.post(`/contracts/${contract.id}/incidents`, injury(person)), 403, 'PermissionDenied');

    const entries = await listAll(jiwei, '/audit', { entity: 'staff_incident' });
    const created = entries.find((entry) => entry.action === 'create' && entry.entity_id === recorded.id);
    assert.ok(created, `the record is on the audit trail: ${JSON.stringify(entries.slice(0, 2))}`);
});

// CC-7
test('CC-7 a data leak by USB copy is recorded with its channel, Party B responsible and paying 500.00 in integer fen; a leak without its channel is refused', async (t) => {
    const { server, office, vendor, contract } = await setup();
    t.after(() => server.stop());
    expectError(await office.post(`/contracts/${contract.id}/incidents`, { ...LEAK, leak_channel: undefined }), 400,
        'InvalidArgument', 'leak_channel');
    expectError(await office.post(`/contracts/${contract.id}/incidents`, { ...LEAK, leak_channel: 'fax' }), 400,
        'InvalidArgument', 'leak_channel');
    const leak = expectStatus(await office.post(`/contracts/${contract.id}/incidents`, LEAK), 201).body;
    assert.deepEqual([leak.type, leak.leak_channel, leak.responsible_party, leak.payer, leak.compensation],
        ['data_leak', 'usb_copy', 'party_b', 'party_b', '500.00']);
    assert.deepEqual(leak.people, [], 'a leak may name nobody on the roster (D2 on-site rule 3 is about Party A staff)');
    const listed = expectStatus(await vendor.get(`/contracts/${contract.id}/incidents`), 200).body.items;
    assert.deepEqual(listed.map((item) => item.id), [leak.id]);
});

// STF-7
test('STF-7 bad input is refused naming the field in both languages, and nothing is written', async (t) => {
    const { server, office, vendor, jiwei, contract, person } = await setup();
    t.after(() => server.stop());
    const auditBefore = (await listAll(jiwei, '/audit', { entity: 'staff_incident' })).length;
    const cases = [
        [{ ...injury(person), type: 'fire' }, 'type'],
        [{ ...injury(person), type: undefined }, 'type'],
        [{ ...injury(person), person_ids: [person.id + 100000] }, 'person_ids'],
        [{ ...injury(person), person_ids: [] }, 'person_ids'],
        [{ ...injury(person), compensation: '-1.00' }, 'compensation'],
        [{ ...injury(person), compensation: '1.234' }, 'compensation'],
        // more than 64 bits of fen is refused, never wrapped; so is more than the cap.
        [{ ...injury(person), compensation: '92233720368547758.08' }, 'compensation'],
        [{ ...injury(person), compensation: '100000000.01' }, 'compensation'],
        [{ ...injury(person), occurred_on: addDays(TODAY, 1) }, 'occurred_on'],
        [{ ...injury(person), occurred_on: undefined }, 'occurred_on'],
        [{ ...injury(person), description: ' ' }, 'description'],
        [{ ...injury(person), responsible_party: 'party_c' }, 'responsible_party'],
        [{ ...injury(person), attachment_ids: [999999] }, 'attachment_ids'],
    ];
    for (const [body, field] of cases) {
        expectError(await vendor.post(`/contracts/${contract.id}/incidents`, body), 400, 'InvalidArgument', field);
    }
    const refused = expectError(await office.post(`/contracts/${contract.id}/incidents`, { ...injury(person), type: undefined }),
        400, 'InvalidArgument', 'type');
    assert.match(refused.fields.find((entry) => entry.field === 'type').message['zh-CN'], /事件类型/);
    assert.deepEqual(expectStatus(await office.get(`/contracts/${contract.id}/incidents`), 200).body.items, [],
        'no refused incident was written');
    assert.equal((await listAll(jiwei, '/audit', { entity: 'staff_incident' })).length, auditBefore,
        'and no audit entry');
});

// STF-7
test('STF-7 closing needs a note; it is one-way: a second close is 409 naming when it was closed, and writes nothing', async (t) => {
    const { server, office, vendor, jiwei, contract, person } = await setup();
    t.after(() => server.stop());
    const incident = expectStatus(await vendor.post(`/contracts/${contract.id}/incidents`, injury(person)), 201).body;
    expectError(await office.post(`/incidents/${incident.id}/close`, { closed_on: TODAY }), 400, 'InvalidArgument',
        'note');
    expectError(await office.post(`/incidents/${incident.id}/close`, { closed_on: addDays(TODAY, 1), note: '已处理' }),
        400, 'InvalidArgument', 'closed_on');
    expectError(await office.post(`/incidents/${incident.id}/close`, { closed_on: addDays(FIRST, 1), note: '已处理' }),
        400, 'InvalidArgument', 'closed_on');
    const closeDay = addDays(FIRST, 20);
    const closed = expectStatus(await office.post(`/incidents/${incident.id}/close`, {
        closed_on: closeDay, note: '工伤认定完成,乙方已按规定处理',
    }), 200).body;
    assert.deepEqual([closed.status, closed.closed_on, closed.closing_note],
        ['closed', closeDay, '工伤认定完成,乙方已按规定处理']);
    assert.deepEqual(closed.allowed_actions, [], 'a closed incident cannot be reopened');
    assert.deepEqual(closed.events.map((event) => [event.action, event.from_state, event.to_state]),
        [['record', '', 'open'], ['close', 'open', 'closed']]);

    const auditBefore = (await listAll(jiwei, '/audit', { entity: 'staff_incident' })).length;
    const again = expectError(await vendor.post(`/incidents/${incident.id}/close`, { closed_on: TODAY, note: '再次结案' }),
        409, 'FailedPrecondition');
    assert.match(again.message['zh-CN'], new RegExp(`已于 ${closeDay} 结案`), JSON.stringify(again.message));
    assert.match(again.message.en, new RegExp(`closed on ${closeDay}`));
    const seen = expectStatus(await jiwei.get(`/incidents/${incident.id}`), 200).body;
    assert.deepEqual([seen.closed_on, seen.closing_note], [closeDay, '工伤认定完成,乙方已按规定处理']);
    assert.equal((await listAll(jiwei, '/audit', { entity: 'staff_incident' })).length, auditBefore,
        'the refused close wrote no audit entry');
    const entries = await listAll(jiwei, '/audit', { entity: 'staff_incident' });
    assert.ok(entries.find((entry) => entry.action === 'close' && entry.entity_id === incident.id));
});

// STF-7
test('STF-7 another vendor sees and writes nothing of the contract\'s incidents; a served department does not read staff records', async (t) => {
    const { server, office, vendor2, dept, contract, person } = await setup();
    t.after(() => server.stop());
    const incident = expectStatus(await office.post(`/contracts/${contract.id}/incidents`, injury(person)), 201).body;
    expectError(await vendor2.get(`/contracts/${contract.id}/incidents`), 404, 'NotFound');
    expectError(await vendor2.post(`/contracts/${contract.id}/incidents`, injury(person)), 404, 'NotFound');
    expectError(await vendor2.get(`/incidents/${incident.id}`), 404, 'NotFound');
    expectError(await vendor2.post(`/incidents/${incident.id}/close`, { closed_on: TODAY, note: '越权结案' }), 404,
        'NotFound');
    expectError(await dept.get(`/contracts/${contract.id}/incidents`), 403, 'PermissionDenied');
    const still = expectStatus(await office.get(`/incidents/${incident.id}`), 200).body;
    assert.equal(still.status, 'open');
});

// STF-7
test('STF-7 a scan attached to an incident is read by whoever reads the incident, not by another vendor', async (t) => {
    const { server, office, vendor, vendor2, contract } = await setup();
    t.after(() => server.stop());
    const scan = await uploadScan(office, '损坏情况说明.pdf');
    const damage = expectStatus(await office.post(`/contracts/${contract.id}/incidents`, {
        type: 'damage_loss', occurred_on: addDays(FIRST, 2), description: '保洁时打碎会议室投影仪', person_ids: [],
        responsible_party: 'party_b', compensation: '1200.00', attachment_ids: [scan.id],
    }), 201).body;
    assert.deepEqual(damage.attachments, [{ id: scan.id, filename: '损坏情况说明.pdf' }]);
    const download = expectStatus(await vendor.get(`/attachments/${scan.id}`), 200);
    assert.deepEqual(Buffer.from(download.bytes), scan.bytes);
    expectError(await vendor2.get(`/attachments/${scan.id}`), 404, 'NotFound');
});

// SUP-7
test('SUP-7 the period report has an incident section per contract: counts by type, open ones and the compensation', async (t) => {
    const { server, office, contract, person } = await setup();
    t.after(() => server.stop());
    const leak = expectStatus(await office.post(`/contracts/${contract.id}/incidents`, LEAK), 201).body;
    expectStatus(await office.post(`/contracts/${contract.id}/incidents`, injury(person)), 201);
    expectStatus(await office.post(`/incidents/${leak.id}/close`, { closed_on: addDays(FIRST, 10), note: '已追回并处罚' }), 200);
    const report = expectStatus(await office.get('/reports/quality', { query: { period: month(-1) } }), 200).body;
    const section = report.contracts.find((entry) => entry.contract.id === contract.id);
    assert.ok(section, 'the contract has its section');
    const counts = Object.fromEntries(section.incidents.by_type.map((entry) => [entry.type, entry.count]));
    assert.deepEqual(counts, {
        labour_dispute: 0, injury_at_work: 1, injury_off_work: 0, damage_loss: 0, rule_violation: 0, data_leak: 1,
    });
    assert.equal(section.incidents.by_type.find((entry) => entry.type === 'data_leak').name['zh-CN'], '数据泄露');
    assert.deepEqual([section.incidents.total, section.incidents.open, section.incidents.closed],
        [2, 1, 1]);
    assert.deepEqual([section.incidents.compensation, section.incidents.party_b, section.incidents.party_b_compensation],
        ['500.00', 1, '500.00']);
    assert.ok(report.summary.incidents.total >= 2);
    const earlier = expectStatus(await office.get('/reports/quality', { query: { period: month(-3) } }), 200).body;
    const none = earlier.contracts.find((entry) => entry.contract.id === contract.id);
    assert.equal(none?.incidents.total ?? 0, 0, 'an incident belongs to the period it happened in');
    const pdf = expectStatus(await office.get('/reports/quality', { query: { period: month(-1), format: 'pdf' } }), 200);
    assert.match(pdf.headers.get('content-type'), /pdf/);
});

// RP-5
test('RP-5 the renewal basis lists the incidents of the contract term with the Party-B-responsible count and compensation', async (t) => {
    const { server, office, vendor, contract, person } = await setup();
    t.after(() => server.stop());
    expectStatus(await office.post(`/contracts/${contract.id}/incidents`, LEAK), 201);
    expectStatus(await vendor.post(`/contracts/${contract.id}/incidents`, {
        ...injury(person), type: 'labour_dispute', responsible_party: 'party_a', compensation: '80.00',
    }), 201);
    // Before the term began: not part of this contract's history.
    expectStatus(await office.post(`/contracts/${contract.id}/incidents`, {
        ...LEAK, occurred_on: addDays(FIRST, -2), compensation: '9.00',
    }), 201);
    const basis = expectStatus(await office.get(`/contracts/${contract.id}/renewal-basis`), 200).body;
    assert.deepEqual([basis.incidents.total, basis.incidents.open, basis.incidents.party_b,
        basis.incidents.party_b_compensation, basis.incidents.compensation], [2, 2, 1, '500.00', '580.00']);
    assert.equal(basis.incidents.data_leaks, 1);
});

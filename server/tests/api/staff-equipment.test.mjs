// Equipment issued to a vendor's staff (STF-5, issue 13): the vendor records what each person on the roster holds
// (tools, uniforms, badges, access cards, keys) and settles every item at departure, returned or lost with the
// compensation; a person whose end date is set is flagged while any item is unsettled. Money is decimal strings in the
// API and integer fen in the database; every write has its audit entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, contractFixtures, createActiveContract, expectError, expectStatus, listAll, prepareDatabase,
    startServer, validContent,
} from './harness.mjs';
import { addDays, dateOfYear, monthEnd, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);
const LAST = monthEnd(-1);

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
    const personBody = {
        name: '陈保洁', id_number: idNumber(dateOfYear(-47, '03-15'), 11), phone: '13800000000', role: 'cleaner', post: '保洁员',
        start_date: FIRST, end_date: null,
    };
    const person = expectStatus(await vendor.post(`/contracts/${contract.id}/staff`, personBody), 201).body;
    return {
        server, office, vendor, contract, person, personBody, vendor2: await as('vendor2'), jiwei: await as('jiwei'),
        dept: await as('dept'),
    };
}

const UNIFORM = { kind: 'uniform', description: '夏季工装', quantity: 2, unit_value: '150.50', issued_on: FIRST };
const CARD = { kind: 'access_card', description: '3 号楼门禁卡', quantity: 1, unit_value: '30.00', issued_on: FIRST };

async function rosterEntry(client, contractId, personId) {
    const roster = expectStatus(await client.get(`/contracts/${contractId}/staff`), 200).body;
    return roster.items.find((item) => item.id === personId);
}

test('STF-5 the vendor issues an item to a person; everyone who reads the roster sees it, valued exactly in fen', async (t) => {
    const { server, office, vendor, jiwei, person } = await setup();
    t.after(() => server.stop());
    const item = expectStatus(await vendor.post(`/staff/${person.id}/equipment`, UNIFORM), 201).body;
    assert.equal(item.kind, 'uniform');
    assert.equal(item.status, 'issued');
    assert.equal(item.quantity, 2);
    assert.equal(item.unit_value, '150.50');
    assert.equal(item.total_value, '301.00', 'quantity × unit value, in fen, no floating point');
    assert.equal(item.settled_on, null);
    assert.equal(item.can_settle, true);

    for (const reader of [office, jiwei]) {
        const seen = expectStatus(await reader.get(`/staff/${person.id}/equipment`), 200).body;
        assert.deepEqual(seen.items.map((entry) => [entry.id, entry.description, entry.status]),
            [[item.id, '夏季工装', 'issued']]);
        assert.equal(seen.unsettled, 1);
        assert.equal(seen.can_issue, false, 'only the vendor records equipment');
        assert.equal(seen.items[0].can_settle, false);
    }
    const entries = await listAll(jiwei, '/audit', { entity: 'staff_equipment' });
    const created = entries.find((entry) => entry.action === 'create' && entry.entity_id === item.id);
    assert.ok(created, `the issue is on the audit trail: ${JSON.stringify(entries.slice(0, 2))}`);
});

test('STF-5 an item with a bad field is refused naming the field in both languages, and nothing is written', async (t) => {
    const { server, vendor, person } = await setup();
    t.after(() => server.stop());
    const cases = [
        [{ ...UNIFORM, kind: 'hat' }, 'kind'],
        [{ ...UNIFORM, description: '' }, 'description'],
        [{ ...UNIFORM, quantity: 0 }, 'quantity'],
        [{ ...UNIFORM, quantity: -3 }, 'quantity'],
        [{ ...UNIFORM, unit_value: '-1.00' }, 'unit_value'],
        [{ ...UNIFORM, unit_value: '1.234' }, 'unit_value'],
        // quantity × unit value beyond 64 bits of fen is refused, never wrapped.
        [{ ...UNIFORM, quantity: 100000, unit_value: '92233720368547758.00' }, 'unit_value'],
        [{ ...UNIFORM, issued_on: addDays(LAST, 400) }, 'issued_on'],
        [{ ...UNIFORM, issued_on: undefined }, 'issued_on'],
    ];
    for (const [body, field] of cases) {
        expectError(await vendor.post(`/staff/${person.id}/equipment`, body), 400, 'InvalidArgument', field);
    }
    const seen = expectStatus(await vendor.get(`/staff/${person.id}/equipment`), 200).body;
    assert.deepEqual(seen.items, [], 'no refused item was written');
});

test('STF-5 an item is settled as returned, and a second settlement is refused with the reason and writes nothing', async (t) => {
    const { server, vendor, jiwei, person } = await setup();
    t.after(() => server.stop());
    const item = expectStatus(await vendor.post(`/staff/${person.id}/equipment`, CARD), 201).body;
    expectError(await vendor.post(`/staff/equipment/${item.id}/return`, { settled_on: addDays(FIRST, -1) }), 400,
        'InvalidArgument', 'settled_on');
    const returned = expectStatus(await vendor.post(`/staff/equipment/${item.id}/return`, {
        settled_on: addDays(FIRST, 5), note: '离场交回',
    }), 200).body;
    assert.equal(returned.status, 'returned');
    assert.equal(returned.settled_on, addDays(FIRST, 5));
    assert.equal(returned.compensation, '0.00');
    assert.equal(returned.can_settle, false);

    const auditBefore = (await listAll(jiwei, '/audit', { entity: 'staff_equipment' })).length;
    const again = expectError(await vendor.post(`/staff/equipment/${item.id}/lost`, {
        settled_on: addDays(FIRST, 6), compensation: '30.00', note: '再次结清',
    }), 409, 'FailedPrecondition');
    assert.match(again.message['zh-CN'], /已于 .* 归还/, JSON.stringify(again.message));
    expectError(await vendor.post(`/staff/equipment/${item.id}/return`, { settled_on: addDays(FIRST, 6) }), 409,
        'FailedPrecondition');
    const seen = expectStatus(await vendor.get(`/staff/${person.id}/equipment`), 200).body.items[0];
    assert.deepEqual([seen.status, seen.settled_on, seen.compensation, seen.note],
        ['returned', addDays(FIRST, 5), '0.00', '离场交回'], 'the refused settlements changed nothing');
    assert.equal((await listAll(jiwei, '/audit', { entity: 'staff_equipment' })).length, auditBefore,
        'and wrote no audit entry');
});

test('STF-5 an item is settled as lost with the compensation and a note; a lost item needs its note', async (t) => {
    const { server, vendor, jiwei, person } = await setup();
    t.after(() => server.stop());
    const item = expectStatus(await vendor.post(`/staff/${person.id}/equipment`, UNIFORM), 201).body;
    expectError(await vendor.post(`/staff/equipment/${item.id}/lost`, {
        settled_on: addDays(FIRST, 7), compensation: '-5.00', note: '遗失',
    }), 400, 'InvalidArgument', 'compensation');
    expectError(await vendor.post(`/staff/equipment/${item.id}/lost`, {
        settled_on: addDays(FIRST, 7), compensation: '100.00', note: '  ',
    }), 400, 'InvalidArgument', 'note');
    const lost = expectStatus(await vendor.post(`/staff/equipment/${item.id}/lost`, {
        settled_on: addDays(FIRST, 7), compensation: '120.35', note: '工装遗失,按折旧赔偿',
    }), 200).body;
    assert.deepEqual([lost.status, lost.settled_on, lost.compensation, lost.note],
        ['lost', addDays(FIRST, 7), '120.35', '工装遗失,按折旧赔偿']);
    const entries = await listAll(jiwei, '/audit', { entity: 'staff_equipment' });
    const update = entries.find((entry) => entry.action === 'update' && entry.entity_id === item.id);
    assert.ok(update, 'the settlement is on the audit trail');
    assert.match(JSON.stringify(update), /120\.35/, 'with the compensation');
});

test('STF-5 only the person\'s own vendor writes equipment; other roles and vendors are refused and nothing is written', async (t) => {
    const { server, office, vendor, vendor2, dept, person } = await setup();
    t.after(() => server.stop());
    expectError(await office.post(`/staff/${person.id}/equipment`, UNIFORM), 403, 'PermissionDenied');
    expectError(await vendor2.post(`/staff/${person.id}/equipment`, UNIFORM), 404, 'NotFound');
    expectError(await vendor2.get(`/staff/${person.id}/equipment`), 404, 'NotFound');
    expectError(await dept.get(`/staff/${person.id}/equipment`), 403, 'PermissionDenied');
    const item = expectStatus(await vendor.post(`/staff/${person.id}/equipment`, CARD), 201).body;
    expectError(await office.post(`/staff/equipment/${item.id}/return`, { settled_on: FIRST }), 403, 'PermissionDenied');
    expectError(await vendor2.post(`/staff/equipment/${item.id}/lost`, {
        settled_on: FIRST, compensation: '1.00', note: '他人结清',
    }), 404, 'NotFound');
    expectError(await vendor.post('/staff/equipment/999999/return', { settled_on: FIRST }), 404, 'NotFound');
    const seen = expectStatus(await office.get(`/staff/${person.id}/equipment`), 200).body;
    assert.deepEqual(seen.items.map((entry) => entry.status), ['issued'], 'only the vendor\'s item, still issued');
});

test('STF-5 a departing person is flagged while items are unsettled, and the flag clears once all are settled', async (t) => {
    const { server, office, vendor, contract, person, personBody } = await setup();
    t.after(() => server.stop());
    const uniform = expectStatus(await vendor.post(`/staff/${person.id}/equipment`, UNIFORM), 201).body;
    const card = expectStatus(await vendor.post(`/staff/${person.id}/equipment`, CARD), 201).body;
    assert.equal((await rosterEntry(office, contract.id, person.id)).equipment_unsettled, 0,
        'no flag while the person has no end date');

    const leaving = expectStatus(await vendor.put(`/staff/${person.id}`, { ...personBody, end_date: LAST }), 200).body;
    assert.equal(leaving.equipment_unsettled, 2, 'setting the end date answers the flag');
    assert.equal((await rosterEntry(office, contract.id, person.id)).equipment_unsettled, 2);
    assert.equal(expectStatus(await office.get(`/staff/${person.id}/equipment`), 200).body.person.equipment_unsettled, 2);

    expectStatus(await vendor.post(`/staff/equipment/${card.id}/return`, { settled_on: LAST }), 200);
    assert.equal((await rosterEntry(office, contract.id, person.id)).equipment_unsettled, 1);
    expectStatus(await vendor.post(`/staff/equipment/${uniform.id}/lost`, {
        settled_on: LAST, compensation: '50.00', note: '未交回',
    }), 200);
    assert.equal((await rosterEntry(vendor, contract.id, person.id)).equipment_unsettled, 0, 'the flag clears');
    const seen = expectStatus(await office.get(`/staff/${person.id}/equipment`), 200).body;
    assert.equal(seen.unsettled, 0);
});

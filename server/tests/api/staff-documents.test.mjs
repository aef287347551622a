// People's documents and social insurance (STF-2, issue 13): per person the documents D3 §9 asks for (health
// certificate with its expiry, labour contract, social-insurance proof, education proof), each an uploaded scan with
// its checksum; the roster flags what is missing, expired or expiring in words; expiring documents are reminded
// in the inbox and counted on the dashboard; an expired health certificate stops a cleaner counting as present
// from the day after its last valid day (STF-6); the vendor records each month's social-insurance payment (D3 §3) and
// a month without one is flagged. Every write has its audit entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, contractFixtures, createActiveContract, expectError, expectStatus, listAll, prepareDatabase,
    startServer, uploadScan, validContent,
} from './harness.mjs';
import { TODAY, addDays, dateOfYear, month, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);
const LAST_MONTH = month(-1);

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

/** A demo database, an active contract of vendor1 from the first of last month, a cleaner and a duty manager. */
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
    const add = async (name, role, post, sequence) => expectStatus(await vendor.post(`/contracts/${contract.id}/staff`, {
        name, id_number: idNumber(dateOfYear(-40, '05-20'), sequence), phone: '13800000001', role, post,
        start_date: FIRST, end_date: null,
    }), 201).body;
    const cleaner = await add('陈保洁', 'cleaner', '保洁员', 21);
    const manager = await add('林经理', 'duty_manager', '值班经理', 22);
    return {
        server, office, vendor, contract, cleaner, manager, vendor2: await as('vendor2'), jiwei: await as('jiwei'),
        dept: await as('dept'), admin: await as('admin'),
    };
}

async function flagsOf(client, contractId, personId) {
    const flags = expectStatus(await client.get(`/contracts/${contractId}/staff/document-flags`), 200).body;
    return flags.people.find((item) => item.person_id === personId) ?? { documents: [], insurance_text: null };
}

const words = (flags) => flags.documents.map((flag) => flag.text['zh-CN']);

// STF-2: which documents each role requires is a setting seeded from D3 §9.
test('STF-2 the documents each role requires are seeded from D3: health certificate for cleaning and catering, contract and insurance proof for all', async (t) => {
    const { server, office } = await setup();
    t.after(() => server.stop());
    const items = expectStatus(await office.get('/staff-document-requirements'), 200).body.items;
    const of = (role) => items.filter((item) => item.role === role).map((item) => item.kind).sort();
    assert.deepEqual(of('cleaner'), ['health_certificate', 'labour_contract', 'social_insurance_proof']);
    assert.deepEqual(of('cook'), ['health_certificate', 'labour_contract', 'social_insurance_proof']);
    assert.deepEqual(of('agent'), ['labour_contract', 'social_insurance_proof']);
    assert.ok(of('duty_manager').includes('education_proof'));
    const health = items.find((item) => item.role === 'cleaner' && item.kind === 'health_certificate');
    assert.equal(health.blocks_when_expired, true, 'an expired health certificate stops a cleaner counting');
    assert.equal(health.kind_name['zh-CN'], '健康证');
});

// STF-2: the roster names each missing required document in words.
test('STF-2 a person without documents is flagged with each missing required one in words', async (t) => {
    const { server, office, vendor, contract, cleaner } = await setup();
    t.after(() => server.stop());
    const flags = await flagsOf(office, contract.id, cleaner.id);
    assert.deepEqual(words(flags), ['缺健康证', '缺劳动合同', '缺社保证明']);
    assert.deepEqual(flags.documents.map((flag) => flag.state), ['missing', 'missing', 'missing']);

    const scan = await uploadScan(vendor, '劳动合同.pdf');
    const saved = expectStatus(await vendor.post(`/staff/${cleaner.id}/documents`, {
        kind: 'labour_contract', attachment_id: scan.id, issued_on: FIRST, expires_on: null,
    }), 201).body;
    assert.equal(saved.file_name, '劳动合同.pdf');
    assert.match(saved.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(words(await flagsOf(vendor, contract.id, cleaner.id)), ['缺健康证', '缺社保证明'],
        'the recorded one is no longer missing');
});

// a document is its scan: without the file it is refused, naming the field, and nothing is written.
test('X-5 a document without its file is refused naming attachment_id, and nothing is written', async (t) => {
    const { server, vendor, jiwei, cleaner } = await setup();
    t.after(() => server.stop());
    const refused = expectError(await vendor.post(`/staff/${cleaner.id}/documents`, {
        kind: 'labour_contract', issued_on: FIRST,
    }), 400, 'InvalidArgument', 'attachment_id');
    assert.match(refused.fields.find((field) => field.field === 'attachment_id').message['zh-CN'], /扫描件/);
    const scan = await uploadScan(vendor, '健康证.pdf');
    const cases = [
        [{ kind: 'passport', attachment_id: scan.id, issued_on: FIRST }, 'kind'],
        [{ kind: 'labour_contract', attachment_id: 999999, issued_on: FIRST }, 'attachment_id'],
        [{ kind: 'labour_contract', attachment_id: scan.id }, 'issued_on'],
        [{ kind: 'labour_contract', attachment_id: scan.id, issued_on: addDays(TODAY, 1) }, 'issued_on'],
        [{ kind: 'health_certificate', attachment_id: scan.id, issued_on: FIRST }, 'expires_on'],
        [{ kind: 'health_certificate', attachment_id: scan.id, issued_on: FIRST, expires_on: addDays(FIRST, -1) },
            'expires_on'],
    ];
    for (const [body, field] of cases) {
        expectError(await vendor.post(`/staff/${cleaner.id}/documents`, body), 400, 'InvalidArgument', field);
    }
    const seen = expectStatus(await vendor.get(`/staff/${cleaner.id}/documents`), 200).body;
    assert.deepEqual(seen.documents, [], 'no refused document was written');
    assert.equal((await listAll(jiwei, '/audit', { entity: 'staff_document' })).length, 0);
});

// STF-2: an expired health certificate is flagged in words with its date; a soon-expiring one as expiring.
test('STF-2 an expired health certificate is flagged with its date, one expiring soon as expiring, and both read by the office', async (t) => {
    const { server, office, vendor, jiwei, contract, cleaner } = await setup();
    t.after(() => server.stop());
    const expiredOn = addDays(TODAY, -3);
    const scan = await uploadScan(vendor, '健康证.pdf');
    const saved = expectStatus(await vendor.post(`/staff/${cleaner.id}/documents`, {
        kind: 'health_certificate', attachment_id: scan.id, issued_on: addDays(TODAY, -300), expires_on: expiredOn,
    }), 201).body;
    const flags = await flagsOf(office, contract.id, cleaner.id);
    assert.ok(words(flags).includes(`健康证已过期 ${expiredOn}`), JSON.stringify(flags));
    const dialog = expectStatus(await office.get(`/staff/${cleaner.id}/documents`), 200).body;
    assert.equal(dialog.can_write, false, 'only the vendor records documents');
    assert.deepEqual(dialog.documents.map((item) => [item.kind, item.expires_on]), [['health_certificate', expiredOn]]);
    // the office reads the scan through the person's roster.
    const file = await office.get(`/attachments/${saved.attachment_id}`);
    assert.equal(file.status, 200);

    // Renewed: the newest certificate counts; one expiring within the warning days is flagged as expiring.
    const renewedUntil = addDays(TODAY, 10);
    const renewal = await uploadScan(vendor, '健康证-新.pdf');
    expectStatus(await vendor.post(`/staff/${cleaner.id}/documents`, {
        kind: 'health_certificate', attachment_id: renewal.id, issued_on: TODAY, expires_on: renewedUntil,
    }), 201);
    const renewed = await flagsOf(office, contract.id, cleaner.id);
    assert.ok(words(renewed).includes(`健康证将于 ${renewedUntil} 到期`), JSON.stringify(renewed));
    assert.ok(!words(renewed).some((text) => text.startsWith('健康证已过期')));
    const entries = await listAll(jiwei, '/audit', { entity: 'staff_document' });
    assert.equal(entries.filter((entry) => entry.action === 'create').length, 2, 'each document on the audit trail');
});

// expiring documents wait in the vendor's and the office's inbox and are counted on the dashboard, in scope.
test('X-2 an expired health certificate is in the vendor\'s and the office\'s inbox and counted on the office\'s dashboard, not reminded to another vendor', async (t) => {
    const { server, office, vendor, vendor2, cleaner } = await setup();
    t.after(() => server.stop());
    const expiredOn = addDays(TODAY, -1);
    const scan = await uploadScan(vendor);
    expectStatus(await vendor.post(`/staff/${cleaner.id}/documents`, {
        kind: 'health_certificate', attachment_id: scan.id, issued_on: addDays(TODAY, -200), expires_on: expiredOn,
    }), 201);
    for (const client of [vendor, office]) {
        const inbox = expectStatus(await client.get('/inbox'), 200).body;
        const item = inbox.items.find((entry) => entry.kind === 'staff_document' && entry.object_id === cleaner.id);
        assert.ok(item, `the inbox lists it: ${JSON.stringify(inbox.items.map((entry) => entry.kind))}`);
        assert.match(item.title['zh-CN'], new RegExp(`陈保洁 的健康证已于 ${expiredOn} 过期`));
    }
    // The office's dashboard counts it (vendors have no dashboard).
    const dashboard = expectStatus(await office.get('/dashboard'), 200).body;
    assert.deepEqual([dashboard.staff_documents.expired, dashboard.staff_documents.expiring], [1, 0],
        JSON.stringify(dashboard.staff_documents));
    const other = expectStatus(await vendor2.get('/inbox'), 200).body;
    assert.ok(!other.items.some((entry) => entry.kind === 'staff_document'), 'another vendor is not reminded');
});

// STF-6: a cleaner whose health certificate expired is not counted as present from the day after its last valid day.
test('STF-6 a cleaner counts on the last valid day of the health certificate, not from the next day; with the setting off, still counts', async (t) => {
    const { server, office, vendor, admin, contract, cleaner } = await setup();
    t.after(() => server.stop());
    // Day types come from the holiday calendar: the test year gets one (no days off), so every day has its staffing.
    expectStatus(await admin.put(`/holiday-calendars/${FIRST.slice(0, 4)}`, { source: '测试通知', days: [] }), 200);
    const lastValid = addDays(FIRST, 9);
    const expiredDay = addDays(FIRST, 10);
    const scan = await uploadScan(vendor);
    expectStatus(await vendor.post(`/staff/${cleaner.id}/documents`, {
        kind: 'health_certificate', attachment_id: scan.id, issued_on: addDays(FIRST, -300), expires_on: lastValid,
    }), 201);
    for (const date of [lastValid, expiredDay]) {
        expectStatus(await vendor.post(`/contracts/${contract.id}/attendance`, {
            person_id: cleaner.id, clock_in: `${date} 08:00`, clock_out: `${date} 16:00`,
        }), 201);
    }
    const presentOn = (view, date) => view.days.find((item) => item.date === date).posts
        .flatMap((post) => post.present.map((person) => person.person_id));
    const view = expectStatus(await office.get(`/contracts/${contract.id}/staffing`, { query: { month: LAST_MONTH } }), 200)
        .body;
    assert.deepEqual(presentOn(view, lastValid), [cleaner.id], 'valid on its last day');
    assert.deepEqual(presentOn(view, expiredDay), [], 'expired the next day');
    const note = view.notes.find((item) => item.date === expiredDay && item.person_id === cleaner.id);
    assert.ok(note && note.text['zh-CN'].includes(`健康证已于 ${lastValid} 过期`), JSON.stringify(view.notes));

    expectStatus(await admin.put('/settings/staff.expired_document_blocks', { value: 0, reason: '试行期间仍计入' }), 200);
    const off = expectStatus(await office.get(`/contracts/${contract.id}/staffing`, { query: { month: LAST_MONTH } }), 200)
        .body;
    assert.deepEqual(presentOn(off, expiredDay), [cleaner.id], 'with the setting off the day counts');
});

// STF-2 (D3 §3): a month without a social-insurance payment is flagged; a payment clears it; twice is refused.
test('STF-2 a current person without last month\'s social-insurance payment is flagged, a payment clears it, the same month twice is 409', async (t) => {
    const { server, office, vendor, jiwei, contract, manager } = await setup();
    t.after(() => server.stop());
    assert.equal((await flagsOf(office, contract.id, manager.id)).insurance_text['zh-CN'], '社保缺 1 个月');
    const proof = await uploadScan(vendor, '社保缴费凭证.pdf');
    const paid = expectStatus(await vendor.post(`/staff/${manager.id}/insurance`, {
        month: LAST_MONTH, amount: '1234.56', attachment_id: proof.id,
    }), 201).body;
    assert.deepEqual([paid.month, paid.amount, paid.file_name], [LAST_MONTH, '1234.56', '社保缴费凭证.pdf']);
    assert.equal((await flagsOf(office, contract.id, manager.id)).insurance_text, null);
    const dialog = expectStatus(await office.get(`/staff/${manager.id}/documents`), 200).body;
    assert.equal(dialog.paid_total, '1234.56');
    const again = expectError(await vendor.post(`/staff/${manager.id}/insurance`, {
        month: LAST_MONTH, amount: '1.00',
    }), 409, 'AlreadyExists', 'month');
    assert.match(again.message['zh-CN'], /已登记/);
    const entries = await listAll(jiwei, '/audit', { entity: 'staff_insurance' });
    assert.equal(entries.length, 1, 'one entry for the one payment');
});

test('STF-2 one month\'s social-insurance payment recorded four times at once by two sessions: one is kept, the others get 409 on month', async (t) => {
    // The (person, month) key refused the second of two payments racing past the check, but as a bare "record already
    // exists" without the field: the refusal now names the month and the person, as the check does. Both people and
    // both months they may be paid for, as the window is a few milliseconds.
    const { server, vendor, jiwei, cleaner, manager } = await setup();
    t.after(() => server.stop());
    const vendorAgain = await login(server, 'vendor1');
    for (const [person, paidMonth] of [[manager, LAST_MONTH], [cleaner, LAST_MONTH], [manager, month(0)], [cleaner, month(0)]]) {
        const attempts = await Promise.all([vendor, vendorAgain, vendor, vendorAgain].map((client, i) => client.post(
            `/staff/${person.id}/insurance`, { month: paidMonth, amount: `${1000 + i}.00` },
        )));
        const kept = attempts.filter((response) => response.status === 201);
        assert.equal(kept.length, 1, `${person.name} ${paidMonth}: one payment is recorded: ${attempts.map((response) => response.status)}`);
        for (const response of attempts.filter((item) => item.status !== 201)) {
            const refused = expectError(response, 409, 'AlreadyExists', 'month');
            assert.match(refused.message['zh-CN'], /已登记/);
            assert.match(refused.message.en, /already recorded/);
        }
    }
    const entries = await listAll(jiwei, '/audit', { entity: 'staff_insurance' });
    assert.equal(entries.length, 4, 'one entry for each payment kept');
});

// STF-2, X-6: the month and the amount are checked; an amount beyond 64 bits of fen is refused, never wrapped.
test('STF-2 a payment with a bad month or amount is refused naming the field, and nothing is written', async (t) => {
    const { server, vendor, manager } = await setup();
    t.after(() => server.stop());
    const cases = [
        [{ month: FIRST, amount: '100.00' }, 'month'],
        [{ month: 'last month', amount: '100.00' }, 'month'],
        [{ month: month(-2), amount: '100.00' }, 'month'],
        [{ month: month(1), amount: '100.00' }, 'month'],
        [{ month: LAST_MONTH, amount: '0.00' }, 'amount'],
        [{ month: LAST_MONTH, amount: '-5.00' }, 'amount'],
        [{ month: LAST_MONTH, amount: '1.234' }, 'amount'],
        // a month's payment above 1,000,000.00 is a typing error; the largest amount the API reads is refused too.
        [{ month: LAST_MONTH, amount: '1000000.01' }, 'amount'],
        [{ month: LAST_MONTH, amount: '999999999999999.99' }, 'amount'],
    ];
    for (const [body, field] of cases) {
        expectError(await vendor.post(`/staff/${manager.id}/insurance`, body), 400, 'InvalidArgument', field);
    }
    const seen = expectStatus(await vendor.get(`/staff/${manager.id}/documents`), 200).body;
    assert.deepEqual(seen.payments, [], 'no refused payment was written');
    const paid = expectStatus(await vendor.post(`/staff/${manager.id}/insurance`, { month: LAST_MONTH, amount: '1000000.00' }),
        201).body;
    assert.equal(paid.amount, '1000000.00', 'exact to the fen');
});

// STF-2: only the person's own vendor writes; readers in scope read; others get nothing.
test('STF-2 only the person\'s own vendor writes documents and payments; the office reads, another vendor gets 404', async (t) => {
    const { server, office, vendor, vendor2, dept, cleaner } = await setup();
    t.after(() => server.stop());
    const scan = await uploadScan(vendor);
    const body = { kind: 'labour_contract', attachment_id: scan.id, issued_on: FIRST };
    expectError(await office.post(`/staff/${cleaner.id}/documents`, body), 403, 'PermissionDenied');
    expectError(await office.post(`/staff/${cleaner.id}/insurance`, { month: LAST_MONTH, amount: '1.00' }), 403,
        'PermissionDenied');
    expectError(await vendor2.post(`/staff/${cleaner.id}/documents`, body), 404, 'NotFound');
    expectError(await vendor2.get(`/staff/${cleaner.id}/documents`), 404, 'NotFound');
    expectError(await dept.get(`/staff/${cleaner.id}/documents`), 403, 'PermissionDenied');
    const mine = await uploadScan(vendor2);
    expectError(await vendor.post(`/staff/${cleaner.id}/documents`, { ...body, attachment_id: mine.id }), 400,
        'InvalidArgument', 'attachment_id');
    expectStatus(await vendor.post(`/staff/${cleaner.id}/documents`, body), 201);
    expectStatus(await office.get(`/staff/${cleaner.id}/documents`), 200);
});

// Audit trail: who, when, before, after, in an append-only hash chain that detects tampering (X-1).
// Table audit_log(seq, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, request_id,
// prev_hash, hash) is tampered with directly, as a database administrator could. The server runs on the test clock
// (server/tests/clock.mjs): every entry written here is dated today.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    ADMIN_PASSWORD, Client, FAKE_TODAY, cli, expectError, expectStatus, listAll, makeCreditCode, prepareDatabase,
    setupDemo, startServer, uniqueSuffix,
} from './harness.mjs';
import { dateOfYear, day, year } from '../clock.mjs';

let demo;
let office;
let jiwei;

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    jiwei = await demo.as('jiwei');
});

function vendorBody(overrides = {}) {
    const suffix = uniqueSuffix();
    return {
        name: `审计测试物业${suffix}`,
        credit_code: makeCreditCode(),
        legal_representative: '周八',
        contact_name: '吴九',
        contact_phone: '0757-86900000',
        address: '九江镇儒林路',
        bank_account_name: `审计测试物业${suffix}`,
        bank_name: '建设银行',
        bank_account_no: '4367420011112222',
        staff_count: 8,
        registered_capital: '300000.00',
        has_training_system: true,
        has_management_system: true,
        category_ids: [],
        status: 'active',
        ...overrides,
    };
}

test('X-1 a vendor update leaves an audit entry with actor, time, before and after', async () => {
    const input = vendorBody();
    const created = expectStatus(await office.post('/vendors', input), 201).body;
    const changed = { ...input, contact_name: '郑十', staff_count: 9 };
    expectStatus(await office.put(`/vendors/${created.id}`, changed), 200);

    const page = expectStatus(
        await jiwei.get('/audit', { query: { entity: 'vendor', entity_id: created.id } }), 200,
    ).body;
    assert.ok(page.total >= 2, `create and update are audited; got ${JSON.stringify(page.items)}`);
    const [update, create] = page.items; // newest first
    assert.ok(update.seq > create.seq, 'newest first');

    assert.equal(update.entity, 'vendor');
    assert.equal(update.entity_id, created.id);
    assert.equal(update.actor_id, office.user.id);
    assert.ok([office.user.display_name, office.user.username].includes(update.actor_name), `actor_name ${update.actor_name}`);
    assert.match(update.action, /update/i);
    assert.match(update.at, new RegExp(`^${FAKE_TODAY}T\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+08:00$`), 'at in Asia/Shanghai under the fixed clock');
    assert.equal(update.before.contact_name, '吴九');
    assert.equal(update.after.contact_name, '郑十');
    assert.equal(update.before.staff_count, 8);
    assert.equal(update.after.staff_count, 9);
    assert.ok(typeof update.request_id === 'string' && update.request_id.length > 0, 'request_id');
    assert.match(update.hash, /^[0-9a-f]{64}$/i, 'sha-256 hash');
    assert.equal(update.prev_hash.length, update.hash.length);

    assert.match(create.action, /create|insert|add/i);
    assert.equal(create.before, null, 'a creation has no before');
    assert.equal(create.after.name, input.name);
    assert.equal(create.after.credit_code, input.credit_code);
});

test('X-1 a deleted qualification is audited with what was deleted', async () => {
    const vendor = expectStatus(await office.post('/vendors', vendorBody()), 201).body;
    const certNo = `AUD-${uniqueSuffix()}`;
    const qualification = expectStatus(await office.post(`/vendors/${vendor.id}/qualifications`, {
        type: '营业执照', cert_no: certNo, issuer: '市场监管局', valid_from: dateOfYear(-1, '01-01'),
        valid_until: dateOfYear(1, '01-01'), attachment_id: null,
    }), 201).body;
    expectStatus(await office.delete(`/vendors/${vendor.id}/qualifications/${qualification.id}`), 204);
    const recent = expectStatus(await jiwei.get('/audit', { query: { actor: 'office', page_size: 10 } }), 200).body.items;
    const deletion = recent.find((item) => /delete|remove/i.test(item.action) && item.before?.cert_no === certNo);
    assert.ok(deletion, `a deletion entry; got ${recent.map((item) => `${item.action}:${item.entity}`)}`);
    assert.equal(deletion.after, null);
});

test('X-1 the audit list filters by entity, actor, action, entity_id and dates, newest first', async () => {
    const admin = await demo.as('admin');
    const token = uniqueSuffix();
    expectStatus(await admin.put('/settings/auth.lockout_minutes', { value: 20, reason: `审计筛选 ${token}` }), 200);
    expectStatus(await office.post('/vendors', vendorBody()), 201);

    const byEntity = await listAll(jiwei, '/audit', { entity: 'vendor' });
    assert.ok(byEntity.length > 0);
    assert.ok(byEntity.every((item) => item.entity === 'vendor'), 'entity filter');
    const seqs = byEntity.map((item) => item.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a), 'newest first');

    const byOffice = await listAll(jiwei, '/audit', { actor: 'office' });
    assert.ok(byOffice.length > 0);
    assert.ok(byOffice.every((item) => item.actor_id === office.user.id), 'actor filter (username contains)');
    const byAdmin = await listAll(jiwei, '/audit', { actor: 'admin' });
    assert.ok(byAdmin.some((item) => item.actor_id === admin.user.id), 'admin\'s setting change is listed');
    assert.ok(!byAdmin.some((item) => item.actor_id === office.user.id), 'no office entries under actor=admin');
    const none = expectStatus(await jiwei.get('/audit', { query: { actor: 'no-such-user-xyz' } }), 200).body;
    assert.equal(none.total, 0);

    const action = byOffice[0].action;
    const byAction = await listAll(jiwei, '/audit', { action });
    assert.ok(byAction.length > 0 && byAction.every((item) => item.action === action), 'action filter');

    const today = expectStatus(await jiwei.get('/audit', { query: { from: FAKE_TODAY, to: FAKE_TODAY } }), 200).body;
    assert.ok(today.total >= byOffice.length, 'everything happened today under the fixed clock');
    const future = expectStatus(await jiwei.get('/audit', { query: { from: day(1) } }), 200).body;
    assert.equal(future.total, 0, 'nothing from tomorrow on');
    const past = expectStatus(await jiwei.get('/audit', { query: { to: day(-1) } }), 200).body;
    assert.ok(!past.items.some((item) => item.at.startsWith(FAKE_TODAY)), 'to is inclusive of its day only');
    expectError(await jiwei.get('/audit', { query: { from: `${year()}-13-01` } }), 400, 'InvalidArgument', 'from');
});

test('X-6 an audit entry names its operator by display name and role, and one object\'s trail is listed by entity and entity_id', async () => {
    const input = vendorBody();
    const created = expectStatus(await office.post('/vendors', input), 201).body;
    expectStatus(await office.put(`/vendors/${created.id}`, { ...input, contact_name: '郑十' }), 200);
    const trail = await listAll(jiwei, '/audit', { entity: 'vendor', entity_id: created.id });
    assert.deepEqual(trail.map((item) => item.action), ['update', 'create'], 'the object\'s whole trail, newest first');
    for (const item of trail) {
        assert.equal(item.entity_id, created.id);
        assert.equal(item.actor_display_name, office.user.display_name);
        assert.equal(item.actor_role, office.user.role);
        assert.ok(item.actor_role_name?.['zh-CN'] && item.actor_role_name?.en, 'the role in both languages');
    }
    const byDisplayName = await listAll(jiwei, '/audit', { actor: office.user.display_name, entity: 'vendor',
        entity_id: created.id });
    assert.equal(byDisplayName.length, 2, 'the actor filter also matches the display name');
    const other = expectStatus(await jiwei.get('/audit', { query: { entity: 'contract', entity_id: created.id } }), 200)
        .body.items;
    assert.ok(other.every((item) => item.entity === 'contract'), 'entity_id narrows within the object type');
    expectError(await jiwei.get('/audit', { query: { entity_id: 'abc' } }), 400, 'InvalidArgument', 'entity_id');
});

test('X-1 entries form a hash chain and GET /audit/verify says it is intact', async () => {
    for (let i = 0; i < 3; i += 1) expectStatus(await office.post('/vendors', vendorBody()), 201);
    const entries = (await listAll(jiwei, '/audit')).sort((a, b) => a.seq - b.seq);
    assert.ok(entries.length > 3);
    for (let i = 1; i < entries.length; i += 1) {
        assert.equal(entries[i].prev_hash, entries[i - 1].hash, `prev_hash of seq ${entries[i].seq}`);
        assert.notEqual(entries[i].hash, entries[i - 1].hash);
    }
    const verify = expectStatus(await jiwei.get('/audit/verify'), 200).body;
    assert.equal(verify.ok, true);
    assert.equal(verify.checked, entries.length);
    assert.equal(verify.first_bad_seq, null);
    assert.equal(verify.reason, null);
    const run = cli(['audit', 'verify', '--db', demo.db.url], { allowFail: true });
    assert.equal(run.code, 0, `houqin audit verify on an intact log: ${run.stdout}${run.stderr}`);
});

test('X-1 the audit trail has no way to change or remove entries over HTTP', async () => {
    const admin = await demo.as('admin');
    const [latest] = expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.items;
    // There is no route for one entry (404), and the list's address takes GET only (405).
    for (const [method, path, status, code] of [
        ['DELETE', `/audit/${latest.seq}`, 404, 'NotFound'], ['PUT', `/audit/${latest.seq}`, 404, 'NotFound'],
        ['DELETE', '/audit', 405, 'MethodNotAllowed'], ['POST', '/audit', 405, 'MethodNotAllowed'],
    ]) {
        const response = await admin.request(method, path, method === 'DELETE' ? undefined : { after: {} });
        expectError(response, status, code);
    }
    const [still] = expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.items;
    assert.deepEqual(still, latest);
});

// --- Tampering: each case on its own database -------------------------------------------------------------------

/** Removes what would stop a database administrator from editing audit_log directly (triggers, rules). */
function unprotect(db) {
    if (db.engine === 'sqlite') {
        const triggers = db.sql("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'");
        for (const name of triggers.split('\n').filter(Boolean)) db.sql(`DROP TRIGGER "${name}"`);
    } else {
        db.sql('ALTER TABLE audit_log DISABLE TRIGGER ALL');
        const rules = db.sql("SELECT rulename FROM pg_rules WHERE tablename = 'audit_log'");
        for (const name of rules.split('\n').filter(Boolean)) db.sql(`DROP RULE "${name}" ON audit_log`);
    }
}

/** A small database with at least six audit entries and a server on it. */
async function auditedDatabase() {
    const db = prepareDatabase({ seed: 'admin' });
    const server = await startServer(db);
    const admin = new Client(server.url);
    await admin.login('admin', ADMIN_PASSWORD, { expect: 200 });
    for (let i = 0; i < 6; i += 1) {
        expectStatus(await admin.put('/settings/auth.lockout_minutes', { value: 10 + i, reason: `第${i + 1}次调整` }), 200);
    }
    assert.equal(expectStatus(await admin.get('/audit/verify'), 200).body.ok, true);
    const intact = cli(['audit', 'verify', '--db', db.url], { allowFail: true });
    assert.equal(intact.code, 0, `intact log verifies: ${intact.stdout}${intact.stderr}`);
    const count = Number(db.sql('SELECT COUNT(*) FROM audit_log'));
    assert.ok(count >= 6, `audit_log has ${count} rows`);
    unprotect(db);
    return { db, server, admin };
}

/** Both ways of verifying name `seq` as the first bad entry, with a reason that matches `reason` (English). */
async function expectDetected(setup, seq, reason) {
    const run = cli(['audit', 'verify', '--db', setup.db.url], { allowFail: true });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.notEqual(run.code, 0, `houqin audit verify must fail on a tampered log; output: ${output}`);
    assert.match(output, new RegExp(`\\b${seq}\\b`), `the first bad seq ${seq} is printed`);

    const verify = expectStatus(await setup.admin.get('/audit/verify'), 200).body;
    assert.equal(verify.ok, false, `GET /audit/verify: ${JSON.stringify(verify)}`);
    assert.equal(verify.first_bad_seq, seq, `first_bad_seq; ${JSON.stringify(verify)}`);
    assert.ok(verify.reason && verify.reason['zh-CN'] && verify.reason.en, 'reason in both languages');
    assert.match(verify.reason.en, reason);
    await setup.server.stop();
}

test('X-1 an edited audit row is detected: houqin audit verify exits non-zero and prints seq 3', async () => {
    const setup = await auditedDatabase();
    setup.db.sql("UPDATE audit_log SET after_json = '{}' WHERE seq = 3");
    assert.equal(setup.db.sql('SELECT after_json FROM audit_log WHERE seq = 3'), '{}', 'the row was really changed');
    await expectDetected(setup, 3, /altered/);
});

test('X-1 a deleted audit row is detected at its own seq, as missing', async () => {
    const setup = await auditedDatabase();
    setup.db.sql('DELETE FROM audit_log WHERE seq = 3');
    assert.equal(setup.db.sql('SELECT COUNT(*) FROM audit_log WHERE seq = 3'), '0');
    // The gap is reported where it is: entry 3 is missing (docs/api.md "Answers the tests pin down").
    await expectDetected(setup, 3, /missing/);
});

test('X-1 two swapped audit rows are detected', async () => {
    const setup = await auditedDatabase();
    const columns = ['at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'before_json', 'after_json',
        'request_id', 'prev_hash', 'hash'];
    const before = setup.db.sql('SELECT hash FROM audit_log WHERE seq IN (3, 4) ORDER BY seq');
    // The originals are copied first; the unique columns of both rows are then moved out of the way so the swap
    // cannot hit a unique constraint half way.
    setup.db.sql(
        'CREATE TEMP TABLE swapped AS SELECT * FROM audit_log WHERE seq IN (3, 4); ' +
            "UPDATE audit_log SET hash = hash || 'x', prev_hash = prev_hash || 'x', request_id = request_id || 'x' " +
            'WHERE seq IN (3, 4); ' +
            `UPDATE audit_log SET ${columns.map((column) => `${column} = swapped.${column}`).join(', ')} ` +
            'FROM swapped WHERE swapped.seq = 7 - audit_log.seq;',
    );
    const after = setup.db.sql('SELECT hash FROM audit_log WHERE seq IN (3, 4) ORDER BY seq');
    assert.deepEqual(after.split('\n'), before.split('\n').reverse(), 'rows 3 and 4 were swapped');
    await expectDetected(setup, 3, /does not follow/);
});

// Two instances on one database append at the same time: the chain must not fork (each entry's prev_hash is the
// hash of the entry before it, whichever instance wrote it).
test('X-1 concurrent writes through two instances keep one unbroken chain', async () => {
    const second = await startServer(demo.db);
    try {
        const onA = await demo.as('office');
        const onB = new Client(second.url);
        await onB.login('office', 'Office@2026', { expect: 200 });
        const before = expectStatus(await jiwei.get('/audit', { query: { page_size: 1 } }), 200).body.total;
        const writes = [];
        for (let i = 0; i < 12; i += 1) {
            const client = i % 2 === 0 ? onA : onB;
            writes.push(client.post('/vendors', vendorBody({ name: `并发审计${i}-${uniqueSuffix()}` })));
        }
        for (const response of await Promise.all(writes)) expectStatus(response, 201, 'concurrent create');
        const entries = (await listAll(jiwei, '/audit')).sort((a, b) => a.seq - b.seq);
        assert.ok(entries.length >= before + 12, 'every write audited');
        for (let i = 1; i < entries.length; i += 1) {
            assert.equal(entries[i].prev_hash, entries[i - 1].hash, `prev_hash of seq ${entries[i].seq}`);
        }
        const verify = expectStatus(await jiwei.get('/audit/verify'), 200).body;
        assert.equal(verify.ok, true, JSON.stringify(verify));
        assert.equal(cli(['audit', 'verify', '--db', demo.db.url], { allowFail: true }).code, 0);
    } finally {
        await second.stop();
    }
});

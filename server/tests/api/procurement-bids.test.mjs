// The office's own sealed bidding (PRJ-5, PRJ-6, PRJ-7, PRJ-8, ROLE-4): leadership sets the ceiling, the office opens
// the bidding with its secret and a discipline-inspection witness's, vendors register (checked against the category's
// criteria) and bid once each, no one can read a quote before the opening — not through the API and not in what the
// database writes to disk — and the opening reveals, ranks and publishes them; the award drafts the contract.
// docs/api.md "Projects and procurement", docs/procurement.md "Sealed bids".
//
// Each test takes a project of its own as far as it needs (scenario(stage)), with amounts no other test uses, so it
// runs alone and in any order. Time moves on the one server: its clock is a file the test rewrites
// (HOUQIN_FAKE_NOW_FILE, movableClock in harness.mjs; on(instant, client)); each test starts at T0 and sets the times it
// needs. All instants come from the test clock (server/tests/clock.mjs), T0 being its now:
//   T0          the bidding opened (deadline BID_DEADLINE: in six days at 17:00, opening OPENING_AT: three days
//               later at 09:30), most bids
//   T1 day 2, 15:00  vendor1's bid, the same quote as an earlier one (the tie goes to the earlier submission)
//   T2 day 7, 09:00  after the deadline, before the opening
//   T3 day 9, 10:00  the opening and the award
// Each seal and each opening attempt costs two argon2id runs (~1 s and 256 MiB each).
import { before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
    FAKE_NOW, expectBilingual, expectError, expectStatus, fromFen, movableClock, pdfText, setupDemo, toFen, uniqueSuffix,
} from './harness.mjs';
import {
    BID_DEADLINE, OFFICER_SECRET, OPENING_AT, WITNESS_SECRET, YEAR, approvedProject, auditTotal, loginOn,
    procurementFixtures, vendorUser, witnessConsent,
} from './procurement-fixtures.mjs';
import { at, day, year } from '../clock.mjs';

const T0 = FAKE_NOW;
const T1 = at(day(2), '15:00');
const T2 = at(day(7), '09:00');
const T3 = at(day(9), '10:00');
const clock = movableClock(T0); // the server's time, moved by on()

let demo;
let office;
let admin;
let leader;
let jiwei;
let vendor1; // 九江长安物业
let vendor2; // 佛山安泰保安
let vendor3; // 南海洁美保洁 (a user made here)
let vendor4; // 顺德会展商务 (a user made here; registered by the office)
let vendor5; // 南海消防技术 (a user made here; registers, never bids)
let fx;
const servers = []; // the server of this file, for the log check

before(async () => {
    demo = await setupDemo({ env: clock.env });
    servers.push(demo.server);
    office = await demo.as('office');
    admin = await demo.as('admin');
    leader = await demo.as('leader');
    jiwei = await demo.as('jiwei');
    vendor1 = await demo.as('vendor1');
    vendor2 = await demo.as('vendor2');
    fx = await procurementFixtures(office, admin);
    vendor3 = await vendorUser(demo, admin, fx.vendor.jiemei, 'jiemei');
    vendor4 = await vendorUser(demo, admin, fx.vendor.huizhan, 'huizhan');
    vendor5 = await vendorUser(demo, admin, fx.vendor.xiaofang, 'xiaofang');
    expectStatus(await admin.put(`/procurement-rules/${YEAR}`, {
        threshold: '1000000.00', basis: 'annual_budget',
        catalogue: [{ kind: 'item', code: 'C1204', name_zh: '物业管理服务', name_en: 'Property management services' }],
        reason: `${YEAR}年政府集中采购目录及限额标准`,
    }), 200, 'rules');
});

// ---------------------------------------------------------------------------------------------------------------
// The clock and fresh scenarios

// Every test starts at T0, whatever the test before it left the clock at.
beforeEach(() => clock.set(T0));

const laterClients = new Map(); // "instant username" -> client logged in at that instant

/**
 * `client`'s account with the server's clock moved to `instant` (T0: the client itself). A session idles out when the
 * clock jumps days ahead, so at a later instant the account is logged in again there, once per instant.
 */
async function on(instant, client) {
    clock.set(instant);
    if (instant === T0) return client;
    const key = `${instant} ${client.user.username}`;
    if (!laterClients.has(key)) laterClients.set(key, await loginOn(demo.server, client));
    return laterClients.get(key);
}

let scenarioCount = 0;

/**
 * Amounts no other scenario of this file uses (101.01 apart from one scenario to the next), so finding one in an
 * answer or on disk cannot be a coincidence or another test's: the ceiling, a low quote (two vendors tie on it), a
 * middle one, and one above the ceiling.
 */
function amounts() {
    scenarioCount += 1;
    const step = scenarioCount * 10_101;
    return {
        ceiling: fromFen(34_321_957 + step),
        low: fromFen(29_876_543 + step),
        mid: fromFen(32_198_765 + step),
        high: fromFen(35_123_489 + step),
    };
}

const STAGES = ['approved', 'ceiling', 'bidding', 'registered', 'bids', 'tied', 'opened', 'awarded'];

/**
 * A new meeting project (internal route) taken as far as `stage`:
 *   approved    approved by leadership
 *   ceiling     leadership has set the ceiling
 *   bidding     the office opened the sealed bidding at T0, witnessed by discipline inspection
 *   registered  vendor1, vendor2 and vendor3 registered themselves, the office registered vendor4's vendor
 *   bids        at T0 vendor3 bid `low`, vendor2 `high` (above the ceiling), vendor4 `mid`; vendor5 registered
 *   tied        at T1 vendor1 bid `low` too
 *   opened      opened at T3
 *   awarded     awarded at T3
 * Returns {project (as the last step answered), ceiling, low, mid, high, bids: {vendor key: bid answer}, opening,
 * contractId}.
 */
async function scenario(stage) {
    assert.ok(STAGES.includes(stage), `stage ${stage}`);
    const reached = (name) => STAGES.indexOf(stage) >= STAGES.indexOf(name);
    const s = { ...amounts(), bids: {} };
    await on(T0, office); // the bidding opens at T0
    s.project = await approvedProject({ office, leader }, fx);
    assert.equal(s.project.route, 'internal');
    const id = s.project.id;
    if (reached('ceiling')) {
        s.project = expectStatus(await leader.put(`/projects/${id}/ceiling`, { amount: s.ceiling, reason: '年度最高限价' }), 200,
            'set ceiling').body;
    }
    if (reached('bidding')) {
        await witnessConsent(jiwei, id, 'open_bidding');
        s.project = expectStatus(await office.post(`/projects/${id}/bidding`, biddingBody()), 200, 'open bidding').body;
    }
    if (reached('registered')) {
        for (const client of [vendor1, vendor2, vendor3]) {
            expectStatus(await client.post(`/projects/${id}/registrations`, {}), 201, `${client.user.username} registers`);
        }
        expectStatus(await office.post(`/projects/${id}/registrations`, { vendor_id: fx.vendor.huizhan.id }), 201, 'office registers');
    }
    if (reached('bids')) {
        for (const [key, client, quote] of [['jiemei', vendor3, s.low], ['antai', vendor2, s.high], ['huizhan', vendor4, s.mid]]) {
            s.bids[key] = expectStatus(await client.post(`/projects/${id}/bids`, { quote }), 201, `${key} bids`).body;
        }
        expectStatus(await vendor5.post(`/projects/${id}/registrations`, {}), 201, 'vendor5 registers');
    }
    if (reached('tied')) {
        s.bids.changan = expectStatus(await (await on(T1, vendor1)).post(`/projects/${id}/bids`, { quote: s.low }), 201,
            'vendor1 bids at T1').body;
    }
    if (reached('opened')) {
        await witnessConsent(await on(T3, jiwei), id, 'opening');
        s.opening = expectStatus(await (await on(T3, office)).post(`/projects/${id}/opening`, openingBody()), 201, 'opening').body;
    }
    if (reached('awarded')) {
        s.contractId = expectStatus(await (await on(T3, office)).post(`/projects/${id}/award`, {}), 201, 'award').body.contract_id;
    }
    await on(T0, office); // the scenario's project and clients are then read at T0, as the test starts
    return s;
}

function biddingBody(overrides = {}) {
    return {
        bid_deadline: BID_DEADLINE, opening_at: OPENING_AT, officer_secret: OFFICER_SECRET, witness_secret: WITNESS_SECRET,
        ...overrides,
    };
}

function openingBody(overrides = {}) {
    return { officer_secret: OFFICER_SECRET, witness_secret: WITNESS_SECRET, ...overrides };
}

async function read(client, id) {
    return expectStatus(await client.get(`/projects/${id}`), 200, `project ${id}`).body;
}

async function bidsOf(client, id) {
    return expectStatus(await client.get(`/projects/${id}/bids`), 200, 'bids').body.items;
}

function sameInstant(actual, expected, what) {
    assert.equal(Date.parse(actual), Date.parse(expected), `${what}: ${actual} is ${expected}`);
}

const HEX64 = /^[0-9a-f]{64}$/;

// ---------------------------------------------------------------------------------------------------------------
// Finding an amount in clear

/** The ways an amount could sit in text: fen integer, yuan with two places (plain and grouped), 64-bit hex both ways. */
function clearForms(amount) {
    const fen = toFen(amount);
    const yuan = fromFen(fen);
    const [whole, fraction] = yuan.split('.');
    const grouped = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
    const bigEndian = fen.toString(16).padStart(16, '0');
    const littleEndian = bigEndian.match(/../g).reverse().join('');
    return [String(fen), yuan, grouped, bigEndian, littleEndian];
}

/** The forms of `amount` found in `text` (searched case-insensitively: hex may be upper case). */
function findClear(text, amount) {
    const lower = text.toLowerCase();
    return clearForms(amount).filter((form) => lower.includes(form));
}

/** The ways an amount could sit in raw bytes: the text forms, and the fen as a 64-bit integer (PostgreSQL's BIGINT
 * is little-endian on this machine; both byte orders are searched). */
function rawForms(amount) {
    const fen = BigInt(toFen(amount));
    const little = Buffer.alloc(8);
    little.writeBigInt64LE(fen);
    const big = Buffer.alloc(8);
    big.writeBigInt64BE(fen);
    return [...clearForms(amount).slice(0, 3).map((form) => [form, Buffer.from(form, 'latin1')]),
        ['int64 little-endian', little], ['int64 big-endian', big]];
}

/** The raw forms of `amount` found in `bytes`. */
function findRaw(bytes, amount) {
    return rawForms(amount).filter(([, form]) => bytes.includes(form)).map(([name]) => name);
}

/** Runs a tool the scan needs; a missing tool fails the test with its name (the scan never switches itself off). */
function runTool(command, args, { pkg, ...options }) {
    const result = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 30, ...options });
    if (result.error && result.error.code === 'ENOENT') {
        throw new Error(`${command} (Debian package ${pkg}) is required for the scan of sealed quotes: run make deps`);
    }
    if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
    assert.equal(result.status, 0, `${command} ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
}

/** Every table of the database as text: `sqlite3 .dump`, or `pg_dump` of the test cluster. */
function dumpDatabase(db) {
    if (db.engine === 'sqlite') {
        return runTool('sqlite3', ['-cmd', '.timeout 10000', db.file, '.dump'], { pkg: 'sqlite3' });
    }
    const url = new URL(process.env.HOUQIN_PG_URL);
    return runTool('pg_dump', [
        '-h', url.hostname || '127.0.0.1', '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres'),
        '--no-owner', '--no-privileges', db.name,
    ], { pkg: 'postgresql-client' });
}

/** The files of a folder, recursively, as [relative name, Buffer]. */
function filesUnder(dir) {
    const out = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...filesUnder(full).map(([name, bytes]) => [path.join(entry.name, name), bytes]));
        else if (entry.isFile()) out.push([entry.name, fs.readFileSync(full)]);
    }
    return out;
}

/** pg_waldump of the server's major version (Debian keeps one per version under /usr/lib/postgresql/N/bin). */
function pgWaldump(db) {
    const major = Math.floor(Number(db.sql('SHOW server_version_num')) / 10000);
    const candidates = [`/usr/lib/postgresql/${major}/bin/pg_waldump`];
    if (process.env.PG_BIN) candidates.unshift(path.join(process.env.PG_BIN, 'pg_waldump'));
    const found = candidates.find((candidate) => fs.existsSync(candidate));
    if (!found) {
        throw new Error(`pg_waldump (Debian package postgresql-${major}) is required for the scan of sealed quotes; ` +
            `looked in ${candidates.join(', ')}: run make deps`);
    }
    return found;
}

/**
 * What PostgreSQL wrote to disk for `db` since `startLsn`, with the WAL kept by a replication slot so no segment of
 * the range is recycled before it is read. Returns [{what, bytes|text}]: the WAL segments of the range (raw), the same
 * range decoded by pg_waldump (text), and, after a CHECKPOINT, every file of the database's folder base/<oid>.
 */
function postgresOnDisk(db, slot) {
    const dataDir = db.sql('SHOW data_directory');
    const oid = db.sql('SELECT oid FROM pg_database WHERE datname = current_database()');
    // The switch flushes the WAL (the test cluster commits asynchronously) and closes the segment.
    db.sql('SELECT pg_switch_wal()');
    const endLsn = db.sql('SELECT pg_current_wal_flush_lsn()');
    const [firstSegment, lastSegment] = [slot.startLsn, endLsn].map((lsn) => db.sql(`SELECT pg_walfile_name('${lsn}')`));
    const walDir = path.join(dataDir, 'pg_wal');
    const segments = fs.readdirSync(walDir).filter((name) => /^[0-9A-F]{24}$/.test(name) && name >= firstSegment && name <= lastSegment).sort();
    assert.ok(segments.length > 0 && segments[0] === firstSegment && segments.at(-1) === lastSegment,
        `the WAL of ${slot.startLsn}..${endLsn} is kept (${firstSegment}..${lastSegment}): ${segments.join(' ')}`);
    const parts = segments.map((name) => ({ what: `WAL segment ${name}`, bytes: fs.readFileSync(path.join(walDir, name)) }));
    const decoded = runTool(pgWaldump(db), ['--path', walDir, '--start', slot.startLsn, '--end', endLsn, '--bkp-details'], {
        pkg: 'postgresql',
    });
    // The decoding covers this database's writes: its records name the database's folder.
    assert.match(decoded, new RegExp(`rel \\d+/${oid}/\\d+`), `pg_waldump shows records of database ${oid}`);
    parts.push({ what: 'the WAL decoded by pg_waldump', text: decoded });

    db.sql('CHECKPOINT');
    const dbDir = path.join(dataDir, 'base', oid);
    for (const [name, bytes] of filesUnder(dbDir)) parts.push({ what: `base/${oid}/${name}`, bytes });
    return parts;
}

// ---------------------------------------------------------------------------------------------------------------
// PRJ-6: the ceiling

test('PRJ-6 leadership sets the ceiling; the office cannot; bidding cannot open without one', async () => {
    const { project, ceiling } = await scenario('approved');
    const id = project.id;
    const auditBefore = await auditTotal(admin);
    expectError(await office.put(`/projects/${id}/ceiling`, { amount: ceiling, reason: '办公室自定' }), 403, 'PermissionDenied');
    expectError(await vendor1.put(`/projects/${id}/ceiling`, { amount: ceiling, reason: '供应商' }), 403, 'PermissionDenied');
    expectError(await leader.put(`/projects/${id}/ceiling`, { amount: '-1.00', reason: '负数' }), 400, 'InvalidArgument', 'amount');
    expectError(await leader.put(`/projects/${id}/ceiling`, { amount: '三十万', reason: '非数字' }), 400, 'InvalidArgument', 'amount');
    expectError(await office.post(`/projects/${id}/bidding`, biddingBody()), 409, 'FailedPrecondition');
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');
    assert.equal((await read(office, id)).status, 'approved');

    const reason = `镇党委会议(${year()}年第23次)确定的年度最高限价`;
    const set = expectStatus(await leader.put(`/projects/${id}/ceiling`, { amount: ceiling, reason }), 200, 'set ceiling').body;
    assert.equal(set.ceiling.amount, ceiling);
    assert.equal(set.ceiling.reason, reason);
    assert.equal(set.ceiling.set_by_name, leader.user.display_name);
    assert.equal((await read(office, id)).ceiling.amount, ceiling, 'the office sees it');
    assert.equal((await read(jiwei, id)).ceiling.amount, ceiling, 'discipline inspection sees it');
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-7: opening the bidding creates the seal

test('PRJ-7 opening the bidding needs strong, different secrets and the witness\'s consent from their own session; each refusal names its field', async () => {
    const { project } = await scenario('ceiling');
    const id = project.id;
    const auditBefore = await auditTotal(admin);
    const refused = async (overrides, field, status = 400, code = 'InvalidArgument') =>
        expectError(await office.post(`/projects/${id}/bidding`, biddingBody(overrides)), status, code, field);
    await refused({ officer_secret: 'abc123' }, 'officer_secret');
    await refused({ officer_secret: 'aaaaaaaaaaaaaaaa1A' }, 'officer_secret'); // 18 characters, only 3 different
    await refused({ witness_secret: 'password1234' }, 'witness_secret'); // two kinds, under 20 characters
    await refused({ officer_secret: '' }, 'officer_secret');
    const same = await refused({ witness_secret: OFFICER_SECRET }, undefined);
    assert.ok(same.fields.some((entry) => ['officer_secret', 'witness_secret'].includes(entry.field)), 'equal secrets are named');
    await refused({ bid_deadline: at(day(-1), '17:00') }, 'bid_deadline'); // already past at T0
    await refused({ opening_at: at(day(6), '16:00') }, 'opening_at'); // before the deadline
    await refused({ bid_deadline: `${day(6)} 17:00` }, 'bid_deadline'); // not ISO 8601 with an offset
    expectError(await leader.post(`/projects/${id}/bidding`, biddingBody()), 403, 'PermissionDenied');
    expectError(await jiwei.post(`/projects/${id}/bidding`, biddingBody()), 403, 'PermissionDenied');
    expectError(await vendor1.post(`/projects/${id}/bidding`, biddingBody()), 403, 'PermissionDenied');
    const unchanged = await read(office, id);
    assert.equal(unchanged.status, 'approved');
    assert.equal(unchanged.bidding, null);
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');

    // No log-in password is taken any more: the witness fields of old are not read.
    assert.ok(!JSON.stringify(await read(office, id)).includes('witness_password'));

    // Without the witness's consent the office cannot open the bidding: 409, the field and what is missing named.
    const missing = await refused({}, 'witness_consent', 409, 'FailedPrecondition');
    expectBilingual(missing.message, 'no consent');
    assert.match(missing.message['zh-CN'], /见证人.*确认/);
    assert.match(missing.message.en, /witness's consent is missing/);
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');

    // Only discipline inspection may witness (project:witness): the office, leadership, a vendor and the administrator
    // are refused at the route, and nothing is written.
    for (const client of [office, leader, vendor1, admin]) {
        expectError(await client.post(`/projects/${id}/witness-consents`, { purpose: 'open_bidding' }), 403, 'PermissionDenied');
    }
    expectError(await jiwei.post(`/projects/${id}/witness-consents`, { purpose: 'opening' }), 409, 'FailedPrecondition', 'status');
    expectError(await jiwei.post(`/projects/${id}/witness-consents`, { purpose: 'lunch' }), 400, 'InvalidArgument', 'purpose');
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');
    await refused({}, 'witness_consent', 409, 'FailedPrecondition');

    // The witness consents from their own session; the project shows the consent to the office, with its expiry.
    const consent = await witnessConsent(jiwei, id, 'open_bidding');
    assert.equal(consent.witness_id, jiwei.user.id);
    assert.equal(consent.purpose, 'open_bidding');
    assert.equal(Date.parse(consent.expires_at) - Date.parse(consent.given_at), 15 * 60_000,
        'procurement.witness_consent_minutes (15) after it was given');
    assert.ok((await read(jiwei, id)).allowed_actions.includes('witness_open_bidding'));
    assert.equal((await read(office, id)).witness_consent.id, consent.id);
    const audited = expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.items[0];
    assert.deepEqual([audited.action, audited.entity, String(audited.entity_id), audited.actor_id],
        ['witness_consent', 'project', String(id), jiwei.user.id], 'the consent is in the audit trail: who');
    const after = typeof audited.after === 'string' ? JSON.parse(audited.after) : audited.after;
    assert.equal(after.consent_id, consent.id);

    const opened = expectStatus(await office.post(`/projects/${id}/bidding`, biddingBody()), 200, 'open bidding').body;
    assert.equal(opened.status, 'bidding');
    const { bidding } = opened;
    sameInstant(bidding.bid_deadline, BID_DEADLINE, 'bid_deadline');
    sameInstant(bidding.opening_at, OPENING_AT, 'opening_at');
    assert.equal(bidding.officer_name, office.user.display_name);
    assert.equal(bidding.witness_name, jiwei.user.display_name);
    assert.equal(bidding.accepting, true);
    assert.equal(bidding.fingerprint.replace(/[^0-9a-f]/gi, '').length, 32, `fingerprint of 16 bytes: ${bidding.fingerprint}`);
    assert.ok(!JSON.stringify(opened).includes(OFFICER_SECRET) && !JSON.stringify(opened).includes(WITNESS_SECRET), 'no secret in the answer');
    assert.equal(opened.witness_consent, null, 'the consent was used');
    expectError(await office.post(`/projects/${id}/bidding`, biddingBody()), 409, 'FailedPrecondition', 'status');
});

test('PRJ-7 a bidding window shorter than procurement.min_bidding_days (default 5) is refused naming bid_deadline; the form is told the minimum and the step records it', async () => {
    const { project } = await scenario('ceiling');
    const id = project.id;
    assert.equal((await read(office, id)).min_bidding_days, 5, 'the open-bidding form is told the minimum in force');
    assert.equal(project.min_bidding_days, null, 'leadership, who cannot open the bidding, is not asked');
    const auditBefore = await auditTotal(admin);
    // Four minutes after T0 (10:00), and five days less a minute: both refused before any consent is asked.
    const tooShort = [at(day(0), '10:04'), at(day(5), '09:59')];
    for (const deadline of tooShort) {
        const error = expectError(await office.post(`/projects/${id}/bidding`, biddingBody({ bid_deadline: deadline, opening_at: deadline })),
            400, 'InvalidArgument', 'bid_deadline');
        const field = error.fields.find((entry) => entry.field === 'bid_deadline');
        assert.match(field.message['zh-CN'], /不得少于 5 天/);
        assert.match(field.message.en, /at least 5 days/);
    }
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');
    // A longer minimum set by the administrator (settings with history) refuses the six-day window of the fixtures.
    expectStatus(await admin.put('/settings/procurement.min_bidding_days', { value: 10, reason: '比照竞争性磋商不少于10日' }), 200);
    try {
        assert.equal((await read(office, id)).min_bidding_days, 10);
        expectError(await office.post(`/projects/${id}/bidding`, biddingBody()), 400, 'InvalidArgument', 'bid_deadline');
    } finally {
        expectStatus(await admin.put('/settings/procurement.min_bidding_days', { value: 5, reason: '恢复默认5天' }), 200);
    }
    // Exactly five days is enough; the step records the deadline and the minimum it was checked against.
    await witnessConsent(jiwei, id, 'open_bidding');
    const opened = expectStatus(await office.post(`/projects/${id}/bidding`, biddingBody({ bid_deadline: at(day(5), '10:00') })),
        200, 'open bidding').body;
    assert.equal(opened.status, 'bidding');
    assert.equal(opened.min_bidding_days, null, 'no longer asked once the bidding is open');
    const step = (await read(office, id)).history.find((entry) => entry.action === 'open_bidding');
    assert.match(step.comment, /不少于 5 天/);
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-5: registration and the category's criteria

test('PRJ-5 registration checks the category criteria: 安泰保安 lacks 保洁服务资质, is registered unqualified and its bid is refused', async () => {
    const cleaning = await approvedProject({ office, leader }, fx, {
        name: `${YEAR}年度九江镇机关保洁服务采购项目(测试${uniqueSuffix()})`, category_id: fx.cleaning.id, annual_budget: '280000.00',
        total_budget: '280000.00', scope: '镇机关办公楼及大院保洁',
    });
    assert.equal(cleaning.route, 'internal');
    expectStatus(await leader.put(`/projects/${cleaning.id}/ceiling`, { amount: '270000.00', reason: '年度最高限价' }), 200);
    await witnessConsent(jiwei, cleaning.id, 'open_bidding');
    expectStatus(await office.post(`/projects/${cleaning.id}/bidding`, biddingBody()), 200, 'open the cleaning bidding');
    // While no bid exists the ceiling may still change.
    assert.equal(expectStatus(await leader.put(`/projects/${cleaning.id}/ceiling`, { amount: '275000.00', reason: '调整' }), 200)
        .body.ceiling.amount, '275000.00');

    const listed = expectStatus(await vendor2.get('/projects', { query: { status: 'bidding', page_size: 200 } }), 200).body.items;
    assert.ok(listed.some((item) => item.id === cleaning.id), 'vendors see projects open for bidding in their town');

    const failed = expectStatus(await vendor2.post(`/projects/${cleaning.id}/registrations`, {}), 201, 'vendor2 registers').body;
    assert.equal(failed.vendor_id, fx.vendor.antai.id);
    assert.equal(failed.vendor_name, fx.vendor.antai.name);
    assert.equal(failed.qualified, false);
    assert.deepEqual(failed.failures.map((item) => [item.code, item.criterion]), [['qualification_missing', 'qualification:保洁服务资质']]);
    expectBilingual(failed.failures[0].text, 'failure text');
    assert.match(failed.failures[0].text['zh-CN'], /保洁服务资质/);
    assert.ok(failed.values.length > 0, 'the values used are recorded');
    assert.equal(failed.registered_by_name, vendor2.user.display_name);

    const ok = expectStatus(await vendor1.post(`/projects/${cleaning.id}/registrations`, {}), 201, 'vendor1 registers').body;
    assert.equal(ok.vendor_id, fx.vendor.changan.id);
    assert.equal(ok.qualified, true);
    assert.deepEqual(ok.failures, []);
    const again = expectStatus(await vendor2.post(`/projects/${cleaning.id}/registrations`, {}), 200, 're-check').body;
    assert.equal(again.qualified, false);

    const own = expectStatus(await vendor2.get(`/projects/${cleaning.id}/registrations`), 200).body.items;
    assert.deepEqual(own.map((item) => item.vendor_id), [fx.vendor.antai.id], 'a vendor user sees its own registration only');
    const all = expectStatus(await office.get(`/projects/${cleaning.id}/registrations`), 200).body.items;
    assert.deepEqual(all.map((item) => item.vendor_id).sort(), [fx.vendor.changan.id, fx.vendor.antai.id].sort());
    const asVendor2 = await read(vendor2, cleaning.id);
    assert.equal(asVendor2.my_registration.qualified, false);
    assert.equal(asVendor2.my_bid, null);

    const auditBefore = await auditTotal(admin);
    const refusal = expectError(await vendor2.post(`/projects/${cleaning.id}/bids`, { quote: '260000.00' }), 400, 'InvalidArgument',
        'qualification:保洁服务资质');
    expectBilingual(refusal.fields[0].message);
    assert.deepEqual(await bidsOf(office, cleaning.id), [], 'no bid written');
    assert.equal((await read(office, cleaning.id)).counts.bids, 0);
    assert.equal(await auditTotal(admin), auditBefore, 'nothing written');
    expectError(await office.post(`/projects/${cleaning.id}/award`, {}), 409, 'FailedPrecondition', 'status');
});

test('PRJ-5 four vendors register for the meeting project (one by the office) and all qualify', async () => {
    const { project } = await scenario('bidding');
    const id = project.id;
    for (const [client, vendor] of [[vendor1, fx.vendor.changan], [vendor2, fx.vendor.antai], [vendor3, fx.vendor.jiemei]]) {
        const registration = expectStatus(await client.post(`/projects/${id}/registrations`, {}), 201, vendor.name).body;
        assert.equal(registration.vendor_id, vendor.id);
        assert.equal(registration.qualified, true, `${vendor.name}: ${JSON.stringify(registration.failures)}`);
    }
    const byOffice = expectStatus(await office.post(`/projects/${id}/registrations`, { vendor_id: fx.vendor.huizhan.id }), 201).body;
    assert.equal(byOffice.vendor_id, fx.vendor.huizhan.id);
    assert.equal(byOffice.qualified, true);
    assert.equal(byOffice.registered_by_name, office.user.display_name);
    expectError(await jiwei.post(`/projects/${id}/registrations`, { vendor_id: fx.vendor.xiaofang.id }), 403, 'PermissionDenied');
    const { counts } = await read(office, id);
    assert.deepEqual([counts.registrations, counts.qualified, counts.bids], [4, 4, 0]);
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-6: who sees the ceiling

test('PRJ-6 vendors do not see the ceiling before the opening unless procurement.publish_ceiling is 1', async () => {
    const { project, ceiling } = await scenario('registered');
    const id = project.id;
    const hidden = await read(vendor1, id);
    assert.equal(hidden.status, 'bidding');
    assert.equal(hidden.ceiling, null);
    assert.deepEqual(findClear(JSON.stringify(hidden), ceiling), [], 'the amount appears nowhere in the answer');
    // The steps' comments (leadership's reason for the ceiling among them) are the office's, not the bidders'.
    assert.deepEqual(hidden.history ?? [], [], 'no step history for vendors');
    assert.ok(Array.isArray((await read(office, id)).history), 'the office reads the history');
    const listed = expectStatus(await vendor1.get('/projects', { query: { page_size: 200 } }), 200).body.items.find((item) => item.id === id);
    assert.ok(listed, 'the project is listed for the vendor');
    assert.equal(listed.ceiling ?? null, null);

    expectError(await office.put('/settings/procurement.publish_ceiling', { value: 1, reason: '公开' }), 403, 'PermissionDenied');
    expectStatus(await admin.put('/settings/procurement.publish_ceiling', { value: 1, reason: '本年度起随招标公告公布最高限价' }), 200);
    try {
        assert.equal((await read(vendor1, id)).ceiling.amount, ceiling, 'published with the bidding');
        assert.equal((await read(vendor2, id)).ceiling.amount, ceiling);
    } finally {
        expectStatus(await admin.put('/settings/procurement.publish_ceiling', { value: 0, reason: '恢复开标前不公布' }), 200);
    }
    assert.equal((await read(vendor1, id)).ceiling, null, 'hidden again');
    assert.equal((await read(office, id)).ceiling.amount, ceiling, 'the office always sees it');
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-7: bids

test('PRJ-7 vendors bid once each and get a receipt; zero, negative, second and unregistered bids are refused and write nothing', async () => {
    const s = await scenario('registered');
    const id = s.project.id;
    const auditBefore = await auditTotal(admin);
    expectError(await vendor5.post(`/projects/${id}/bids`, { quote: '300000.00' }), 409, 'FailedPrecondition', 'vendor_id');
    expectError(await vendor1.post(`/projects/${id}/bids`, { quote: '0.00' }), 400, 'InvalidArgument', 'quote');
    expectError(await vendor1.post(`/projects/${id}/bids`, { quote: '-100.00' }), 400, 'InvalidArgument', 'quote');
    expectError(await vendor1.post(`/projects/${id}/bids`, { quote: '1.234' }), 400, 'InvalidArgument', 'quote');
    expectError(await office.post(`/projects/${id}/bids`, { quote: '300000.00' }), 403, 'PermissionDenied');
    assert.equal(await auditTotal(admin), auditBefore, 'refused bids write nothing');
    assert.deepEqual(await bidsOf(office, id), []);

    const bids = {};
    for (const [key, client, vendor, quote] of [
        ['jiemei', vendor3, fx.vendor.jiemei, s.low], ['antai', vendor2, fx.vendor.antai, s.high], ['huizhan', vendor4, fx.vendor.huizhan, s.mid],
    ]) {
        const bid = expectStatus(await client.post(`/projects/${id}/bids`, { quote }), 201, `${vendor.name} bids`).body;
        assert.equal(bid.vendor_id, vendor.id);
        assert.equal(bid.vendor_name, vendor.name);
        assert.match(bid.receipt, HEX64, 'a receipt of 64 hex digits');
        assert.equal(bid.fingerprint, s.project.bidding.fingerprint, 'sealed with the key of the notice');
        // Bid ids come from one counter over all projects: shown to a vendor they would count its rivals.
        assert.equal(bid.id, undefined, 'no bid id for the vendor before the opening');
        sameInstant(bid.submitted_at, T0, 'submitted_at');
        assert.ok(!('quote' in bid), 'the answer does not echo the quote');
        bids[key] = bid;
    }
    assert.equal(new Set(Object.values(bids).map((bid) => bid.receipt)).size, 3, 'receipts differ');

    const auditAfterBids = await auditTotal(admin);
    expectError(await vendor3.post(`/projects/${id}/bids`, { quote: '200000.00' }), 409, 'AlreadyExists', 'quote');
    expectError(await leader.put(`/projects/${id}/ceiling`, { amount: '400000.00', reason: '有投标后调整' }), 409, 'FailedPrecondition', 'amount');
    assert.equal((await read(office, id)).ceiling.amount, s.ceiling, 'the ceiling is unchanged');
    assert.equal((await bidsOf(office, id)).length, 3);
    assert.equal(await auditTotal(admin), auditAfterBids, 'nothing written by the second bid or the ceiling change');

    // A vendor may still register after others have bid.
    const late = expectStatus(await vendor5.post(`/projects/${id}/registrations`, {}), 201).body;
    assert.equal(late.qualified, true, JSON.stringify(late.failures));

    const mine = await read(vendor3, id);
    assert.equal(mine.my_bid.receipt, bids.jiemei.receipt);
    assert.equal(mine.my_bid.quote ?? null, null, 'not even the bidder reads its quote back before the opening');
    assert.equal(mine.my_registration.qualified, true);
});

test('PRJ-7 a later bid with the same quote (T1) is accepted; its submission time is later', async () => {
    const s = await scenario('bids');
    const id = s.project.id;
    const bid = expectStatus(await (await on(T1, vendor1)).post(`/projects/${id}/bids`, { quote: s.low }), 201, 'vendor1 bids at T1').body;
    sameInstant(bid.submitted_at, T1, 'submitted_at');
    assert.match(bid.receipt, HEX64);
    assert.notEqual(bid.receipt, s.bids.jiemei.receipt, 'the same quote seals to unrelated bytes');
    const { counts } = await read(await on(T0, office), id);
    assert.deepEqual([counts.registrations, counts.qualified, counts.bids], [5, 5, 4]);
});

test('PRJ-7 before the opening no one reads a quote through the API: not the office, the administrator, leadership or discipline inspection', async () => {
    const s = await scenario('tied');
    const id = s.project.id;
    const quotes = [s.low, s.mid, s.high];
    for (const client of [office, admin, leader, jiwei]) {
        const items = await bidsOf(client, id);
        assert.equal(items.length, 4, client.user.username);
        assert.deepEqual(items.map((item) => item.receipt).sort(), Object.values(s.bids).map((bid) => bid.receipt).sort());
        for (const item of items) {
            for (const key of ['quote', 'valid', 'rank']) assert.equal(item[key] ?? null, null, `${key} hidden from ${client.user.username}`);
        }
        const project = await read(client, id);
        const text = JSON.stringify(items) + JSON.stringify(project);
        for (const quote of quotes) assert.deepEqual(findClear(text, quote), [], `${quote} seen by ${client.user.username}`);
        expectError(await client.get(`/projects/${id}/opening`), 404, 'NotFound');
        expectError(await client.get(`/projects/${id}/opening.pdf`), 404, 'NotFound');
    }
    const own = await bidsOf(vendor2, id);
    assert.deepEqual(own.map((item) => item.vendor_id), [fx.vendor.antai.id], 'a vendor sees its own bid only');
    assert.equal(own[0].quote ?? null, null);
    const audit = expectStatus(await admin.get('/audit', { query: { page_size: 200 } }), 200).body.items;
    for (const quote of quotes) assert.deepEqual(findClear(JSON.stringify(audit), quote), [], `${quote} in the audit trail`);
});

test('PRJ-7 sealed at rest: what the database writes to disk (SQLite files; PostgreSQL data files and WAL), its dump and the server logs hold no quote in any form', async () => {
    // On PostgreSQL a replication slot keeps the WAL written from here on until it has been read.
    let slot = null;
    if (demo.db.engine === 'postgresql') {
        const name = `houqin_scan_${uniqueSuffix().toLowerCase()}`;
        const startLsn = demo.db.sql(`SELECT lsn FROM pg_create_physical_replication_slot('${name}', true)`);
        assert.match(startLsn, /^[0-9A-F]+\/[0-9A-F]+$/, `slot ${name} reserved the WAL from ${startLsn}`);
        slot = { name, startLsn };
    }
    try {
        const s = await scenario('tied');
        const quotes = [s.low, s.mid, s.high];

        // The dump of every table. The search works: the ceiling, stored in clear, is found by it, and so are the
        // bids' receipts and the project.
        const dump = dumpDatabase(demo.db);
        assert.ok(findClear(dump, s.ceiling).length > 0, `the ceiling ${s.ceiling} is found in the dump (forms ${clearForms(s.ceiling)})`);
        assert.ok(dump.includes(s.project.code), 'the project is in the dump');
        for (const bid of Object.values(s.bids)) assert.ok(dump.toLowerCase().includes(bid.receipt), 'each receipt is in the dump');
        assert.ok(dump.includes('INSERT') || dump.includes('COPY'), 'the dump has rows');
        for (const quote of quotes) assert.deepEqual(findClear(dump, quote), [], `quote ${quote} found in clear in the database dump`);

        // What the engine wrote to disk: SQLite's files (free pages and write-ahead log included: nothing deleted may
        // linger); PostgreSQL's WAL of this test, raw and decoded, and the database's files after a checkpoint.
        const parts = demo.db.engine === 'sqlite'
            ? filesUnder(path.dirname(demo.db.file)).map(([name, bytes]) => ({ what: name, bytes }))
            : postgresOnDisk(demo.db, slot);
        assert.ok(parts.length > 0, 'there are files to scan');
        for (const part of parts) {
            for (const quote of quotes) {
                const found = part.bytes ? findRaw(part.bytes, quote) : findClear(part.text, quote);
                assert.deepEqual(found, [], `quote ${quote} in ${part.what}`);
            }
        }
        // The same search finds what is stored in clear: the ceiling and the project code on disk, in the raw
        // files and, on PostgreSQL, in the raw WAL and in the data files each.
        const rawParts = parts.filter((part) => part.bytes);
        const groups = demo.db.engine === 'sqlite'
            ? [['the SQLite files', rawParts]]
            : [['the WAL', rawParts.filter((part) => part.what.startsWith('WAL'))],
                ['the data files', rawParts.filter((part) => part.what.startsWith('base/'))]];
        for (const [what, group] of groups) {
            assert.ok(group.length > 0, `${what} were read`);
            assert.ok(group.some((part) => findRaw(part.bytes, s.ceiling).length > 0), `the ceiling ${s.ceiling} is found in ${what}`);
            assert.ok(group.some((part) => part.bytes.includes(Buffer.from(s.project.code))), `the project code is found in ${what}`);
        }

        for (const server of servers) {
            const log = fs.readFileSync(server.logFile, 'utf8');
            for (const quote of quotes) assert.deepEqual(findClear(log, quote), [], `quote ${quote} in ${server.logFile}`);
        }
    } finally {
        if (slot) demo.db.sql(`SELECT pg_drop_replication_slot('${slot.name}')`);
    }
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-7: the deadline and the opening

test('PRJ-7 after the deadline a bid or a registration is refused (bid_deadline); the opening before its time is refused (opening_at)', async () => {
    const s = await scenario('tied');
    const id = s.project.id;
    const officeC = await on(T2, office);
    const adminC = await on(T2, admin);
    const vendor5C = await on(T2, vendor5);
    const vendor1C = await on(T2, vendor1);
    const auditBefore = await auditTotal(adminC);
    assert.equal((await read(officeC, id)).bidding.accepting, false, 'no longer accepting');
    expectError(await vendor5C.post(`/projects/${id}/bids`, { quote: '310000.00' }), 409, 'FailedPrecondition', 'bid_deadline');
    expectError(await vendor1C.post(`/projects/${id}/registrations`, {}), 409, 'FailedPrecondition', 'bid_deadline');
    expectError(await officeC.post(`/projects/${id}/opening`, openingBody()), 409, 'FailedPrecondition', 'opening_at');
    assert.equal((await bidsOf(officeC, id)).length, 4);
    assert.equal((await read(officeC, id)).status, 'bidding');
    assert.equal(await auditTotal(adminC), auditBefore, 'nothing written');
});

test('PRJ-7 at the opening a wrong officer secret and a wrong witness secret are each named', async () => {
    const s = await scenario('tied');
    const id = s.project.id;
    const officeD = await on(T3, office);
    const jiweiD = await on(T3, jiwei);
    await witnessConsent(jiweiD, id, 'opening');
    const wrongOfficer = expectError(await officeD.post(`/projects/${id}/opening`, openingBody({
        officer_secret: 'Jiujiang-Office#2025!',
    })), 400, 'InvalidArgument', 'officer_secret');
    assert.ok(!wrongOfficer.fields.some((entry) => entry.field === 'witness_secret'), 'the right witness secret is not blamed');
    await witnessConsent(jiweiD, id, 'opening'); // each attempt uses a consent
    const wrongWitness = expectError(await officeD.post(`/projects/${id}/opening`, openingBody({
        witness_secret: '镇纪委监督开标口令:二〇二六年十二月八日上午',
    })), 400, 'InvalidArgument', 'witness_secret');
    assert.ok(!wrongWitness.fields.some((entry) => entry.field === 'officer_secret'), 'the right officer secret is not blamed');
    const project = await read(officeD, id);
    assert.equal(project.status, 'bidding');
    assert.equal(project.outcome, null);
    expectError(await officeD.get(`/projects/${id}/opening`), 404, 'NotFound');
});

test('PRJ-7 wrong secrets sent at once are each counted: at procurement.opening_max_failures the opening pauses', async () => {
    const s = await scenario('tied');
    const id = s.project.id;
    const officeD = await on(T3, office);
    const jiweiD = await on(T3, jiwei);
    const adminD = await on(T3, admin);
    // The server runs two workers (harness: --threads 2), so two attempts are checked at the same time. With a limit
    // of two, the opening pauses only if neither count is lost.
    expectStatus(await adminD.put('/settings/procurement.opening_max_failures', { value: 2, reason: '并发口令测试' }), 200);
    try {
        await witnessConsent(jiweiD, id, 'opening');
        const wrong = openingBody({ witness_secret: '镇纪委监督开标口令:并发错误口令测试用' });
        const answers = await Promise.all([1, 2].map(() => officeD.post(`/projects/${id}/opening`, wrong)));
        for (const answer of answers) expectError(answer, 400, 'InvalidArgument', 'witness_secret');
        // Each failure is in the trail with its own count.
        const failures = expectStatus(await adminD.get('/audit', {
            query: { entity: 'project', entity_id: id, action: 'open_failed' },
        }), 200).body.items.map((entry) => entry.after.failures);
        assert.deepEqual([...failures].sort(), [1, 2], `each attempt counted once: ${JSON.stringify(failures)}`);
        // Even the right pair now waits procurement.opening_lock_minutes, unchecked.
        await witnessConsent(jiweiD, id, 'opening');
        const paused = expectError(await officeD.post(`/projects/${id}/opening`, openingBody()), 429, 'ResourceExhausted');
        assert.match(paused.message.en, /^2 failed opening attempts; try again in 30 minute/);
        assert.equal((await read(officeD, id)).status, 'bidding', 'nothing opened');
    } finally {
        expectStatus(await adminD.put('/settings/procurement.opening_max_failures', { value: 5, reason: '恢复默认值' }), 200);
    }
});

test('PRJ-7 the opening reveals every quote with its validity and rank: the lowest valid wins, a tie goes to the earlier submission', async () => {
    const s = await scenario('tied');
    const id = s.project.id;
    const officeD = await on(T3, office);
    expectError(await (await on(T3, leader)).post(`/projects/${id}/opening`, openingBody()), 403, 'PermissionDenied');
    const consent = await witnessConsent(await on(T3, jiwei), id, 'opening');
    const opening = expectStatus(await officeD.post(`/projects/${id}/opening`, openingBody()), 201, 'opening').body;
    assert.equal(opening.project_id, id);
    sameInstant(opening.opened_at, T3, 'opened_at');
    assert.equal(opening.officer_name, office.user.display_name);
    assert.equal(opening.witness_name, jiwei.user.display_name);
    // The consent the opening used, who and when, is part of the record (PRJ-7).
    assert.deepEqual([opening.witness_consent.id, opening.witness_consent.witness_id, opening.witness_consent.witness_name],
        [consent.id, jiwei.user.id, jiwei.user.display_name]);
    sameInstant(opening.witness_consent.given_at, consent.given_at, 'witness_consent.given_at');
    assert.equal(opening.ceiling, s.ceiling);
    assert.match(opening.draw_seed, /^[0-9a-f]+$/i);
    assert.equal(opening.min_valid_bids, 1);
    assert.equal(opening.outcome, 'awarded');
    assert.equal(opening.fingerprint, s.project.bidding.fingerprint);
    expectBilingual(opening.summary, 'opening summary');
    assert.deepEqual(opening.draws, [], 'no draw: the tie is broken by submission time');

    assert.equal(opening.bids.length, 4);
    const byVendor = Object.fromEntries(opening.bids.map((bid) => [bid.vendor_id, bid]));
    const expected = [
        ['jiemei', s.low, true, 1, 'earlier_submission'],
        ['changan', s.low, true, 2, 'earlier_submission'],
        ['huizhan', s.mid, true, 3, 'none'],
        ['antai', s.high, false, 0, 'none'],
    ];
    for (const [key, quote, valid, rank, tieBreak] of expected) {
        const bid = byVendor[fx.vendor[key].id];
        assert.ok(bid, `the bid of ${key}`);
        assert.equal(bid.quote, quote, `${key} quote`);
        assert.equal(bid.valid, valid, `${key} valid`);
        assert.equal(bid.rank, rank, `${key} rank`);
        assert.equal(bid.tie_break, tieBreak, `${key} tie_break`);
        assert.equal(bid.receipt, s.bids[key].receipt, `${key} receipt`);
        assert.equal(bid.commitment, s.bids[key].receipt, `${key}: the commitment recomputed from the sealed bytes is the receipt`);
        assert.equal(bid.receipt_matches, true);
        sameInstant(bid.submitted_at, s.bids[key].submitted_at, `${key} submitted_at`);
    }
    const invalid = byVendor[fx.vendor.antai.id];
    assert.deepEqual(invalid.reasons.map((reason) => reason.code), ['above_ceiling']);
    expectBilingual(invalid.reasons[0].text, 'above_ceiling text');
    assert.deepEqual(opening.bids.map((bid) => bid.rank), [1, 2, 3, 0], 'valid bids by rank, then the invalid ones');

    const project = await read(officeD, id);
    assert.equal(project.status, 'opened');
    assert.equal(project.outcome, 'awarded');
    assert.equal(project.winner.vendor_id, fx.vendor.jiemei.id);
    assert.equal(project.winner.vendor_name, fx.vendor.jiemei.name);
    assert.equal(project.winner.quote, s.low);
    assert.ok(project.allowed_actions.includes('award'));

    const adminD = await on(T3, admin);
    const auditBefore = await auditTotal(adminD);
    expectError(await officeD.post(`/projects/${id}/opening`, openingBody()), 409, 'FailedPrecondition', 'status');
    assert.equal(await auditTotal(adminD), auditBefore, 'the second opening wrote nothing');
    assert.deepEqual(expectStatus(await officeD.get(`/projects/${id}/opening`), 200).body.bids, opening.bids, 'the opening is kept');

    const after = await bidsOf(officeD, id);
    for (const bid of after) {
        const revealed = opening.bids.find((item) => item.id === bid.id);
        assert.equal(bid.quote, revealed.quote);
        assert.equal(bid.valid, revealed.valid);
        assert.equal(bid.rank, revealed.rank);
    }
});

test('PRJ-7 the opening is published to the vendors that bid, not to one that only registered; its record prints as PDF', async () => {
    const s = await scenario('opened');
    const id = s.project.id;
    for (const client of [vendor1, vendor2, vendor3]) {
        const seen = expectStatus(await (await on(T3, client)).get(`/projects/${id}/opening`), 200, client.user.username).body;
        assert.equal(seen.outcome, 'awarded');
        assert.equal(seen.bids.length, 4);
    }
    const vendor5D = await on(T3, vendor5);
    expectError(await vendor5D.get(`/projects/${id}/opening`), 404, 'NotFound');
    // Nor through the bids list or the project: a vendor that only registered learns no quote.
    expectError(await vendor5D.get(`/projects/${id}/bids`), 404, 'NotFound');
    const asRegistered = await read(vendor5D, id);
    assert.equal(asRegistered.winner?.quote ?? null, null, 'no winning quote for a vendor that did not bid');
    assert.equal((await read(await on(T3, vendor1), id)).ceiling.amount, s.ceiling, 'the ceiling is public after the opening');
    for (const client of [office, jiwei, leader]) {
        expectStatus(await (await on(T3, client)).get(`/projects/${id}/opening`), 200, client.user.username);
    }
    const pdf = expectStatus(await (await on(T3, office)).get(`/projects/${id}/opening.pdf`), 200, 'opening.pdf');
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.headers.get('content-type') || '', /application\/pdf/);
    // PRJ-7: the PDF names the witness and when they consented in their own account.
    const words = pdfText(pdf.bytes);
    assert.ok(words.includes(jiwei.user.display_name), 'the witness is named');
    assert.ok(words.includes('见证人本人账号确认见证'), `the consent is on the record: ${words.slice(0, 400)}`);
    assert.ok(words.includes(`确认编号${s.opening.witness_consent.id}`) || words.includes(`确认编号 ${s.opening.witness_consent.id}`),
        'with the consent number');
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-7: the witness's consent, from the witness's own session

test('PRJ-7 the opening needs a fresh consent from the witness: none is refused naming it, each consent is used once, per project and step', async () => {
    const s = await scenario('tied');
    const other = await scenario('tied');
    const id = s.project.id;
    const officeD = await on(T3, office);
    const jiweiD = await on(T3, jiwei);
    const adminD = await on(T3, admin);

    // No consent: 409 on the field witness_consent, in both languages, and nothing written.
    let auditBefore = await auditTotal(adminD);
    const missing = expectError(await officeD.post(`/projects/${id}/opening`, openingBody()), 409, 'FailedPrecondition',
        'witness_consent');
    expectBilingual(missing.message, 'missing consent');
    assert.match(missing.message['zh-CN'], /缺少纪检监察见证人的确认/);
    assert.match(missing.message.en, /witness's consent is missing/);
    assert.equal(await auditTotal(adminD), auditBefore, 'the refusal wrote nothing');

    // Who may not witness is refused at the route: the office, leadership, a bidder, the administrator.
    for (const client of [office, leader, vendor1, admin]) {
        expectError(await (await on(T3, client)).post(`/projects/${id}/witness-consents`, { purpose: 'opening' }), 403,
            'PermissionDenied');
    }
    assert.equal(await auditTotal(adminD), auditBefore, 'the refused consents wrote nothing');

    // A consent is bound to its project and its step: one for another project, or for the bidding, does not open this.
    await witnessConsent(jiweiD, other.project.id, 'opening');
    expectError(await jiweiD.post(`/projects/${id}/witness-consents`, { purpose: 'open_bidding' }), 409, 'FailedPrecondition',
        'status');
    expectError(await officeD.post(`/projects/${id}/opening`, openingBody()), 409, 'FailedPrecondition', 'witness_consent');

    // A failed attempt uses the consent: trying the secrets again needs the witness again.
    const first = await witnessConsent(jiweiD, id, 'opening');
    assert.ok((await read(jiweiD, id)).allowed_actions.includes('witness_opening'), 'the witness is offered the consent');
    assert.equal((await read(officeD, id)).witness_consent.id, first.id, 'the office sees the consent waiting');
    expectError(await officeD.post(`/projects/${id}/opening`, openingBody({ officer_secret: 'Jiujiang-Office#2025!' })), 400,
        'InvalidArgument', 'officer_secret');
    assert.equal((await read(officeD, id)).witness_consent, null, 'the consent was used by the failed attempt');
    const used = expectError(await officeD.post(`/projects/${id}/opening`, openingBody()), 409, 'FailedPrecondition',
        'witness_consent');
    expectBilingual(used.message, 'used consent');
    assert.match(used.message['zh-CN'], /只能使用一次/);
    assert.match(used.message.en, /used once/);

    // A fresh consent opens; the record names it; it cannot be used again (the project is opened, and it is spent).
    const second = await witnessConsent(jiweiD, id, 'opening');
    const opening = expectStatus(await officeD.post(`/projects/${id}/opening`, openingBody()), 201, 'opening').body;
    assert.equal(opening.witness_consent.id, second.id);
    const trail = expectStatus(await jiweiD.get(`/projects/${id}/trail`), 200).body.items;
    assert.equal(trail.filter((item) => item.action === 'witness_consent').length, 3,
        'every consent is in the trail: the one for the seal and both for the opening');
    assert.ok(trail.filter((item) => item.action === 'witness_consent').every((item) => item.actor_name === jiwei.user.display_name));
    auditBefore = await auditTotal(adminD);
    expectError(await officeD.post(`/projects/${id}/opening`, openingBody()), 409, 'FailedPrecondition', 'status');
    assert.equal(await auditTotal(adminD), auditBefore);
});

test('PRJ-7 a witness consent expires after procurement.witness_consent_minutes (a setting with history); an expired one is refused', async () => {
    const s = await scenario('tied');
    const id = s.project.id;
    const consent = await witnessConsent(await on(T3, jiwei), id, 'opening');
    // The clock moves 16 minutes on: past the default 15.
    const T3_LATE = at(day(9), '10:16');
    const officeLate = await on(T3_LATE, office);
    const expired = expectError(await officeLate.post(`/projects/${id}/opening`, openingBody()), 409, 'FailedPrecondition',
        'witness_consent');
    expectBilingual(expired.message, 'expired consent');
    assert.match(expired.message['zh-CN'], /过期/);
    assert.match(expired.message.en, /expired/);
    assert.equal((await read(officeLate, id)).status, 'bidding', 'nothing opened');
    assert.equal((await read(officeLate, id)).witness_consent, null, 'an expired consent is not shown as waiting');

    // The town allows 30 minutes: the setting is changed with a reason, and a consent given now lasts 30 minutes.
    const adminLate = await on(T3_LATE, admin);
    expectStatus(await adminLate.put('/settings/procurement.witness_consent_minutes', { value: 30, reason: '开标现场较远' }), 200);
    try {
        const setting = expectStatus(await adminLate.get('/settings'), 200).body.items
            .find((item) => item.key === 'procurement.witness_consent_minutes');
        assert.equal(Number(setting.value), 30);
        assert.ok(setting.history.some((entry) => entry.reason === '开标现场较远'), 'the change is in the setting\'s history');
        const fresh = await witnessConsent(await on(T3_LATE, jiwei), id, 'opening');
        assert.equal(Date.parse(fresh.expires_at) - Date.parse(fresh.given_at), 30 * 60_000);
        assert.ok(fresh.id > consent.id);
        const opening = expectStatus(await (await on(at(day(9), '10:40'), office)).post(`/projects/${id}/opening`, openingBody()),
            201, 'opened 24 minutes after the consent').body;
        assert.equal(opening.witness_consent.id, fresh.id);
    } finally {
        expectStatus(await adminLate.put('/settings/procurement.witness_consent_minutes', { value: 15, reason: '恢复默认' }), 200);
    }
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-8: the award

test('PRJ-8 the award drafts the contract with the winner, the winning annual quote and the service period', async () => {
    const s = await scenario('opened');
    const id = s.project.id;
    const officeD = await on(T3, office);
    expectError(await (await on(T3, vendor3)).post(`/projects/${id}/award`, {}), 403, 'PermissionDenied');
    const awarded = expectStatus(await officeD.post(`/projects/${id}/award`, {}), 201, 'award').body;
    const contractId = awarded.contract_id;
    assert.ok(contractId);
    assert.equal(awarded.project.status, 'awarded');
    assert.equal(awarded.project.contract_id, contractId);
    const contract = expectStatus(await officeD.get(`/contracts/${contractId}`), 200).body;
    assert.equal(contract.status, 'draft');
    assert.equal(contract.vendor_id, fx.vendor.jiemei.id);
    assert.equal(contract.category_id, fx.meeting.id);
    assert.equal(contract.term_start, `${YEAR}-01-01`);
    assert.equal(contract.term_end, `${YEAR}-12-31`);
    assert.equal(contract.content.annual_amount, s.low);
    assert.equal(contract.content.vendor_id, fx.vendor.jiemei.id);
    const project = await read(officeD, id);
    assert.equal(project.status, 'awarded');
    assert.equal(project.contract_id, contractId);
    assert.equal(project.contract_code, contract.code);
    expectError(await officeD.post(`/projects/${id}/award`, {}), 409, 'FailedPrecondition', 'status');
});

test('ROLE-4 discipline inspection reads the whole trail of a procurement, from the creation to the contract; vendors get 403', async () => {
    const s = await scenario('awarded');
    const id = s.project.id;
    const trail = expectStatus(await (await on(T3, jiwei)).get(`/projects/${id}/trail`), 200).body.items;
    assert.equal(trail[0].subject, 'project');
    assert.match(trail[0].action, /creat/);
    for (let i = 1; i < trail.length; i += 1) {
        assert.ok(Date.parse(trail[i - 1].at) <= Date.parse(trail[i].at), 'in time order');
    }
    for (const item of trail) {
        expectBilingual(item.summary, 'trail summary');
        assert.ok(item.actor_name.length > 0 || item.role === 'system', 'who did it');
    }
    const text = trail.map((item) => `${item.subject} ${item.action} ${item.summary.en}`).join('\n').toLowerCase();
    for (const word of ['submit', 'approv', 'ceiling', 'bidding', 'regist', 'bid', 'open', 'award']) {
        assert.ok(text.includes(word), `the trail mentions ${word}:\n${text}`);
    }
    assert.ok(trail.some((item) => item.subject === 'contract' && String(item.subject_id) === String(s.contractId)), 'the contract is in the trail');
    // The project's history names each step as its trail does: one name for one step on the page's two tabs.
    const history = expectStatus(await (await on(T3, jiwei)).get(`/projects/${id}`), 200).body.history;
    assert.ok(history.length > 0, 'the project has a history');
    for (const step of history) {
        const same = trail.find((item) => item.subject === 'project' && item.action === step.action);
        assert.ok(same, `the trail has the step ${step.action}`);
        assert.deepEqual(step.action_name, same.summary, `one name for ${step.action}`);
    }
    expectError(await (await on(T3, vendor3)).get(`/projects/${id}/trail`), 403, 'PermissionDenied');
});

// The office's own sealed bidding (PRJ-5, PRJ-6, PRJ-7, PRJ-8): leadership sets the ceiling, the office opens the
// bidding with its secret and a discipline-inspection witness's, vendors register (checked against the category's
// criteria) and bid once each, no one can read a quote before the opening — not through the API and not in the
// database — and the opening reveals, ranks and publishes them; the award drafts the contract. docs/api.md "Projects
// and procurement", docs/procurement.md "Sealed bids".
//
// Time moves by starting another server with a later HOUQIN_FAKE_NOW on the same database:
//   T0 2026-11-28 10:00  bidding opened (deadline 2026-12-04 17:00, opening 2026-12-07 09:30), most bids
//   T1 2026-11-30 15:00  vendor1's bid, the same quote as an earlier one (the tie goes to the earlier submission)
//   T2 2026-12-05 09:00  after the deadline, before the opening
//   T3 2026-12-07 10:00  the opening and the award
// Each seal and each opening attempt costs two argon2id runs (~1 s and 256 MiB each): this file makes two seals.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FAKE_NOW, expectBilingual, expectError, expectStatus, fromFen, setupDemo, startServer, toFen } from './harness.mjs';
import {
    OFFICER_SECRET, WITNESS, WITNESS_SECRET, YEAR, approvedProject, auditTotal, loginOn, procurementFixtures, vendorUser,
} from './procurement-fixtures.mjs';

const T1 = '2026-11-30T15:00:00+08:00';
const T2 = '2026-12-05T09:00:00+08:00';
const T3 = '2026-12-07T10:00:00+08:00';
const BID_DEADLINE = '2026-12-04T17:00:00+08:00';
const OPENING_AT = '2026-12-07T09:30:00+08:00';

// Distinctive amounts, so that finding one in the database cannot be a coincidence.
const CEILING = '343219.57';
const Q_LOW = '298765.43'; // vendor3 at T0 and vendor1 at T1: tied, the earlier wins
const Q_MID = '321987.65'; // vendor4
const Q_HIGH = '351234.89'; // vendor2: above the ceiling, invalid
const QUOTES = [Q_LOW, Q_MID, Q_HIGH];

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
let main; // the meeting project that is bid, opened and awarded
let cleaning; // the cleaning project of PRJ-5
const bids = {}; // vendor key -> bid answer
const servers = []; // every server started here, for the log check

before(async () => {
    demo = await setupDemo();
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
    main = await approvedProject({ office, leader }, fx, {
        name: `${YEAR}年度九江镇机关会议服务采购项目`, annual_budget: '360000.00', total_budget: '360000.00',
    });
    cleaning = await approvedProject({ office, leader }, fx, {
        name: `${YEAR}年度九江镇机关保洁服务采购项目`, category_id: fx.cleaning.id, annual_budget: '280000.00', total_budget: '280000.00',
        scope: '镇机关办公楼及大院保洁',
    });
    assert.equal(main.route, 'internal');
    assert.equal(cleaning.route, 'internal');
});

function biddingBody(overrides = {}) {
    return {
        bid_deadline: BID_DEADLINE, opening_at: OPENING_AT, officer_secret: OFFICER_SECRET, ...WITNESS,
        witness_secret: WITNESS_SECRET, ...overrides,
    };
}

function openingBody(overrides = {}) {
    return { officer_secret: OFFICER_SECRET, ...WITNESS, witness_secret: WITNESS_SECRET, ...overrides };
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

/** The ways an amount could sit in clear: fen integer, yuan with two places (plain and grouped), 64-bit hex both ways. */
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

/** Every table of the database as text: `sqlite3 .dump`, or `pg_dump` of the test cluster. */
function dumpDatabase(db) {
    let result;
    if (db.engine === 'sqlite') {
        result = spawnSync('sqlite3', ['-cmd', '.timeout 10000', db.file, '.dump'], {
            encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 30,
        });
    } else {
        const url = new URL(process.env.HOUQIN_PG_URL);
        result = spawnSync('pg_dump', [
            '-h', url.hostname || '127.0.0.1', '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres'),
            '--no-owner', '--no-privileges', db.name,
        ], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 30 });
    }
    assert.equal(result.status, 0, `dump failed: ${result.stderr}`);
    return result.stdout;
}

// ---------------------------------------------------------------------------------------------------------------
// PRJ-6: the ceiling

test('PRJ-6 leadership sets the ceiling; the office cannot; bidding cannot open without one', async () => {
    const auditBefore = await auditTotal(admin);
    expectError(await office.put(`/projects/${main.id}/ceiling`, { amount: CEILING, reason: '办公室自定' }), 403, 'PermissionDenied');
    expectError(await vendor1.put(`/projects/${main.id}/ceiling`, { amount: CEILING, reason: '供应商' }), 403, 'PermissionDenied');
    expectError(await leader.put(`/projects/${main.id}/ceiling`, { amount: '-1.00', reason: '负数' }), 400, 'InvalidArgument', 'amount');
    expectError(await leader.put(`/projects/${main.id}/ceiling`, { amount: '三十万', reason: '非数字' }), 400, 'InvalidArgument', 'amount');
    expectError(await office.post(`/projects/${main.id}/bidding`, biddingBody()), 409, 'FailedPrecondition');
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');
    assert.equal((await read(office, main.id)).status, 'approved');

    const set = expectStatus(await leader.put(`/projects/${main.id}/ceiling`, {
        amount: CEILING, reason: '镇党委会议(2026年第23次)确定的年度最高限价',
    }), 200, 'set ceiling').body;
    assert.equal(set.ceiling.amount, CEILING);
    assert.equal(set.ceiling.reason, '镇党委会议(2026年第23次)确定的年度最高限价');
    assert.equal(set.ceiling.set_by_name, leader.user.display_name);
    assert.equal((await read(office, main.id)).ceiling.amount, CEILING, 'the office sees it');
    assert.equal((await read(jiwei, main.id)).ceiling.amount, CEILING, 'discipline inspection sees it');
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-7: opening the bidding creates the seal

test('PRJ-7 opening the bidding needs strong, different secrets and a discipline-inspection witness; each refusal names its field', async () => {
    const id = main.id;
    const auditBefore = await auditTotal(admin);
    const refused = async (overrides, field, status = 400, code = 'InvalidArgument') =>
        expectError(await office.post(`/projects/${id}/bidding`, biddingBody(overrides)), status, code, field);
    await refused({ officer_secret: 'abc123' }, 'officer_secret');
    await refused({ officer_secret: 'aaaaaaaaaaaaaaaa1A' }, 'officer_secret'); // 18 characters, only 3 different
    await refused({ witness_secret: 'password1234' }, 'witness_secret'); // two kinds, under 20 characters
    await refused({ officer_secret: '' }, 'officer_secret');
    const same = await refused({ witness_secret: OFFICER_SECRET }, undefined);
    assert.ok(same.fields.some((entry) => ['officer_secret', 'witness_secret'].includes(entry.field)), 'equal secrets are named');
    await refused({ witness_username: 'leader', witness_password: 'Leader@2026' }, 'witness_username');
    await refused({ witness_username: 'office', witness_password: 'Office@2026' }, 'witness_username');
    await refused({ witness_username: 'nobody' }, 'witness_username');
    await refused({ bid_deadline: '2026-11-27T17:00:00+08:00' }, 'bid_deadline'); // already past at T0
    await refused({ opening_at: '2026-12-04T16:00:00+08:00' }, 'opening_at'); // before the deadline
    await refused({ bid_deadline: '2026-12-04 17:00' }, 'bid_deadline');
    expectError(await leader.post(`/projects/${id}/bidding`, biddingBody()), 403, 'PermissionDenied');
    expectError(await jiwei.post(`/projects/${id}/bidding`, biddingBody()), 403, 'PermissionDenied');
    expectError(await vendor1.post(`/projects/${id}/bidding`, biddingBody()), 403, 'PermissionDenied');
    const unchanged = await read(office, id);
    assert.equal(unchanged.status, 'approved');
    assert.equal(unchanged.bidding, null);
    assert.equal(await auditTotal(admin), auditBefore, 'refusals write nothing');

    // A wrong witness password counts as a failed login of the witness's account (its lockout), and only that is
    // written: the audit entry of the failure, nothing of the project.
    await refused({ witness_password: 'Wrong@2026' }, 'witness_password');
    const written = expectStatus(await admin.get('/audit', { query: { page_size: 5 } }), 200).body;
    assert.equal(written.total, auditBefore + 1, 'one audit entry: the failed witness password');
    assert.equal(written.items[0].entity, 'user');
    assert.equal(String(written.items[0].entity_id), String(jiwei.user.id));
    assert.equal((await read(office, id)).bidding, null);

    const opened = expectStatus(await office.post(`/projects/${id}/bidding`, biddingBody()), 200, 'open bidding').body;
    assert.equal(opened.status, 'bidding');
    const bidding = opened.bidding;
    sameInstant(bidding.bid_deadline, BID_DEADLINE, 'bid_deadline');
    sameInstant(bidding.opening_at, OPENING_AT, 'opening_at');
    assert.equal(bidding.officer_name, office.user.display_name);
    assert.equal(bidding.witness_name, jiwei.user.display_name);
    assert.equal(bidding.accepting, true);
    assert.equal(bidding.fingerprint.replace(/[^0-9a-f]/gi, '').length, 32, `fingerprint of 16 bytes: ${bidding.fingerprint}`);
    assert.ok(!JSON.stringify(opened).includes(OFFICER_SECRET) && !JSON.stringify(opened).includes(WITNESS_SECRET), 'no secret in the answer');
    expectError(await office.post(`/projects/${id}/bidding`, biddingBody()), 409, 'FailedPrecondition', 'status');
    main = opened;
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-5: registration and the category's criteria

test('PRJ-5 registration checks the category criteria: 安泰保安 lacks 保洁服务资质, is registered unqualified and its bid is refused', async () => {
    expectStatus(await leader.put(`/projects/${cleaning.id}/ceiling`, { amount: '270000.00', reason: '年度最高限价' }), 200);
    expectStatus(await office.post(`/projects/${cleaning.id}/bidding`, biddingBody()), 200, 'open the cleaning bidding');
    // While no bid exists the ceiling may still change.
    assert.equal(expectStatus(await leader.put(`/projects/${cleaning.id}/ceiling`, { amount: '275000.00', reason: '调整' }), 200)
        .body.ceiling.amount, '275000.00');

    const listed = expectStatus(await vendor2.get('/projects', { query: { status: 'bidding' } }), 200).body.items;
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

test('PRJ-5 PRJ-7 four vendors register for the meeting project (one by the office) and all qualify', async () => {
    for (const [client, vendor] of [[vendor1, fx.vendor.changan], [vendor2, fx.vendor.antai], [vendor3, fx.vendor.jiemei]]) {
        const registration = expectStatus(await client.post(`/projects/${main.id}/registrations`, {}), 201, vendor.name).body;
        assert.equal(registration.vendor_id, vendor.id);
        assert.equal(registration.qualified, true, `${vendor.name}: ${JSON.stringify(registration.failures)}`);
    }
    const byOffice = expectStatus(await office.post(`/projects/${main.id}/registrations`, { vendor_id: fx.vendor.huizhan.id }), 201).body;
    assert.equal(byOffice.vendor_id, fx.vendor.huizhan.id);
    assert.equal(byOffice.qualified, true);
    assert.equal(byOffice.registered_by_name, office.user.display_name);
    expectError(await jiwei.post(`/projects/${main.id}/registrations`, { vendor_id: fx.vendor.xiaofang.id }), 403, 'PermissionDenied');
    const { counts } = await read(office, main.id);
    assert.deepEqual([counts.registrations, counts.qualified, counts.bids], [4, 4, 0]);
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-6: who sees the ceiling

test('PRJ-6 vendors do not see the ceiling before the opening unless procurement.publish_ceiling is 1', async () => {
    const hidden = await read(vendor1, main.id);
    assert.equal(hidden.status, 'bidding');
    assert.equal(hidden.ceiling, null);
    assert.ok(findClear(JSON.stringify(hidden), CEILING).length === 0, 'the amount appears nowhere in the answer');
    // The steps' comments (leadership's reason for the ceiling among them) are the office's, not the bidders'.
    assert.deepEqual(hidden.history ?? [], [], 'no step history for vendors');
    assert.ok(Array.isArray((await read(office, main.id)).history), 'the office reads the history');
    const listed = expectStatus(await vendor1.get('/projects'), 200).body.items.find((item) => item.id === main.id);
    assert.ok(listed, 'the project is listed for the vendor');
    assert.equal(listed.ceiling ?? null, null);

    expectError(await office.put('/settings/procurement.publish_ceiling', { value: 1, reason: '公开' }), 403, 'PermissionDenied');
    expectStatus(await admin.put('/settings/procurement.publish_ceiling', { value: 1, reason: '本年度起随招标公告公布最高限价' }), 200);
    assert.equal((await read(vendor1, main.id)).ceiling.amount, CEILING, 'published with the bidding');
    assert.equal((await read(vendor2, main.id)).ceiling.amount, CEILING);
    expectStatus(await admin.put('/settings/procurement.publish_ceiling', { value: 0, reason: '恢复开标前不公布' }), 200);
    assert.equal((await read(vendor1, main.id)).ceiling, null, 'hidden again');
    assert.equal((await read(office, main.id)).ceiling.amount, CEILING, 'the office always sees it');
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-7: bids

test('PRJ-7 vendors bid once each and get a receipt; zero, negative, second and unregistered bids are refused and write nothing', async () => {
    const id = main.id;
    const auditBefore = await auditTotal(admin);
    expectError(await vendor5.post(`/projects/${id}/bids`, { quote: '300000.00' }), 409, undefined, 'vendor_id');
    expectError(await vendor1.post(`/projects/${id}/bids`, { quote: '0.00' }), 400, 'InvalidArgument', 'quote');
    expectError(await vendor1.post(`/projects/${id}/bids`, { quote: '-100.00' }), 400, 'InvalidArgument', 'quote');
    expectError(await vendor1.post(`/projects/${id}/bids`, { quote: '1.234' }), 400, 'InvalidArgument', 'quote');
    expectError(await office.post(`/projects/${id}/bids`, { quote: '300000.00' }), 403, 'PermissionDenied');
    assert.equal(await auditTotal(admin), auditBefore, 'refused bids write nothing');
    assert.deepEqual(await bidsOf(office, id), []);

    for (const [key, client, vendor, quote] of [
        ['jiemei', vendor3, fx.vendor.jiemei, Q_LOW], ['antai', vendor2, fx.vendor.antai, Q_HIGH], ['huizhan', vendor4, fx.vendor.huizhan, Q_MID],
    ]) {
        const bid = expectStatus(await client.post(`/projects/${id}/bids`, { quote }), 201, `${vendor.name} bids`).body;
        assert.equal(bid.vendor_id, vendor.id);
        assert.equal(bid.vendor_name, vendor.name);
        assert.match(bid.receipt, HEX64, 'a receipt of 64 hex digits');
        assert.equal(bid.fingerprint, main.bidding.fingerprint, 'sealed with the key of the notice');
        // Bid ids come from one counter over all projects: shown to a vendor they would count its rivals.
        assert.equal(bid.id, undefined, 'no bid id for the vendor before the opening');
        sameInstant(bid.submitted_at, FAKE_NOW, 'submitted_at');
        assert.ok(!('quote' in bid), 'the answer does not echo the quote');
        bids[key] = bid;
    }
    assert.equal(new Set(Object.values(bids).map((bid) => bid.receipt)).size, 3, 'receipts differ');

    const auditAfterBids = await auditTotal(admin);
    expectError(await vendor3.post(`/projects/${id}/bids`, { quote: '200000.00' }), 409, 'AlreadyExists', 'quote');
    expectError(await leader.put(`/projects/${id}/ceiling`, { amount: '400000.00', reason: '有投标后调整' }), 409, 'FailedPrecondition', 'amount');
    assert.equal((await read(office, id)).ceiling.amount, CEILING, 'the ceiling is unchanged');
    assert.equal((await bidsOf(office, id)).length, 3);
    assert.equal(await auditTotal(admin), auditAfterBids, 'nothing written by the second bid or the ceiling change');

    // vendor5 registers now and will try to bid after the deadline.
    const late = expectStatus(await vendor5.post(`/projects/${id}/registrations`, {}), 201).body;
    assert.equal(late.qualified, true, JSON.stringify(late.failures));

    const mine = await read(vendor3, id);
    assert.equal(mine.my_bid.receipt, bids.jiemei.receipt);
    assert.equal(mine.my_bid.quote ?? null, null, 'not even the bidder reads its quote back before the opening');
    assert.equal(mine.my_registration.qualified, true);
});

test('PRJ-7 a later bid with the same quote (T1) is accepted; its submission time is later', async () => {
    const serverB = await startServer(demo.db, { fakeNow: T1 });
    servers.push(serverB);
    const vendor1B = await loginOn(serverB, vendor1);
    const bid = expectStatus(await vendor1B.post(`/projects/${main.id}/bids`, { quote: Q_LOW }), 201, 'vendor1 bids at T1').body;
    sameInstant(bid.submitted_at, T1, 'submitted_at');
    assert.match(bid.receipt, HEX64);
    assert.notEqual(bid.receipt, bids.jiemei.receipt, 'the same quote seals to unrelated bytes');
    bids.changan = bid;
    await serverB.stop();
    const { counts } = await read(office, main.id);
    assert.deepEqual([counts.registrations, counts.qualified, counts.bids], [5, 5, 4]);
});

test('PRJ-7 before the opening no one reads a quote through the API: not the office, the administrator, leadership or discipline inspection', async () => {
    for (const client of [office, admin, leader, jiwei]) {
        const items = await bidsOf(client, main.id);
        assert.equal(items.length, 4, client.user.username);
        assert.deepEqual(items.map((item) => item.receipt).sort(), Object.values(bids).map((bid) => bid.receipt).sort());
        for (const item of items) {
            for (const key of ['quote', 'valid', 'rank']) assert.ok(!(key in item) || item[key] === null, `${key} hidden from ${client.user.username}`);
        }
        const project = await read(client, main.id);
        const text = JSON.stringify(items) + JSON.stringify(project);
        for (const quote of QUOTES) assert.deepEqual(findClear(text, quote), [], `${quote} seen by ${client.user.username}`);
        expectError(await client.get(`/projects/${main.id}/opening`), 404, 'NotFound');
        expectStatus(await client.get(`/projects/${main.id}/opening.pdf`), 404);
    }
    const own = await bidsOf(vendor2, main.id);
    assert.deepEqual(own.map((item) => item.vendor_id), [fx.vendor.antai.id], 'a vendor sees its own bid only');
    assert.ok(!('quote' in own[0]) || own[0].quote === null);
    const audit = expectStatus(await admin.get('/audit', { query: { page_size: 200 } }), 200).body.items;
    for (const quote of QUOTES) assert.deepEqual(findClear(JSON.stringify(audit), quote), [], `${quote} in the audit trail`);
});

test('PRJ-7 sealed at rest: a dump of every table (and the SQLite files, and the server logs) holds no quote in any form', async () => {
    const dump = dumpDatabase(demo.db);
    // The search works: the ceiling, stored in clear, is found by it, and so are the bids' receipts and the project.
    assert.ok(findClear(dump, CEILING).length > 0, `the ceiling ${CEILING} is found in the dump (forms ${clearForms(CEILING)})`);
    assert.ok(dump.includes(main.code), 'the project is in the dump');
    for (const bid of Object.values(bids)) assert.ok(dump.toLowerCase().includes(bid.receipt), 'each receipt is in the dump');
    assert.ok(dump.includes('INSERT') || dump.includes('COPY'), 'the dump has rows');
    for (const quote of QUOTES) {
        assert.deepEqual(findClear(dump, quote), [], `quote ${quote} found in clear in the database dump`);
    }
    if (demo.db.engine === 'sqlite') {
        // Also the raw files, free pages and write-ahead log included: nothing deleted may linger.
        const dir = path.dirname(demo.db.file);
        let files = 0;
        for (const name of fs.readdirSync(dir)) {
            const bytes = fs.readFileSync(path.join(dir, name)).toString('latin1');
            files += 1;
            for (const quote of QUOTES) {
                const fen = String(toFen(quote));
                assert.ok(!bytes.includes(fen) && !bytes.includes(quote), `quote ${quote} in ${name}`);
            }
        }
        assert.ok(files >= 1);
        const raw = fs.readdirSync(dir).map((name) => fs.readFileSync(path.join(dir, name)).toString('latin1')).join('');
        assert.ok(raw.includes(main.code), 'the raw search finds the project code');
    }
    for (const server of servers) {
        const log = fs.readFileSync(server.logFile, 'utf8');
        for (const quote of QUOTES) assert.deepEqual(findClear(log, quote), [], `quote ${quote} in ${server.logFile}`);
    }
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-7: the deadline and the opening

let serverD;
let officeD;

test('PRJ-7 after the deadline a bid is refused (bid_deadline); the opening before its time is refused (opening_at)', async () => {
    const serverC = await startServer(demo.db, { fakeNow: T2 });
    servers.push(serverC);
    const officeC = await loginOn(serverC, office);
    const adminC = await loginOn(serverC, admin);
    const vendor5C = await loginOn(serverC, vendor5);
    const auditBefore = await auditTotal(adminC);
    assert.equal((await read(officeC, main.id)).bidding.accepting, false, 'no longer accepting');
    expectError(await vendor5C.post(`/projects/${main.id}/bids`, { quote: '310000.00' }), 409, 'FailedPrecondition', 'bid_deadline');
    expectError(await vendor5C.post(`/projects/${main.id}/registrations`, {}), 409);
    expectError(await officeC.post(`/projects/${main.id}/opening`, openingBody()), 409, 'FailedPrecondition', 'opening_at');
    assert.equal((await bidsOf(officeC, main.id)).length, 4);
    assert.equal((await read(officeC, main.id)).status, 'bidding');
    assert.equal(await auditTotal(adminC), auditBefore, 'nothing written');
    await serverC.stop();
});

test('PRJ-7 at the opening a wrong officer secret and a wrong witness secret are each named', async () => {
    serverD = await startServer(demo.db, { fakeNow: T3 });
    servers.push(serverD);
    officeD = await loginOn(serverD, office);
    const wrongOfficer = expectError(await officeD.post(`/projects/${main.id}/opening`, openingBody({
        officer_secret: 'Jiujiang-Office#2025!',
    })), 400, 'InvalidArgument', 'officer_secret');
    assert.ok(!wrongOfficer.fields.some((entry) => entry.field === 'witness_secret'), 'the right witness secret is not blamed');
    const wrongWitness = expectError(await officeD.post(`/projects/${main.id}/opening`, openingBody({
        witness_secret: '镇纪委监督开标口令:二〇二六年十二月八日上午',
    })), 400, 'InvalidArgument', 'witness_secret');
    assert.ok(!wrongWitness.fields.some((entry) => entry.field === 'officer_secret'), 'the right officer secret is not blamed');
    const project = await read(officeD, main.id);
    assert.equal(project.status, 'bidding');
    assert.equal(project.outcome, null);
    expectError(await officeD.get(`/projects/${main.id}/opening`), 404, 'NotFound');
});

let opening;

test('PRJ-7 the opening reveals every quote with its validity and rank: the lowest valid wins, a tie goes to the earlier submission', async () => {
    const leaderD = await loginOn(serverD, leader);
    expectError(await leaderD.post(`/projects/${main.id}/opening`, openingBody()), 403, 'PermissionDenied');
    opening = expectStatus(await officeD.post(`/projects/${main.id}/opening`, openingBody()), 201, 'opening').body;
    assert.equal(opening.project_id, main.id);
    sameInstant(opening.opened_at, T3, 'opened_at');
    assert.equal(opening.officer_name, office.user.display_name);
    assert.equal(opening.witness_name, jiwei.user.display_name);
    assert.equal(opening.ceiling, CEILING);
    assert.match(opening.draw_seed, /^[0-9a-f]+$/i);
    assert.equal(opening.min_valid_bids, 1);
    assert.equal(opening.outcome, 'awarded');
    assert.equal(opening.fingerprint, main.bidding.fingerprint);
    expectBilingual(opening.summary, 'opening summary');
    assert.deepEqual(opening.draws, [], 'no draw: the tie is broken by submission time');

    assert.equal(opening.bids.length, 4);
    const byVendor = Object.fromEntries(opening.bids.map((bid) => [bid.vendor_id, bid]));
    const expected = [
        ['jiemei', Q_LOW, true, 1, 'earlier_submission'],
        ['changan', Q_LOW, true, 2, 'earlier_submission'],
        ['huizhan', Q_MID, true, 3, 'none'],
        ['antai', Q_HIGH, false, 0, null],
    ];
    for (const [key, quote, valid, rank, tieBreak] of expected) {
        const bid = byVendor[fx.vendor[key].id];
        assert.ok(bid, `the bid of ${key}`);
        assert.equal(bid.quote, quote, `${key} quote`);
        assert.equal(bid.valid, valid, `${key} valid`);
        assert.equal(bid.rank, rank, `${key} rank`);
        if (tieBreak) assert.equal(bid.tie_break, tieBreak, `${key} tie_break`);
        assert.equal(bid.receipt, bids[key].receipt, `${key} receipt`);
        assert.equal(bid.commitment, bids[key].receipt, `${key}: the commitment recomputed from the sealed bytes is the receipt`);
        assert.equal(bid.receipt_matches, true);
        sameInstant(bid.submitted_at, bids[key].submitted_at, `${key} submitted_at`);
    }
    const invalid = byVendor[fx.vendor.antai.id];
    assert.deepEqual(invalid.reasons.map((reason) => reason.code), ['above_ceiling']);
    expectBilingual(invalid.reasons[0].text, 'above_ceiling text');
    assert.deepEqual(opening.bids.map((bid) => bid.rank), [1, 2, 3, 0], 'valid bids by rank, then the invalid ones');

    const project = await read(officeD, main.id);
    assert.equal(project.status, 'opened');
    assert.equal(project.outcome, 'awarded');
    assert.equal(project.winner.vendor_id, fx.vendor.jiemei.id);
    assert.equal(project.winner.vendor_name, fx.vendor.jiemei.name);
    assert.equal(project.winner.quote, Q_LOW);
    assert.ok(project.allowed_actions.includes('award'));

    const adminD = await loginOn(serverD, admin);
    const auditBefore = await auditTotal(adminD);
    expectError(await officeD.post(`/projects/${main.id}/opening`, openingBody()), 409);
    assert.equal(await auditTotal(adminD), auditBefore, 'the second opening wrote nothing');
    assert.deepEqual(expectStatus(await officeD.get(`/projects/${main.id}/opening`), 200).body.bids, opening.bids, 'the opening is kept');

    const after = await bidsOf(officeD, main.id);
    for (const bid of after) {
        const revealed = opening.bids.find((item) => item.id === bid.id);
        assert.equal(bid.quote, revealed.quote);
        assert.equal(bid.valid, revealed.valid);
        assert.equal(bid.rank, revealed.rank);
    }
});

test('PRJ-7 the opening is published to the vendors that bid, not to one that only registered; its record prints as PDF', async () => {
    for (const client of [vendor1, vendor2, vendor3]) {
        const seen = expectStatus(await (await loginOn(serverD, client)).get(`/projects/${main.id}/opening`), 200, client.user.username).body;
        assert.equal(seen.outcome, 'awarded');
        assert.equal(seen.bids.length, 4);
    }
    const vendor5D = await loginOn(serverD, vendor5);
    expectError(await vendor5D.get(`/projects/${main.id}/opening`), 404, 'NotFound');
    // Nor through the bids list or the project: a vendor that only registered learns no quote.
    expectError(await vendor5D.get(`/projects/${main.id}/bids`), 404, 'NotFound');
    const asRegistered = await read(vendor5D, main.id);
    assert.equal(asRegistered.winner?.quote ?? null, null, 'no winning quote for a vendor that did not bid');
    const vendor1D = await loginOn(serverD, vendor1);
    assert.equal((await read(vendor1D, main.id)).ceiling.amount, CEILING, 'the ceiling is public after the opening');
    for (const client of [officeD, await loginOn(serverD, jiwei), await loginOn(serverD, leader)]) {
        expectStatus(await client.get(`/projects/${main.id}/opening`), 200);
    }
    const pdf = expectStatus(await officeD.get(`/projects/${main.id}/opening.pdf`), 200, 'opening.pdf');
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.headers.get('content-type') || '', /application\/pdf/);
});

// ---------------------------------------------------------------------------------------------------------------
// PRJ-8: the award

let contractId;

test('PRJ-8 the award drafts the contract with the winner, the winning annual quote and the service period', async () => {
    const vendor3D = await loginOn(serverD, vendor3);
    expectError(await vendor3D.post(`/projects/${main.id}/award`, {}), 403, 'PermissionDenied');
    const awarded = expectStatus(await officeD.post(`/projects/${main.id}/award`, {}), 201, 'award').body;
    contractId = awarded.contract_id;
    assert.ok(contractId);
    assert.equal(awarded.project.status, 'awarded');
    assert.equal(awarded.project.contract_id, contractId);
    const contract = expectStatus(await officeD.get(`/contracts/${contractId}`), 200).body;
    assert.equal(contract.status, 'draft');
    assert.equal(contract.vendor_id, fx.vendor.jiemei.id);
    assert.equal(contract.category_id, fx.meeting.id);
    assert.equal(contract.term_start, `${YEAR}-01-01`);
    assert.equal(contract.term_end, `${YEAR}-12-31`);
    assert.equal(contract.content.annual_amount, Q_LOW);
    assert.equal(contract.content.vendor_id, fx.vendor.jiemei.id);
    const project = await read(officeD, main.id);
    assert.equal(project.status, 'awarded');
    assert.equal(project.contract_id, contractId);
    assert.equal(project.contract_code, contract.code);
    expectError(await officeD.post(`/projects/${main.id}/award`, {}), 409, 'FailedPrecondition');
});

test('PRJ-1 PRJ-7 PRJ-8 the trail lists every step from the creation to the contract; vendors do not get it', async () => {
    const jiweiD = await loginOn(serverD, jiwei);
    const trail = expectStatus(await jiweiD.get(`/projects/${main.id}/trail`), 200).body.items;
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
    assert.ok(trail.some((item) => item.subject === 'contract' && String(item.subject_id) === String(contractId)), 'the contract is in the trail');
    const vendor3D = await loginOn(serverD, vendor3);
    expectStatus(await vendor3D.get(`/projects/${main.id}/trail`), [403, 404], 'vendors do not get the trail');
});

// Crash safety (X-1; issue 11): the server is killed with SIGKILL at random moments while clients write assessments,
// survey answers, sealed bids and ledger entries. After each kill, before the restart: the database's own integrity
// check (SQLite: PRAGMA integrity_check and foreign_key_check; PostgreSQL: the restart and the reads below) and
// `houqin audit verify`; after the restart: every write a client saw acknowledged (2xx) is read back by id through the
// API, and no live server answered 5xx. A write cut off by the kill may or may not be there; neither is an error.
//
//   CRASH_KILLS     kills (default 5: the short run of `make test`; docs/reliability.md has the full runs)
//   CRASH_WORKERS   concurrent writing clients besides the bidder (default 4)
//   CRASH_SEED      seed of the kill moments and the mix (default: drawn and printed)
//   CRASH_BID_EVERY a bidding project is made ready before every n-th round (default 1; opening one costs seconds)
// Run by scripts/crash-test.sh (ENGINE=sqlite|postgresql KILLS=n), or as an API test file with HOUQIN_TEST_ENGINE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, cli, contractFixtures, createActiveContract, engine, expectStatus, prepareDatabase, startServer,
    uniqueSuffix, validContent,
} from '../api/harness.mjs';
import {
    OFFICER_SECRET, WITNESS_SECRET, BID_DEADLINE, OPENING_AT, YEAR, approvedProject, procurementFixtures, witnessConsent,
} from '../api/procurement-fixtures.mjs';
import { day, month, monthStart } from '../clock.mjs';

const KILLS = Number(process.env.CRASH_KILLS || 5);
const WORKERS = Number(process.env.CRASH_WORKERS || 4);
const BID_EVERY = Number(process.env.CRASH_BID_EVERY || 1);
const SEED = Number(process.env.CRASH_SEED || Math.floor(Math.random() * 2 ** 31));
/** Load runs this long (ms, drawn uniformly) before each kill. */
const LOAD_MS = [200, 3000];

// A small seeded generator (mulberry32), so a failing run can be repeated with its seed.
let state = SEED >>> 0;
function random() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test(`X-1 crash safety on ${engine}: ${KILLS} SIGKILLs during writes lose no acknowledged write and break no chain`, {
    timeout: 60 * 60 * 1000,
}, async () => {
    console.log(`crash: engine ${engine}, ${KILLS} kills, ${WORKERS} writers + 1 bidder, seed ${SEED}`);
    const db = prepareDatabase({ seed: 'demo' });
    let server = await startServer(db);
    const clients = {};
    for (const name of ['office', 'admin', 'leader', 'jiwei', 'sifa', 'dangzheng', 'dept', 'vendor1', 'vendor2']) {
        clients[name] = new Client(server.url);
        await clients[name].login(DEMO[name].username, DEMO[name].password, { expect: 200 });
    }
    const { office, admin, leader, jiwei, dept, vendor1 } = clients;

    // What the writes need: contracts in force (ten past periods and this month), and a project open for sealed bids
    // that vendor1 has registered for.
    const demo = { as: async (name) => clients[name] };
    const fx = await contractFixtures(demo, office);
    const content = () => validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: monthStart(-10),
    });
    const contracts = [];
    const addContract = async () => contracts.push((await createActiveContract(clients, content())).id);
    for (let i = 0; i < 2; i += 1) await addContract();
    const periods = Array.from({ length: 11 }, (_, i) => month(-i));
    let slots = [];
    const refillSlots = async () => {
        await addContract();
        const id = contracts.at(-1);
        for (const period of periods) for (const kind of ['routine', 'special']) slots.push({ contract: id, period, kind });
    };
    for (const id of contracts) {
        for (const period of periods) for (const kind of ['routine', 'special']) slots.push({ contract: id, period, kind });
    }

    const pfx = await procurementFixtures(office, admin);
    expectStatus(await admin.put(`/procurement-rules/${YEAR}`, {
        threshold: '1000000.00', basis: 'annual_budget',
        catalogue: [{ kind: 'item', code: 'C1204', name_zh: '物业管理服务', name_en: 'Property management services' }],
        reason: `${YEAR}年政府集中采购目录及限额标准`,
    }), 200, 'procurement rules');
    /** A project open for sealed bids that vendor1 has registered for (each vendor bids once per project). */
    async function biddingProject() {
        const project = await approvedProject({ office, leader }, pfx);
        expectStatus(await leader.put(`/projects/${project.id}/ceiling`, { amount: '400000.00', reason: '年度最高限价' }), 200, 'ceiling');
        await witnessConsent(jiwei, project.id, 'open_bidding');
        expectStatus(await office.post(`/projects/${project.id}/bidding`, {
            bid_deadline: BID_DEADLINE, opening_at: OPENING_AT, officer_secret: OFFICER_SECRET, witness_secret: WITNESS_SECRET,
        }), 200, 'open bidding');
        expectStatus(await vendor1.post(`/projects/${project.id}/registrations`, {}), 201, 'vendor1 registers');
        return project.id;
    }

    /** Every write acknowledged with 2xx: {kind, id, contract?, survey?}. */
    const acknowledged = [];
    const counts = { sent: 0, acknowledged: 0, cut: 0, refused: 0, serverErrors: 0 };
    let serial = 0;
    const forms = new Map();
    const refusals = {};

    // One write of each kind; each returns the record to read back, or null when the answer was not 2xx.
    const writes = {
        async assessment() {
            if (slots.length === 0) return null;
            const slot = slots.splice(Math.floor(random() * slots.length), 1)[0];
            if (!forms.has(slot.contract)) {
                forms.set(slot.contract, expectStatus(await office.get(`/contracts/${slot.contract}/assessment-form`), 200, 'form').body);
            }
            const form = forms.get(slot.contract);
            const response = await office.post('/assessments', {
                contract_id: slot.contract, period: slot.period, kind: slot.kind,
                assessed_on: slot.period === month(0) ? day(0) : `${slot.period}-20`,
                items: form.checklist.map((entry, index) => ({ item: entry.item, lost: index === 0 ? 2 : 0, note: '' })),
                missing_staff_days: 0, summary: `崩溃测试考核 ${slot.period}`,
            });
            return response.status < 300 ? { kind: 'assessment', id: response.body.id, contract: slot.contract, response } : { response };
        },
        async ledger() {
            const contract = pick(contracts);
            serial += 1;
            const response = await office.post(`/contracts/${contract}/ledger`, {
                kind: pick(['deduction', 'reward']), period: pick(periods), amount: '1.00', reason: `崩溃测试 ${serial}`,
            });
            return response.status < 300 ? { kind: 'ledger', id: response.body.id, contract, response } : { response };
        },
        async survey() {
            const created = await office.post('/surveys', {
                contract_id: pick(contracts), period: month(0), title: `崩溃测试满意度测评(${uniqueSuffix()})`,
                anonymous: false, closes_on: day(12),
            });
            if (created.status >= 300) return { response: created };
            acknowledged.push({ kind: 'survey', id: created.body.id });
            counts.acknowledged += 1;
            counts.sent += 1;
            const response = await dept.post(`/surveys/${created.body.id}/answers`, {
                rating: pick(['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied']), answers: {}, comment: '',
            });
            return response.status < 300 ? { kind: 'answer', id: created.body.id, response } : { response };
        },
    };

    async function attempt(write) {
        counts.sent += 1;
        try {
            const result = await write();
            if (result === null) {
                counts.sent -= 1;
                return;
            }
            const { response, ...record } = result;
            if (response.status >= 500) {
                counts.serverErrors += 1;
                console.log(`crash: ${response.status} from a live server: ${JSON.stringify(response.body).slice(0, 300)}`);
            } else if (response.status >= 300) {
                counts.refused += 1; // e.g. 409: a write cut off by the kill did commit, and its retry is refused
                const reason = `${response.status} ${response.body?.code ?? ''} ${response.body?.fields?.[0]?.field ?? ''}`;
                refusals[reason] = (refusals[reason] ?? 0) + 1;
            } else {
                counts.acknowledged += 1;
                acknowledged.push(record);
            }
        } catch {
            counts.cut += 1; // the connection died with the server: no answer, no promise
        }
    }

    async function writer(stop) {
        while (!stop.done) await attempt(writes[pick(['assessment', 'ledger', 'ledger', 'survey'])]);
    }
    // The bidder opens a project for bids (approval, ceiling, the witness's consent, the sealed bidding, vendor1's
    // registration: writes too, not counted), then vendor1 bids once on it.
    let project = null;
    async function bidder(stop) {
        while (!stop.done) {
            try {
                if (project === null) project = await biddingProject();
            } catch {
                project = null; // cut off half way: the next round opens another
                continue;
            }
            serial += 1;
            const bidOn = project;
            project = null;
            await attempt(async () => {
                const response = await vendor1.post(`/projects/${bidOn}/bids`, { quote: (300000 + serial).toFixed(2) });
                return response.status < 300 ? { kind: 'bid', id: response.body.receipt, project: bidOn, response } : { response };
            });
        }
    }

    /** Reads back each record by id; returns the ones missing. */
    async function missing(records) {
        const lost = [];
        const ledgers = new Map();
        for (const record of records) {
            if (record.kind === 'assessment') {
                const response = await office.get(`/assessments/${record.id}`);
                if (response.status !== 200 || response.body.contract_id !== record.contract) lost.push(record);
            } else if (record.kind === 'ledger') {
                if (!ledgers.has(record.contract)) {
                    const ledger = expectStatus(await office.get(`/contracts/${record.contract}/ledger`), 200, 'ledger').body;
                    ledgers.set(record.contract, new Set(ledger.entries.map((entry) => entry.id)));
                }
                if (!ledgers.get(record.contract).has(record.id)) lost.push(record);
            } else if (record.kind === 'survey') {
                if ((await office.get(`/surveys/${record.id}`)).status !== 200) lost.push(record);
            } else if (record.kind === 'bid') {
                const bids = await vendor1.get(`/projects/${record.project}/bids`);
                if (bids.status !== 200 || !bids.body.items.some((bid) => bid.receipt === record.id)) lost.push(record);
            } else if (record.kind === 'answer') {
                const survey = await dept.get(`/surveys/${record.id}`);
                if (survey.status !== 200 || survey.body.answered_by_me !== true) lost.push(record);
            }
        }
        return lost;
    }

    const timings = { integrity: 0, audit: 0, restart: 0 };
    for (let round = 1; round <= KILLS; round += 1) {
        if (slots.length < 10) await refillSlots();
        if (project === null && (round - 1) % BID_EVERY === 0) project = await biddingProject(); // a bid in this round
        const stop = { done: false };
        const before = acknowledged.length;
        const running = [...Array.from({ length: WORKERS }, () => writer(stop)), bidder(stop)];
        await sleep(LOAD_MS[0] + random() * (LOAD_MS[1] - LOAD_MS[0]));
        process.kill(server.pid, 'SIGKILL');
        stop.done = true;
        await Promise.all(running);
        await server.stop();

        let started = performance.now();
        if (engine === 'sqlite') {
            assert.equal(db.sql('PRAGMA integrity_check'), 'ok', `round ${round}: integrity_check`);
            assert.equal(db.sql('PRAGMA foreign_key_check'), '', `round ${round}: foreign_key_check`);
        }
        timings.integrity += performance.now() - started;
        started = performance.now();
        const verified = cli(['audit', 'verify', '--db', db.url], { allowFail: true });
        assert.equal(verified.code, 0, `round ${round}: audit verify: ${verified.stdout}${verified.stderr}`);
        timings.audit += performance.now() - started;

        started = performance.now();
        server = await startServer(db);
        timings.restart += performance.now() - started;
        for (const client of Object.values(clients)) client.baseUrl = server.url; // sessions live in the database

        const lost = await missing(acknowledged.slice(before));
        assert.deepEqual(lost, [], `round ${round}: acknowledged writes missing after the restart`);
        if (round % 10 === 0 || round === KILLS) {
            console.log(`crash: round ${round}: ${counts.acknowledged} acknowledged, ${counts.cut} cut off, ${verified.stdout.split('\n').find((line) => line.startsWith('audit'))}`);
        }
    }

    // Once more at the end: nothing acknowledged in an earlier round went missing in a later one.
    assert.deepEqual(await missing(acknowledged), [], 'acknowledged writes missing at the end');
    assert.equal(counts.serverErrors, 0, 'answers 5xx from a live server');
    const byKind = {};
    for (const record of acknowledged) byKind[record.kind] = (byKind[record.kind] ?? 0) + 1;
    console.log(`crash: ${KILLS} kills on ${engine}: ${counts.sent} writes sent, ${counts.acknowledged} acknowledged ` +
        `${JSON.stringify(byKind)}, ${counts.cut} cut off, ` +
        `${counts.refused} refused ${JSON.stringify(refusals)}, 0 lost, 0 5xx; per kill: integrity ${(timings.integrity / KILLS).toFixed(0)} ms, ` +
        `audit verify ${(timings.audit / KILLS).toFixed(0)} ms, restart ${(timings.restart / KILLS).toFixed(0)} ms`);
    await server.stop();
});

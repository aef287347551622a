// `houqin jobs run-daily` (server/src/main.cpp, services/daily_job.h): the rules run over every contract in force
// without a new fact, so what only the calendar changes is noticed: a contract year reaching its last month brings the
// year-end reward proposal (RP-1), a failure leaving the rolling 12-month window withdraws the termination it supported
// (RP-3). The job writes proposals, not reminders: its effects are what the office then sees under /proposals.
//
// Each test has its own demo database and server on the test clock (server/tests/clock.mjs), makes its contract and
// facts through the API at that clock, then runs the command as cron would, with HOUQIN_FAKE_NOW at 02:00 of the
// day in question, and reads the outcome through the API. A second run on the same day must change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_TODAY, cli, contractFixtures, createActiveContract, expectStatus, listAll, prepareDatabase,
    startServer, validContent,
} from './harness.mjs';
import { addDays, addMonths, at, day, month, monthEnd, monthStart, quarter } from '../clock.mjs';

const PAST = (monthsAgo) => month(-monthsAgo);

/** A demo database with a server on the test clock, and logged-in clients of the accounts the tests need. */
async function setup() {
    const db = prepareDatabase({ seed: 'demo' });
    const server = await startServer(db);
    const as = async (account) => {
        const client = new Client(server.url);
        await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
        return client;
    };
    const office = await as('office');
    const clients = { office, sifa: await as('sifa'), dangzheng: await as('dangzheng') };
    const fx = await contractFixtures({ as }, office);
    return { db, server, office, dept: await as('dept'), clients, fx };
}

/** Runs `houqin jobs run-daily` on `db` at `instant`; returns the counts it prints. */
function runDaily(db, instant) {
    const { stdout } = cli(['jobs', 'run-daily', '--db', db.url], { env: { HOUQIN_FAKE_NOW: instant } });
    const match = /contracts evaluated: (\d+), proposed: (\d+), withdrawn: (\d+)/.exec(stdout);
    assert.ok(match, `run-daily prints what it did; got ${stdout}`);
    return { evaluated: Number(match[1]), proposed: Number(match[2]), withdrawn: Number(match[3]) };
}

async function assess(office, contract, form, period, lost) {
    const items = form.checklist.map((entry, index) => ({ item: entry.item, lost: lost[index] ?? 0, note: '' }));
    return expectStatus(await office.post('/assessments', {
        contract_id: contract.id, period, kind: 'routine', assessed_on: `${period}-20`, items, missing_staff_days: 0,
        summary: `${period} 例行考核`,
    }), 201, `assessment ${period}`).body;
}

async function proposalsOf(office, contract, kind) {
    return listAll(office, '/proposals', { contract_id: contract.id, kind });
}

test('RP-1 the daily job proposes the year-end reward once the contract year reaches its last month, and only once', async () => {
    const { db, office, dept, clients, fx } = await setup();
    // A contract year from ten months ago to the end of next month: next month is its last.
    const termStart = monthStart(-10);
    const contract = await createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id, termStart,
    }));
    const form = expectStatus(await office.get(`/contracts/${contract.id}/assessment-form`), 200).body;
    // Results worth a reward: routine scores 95, 92.5 and 100, a closed survey at 100.00%, an energy-saving record.
    await assess(office, contract, form, PAST(3), { 0: 5 });
    await assess(office, contract, form, PAST(2), { 1: '7.5' });
    await assess(office, contract, form, PAST(1), {});
    const survey = expectStatus(await office.post('/surveys', {
        contract_id: contract.id, period: quarter(0), title: '年度满意度测评', anonymous: false, closes_on: day(12),
    }), 201).body;
    expectStatus(await dept.post(`/surveys/${survey.id}/answers`, { rating: 'very_satisfied', answers: {} }), 201);
    expectStatus(await office.post(`/surveys/${survey.id}/close`, {}), 200);
    expectStatus(await office.post('/energy-savings', {
        contract_id: contract.id, recorded_on: FAKE_TODAY, measure: '更换LED节能灯具', saving: '1200.00', saving_kwh: 350,
        evidence_ids: [],
    }), 201);
    assert.deepEqual(await proposalsOf(office, contract, 'reward'), [], 'not yet: this month is not the year\'s last');

    // The last night of the month before: still not the last month.
    const before = runDaily(db, at(monthEnd(0), '02:00'));
    assert.ok(before.evaluated >= 1, `the contract is evaluated; got ${JSON.stringify(before)}`);
    assert.deepEqual(await proposalsOf(office, contract, 'reward'), []);

    // The first night of the last month: the reward is proposed, on the year's results, for the office to take up.
    const first = runDaily(db, at(monthStart(1), '02:00'));
    assert.ok(first.proposed >= 1, `the run reports what it proposed; got ${JSON.stringify(first)}`);
    const rewards = await proposalsOf(office, contract, 'reward');
    assert.equal(rewards.length, 1, `one reward proposal; got ${JSON.stringify(rewards)}`);
    const reward = expectStatus(await office.get(`/proposals/${rewards[0].id}`), 200).body;
    assert.deepEqual([reward.rule, reward.status, reward.amount], ['RP-1', 'pending_office', null]);
    assert.deepEqual(reward.evidence.map((item) => item.kind).sort(),
        ['assessment', 'assessment', 'assessment', 'energy_saving', 'survey']);
    assert.equal(reward.thresholds.find((item) => item.name === 'reward_year').value, `${termStart}..${monthEnd(1)}`);
    assert.deepEqual(reward.history.map((event) => event.action), ['propose']);
    assert.match(reward.history[0].comment, /daily-job/, 'proposed by the daily job, not by a user');

    // Later the same day (another instance, or cron twice): nothing new, nothing withdrawn.
    assert.deepEqual(runDaily(db, at(monthStart(1), '09:00')), { ...first, proposed: 0, withdrawn: 0 });
    assert.deepEqual((await proposalsOf(office, contract, 'reward')).map((item) => item.id), [reward.id]);
});

test('RP-3 the daily job withdraws a termination proposal on the day its oldest failure leaves the rolling 12-month window', async () => {
    const { db, office, clients, fx } = await setup();
    // Two contract years from eleven months ago, so the contract is still in force a year after its failures.
    const termStart = monthStart(-11);
    const contract = await createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id, termStart,
        overrides: { term_end: addDays(addMonths(termStart, 24), -1) },
    }));
    const form = expectStatus(await office.get(`/contracts/${contract.id}/assessment-form`), 200).body;
    for (const monthsAgo of [3, 2, 1]) await assess(office, contract, form, PAST(monthsAgo), { 0: 15, 1: 20, 2: 10 }); // 55
    const [termination] = await proposalsOf(office, contract, 'termination');
    assert.ok(termination, 'three failures propose termination');
    assert.equal(termination.status, 'pending_office');
    const oldest = `${PAST(3)}-20`;
    assert.equal(termination.evidence[0].date, oldest);

    // The last day the oldest failure is inside the window (it runs from a year ago, plus a day, to today).
    const lastInside = addDays(addMonths(oldest, 12), -1);
    runDaily(db, at(lastInside, '02:00'));
    let read = expectStatus(await office.get(`/proposals/${termination.id}`), 200).body;
    assert.equal(read.status, 'pending_office', `three failures within ${read.thresholds.find((t) => t.name === 'window')?.value}`);

    // The next day two failures remain in the window: the proposal no longer holds and is withdrawn, saying why.
    const leaves = addMonths(oldest, 12);
    const run = runDaily(db, at(leaves, '02:00'));
    assert.ok(run.withdrawn >= 1, `the run reports the withdrawal; got ${JSON.stringify(run)}`);
    read = expectStatus(await office.get(`/proposals/${termination.id}`), 200).body;
    assert.equal(read.status, 'withdrawn');
    assert.deepEqual(read.history.map((event) => event.action), ['propose', 'withdraw']);
    assert.ok(read.history[1].comment.length > 0, 'the withdrawal says why');
    assert.deepEqual((await proposalsOf(office, contract, 'termination')).map((item) => item.id), [termination.id],
        'nothing proposed in its place');

    // A second run that day changes nothing.
    assert.deepEqual(runDaily(db, at(leaves, '09:00')), { ...run, proposed: 0, withdrawn: 0 });
    assert.equal(expectStatus(await office.get(`/proposals/${termination.id}`), 200).body.status, 'withdrawn');
});

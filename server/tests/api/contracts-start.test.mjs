// A contract signed before its term begins (CON-3): it reads 已签订/待履行 ("signed, not yet in force"), is not paid,
// assessed or reminded about until its start date, and the daily job (`houqin jobs run-daily`, as cron runs it)
// puts it in force on that date, not the day before, with a history step and an audit entry saying why.
//
// The contract is signed today on the test clock (server/tests/clock.mjs) with a term from the first of next month;
// the job runs with HOUQIN_FAKE_NOW at 02:00 of the day before and of the start date, and a second server on the
// same database at the start date reads the outcome as a user would that day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_TODAY, cli, contractFixtures, createActiveContract, expectError, expectStatus, listAll,
    prepareDatabase, startServer, validContent,
} from './harness.mjs';
import { addDays, at, monthStart } from '../clock.mjs';

const TERM_START = monthStart(1);

async function login(server, account) {
    const client = new Client(server.url);
    await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
    return client;
}

/** A demo database and a server on the test clock, and a contract signed today whose term starts next month. */
async function setup() {
    const db = prepareDatabase({ seed: 'demo' });
    const server = await startServer(db);
    const as = (account) => login(server, account);
    const office = await as('office');
    const clients = { office, sifa: await as('sifa'), dangzheng: await as('dangzheng') };
    const fx = await contractFixtures({ as }, office);
    const contract = await createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: TERM_START,
    }));
    return { db, server, office, jiwei: await as('jiwei'), contract };
}

/** Runs `houqin jobs run-daily` on `db` at `instant`; returns how many contracts came into force. */
function runDaily(db, instant) {
    const { stdout } = cli(['jobs', 'run-daily', '--db', db.url], { env: { HOUQIN_FAKE_NOW: instant } });
    const match = /came into force: (\d+)/.exec(stdout);
    assert.ok(match, `run-daily says how many contracts came into force; got ${stdout}`);
    return Number(match[1]);
}

/** The dashboard reminders that point at `contractId` (an assessment to record, an expiring contract). */
function remindersOf(dashboard, contractId) {
    return dashboard.reminders.filter((item) =>
        typeof item.link === 'string' &&
        (item.link.endsWith(`/contracts/${contractId}`) || item.link.includes(`contract_id=${contractId}`)));
}

test('CON-3 a contract signed today whose term starts next month reads 已签订/待履行 and is not paid, assessed or reminded about', async (t) => {
    const { server, office, contract } = await setup();
    t.after(() => server.stop());
    assert.ok(TERM_START > FAKE_TODAY, `the term starts after today: ${TERM_START}`);
    assert.equal(contract.status, 'signed');
    assert.deepEqual(contract.status_name, { 'zh-CN': '已签订/待履行', en: 'Signed, not yet in force' });
    assert.equal(contract.signing.signed_on, FAKE_TODAY);
    assert.equal(contract.active_version_no, 1, 'the signed version is the one that will be in force');
    assert.ok(!contract.allowed_actions.includes('pay'), `no payment before the term: ${contract.allowed_actions}`);
    assert.ok(!contract.allowed_actions.includes('renew'), 'nothing to renew before the term');
    assert.ok(contract.allowed_actions.includes('terminate'), 'a vendor that withdraws before the start can be let go');

    const read = expectStatus(await office.get(`/contracts/${contract.id}`), 200).body;
    assert.equal(read.status, 'signed');
    const signed = await listAll(office, '/contracts', { status: 'signed' });
    assert.ok(signed.some((item) => item.id === contract.id), 'status=signed finds it');
    const active = await listAll(office, '/contracts', { status: 'active' });
    assert.ok(!active.some((item) => item.id === contract.id), 'status=active does not');

    const ledger = expectStatus(await office.get(`/contracts/${contract.id}/ledger`), 200).body;
    const first = ledger.periods[0];
    expectError(await office.post(`/contracts/${contract.id}/payments`, {
        period: first.period, amount: '1.00', paid_on: FAKE_TODAY, reference: 'ADVANCE', note: '',
    }), 409, 'FailedPrecondition');
    expectError(await office.get(`/contracts/${contract.id}/assessment-form`), 409, 'FailedPrecondition');
    const dashboard = expectStatus(await office.get('/dashboard'), 200).body;
    assert.deepEqual(remindersOf(dashboard, contract.id), [], 'no reminder about a contract not yet in force');
});

test('CON-3 the daily job puts a signed contract in force on its start date, not the day before, saying why', async (t) => {
    const { db, server, office, jiwei, contract } = await setup();
    t.after(() => server.stop());

    // The night before the start: still signed.
    assert.equal(runDaily(db, at(addDays(TERM_START, -1), '02:00')), 0);
    assert.equal(expectStatus(await office.get(`/contracts/${contract.id}`), 200).body.status, 'signed');

    // The night of the start date: in force.
    assert.ok(runDaily(db, at(TERM_START, '02:00')) >= 1, 'the job reports the contract it put in force');
    // The same day again (cron twice, another instance): nothing more.
    assert.equal(runDaily(db, at(TERM_START, '09:00')), 0);

    const startDay = await startServer(db, { fakeNow: at(TERM_START, '10:00') });
    try {
        const officeThen = await login(startDay, 'office');
        const read = expectStatus(await officeThen.get(`/contracts/${contract.id}`), 200).body;
        assert.equal(read.status, 'active');
        assert.deepEqual(read.status_name, { 'zh-CN': '履行中', en: 'Active' });
        assert.ok(read.allowed_actions.includes('pay'), `in force, it can be paid: ${read.allowed_actions}`);
        expectStatus(await officeThen.get(`/contracts/${contract.id}/assessment-form`), 200, 'and assessed');

        const history = expectStatus(await officeThen.get(`/contracts/${contract.id}/history`), 200).body.items;
        const steps = history.filter((item) => item.action === 'take_effect');
        assert.equal(steps.length, 1, `one step puts it in force; history ${JSON.stringify(history)}`);
        assert.deepEqual([steps[0].from_state, steps[0].to_state], ['signed', 'active']);
        assert.match(steps[0].comment, /合同期限开始,自动生效/);
        assert.match(steps[0].comment, /The term began; in force automatically/);
        assert.equal(steps[0].at.slice(0, 10), TERM_START, 'on the start date');
    } finally {
        await startDay.stop();
    }

    const audit = await listAll(jiwei, '/audit', { entity: 'contract', entity_id: contract.id });
    const entries = audit.filter((entry) => entry.action === 'take_effect');
    assert.equal(entries.length, 1, `one audit entry; got ${JSON.stringify(audit.map((entry) => entry.action))}`);
    assert.equal(entries[0].actor_id ?? null, null, 'by the system, not by a user');
    const { stdout } = cli(['audit', 'verify', '--db', db.url]);
    assert.match(stdout, /audit chain intact/);
});

// Contracts in force: the payment ledger (CON-8), renewal (CON-6), termination (CON-7), expiry (CON-3) and its
// reminders, and the audit trail of it all; docs/api.md "Contracts". The first server runs on the test
// clock (server/tests/clock.mjs) and every contract made here runs through this calendar year, year(0), so it is in
// force once signed (CON-3); the reminder and expiry tests start more servers on the same database at dates counted
// back from that term's end.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_TODAY, cli, contractFixtures, createActiveContract, expectError, expectStatus, listAll,
    setupDemo, startServer, toFen, validContent,
} from './harness.mjs';
import { addDays, at, dateOfYear, daysBetween, year } from '../clock.mjs';

/** The term of every contract made here (this calendar year, so today is inside it), its monthly periods, and the
 *  year after it. */
const TERM_YEAR = year(0);
const TERM_END = dateOfYear(0, '12-31');
const P = (monthNo) => `${TERM_YEAR}-${String(monthNo).padStart(2, '0')}`;
/** The last day of the term's March: a termination date inside the term. */
const MARCH_END = `${P(3)}-31`;
const NEXT_START = dateOfYear(1, '01-01');
const NEXT_END = dateOfYear(1, '12-31');
/** Five days after the term ended, 10:00 in Shanghai. */
const AFTER_TERM = at(addDays(TERM_END, 5), '10:00');

let demo;
let office;
let admin;
let sifa;
let dangzheng;
let jiwei;
let fx;
let clients;

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    sifa = await demo.as('sifa');
    dangzheng = await demo.as('dangzheng');
    jiwei = await demo.as('jiwei');
    fx = await contractFixtures(demo, office);
    clients = { office, sifa, dangzheng };
});

function content(overrides = {}) {
    return validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        year: TERM_YEAR, overrides,
    });
}

async function auditTotal() {
    return expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.total;
}

async function contractAudit(id) {
    return listAll(jiwei, '/audit', { entity: 'contract', entity_id: id });
}

function payment(period, amount, extra = {}) {
    return { period, amount, paid_on: FAKE_TODAY, reference: `ZZ${period.replace('-', '')}001`, note: '按月支付服务费', ...extra };
}

/** Refused as over the balance: 400 naming amount (docs/api.md "Answers the tests pin down"). */
function expectOverBalance(response) {
    expectError(response, 400, 'InvalidArgument', 'amount');
}

const MONEY_COLUMNS = ['amount', 'deductions', 'rewards', 'due', 'paid', 'balance'];

/** The documented money columns of a ledger row or of the totals (extra keys are allowed). */
function pick(row) {
    return Object.fromEntries(MONEY_COLUMNS.map((key) => [key, row[key]]));
}

function checkLedgerArithmetic(ledger) {
    const columns = ['amount', 'deductions', 'rewards', 'due', 'paid', 'balance'];
    for (const period of ledger.periods) {
        for (const column of columns) assert.match(period[column], /^-?\d+\.\d\d$/, `${period.period}.${column} is a money string`);
        assert.equal(toFen(period.due), toFen(period.amount) - toFen(period.deductions), `${period.period}: due = amount - deductions`);
        assert.equal(toFen(period.balance), toFen(period.due) - toFen(period.paid), `${period.period}: balance = due - paid`);
    }
    for (const column of columns) {
        const sum = ledger.periods.reduce((total, period) => total + toFen(period[column]), 0);
        assert.equal(toFen(ledger.totals[column]), sum, `totals.${column} is the sum of the periods`);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// CON-8

test('CON-8 ledger: installments per period, deduction lowers due, reward listed apart, payments to the fen', async () => {
    const active = await createActiveContract(clients, content());
    const id = active.id;
    const fresh = expectStatus(await office.get(`/contracts/${id}/ledger`), 200).body;
    assert.equal(fresh.periods.length, 12);
    assert.deepEqual(fresh.periods.map((period) => period.period), Array.from({ length: 12 }, (_, i) => P(i + 1)));
    for (const period of fresh.periods) {
        assert.deepEqual(
            { amount: period.amount, deductions: period.deductions, rewards: period.rewards, due: period.due, paid: period.paid, balance: period.balance },
            { amount: '30000.00', deductions: '0.00', rewards: '0.00', due: '30000.00', paid: '0.00', balance: '30000.00' },
            `period ${period.period}`,
        );
    }
    assert.equal(fresh.periods[0].due_date, `${P(1)}-31`);
    assert.deepEqual(pick(fresh.totals), {
        amount: '360000.00', deductions: '0.00', rewards: '0.00', due: '360000.00', paid: '0.00', balance: '360000.00',
    });
    assert.deepEqual(fresh.entries, []);
    assert.deepEqual(fresh.payments, []);

    let auditBefore = await auditTotal();
    let writes = 0;
    const deduction = expectStatus(await office.post(`/contracts/${id}/ledger`, {
        kind: 'deduction', period: P(1), amount: '500.00', reason: '1月考核58分,低于合格分2分,按合同扣款',
    }), 201, 'deduction').body;
    writes += 1;
    assert.equal(deduction.kind, 'deduction');
    assert.equal(deduction.amount, '500.00');
    assert.equal(deduction.period, P(1));
    const reward = expectStatus(await office.post(`/contracts/${id}/ledger`, {
        kind: 'reward', period: P(1), amount: '800.00', reason: '节能降耗表现突出',
    }), 201, 'reward').body;
    writes += 1;
    assert.equal(reward.kind, 'reward');

    let ledger = expectStatus(await office.get(`/contracts/${id}/ledger`), 200).body;
    let january = ledger.periods.find((period) => period.period === P(1));
    assert.equal(january.deductions, '500.00');
    assert.equal(january.due, '29500.00', 'due = 30000.00 - 500.00');
    assert.equal(january.rewards, '800.00', 'the reward is listed');
    assert.equal(january.balance, '29500.00', 'the reward does not change due or balance');
    assert.equal(ledger.entries.length, 2);
    assert.ok(ledger.entries.some((entry) => entry.kind === 'deduction' && entry.amount === '500.00' && entry.period === P(1)));
    assert.ok(ledger.entries.some((entry) => entry.kind === 'reward' && entry.amount === '800.00' && entry.period === P(1)));
    checkLedgerArithmetic(ledger);

    // Refusals write nothing.
    const refusedBefore = await auditTotal();
    expectOverBalance(await office.post(`/contracts/${id}/payments`, payment(P(1), '29500.01')));
    expectOverBalance(await office.post(`/contracts/${id}/payments`, payment(P(2), '30000.01')));
    expectError(await office.post(`/contracts/${id}/payments`, payment(P(2), 100)), 400, 'InvalidArgument', 'amount');
    expectError(await office.post(`/contracts/${id}/payments`, payment(P(2), '-1.00')), 400, 'InvalidArgument', 'amount');
    expectError(await office.post(`/contracts/${id}/payments`, payment(P(2), '0.00')), 400, 'InvalidArgument', 'amount');
    expectError(await office.post(`/contracts/${id}/payments`, payment(`${year(5)}-02`, '1.00')), 400, 'InvalidArgument', 'period');
    expectError(
        await office.post(`/contracts/${id}/ledger`, { kind: 'bonus', period: P(1), amount: '1.00', reason: 'x' }),
        400, 'InvalidArgument', 'kind',
    );
    expectError(
        await office.post(`/contracts/${id}/ledger`, { kind: 'deduction', period: P(1), amount: '-1.00', reason: 'x' }),
        400, 'InvalidArgument', 'amount',
    );
    for (const reviewer of [sifa, dangzheng, fx.vendor1]) {
        expectError(await reviewer.post(`/contracts/${id}/payments`, payment(P(2), '1.00')), 403, 'PermissionDenied');
    }
    assert.equal(await auditTotal(), refusedBefore, 'refused ledger writes leave no audit entries');

    // Pay January in full, part of February.
    const paid = expectStatus(await office.post(`/contracts/${id}/payments`, payment(P(1), '29500.00')), 201, 'pay January').body;
    writes += 1;
    assert.equal(paid.amount, '29500.00');
    assert.equal(paid.period, P(1));
    expectStatus(await office.post(`/contracts/${id}/payments`, payment(P(2), '10000.55', { reference: 'ZZ-FEB-A' })), 201);
    writes += 1;
    ledger = expectStatus(await office.get(`/contracts/${id}/ledger`), 200).body;
    january = ledger.periods.find((period) => period.period === P(1));
    assert.equal(january.paid, '29500.00');
    assert.equal(january.balance, '0.00');
    const february = ledger.periods.find((period) => period.period === P(2));
    assert.equal(february.paid, '10000.55');
    assert.equal(february.balance, '19999.45');
    expectOverBalance(await office.post(`/contracts/${id}/payments`, payment(P(1), '0.01')));
    expectOverBalance(await office.post(`/contracts/${id}/payments`, payment(P(2), '19999.46')));
    // The rest of February to the fen.
    expectStatus(await office.post(`/contracts/${id}/payments`, payment(P(2), '19999.45', { reference: 'ZZ-FEB-B' })), 201);
    writes += 1;
    ledger = expectStatus(await office.get(`/contracts/${id}/ledger`), 200).body;
    assert.equal(ledger.periods.find((period) => period.period === P(2)).balance, '0.00');
    assert.equal(ledger.payments.length, 3);
    assert.ok(ledger.payments.some((item) => item.reference === 'ZZ-FEB-A' && item.amount === '10000.55'));
    assert.deepEqual(pick(ledger.totals), {
        amount: '360000.00', deductions: '500.00', rewards: '800.00', due: '359500.00', paid: '59500.00', balance: '300000.00',
    });
    checkLedgerArithmetic(ledger);

    // The vendor sees its ledger; discipline reads it.
    const vendorView = expectStatus(await fx.vendor1.get(`/contracts/${id}/ledger`), 200).body;
    assert.deepEqual(pick(vendorView.totals), pick(ledger.totals));
    expectStatus(await jiwei.get(`/contracts/${id}/ledger`), 200);

    assert.ok(await auditTotal() >= auditBefore + writes, `X-1 ${writes} ledger writes are audited`);

    // A draft cannot be paid or charged.
    const draft = expectStatus(await office.post('/contracts', content()), 201).body;
    auditBefore = await auditTotal();
    expectError(await office.post(`/contracts/${draft.id}/payments`, payment(P(1), '100.00')), 409, 'FailedPrecondition');
    expectError(
        await office.post(`/contracts/${draft.id}/ledger`, { kind: 'deduction', period: P(1), amount: '100.00', reason: 'x' }),
        409, 'FailedPrecondition',
    );
    assert.equal(await auditTotal(), auditBefore, 'refusals write nothing');
});

test('CON-8 two payments racing for the same balance: exactly one is accepted, never an overpayment', async () => {
    const active = await createActiveContract(clients, content());
    const id = active.id;
    const office2 = await demo.as('office');
    const attempts = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? office2 : office).post(
            `/contracts/${id}/payments`, payment(P(3), '30000.00', { reference: `RACE-${i}` }),
        )),
    );
    const accepted = attempts.filter((response) => response.status === 201);
    assert.equal(accepted.length, 1, `one of the racing payments is accepted: ${attempts.map((response) => response.status)}`);
    for (const response of attempts.filter((item) => item.status !== 201)) expectOverBalance(response);
    const ledger = expectStatus(await office.get(`/contracts/${id}/ledger`), 200).body;
    const march = ledger.periods.find((period) => period.period === P(3));
    assert.equal(march.paid, '30000.00');
    assert.equal(march.balance, '0.00');
    assert.equal(ledger.payments.length, 1);
    checkLedgerArithmetic(ledger);
});

test('CON-3 list: filter by status and vendor_id, search by vendor name, sort by term_end', async () => {
    const mine = expectStatus(await office.post('/contracts', content()), 201).body;
    const other = expectStatus(await office.post('/contracts', validContent({
        vendorId: fx.otherVendor.id, vendor: fx.otherVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        year: TERM_YEAR,
    })), 201).body;
    const byVendor = await listAll(office, '/contracts', { vendor_id: fx.otherVendor.id });
    assert.ok(byVendor.some((item) => item.id === other.id));
    assert.ok(byVendor.every((item) => item.vendor_id === fx.otherVendor.id), 'vendor_id filter');
    const byName = await listAll(office, '/contracts', { q: fx.otherVendor.name });
    assert.ok(byName.some((item) => item.id === other.id), 'q matches the vendor name');
    assert.ok(!byName.some((item) => item.id === mine.id));
    const byCode = await listAll(office, '/contracts', { q: mine.code });
    assert.deepEqual(byCode.map((item) => item.id), [mine.id], 'q matches the code');
    const drafts = await listAll(office, '/contracts', { status: 'draft' });
    assert.ok(drafts.length >= 2 && drafts.every((item) => item.status === 'draft'), 'status filter');
    const sorted = await listAll(office, '/contracts', { sort: 'term_end', order: 'asc' });
    const ends = sorted.map((item) => item.term_end);
    assert.deepEqual(ends, [...ends].sort(), 'sorted by term_end');
    expectError(await office.get('/contracts', { query: { sort: 'secret' } }), 400, 'InvalidArgument');
});

// ---------------------------------------------------------------------------------------------------------------
// CON-6 CON-7

test('CON-6 renew an active contract: 201 successor draft with predecessor_id; the old one stays in force until its term ends', async () => {
    const active = await createActiveContract(clients, content());
    const id = active.id;
    const draft = expectStatus(await office.post('/contracts', content()), 201).body;
    const auditBefore = await auditTotal();
    expectError(
        await office.post(`/contracts/${id}/renew`, { reason: '续签', term_start: NEXT_END, term_end: NEXT_START }),
        400, 'InvalidArgument', 'term_end',
    );
    expectError(
        await office.post(`/contracts/${draft.id}/renew`, { reason: '续签', term_start: NEXT_START, term_end: NEXT_END }),
        409, 'FailedPrecondition',
    );
    assert.equal(await auditTotal(), auditBefore, 'refusals write nothing');

    const successor = expectStatus(await office.post(`/contracts/${id}/renew`, {
        reason: '年度考核均为良好以上,满意度95%,续签一年', term_start: NEXT_START, term_end: NEXT_END,
    }), 201, 'renew').body;
    assert.notEqual(successor.id, id);
    assert.equal(successor.status, 'draft');
    assert.equal(successor.predecessor_id, id);
    assert.equal(successor.vendor_id, active.vendor_id);
    assert.equal(successor.category_id, active.category_id);
    assert.equal(successor.term_start, NEXT_START);
    assert.equal(successor.term_end, NEXT_END);
    // The successor draft is consistent content for its own term (a real user submits it after small edits).
    const installments = successor.content.payment.installments;
    assert.ok(installments.length > 0);
    assert.equal(installments.reduce((total, item) => total + toFen(item.amount), 0), toFen(successor.content.total_amount));
    assert.ok(installments.every((item) => item.due_date >= NEXT_START), 'installments fall in the new term');

    // The current contract keeps running (and being paid) until its term ends; then it reads as renewed.
    const old = expectStatus(await office.get(`/contracts/${id}`), 200).body;
    assert.equal(old.status, 'active');
    assert.equal(old.successor_id, successor.id);
    assert.ok(!old.allowed_actions.includes('renew'), 'a renewed contract offers no second renewal');
    assert.ok(old.allowed_actions.includes('pay'), 'the remaining periods can still be paid');
    expectError(
        await office.post(`/contracts/${id}/renew`, { reason: '再续', term_start: NEXT_START, term_end: NEXT_END }),
        409, 'FailedPrecondition',
    );
    assert.ok((await contractAudit(id)).some((entry) => /renew/i.test(entry.action)), 'X-1 the renewal is audited');
    assert.ok((await contractAudit(successor.id)).length >= 1, 'X-1 the successor\'s creation is audited');
});

test('CON-6 two renewals racing for one contract: exactly one successor is made, the other is refused', async () => {
    const active = await createActiveContract(clients, content());
    const office2 = await demo.as('office');
    const attempts = await Promise.all(
        Array.from({ length: 4 }, (_, i) => (i % 2 ? office2 : office).post(
            `/contracts/${active.id}/renew`, { reason: `续签 ${i}`, term_start: NEXT_START, term_end: NEXT_END },
        )),
    );
    const made = attempts.filter((response) => response.status === 201);
    assert.equal(made.length, 1, `one renewal succeeds: ${attempts.map((response) => response.status)}`);
    for (const response of attempts.filter((item) => item.status !== 201)) expectError(response, 409, 'FailedPrecondition');
    const successors = await listAll(office, '/contracts', { vendor_id: active.vendor_id });
    const mine = successors.filter((item) => item.predecessor_id === active.id);
    assert.equal(mine.length, 1, 'one successor draft exists');
    assert.equal(mine[0].id, made[0].body.id);
});

test('CON-7 terminate with reason and breach liability; no payments afterwards; a reason is required', async () => {
    const active = await createActiveContract(clients, content());
    const id = active.id;
    expectStatus(await office.post(`/contracts/${id}/payments`, payment(P(1), '30000.00')), 201);
    const draft = expectStatus(await office.post('/contracts', content()), 201).body;
    const auditBefore = await auditTotal();
    expectError(
        await office.post(`/contracts/${id}/terminate`, { breach_liability: '乙方承担违约金10000元', effective_on: MARCH_END }),
        400, 'InvalidArgument', 'reason',
    );
    expectError(
        await office.post(`/contracts/${id}/terminate`, { reason: '', breach_liability: '乙方承担违约金10000元', effective_on: MARCH_END }),
        400, 'InvalidArgument', 'reason',
    );
    expectError(
        await office.post(`/contracts/${id}/terminate`, { reason: '三次考核不合格', breach_liability: 'x', effective_on: `${TERM_YEAR}-02-30` }),
        400, 'InvalidArgument', 'effective_on',
    );
    expectError(
        await sifa.post(`/contracts/${id}/terminate`, { reason: '三次考核不合格', breach_liability: 'x', effective_on: MARCH_END }),
        403, 'PermissionDenied',
    );
    expectError(
        await office.post(`/contracts/${draft.id}/terminate`, { reason: '不需要了', breach_liability: '无', effective_on: MARCH_END }),
        409, 'FailedPrecondition',
    );
    assert.equal(await auditTotal(), auditBefore, 'refusals write nothing');

    const reason = '一年内三次例行考核不合格(D1 第八条)';
    const liability = '乙方按合同第十条支付违约金人民币10000.00元';
    const terminated = expectStatus(
        await office.post(`/contracts/${id}/terminate`, { reason, breach_liability: liability, effective_on: MARCH_END }), 200,
    ).body;
    assert.equal(terminated.status, 'terminated');
    assert.equal(terminated.termination.reason, reason);
    assert.equal(terminated.termination.breach_liability, liability);
    assert.equal(terminated.termination.effective_on, MARCH_END);
    assert.ok([office.user.display_name, office.user.username].includes(terminated.termination.by), `by ${terminated.termination.by}`);
    assert.match(terminated.termination.at, /\+08:00$/);

    const afterTermination = await auditTotal();
    expectError(await office.post(`/contracts/${id}/payments`, payment(P(2), '100.00')), 409, 'FailedPrecondition');
    expectError(
        await office.post(`/contracts/${id}/ledger`, { kind: 'deduction', period: P(2), amount: '100.00', reason: 'x' }),
        409, 'FailedPrecondition',
    );
    expectError(
        await office.post(`/contracts/${id}/terminate`, { reason, breach_liability: liability, effective_on: MARCH_END }),
        409, 'FailedPrecondition',
    );
    expectError(
        await office.post(`/contracts/${id}/renew`, { reason: '续签', term_start: NEXT_START, term_end: NEXT_END }),
        409, 'FailedPrecondition',
    );
    assert.equal(await auditTotal(), afterTermination);
    const ledger = expectStatus(await office.get(`/contracts/${id}/ledger`), 200).body;
    assert.equal(ledger.totals.paid, '30000.00', 'the payment before termination is kept');
    assert.ok((await contractAudit(id)).some((entry) => /terminat/i.test(entry.action)), 'X-1 the termination is audited');
});

// ---------------------------------------------------------------------------------------------------------------
// X-2 reminders and expiry, with servers whose clock is later

async function dashboardAt(fakeNow) {
    const server = await startServer(demo.db, { fakeNow });
    try {
        const client = new Client(server.url);
        await client.login(DEMO.office.username, DEMO.office.password, { expect: 200 });
        const dashboard = expectStatus(await client.get('/dashboard'), 200).body;
        return { dashboard, client, server };
    } catch (error) {
        await server.stop();
        throw error;
    }
}

function contractReminder(dashboard, id) {
    return dashboard.reminders.filter(
        (item) => item.kind === 'contract_expiring' && typeof item.link === 'string' && item.link.endsWith(`/contracts/${id}`),
    );
}

test('X-2 an active contract ending within 30 days has a contract_expiring reminder linking to it, rising in severity', async () => {
    const active = await createActiveContract(clients, content());
    const id = active.id;
    const terminated = await createActiveContract(clients, content());
    expectStatus(await office.post(`/contracts/${terminated.id}/terminate`, {
        reason: '测试终止', breach_liability: '无', effective_on: MARCH_END,
    }), 200);
    const renewed = await createActiveContract(clients, content());
    expectStatus(await office.post(`/contracts/${renewed.id}/renew`, {
        reason: '考核优良,续签', term_start: NEXT_START, term_end: NEXT_END,
    }), 201);

    const today = expectStatus(await office.get('/dashboard'), 200).body;
    const daysNow = daysBetween(FAKE_TODAY, TERM_END);
    assert.ok(daysNow > 121, `today is ${daysNow} days before the end`);
    assert.deepEqual(contractReminder(today, id), [], `${daysNow} days before the end: no reminder`);

    // 121 days before the end, outside contract.reminder_days_first (90): no reminder.
    const early = await dashboardAt(at(addDays(TERM_END, -121), '10:00'));
    try {
        assert.deepEqual(contractReminder(early.dashboard, id), [], '121 days before the end: no reminder');
        assert.equal(expectStatus(await early.client.get(`/contracts/${id}`), 200).body.days_to_expiry, 121);
    } finally {
        await early.server.stop();
    }

    const severities = {};
    for (const days of [60, 21, 3]) {
        const { dashboard, client, server } = await dashboardAt(at(addDays(TERM_END, -days), '10:00'));
        try {
            const reminders = contractReminder(dashboard, id);
            assert.equal(reminders.length, 1, `${days} days before the end: one reminder; got ${JSON.stringify(dashboard.reminders)}`);
            const [reminder] = reminders;
            assert.equal(reminder.due, TERM_END);
            assert.equal(typeof reminder.severity, 'string');
            assert.match(reminder.title['zh-CN'], /[\u4e00-\u9fff]/);
            assert.equal(typeof reminder.title.en, 'string');
            severities[days] = reminder.severity;
            assert.deepEqual(contractReminder(dashboard, terminated.id), [], 'a terminated contract is not reminded');
            assert.deepEqual(contractReminder(dashboard, renewed.id), [], 'a renewed contract needs no decision: no reminder');
            const read = expectStatus(await client.get(`/contracts/${id}`), 200).body;
            assert.equal(read.status, 'active');
            assert.equal(read.days_to_expiry, days);
        } finally {
            await server.stop();
        }
    }
    assert.notEqual(severities[21], severities[60], 'severity rises at 30 days');
    assert.notEqual(severities[3], severities[21], 'severity rises at 7 days');
});

test('CON-3 an active contract whose term has ended reads as expired and cannot be paid', async () => {
    const active = await createActiveContract(clients, content());
    const id = active.id;
    const server = await startServer(demo.db, { fakeNow: AFTER_TERM });
    try {
        const client = new Client(server.url);
        await client.login(DEMO.office.username, DEMO.office.password, { expect: 200 });
        const read = expectStatus(await client.get(`/contracts/${id}`), 200).body;
        assert.equal(read.status, 'expired');
        assert.equal(read.days_to_expiry, -5, 'five days past the end of the term');
        const listed = expectStatus(await client.get('/contracts', { query: { status: 'expired', page_size: 200 } }), 200).body.items;
        assert.ok(listed.some((item) => item.id === id), 'status=expired finds it');
        expectError(await client.post(`/contracts/${id}/payments`, payment(P(12), '30000.00')), 409, 'FailedPrecondition');
        const dashboard = expectStatus(await client.get('/dashboard'), 200).body;
        assert.deepEqual(contractReminder(dashboard, id), [], 'an expired contract is no longer "expiring"');
    } finally {
        await server.stop();
    }
    // Under today's clock it is still active.
    assert.equal(expectStatus(await office.get(`/contracts/${id}`), 200).body.status, 'active');
});

test('CON-6 an expired contract can be renewed', async () => {
    const active = await createActiveContract(clients, content());
    const server = await startServer(demo.db, { fakeNow: AFTER_TERM });
    try {
        const client = new Client(server.url);
        await client.login(DEMO.office.username, DEMO.office.password, { expect: 200 });
        assert.equal(expectStatus(await client.get(`/contracts/${active.id}`), 200).body.status, 'expired');
        const successor = expectStatus(await client.post(`/contracts/${active.id}/renew`, {
            reason: '到期后续签', term_start: dateOfYear(1, '02-01'), term_end: dateOfYear(2, '01-31'),
        }), 201, 'renew an expired contract').body;
        assert.equal(successor.status, 'draft');
        assert.equal(successor.predecessor_id, active.id);
        const old = expectStatus(await client.get(`/contracts/${active.id}`), 200).body;
        assert.equal(old.successor_id, successor.id);
        assert.equal(old.status, 'renewed');
        const listed = expectStatus(await client.get('/contracts', { query: { status: 'renewed', page_size: 200 } }), 200).body.items;
        assert.ok(listed.some((item) => item.id === active.id), 'status filter finds the renewed contract');
        const expired = expectStatus(await client.get('/contracts', { query: { status: 'expired', page_size: 200 } }), 200).body.items;
        assert.ok(!expired.some((item) => item.id === active.id), 'a renewed contract is not listed as expired');
    } finally {
        await server.stop();
    }
});

// ---------------------------------------------------------------------------------------------------------------

test('X-1 every contract has audit entries and houqin audit verify exits 0', async () => {
    const active = await createActiveContract(clients, content());
    const successor = expectStatus(await office.post(`/contracts/${active.id}/renew`, {
        reason: '续签', term_start: NEXT_START, term_end: NEXT_END,
    }), 201).body;
    expectStatus(await office.post(`/contracts/${active.id}/payments`, payment(P(1), '30000.00')), 201);
    const contracts = await listAll(office, '/contracts');
    for (const made of [active, successor]) assert.ok(contracts.some((item) => item.id === made.id), `contract ${made.id} listed`);
    const audited = await listAll(jiwei, '/audit', { entity: 'contract' });
    for (const contract of contracts) {
        assert.ok(audited.some((entry) => entry.entity_id === contract.id), `contract ${contract.id} has audit entries`);
    }
    const verify = expectStatus(await jiwei.get('/audit/verify'), 200).body;
    assert.equal(verify.ok, true, JSON.stringify(verify));
    const run = cli(['audit', 'verify', '--db', demo.db.url], { allowFail: true });
    assert.equal(run.code, 0, `houqin audit verify: ${run.stdout}${run.stderr}`);
});

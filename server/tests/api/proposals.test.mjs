// The policy engine through the API: failing assessments propose deductions priced by the contract's clauses (RP-2)
// and, at the threshold, termination (RP-3); a year-end reward for high results (RP-1); proposals carry their evidence
// and thresholds, are never repeated, are withdrawn when an appeal removes their ground (SUP-8), and go from the office
// to leadership (RP-4) into the ledger (CON-8) or a termination (CON-7); docs/api.md "Proposals".
//
// Every test makes its own contract in force (validContent, vendor1's vendor, twelve monthly periods from ten months
// ago to next month, installments of 30000.00, checklist 15/20/15/20/15/15, pass mark 60, deductions 100.00 per point
// below 60 (cap 3000.00), 200.00 per missing staff-day (cap 5000.00), 300.00 per failed item (cap 3000.00)). The
// server runs on the test clock (server/tests/clock.mjs): the months before this one are past periods, assessed on
// their 20th; the default window (rolling 12 months) ends today; the contract year ends next month, so this month is
// not yet its last.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    FAKE_TODAY, contractFixtures, createActiveContract, expectError, expectStatus, fromFen, listAll, setupDemo, toFen,
    validContent,
} from './harness.mjs';
import { addDays, addMonths, day, month, monthStart, quarter } from '../clock.mjs';

const TERM_START = monthStart(-10);
/** A past period of every contract made here: `PAST(3)` is the month three months ago. */
const PAST = (monthsAgo) => month(-monthsAgo);
/** The rolling 12-month window that ends today, as the proposals state it. */
const WINDOW = `${addDays(addMonths(FAKE_TODAY, -12), 1)}..${FAKE_TODAY}`;

let demo;
let office;
let admin;
let leader;
let jiwei;
let dept;
let vendor1;
let fx;
let clients;

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    leader = await demo.as('leader');
    jiwei = await demo.as('jiwei');
    dept = await demo.as('dept');
    const sifa = await demo.as('sifa');
    const dangzheng = await demo.as('dangzheng');
    fx = await contractFixtures(demo, office);
    vendor1 = fx.vendor1;
    clients = { office, sifa, dangzheng };
});

function content() {
    return validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: TERM_START,
    });
}

/** A new contract in force with its assessment form. */
async function activeContract() {
    const contract = await createActiveContract(clients, content());
    assert.equal(contract.status, 'active');
    const form = expectStatus(await office.get(`/contracts/${contract.id}/assessment-form`), 200).body;
    return { ...contract, form };
}

/**
 * Records a routine assessment of `period` (assessed on the 20th) with points lost per item index.
 * Checklist points: [15, 20, 15, 20, 15, 15]; an item fails when it lost all its points.
 */
async function assess(contract, period, lost, { missing = 0, kind = 'routine' } = {}) {
    const items = contract.form.checklist.map((entry, index) => ({ item: entry.item, lost: lost[index] ?? 0, note: '' }));
    return expectStatus(await office.post('/assessments', {
        contract_id: contract.id, period, kind, assessed_on: `${period}-20`, items, missing_staff_days: missing,
        summary: `${period} 例行考核`,
    }), 201, `assessment ${period}`).body;
}

// Three failures, each priced differently by the clauses.
const FAIL_55 = { lost: { 1: 20, 3: '12.5', 4: '12.5' }, missing: 3 }; // 55: 5 below, 1 failed item, 3 staff-days
const FAIL_58_5 = { lost: { 0: 15, 1: '16.5', 3: 10 }, missing: 0 }; // 58.5: 1.5 below, 1 failed item
const FAIL_50 = { lost: { 0: 15, 2: 15, 3: 20 }, missing: 0 }; // 50: 10 below, 3 failed items

async function fail(contract, period, pattern) {
    const assessment = await assess(contract, period, pattern.lost, { missing: pattern.missing });
    assert.equal(assessment.passed, false, `${period} fails`);
    return assessment;
}

/** A new contract with three failing routine assessments four, three and two months ago (55, 58.5, 50). */
async function contractWithThreeFailures() {
    const contract = await activeContract();
    const failures = [
        await fail(contract, PAST(4), FAIL_55),
        await fail(contract, PAST(3), FAIL_58_5),
        await fail(contract, PAST(2), FAIL_50),
    ];
    return { contract, failures };
}

/** What the contract's clauses charge for an assessment, computed here from the clauses themselves (RP-2). */
function deductionFen(clauses, passMark, assessment) {
    const belowTenths = Math.max(0, passMark * 10 - Math.round(Number(assessment.total) * 10));
    const units = {
        per_point_below_pass: belowTenths,
        per_missing_staff_day: assessment.missing_staff_days * 10,
        per_failed_item: assessment.failed_items * 10,
    };
    return clauses.reduce((total, clause) => {
        const raw = Math.floor((toFen(clause.amount) * units[clause.kind]) / 10);
        return total + Math.min(raw, toFen(clause.cap));
    }, 0);
}

async function proposalsOf(contractId, query = {}) {
    return listAll(office, '/proposals', { contract_id: contractId, ...query });
}

async function proposal(id, client = office) {
    return expectStatus(await client.get(`/proposals/${id}`), 200).body;
}

function deductionFor(proposals, assessment) {
    return proposals.find((item) => item.kind === 'deduction' && item.evidence.length === 1 && item.evidence[0].id === String(assessment.id));
}

async function decide(client, id, body, status = 200) {
    return expectStatus(await client.post(`/proposals/${id}/decision`, body), status, `decision on proposal ${id}`).body;
}

async function evaluate(contractId, yearEndReview = false) {
    return expectStatus(
        await office.post('/policy/evaluate', { contract_id: contractId, year_end_review: yearEndReview }), 200, 'evaluate',
    ).body;
}

function threshold(item, name) {
    return item.thresholds.find((entry) => entry.name === name)?.value;
}

// ---------------------------------------------------------------------------------------------------------------
// RP-3, RP-2: what failing assessments propose

test('RP-3 three failing routine assessments in three periods propose termination with them as evidence and the thresholds used', async () => {
    const contract = await activeContract();
    const a1 = await fail(contract, PAST(4), FAIL_55);
    const a2 = await fail(contract, PAST(3), FAIL_58_5);
    assert.deepEqual((await proposalsOf(contract.id, { kind: 'termination' })), [], 'two failures: no termination');

    const a3 = await fail(contract, PAST(2), FAIL_50);
    assert.deepEqual([a1.total, a2.total, a3.total], ['55', '58.5', '50']);
    assert.deepEqual([a1.failed_items, a2.failed_items, a3.failed_items], [1, 1, 3]);
    const terminations = await proposalsOf(contract.id, { kind: 'termination' });
    assert.equal(terminations.length, 1, `one termination proposal; got ${JSON.stringify(terminations)}`);

    const termination = await proposal(terminations[0].id);
    assert.equal(termination.rule, 'RP-3/failures');
    assert.equal(termination.status, 'pending_office');
    assert.equal(termination.contract_id, contract.id);
    assert.equal(termination.vendor_id, fx.ownVendor.id);
    assert.equal(termination.amount, null);
    assert.equal(termination.outcome, null);
    assert.deepEqual(
        termination.evidence.map((item) => [item.kind, item.id, item.period, item.date, item.value]),
        [
            ['assessment', String(a1.id), PAST(4), `${PAST(4)}-20`, '55'],
            ['assessment', String(a2.id), PAST(3), `${PAST(3)}-20`, '58.5'],
            ['assessment', String(a3.id), PAST(2), `${PAST(2)}-20`, '50'],
        ],
    );
    for (const item of termination.evidence) {
        assert.match(item.description['zh-CN'], /[\u4e00-\u9fff]/);
        assert.equal(typeof item.description.en, 'string');
    }
    assert.equal(threshold(termination, 'failures_threshold'), '3');
    assert.equal(threshold(termination, 'window'), 'rolling_12_months');
    assert.equal(threshold(termination, 'window_period'), WINDOW);
    assert.match(termination.explanation['zh-CN'], /3/);
    assert.match(termination.explanation.en, /3 routine assessments failed/);
    assert.ok(termination.rule_version.length > 0, 'the rule version is recorded');
    assert.match(termination.settings_version, /^S\d+$/);
    assert.deepEqual(termination.history.map((event) => event.action), ['propose']);
    assert.deepEqual(termination.allowed_actions.sort(), ['approve', 'reject']);
});

test('RP-2 each failing routine assessment proposes one deduction priced by the contract\'s clauses', async () => {
    const { contract, failures: [a1, a2, a3] } = await contractWithThreeFailures();
    const deductions = await proposalsOf(contract.id, { kind: 'deduction' });
    assert.equal(deductions.length, 3);
    const d1 = await proposal(deductionFor(deductions, a1).id);
    assert.equal(d1.rule, 'RP-2');
    assert.equal(d1.status, 'pending_office');
    assert.equal(d1.period, PAST(4));
    // 5 points below 60 × 100.00 + 3 staff-days × 200.00 + 1 failed item × 300.00 = 1400.00
    assert.equal(d1.amount, '1400.00');
    assert.equal(d1.amount, fromFen(deductionFen(contract.form.deductions, contract.form.pass_mark, a1)), 'computed from the clauses');
    assert.deepEqual(d1.evidence.map((item) => [item.kind, item.id, item.value]), [['assessment', String(a1.id), '55']]);
    assert.equal(threshold(d1, 'pass_mark'), '60');
    assert.equal(threshold(d1, 'per_point_below_pass'), '100.00 cap 3000.00');
    assert.equal(threshold(d1, 'per_missing_staff_day'), '200.00 cap 5000.00');
    assert.equal(threshold(d1, 'per_failed_item'), '300.00 cap 3000.00');
    assert.match(d1.explanation['zh-CN'], /1400\.00/);
    // 1.5 points below: pro rata, 150.00, + 300.00.
    assert.equal(deductionFor(deductions, a2).amount, '450.00');
    assert.equal(deductionFor(deductions, a3).amount, '1900.00');
    assert.equal(deductionFor(deductions, a3).amount, fromFen(deductionFen(contract.form.deductions, contract.form.pass_mark, a3)));
});

test('RP-3 a failed special inspection proposes nothing: neither a deduction nor a step towards termination', async () => {
    // D1 Art.8 speaks of routine assessments.
    const contract = await activeContract();
    await fail(contract, PAST(3), FAIL_55);
    await fail(contract, PAST(2), FAIL_58_5);
    const before = await proposalsOf(contract.id);
    assert.equal(before.length, 2, 'a deduction for each routine failure');
    const special = await assess(contract, PAST(2), FAIL_50.lost, { kind: 'special' });
    assert.equal(special.passed, false);
    assert.deepEqual((await proposalsOf(contract.id)).map((item) => item.id), before.map((item) => item.id),
        'two routine failures and a special one: no termination, no third deduction');
});

test('RP-4 running the rules again proposes nothing new, and notes what it did not count', async () => {
    const { contract } = await contractWithThreeFailures();
    await assess(contract, PAST(2), FAIL_50.lost, { kind: 'special' });
    const before = await proposalsOf(contract.id);
    assert.equal(before.length, 4, 'a termination and three deductions');
    const run = await evaluate(contract.id);
    assert.equal(run.evaluated, 1);
    assert.deepEqual(run.proposed, []);
    assert.deepEqual(run.withdrawn, []);
    assert.ok(Array.isArray(run.notes));
    assert.ok(run.notes.some((note) => note.code === 'not_routine'), 'the special inspection is noted as not counted');
    const everything = expectStatus(await office.post('/policy/evaluate', { contract_id: null, year_end_review: false }), 200).body;
    assert.ok(everything.evaluated >= 2, 'every active contract is evaluated');
    assert.deepEqual(everything.proposed, []);
    const after = await proposalsOf(contract.id);
    assert.deepEqual(after.map((item) => [item.id, item.status]), before.map((item) => [item.id, item.status]));
});

test('RP-4 running the rules is the office\'s, on a contract in force', async () => {
    const contract = await activeContract();
    expectError(await dept.post('/policy/evaluate', { contract_id: contract.id }), 403, 'PermissionDenied');
    expectError(await vendor1.post('/policy/evaluate', { contract_id: contract.id }), 403, 'PermissionDenied');
    expectError(await leader.post('/policy/evaluate', { contract_id: contract.id }), 403, 'PermissionDenied');
    const draft = expectStatus(await office.post('/contracts', content()), 201).body;
    expectError(await office.post('/policy/evaluate', { contract_id: draft.id }), 409, 'FailedPrecondition');
    expectError(await office.post('/policy/evaluate', { contract_id: 999999 }), 404, 'NotFound');
});

test('SUP-8 an appeal that turns a failure into a pass withdraws the open termination proposal and that failure\'s deduction', async () => {
    const { contract, failures: [a1, a2, a3] } = await contractWithThreeFailures();
    const before = await proposalsOf(contract.id);
    const termination = before.find((item) => item.kind === 'termination');
    const d3 = deductionFor(before, a3);

    expectStatus(await vendor1.post(`/assessments/${a3.id}/appeal`, {
        reason: '检查当天为停电检修日,部分区域无法作业,请求复核', attachment_ids: [],
    }), 201);
    // The appeal alone changes nothing.
    assert.equal((await proposal(termination.id)).status, 'pending_office');
    const changed = expectStatus(await office.post(`/assessments/${a3.id}/appeal/decision`, {
        decision: 'changed', reason: '经核实当日停电检修,改为第一项扣 10 分',
        items: contract.form.checklist.map((entry, index) => ({ item: entry.item, lost: index === 0 ? 10 : 0 })),
    }), 200).body;
    assert.equal(changed.total, '90');
    assert.equal(changed.passed, true);

    const withdrawn = await proposal(termination.id);
    assert.equal(withdrawn.status, 'withdrawn', 'two failures remain: the termination no longer holds');
    assert.deepEqual(withdrawn.history.map((event) => event.action), ['propose', 'withdraw']);
    assert.ok(withdrawn.history[1].comment.length > 0, 'the withdrawal says why');
    assert.deepEqual(withdrawn.allowed_actions, []);
    expectError(await office.post(`/proposals/${termination.id}/decision`, { decision: 'approve' }), 409, 'FailedPrecondition');
    assert.equal((await proposal(d3.id)).status, 'withdrawn', 'the deduction for the failure that became a pass');
    assert.equal((await proposal(deductionFor(before, a1).id)).status, 'pending_office');
    assert.equal((await proposal(deductionFor(before, a2).id)).status, 'pending_office');
    let after = await proposalsOf(contract.id);
    assert.equal(after.length, before.length, 'a score of 90 with no failed item proposes nothing new');
    assert.deepEqual(await proposalsOf(contract.id, { status: 'withdrawn' }).then((items) => items.map((item) => item.id).sort()),
        [termination.id, d3.id].sort());

    // A new failure brings the count back to three: a new proposal on the new evidence; the withdrawn one stays so.
    const a4 = await fail(contract, PAST(1), FAIL_55);
    after = await proposalsOf(contract.id, { kind: 'termination' });
    assert.equal(after.length, 2);
    const renewed = after.find((item) => item.id !== termination.id);
    assert.equal(renewed.status, 'pending_office');
    assert.deepEqual(renewed.evidence.map((item) => item.id), [a1.id, a2.id, a4.id].map(String));
    assert.equal((await proposal(termination.id)).status, 'withdrawn');
});

// ---------------------------------------------------------------------------------------------------------------
// RP-4: office, then leadership; CON-8: into the ledger

test('RP-4 a deduction goes from the office to leadership; others neither decide nor skip a step; rejections need a comment', async () => {
    const { contract, failures } = await contractWithThreeFailures();
    const proposals = await proposalsOf(contract.id);
    const d1 = deductionFor(proposals, failures[0]);
    const d2 = deductionFor(proposals, failures[1]);
    assert.deepEqual([d1.amount, d2.amount], ['1400.00', '450.00']);

    // Proposals are the organisation's deliberation: departments and vendors cannot read or decide them.
    for (const client of [dept, vendor1]) {
        expectError(await client.get('/proposals'), 403, 'PermissionDenied');
        expectError(await client.get(`/proposals/${d1.id}`), 403, 'PermissionDenied');
        expectError(await client.post(`/proposals/${d1.id}/decision`, { decision: 'approve' }), 403, 'PermissionDenied');
    }
    // Discipline inspection sees them (RP-4) but decides nothing.
    const seen = await proposal(d1.id, jiwei);
    assert.equal(seen.amount, '1400.00');
    assert.deepEqual(seen.allowed_actions, []);
    expectError(await jiwei.post(`/proposals/${d1.id}/decision`, { decision: 'approve' }), 403, 'PermissionDenied');
    // Leadership cannot skip the office's step.
    expectError(await leader.post(`/proposals/${d1.id}/decision`, { decision: 'approve' }), 403, 'PermissionDenied');
    expectError(await office.post(`/proposals/${d1.id}/decision`, { decision: 'maybe' }), 400, 'InvalidArgument', 'decision');
    assert.equal((await proposal(d1.id)).status, 'pending_office');

    const atLeadership = await decide(office, d1.id, { decision: 'approve', comment: '情况属实,同意扣款' });
    assert.equal(atLeadership.status, 'pending_leadership');
    assert.deepEqual(atLeadership.allowed_actions, [], 'nothing left for the office');
    assert.deepEqual((await proposal(d1.id, leader)).allowed_actions.sort(), ['approve', 'reject']);
    // The office cannot take leadership's step.
    expectError(await office.post(`/proposals/${d1.id}/decision`, { decision: 'approve' }), 403, 'PermissionDenied');
    expectError(await admin.post(`/proposals/${d1.id}/decision`, { decision: 'approve' }), 403, 'PermissionDenied');
    // Rejecting needs a comment.
    expectError(await leader.post(`/proposals/${d1.id}/decision`, { decision: 'reject' }), 400, 'InvalidArgument', 'comment');
    expectError(await leader.post(`/proposals/${d1.id}/decision`, { decision: 'reject', comment: '   ' }), 400, 'InvalidArgument', 'comment');
    assert.equal((await proposal(d1.id)).status, 'pending_leadership');

    const approved = await decide(leader, d1.id, { decision: 'approve', comment: '同意' });
    assert.equal(approved.status, 'approved');
    assert.equal(approved.approved_amount, '1400.00');
    assert.equal(approved.outcome.terminated, false);
    assert.equal(typeof approved.outcome.ledger_entry_id, 'number');
    assert.deepEqual(approved.history.map((event) => [event.action, event.to_state]), [
        ['propose', 'pending_office'], ['approve', 'pending_leadership'], ['approve', 'approved'],
    ]);
    expectError(await leader.post(`/proposals/${d1.id}/decision`, { decision: 'approve' }), 409, 'FailedPrecondition');

    // The office may reject outright (with a comment); nothing is booked.
    expectError(await office.post(`/proposals/${d2.id}/decision`, { decision: 'reject' }), 400, 'InvalidArgument', 'comment');
    const rejected = await decide(office, d2.id, { decision: 'reject', comment: '该月已另行约谈整改,不再扣款' });
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.outcome, null);
    expectError(await leader.post(`/proposals/${d2.id}/decision`, { decision: 'approve' }), 409, 'FailedPrecondition');
    const ledger = expectStatus(await office.get(`/contracts/${contract.id}/ledger`), 200).body;
    assert.equal(ledger.entries.filter((item) => item.source === 'proposal').length, 1, 'only the approved one is booked');

    // Who decided what and when is in the audit trail (SUP-5).
    const audit = await listAll(admin, '/audit', { entity: 'proposal', entity_id: d1.id });
    assert.ok(audit.some((item) => item.action === 'approve' && item.actor_id === office.user.id), 'the office step is audited');
    assert.ok(audit.some((item) => item.action === 'approve' && item.actor_id === leader.user.id), 'the leadership step is audited');
});

test('X-6 the history names each person by display name and role, and the rules\' steps as the system, in both languages', async () => {
    const { contract, failures } = await contractWithThreeFailures();
    const d1 = deductionFor(await proposalsOf(contract.id), failures[0]);
    const decided = await decide(office, d1.id, { decision: 'approve', comment: '核实无误' });
    const [proposed, approved] = decided.history;
    assert.equal(proposed.action, 'propose');
    assert.equal(proposed.actor_display_name, null, 'no person proposed it');
    assert.deepEqual(proposed.role_name, { 'zh-CN': '系统(按规则自动生成)', en: 'System (generated by the rules)' });
    assert.doesNotMatch(JSON.stringify(proposed), /规则引擎/);
    assert.equal(approved.actor_display_name, office.user.display_name);
    assert.deepEqual(approved.role_name, office.user.role_name);
});

test('CON-8 an approved deduction is booked in the installment of its assessment\'s period and lowers what is due; leadership may lower it, never raise it', async () => {
    const { contract, failures } = await contractWithThreeFailures();
    const proposals = await proposalsOf(contract.id);
    const d1 = deductionFor(proposals, failures[0]);
    const d3 = deductionFor(proposals, failures[2]);
    assert.deepEqual([d1.amount, d3.amount], ['1400.00', '1900.00']);

    const ledgerBefore = expectStatus(await office.get(`/contracts/${contract.id}/ledger`), 200).body;
    assert.equal(ledgerBefore.totals.deductions, '0.00');
    await decide(office, d1.id, { decision: 'approve', comment: '情况属实,同意扣款' });
    const approved = await decide(leader, d1.id, { decision: 'approve', comment: '同意' });
    let ledger = expectStatus(await office.get(`/contracts/${contract.id}/ledger`), 200).body;
    const entry = ledger.entries.find((item) => item.id === approved.outcome.ledger_entry_id);
    assert.ok(entry, `the ledger entry ${approved.outcome.ledger_entry_id}; got ${JSON.stringify(ledger.entries)}`);
    // The booked entry's reason is words a person reads (the proposal's number and explanation), no rule code.
    assert.match(entry.reason, new RegExp(`^建议 #${approved.id}:`));
    assert.doesNotMatch(entry.reason, /RP-\d/);
    assert.deepEqual([entry.kind, entry.source, entry.amount, entry.period], ['deduction', 'proposal', '1400.00', PAST(4)],
        'booked in the installment of the assessment\'s period');
    const first = ledger.periods.find((item) => item.period === PAST(4));
    assert.deepEqual([first.deductions, first.due], ['1400.00', '28600.00']);
    assert.equal(ledger.totals.deductions, '1400.00');
    assert.equal(toFen(ledger.totals.due), toFen(ledgerBefore.totals.due) - 140000);
    // The vendor sees the deduction in its ledger.
    const vendorLedger = expectStatus(await vendor1.get(`/contracts/${contract.id}/ledger`), 200).body;
    assert.equal(vendorLedger.totals.deductions, '1400.00');

    // Leadership may lower a deduction, never raise it above the clauses.
    await decide(office, d3.id, { decision: 'approve' });
    expectError(await leader.post(`/proposals/${d3.id}/decision`, { decision: 'approve', amount: '1900.01' }), 400, 'InvalidArgument', 'amount');
    const lowered = await decide(leader, d3.id, { decision: 'approve', amount: '1000.00', comment: '考虑到已整改,酌减' });
    assert.equal(lowered.amount, '1900.00');
    assert.equal(lowered.approved_amount, '1000.00');
    ledger = expectStatus(await office.get(`/contracts/${contract.id}/ledger`), 200).body;
    assert.equal(ledger.periods.find((item) => item.period === PAST(2)).deductions, '1000.00');
    assert.equal(ledger.totals.deductions, '2400.00');
    assert.equal(ledger.entries.filter((item) => item.source === 'proposal').length, 2);
});

test('CON-7 leadership approving a termination proposal terminates the contract with its breach-liability clause, linked to the proposal', async () => {
    const { contract } = await contractWithThreeFailures();
    const [termination] = await proposalsOf(contract.id, { kind: 'termination' });
    assert.equal(termination.rule, 'RP-3/failures');
    await decide(office, termination.id, { decision: 'approve', comment: '三次考核不合格,建议解除合同' });
    const approved = await decide(leader, termination.id, { decision: 'approve', comment: '同意解除' });
    assert.equal(approved.status, 'approved');
    assert.equal(approved.outcome.terminated, true);
    assert.equal(approved.outcome.ledger_entry_id, null);

    const terminated = expectStatus(await office.get(`/contracts/${contract.id}`), 200).body;
    assert.equal(terminated.status, 'terminated');
    assert.ok(terminated.termination, 'the termination is recorded');
    assert.equal(terminated.termination.breach_liability, terminated.content.breach_liability);
    assert.ok(terminated.termination.breach_liability.length > 0);
    assert.match(terminated.termination.reason, new RegExp(`#${termination.id}`));

    // A terminated contract is no longer judged nor assessed.
    expectError(await office.post('/policy/evaluate', { contract_id: contract.id }), 409, 'FailedPrecondition');
    expectError(await office.post('/assessments', {
        contract_id: contract.id, period: PAST(1), kind: 'routine', assessed_on: `${PAST(1)}-20`,
        items: contract.form.checklist.map((entry) => ({ item: entry.item, lost: 0 })),
    }), 409, 'FailedPrecondition');
});

// ---------------------------------------------------------------------------------------------------------------
// Settings: the threshold in force decides, and is recorded

test('RP-3 policy.failures_threshold decides: at 2, two failures propose termination recording the value and settings version used', async () => {
    const contract = await activeContract();
    const e1 = await fail(contract, PAST(2), FAIL_55);
    await fail(contract, PAST(1), FAIL_58_5);
    assert.deepEqual((await proposalsOf(contract.id, { kind: 'termination' })), [], 'two failures are below the default threshold of 3');
    const before = deductionFor(await proposalsOf(contract.id), e1);

    expectError(await office.put('/settings/policy.failures_threshold', { value: 2, reason: '越权修改' }), 403, 'PermissionDenied');
    expectError(await admin.put('/settings/policy.failures_threshold', { value: 0, reason: '超出范围' }), 400, 'InvalidArgument', 'value');
    let termination;
    try {
        const setting = expectStatus(await admin.put('/settings/policy.failures_threshold', {
            value: 2, reason: '镇党委会议决定从严考核(测试)',
        }), 200).body;
        assert.equal(setting.value, 2);
        const run = await evaluate(contract.id);
        assert.equal(run.proposed.length, 1, `only the termination is new; got ${JSON.stringify(run)}`);
        termination = await proposal(run.proposed[0]);
        assert.equal(termination.kind, 'termination');
        assert.equal(termination.rule, 'RP-3/failures');
        assert.equal(threshold(termination, 'failures_threshold'), '2', 'the value in force is recorded');
        assert.equal(termination.evidence.length, 2);
        assert.match(termination.settings_version, /^S\d+$/);
        assert.notEqual(termination.settings_version, before.settings_version, 'a new settings version');
    } finally {
        expectStatus(await admin.put('/settings/policy.failures_threshold', { value: 3, reason: '恢复默认' }), 200);
    }
    // Back at 3 the decision no longer holds: the open proposal is withdrawn on the next run.
    const rerun = await evaluate(contract.id);
    assert.deepEqual(rerun.withdrawn, [termination.id]);
    assert.equal((await proposal(termination.id)).status, 'withdrawn');
});

// ---------------------------------------------------------------------------------------------------------------
// RP-1: the year-end reward

/**
 * A contract that earns a year-end reward (RP-1): routine scores 95, 92.5 and 100, a closed survey at 100.00%, and an
 * energy-saving record.
 */
async function rewardWorthyContract() {
    const contract = await activeContract();
    await assess(contract, PAST(3), { 0: 5 }); // 95
    await assess(contract, PAST(2), { 1: '7.5' }); // 92.5
    await assess(contract, PAST(1), {}); // 100
    const survey = expectStatus(await office.post('/surveys', {
        contract_id: contract.id, period: quarter(0), title: '年度满意度测评', anonymous: false, closes_on: day(12),
    }), 201).body;
    expectStatus(await dept.post(`/surveys/${survey.id}/answers`, { rating: 'very_satisfied', answers: {} }), 201);
    expectStatus(await office.post(`/surveys/${survey.id}/close`, {}), 200);

    const saving = {
        contract_id: contract.id, recorded_on: `${PAST(1)}-15`, measure: '更换LED节能灯具', saving: '1200.00', saving_kwh: 350,
        evidence_ids: [],
    };
    const recorded = expectStatus(await office.post('/energy-savings', saving), 201, 'energy-saving record').body;
    assert.equal(recorded.saving, '1200.00');
    return contract;
}

test('RP-1 a year-end reward is proposed for high scores, satisfaction and energy saving; leadership must set its amount', async () => {
    const contract = await rewardWorthyContract();

    // Before the last month of the contract year the reward is weighed only when the office asks for it.
    const ordinary = await evaluate(contract.id);
    assert.deepEqual(ordinary.proposed, []);
    const review = await evaluate(contract.id, true);
    assert.equal(review.proposed.length, 1, `one reward proposal; got ${JSON.stringify(review)}`);
    const reward = await proposal(review.proposed[0]);
    assert.equal(reward.kind, 'reward');
    assert.equal(reward.rule, 'RP-1');
    assert.equal(reward.amount, null, 'leadership sets the amount');
    assert.deepEqual(reward.evidence.map((item) => item.kind).sort(),
        ['assessment', 'assessment', 'assessment', 'energy_saving', 'survey']);
    assert.equal(reward.evidence.find((item) => item.kind === 'survey').value, '100.00%');
    assert.equal(threshold(reward, 'reward_assessment_average'), '90');
    assert.equal(threshold(reward, 'reward_satisfaction_percent'), '90');
    assert.deepEqual((await evaluate(contract.id, true)).proposed, [], 'no second reward for the same evidence');

    await decide(office, reward.id, { decision: 'approve', comment: '表现突出,建议奖励' });
    expectError(await leader.post(`/proposals/${reward.id}/decision`, { decision: 'approve' }), 400, 'InvalidArgument', 'amount');
    expectError(await leader.post(`/proposals/${reward.id}/decision`, { decision: 'approve', amount: null }), 400, 'InvalidArgument', 'amount');
    expectError(await leader.post(`/proposals/${reward.id}/decision`, { decision: 'approve', amount: '0.00' }), 400, 'InvalidArgument', 'amount');
    assert.equal((await proposal(reward.id)).status, 'pending_leadership');
    const approved = await decide(leader, reward.id, { decision: 'approve', amount: '5000.00', comment: '同意奖励5000元' });
    assert.equal(approved.status, 'approved');
    assert.equal(approved.approved_amount, '5000.00');

    const ledger = expectStatus(await office.get(`/contracts/${contract.id}/ledger`), 200).body;
    const entry = ledger.entries.find((item) => item.id === approved.outcome.ledger_entry_id);
    assert.deepEqual([entry.kind, entry.source, entry.amount, entry.period], ['reward', 'proposal', '5000.00', month(0)],
        'booked in the first installment due on or after the approval (the end of this month)');
    assert.equal(ledger.totals.rewards, '5000.00');
    assert.equal(ledger.totals.deductions, '0.00');
});

// ---------------------------------------------------------------------------------------------------------------
// Double submissions: a second click gets the same answer as a sequential second request.

test('RP-4 the rules run twice at once propose a decision once, and neither run fails', async () => {
    const contract = await rewardWorthyContract();
    const office2 = await demo.as('office');
    const runs = await Promise.all([office, office2, office].map((client) => client.post(
        '/policy/evaluate', { contract_id: contract.id, year_end_review: true },
    )));
    assert.deepEqual(runs.map((run) => run.status), [200, 200, 200],
        `every run answers 200; got ${runs.map((run) => `${run.status} ${JSON.stringify(run.body)}`)}`);
    const proposed = runs.flatMap((run) => run.body.proposed);
    assert.equal(proposed.length, 1, `one reward proposed in all; got ${JSON.stringify(proposed)}`);
    assert.equal((await proposalsOf(contract.id, { kind: 'reward' })).length, 1);
});

test('RP-4 two leaders approving the same deduction at once book it once', async () => {
    const contract = await activeContract();
    const failure = await fail(contract, PAST(1), FAIL_58_5);
    const deduction = deductionFor(await proposalsOf(contract.id), failure);
    await decide(office, deduction.id, { decision: 'approve' });
    const leader2 = await demo.as('leader');
    const attempts = await Promise.all([leader, leader2, leader].map((client) => client.post(
        `/proposals/${deduction.id}/decision`, { decision: 'approve', comment: '同意' },
    )));
    const statuses = attempts.map((response) => response.status).sort();
    assert.deepEqual(statuses, [200, 409, 409], `one approval, two conflicts; got ${attempts.map((item) => `${item.status} ${JSON.stringify(item.body)}`)}`);
    for (const response of attempts.filter((item) => item.status === 409)) expectError(response, 409, 'FailedPrecondition');
    const ledger = expectStatus(await office.get(`/contracts/${contract.id}/ledger`), 200).body;
    assert.equal(ledger.entries.filter((entry) => entry.source === 'proposal').length, 1, 'one ledger entry');
    assert.equal(ledger.totals.deductions, '450.00');
});

test('CON-7 a termination proposal approved while the office terminates the contract by hand: the contract is terminated once', async () => {
    // Approving a termination checked that the contract was in force without locking it, as the contract's own
    // changes do since they lock its row: on PostgreSQL the approval and a termination by hand both went through and
    // the contract was terminated twice. The approval now locks the contract first. Several rounds: the window is a
    // few milliseconds.
    const office2 = await demo.as('office');
    for (let round = 0; round < 5; round += 1) {
        const { contract } = await contractWithThreeFailures();
        const [termination] = await proposalsOf(contract.id, { kind: 'termination' });
        await decide(office, termination.id, { decision: 'approve', comment: '三次考核不合格,建议解除合同' });
        const [byHand, approval] = await Promise.all([
            office2.post(`/contracts/${contract.id}/terminate`, { reason: '乙方多次考核不合格', breach_liability: '乙方承担违约金10000元', effective_on: FAKE_TODAY }),
            leader.post(`/proposals/${termination.id}/decision`, { decision: 'approve', comment: '同意解除' }),
        ]);
        const done = [approval, byHand].filter((response) => response.status === 200);
        assert.equal(done.length, 1, `round ${round}: one termination: ${approval.status} ${byHand.status}`);
        for (const response of [approval, byHand].filter((item) => item.status !== 200)) expectError(response, 409, 'FailedPrecondition');
        const audit = await listAll(jiwei, '/audit', { entity: 'contract', entity_id: contract.id });
        assert.equal(audit.filter((entry) => entry.action === 'terminate').length, 1, 'terminated once on the trail');
    }
});

// RP-2 with a deduction clause in percent of the period's fee (每低 1 分扣当期服务费的 1%,最高不超过当期服务费的
// 10%): the deduction is computed against the fee of the assessment's period in the contract version in force when it
// was made, so after an amendment raises the later installments the later periods use the new fee and the earlier
// ones keep the old one; the proposal records the fee, the percentage, the points and the cap, and explains itself in
// both languages (docs/api.md "Proposals"). The contract runs twelve months from ten months ago (server/tests/clock.mjs).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    FAKE_TODAY, contractFixtures, createActiveContract, expectError, expectStatus, listAll, monthlyInstallmentsFrom,
    setupDemo, submitReviewSign, validContent,
} from './harness.mjs';
import { month, monthStart } from '../clock.mjs';

const TERM_START = monthStart(-10);
const PAST = (monthsAgo) => month(-monthsAgo);
const PERCENT_CLAUSE = {
    kind: 'percent_of_fee_per_point_below_pass', rate_basis_points: 100, cap_basis_points: 1000,
    description: '考核低于合格分每分扣当期服务费的1%,最高不超过当期服务费的10%',
};

let office;
let clients;
let fx;

before(async () => {
    const demo = await setupDemo();
    office = await demo.as('office');
    clients = { office, sifa: await demo.as('sifa'), dangzheng: await demo.as('dangzheng') };
    fx = await contractFixtures(demo, office);
});

function content(overrides = {}) {
    return validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: TERM_START, overrides: { deductions: [PERCENT_CLAUSE], ...overrides },
    });
}

/** A routine assessment of `period` losing `lost` points per checklist index (checklist 15/20/15/20/15/15). */
async function assess(contractId, period, lost) {
    const form = expectStatus(await office.get(`/contracts/${contractId}/assessment-form`), 200).body;
    const items = form.checklist.map((entry, index) => ({ item: entry.item, lost: lost[index] ?? 0, note: '' }));
    return expectStatus(await office.post('/assessments', {
        contract_id: contractId, period, kind: 'routine', assessed_on: `${period}-20`, items, missing_staff_days: 0,
        summary: `${period} 例行考核`,
    }), 201, `assessment ${period}`).body;
}

async function deductionOf(contractId, assessment) {
    const proposals = await listAll(office, '/proposals', { contract_id: contractId });
    const found = proposals.find((item) => item.kind === 'deduction' && item.evidence.length === 1 &&
        item.evidence[0].id === String(assessment.id));
    assert.ok(found, `a deduction proposal for assessment ${assessment.id}`);
    return Object.assign(found, { used: Object.fromEntries(found.thresholds.map((entry) => [entry.name, entry.value])) });
}

test('RP-2 a clause in percent of the period\'s fee follows the fee after an amendment, capped, with its values and words', async () => {
    const input = content();
    const active = await createActiveContract(clients, input);
    assert.equal(active.content.deductions[0].kind, 'percent_of_fee_per_point_below_pass');
    assert.equal(active.content.deductions[0].rate_basis_points, 100);
    assert.equal(active.content.deductions[0].cap_basis_points, 1000);

    // Version 1: 30000.00 a month. 55 points: 5 below 60 x 1% x 30000.00 = 1500.00.
    const before = await assess(active.id, PAST(9), { 1: 20, 3: '12.5', 4: '12.5' });
    assert.equal(Number(before.total), 55);
    const first = await deductionOf(active.id, before);
    assert.equal(first.amount, '1500.00');
    assert.equal(first.used.period_fee, '30000.00');
    assert.equal(first.used.percent_of_fee_per_point_below_pass, '1.00%');
    assert.equal(first.used.percent_of_fee_cap, '10.00%');
    assert.equal(first.used.points_below_pass, '5');
    assert.equal(first.used.percent_of_fee_cap_amount, '3000.00');
    assert.match(first.explanation['zh-CN'], /当期服务费 30000\.00 元 × 1\.00% = 1500\.00 元/);
    assert.match(first.explanation['zh-CN'], /合同第 1 版付款计划/);
    assert.match(first.explanation.en, /1\.00% of the period's fee of 30000\.00 = 1500\.00 yuan/);

    // The amendment raises the fee from the seventh month (four months ago) to 32000.00.
    const consultation = expectStatus(await office.post(`/contracts/${active.id}/consultations`, {
        held_on: FAKE_TODAY, participants: '王主任、张经理', summary: '增加服务面积,第七个月起月费增加2000元',
    }), 201).body;
    expectStatus(await office.post(`/contracts/${active.id}/amendments`, { consultation_id: consultation.id, reason: '增加服务面积' }), 201);
    const amended = {
        ...input,
        annual_amount: '372000.00',
        total_amount: '372000.00',
        service_items: [input.service_items[0], { ...input.service_items[1], amount: '132000.00' }],
        payment: { ...input.payment, installments: monthlyInstallmentsFrom(TERM_START, [...Array(6).fill(3_000_000), ...Array(6).fill(3_200_000)]) },
    };
    expectStatus(await office.put(`/contracts/${active.id}`, amended), 200, 'edit the amendment');
    const signed = await submitReviewSign(clients, active.id);
    assert.equal(signed.active_version_no, 2);

    // A later period uses the new fee: 45 points, 15 below x 1% x 32000.00 = 4800.00, capped at 10% = 3200.00.
    const later = await assess(active.id, PAST(3), { 0: 15, 2: 15, 3: 20, 4: 5 });
    assert.equal(Number(later.total), 45);
    const second = await deductionOf(active.id, later);
    assert.equal(second.amount, '3200.00');
    assert.equal(second.used.period_fee, '32000.00');
    assert.equal(second.used.points_below_pass, '15');
    assert.equal(second.used.percent_of_fee_cap_amount, '3200.00');
    assert.match(second.explanation['zh-CN'], /按上限计 3200\.00 元/);
    assert.match(second.explanation['zh-CN'], /合同第 2 版付款计划/);
    assert.match(second.explanation.en, /capped at 3200\.00/);

    // An earlier period assessed after the amendment keeps its own fee: 50 points, 10 below x 1% x 30000.00.
    const earlier = await assess(active.id, PAST(8), { 0: 15, 2: 15, 3: 20 });
    const third = await deductionOf(active.id, earlier);
    assert.equal(third.amount, '3000.00');
    assert.equal(third.used.period_fee, '30000.00');

    // The first proposal stands as it was.
    assert.equal((await deductionOf(active.id, before)).amount, '1500.00');
});

test('RP-2 a clause in percent of the fee is refused with its field named when its cap is below its rate or it has none', async () => {
    const refused = expectError(
        await office.post('/contracts', content({ deductions: [{ ...PERCENT_CLAUSE, cap_basis_points: 50 }] })),
        400, 'InvalidArgument', 'deductions[0].cap_basis_points',
    );
    assert.ok(refused.message['zh-CN'] && refused.message.en);
    const { rate_basis_points: _rate, ...withoutRate } = PERCENT_CLAUSE;
    expectError(await office.post('/contracts', content({ deductions: [withoutRate] })), 400, 'InvalidArgument',
        'deductions[0].rate_basis_points');
});

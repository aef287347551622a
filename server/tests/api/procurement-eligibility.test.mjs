// PRJ-4, PRJ-5: a qualification a vendor enters about itself counts for bidding eligibility only once the office has
// verified it against its scan (docs/api.md "Vendors", "Projects and procurement"). 佛山安泰保安 (vendor2) lacks the
// cleaning category's 保洁服务资质 in the demo data; here it claims one, valid to 2099, without a scan.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { expectBilingual, expectStatus, setupDemo, uniqueSuffix } from './harness.mjs';
import {
    BID_DEADLINE, OFFICER_SECRET, OPENING_AT, WITNESS_SECRET, YEAR, approvedProject, procurementFixtures, witnessConsent,
} from './procurement-fixtures.mjs';
import { dateOfYear } from '../clock.mjs';

let office;
let admin;
let leader;
let jiwei;
let vendor2;
let fx;

before(async () => {
    const demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    leader = await demo.as('leader');
    jiwei = await demo.as('jiwei');
    vendor2 = await demo.as('vendor2');
    fx = await procurementFixtures(office, admin);
    expectStatus(await admin.put(`/procurement-rules/${YEAR}`, {
        threshold: '1000000.00', basis: 'annual_budget',
        catalogue: [{ kind: 'item', code: 'C1204', name_zh: '物业管理服务', name_en: 'Property management services' }],
        reason: `${YEAR}年政府集中采购目录及限额标准`,
    }), 200, 'rules');
});

/** A cleaning project open for bidding. */
async function cleaningBidding() {
    const project = await approvedProject({ office, leader }, fx, {
        name: `${YEAR}年度九江镇机关保洁服务采购项目(资质核验${uniqueSuffix()})`, category_id: fx.cleaning.id,
        annual_budget: '280000.00', total_budget: '280000.00', scope: '镇机关办公楼及大院保洁',
    });
    expectStatus(await leader.put(`/projects/${project.id}/ceiling`, { amount: '270000.00', reason: '年度最高限价' }), 200);
    await witnessConsent(jiwei, project.id, 'open_bidding');
    expectStatus(await office.post(`/projects/${project.id}/bidding`, {
        bid_deadline: BID_DEADLINE, opening_at: OPENING_AT, officer_secret: OFFICER_SECRET, witness_secret: WITNESS_SECRET,
    }), 200, 'open the bidding');
    return project;
}

test('PRJ-5 a qualification the vendor entered itself does not count for bidding until the office verifies it against its scan', async () => {
    const project = await cleaningBidding();
    const path = `/vendors/${fx.vendor.antai.id}/qualifications`;
    const claim = {
        type: '保洁服务资质', cert_no: `BJ-${uniqueSuffix()}`, issuer: '自称', valid_from: dateOfYear(-1, '01-01'),
        valid_until: dateOfYear(70, '12-31'), attachment_id: null,
    };
    const claimed = expectStatus(await vendor2.post(path, claim), 201, 'vendor2 claims the qualification').body;
    assert.equal(claimed.verification, 'pending');

    const pending = expectStatus(await vendor2.post(`/projects/${project.id}/registrations`, {}), 201, 'register').body;
    assert.equal(pending.qualified, false, 'a pending qualification does not count');
    assert.deepEqual(pending.failures.map((item) => [item.code, item.criterion]),
        [['qualification_unverified', 'qualification:保洁服务资质']]);
    expectBilingual(pending.failures[0].text);
    assert.match(pending.failures[0].text['zh-CN'], /待办公室核验/);

    // Rejected, it still does not count, and the registration says why.
    const scan = expectStatus(await vendor2.post('/attachments', randomBytes(700), {
        headers: { 'Content-Type': 'application/pdf', 'X-Filename': 'baojie.pdf' },
    }), 201).body;
    expectStatus(await vendor2.put(`${path}/${claimed.id}`, { ...claim, attachment_id: scan.id }), 200);
    expectStatus(await office.post(`${path}/${claimed.id}/reject`, { reason: '扫描件上的有效期与填写的不一致' }), 200);
    const rejected = expectStatus(await vendor2.post(`/projects/${project.id}/registrations`, {}), 200, 're-check').body;
    assert.equal(rejected.qualified, false);
    assert.equal(rejected.failures[0].code, 'qualification_rejected');
    assert.match(rejected.failures[0].text['zh-CN'], /扫描件上的有效期与填写的不一致/);

    // Corrected and verified, it counts.
    const corrected = { ...claim, valid_until: dateOfYear(2, '12-31'), attachment_id: scan.id };
    assert.equal(expectStatus(await vendor2.put(`${path}/${claimed.id}`, corrected), 200).body.verification, 'pending');
    expectStatus(await office.post(`${path}/${claimed.id}/verify`, {}), 200, 'the office verifies it');
    const verified = expectStatus(await vendor2.post(`/projects/${project.id}/registrations`, {}), 200, 're-check').body;
    assert.equal(verified.qualified, true, JSON.stringify(verified.failures));
});

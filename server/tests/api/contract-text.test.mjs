// The contract document's words beyond its content (issue 12): the organisation's own rules cited by the title in the
// setting organisation.rules_title, recorded when a version goes to review so a signed text keeps it (CON-1); the
// status of the version printed, in words, following the real status (CON-3); amounts with thousands separators
// . The setting is global, so every test here runs on this file's own server and database.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    FAKE_TODAY, contractFixtures, createActiveContract, expectError, expectStatus, pdfText, setupDemo, uploadScan, validContent,
} from './harness.mjs';

const KEY = 'organisation.rules_title';
const DEFAULT_TITLE = '镇后勤服务外包项目监督管理办法(试行)';
const TOWN_TITLE = '九江镇后勤服务外包项目监督管理办法(试行)';

let demo;
let office;
let admin;
let sifa;
let dangzheng;
let fx;
let clients;

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    sifa = await demo.as('sifa');
    dangzheng = await demo.as('dangzheng');
    fx = await contractFixtures(demo, office);
    clients = { office, sifa, dangzheng };
});

function content(overrides = {}) {
    return validContent({
        vendorId: fx.ownVendor.id, categoryId: fx.category.id, departmentId: fx.department.id, vendor: fx.ownVendor, overrides,
    });
}

async function documentText(id, query = {}) {
    return pdfText(expectStatus(await office.get(`/contracts/${id}/document.pdf`, { query }), 200, 'document.pdf').bytes);
}

async function rulesSetting() {
    const settings = expectStatus(await office.get('/settings'), 200).body.items;
    const setting = settings.find((item) => item.key === KEY);
    assert.ok(setting, `${KEY} is listed`);
    return setting;
}

test('CON-1 the contract text cites the rules titled by organisation.rules_title; a signed contract keeps the title it was reviewed with', async () => {
    const initial = await rulesSetting();
    assert.equal(initial.kind, 'text');
    assert.equal(initial.value, DEFAULT_TITLE);
    assert.equal(initial.default, DEFAULT_TITLE);
    assert.ok(initial.description['zh-CN'] && initial.description.en, 'described in both languages');

    // Signed under the default title: the placeholder 某某镇 is gone, the default is cited.
    const signed = await createActiveContract(clients, content());
    const signedText = await documentText(signed.id);
    assert.ok(signedText.includes(`根据《${DEFAULT_TITLE}》`), `the default title is cited; text starts ${signedText.slice(0, 400)}`);
    assert.ok(!signedText.includes('某某镇'), 'no placeholder town');
    const recorded = expectStatus(await office.get(`/contracts/${signed.id}`), 200).body.content.rules;
    assert.deepEqual(recorded, { title: DEFAULT_TITLE, settings_version: 'S0' }, 'the version records the title and the settings version it used');

    // The administrator names the town's own rules, with a reason; the marks typed around it are dropped.
    const changed = expectStatus(
        await admin.put(`/settings/${KEY}`, { value: `《${TOWN_TITLE}》`, reason: '按本镇正式发布的办法名称' }), 200, 'change the title',
    ).body;
    assert.equal(changed.value, TOWN_TITLE);
    assert.equal(changed.history[0].value, TOWN_TITLE);
    assert.equal(changed.history[0].reason, '按本镇正式发布的办法名称');
    assert.equal((await rulesSetting()).value, TOWN_TITLE, 'the list shows the title in force');

    // A new contract's text cites the new title, as a draft and once it goes to review.
    const draft = expectStatus(await office.post('/contracts', content()), 201).body;
    assert.ok((await documentText(draft.id)).includes(`根据《${TOWN_TITLE}》`), 'a draft cites the title in force');
    const submitted = expectStatus(await office.post(`/contracts/${draft.id}/submit`, {}), 200).body;
    assert.equal(submitted.content.rules.title, TOWN_TITLE);
    assert.match(submitted.content.rules.settings_version, /^S[1-9]\d*$/, 'the settings version of the change');
    assert.ok((await documentText(draft.id)).includes(`根据《${TOWN_TITLE}》`), 'the text under review cites it');

    // The signed contract keeps the title it was reviewed and signed with.
    const keptText = await documentText(signed.id);
    assert.ok(keptText.includes(`根据《${DEFAULT_TITLE}》`), 'the signed text is unchanged');
    assert.ok(!keptText.includes(TOWN_TITLE), 'the new title does not reach a signed text');

    // A version under review keeps its title too when the setting changes again.
    expectStatus(await admin.put(`/settings/${KEY}`, { value: '另一个办法名称', reason: '测试再次修改' }), 200);
    assert.ok((await documentText(draft.id)).includes(`根据《${TOWN_TITLE}》`), 'the text under review is unchanged');
    expectStatus(await admin.put(`/settings/${KEY}`, { value: TOWN_TITLE, reason: '恢复本镇办法名称' }), 200);
});

test('CON-1 organisation.rules_title refuses an empty or marked-up title, a number and a missing reason; only settings:manage changes it', async () => {
    const before = await rulesSetting();
    expectError(await admin.put(`/settings/${KEY}`, { value: ' ', reason: '测试' }), 400, 'InvalidArgument', 'value');
    expectError(await admin.put(`/settings/${KEY}`, { value: '办法《一》', reason: '测试' }), 400, 'InvalidArgument', 'value');
    expectError(await admin.put(`/settings/${KEY}`, { value: '第一行\n第二行', reason: '测试' }), 400, 'InvalidArgument', 'value');
    expectError(await admin.put(`/settings/${KEY}`, { value: 'x'.repeat(101), reason: '测试' }), 400, 'InvalidArgument', 'value');
    expectError(await admin.put(`/settings/${KEY}`, { value: 5, reason: '测试' }), 400, 'InvalidArgument', 'value');
    expectError(await admin.put(`/settings/${KEY}`, { value: TOWN_TITLE }), 400, 'InvalidArgument', 'reason');
    expectError(await office.put(`/settings/${KEY}`, { value: TOWN_TITLE, reason: '测试' }), 403, 'PermissionDenied');
    // A number setting still refuses words.
    expectError(await admin.put('/settings/procurement.min_bidding_days', { value: '五', reason: '测试' }), 400, 'InvalidArgument', 'value');
    const after = await rulesSetting();
    assert.equal(after.value, before.value);
    assert.equal(after.history.length, before.history.length, 'nothing refused reaches the history');
});

test('CON-3 the document prints the status of the version in words: 草稿, 审查中, 审查通过 after both reviews, then the signed status', async () => {
    const created = expectStatus(await office.post('/contracts', content()), 201).body;
    const header = (text) => text.slice(0, 200);
    assert.ok(header(await documentText(created.id)).includes('草稿·第1版'), 'a draft');
    const submitted = expectStatus(await office.post(`/contracts/${created.id}/submit`, {}), 200).body;
    assert.ok(header(await documentText(created.id)).includes('审查中·第1版'), 'under review');
    const versionNo = submitted.review.version_no;
    expectStatus(await sifa.post(`/contracts/${created.id}/reviews`, { version_no: versionNo, decision: 'approve', comment: '同意' }), 200);
    assert.ok(header(await documentText(created.id)).includes('审查中·第1版'), 'one review of two is still in review');
    expectStatus(await dangzheng.post(`/contracts/${created.id}/reviews`, { version_no: versionNo, decision: 'approve', comment: '同意' }), 200);
    const approvedText = header(await documentText(created.id));
    assert.ok(approvedText.includes('审查通过·第1版'), `approved, not 审查中: ${approvedText}`);
    assert.ok(!approvedText.includes('审查中'));

    // Signed: the version in force reads as the contract does (whatever its term makes it).
    const scan = await uploadScan(office);
    expectStatus(await office.post(`/contracts/${created.id}/sign`, {
        signed_on: FAKE_TODAY, party_a_signatory: '李书记', party_b_signatory: '张经理', attachment_id: scan.id,
    }), 200, 'sign');
    const contract = expectStatus(await office.get(`/contracts/${created.id}`), 200).body;
    assert.notEqual(contract.status, 'approved');
    const signedText = header(await documentText(created.id));
    assert.ok(signedText.includes(`${contract.status_name['zh-CN']}·第1版`), `the contract's status ${contract.status_name['zh-CN']}: ${signedText}`);
    assert.ok(!signedText.includes('审查'), 'no review status once signed');
});

test('CON-3 an amendment under review prints 审查中 while the contract stays in force; the version it replaces prints as superseded once signed', async () => {
    // In force from this month, so it can be amended now.
    const termStart = `${FAKE_TODAY.slice(0, 7)}-01`;
    const active = await createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, categoryId: fx.category.id, departmentId: fx.department.id, vendor: fx.ownVendor, termStart,
    }));
    assert.equal(active.status, 'active');
    const header = async (query = {}) => (await documentText(active.id, query)).slice(0, 200);
    const consultation = expectStatus(await office.post(`/contracts/${active.id}/consultations`, {
        held_on: FAKE_TODAY, participants: '王主任(机关事务办)、张经理(长安物业)', summary: '调整服务时间',
    }), 201).body;
    expectStatus(await office.post(`/contracts/${active.id}/amendments`, { consultation_id: consultation.id, reason: '调整服务时间' }), 201);
    const submitted = expectStatus(await office.post(`/contracts/${active.id}/submit`, {}), 200).body;
    assert.equal(submitted.status, 'active');
    assert.equal(submitted.review.version_no, 2);
    assert.ok((await header()).includes('审查中·第2版'), `the amendment under review: ${await header()}`);
    assert.ok((await header({ version: 1 })).includes('履行中·第1版'), `the version in force: ${await header({ version: 1 })}`);

    for (const [client, comment] of [[sifa, '同意'], [dangzheng, '同意']]) {
        expectStatus(await client.post(`/contracts/${active.id}/reviews`, { version_no: 2, decision: 'approve', comment }), 200);
    }
    assert.ok((await header()).includes('审查通过·第2版'), `the approved amendment: ${await header()}`);
    const scan = await uploadScan(office);
    expectStatus(await office.post(`/contracts/${active.id}/sign`, {
        signed_on: FAKE_TODAY, party_a_signatory: '李书记', party_b_signatory: '张经理', attachment_id: scan.id,
    }), 200, 'sign the amendment');
    assert.ok((await header()).includes('履行中·第2版'), `the amendment in force: ${await header()}`);
    assert.ok((await header({ version: 1 })).includes('已被变更取代·第1版'), `the replaced version: ${await header({ version: 1 })}`);
});

test('X-6 the document prints amounts with thousands separators', async () => {
    const created = expectStatus(await office.post('/contracts', content()), 201).body;
    const text = await documentText(created.id);
    for (const amount of ['360,000.00', '240,000.00', '120,000.00', '30,000.00', '3,000.00', '5,000.00']) {
        assert.ok(text.includes(amount), `${amount} in ${text.slice(0, 600)}`);
    }
    assert.ok(!/\d{4}\.\d{2}/.test(text), `no amount of four or more digits without separators: ${text.match(/\d{4,}\.\d{2}/g)}`);
});

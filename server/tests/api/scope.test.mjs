// Who sees and changes what: vendor users (ROLE-8), discipline inspection (ROLE-4), the judicial and party-government
// offices (ROLE-5, ROLE-6), department users (ROLE-7) and leadership (ROLE-3); docs/api.md role table and "Ids".
// A test that needs a qualification on a vendor adds it first, so no check depends on what the demo data holds.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
    contractFixtures, createActiveContract, expectError, expectStatus, listAll, makeCreditCode, setupDemo, sha256,
    uniqueSuffix, validContent, xlsxText,
} from './harness.mjs';
import { dateOfYear, month, monthStart } from '../clock.mjs';

let demo;
let office;
let vendor1;
let vendor2;
let ownVendor; // vendor1's record
let otherVendor; // vendor2's record

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    vendor1 = await demo.as('vendor1');
    vendor2 = await demo.as('vendor2');
    const all = await listAll(office, '/vendors');
    ownVendor = all.find((item) => item.org_id === vendor1.user.org_id);
    otherVendor = all.find((item) => item.org_id === vendor2.user.org_id);
    assert.ok(ownVendor, `a vendor with org_id ${vendor1.user.org_id} (vendor1's organisation)`);
    assert.ok(otherVendor, `a vendor with org_id ${vendor2.user.org_id} (vendor2's organisation)`);
});

/** A qualification valid from the start of last year to the end of next year. */
function qualification(overrides = {}) {
    return {
        type: '安全生产许可证',
        cert_no: `AQ-${uniqueSuffix()}`,
        issuer: '佛山市应急管理局',
        valid_from: dateOfYear(-1, '01-01'),
        valid_until: dateOfYear(1, '12-31'),
        attachment_id: null,
        ...overrides,
    };
}

function vendorBody(overrides = {}) {
    return {
        name: `越权测试公司${uniqueSuffix()}`,
        credit_code: makeCreditCode(),
        legal_representative: '赵六',
        contact_name: '钱七',
        contact_phone: '13800138000',
        address: '九江镇',
        bank_account_name: '越权测试公司',
        bank_name: '农业银行',
        bank_account_no: '6228480000000000',
        staff_count: 3,
        registered_capital: '100000.00',
        has_training_system: false,
        has_management_system: false,
        category_ids: [],
        status: 'active',
        ...overrides,
    };
}

const strip = ({ id, org_id, owner_org_id, created_at, updated_at, qualification_status, qualifications,
    expired_count, expiring_count, ...rest }) => rest;

async function vendorRecord(id) {
    return expectStatus(await office.get(`/vendors/${id}`), 200).body;
}

test('the demo data gives each vendor user its own vendor record', () => {
    assert.notEqual(ownVendor.id, otherVendor.id);
    assert.notEqual(ownVendor.org_id, otherVendor.org_id);
});

test('ROLE-8 a vendor user lists vendors and sees only its own', async () => {
    const response = expectStatus(await vendor1.get('/vendors'), 200).body;
    assert.equal(response.total, 1, `vendor1 sees ${response.total} vendors`);
    assert.deepEqual(response.items.map((item) => item.id), [ownVendor.id]);
    // Filters cannot widen the scope.
    const searched = expectStatus(await vendor1.get('/vendors', { query: { q: otherVendor.name } }), 200).body;
    assert.equal(searched.total, 0);
    const sorted = expectStatus(await vendor1.get('/vendors', { query: { sort: 'name', page_size: 200 } }), 200).body;
    assert.deepEqual(sorted.items.map((item) => item.id), [ownVendor.id]);
});

test('ROLE-8 another vendor\'s record by id is 404 for a vendor user', async () => {
    assert.equal(expectStatus(await vendor1.get(`/vendors/${ownVendor.id}`), 200).body.name, ownVendor.name);
    expectError(await vendor1.get(`/vendors/${otherVendor.id}`), 404, 'NotFound');
    expectError(await vendor2.get(`/vendors/${ownVendor.id}`), 404, 'NotFound');
});

test('ROLE-8 a vendor user\'s export holds only its own vendor', async () => {
    const response = expectStatus(await vendor1.get('/vendors/export.xlsx'), 200);
    const text = xlsxText(response.bytes);
    assert.ok(text.includes(ownVendor.credit_code), 'own vendor exported');
    assert.ok(!text.includes(otherVendor.credit_code), 'other vendor not exported');
});

test('ROLE-8 a vendor user adds, corrects and removes qualifications of its own vendor', async () => {
    const added = expectStatus(await vendor1.post(`/vendors/${ownVendor.id}/qualifications`, qualification()), 201).body;
    assert.equal(added.vendor_id, ownVendor.id);
    // vendor:write_own covers the qualifications of its own record.
    const fixed = expectStatus(
        await vendor1.put(`/vendors/${ownVendor.id}/qualifications/${added.id}`, qualification({ cert_no: 'FIXED-1' })), 200,
    ).body;
    assert.equal(fixed.cert_no, 'FIXED-1');
    assert.equal((await vendorRecord(ownVendor.id)).qualifications.find((item) => item.id === added.id).cert_no, 'FIXED-1');
    expectStatus(await vendor1.delete(`/vendors/${ownVendor.id}/qualifications/${added.id}`), 204);
    assert.ok(!(await vendorRecord(ownVendor.id)).qualifications.some((item) => item.id === added.id));
});

test('ROLE-8 a vendor user can neither add to, change nor remove another vendor\'s qualifications: 404, nothing changes', async () => {
    // The office registers a qualification of vendor2's vendor.
    const target = expectStatus(await office.post(`/vendors/${otherVendor.id}/qualifications`, qualification()), 201).body;
    const theirs = (await vendorRecord(otherVendor.id)).qualifications;
    assert.ok(theirs.some((item) => item.id === target.id));

    // Another vendor's record is not there for vendor1 (as when reading it).
    expectError(await vendor1.post(`/vendors/${otherVendor.id}/qualifications`, qualification()), 404, 'NotFound');
    expectError(await vendor1.put(`/vendors/${otherVendor.id}/qualifications/${target.id}`, qualification()), 404, 'NotFound');
    expectError(await vendor1.delete(`/vendors/${otherVendor.id}/qualifications/${target.id}`), 404, 'NotFound');
    // Their qualification id under one's own vendor id is not a way around: no such qualification there.
    expectError(await vendor1.put(`/vendors/${ownVendor.id}/qualifications/${target.id}`, qualification()), 404, 'NotFound');
    expectError(await vendor1.delete(`/vendors/${ownVendor.id}/qualifications/${target.id}`), 404, 'NotFound');
    assert.deepEqual((await vendorRecord(otherVendor.id)).qualifications, theirs, 'the other vendor\'s qualifications are unchanged');
});

test('ROLE-8 a vendor user cannot change vendor records, not even its own (only qualifications)', async () => {
    const own = await vendorRecord(ownVendor.id);
    const other = await vendorRecord(otherVendor.id);
    // Changing a vendor record needs vendor:write, which no vendor user has: refused before the record is looked up.
    expectError(await vendor1.put(`/vendors/${ownVendor.id}`, { ...strip(own), contact_name: '自改' }), 403, 'PermissionDenied');
    expectError(await vendor1.put(`/vendors/${otherVendor.id}`, { ...strip(own), contact_name: '越权' }), 403, 'PermissionDenied');
    expectError(await vendor1.post('/vendors', vendorBody()), 403, 'PermissionDenied');
    const { id: _id, ...category } = expectStatus(await office.get('/categories'), 200).body.items[0];
    expectError(await vendor1.post('/categories', { ...category, code: `V-${uniqueSuffix()}` }), 403, 'PermissionDenied');
    assert.equal((await vendorRecord(ownVendor.id)).contact_name, own.contact_name);
    assert.equal((await vendorRecord(otherVendor.id)).contact_name, other.contact_name);
});

test('ROLE-8 a vendor user cannot download another vendor\'s qualification scan', async () => {
    const bytes = randomBytes(2048);
    const upload = expectStatus(
        await office.post('/attachments', bytes, { headers: { 'Content-Type': 'image/png', 'X-Filename': 'scan.png' } }), 201,
    ).body;
    expectStatus(
        await office.post(`/vendors/${otherVendor.id}/qualifications`, qualification({ attachment_id: upload.id })), 201,
    );
    const theirs = expectStatus(await vendor2.get(`/attachments/${upload.id}`), 200);
    assert.equal(sha256(theirs.bytes), sha256(bytes), 'the owning vendor downloads it');
    expectError(await vendor1.get(`/attachments/${upload.id}`), 404, 'NotFound');
});

// a stored file is read by its uploader and by whoever may read a record it belongs to, nothing else (a town is
// not enough); it may be named in a record only by its uploader's organisation; a file one may not see answers as one
// that does not exist.

async function upload(client, name = 'scan.pdf') {
    const bytes = randomBytes(512);
    const response = await client.post('/attachments', bytes, {
        headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(name) },
    });
    return { ...expectStatus(response, 201, `upload ${name}`).body, bytes };
}

/** A contract in force for vendor1's vendor, its term from ten months ago, signed with a scan the office uploaded. */
async function activeContract() {
    const fx = await contractFixtures(demo, office);
    const clients = { office, sifa: await demo.as('sifa'), dangzheng: await demo.as('dangzheng') };
    return createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: monthStart(-10),
    }));
}

test('X-5 a department user who may not read a contract cannot download its signed scan; the contract\'s readers can', async () => {
    const dept = await demo.as('dept');
    const contract = await activeContract();
    const scanId = contract.signing.attachment.id;
    assert.notEqual(expectStatus(await dept.get(`/contracts/${contract.id}`), [403, 404]).status, 200);
    expectError(await dept.get(`/attachments/${scanId}`), 404, 'NotFound');
    expectError(await vendor2.get(`/attachments/${scanId}`), 404, 'NotFound');
    const asOffice = expectStatus(await office.get(`/attachments/${scanId}`), 200, 'the office').bytes;
    const asVendor = expectStatus(await vendor1.get(`/attachments/${scanId}`), 200, 'the contract\'s vendor').bytes;
    assert.equal(sha256(asVendor), sha256(asOffice));
});

test('ROLE-7 a department user cannot download a vendor\'s upload; an unused upload is its uploader\'s alone', async () => {
    const dept = await demo.as('dept');
    const file = await upload(vendor1, '资质证书.pdf');
    assert.equal(sha256(expectStatus(await vendor1.get(`/attachments/${file.id}`), 200, 'the uploader').bytes), sha256(file.bytes));
    for (const client of [dept, vendor2, office]) expectError(await client.get(`/attachments/${file.id}`), 404, 'NotFound');
    // On its own qualification the scan is read by whoever may read the vendor: the office, not a department.
    expectStatus(await vendor1.post(`/vendors/${ownVendor.id}/qualifications`, qualification({ attachment_id: file.id })), 201);
    expectStatus(await office.get(`/attachments/${file.id}`), 200, 'the office reads the vendor\'s qualification scan');
    expectError(await dept.get(`/attachments/${file.id}`), 404, 'NotFound');
    expectError(await vendor2.get(`/attachments/${file.id}`), 404, 'NotFound');
});

test('ROLE-8 a file one may not see answers exactly as a file that does not exist', async () => {
    const file = await upload(vendor2);
    const hidden = expectError(await vendor1.get(`/attachments/${file.id}`), 404, 'NotFound');
    const missing = expectError(await vendor1.get('/attachments/987654321'), 404, 'NotFound');
    assert.deepEqual({ ...hidden, request_id: undefined }, { ...missing, request_id: undefined });
});

test('ROLE-8 a vendor cannot name another vendor\'s upload in its appeal or its qualification, and so never reads its name or checksum', async () => {
    const foreign = await upload(vendor2, '他方文件.pdf');
    const refusedQualification = expectError(
        await vendor1.post(`/vendors/${ownVendor.id}/qualifications`, qualification({ attachment_id: foreign.id })),
        400, 'InvalidArgument', 'attachment_id',
    );
    assert.ok(!JSON.stringify(refusedQualification).includes(foreign.sha256), 'the refusal carries no checksum');
    assert.ok(!(await vendorRecord(ownVendor.id)).qualifications.some((item) => item.attachment_id === foreign.id));

    // An assessment of vendor1's contract, with a photo the office took: the vendor reads the photo through it.
    const contract = await activeContract();
    const form = expectStatus(await office.get(`/contracts/${contract.id}/assessment-form`), 200).body;
    const photo = await upload(office, '现场照片.jpg');
    const period = month(-2);
    const assessment = expectStatus(await office.post('/assessments', {
        contract_id: contract.id, period, kind: 'routine', assessed_on: `${period}-20`, missing_staff_days: 0,
        summary: `${period} 月度例行考核`,
        items: form.checklist.map((entry, index) => ({ item: entry.item, lost: index === 0 ? 2 : 0, note: '', photo_ids: index === 0 ? [photo.id] : [] })),
    }), 201, 'assessment').body;
    expectStatus(await vendor1.get(`/attachments/${photo.id}`), 200, 'the assessed vendor reads the photo');
    expectError(await vendor2.get(`/attachments/${photo.id}`), 404, 'NotFound');
    // Nor is a file of the office's that is on no record of the vendor's (the assessment's own photo it may cite).
    const officeFile = await upload(office, '内部文件.pdf');
    for (const ids of [[foreign.id], [officeFile.id]]) {
        expectError(await vendor1.post(`/assessments/${assessment.id}/appeal`, { reason: '我方对该考核结果有异议', attachment_ids: ids }),
            400, 'InvalidArgument', 'attachment_ids');
    }
    const unchanged = expectStatus(await vendor1.get(`/assessments/${assessment.id}`), 200).body;
    assert.equal(unchanged.status, 'submitted', 'the refused appeals wrote nothing');
    assert.ok(!JSON.stringify(unchanged).includes(foreign.sha256), 'the other vendor\'s file is nowhere in the answer');

    const own = await upload(vendor1, '申诉材料.pdf');
    const appealed = expectStatus(
        await vendor1.post(`/assessments/${assessment.id}/appeal`, { reason: '我方对该考核结果有异议', attachment_ids: [own.id] }), 201,
    ).body;
    assert.deepEqual(appealed.appeal.attachments.map((item) => item.id), [own.id]);
    expectStatus(await office.get(`/attachments/${own.id}`), 200, 'the office reads the appeal file');
    expectError(await vendor2.get(`/attachments/${own.id}`), 404, 'NotFound');
});

test('ROLE-4 discipline inspection reads vendors, the catalogue, the export, the dashboard and the audit trail', async () => {
    const jiwei = await demo.as('jiwei');
    const registered = expectStatus(await office.post('/vendors', vendorBody()), 201).body;
    const all = await listAll(office, '/vendors');
    const seen = await listAll(jiwei, '/vendors');
    assert.deepEqual(seen.map((item) => item.id).sort(), all.map((item) => item.id).sort(), 'reads all vendors');
    const other = expectStatus(await jiwei.get(`/vendors/${otherVendor.id}`), 200).body;
    assert.deepEqual(other, await vendorRecord(otherVendor.id), 'the same record the office reads');
    const categories = expectStatus(await jiwei.get('/categories'), 200).body.items;
    const officeCategories = expectStatus(await office.get('/categories'), 200).body.items;
    assert.deepEqual(categories.map((item) => item.code).sort(), officeCategories.map((item) => item.code).sort());
    const exported = xlsxText(expectStatus(await jiwei.get('/vendors/export.xlsx'), 200).bytes);
    for (const vendor of all) assert.ok(exported.includes(vendor.credit_code), `vendor ${vendor.credit_code} exported`);
    const dashboard = expectStatus(await jiwei.get('/dashboard'), 200).body;
    assert.equal(dashboard.vendors.total, all.length);
    assert.equal(dashboard.audit_last_7_days.length, 7, 'the trail\'s activity of the last seven days');
    assert.ok(dashboard.audit_last_7_days.at(-1).count >= 1, 'today\'s entries are counted');
    const audit = await listAll(jiwei, '/audit', { entity: 'vendor', entity_id: registered.id });
    assert.ok(audit.some((item) => item.action === 'create' && item.actor_id === office.user.id),
        `the office's registration of ${registered.name} is in the trail`);
    assert.equal(expectStatus(await jiwei.get('/audit/verify'), 200).body.ok, true);
});

test('ROLE-4 discipline inspection changes nothing: every write is 403 and the audit trail does not grow', async () => {
    const jiwei = await demo.as('jiwei');
    const admin = await demo.as('admin');
    // A qualification of its own to try to change and remove.
    const qualificationId = expectStatus(
        await office.post(`/vendors/${ownVendor.id}/qualifications`, qualification()), 201,
    ).body.id;
    const auditBefore = expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.total;
    const vendor = await vendorRecord(ownVendor.id);
    const categories = expectStatus(await office.get('/categories'), 200).body.items;
    const { id: categoryId, ...category } = categories[0];
    const writes = [
        ['POST', '/vendors', vendorBody()],
        ['PUT', `/vendors/${vendor.id}`, { ...strip(vendor), contact_name: '纪委改' }],
        ['POST', `/vendors/${vendor.id}/qualifications`, qualification()],
        ['PUT', `/vendors/${vendor.id}/qualifications/${qualificationId}`, qualification()],
        ['DELETE', `/vendors/${vendor.id}/qualifications/${qualificationId}`],
        ['POST', '/categories', { ...category, code: `J-${uniqueSuffix()}` }],
        ['PUT', `/categories/${categoryId}`, { ...category, name_zh: '纪委改' }],
        ['DELETE', `/categories/${categoryId}`],
        ['PUT', '/settings/auth.max_failed_logins', { value: 9, reason: '纪委改' }],
        ['POST', '/users', { username: `j${uniqueSuffix().toLowerCase()}`, display_name: '纪委建', password: 'Abcdef123', role: 'admin', org_id: jiwei.user.org_id }],
        ['PATCH', `/users/${jiwei.user.id}`, { role: 'admin' }],
        ['POST', '/orgs', { parent_id: jiwei.user.org_id, name: '纪委建镇', kind: 'town' }],
        ['POST', '/attachments', Buffer.from('evidence')],
    ];
    for (const [method, path, body] of writes) {
        const options = Buffer.isBuffer(body) ? { headers: { 'Content-Type': 'text/plain', 'X-Filename': 'x.txt' } } : {};
        expectError(await jiwei.request(method, path, body, options), 403, 'PermissionDenied');
    }
    assert.equal(expectStatus(await jiwei.get('/session'), 200, 'still logged in').body.user.role, 'discipline');
    const auditAfter = expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.total;
    assert.equal(auditAfter, auditBefore, 'refused writes leave no audit entries (nothing was written)');
    assert.deepEqual(await vendorRecord(ownVendor.id), vendor);
});

for (const [id, account, name] of [['ROLE-5', 'sifa', 'the judicial office'], ['ROLE-6', 'dangzheng', 'the party-government office']]) {
    test(`${id} ${name} reads vendors (for its contract reviews) but not the audit trail, and registers no vendor`, async () => {
        const client = await demo.as(account);
        const all = await listAll(office, '/vendors');
        const seen = await listAll(client, '/vendors');
        assert.deepEqual(seen.map((item) => item.id).sort(), all.map((item) => item.id).sort(), 'reads the vendors of its town');
        const own = expectStatus(await client.get(`/vendors/${ownVendor.id}`), 200).body;
        assert.deepEqual([own.id, own.name, own.credit_code], [ownVendor.id, ownVendor.name, ownVendor.credit_code]);
        expectError(await client.get('/audit'), 403, 'PermissionDenied');
        expectError(await client.get('/audit/verify'), 403, 'PermissionDenied');
        expectError(await client.post('/vendors', vendorBody()), 403, 'PermissionDenied');
    });
}

test('ROLE-7 a department user reads the catalogue but not vendors or the audit trail', async () => {
    const dept = await demo.as('dept');
    const categories = expectStatus(await dept.get('/categories'), 200).body.items;
    assert.ok(categories.some((item) => item.code === 'cleaning'), 'the catalogue, with 保洁绿化');
    expectError(await dept.get('/vendors'), 403, 'PermissionDenied');
    // Reading a vendor needs vendor:read, which departments lack: refused before the record is looked up.
    expectError(await dept.get(`/vendors/${ownVendor.id}`), 403, 'PermissionDenied');
    expectError(await dept.get('/audit'), 403, 'PermissionDenied');
    expectError(await dept.get('/users'), 403, 'PermissionDenied');
});

test('ROLE-3 leadership reads vendors and the dashboard but writes nothing', async () => {
    const leader = await demo.as('leader');
    const all = await listAll(office, '/vendors');
    const seen = await listAll(leader, '/vendors');
    assert.deepEqual(seen.map((item) => item.id).sort(), all.map((item) => item.id).sort());
    const dashboard = expectStatus(await leader.get('/dashboard'), 200).body;
    assert.equal(dashboard.vendors.total, all.length);
    assert.equal(dashboard.vendors.active, all.filter((item) => item.status === 'active').length);
    assert.ok(Array.isArray(dashboard.reminders));
    // the audit trail's activity is the whole system's: leadership, who may not read the trail, is not shown it.
    assert.deepEqual(dashboard.audit_last_7_days, []);
    assert.deepEqual(expectStatus(await office.get('/dashboard'), 200).body.audit_last_7_days, [], 'nor is the office');
    expectError(await leader.post('/vendors', vendorBody()), 403, 'PermissionDenied');
    expectError(await leader.get('/audit'), 403, 'PermissionDenied');
});

// Who sees and changes what (ROLE-8, ROLE-4, ROLE-5, ROLE-7, X-7; docs/api.md role table and "Ids").
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
    expectError, expectStatus, listAll, makeCreditCode, setupDemo, sha256, uniqueSuffix, xlsxText,
} from './harness.mjs';

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
});

function qualification(overrides = {}) {
    return {
        type: '安全生产许可证',
        cert_no: `AQ-${uniqueSuffix()}`,
        issuer: '佛山市应急管理局',
        valid_from: '2025-01-01',
        valid_until: '2027-12-31',
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

test('ROLE-8 the demo data gives each vendor user its own vendor record', () => {
    assert.ok(ownVendor, `a vendor with org_id ${vendor1.user.org_id} (vendor1's organisation)`);
    assert.ok(otherVendor, `a vendor with org_id ${vendor2.user.org_id} (vendor2's organisation)`);
    assert.notEqual(ownVendor.id, otherVendor.id);
});

test('ROLE-8 X-7 a vendor user lists vendors and sees only its own', async () => {
    const response = expectStatus(await vendor1.get('/vendors'), 200).body;
    assert.equal(response.total, 1, `vendor1 sees ${response.total} vendors`);
    assert.deepEqual(response.items.map((item) => item.id), [ownVendor.id]);
    // Filters cannot widen the scope.
    const searched = expectStatus(await vendor1.get('/vendors', { query: { q: otherVendor.name } }), 200).body;
    assert.equal(searched.total, 0);
    const sorted = expectStatus(await vendor1.get('/vendors', { query: { sort: 'name', page_size: 200 } }), 200).body;
    assert.deepEqual(sorted.items.map((item) => item.id), [ownVendor.id]);
});

test('ROLE-8 X-7 another vendor\'s record by id is 404 for a vendor user', async () => {
    expectStatus(await vendor1.get(`/vendors/${ownVendor.id}`), 200);
    expectError(await vendor1.get(`/vendors/${otherVendor.id}`), 404, 'NotFound');
    expectError(await vendor2.get(`/vendors/${ownVendor.id}`), 404, 'NotFound');
});

test('ROLE-8 X-4 a vendor user\'s export holds only its own vendor', async () => {
    const response = expectStatus(await vendor1.get('/vendors/export.xlsx'), 200);
    const text = xlsxText(response.bytes);
    assert.ok(text.includes(ownVendor.credit_code), 'own vendor exported');
    assert.ok(!text.includes(otherVendor.credit_code), 'other vendor not exported');
});

test('ROLE-8 a vendor user adds a qualification to its own vendor but not to another', async () => {
    const before = expectStatus(await office.get(`/vendors/${otherVendor.id}`), 200).body.qualifications.length;
    const added = expectStatus(await vendor1.post(`/vendors/${ownVendor.id}/qualifications`, qualification()), 201).body;
    assert.equal(added.vendor_id, ownVendor.id);
    // Its own: it may also correct and remove it (vendor:write_own covers the qualifications of its own record).
    expectStatus(
        await vendor1.put(`/vendors/${ownVendor.id}/qualifications/${added.id}`, qualification({ cert_no: 'FIXED-1' })), 200,
    );

    expectError(await vendor1.post(`/vendors/${otherVendor.id}/qualifications`, qualification()), [403, 404]);
    const theirs = expectStatus(await office.get(`/vendors/${otherVendor.id}`), 200).body.qualifications;
    assert.equal(theirs.length, before, 'nothing was added to the other vendor');
    if (theirs.length > 0) {
        const target = theirs[0];
        expectError(
            await vendor1.put(`/vendors/${otherVendor.id}/qualifications/${target.id}`, qualification()), [403, 404],
        );
        expectError(await vendor1.delete(`/vendors/${otherVendor.id}/qualifications/${target.id}`), [403, 404]);
        // Their qualification id under one's own vendor id is not a way around.
        expectError(await vendor1.put(`/vendors/${ownVendor.id}/qualifications/${target.id}`, qualification()), [403, 404]);
        expectError(await vendor1.delete(`/vendors/${ownVendor.id}/qualifications/${target.id}`), [403, 404]);
        const after = expectStatus(await office.get(`/vendors/${otherVendor.id}`), 200).body.qualifications;
        assert.deepEqual(after, theirs, 'the other vendor\'s qualifications are unchanged');
    }
});

test('ROLE-8 a vendor user cannot change vendor records, not even its own (only qualifications)', async () => {
    const own = expectStatus(await office.get(`/vendors/${ownVendor.id}`), 200).body;
    expectError(await vendor1.put(`/vendors/${ownVendor.id}`, { ...strip(own), contact_name: '自改' }), 403, 'PermissionDenied');
    expectError(await vendor1.put(`/vendors/${otherVendor.id}`, { ...strip(own), contact_name: '越权' }), [403, 404]);
    expectError(await vendor1.post('/vendors', vendorBody()), 403, 'PermissionDenied');
    const { id: _id, ...category } = expectStatus(await office.get('/categories'), 200).body.items[0];
    expectError(await vendor1.post('/categories', { ...category, code: `V-${uniqueSuffix()}` }), 403, 'PermissionDenied');
    const after = expectStatus(await office.get(`/vendors/${ownVendor.id}`), 200).body;
    assert.equal(after.contact_name, own.contact_name);
});

test('ROLE-8 X-5 a vendor user cannot download another vendor\'s qualification scan', async () => {
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

test('ROLE-4 discipline inspection reads vendors and the audit trail', async () => {
    const jiwei = await demo.as('jiwei');
    const all = expectStatus(await office.get('/vendors'), 200).body.total;
    assert.equal(expectStatus(await jiwei.get('/vendors'), 200).body.total, all, 'reads all vendors');
    expectStatus(await jiwei.get(`/vendors/${otherVendor.id}`), 200);
    expectStatus(await jiwei.get('/categories'), 200);
    expectStatus(await jiwei.get('/vendors/export.xlsx'), 200);
    const audit = expectStatus(await jiwei.get('/audit'), 200).body;
    assert.ok(Array.isArray(audit.items) && typeof audit.total === 'number');
    assert.equal(expectStatus(await jiwei.get('/audit/verify'), 200).body.ok, true);
    expectStatus(await jiwei.get('/dashboard'), 200);
});

test('ROLE-4 discipline inspection changes nothing: every write is 403 and the audit trail does not grow', async () => {
    const jiwei = await demo.as('jiwei');
    const admin = await demo.as('admin');
    const auditBefore = expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.total;
    const vendor = expectStatus(await office.get(`/vendors/${ownVendor.id}`), 200).body;
    const categories = expectStatus(await office.get('/categories'), 200).body.items;
    const { id: categoryId, ...category } = categories[0];
    const writes = [
        ['POST', '/vendors', vendorBody()],
        ['PUT', `/vendors/${vendor.id}`, { ...strip(vendor), contact_name: '纪委改' }],
        ['POST', `/vendors/${vendor.id}/qualifications`, qualification()],
        ['POST', '/categories', { ...category, code: `J-${uniqueSuffix()}` }],
        ['PUT', `/categories/${categoryId}`, { ...category, name_zh: '纪委改' }],
        ['DELETE', `/categories/${categoryId}`],
        ['PUT', '/settings/auth.max_failed_logins', { value: 9, reason: '纪委改' }],
        ['POST', '/users', { username: `j${uniqueSuffix().toLowerCase()}`, display_name: '纪委建', password: 'Abcdef123', role: 'admin', org_id: jiwei.user.org_id }],
        ['PATCH', `/users/${jiwei.user.id}`, { role: 'admin' }],
        ['POST', '/orgs', { parent_id: jiwei.user.org_id, name: '纪委建镇', kind: 'town' }],
        ['POST', '/attachments', Buffer.from('evidence')],
    ];
    if (vendor.qualifications.length > 0) {
        const qid = vendor.qualifications[0].id;
        writes.push(['PUT', `/vendors/${vendor.id}/qualifications/${qid}`, qualification()]);
        writes.push(['DELETE', `/vendors/${vendor.id}/qualifications/${qid}`]);
    }
    for (const [method, path, body] of writes) {
        const options = Buffer.isBuffer(body) ? { headers: { 'Content-Type': 'text/plain', 'X-Filename': 'x.txt' } } : {};
        expectError(await jiwei.request(method, path, body, options), 403, 'PermissionDenied');
    }
    expectStatus(await jiwei.get('/session'), 200, 'still logged in and still discipline');
    assert.equal(expectStatus(await jiwei.get('/session'), 200).body.user.role, 'discipline');
    const auditAfter = expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.total;
    assert.equal(auditAfter, auditBefore, 'refused writes leave no audit entries (nothing was written)');
    const after = expectStatus(await office.get(`/vendors/${ownVendor.id}`), 200).body;
    assert.deepEqual(after, vendor);
});

test('ROLE-5 ROLE-6 judicial and party-government offices read vendors but not the audit trail', async () => {
    for (const account of ['sifa', 'dangzheng']) {
        const client = await demo.as(account);
        expectStatus(await client.get('/vendors'), 200);
        expectStatus(await client.get(`/vendors/${ownVendor.id}`), 200);
        expectError(await client.get('/audit'), 403, 'PermissionDenied');
        expectError(await client.get('/audit/verify'), 403, 'PermissionDenied');
        expectError(await client.post('/vendors', vendorBody()), 403, 'PermissionDenied');
    }
});

test('ROLE-7 a department user reads the catalogue but not vendors or the audit trail', async () => {
    const dept = await demo.as('dept');
    expectStatus(await dept.get('/categories'), 200);
    expectError(await dept.get('/vendors'), 403, 'PermissionDenied');
    expectError(await dept.get(`/vendors/${ownVendor.id}`), [403, 404]);
    expectError(await dept.get('/audit'), 403, 'PermissionDenied');
    expectError(await dept.get('/users'), 403, 'PermissionDenied');
});

test('ROLE-3 leadership reads vendors and the dashboard but writes nothing', async () => {
    const leader = await demo.as('leader');
    expectStatus(await leader.get('/vendors'), 200);
    expectStatus(await leader.get('/dashboard'), 200);
    expectError(await leader.post('/vendors', vendorBody()), 403, 'PermissionDenied');
    expectError(await leader.get('/audit'), 403, 'PermissionDenied');
});

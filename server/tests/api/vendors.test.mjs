// Vendor registry, qualifications, attachments and export (PRJ-4, X-5, X-4; docs/api.md "Vendors", "Attachments").
// The server runs on the test clock (server/tests/clock.mjs): qualification expiry is counted in days from its today.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import {
    FAKE_TODAY, breakCreditCode, creditCheckChar, expectError, expectStatus, listAll, makeCreditCode, setupDemo, sha256,
    uniqueSuffix, unzip, xlsxText,
} from './harness.mjs';
import { TODAY, YEAR, dateOfYear, day, daysBetween, year } from '../clock.mjs';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let demo;
let office;
let admin;
let categoryIds;

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    const categories = expectStatus(await office.get('/categories'), 200).body.items;
    categoryIds = categories.map((item) => item.id);
});

function newVendor(overrides = {}) {
    const suffix = uniqueSuffix();
    return {
        name: `测试物业服务有限公司${suffix}`,
        credit_code: makeCreditCode(),
        legal_representative: '张三',
        contact_name: '李四',
        contact_phone: '0757-86912345',
        address: '广东省佛山市南海区九江镇沙口路1号',
        bank_account_name: `测试物业服务有限公司${suffix}`,
        bank_name: '中国工商银行佛山九江支行',
        bank_account_no: '6222020200112233445',
        staff_count: 25,
        registered_capital: '5000000.00',
        has_training_system: true,
        has_management_system: false,
        category_ids: [categoryIds[0]],
        status: 'active',
        ...overrides,
    };
}

function qualification(overrides = {}) {
    return {
        type: '营业执照',
        cert_no: `ZZ-${uniqueSuffix()}`,
        issuer: '佛山市南海区市场监督管理局',
        valid_from: dateOfYear(-2, '01-01'),
        valid_until: dateOfYear(1, '12-31'),
        attachment_id: null,
        ...overrides,
    };
}

async function vendorCount() {
    return expectStatus(await office.get('/vendors', { query: { page_size: 1 } }), 200).body.total;
}

async function createVendor(overrides = {}) {
    const input = newVendor(overrides);
    const created = expectStatus(await office.post('/vendors', input), 201, 'create vendor').body;
    return { input, created };
}

// Sends a body with node:http so a server that answers 413 and closes early is still heard.
function rawPost(url, pathname, headers, body) {
    return new Promise((resolve, reject) => {
        const request = http.request(`${url}${pathname}`, { method: 'POST', headers }, (response) => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let parsed = text;
                try {
                    parsed = JSON.parse(text);
                } catch {
                    // not JSON
                }
                resolve({ status: response.statusCode, body: parsed });
            });
        });
        request.on('error', (error) => {
            if (!request.res) reject(error);
        });
        request.end(body);
    });
}

function sessionHeaders(client, contentType) {
    return {
        Cookie: `houqin_session=${client.session}`,
        'X-CSRF-Token': client.csrfToken,
        'Content-Type': contentType,
    };
}

test('the test helper\'s credit codes agree with a published code', () => {
    // 91350100M000100Y43 is a widely published sample code with a valid GB 32100-2015 check character.
    assert.equal(creditCheckChar('91350100M000100Y4'), '3');
    const code = makeCreditCode();
    assert.equal(code.length, 18);
    assert.notEqual(breakCreditCode(code), code);
});

test('PRJ-4 create a vendor: 201, fields echoed, its vendor organisation created', async () => {
    const { input, created } = await createVendor();
    assert.equal(typeof created.id, 'number');
    for (const key of Object.keys(input)) assert.deepEqual(created[key], input[key], `vendor.${key}`);
    assert.equal(typeof created.org_id, 'number', 'org_id');
    assert.equal(created.qualification_status, 'none', 'no qualifications yet');
    assert.deepEqual(created.qualifications, []);
    assert.match(created.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+08:00$/, 'created_at in +08:00');

    const read = expectStatus(await office.get(`/vendors/${created.id}`), 200).body;
    for (const key of Object.keys(input)) assert.deepEqual(read[key], input[key], `read vendor.${key}`);

    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const org = orgs.find((item) => item.id === created.org_id);
    assert.ok(org, `organisation ${created.org_id} of the vendor exists`);
    assert.equal(org.kind, 'vendor');
});

test('PRJ-4 update a vendor; keeping its own credit code is not a conflict', async () => {
    const { input, created } = await createVendor();
    const changed = { ...input, contact_name: '王五', staff_count: 30, registered_capital: '1234567.89', status: 'suspended' };
    const updated = expectStatus(await office.put(`/vendors/${created.id}`, changed), 200).body;
    for (const key of Object.keys(changed)) assert.deepEqual(updated[key], changed[key], `vendor.${key}`);
    const read = expectStatus(await office.get(`/vendors/${created.id}`), 200).body;
    assert.equal(read.contact_name, '王五');
    assert.equal(read.registered_capital, '1234567.89', 'money exact to the fen (X-6)');
});

test('PRJ-4 wrong credit code check digit is 400 naming credit_code; nothing written', async () => {
    const before = await vendorCount();
    const good = makeCreditCode();
    expectError(await office.post('/vendors', newVendor({ credit_code: breakCreditCode(good) })), 400, 'InvalidArgument', 'credit_code');
    expectError(await office.post('/vendors', newVendor({ credit_code: good.slice(0, 17) })), 400, 'InvalidArgument', 'credit_code');
    // 'I' is not in the GB 32100 character set.
    const withI = `${good.slice(0, 10)}I${good.slice(11, 17)}`;
    expectError(await office.post('/vendors', newVendor({ credit_code: withI + 'A' })), 400, 'InvalidArgument', 'credit_code');
    assert.equal(await vendorCount(), before);
});

test('PRJ-4 a second vendor with the same credit code is 409 AlreadyExists on credit_code', async () => {
    const { input, created } = await createVendor();
    const before = await vendorCount();
    expectError(
        await office.post('/vendors', newVendor({ credit_code: input.credit_code })),
        409, 'AlreadyExists', 'credit_code',
    );
    // Changing another vendor to this code is refused the same way.
    const other = await createVendor();
    expectError(
        await office.put(`/vendors/${other.created.id}`, { ...other.input, credit_code: input.credit_code }),
        409, 'AlreadyExists', 'credit_code',
    );
    assert.equal(await vendorCount(), before + 1);
    assert.equal(expectStatus(await office.get(`/vendors/${created.id}`), 200).body.credit_code, input.credit_code);
    assert.equal(
        expectStatus(await office.get(`/vendors/${other.created.id}`), 200).body.credit_code, other.input.credit_code,
    );
});

test('PRJ-4 invalid fields are refused naming the field; the vendor count is unchanged', async () => {
    const before = await vendorCount();
    const cases = [
        ['name', { name: 'A' }],
        ['name', { name: '长'.repeat(101) }],
        ['contact_phone', { contact_phone: 'call me' }],
        ['contact_phone', { contact_phone: '123' }],
        ['contact_phone', { contact_phone: '1'.repeat(21) }],
        ['bank_account_no', { bank_account_no: '6222AB0200112233' }],
        ['bank_account_no', { bank_account_no: '12345' }],
        ['bank_account_no', { bank_account_no: '1'.repeat(33) }],
        ['staff_count', { staff_count: -1 }],
        ['staff_count', { staff_count: 100001 }],
        ['staff_count', { staff_count: 2.5 }],
        ['registered_capital', { registered_capital: '-1.00' }],
        ['registered_capital', { registered_capital: 'lots' }],
        ['registered_capital', { registered_capital: '1.234' }],
        ['category_ids', { category_ids: [99999999] }],
        ['status', { status: 'deleted' }],
    ];
    for (const [field, overrides] of cases) {
        expectError(await office.post('/vendors', newVendor(overrides)), 400, 'InvalidArgument', field);
    }
    assert.equal(await vendorCount(), before);
});

test('PRJ-4 bad JSON, wrong types and missing required fields are 400; nothing written', async () => {
    const before = await vendorCount();
    const json = { 'Content-Type': 'application/json' };
    expectError(await office.post('/vendors', '{"name": "半截', { headers: json }), 400, 'InvalidArgument');
    expectError(await office.post('/vendors', 'not json at all', { headers: json }), 400, 'InvalidArgument');
    expectError(await office.post('/vendors', '[1, 2, 3]', { headers: json }), 400, 'InvalidArgument');
    expectError(await office.post('/vendors', '', { headers: json }), 400, 'InvalidArgument');
    expectError(await office.post('/vendors', newVendor({ staff_count: '25' })), 400, 'InvalidArgument', 'staff_count');
    expectError(await office.post('/vendors', newVendor({ name: 12345 })), 400, 'InvalidArgument', 'name');
    expectError(await office.post('/vendors', newVendor({ category_ids: 'all' })), 400, 'InvalidArgument', 'category_ids');
    expectError(await office.post('/vendors', newVendor({ has_training_system: 'yes' })), 400, 'InvalidArgument', 'has_training_system');

    const missing = expectError(await office.post('/vendors', {}), 400, 'InvalidArgument');
    const named = (missing.fields || []).map((entry) => entry.field);
    for (const field of ['name', 'credit_code']) assert.ok(named.includes(field), `missing ${field} named: ${named}`);
    const { credit_code: _omitted, ...withoutCode } = newVendor();
    expectError(await office.post('/vendors', withoutCode), 400, 'InvalidArgument', 'credit_code');
    assert.equal(await vendorCount(), before);
});

test('PRJ-4 a body over 10 MiB is 413 PayloadTooLarge; nothing written', async () => {
    const before = await vendorCount();
    const big = JSON.stringify(newVendor({ address: 'x'.repeat(10 * 1024 * 1024 + 16) }));
    const response = await rawPost(demo.server.url, '/api/v1/vendors', sessionHeaders(office, 'application/json'), big);
    expectError(response, 413, 'PayloadTooLarge');
    assert.equal(await vendorCount(), before);
    expectStatus(await office.get('/session'), 200, 'the server still answers');
});

test('PRJ-4 malformed ids are 400, unknown ids 404; nothing written', async () => {
    const before = await vendorCount();
    const { input, created } = await createVendor();
    const count = before + 1;
    for (const id of ['abc', '-1', '0', '1.5', '1e3', '%20']) {
        expectError(await office.get(`/vendors/${id}`), 400, 'InvalidArgument');
        expectError(await office.put(`/vendors/${id}`, newVendor()), 400, 'InvalidArgument');
        expectError(await office.post(`/vendors/${id}/qualifications`, qualification()), 400, 'InvalidArgument');
        expectError(await office.put(`/vendors/${created.id}/qualifications/${id}`, qualification()), 400, 'InvalidArgument');
        expectError(await office.delete(`/vendors/${created.id}/qualifications/${id}`), 400, 'InvalidArgument');
    }
    // Too large for any id type: not a positive whole number the server can hold, so refused like any malformed id.
    expectError(await office.get('/vendors/99999999999999999999999'), 400, 'InvalidArgument', 'id');
    expectError(await office.get('/vendors/99999999'), 404, 'NotFound');
    expectError(await office.put('/vendors/99999999', newVendor()), 404, 'NotFound');
    expectError(await office.post('/vendors/99999999/qualifications', qualification()), 404, 'NotFound');
    expectError(await office.put(`/vendors/${created.id}/qualifications/99999999`, qualification()), 404, 'NotFound');
    expectError(await office.delete(`/vendors/${created.id}/qualifications/99999999`), 404, 'NotFound');
    expectError(await office.get('/attachments/99999999'), 404, 'NotFound');
    expectError(await office.get('/attachments/abc'), 400, 'InvalidArgument');
    assert.equal(await vendorCount(), count);
    const read = expectStatus(await office.get(`/vendors/${created.id}`), 200).body;
    assert.equal(read.name, input.name);
    assert.deepEqual(read.qualifications, []);
});

test('PRJ-4 list: paging, sorting, filtering by q and status, with total', async () => {
    const token = `PG${uniqueSuffix()}`;
    const made = [];
    for (const [index, staff] of [12, 3, 40, 7, 25].entries()) {
        made.push(await createVendor({ name: `${token}-${'EDCBA'[index]} 物业`, staff_count: staff }));
    }
    const suspended = await createVendor({ name: `${token}-Z 停用`, status: 'suspended' });

    const byQ = expectStatus(await office.get('/vendors', { query: { q: token, page_size: 50 } }), 200).body;
    assert.equal(byQ.total, 6);
    assert.equal(byQ.items.length, 6);
    assert.equal(byQ.page, 1);
    assert.equal(byQ.page_size, 50);
    for (const item of byQ.items) {
        assert.equal(item.qualifications, undefined, 'the list has no qualifications');
        assert.ok('qualification_status' in item && 'expired_count' in item && 'expiring_count' in item);
    }

    // q also matches part of the credit code.
    const code = made[2].input.credit_code;
    const byCode = expectStatus(await office.get('/vendors', { query: { q: code.slice(4, 16) } }), 200).body;
    assert.ok(byCode.items.some((item) => item.id === made[2].created.id), 'found by credit code');

    const active = expectStatus(await office.get('/vendors', { query: { q: token, status: 'active' } }), 200).body;
    assert.equal(active.total, 5);
    assert.ok(active.items.every((item) => item.status === 'active'));
    const stopped = expectStatus(await office.get('/vendors', { query: { q: token, status: 'suspended' } }), 200).body;
    assert.deepEqual(stopped.items.map((item) => item.id), [suspended.created.id]);

    const byName = expectStatus(await office.get('/vendors', { query: { q: token, sort: 'name', order: 'asc' } }), 200).body;
    const names = byName.items.map((item) => item.name);
    assert.deepEqual(names, [...names].sort(), 'sorted by name ascending');
    const byNameDesc = expectStatus(await office.get('/vendors', { query: { q: token, sort: 'name', order: 'desc' } }), 200).body;
    assert.deepEqual(byNameDesc.items.map((item) => item.name), [...names].reverse(), 'sorted by name descending');

    const byStaff = expectStatus(await office.get('/vendors', { query: { q: token, sort: 'staff_count', order: 'desc' } }), 200).body;
    const staff = byStaff.items.map((item) => item.staff_count);
    assert.deepEqual(staff, [...staff].sort((a, b) => b - a), 'sorted by staff_count descending (numerically)');

    // Paging over all vendors sorted by the unique credit code: pages are disjoint and make up the whole.
    const whole = expectStatus(await office.get('/vendors', { query: { sort: 'credit_code', order: 'asc', page_size: 200 } }), 200).body;
    const codes = whole.items.map((item) => item.credit_code);
    assert.deepEqual(codes, [...codes].sort(), 'sorted by credit_code');
    const paged = [];
    for (let page = 1; page <= Math.ceil(whole.total / 4); page += 1) {
        const response = expectStatus(
            await office.get('/vendors', { query: { sort: 'credit_code', order: 'asc', page, page_size: 4 } }), 200,
        ).body;
        assert.equal(response.total, whole.total, 'total is the same on every page');
        assert.equal(response.page, page);
        assert.ok(response.items.length <= 4);
        paged.push(...response.items.map((item) => item.credit_code));
    }
    assert.deepEqual(paged, codes, 'pages concatenate to the full sorted list');
    const beyond = expectStatus(await office.get('/vendors', { query: { page: 1000, page_size: 20 } }), 200).body;
    assert.deepEqual(beyond.items, []);
    assert.equal(beyond.total, whole.total);
});

test('PRJ-4 list: bad paging or sort parameters are 400, search text is literal', async () => {
    for (const query of [{ page_size: 0 }, { page_size: 201 }, { page: 0 }, { page: 'x' }, { sort: 'password_hash' },
        { sort: 'name', order: 'sideways' }, { status: 'gone' }, { qualification: 'rotten' }, { category_id: 'abc' }]) {
        expectError(await office.get('/vendors', { query }), 400, 'InvalidArgument');
    }
    const injection = expectStatus(await office.get('/vendors', { query: { q: "x' OR '1'='1" } }), 200).body;
    assert.equal(injection.total, 0, 'quotes in q are data');
    const percent = expectStatus(await office.get('/vendors', { query: { q: '%' } }), 200).body;
    assert.equal(percent.total, 0, '% in q matches a literal percent sign, not everything');
    const underscore = expectStatus(await office.get('/vendors', { query: { q: '_' } }), 200).body;
    assert.equal(underscore.total, 0, '_ in q matches a literal underscore, not any character');
});

test('PRJ-4 list filters by category_id', async () => {
    const [first, second] = [categoryIds[0], categoryIds[categoryIds.length - 1]];
    const token = `CT${uniqueSuffix()}`;
    const a = await createVendor({ name: `${token} 甲`, category_ids: [first] });
    const b = await createVendor({ name: `${token} 乙`, category_ids: [second] });
    const response = expectStatus(await office.get('/vendors', { query: { q: token, category_id: second } }), 200).body;
    assert.deepEqual(response.items.map((item) => item.id), [b.created.id]);
    assert.ok(response.items.every((item) => item.category_ids.includes(second)));
    assert.ok(a.created.id);
});

test('PRJ-4 qualification status from valid_until: expired, expiring within 30 days, ok (fixed clock)', async () => {
    const token = `QS${uniqueSuffix()}`;
    const cases = [
        { until: day(-1), status: 'expired' },
        { until: FAKE_TODAY, status: 'expiring' }, // valid through today
        { until: day(12), status: 'expiring' },
        { until: day(30), status: 'expiring' }, // exactly 30 days left
        { until: day(31), status: 'ok' }, // 31 days left
        { until: day(214), status: 'ok' },
    ];
    const vendors = {};
    for (const entry of cases) {
        const { created } = await createVendor({ name: `${token} ${entry.until} ${entry.status}` });
        const input = qualification({ valid_until: entry.until });
        const added = expectStatus(await office.post(`/vendors/${created.id}/qualifications`, input), 201).body;
        for (const key of Object.keys(input)) assert.deepEqual(added[key], input[key], `qualification.${key}`);
        assert.equal(added.vendor_id, created.id);
        assert.equal(added.status, entry.status, `status for valid_until ${entry.until}`);
        assert.equal(added.days_left, daysBetween(FAKE_TODAY, entry.until), `days_left for ${entry.until}`);
        const read = expectStatus(await office.get(`/vendors/${created.id}`), 200).body;
        assert.equal(read.qualification_status, entry.status, `vendor qualification_status for ${entry.until}`);
        assert.equal(read.qualifications.length, 1);
        vendors[entry.until] = created.id;
    }

    // The worst qualification decides the vendor's status, and the list counts them.
    const mixed = await createVendor({ name: `${token} mixed` });
    for (const until of [day(-27), day(7), day(8), day(399)]) {
        expectStatus(await office.post(`/vendors/${mixed.created.id}/qualifications`, qualification({ valid_until: until })), 201);
    }
    const list = expectStatus(await office.get('/vendors', { query: { q: token, page_size: 50 } }), 200).body;
    const mixedRow = list.items.find((item) => item.id === mixed.created.id);
    assert.equal(mixedRow.qualification_status, 'expired');
    assert.equal(mixedRow.expired_count, 1);
    assert.equal(mixedRow.expiring_count, 2);

    for (const filter of ['expired', 'expiring', 'ok']) {
        const filtered = expectStatus(
            await office.get('/vendors', { query: { q: token, qualification: filter, page_size: 50 } }), 200,
        ).body;
        assert.ok(filtered.items.length > 0, `some vendor is ${filter}`);
        for (const item of filtered.items) assert.equal(item.qualification_status, filter, `filter ${filter}`);
        const expected = cases.filter((entry) => entry.status === filter).map((entry) => vendors[entry.until]);
        for (const id of expected) assert.ok(filtered.items.some((item) => item.id === id), `vendor ${id} in ${filter}`);
        assert.equal(filtered.total, expected.length + (filter === 'expired' ? 1 : 0));
    }

    // Across all vendors, qualification=expired lists only expired ones.
    const all = await listAll(office, '/vendors', { qualification: 'expired' });
    assert.ok(all.every((item) => item.qualification_status === 'expired'));
});

test('PRJ-4 qualification validation, update and delete', async () => {
    const { created } = await createVendor();
    const path = `/vendors/${created.id}/qualifications`;
    expectError(
        await office.post(path, qualification({ valid_from: day(1), valid_until: day(0) })),
        400, 'InvalidArgument', 'valid_until',
    );
    expectError(await office.post(path, qualification({ valid_until: `${year(1)}-02-30` })), 400, 'InvalidArgument', 'valid_until');
    expectError(await office.post(path, qualification({ valid_from: `${TODAY.slice(8, 10)}/${TODAY.slice(5, 7)}/${YEAR}` })), 400, 'InvalidArgument', 'valid_from');
    expectError(await office.post(path, qualification({ attachment_id: 99999999 })), 400, 'InvalidArgument', 'attachment_id');
    assert.deepEqual(expectStatus(await office.get(`/vendors/${created.id}`), 200).body.qualifications, []);

    const added = expectStatus(await office.post(path, qualification()), 201).body;
    const changed = qualification({ cert_no: 'NEW-1', valid_until: day(3) });
    const updated = expectStatus(await office.put(`${path}/${added.id}`, changed), 200).body;
    assert.equal(updated.id, added.id);
    assert.equal(updated.cert_no, 'NEW-1');
    assert.equal(updated.status, 'expiring');
    assert.equal(updated.days_left, 3);
    expectError(
        await office.put(`${path}/${added.id}`, { ...changed, valid_from: day(4) }),
        400, 'InvalidArgument', 'valid_until',
    );

    // A qualification id under the wrong vendor is not found.
    const other = await createVendor();
    expectError(await office.put(`/vendors/${other.created.id}/qualifications/${added.id}`, changed), 404, 'NotFound');
    expectError(await office.delete(`/vendors/${other.created.id}/qualifications/${added.id}`), 404, 'NotFound');

    expectStatus(await office.delete(`${path}/${added.id}`), 204);
    const read = expectStatus(await office.get(`/vendors/${created.id}`), 200).body;
    assert.deepEqual(read.qualifications, []);
    assert.equal(read.qualification_status, 'none');
});

test('PRJ-4 a qualification a vendor adds waits for the office (待核验), which verifies it against its scan or rejects it with a reason', async () => {
    const vendor1 = await demo.as('vendor1');
    const own = (await listAll(office, '/vendors')).find((item) => item.org_id === vendor1.user.org_id);
    const path = `/vendors/${own.id}/qualifications`;
    const claim = qualification({ type: `自报资质${uniqueSuffix()}`, valid_until: dateOfYear(70, '12-31') });
    const claimed = expectStatus(await vendor1.post(path, claim), 201, 'the vendor adds a qualification').body;
    assert.equal(claimed.verification, 'pending');
    assert.equal(claimed.verified_by, '');
    assert.equal(claimed.verified_at, null);

    // The vendor cannot verify its own; the office cannot verify what has no scan; a rejection needs a reason.
    expectError(await vendor1.post(`${path}/${claimed.id}/verify`, {}), 403, 'PermissionDenied');
    expectError(await office.post(`${path}/${claimed.id}/verify`, {}), 409, 'FailedPrecondition', 'attachment_id');
    expectError(await office.post(`${path}/${claimed.id}/reject`, { reason: '' }), 400, 'InvalidArgument', 'reason');
    expectError(await office.post(`${path}/999999999/verify`, {}), 404, 'NotFound');

    const bytes = randomBytes(1024);
    const scan = expectStatus(await vendor1.post('/attachments', bytes, {
        headers: { 'Content-Type': 'application/pdf', 'X-Filename': 'cert.pdf' },
    }), 201).body;
    const withScan = expectStatus(await vendor1.put(`${path}/${claimed.id}`, { ...claim, attachment_id: scan.id }), 200).body;
    assert.equal(withScan.verification, 'pending', 'still waiting for the office');

    const verified = expectStatus(await office.post(`${path}/${claimed.id}/verify`, {}), 200, 'verify').body;
    assert.equal(verified.verification, 'verified');
    assert.equal(verified.verified_by, office.user.username);
    assert.match(verified.verified_at, new RegExp(`^${FAKE_TODAY}T`));
    expectError(await office.post(`${path}/${claimed.id}/verify`, {}), 409, 'FailedPrecondition', 'verification');

    // who verified, when, and the values verified.
    const audit = expectStatus(await admin.get('/audit', { query: { entity: 'qualification', entity_id: claimed.id } }), 200).body.items;
    const entry = audit.find((item) => item.action === 'verify');
    assert.ok(entry, `a verify entry; got ${JSON.stringify(audit)}`);
    assert.equal(entry.actor_id, office.user.id);
    assert.match(entry.at, new RegExp(`^${FAKE_TODAY}T`));
    assert.equal(entry.before.verification, 'pending');
    assert.deepEqual(
        [entry.after.verification, entry.after.cert_no, entry.after.valid_until, entry.after.attachment_id, entry.after.verified_by],
        ['verified', claim.cert_no, claim.valid_until, scan.id, office.user.username],
    );

    // A vendor's change to a verified qualification waits again.
    const changed = expectStatus(await vendor1.put(`${path}/${claimed.id}`, { ...claim, cert_no: `${claim.cert_no}-2`, attachment_id: scan.id }), 200).body;
    assert.equal(changed.verification, 'pending');
    const rejected = expectStatus(await office.post(`${path}/${claimed.id}/reject`, { reason: '证书编号与扫描件不符' }), 200).body;
    assert.equal(rejected.verification, 'rejected');
    assert.equal(rejected.rejection_reason, '证书编号与扫描件不符');
    const seen = expectStatus(await vendor1.get(`/vendors/${own.id}`), 200).body.qualifications.find((item) => item.id === claimed.id);
    assert.deepEqual([seen.verification, seen.rejection_reason], ['rejected', '证书编号与扫描件不符'], 'the vendor sees the reason');
    const rejection = expectStatus(await admin.get('/audit', { query: { entity: 'qualification', entity_id: claimed.id } }), 200)
        .body.items.find((item) => item.action === 'reject');
    assert.equal(rejection.after.rejection_reason, '证书编号与扫描件不符');

    // What the office enters itself counts at once.
    const entered = expectStatus(await office.post(path, qualification()), 201).body;
    assert.equal(entered.verification, 'verified');
    assert.equal(entered.verified_by, office.user.username);
    for (const id of [claimed.id, entered.id]) expectStatus(await office.delete(`${path}/${id}`), 204);
});

test('X-5 attachment upload returns the sha256 of the bytes; download returns the same bytes', async () => {
    const bytes = randomBytes(300 * 1024 + 17);
    const filename = `营业执照 扫描件(${year(0)}).pdf`;
    const uploaded = expectStatus(
        await office.post('/attachments', bytes, {
            headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(filename) },
        }),
        201,
    ).body;
    assert.equal(typeof uploaded.id, 'number');
    assert.equal(uploaded.filename, filename);
    assert.equal(uploaded.content_type, 'application/pdf');
    assert.equal(uploaded.size, bytes.length);
    assert.equal(uploaded.sha256, sha256(bytes));

    const download = expectStatus(await office.get(`/attachments/${uploaded.id}`), 200);
    assert.ok(download.bytes.equals(bytes), 'downloaded bytes equal the uploaded bytes');
    assert.match(download.headers.get('content-disposition') || '', /^attachment/i);
    assert.match(download.headers.get('content-type') || '', /^application\/pdf/);

    // Linked to a qualification, the attachment is described with its checksum.
    const { created } = await createVendor();
    const added = expectStatus(
        await office.post(`/vendors/${created.id}/qualifications`, qualification({ attachment_id: uploaded.id })), 201,
    ).body;
    assert.equal(added.attachment_id, uploaded.id);
    assert.deepEqual(
        { id: added.attachment.id, filename: added.attachment.filename, size: added.attachment.size, sha256: added.attachment.sha256 },
        { id: uploaded.id, filename, size: bytes.length, sha256: sha256(bytes) },
    );
});

test('X-5 an attachment over 10 MiB is 413; exactly 10 MiB is accepted', async () => {
    const tooBig = Buffer.alloc(10 * 1024 * 1024 + 1, 7);
    const headers = { ...sessionHeaders(office, 'application/octet-stream'), 'X-Filename': 'big.bin' };
    expectError(await rawPost(demo.server.url, '/api/v1/attachments', headers, tooBig), 413, 'PayloadTooLarge');

    const limit = Buffer.alloc(10 * 1024 * 1024, 9);
    const accepted = await rawPost(demo.server.url, '/api/v1/attachments', headers, limit);
    expectStatus(accepted, 201, '10 MiB exactly');
    assert.equal(accepted.body.size, limit.length);
    assert.equal(accepted.body.sha256, sha256(limit));
});

test('X-4 export.xlsx returns an Excel file of the matching vendors', async () => {
    const token = `XL${uniqueSuffix()}`;
    const a = await createVendor({ name: `${token} 甲物业` });
    const b = await createVendor({ name: `${token} 乙保洁`, status: 'suspended' });
    const response = expectStatus(await office.get('/vendors/export.xlsx', { query: { q: token } }), 200);
    assert.equal((response.headers.get('content-type') || '').split(';')[0].trim(), XLSX_TYPE);
    assert.equal(response.bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
    assert.match(response.headers.get('content-disposition') || '', /attachment/i);
    const files = unzip(response.bytes);
    assert.ok(files['[Content_Types].xml'] && Object.keys(files).some((name) => name.startsWith('xl/worksheets/')));
    const text = xlsxText(response.bytes);
    assert.ok(text.includes(a.input.name), 'first vendor in the export');
    assert.ok(text.includes(b.input.name), 'second vendor in the export');
    assert.ok(text.includes(a.input.credit_code), 'credit code in the export');

    // Filters apply: only the suspended one.
    const filtered = expectStatus(
        await office.get('/vendors/export.xlsx', { query: { q: token, status: 'suspended' } }), 200,
    );
    const filteredText = xlsxText(filtered.bytes);
    assert.ok(filteredText.includes(b.input.name));
    assert.ok(!filteredText.includes(a.input.name), 'filtered out vendor is not exported');

    // All matching rows, not one page: more than the default page size.
    const all = expectStatus(await office.get('/vendors/export.xlsx'), 200);
    const total = await vendorCount();
    const allText = xlsxText(all.bytes);
    const every = await listAll(office, '/vendors');
    assert.equal(every.length, total);
    for (const vendor of every) assert.ok(allText.includes(vendor.credit_code), `vendor ${vendor.credit_code} exported`);
});

// It changes a setting the other tests rely on, and puts it back whatever happens.
test('PRJ-4 the expiry warning follows the setting vendor.qualification_warning_days', async () => {
    const { created } = await createVendor();
    const added = expectStatus(
        await office.post(`/vendors/${created.id}/qualifications`, qualification({ valid_until: day(12) })), 201,
    ).body;
    assert.equal(added.status, 'expiring', '12 days left, warning at 30');
    expectStatus(
        await admin.put('/settings/vendor.qualification_warning_days', { value: 10, reason: '缩短预警期(测试)' }), 200,
    );
    try {
        const read = expectStatus(await office.get(`/vendors/${created.id}`), 200).body;
        assert.equal(read.qualifications[0].status, 'ok', '12 days left, warning at 10');
        assert.equal(read.qualification_status, 'ok');
        const listed = expectStatus(await office.get('/vendors', { query: { q: created.credit_code } }), 200).body.items[0];
        assert.equal(listed.qualification_status, 'ok');
        assert.equal(listed.expiring_count, 0);
    } finally {
        expectStatus(
            await admin.put('/settings/vendor.qualification_warning_days', { value: 30, reason: '恢复默认(测试)' }), 200,
        );
    }
});

test('PRJ-4 a pending qualification verified and rejected four times at once by two sessions: one verdict, the others get 409', async () => {
    // On PostgreSQL (READ COMMITTED) each verdict read the qualification as pending before the others wrote: it was
    // verified and rejected, the last writer winning. The row is now locked before it is read. Several rounds: the
    // window is a few milliseconds.
    const vendor1 = await demo.as('vendor1');
    const office2 = await demo.as('office');
    const own = (await listAll(office, '/vendors')).find((item) => item.org_id === vendor1.user.org_id);
    const path = `/vendors/${own.id}/qualifications`;
    for (let round = 0; round < 6; round += 1) {
        const scan = expectStatus(await vendor1.post('/attachments', randomBytes(1024), {
            headers: { 'Content-Type': 'application/pdf', 'X-Filename': 'cert.pdf' },
        }), 201).body;
        const claimed = expectStatus(await vendor1.post(path, qualification({
            type: `并发核验${uniqueSuffix()}`, valid_until: dateOfYear(70, '12-31'), attachment_id: scan.id,
        })), 201).body;
        assert.equal(claimed.verification, 'pending');
        const attempts = await Promise.all([
            office.post(`${path}/${claimed.id}/verify`, {}),
            office2.post(`${path}/${claimed.id}/reject`, { reason: '证书已过期,请重新上传' }),
            office.post(`${path}/${claimed.id}/verify`, {}),
            office2.post(`${path}/${claimed.id}/reject`, { reason: '扫描件不清晰' }),
        ]);
        const done = attempts.filter((response) => response.status === 200);
        assert.equal(done.length, 1, `round ${round}: one verdict: ${attempts.map((response) => response.status)}`);
        for (const response of attempts.filter((item) => item.status !== 200)) expectError(response, 409, 'FailedPrecondition', 'verification');
        const audit = await listAll(admin, '/audit', { entity: 'qualification', entity_id: claimed.id });
        assert.equal(audit.filter((entry) => ['verify', 'reject'].includes(entry.action)).length, 1, 'one verdict on the trail');
        const stored = expectStatus(await office.get(`/vendors/${own.id}`), 200).body.qualifications.find((item) => item.id === claimed.id);
        assert.equal(stored.verification, done[0].body.verification);
    }
});

test('PRJ-4 one credit code registered four times at once by two sessions: one vendor, the others get 409 on credit_code', async () => {
    // The unique credit code refused the registrations that raced past the check, but as a bare "record already
    // exists" without the field: the refusal now says which field and why, as the check does.
    const office2 = await demo.as('office');
    for (let round = 0; round < 4; round += 1) {
        const creditCode = makeCreditCode();
        const attempts = await Promise.all([office, office2, office, office2].map((client) => client.post(
            '/vendors', newVendor({ credit_code: creditCode }),
        )));
        const made = attempts.filter((response) => response.status === 201);
        assert.equal(made.length, 1, `round ${round}: one vendor is registered: ${attempts.map((response) => response.status)}`);
        for (const response of attempts.filter((item) => item.status !== 201)) expectError(response, 409, 'AlreadyExists', 'credit_code');
    }
});

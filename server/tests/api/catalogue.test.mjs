// Service catalogue (CAT-1, CAT-2; docs/api.md "Service catalogue").
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectError, expectStatus, makeCreditCode, setupDemo, uniqueSuffix } from './harness.mjs';

// CAT-1: the categories from D1 Art.2 and D2.
const CAT1_NAMES = ['秩序维护', '保洁绿化', '卫生防疫', '空调', '消防', '监控', '餐饮', '会议', '商务', '票务', '外呼', '其他'];

let demo;
let office;

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
});

async function categories(client = office) {
    return expectStatus(await client.get('/categories'), 200).body.items;
}

function newCategory(overrides = {}) {
    const suffix = uniqueSuffix();
    return {
        parent_id: null,
        code: `T-${suffix}`,
        name_zh: `测试类别${suffix}`,
        name_en: `Test category ${suffix}`,
        description: '接口测试用',
        sort_order: 90,
        active: true,
        checklist: [
            { item: '人员到岗', points: 40 },
            { item: '服务质量', points: 35 },
            { item: '安全管理', points: 25 },
        ],
        criteria: {
            qualification_types: ['营业执照', '物业服务资质'],
            min_staff_count: 4,
            require_training_system: true,
            require_management_system: false,
        },
        staff_roles: ['保洁员', '项目督导'],
        ...overrides,
    };
}

function checkSame(actual, expected) {
    for (const key of ['parent_id', 'code', 'name_zh', 'name_en', 'description', 'sort_order', 'active']) {
        assert.deepEqual(actual[key], expected[key], `category.${key}`);
    }
    assert.deepEqual(actual.checklist, expected.checklist, 'category.checklist');
    assert.deepEqual(actual.criteria, expected.criteria, 'category.criteria');
    assert.deepEqual(actual.staff_roles, expected.staff_roles, 'category.staff_roles');
}

test('CAT-1 the demo catalogue holds every category of D1 Art.2 and D2', async () => {
    const items = await categories();
    const names = items.map((item) => item.name_zh);
    const missing = CAT1_NAMES.filter((name) => !names.some((candidate) => candidate.includes(name)));
    assert.deepEqual(missing, [], `missing categories; have ${names.join(', ')}`);
    for (const item of items) {
        assert.equal(typeof item.id, 'number');
        assert.ok(item.parent_id === null || typeof item.parent_id === 'number', 'parent_id is null or an id');
        assert.ok(item.name_en && item.name_en.length > 0, `category ${item.name_zh} has an English name`);
    }
    // Flat, ordered by parent then sort_order: every child comes after its parent is known.
    const ids = new Set(items.map((item) => item.id));
    for (const item of items) if (item.parent_id !== null) assert.ok(ids.has(item.parent_id), 'parent exists');
});

test('CAT-1 the catalogue is a tree: GET /categories?active=true lists only active ones', async () => {
    const parent = expectStatus(await office.post('/categories', newCategory()), 201).body;
    const inactive = expectStatus(await office.post('/categories', newCategory({ parent_id: parent.id, active: false })), 201).body;
    const all = await categories();
    assert.ok(all.some((item) => item.id === inactive.id), 'the full list has the inactive category');
    assert.equal(all.find((item) => item.id === inactive.id).parent_id, parent.id, 'under its parent');
    const active = expectStatus(await office.get('/categories', { query: { active: 'true' } }), 200).body.items;
    assert.ok(active.some((item) => item.id === parent.id), 'the active parent is listed');
    assert.ok(!active.some((item) => item.id === inactive.id), 'the inactive one is not');
    assert.ok(active.every((item) => item.active === true), 'only active categories');
    assert.equal(active.length, all.filter((item) => item.active).length);
});

test('CAT-2 seeded categories carry checklists summing to exactly 100, selection criteria and staff roles', async () => {
    const items = await categories();
    const withChecklist = items.filter((item) => item.checklist.length > 0);
    // domain/default-checklists.md has seven starting checklists (some shared by several categories).
    assert.ok(withChecklist.length >= 7, `seeded checklists: only ${withChecklist.length}`);
    for (const item of withChecklist) {
        const sum = item.checklist.reduce((total, entry) => total + entry.points, 0);
        assert.equal(sum, 100, `checklist of ${item.name_zh} sums to ${sum}`);
        for (const entry of item.checklist) {
            assert.ok(Number.isInteger(entry.points) && entry.points >= 1 && entry.points <= 100, 'points 1..100');
            assert.ok(typeof entry.item === 'string' && entry.item.length > 0, 'item text');
        }
    }
    for (const item of items) {
        assert.ok(Array.isArray(item.checklist), `${item.name_zh} checklist is a list`);
        assert.ok(item.criteria && Array.isArray(item.criteria.qualification_types), `${item.name_zh} criteria`);
        assert.equal(typeof item.criteria.min_staff_count, 'number');
        assert.equal(typeof item.criteria.require_training_system, 'boolean');
        assert.equal(typeof item.criteria.require_management_system, 'boolean');
        assert.ok(Array.isArray(item.staff_roles), `${item.name_zh} staff_roles`);
    }
    assert.ok(items.some((item) => item.staff_roles.length > 0), 'some category names staff roles');
});

test('CAT-1 create, read, update and delete a category', async () => {
    const input = newCategory();
    const created = expectStatus(await office.post('/categories', input), 201).body;
    assert.equal(typeof created.id, 'number');
    checkSame(created, input);
    checkSame(expectStatus(await office.get(`/categories/${created.id}`), 200).body, input);

    const changed = {
        ...input,
        name_zh: `${input.name_zh}改`,
        sort_order: 7,
        active: false,
        checklist: [{ item: '唯一项目', points: 100 }],
        staff_roles: ['保安员'],
    };
    const updated = expectStatus(await office.put(`/categories/${created.id}`, changed), 200).body;
    assert.equal(updated.id, created.id);
    checkSame(updated, changed);
    checkSame(expectStatus(await office.get(`/categories/${created.id}`), 200).body, changed);

    // A child under the new category.
    const child = expectStatus(await office.post('/categories', newCategory({ parent_id: created.id })), 201).body;
    assert.equal(child.parent_id, created.id);
    expectStatus(await office.delete(`/categories/${child.id}`), 204);
    expectStatus(await office.delete(`/categories/${created.id}`), 204);
    expectError(await office.get(`/categories/${created.id}`), 404, 'NotFound');
    assert.ok(!(await categories()).some((item) => item.id === created.id), 'deleted category is gone from the list');
});

test('CAT-2 a checklist not summing to 100 is refused naming checklist, and nothing is written', async () => {
    const before = await categories();
    const bad = [
        [{ item: 'A', points: 60 }, { item: 'B', points: 30 }], // 90
        [{ item: 'A', points: 60 }, { item: 'B', points: 50 }], // 110
        [{ item: 'A', points: 100 }, { item: 'B', points: 0 }], // a zero item
        [{ item: 'A', points: 101 }, { item: 'B', points: -1 }], // out of range, sums to 100
        [{ item: 'A', points: 50.5 }, { item: 'B', points: 49.5 }], // not integers
        [{ item: 'A', points: 4294967376 }, { item: 'B', points: 20 }], // 2^32 + 80: not cut to 80, which would sum to 100
    ];
    for (const checklist of bad) {
        expectError(await office.post('/categories', newCategory({ checklist })), 400, 'InvalidArgument', 'checklist');
    }
    assert.equal((await categories()).length, before.length, 'no category was created');

    // The same on update: the stored checklist stays.
    const target = expectStatus(await office.post('/categories', newCategory()), 201).body;
    const { id, ...rest } = target;
    expectError(
        await office.put(`/categories/${id}`, { ...rest, checklist: [{ item: 'A', points: 99 }] }),
        400, 'InvalidArgument', 'checklist',
    );
    assert.deepEqual(expectStatus(await office.get(`/categories/${id}`), 200).body.checklist, target.checklist);
});

test('CAT-1 other invalid categories are refused naming the field', async () => {
    const before = (await categories()).length;
    expectError(await office.post('/categories', newCategory({ name_zh: '' })), 400, 'InvalidArgument', 'name_zh');
    expectError(await office.post('/categories', newCategory({ parent_id: 99999999 })), 400, 'InvalidArgument', 'parent_id');
    expectError(await office.post('/categories', '{"name_zh": "坏的', {
        headers: { 'Content-Type': 'application/json' },
    }), 400, 'InvalidArgument');
    expectError(await office.post('/categories', newCategory({ sort_order: 'first' })), 400, 'InvalidArgument', 'sort_order');
    assert.equal((await categories()).length, before);
});

test('CAT-1 deleting a category with children is 409 and keeps both', async () => {
    const parent = expectStatus(await office.post('/categories', newCategory()), 201).body;
    const child = expectStatus(await office.post('/categories', newCategory({ parent_id: parent.id })), 201).body;
    expectError(await office.delete(`/categories/${parent.id}`), 409, 'FailedPrecondition');
    expectStatus(await office.get(`/categories/${parent.id}`), 200);
    expectStatus(await office.get(`/categories/${child.id}`), 200);
});

test('CAT-1 a category that vendors offer cannot be deleted (409)', async () => {
    const leaf = expectStatus(await office.post('/categories', newCategory()), 201).body;
    const suffix = uniqueSuffix();
    const vendor = expectStatus(await office.post('/vendors', {
        name: `类别测试物业${suffix}`, credit_code: makeCreditCode(), legal_representative: '周八', contact_name: '吴九',
        contact_phone: '0757-86900000', address: '九江镇儒林路', bank_account_name: `类别测试物业${suffix}`, bank_name: '建设银行',
        bank_account_no: '4367420011112222', staff_count: 8, registered_capital: '300000.00', has_training_system: true,
        has_management_system: true, category_ids: [leaf.id], status: 'active',
    }), 201, 'a vendor offering the category').body;
    assert.deepEqual(vendor.category_ids, [leaf.id]);
    expectError(await office.delete(`/categories/${leaf.id}`), 409, 'FailedPrecondition');
    expectStatus(await office.get(`/categories/${leaf.id}`), 200);
});

test('CAT-1 malformed ids are 400, unknown ids 404', async () => {
    for (const id of ['abc', '-1', '0', '1.5']) {
        expectError(await office.get(`/categories/${id}`), 400, 'InvalidArgument');
        expectError(await office.delete(`/categories/${id}`), 400, 'InvalidArgument');
    }
    expectError(await office.get('/categories/99999999'), 404, 'NotFound');
    expectError(await office.put('/categories/99999999', newCategory()), 404, 'NotFound');
    expectError(await office.delete('/categories/99999999'), 404, 'NotFound');
});

test('CAT-1 a department user reads the catalogue but cannot write it (403), and nothing is written', async () => {
    const dept = await demo.as('dept');
    const before = await categories();
    const readable = await categories(dept);
    assert.equal(readable.length, before.length, 'department user reads the catalogue');

    const target = before[0];
    const { id, ...rest } = target;
    expectError(await dept.post('/categories', newCategory()), 403, 'PermissionDenied');
    expectError(await dept.put(`/categories/${id}`, { ...rest, name_zh: '部门篡改' }), 403, 'PermissionDenied');
    expectError(await dept.delete(`/categories/${id}`), 403, 'PermissionDenied');

    const after = await categories();
    assert.deepEqual(after, before, 'the catalogue is unchanged');
});

test('CAT-1 one category code created four times at once by two sessions: one category, the others get 409 on code', async () => {
    // The unique code refused the creations that raced past the check, but as a bare "record already exists" without
    // the field: the refusal now names the code, as the check does.
    const office2 = await demo.as('office');
    for (let round = 0; round < 4; round += 1) {
        const code = `R-${uniqueSuffix()}`;
        const attempts = await Promise.all([office, office2, office, office2].map((client) => client.post(
            '/categories', newCategory({ code }),
        )));
        const made = attempts.filter((response) => response.status === 201);
        assert.equal(made.length, 1, `round ${round}: one category is made: ${attempts.map((response) => response.status)}`);
        for (const response of attempts.filter((item) => item.status !== 201)) expectError(response, 409, 'AlreadyExists', 'code');
    }
});

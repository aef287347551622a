// The roles a person on a roster may have are a setting (STF-1, issue 13): the administrator adds a role or renames
// one, in Chinese and English; a role's code is made by the server and never changes, so people keep their role when
// it is renamed. Every change has its audit entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectError, expectStatus, listAll, setupDemo } from './harness.mjs';

test('STF-1 the administrator adds a role; it is offered to everyone who keeps a roster', async (t) => {
    const demo = await setupDemo();
    t.after(() => demo.server.stop());
    const admin = await demo.as('admin');
    const added = expectStatus(await admin.post('/staff-roles', { name_zh: '电梯安全管理员', name_en: 'Lift safety officer' }),
        201).body;
    assert.match(added.code, /^role_\d+$/, 'the code is made by the server');
    assert.deepEqual(added.name, { 'zh-CN': '电梯安全管理员', en: 'Lift safety officer' });
    const vendor = await demo.as('vendor1');
    const roles = expectStatus(await vendor.get('/staff-roles'), 200).body.items;
    assert.equal(roles.at(-1).code, added.code, 'a new role comes last');
    const second = expectStatus(await admin.post('/staff-roles', { name_zh: '消防控制室值班员', name_en: 'Fire control operator' }),
        201).body;
    assert.notEqual(second.code, added.code);
    const audit = await listAll(admin, '/audit', { entity: 'staff_role' });
    assert.equal(audit.filter((entry) => entry.action === 'create').length, 2);
});

test('STF-1 a role is renamed and keeps its code; a duplicate or empty name is refused naming the field, nothing written', async (t) => {
    const demo = await setupDemo();
    t.after(() => demo.server.stop());
    const admin = await demo.as('admin');
    const renamed = expectStatus(await admin.put('/staff-roles/cleaner', { name_zh: '保洁员(含绿化)', name_en: 'Cleaner and gardener' }),
        200).body;
    assert.equal(renamed.code, 'cleaner');
    expectError(await admin.put('/staff-roles/cleaner', { name_zh: '保安员', name_en: 'Cleaner' }), 409, 'AlreadyExists', 'name_zh');
    expectError(await admin.post('/staff-roles', { name_zh: '  ', name_en: 'Nobody' }), 400, 'InvalidArgument', 'name_zh');
    expectError(await admin.post('/staff-roles', { name_zh: '新角色', name_en: '' }), 400, 'InvalidArgument', 'name_en');
    expectError(await admin.put('/staff-roles/no_such_role', { name_zh: '甲', name_en: 'A' }), 404, 'NotFound');
    const roles = expectStatus(await admin.get('/staff-roles'), 200).body.items;
    assert.equal(roles.find((role) => role.code === 'cleaner').name['zh-CN'], '保洁员(含绿化)');
    assert.equal(roles.filter((role) => role.name['zh-CN'] === '新角色').length, 0, 'no refused role was written');
});

test('STF-1 only the administrator keeps the roles', async (t) => {
    const demo = await setupDemo();
    t.after(() => demo.server.stop());
    for (const account of ['office', 'vendor1', 'jiwei']) {
        const client = await demo.as(account);
        expectError(await client.post('/staff-roles', { name_zh: '越权角色', name_en: 'Overreach' }), 403, 'PermissionDenied');
        expectError(await client.put('/staff-roles/cleaner', { name_zh: '越权', name_en: 'Overreach' }), 403, 'PermissionDenied');
    }
});

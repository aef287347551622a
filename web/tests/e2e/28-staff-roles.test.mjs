// The roles a person on a roster may have are a setting (STF-1, issue 13) the administrator keeps from the menu:
// 人员角色 lists the roles in Chinese and English, a new one is added, a name another role has is refused beside
// the field, and a vendor then finds the new role when adding a person.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, closeAll, login, logout, openBrowser, screenshot, startServer, tid, uniqueSuffix } from './helpers.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await startServer({ name: '28-staff-roles' });
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  try {
    await closeAll(browser);
  } finally {
    await server?.stop();
  }
});

test('STF-1 the administrator adds a staff role from the menu; a name another role has is refused beside the field', async () => {
  await login(page, 'admin');
  await page.locator(tid('menu-staff-roles')).click();
  const table = page.locator(tid('staff-role-table'));
  await table.getByText('值班经理').waitFor();
  assert.match(await table.innerText(), /Duty manager/);
  assert.ok(!/duty_manager|role_/.test(await table.innerText()), 'codes are not shown');

  await page.locator(tid('staff-role-add')).click();
  const dialog = page.locator(tid('staff-role-dialog'));
  await dialog.waitFor();
  await page.locator(tid('staff-role-name-zh')).fill('保安员');
  await page.locator(tid('staff-role-name-en')).fill('Another guard');
  await page.locator(tid('staff-role-save')).click();
  const error = dialog.locator('.el-form-item__error').first();
  await error.waitFor();
  assert.match(await error.innerText(), /已有角色“保安员”/);

  const name = `电梯安全管理员${uniqueSuffix().slice(0, 4)}`;
  await page.locator(tid('staff-role-name-zh')).fill(name);
  await page.locator(tid('staff-role-name-en')).fill('Lift safety officer');
  await page.locator(tid('staff-role-save')).click();
  await dialog.waitFor({ state: 'hidden' });
  await table.getByText(name).waitFor();
  await screenshot(page, '28-staff-roles');
  await logout(page);

  const roles = (await (await apiAs('vendor1')).get('/staff-roles')).items;
  assert.ok(
    roles.some((role) => role.name['zh-CN'] === name),
    'the vendor is offered the new role',
  );
});

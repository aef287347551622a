// Chinese first, English on request; the choice survives a reload and can be switched back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, closeAll, go, login, openBrowser, openBrowserAs, screenshot, startServer, tid } from './helpers.mjs';

let server;
let browser;
let page;
const others = [];

/** Another user's own browser (1440x900), closed at the end. */
async function browserAs(username) {
  const other = await openBrowserAs(username);
  others.push(other);
  return other.page;
}

before(async () => {
  server = await startServer({ name: '04-locale' });
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  try {
    await closeAll(browser, ...others);
  } finally {
    await server?.stop();
  }
});

const menuText = () => page.locator(tid('menu')).innerText();

test('X-6 the login page switches to English and back', async () => {
  await go(page, '/login');
  await page.locator(tid('login-form')).waitFor();
  assert.match(await page.locator(tid('login-submit')).innerText(), /登\s*录/);
  await page.locator(tid('locale-en')).click();
  await page.locator(tid('login-submit')).getByText('Sign in').waitFor();
  assert.match(await page.locator('body').innerText(), /Supervision of outsourced logistics services/);
  await screenshot(page, '04-login-en');
  await page.locator(tid('locale-zh-CN')).click();
  await page
    .locator(tid('login-submit'))
    .getByText(/登\s*录/)
    .waitFor();
});

test('X-6 office switches the application to English, keeps it over a reload, and switches back', async () => {
  await login(page, 'office');
  assert.match(await menuText(), /外包单位/);
  assert.match(await menuText(), /服务目录/);

  await page.locator(tid('locale-en')).click();
  await page.locator(tid('menu')).getByText('Vendors', { exact: true }).waitFor();
  const english = await menuText();
  assert.match(english, /Home/);
  assert.match(english, /Service catalogue/);
  assert.doesNotMatch(english, /[\u4e00-\u9fff]/, 'no Chinese left in the menu');
  assert.equal(await page.locator(tid('page-title')).innerText(), 'To-do');

  await page.locator(tid('menu-vendors')).click();
  const table = page.locator(tid('vendor-table'));
  await table.locator('[data-test^="vendor-row-"]').first().waitFor();
  assert.match(await table.locator('thead').innerText(), /Unified social credit code/);
  assert.equal(await page.locator(tid('page-title')).innerText(), 'Vendors');
  await screenshot(page, '04-vendors-en');

  await page.reload();
  await page.locator(tid('menu')).getByText('Vendors', { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('houqin.locale')), 'en');

  await page.locator(tid('locale-zh-CN')).click();
  await page.locator(tid('menu')).getByText('外包单位', { exact: true }).waitFor();
  assert.match(await menuText(), /首页/);
  assert.equal(await page.locator(tid('page-title')).innerText(), '外包单位');
  assert.match(await table.locator('thead').innerText(), /统一社会信用代码/);
  await screenshot(page, '04-vendors-zh');
});

test('X-6 at 1440x900 in English the header keeps help, language and the user on one line', async () => {
  const page = await browserAs('dangzheng');
  assert.deepEqual(page.viewportSize(), { width: 1440, height: 900 });
  await page.locator(tid('locale-en')).click();
  await page.locator(tid('user-role')).getByText('Party-government office').waitFor();
  for (const path of ['/', '/contracts']) {
    await go(page, path);
    await page.locator(tid('user-role')).getByText('Party-government office').waitFor();
    const boxes = {};
    for (const id of ['help-link', 'locale-switch', 'user-menu', 'user-role']) boxes[id] = await page.locator(tid(id)).boundingBox();
    for (const [id, box] of Object.entries(boxes)) {
      assert.ok(box.height <= 34, `${id} on one line at ${path}: ${JSON.stringify(box)}`);
    }
    const centres = Object.values(boxes).map((box) => box.y + box.height / 2);
    assert.ok(Math.max(...centres) - Math.min(...centres) <= 4, `one row at ${path}: ${centres}`);
    const header = await page.locator('.shell-header').boundingBox();
    assert.ok(boxes['user-menu'].x + boxes['user-menu'].width <= header.x + header.width, 'the user menu stays inside the header');
  }
  await screenshot(page, '04-header-en-1440');
});

test('X-6 in English the projects list and a project name their service category in English', async () => {
  const page = await browserAs('office');
  await page.locator(tid('locale-en')).click();
  await page.locator(tid('user-role')).getByText('Office-affairs office').waitFor();
  await go(page, '/projects');
  const cells = page.locator('[data-test^="project-category-"]');
  await cells.first().waitFor();
  const names = await cells.allInnerTexts();
  assert.ok(names.length > 0, 'the demo has projects');
  for (const name of names) assert.doesNotMatch(name, /[\u4e00-\u9fff]/, `category in English: ${name}`);
  await screenshot(page, '04-projects-en');
  const first = await cells.first().getAttribute('data-test');
  await go(page, `/projects/${first.replace('project-category-', '')}`);
  const category = await page.locator(tid('project-category')).innerText();
  assert.doesNotMatch(category, /[\u4e00-\u9fff]/, `category in English: ${category}`);
  assert.ok(category.trim().length > 0);
});

test('X-6 at 1440x900 in English a contract keeps its title and buttons on one line', async () => {
  const page = await browserAs('office');
  await page.locator(tid('locale-en')).click();
  await page.locator(tid('user-role')).getByText('Office-affairs office').waitFor();
  const office = await apiAs('office');
  const active = (await office.get('/contracts?page_size=50')).items.find((item) => item.status === 'active');
  assert.ok(active, 'the demo has a contract in force');
  await go(page, `/contracts/${active.id}`);
  await page.locator(tid('contract-pdf-link')).waitFor();
  const head = page.locator(tid('contract-head'));
  const parts = [
    tid('contract-title'),
    tid('contract-pdf-link'),
    tid('contract-new-assessment'),
    ...['amend', 'renew', 'terminate'].map((name) => `[data-test="contract-${name}"]`),
  ];
  const centres = [];
  for (const selector of parts) {
    const box = await head.locator(selector).boundingBox();
    assert.ok(box, `${selector} is in the header`);
    centres.push(box.y + box.height / 2);
  }
  assert.ok(Math.max(...centres) - Math.min(...centres) <= 4, `one row: ${centres}`);
  await screenshot(page, '04-contract-head-en-1440');
});

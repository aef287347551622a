// Chinese first, English on request; the choice survives a reload and can be switched back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, go, login, openBrowser, screenshot, startServer, tid } from './helpers.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await startServer({ name: '04-locale' });
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

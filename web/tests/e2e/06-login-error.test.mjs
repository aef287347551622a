// Login refusals are shown on the login form in the user's language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, expectCount, go, openBrowser, screenshot, startServer, tid } from './helpers.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await startServer({ name: '06-login-error' });
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

test('a login with a wrong password shows 用户名或密码错误 and stays on the login page', async () => {
  await go(page, '/login');
  await page.locator(tid('login-username')).fill('leader');
  await page.locator(tid('login-password')).fill('Wrong@2026');
  await page.locator(tid('login-submit')).click();
  const error = page.locator(tid('login-error'));
  await error.waitFor();
  assert.match(await error.innerText(), /用户名或密码错误/);
  assert.match(page.url(), /#\/login/);
  // The server's answer is on screen (the error), so the menu and a lockout notice would be too.
  await expectCount(page.locator(tid('menu')), 0);
  assert.equal(await page.locator(tid('login-password')).inputValue(), '', 'the password is cleared');
  await expectCount(page.locator(tid('login-locked')), 0, 'one failure does not lock the account');
  await screenshot(page, '06-login-wrong-password');
});

test('an empty login form is refused before asking the server', async () => {
  await page.reload();
  await page.locator(tid('login-form')).waitFor();
  const logins = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/session') logins.push(request.url());
  });
  await page.locator(tid('login-submit')).click();
  const errors = page.locator(`${tid('login-form')} .el-form-item__error`);
  await errors.first().waitFor();
  await expectCount(errors, 2);
  assert.match(await errors.first().innerText(), /必填项/);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(logins, [], 'no login request was sent');
  await expectCount(page.locator(tid('login-error')), 0);
});

// Login refusals are shown on the login form in the user's language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { go, openBrowser, screenshot, tid } from './helpers.mjs';

let browser;
let page;

before(async () => {
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  await browser?.close();
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
  assert.equal(await page.locator(tid('menu')).count(), 0);
  assert.equal(await page.locator(tid('login-password')).inputValue(), '', 'the password is cleared');
  assert.equal(await page.locator(tid('login-locked')).count(), 0, 'one failure does not lock the account');
  await screenshot(page, '06-login-wrong-password');
});

test('an empty login form is refused before asking the server', async () => {
  await page.reload();
  await page.locator(tid('login-form')).waitFor();
  await page.locator(tid('login-submit')).click();
  const errors = page.locator(`${tid('login-form')} .el-form-item__error`);
  await errors.first().waitFor();
  assert.equal(await errors.count(), 2);
  assert.match(await errors.first().innerText(), /必填项/);
  assert.equal(await page.locator(tid('login-error')).count(), 0);
});

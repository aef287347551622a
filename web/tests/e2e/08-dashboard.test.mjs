// The office's home page shows counts and a chart and the reminders that need action, each opening its page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, closeAll, go, login, openBrowser, openBrowserAs, screenshot, startServer, tid } from './helpers.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await startServer({ name: '08-dashboard' });
  browser = await openBrowser();
  page = browser.page;
  await login(page, 'office');
});

after(async () => {
  try {
    await closeAll(browser);
  } finally {
    await server?.stop();
  }
});

test('X-3 the dashboard shows vendor and qualification counts, and the office no audit chart', async () => {
  await go(page, '/dashboard');
  await page.locator(tid('dashboard')).waitFor();
  const value = (card) => page.locator(`${tid(card)} ${tid('dashboard-card-value')}`).innerText();
  // The cards count what the office may see: its town's vendors, the active categories, the expired qualifications.
  const api = await apiAs('office');
  const vendors = await api.get('/vendors?page_size=1');
  const categories = await api.get('/categories?active=true');
  const expired = await api.get('/vendors?qualification=expired&page_size=100');
  assert.equal((await value('dashboard-card-vendors')).trim(), String(vendors.total));
  assert.equal((await value('dashboard-card-categories')).trim(), String(categories.items.length));
  assert.equal(vendors.total, 10, 'the demo registers 10 vendors in 九江镇');
  const expiredCount = expired.items.reduce((sum, row) => sum + row.expired_count, 0);
  assert.ok(expiredCount >= 1, 'the demo has expired qualifications');
  assert.equal((await value('dashboard-card-qual-expired')).trim(), String(expiredCount), 'expired qualifications are counted');
  // The audit trail's activity is the whole system's, which a town's office may not read: the reminders take the
  // row's whole width instead.
  await page.locator(tid('dashboard-reminders')).waitFor();
  assert.equal(await page.locator(tid('dashboard-audit-chart')).count(), 0, 'no audit chart for the office');
  const reminders = await page.locator(tid('dashboard-reminders')).boundingBox();
  const whole = await page.locator(tid('dashboard')).boundingBox();
  assert.ok(reminders && whole && reminders.width > whole.width * 0.9, 'the reminders take the whole row');
  await screenshot(page, '08-dashboard');
});

test('X-1 discipline inspection, who reads the audit trail, sees its last seven days on the dashboard', async () => {
  const jiwei = await openBrowserAs('jiwei');
  try {
    await go(jiwei.page, '/dashboard');
    const chart = jiwei.page.locator(`${tid('dashboard-audit-chart')} canvas`);
    await chart.first().waitFor();
    const box = await chart.first().boundingBox();
    assert.ok(box && box.width > 200 && box.height > 100, 'the chart is drawn');
    await screenshot(jiwei.page, '08-dashboard-audit-chart');
  } finally {
    await closeAll(jiwei);
  }
});

test('X-2 the contract ending within three weeks is reminded and the reminder opens it', async () => {
  const reminder = page.locator(tid('reminder-contract_expiring')).first();
  await reminder.waitFor();
  assert.match(await reminder.innerText(), /九江镇机关保洁绿化服务外包合同/);
  assert.match(await reminder.innerText(), /到期/);
  await reminder.locator(tid('reminder-link')).click();
  await page.waitForURL(/#\/contracts\/\d+/);
  await page.locator(tid('contract-status')).waitFor();
  assert.match(await page.locator(tid('contract-status')).innerText(), /履行中/);
  await screenshot(page, '08-reminder-opens-contract');
});

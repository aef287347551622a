// the office's home page shows counts, a chart and the reminders that need action, each opening its page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, go, login, openBrowser, screenshot, tid } from './helpers.mjs';

let browser;
let page;

before(async () => {
  browser = await openBrowser();
  page = browser.page;
  await login(page, 'office');
});

after(async () => {
  await browser?.close();
});

test('X-3 the dashboard shows vendor and qualification counts and the audit chart', async () => {
  await go(page, '/dashboard');
  await page.locator(tid('dashboard')).waitFor();
  const value = (card) => page.locator(`${tid(card)} ${tid('dashboard-card-value')}`).innerText();
  // The cards count what the office may see (its town's vendors; other tests may have added some).
  const api = await apiAs('office');
  const vendors = await api.get('/vendors?page_size=1');
  const categories = await api.get('/categories?active=true');
  assert.equal((await value('dashboard-card-vendors')).trim(), String(vendors.total));
  assert.equal((await value('dashboard-card-categories')).trim(), String(categories.items.length));
  assert.ok(vendors.total >= 10, 'the demo registers 10 vendors in 九江镇');
  assert.ok(Number(await value('dashboard-card-qual-expired')) >= 1, 'expired qualifications are counted');
  const chart = page.locator(`${tid('dashboard-audit-chart')} canvas`);
  await chart.first().waitFor();
  const box = await chart.first().boundingBox();
  assert.ok(box && box.width > 200 && box.height > 100, 'the chart is drawn');
  await screenshot(page, '08-dashboard');
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

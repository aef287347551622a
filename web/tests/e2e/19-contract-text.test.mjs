// The contract document's words (issue 12): the administrator names the organisation's own rules on the settings page
// (organisation.rules_title, a setting in words with its history, CON-1), and the reviewer's in-page preview is
// reloaded when her approval completes the review, so it never keeps showing 审查中 after approval (CON-3).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, closeAll, go, login, logout, openBrowser, screenshot, startServer, tid } from './helpers.mjs';

const KEY = 'organisation.rules_title';
const TOWN_TITLE = '九江镇后勤服务外包项目监督管理办法(试行)';

let server;
let browser;
let page;

before(async () => {
  server = await startServer({ name: '19-contract-text' });
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

test('CON-1 the administrator names the rules contracts cite on the settings page, with a reason kept in the history', async () => {
  await login(page, 'admin');
  await go(page, '/system/settings');
  const value = page.locator(tid(`setting-value-${KEY}`));
  await value.waitFor();
  assert.equal((await value.innerText()).trim(), '镇后勤服务外包项目监督管理办法(试行)');
  await page.locator(tid(`setting-edit-${KEY}`)).click();
  const dialog = page.locator(tid('setting-dialog'));
  await dialog.waitFor();
  await dialog.locator(tid('setting-text')).fill(`《${TOWN_TITLE}》`);
  await dialog.locator(tid('setting-reason')).fill('按本镇正式发布的办法名称');
  await screenshot(page, '19-setting-rules-title-edit');
  await page.locator(tid('setting-save')).click();
  await dialog.waitFor({ state: 'hidden' });
  await page
    .locator(tid(`setting-value-${KEY}`))
    .getByText(TOWN_TITLE, { exact: true })
    .waitFor();
  await screenshot(page, '19-setting-rules-title-saved');
  const setting = (await (await apiAs('admin')).get('/settings')).items.find((item) => item.key === KEY);
  assert.equal(setting.value, TOWN_TITLE, 'saved without the 《》 marks');
  assert.equal(setting.history[0].reason, '按本镇正式发布的办法名称');
  await logout(page);
});

test('X-6 the settings page states each unit in words, never a translation key or an object', async () => {
  await login(page, 'admin');
  await go(page, '/system/settings');
  await page.locator(tid('setting-value-procurement.min_bidding_days')).waitFor();
  const table = await page.locator(tid('setting-table')).innerText();
  assert.doesNotMatch(table, /system\.setting|\[object Object\]/);
  assert.match(table, /5\s*天/, 'procurement.min_bidding_days in days');
  await screenshot(page, '19-settings-units');
  await logout(page);
});

test('CON-3 the preview is reloaded when the second approval completes the review, instead of keeping 审查中', async () => {
  const office = await apiAs('office');
  const drafts = (await office.get('/contracts?status=draft&page_size=50')).items;
  const draft = drafts[0];
  assert.ok(draft, 'the demo has a draft contract');
  const submitted = await office.post(`/contracts/${draft.id}/submit`);
  const sifa = await apiAs('sifa');
  await sifa.post(`/contracts/${draft.id}/reviews`, { version_no: submitted.review.version_no, decision: 'approve', comment: '法律审查通过' });

  await login(page, 'dangzheng');
  await go(page, `/contracts/${draft.id}`);
  await page.locator(`.el-card__header ${tid('contract-status')}[data-status="in_review"]`).waitFor();
  await page.locator(tid('contract-tab-reviews')).click();
  const preview = page.locator(tid('contract-pdf-preview'));
  await preview.waitFor();
  // Mark the frame showing the document under review: a reloaded preview is a new frame without the mark.
  await preview.evaluate((element) => element.setAttribute('data-shown', 'in_review'));

  await page.locator(tid('contract-review-approve')).click();
  const dialog = page.locator(tid('contract-review-dialog'));
  await dialog.waitFor();
  await page.locator(tid('contract-review-comment')).fill('文字表述规范,同意。');
  await page.locator(tid('contract-review-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`.el-card__header ${tid('contract-status')}[data-status="approved"]`).waitFor();

  await preview.waitFor();
  assert.equal(await preview.getAttribute('data-shown'), null, 'the preview frame was replaced, so the document is fetched again');
  const frame = await preview.elementHandle().then((handle) => handle.contentFrame());
  const started = performance.now();
  while (performance.now() - started < 5_000 && !/document\.pdf|chrome-error/.test(frame.url())) await page.waitForTimeout(100);
  assert.match(frame.url(), new RegExp(`/contracts/${draft.id}/document\\.pdf`), `the preview shows ${frame.url()}`);
  await screenshot(page, '19-contract-preview-approved');
});

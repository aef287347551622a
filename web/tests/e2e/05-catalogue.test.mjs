// The service catalogue tree (CAT-1) with its default checklists, which must sum to 100 points (CAT-2).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, closeAll, expectCount, login, openBrowser, screenshot, startServer, tid, uniqueSuffix } from './helpers.mjs';

let server;
let browser;
let page;
let api;
let cleaningBefore;
let categoryAuditBefore;

before(async () => {
  server = await startServer({ name: '05-catalogue' });
  // Setup only: what is stored before the edit, to prove afterwards that nothing was saved.
  api = await apiAs('admin');
  cleaningBefore = (await api.get('/categories')).items.find((category) => category.code === 'cleaning');
  assert.ok(cleaningBefore?.checklist.length >= 2, 'the demo catalogue has a cleaning checklist');
  categoryAuditBefore = (await api.get('/audit?entity=category&page_size=1')).total;
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

test('CAT-1 office sees the catalogue tree with the categories of the regulations', async () => {
  await login(page, 'office');
  await page.locator(tid('menu-categories')).click();
  const table = page.locator(tid('category-table'));
  await table.locator(tid('category-row-order')).waitFor();
  const expected = {
    order: '秩序维护',
    cleaning: '保洁绿化',
    hygiene: '卫生防疫',
    maintenance: '设施设备维保',
    aircon: '空调维保',
    fire: '消防维保',
    cctv: '监控维保',
    catering: '餐饮',
    meeting: '会议服务',
    business: '商务服务',
    ticketing: '票务',
    callcenter: '外呼',
    other: '其他',
  };
  for (const [code, name] of Object.entries(expected)) {
    assert.equal((await table.locator(tid(`category-row-${code}`)).innerText()).trim(), name, code);
  }
  // CAT-2: each category row tells how many checklist items it has and that they sum to 100.
  const cleaningRow = table.locator(`tr:has(${tid('category-row-cleaning')})`);
  assert.match(await cleaningRow.innerText(), new RegExp(`${cleaningBefore.checklist.length} 项 / 100 分`));
  await expectCount(page.locator(tid('category-create')), 1, 'office may add categories');
  await screenshot(page, '05-catalogue');
});

test('CAT-2 the edit dialog of 保洁绿化 shows the stored category and its checklist', async () => {
  await page.locator(tid('category-edit-cleaning')).click();
  const dialog = page.locator(tid('category-dialog'));
  await dialog.waitFor();
  await page.locator(tid('checklist-item-0')).waitFor();
  await screenshot(page, '05-category-edit-dialog');
  assert.equal(await page.locator(tid('category-code')).inputValue(), 'cleaning', 'the form holds the category being edited');
  assert.equal(await page.locator(tid('category-name-zh')).inputValue(), '保洁绿化');
  await expectCount(page.locator('[data-test^="checklist-item-"]'), cleaningBefore.checklist.length, 'every stored checklist item is listed');
  assert.equal(await page.locator(tid('checklist-item-0')).inputValue(), cleaningBefore.checklist[0].item);
  assert.match(await page.locator(tid('checklist-total')).innerText(), /合计 100 \/ 100 分/);
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'hidden' });
});

test('CAT-2 a checklist edited to sum to 90 is refused and not saved', async () => {
  const dialog = page.locator(tid('category-dialog'));
  await page.locator(tid('category-edit-cleaning')).click();
  await dialog.waitFor();
  const total = page.locator(tid('checklist-total'));
  await total.getByText('合计 100 / 100 分').waitFor({ timeout: 5_000 });

  const firstPoints = page.locator(`${tid('checklist-points-0')} input`);
  const original = Number(await firstPoints.inputValue());
  assert.equal(original, cleaningBefore.checklist[0].points);
  assert.ok(original > 10, 'the first item has more than 10 points');
  await firstPoints.fill(String(original - 10));
  await firstPoints.press('Tab');
  await total.getByText('合计 90 / 100 分').waitFor();
  assert.match(await page.locator(tid('checklist-error')).innerText(), /考核细则分值合计须为100分/);

  await page.locator(tid('category-save')).click();
  // The refusal stays on screen, the dialog stays open, and the form marks the checklist.
  await dialog.locator('.el-form-item__error', { hasText: '考核细则分值合计须为100分' }).waitFor();
  assert.ok(await dialog.isVisible());
  await screenshot(page, '05-checklist-edit-sum-90-refused');
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'hidden' });

  const cleaningAfter = (await api.get('/categories')).items.find((category) => category.code === 'cleaning');
  assert.deepEqual(cleaningAfter.checklist, cleaningBefore.checklist, 'the stored checklist is unchanged');
  assert.equal((await api.get('/audit?entity=category&page_size=1')).total, categoryAuditBefore, 'no change was audited');

  // Opening it again shows the stored checklist, still 100 points.
  await page.locator(tid('category-edit-cleaning')).click();
  await dialog.waitFor();
  await total.getByText('合计 100 / 100 分').waitFor();
  assert.equal(Number(await firstPoints.inputValue()), original);
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'hidden' });
});

test('CAT-2 a new category whose checklist sums to 90 is refused and not created', async () => {
  const dialog = page.locator(tid('category-dialog'));
  const code = `e2e${uniqueSuffix().toLowerCase()}`;
  await page.locator(tid('category-create')).click();
  await dialog.waitFor();
  await page.locator(tid('category-code')).fill(code);
  await page.locator(tid('category-name-zh')).fill('测试类别');
  await page.locator(tid('category-name-en')).fill('Test category');

  await page.locator(tid('checklist-add')).click();
  await page.locator(tid('checklist-item-0')).fill('服务质量');
  const points0 = page.locator(`${tid('checklist-points-0')} input`);
  await points0.fill('60');
  await points0.press('Tab');
  await page.locator(tid('checklist-add')).click();
  await page.locator(tid('checklist-item-1')).fill('人员管理');
  const points1 = page.locator(`${tid('checklist-points-1')} input`);
  assert.equal(await points1.inputValue(), '40', 'a new item proposes the points still missing');
  await points1.fill('30');
  await points1.press('Tab');

  const total = page.locator(tid('checklist-total'));
  await total.getByText('合计 90 / 100 分').waitFor();
  assert.match(await page.locator(tid('checklist-error')).innerText(), /考核细则分值合计须为100分/);
  await page.locator(tid('category-save')).click();
  await dialog.locator('.el-form-item__error', { hasText: '考核细则分值合计须为100分' }).waitFor();
  assert.ok(await dialog.isVisible());
  await screenshot(page, '05-checklist-new-sum-90-refused');
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'hidden' });

  const stored = (await api.get('/categories')).items.find((category) => category.code === code);
  assert.equal(stored, undefined, 'nothing was created');
  // The tree is on screen with its rows: the refused category is not among them.
  await page.locator(tid('category-row-cleaning')).waitFor();
  await expectCount(page.locator(tid(`category-row-${code}`)), 0);
  assert.equal((await api.get('/audit?entity=category&page_size=1')).total, categoryAuditBefore, 'no change was audited');
});

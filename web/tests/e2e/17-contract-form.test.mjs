// The contract form as a newcomer meets it (issue 12, forms): it stays quiet until the user acts, names party A from
// the user's organisation and the staff roles from the category, marks the required service items, and on 保存
// scrolls to and marks the first field to fix, whether the browser or the server found it (CON-1). Every file
// control is a styled button saying which files it takes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { contractCode, dateOfYear } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, fillDate, go, openBrowserAs, pickOption, pickRemote, screenshot, startServer, tid, uniqueSuffix } from './helpers.mjs';

const VENDOR = '九江长安物业服务有限公司';
const suffix = uniqueSuffix();

let server;
let office;
let page;

/** Whether the element lies inside the browser window now (what the user can see without scrolling). */
async function inViewport(locator) {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

async function openNewContract() {
  await go(page, '/contracts/new');
  await page.locator(tid('contract-editor')).waitFor();
  await page.locator(tid('contract-field-title')).waitFor();
}

async function scrollToBottom() {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator(tid('contract-save')).scrollIntoViewIfNeeded();
}

before(async () => {
  server = await startServer({ name: '17-contract-form' });
  office = await openBrowserAs('office');
  page = office.page;
});

after(async () => {
  try {
    await closeAll(office);
  } finally {
    await server?.stop();
  }
});

test('CON-1 a new contract form shows no error before the user has touched anything', async () => {
  await openNewContract();
  await expectCount(page.locator(tid('form-error')), 0);
  await expectCount(page.locator('.el-form-item.is-error'), 0);
  await expectCount(page.locator(`${tid('contract-editor')} .cell-error, ${tid('installments-error')}, ${tid('service-items-error')}`), 0);
  // The service items are required before the server says so.
  assert.equal((await page.locator(tid('service-items-required')).innerText()).trim(), '*');
  await screenshot(page, '17-contract-form-untouched');
});

test('CON-1 party A is the organisation of the user, filled in on a new contract', async () => {
  await openNewContract();
  await page.waitForFunction((selector) => document.querySelector(selector)?.value !== '', tid('contract-field-party-a-name'));
  assert.equal(await page.locator(tid('contract-field-party-a-name')).inputValue(), '九江镇');
});

test('CAT-2 the staffing rows take the staff role of the category: security gives 保安, not 保洁员', async () => {
  await openNewContract();
  assert.equal(await page.locator(tid('staffing-role-0')).inputValue(), '保洁员', 'the default before a category is chosen');
  await pickOption(page, 'contract-field-category-id', '秩序维护');
  await page.waitForFunction((selector) => document.querySelector(selector)?.value === '保安', tid('staffing-role-0'));
  for (const row of [0, 1, 2]) assert.equal(await page.locator(tid(`staffing-role-${row}`)).inputValue(), '保安');
  await pickOption(page, 'contract-field-category-id', '餐饮');
  await page.waitForFunction((selector) => document.querySelector(selector)?.value === '厨师', tid('staffing-role-0'));
});

test('CON-1 the total follows the annual amount and the term, and says how they relate', async () => {
  await openNewContract();
  await fillDate(page, 'contract-field-term-start', dateOfYear(1, '01-01'));
  await fillDate(page, 'contract-field-term-end', dateOfYear(2, '12-31'));
  await page.locator(tid('contract-field-annual-amount')).fill('360000');
  await page.waitForFunction((selector) => document.querySelector(selector)?.value === '720000.00', tid('contract-field-total-amount'));
  assert.match(await page.locator(tid('contract-total-hint')).innerText(), /合同总额 = 年度金额 × 服务期（年）/);
});

test('CON-1 saving an empty form scrolls to the first field to fix and marks it', async () => {
  await openNewContract();
  await scrollToBottom();
  assert.equal(await inViewport(page.locator(tid('contract-field-title'))), false, 'the title is out of sight before saving');
  await page.locator(tid('contract-save')).click();
  const title = page.locator('.el-form-item.is-error', { has: page.locator(tid('contract-field-title')) });
  await title.waitFor();
  await page.waitForFunction((selector) => document.activeElement === document.querySelector(selector), tid('contract-field-title'));
  assert.equal(await inViewport(title), true, 'the first invalid field is in view');
  await screenshot(page, '17-contract-form-empty-save');
});

test('CON-1 a form whose basics are right but has no service item scrolls down to the service items', async () => {
  await openNewContract();
  await page.locator(tid('contract-field-title')).fill(`九江镇机关保洁服务外包合同${suffix}`);
  await pickRemote(page, 'contract-field-vendor-id', '长安', VENDOR);
  await pickOption(page, 'contract-field-category-id', '保洁绿化');
  await fillDate(page, 'contract-field-term-start', dateOfYear(1, '01-01'));
  await fillDate(page, 'contract-field-term-end', dateOfYear(1, '12-31'));
  await page.locator(tid('contract-field-annual-amount')).fill('360000');
  await page.locator(tid('contract-field-total-amount')).fill('360000');
  await page.locator(tid('contract-field-title')).scrollIntoViewIfNeeded();
  await page.locator(tid('contract-save')).click();
  const missing = page.locator(tid('service-items-missing'));
  await missing.waitFor();
  assert.match(await missing.innerText(), /至少填写一项服务项目/);
  await page.waitForFunction((selector) => {
    const box = document.querySelector(selector)?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.bottom <= window.innerHeight;
  }, tid('service-items-missing'));
  await screenshot(page, '17-contract-form-service-items-missing');
});

test('CON-1 a refusal by the server scrolls to and marks the field it names', async () => {
  // Everything the browser checks is right; the installment does not add up to the total, which the server refuses.
  await openNewContract();
  await page.locator(tid('contract-field-title')).fill(`九江镇机关保洁服务外包合同${suffix}-2`);
  await pickRemote(page, 'contract-field-vendor-id', '长安', VENDOR);
  await pickOption(page, 'contract-field-category-id', '保洁绿化');
  await fillDate(page, 'contract-field-term-start', dateOfYear(1, '01-01'));
  await fillDate(page, 'contract-field-term-end', dateOfYear(1, '12-31'));
  await page.locator(tid('contract-field-annual-amount')).fill('360000');
  await page.locator(tid('contract-field-total-amount')).fill('360000');
  await page.locator(tid('service-item-add')).click();
  await page.locator(tid('service-item-name-0')).fill('办公区保洁');
  await page.locator(tid('service-item-fee-standard-0')).fill('每月 30000 元');
  await page.locator(tid('service-item-amount-0')).fill('360000');
  await page.locator(tid('installment-add')).click();
  await page.locator(tid('installment-period-0')).fill('第一期');
  await page.locator(tid('installment-amount-0')).fill('1000');
  await page.locator(tid('contract-field-title')).scrollIntoViewIfNeeded();
  const refused = page.waitForResponse((response) => response.url().endsWith('/api/v1/contracts') && response.request().method() === 'POST');
  await page.locator(tid('contract-save')).click();
  assert.ok((await refused).status() >= 400, 'the server refuses the installments');
  const mark = page
    .locator(
      `${tid('contract-section-payment')} .cell-error, ${tid('contract-section-payment')} .table-errors, ${tid('contract-section-payment')} .el-form-item.is-error`,
    )
    .first();
  await mark.waitFor();
  await page.waitForFunction(
    (selector) => {
      const element = document.querySelector(selector);
      const box = element?.getBoundingClientRect();
      return !!box && box.top >= 0 && box.bottom <= window.innerHeight;
    },
    `${tid('contract-section-payment')} :is(.cell-error, .table-errors, .el-form-item.is-error)`,
  );
  await screenshot(page, '17-contract-form-server-refusal');
});

test('X-5 a file control is a styled button that names the file types it accepts', async () => {
  const api = await apiAs('office');
  const contract = (await api.get(`/contracts?q=${contractCode(1)}&status=active`)).items[0];
  assert.ok(contract, 'the demo has an active contract');
  await go(page, `/assessments/new?contract_id=${contract.id}`);
  await page.locator(tid('assessment-items')).waitFor();
  const picker = page.locator(tid('assessment-item-photo-0-picker'));
  await picker.waitFor();
  assert.equal(await page.locator(tid('assessment-item-photo-0')).getAttribute('accept'), 'image/*');
  assert.equal(await page.locator(tid('assessment-item-photo-0')).isVisible(), false, 'no native "Choose File" control');
  assert.match(await picker.locator('.el-button').innerText(), /选择文件/);
  assert.match(await page.locator(tid('assessment-item-photo-0-accepts')).innerText(), /可上传 图片，单个文件不超过 10 MB/);
  await picker.scrollIntoViewIfNeeded();
  await screenshot(page, '17-upload-control');
});

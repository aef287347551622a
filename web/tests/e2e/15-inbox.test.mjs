// The to-do inbox (待办, issue 12): every role lands on the list of what waits for its own step, with the count in the
// menu. The leader finds the project awaiting his approval (PRJ-2) and opens it; a reviewer (sifa) finds the contract
// awaiting legal review (CON-2), and once reviewed it leaves her list and the count in the menu drops.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, closeAll, expectCount, login, logout, openBrowser, screenshot, startServer, tid } from './helpers.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await startServer({ name: '15-inbox' });
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

/** The number the menu shows beside 待办 (0 when no badge is shown). */
async function menuCount() {
  const badge = page.locator(`${tid('inbox-menu-count')} sup`);
  if ((await badge.count()) === 0) return 0;
  return Number((await badge.innerText()).trim());
}

/**
 * Waits until the menu shows `expected` beside 待办. The count comes from its own request after a change, and at 0 the
 * badge is removed: reading it once could catch the old badge just before it goes (and then wait on nothing).
 */
async function expectMenuCount(expected, message) {
  const badge = page.locator(`${tid('inbox-menu-count')} sup`);
  if (expected === 0) return expectCount(badge, 0, message);
  return expectCount(badge.filter({ hasText: new RegExp(`^\\s*${expected}\\s*$`) }), 1, message);
}

test('PRJ-2 the leader lands on 待办, sees the project awaiting his approval with the count in the menu, and opens it', async () => {
  const leader = await apiAs('leader');
  const inbox = await leader.get('/inbox');
  const waiting = inbox.items.find((item) => item.kind === 'project_approval');
  assert.ok(waiting, 'the demo has a project awaiting leadership approval');

  await login(page, 'leader');
  assert.match(new URL(page.url()).hash, /^#\/inbox/, 'the leader lands on the to-do page');
  const menu = page.locator(tid('menu'));
  const first = menu.locator('[data-test^="menu-"]').first();
  assert.equal(await first.getAttribute('data-test'), 'menu-inbox', '待办 is the first entry of the menu');
  assert.match(await first.innerText(), /待办/);
  await page.locator(tid('inbox-group-project_approval')).waitFor();
  await expectCount(page.locator(tid('inbox-menu-count')), 1, 'the menu shows the count');
  assert.equal(await menuCount(), inbox.total, 'the menu count is the number of items waiting');
  assert.equal(
    await page
      .locator(tid('inbox-total'))
      .innerText()
      .then((text) => Number.parseInt(text, 10)),
    inbox.total,
  );
  const group = page.locator(tid('inbox-group-project_approval'));
  assert.match(await group.innerText(), /项目审批/);
  assert.match(await group.innerText(), /无期限/, 'an approval has no deadline, and none is invented');
  const link = page.locator(tid(`inbox-item-project-${waiting.object_id}`));
  assert.match(await link.innerText(), /审批项目/);
  await screenshot(page, '15-inbox-leader');
  await link.click();
  await page.waitForURL(new RegExp(`#/projects/${waiting.object_id}$`));
  await expectCount(page.locator(tid('page-403')), 0);
  await logout(page);
});

test('CON-2 a reviewer (sifa) sees the contract awaiting her legal review; once reviewed it leaves 待办 and the count drops', async () => {
  const office = await apiAs('office');
  const drafts = await office.get('/contracts?status=draft&page_size=50');
  const draft = drafts.items[0];
  assert.ok(draft, 'the demo has a draft contract');
  const submitted = await office.post(`/contracts/${draft.id}/submit`);

  await login(page, 'sifa');
  assert.match(new URL(page.url()).hash, /^#\/inbox/, 'the reviewer lands on the to-do page');
  const item = page.locator(tid(`inbox-item-contract-${draft.id}`));
  await item.waitFor();
  assert.match(await item.innerText(), /合法性审查合同/);
  assert.ok((await item.innerText()).includes(draft.code), 'the item names the contract');
  const before = await menuCount();
  assert.ok(before >= 1, 'the menu shows the count');
  await screenshot(page, '15-inbox-sifa');
  await item.click();
  await page.waitForURL(new RegExp(`#/contracts/${draft.id}$`));
  await expectCount(page.locator(tid('page-403')), 0);

  const sifa = await apiAs('sifa');
  await sifa.post(`/contracts/${draft.id}/reviews`, { version_no: submitted.review.version_no, decision: 'approve', comment: '法律审查通过' });
  await page.locator(tid('menu-inbox')).click();
  await page.locator(tid('inbox')).waitFor();
  await page.waitForLoadState('networkidle');
  await expectCount(page.locator(tid(`inbox-item-contract-${draft.id}`)), 0, 'the reviewed contract has left 待办');
  await expectMenuCount(before - 1, 'the menu count dropped by one');
  await logout(page);
});

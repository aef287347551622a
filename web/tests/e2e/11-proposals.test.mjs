// A failed routine assessment brings a deduction proposal priced by the contract's clauses (RP-2); the office approves
// its step in the browser (RP-4), leadership gives the final approval in its own (ROLE-3), and the deduction lands in
// the contract's payment ledger as an entry whose source is the proposal, with the totals changed by its amount (CON-8).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TODAY, contractCode } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, go, openBrowserAs, pickOption, screenshot, startServer, tid, uniqueSuffix } from './helpers.mjs';

// The demo's contract in force, created under the test clock.
const CONTRACT_CODE = contractCode(1);
const suffix = uniqueSuffix();
// 100 − 45 = 55: 5 points below the pass mark × 100.00 = 500.00; 3 missing staff-days × 200.00 = 600.00;
// 3 failed items × 300.00 = 900.00 (the demo contract's clauses): 2,000.00 in all.
const AMOUNT = '2000.00';

let server;
let office;
let page;
let leader;
let api;
let contractId;
let period;
let proposalId;
let ledgerBefore;

const money = (text) => Number(String(text).replace(/,/g, ''));

/** The list row of the deduction proposal for our period, found by the text of its period cell. */
const proposalRow = (where) =>
  where
    .locator(`${tid('proposal-table')} tbody tr`)
    .filter({ has: where.locator('td', { hasText: new RegExp(`^\\s*${period}\\s*$`) }) })
    .filter({ has: where.locator('[data-kind="deduction"]') });

before(async () => {
  server = await startServer({ name: '11-proposals' });
  api = await apiAs('office');
  const contracts = await api.get(`/contracts?q=${CONTRACT_CODE}&status=active`);
  contractId = contracts.items.find((row) => row.code === CONTRACT_CODE)?.id;
  assert.ok(contractId, `the demo has the active contract ${CONTRACT_CODE}`);
  const form = await api.get(`/contracts/${contractId}/assessment-form`);
  // The latest period still open to a routine assessment.
  period = form.periods.filter((row) => !row.assessed && !row.future).at(-1)?.period;
  assert.ok(period, `an open period to assess: ${JSON.stringify(form.periods)}`);
  const lost = [15, 15, 15];
  await api.post('/assessments', {
    contract_id: contractId,
    period,
    kind: 'routine',
    assessed_on: TODAY,
    items: form.checklist.map((row, index) => ({ item: row.item, lost: lost[index] ?? 0, note: lost[index] ? '未清洁' : '', photo_ids: [] })),
    missing_staff_days: 3,
    summary: `例行考核不合格，缺岗 3 人日（${suffix}）`,
  });
  ledgerBefore = await api.get(`/contracts/${contractId}/ledger`);
  office = await openBrowserAs('office');
  page = office.page;
});

after(async () => {
  try {
    await closeAll(leader, office);
  } finally {
    await server?.stop();
  }
});

test('RP-2 the failed assessment brings a deduction proposal priced by the contract clauses', async () => {
  await page.locator(tid('menu-proposals')).click();
  await page.locator(tid('proposal-table')).waitFor();
  const loaded = page.waitForResponse((response) => /\/api\/v1\/proposals\?.*kind=deduction/.test(response.url()));
  await pickOption(page, 'proposal-filter-kind', '扣款');
  await loaded;
  const row = proposalRow(page);
  await row.first().waitFor();
  await expectCount(row, 1, `one deduction proposal for ${period}`);
  // the rule reads as its title in words; its code stays an attribute.
  assert.match(await row.innerText(), /考核不合格或缺岗，按合同条款扣款/);
  assert.doesNotMatch(await row.innerText(), /RP-2/);
  assert.equal(await row.locator('[data-test^="proposal-rule-"]').getAttribute('data-rule'), 'RP-2');
  assert.match(await row.innerText(), /2,000\.00/);
  assert.equal(await row.locator('[data-test^="proposal-status-"]').getAttribute('data-status'), 'pending_office');
  await screenshot(page, '11-proposals-deduction');
  await row.locator('[data-test^="proposal-view-"]').click();

  await page.locator(tid('proposal-detail')).waitFor();
  proposalId = Number(page.url().match(/#\/proposals\/(\d+)/)?.[1]);
  assert.ok(proposalId > 0);
  assert.equal(await page.locator(tid('proposal-kind')).getAttribute('data-kind'), 'deduction');
  assert.equal(await page.locator(tid('proposal-status')).getAttribute('data-status'), 'pending_office');
  assert.equal((await page.locator(tid('proposal-amount')).innerText()).trim(), '2,000.00');
  const explanation = await page.locator(tid('proposal-explanation')).innerText();
  assert.match(explanation, new RegExp(`${period} 考核 55 分`));
  assert.match(explanation, /缺岗 3 人日 × 200\.00 元 = 600\.00 元/);
  assert.match(explanation, /合计扣减 2000\.00 元/);
  assert.equal((await page.locator(tid('evidence-value-0')).innerText()).trim(), '55');
  assert.match(await page.locator(tid('proposal-thresholds')).innerText(), /合格分[\s\S]*60 分/);
});

test('X-6 the proposal reads in words: the rule and its article, the settings version, the clauses, who proposed it', async () => {
  assert.equal((await page.locator(tid('proposal-rule')).innerText()).trim(), '考核不合格或缺岗，按合同条款扣款');
  assert.equal((await page.locator(tid('proposal-rule-basis')).innerText()).trim(), '依据监督管理办法第 8 条（规则第 1 版）');
  // The code stays only as a small reference for checking.
  assert.match(await page.locator(tid('proposal-rule-code')).innerText(), /规则编号 RP-2 · D1-Art8\/v1/);
  const settings = page.locator(tid('proposal-settings-version'));
  assert.match(await settings.innerText(), /^(初始规则参数（从未修改）|规则参数第 \d+ 号修改后的版本)$/);
  assert.doesNotMatch(await settings.innerText(), /S\d/);
  const thresholds = await page.locator(tid('proposal-thresholds')).innerText();
  assert.match(thresholds, /缺岗每人日扣款\s+每缺岗 1 人日扣 200\.00 元，上限 [\d,]+\.\d{2} 元/);
  for (const raw of [/pass_mark/, /per_point_below_pass/, /per_missing_staff_day/, / cap /]) assert.doesNotMatch(thresholds, raw);
  const history = await page.locator(tid('proposal-history')).innerText();
  assert.match(history, /系统（按规则自动生成）/);
  assert.match(history, /按规则(自动复核提出|提出)/);
  for (const raw of [/规则引擎/, /trigger/, /\(system\)/, /RP-2/]) assert.doesNotMatch(history, raw);
  assert.equal((await page.locator(tid('proposal-status')).innerText()).trim(), '待机关事务办审核');
  await screenshot(page, '11-proposal-in-words');
});

test('RP-4 the office approves its step; only leadership may give the final approval', async () => {
  await page.locator(tid('proposal-approve')).click();
  const dialog = page.locator(tid('proposal-decision-dialog'));
  await dialog.waitFor();
  assert.match(await dialog.locator('.el-dialog__title').innerText(), /同意（机关事务办审核）/);
  await page.locator(tid('proposal-decision-comment')).waitFor();
  await expectCount(page.locator(tid('proposal-decision-amount')), 0, 'a deduction keeps its computed amount');
  await page.locator(tid('proposal-decision-comment')).fill(`经核实考核记录属实，同意扣款（${suffix}）`);
  await page.locator(tid('proposal-decision-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`${tid('proposal-status')}[data-status="pending_leadership"]`).waitFor();
  assert.equal((await page.locator(tid('proposal-status')).innerText()).trim(), '待领导审批');
  // The office has done its part: the final step is not offered to it.
  await expectCount(page.locator(tid('proposal-approve')), 0);
  await expectCount(page.locator(tid('proposal-reject')), 0);
  const history = page.locator(`${tid('proposal-history')} [data-action]`);
  assert.deepEqual(await history.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action'))), ['propose', 'approve']);
  await screenshot(page, '11-proposal-office-approved');
});

test('ROLE-3 leadership gives the final approval in its own session; the proposal is carried into the ledger', async () => {
  leader = await openBrowserAs('leader');
  const lead = leader.page;
  await lead.locator(tid('menu-proposals')).click();
  await lead.locator(tid('proposal-table')).waitFor();
  const loaded = lead.waitForResponse((response) => /\/api\/v1\/proposals\?.*status=pending_leadership/.test(response.url()));
  await pickOption(lead, 'proposal-filter-status', '待领导审批');
  await loaded;
  const row = proposalRow(lead);
  await row.waitFor();
  await row.locator(tid(`proposal-view-${proposalId}`)).click();
  await lead.locator(`${tid('proposal-status')}[data-status="pending_leadership"]`).waitFor();
  await lead.locator(tid('proposal-approve')).click();
  const dialog = lead.locator(tid('proposal-decision-dialog'));
  await dialog.waitFor();
  assert.match(await dialog.locator('.el-dialog__title').innerText(), /同意（领导审批）/);
  await lead.locator(tid('proposal-decision-comment')).fill('同意按合同扣款');
  await lead.locator(tid('proposal-decision-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  await lead.locator(`${tid('proposal-status')}[data-status="approved"]`).waitFor();
  assert.equal((await lead.locator(tid('proposal-approved-amount')).innerText()).trim(), '· 批准金额 2,000.00');
  assert.match(await lead.locator(tid('proposal-outcome')).innerText(), /已记入付款台账（第 \d+ 条）/);
  const history = lead.locator(`${tid('proposal-history')} [data-action]`);
  assert.deepEqual(await history.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action'))), ['propose', 'approve', 'approve']);
  assert.match(await lead.locator(tid('proposal-history')).innerText(), /同意按合同扣款/);
  await screenshot(lead, '11-proposal-approved');
  await expectCount(lead.locator(tid('proposal-approve')), 0);
});

test('CON-8 the ledger shows the deduction with the proposal as its source, and the totals fall by its amount', async () => {
  // The office's page still shows the proposal as it left it; reloading shows leadership's decision.
  await go(page, `/proposals/${proposalId}`);
  await page.reload();
  await page.locator(`${tid('proposal-status')}[data-status="approved"]`).waitFor();
  // The outcome links to the contract; the ledger tab holds the entry.
  await page.locator(`${tid('proposal-outcome')} a`).click();
  await page.locator(tid('contract-detail')).waitFor();
  await page.locator(tid('contract-tab-ledger')).click();
  const entries = page.locator(tid('ledger-entries'));
  const entry = entries.locator('tbody tr', { hasText: `建议 #${proposalId}` });
  await entry.waitFor();
  assert.equal(await entry.locator('[data-test^="ledger-entry-source-"]').getAttribute('data-source'), 'proposal');
  assert.equal((await entry.locator('[data-test^="ledger-entry-source-"]').innerText()).trim(), '审批建议');
  assert.equal((await entry.locator('[data-test^="ledger-entry-amount-"]').innerText()).trim(), '2,000.00');
  assert.match(await entry.innerText(), /扣款/);
  // The reason is the proposal's number and its explanation in words; no rule code (RP-2) on screen.
  assert.match(await entry.innerText(), new RegExp(`建议 #${proposalId}:${period} 考核 55 分`));
  assert.doesNotMatch(await entry.innerText(), /RP-\d/);
  // The demo's hand-entered deduction stays marked as such.
  const manual = ledgerBefore.entries.filter((row) => row.source === 'manual').length;
  assert.ok(manual >= 1, 'the demo has a hand-entered deduction');
  await expectCount(entries.locator('[data-source="manual"]'), manual);

  // The installment it went into: its deductions rise and what is due falls by 2,000.00; so do the totals.
  const installment = (await entry.locator('[data-test^="ledger-entry-"]').first().innerText()).trim();
  const before = ledgerBefore.periods.find((row) => row.period === installment);
  assert.ok(before, `the entry's period ${installment} is an installment of the ledger`);
  const cell = async (column) => money(await page.locator(tid(`ledger-${column}-${installment}`)).innerText());
  assert.equal(await cell('deductions'), money(before.deductions) + money(AMOUNT));
  assert.equal(await cell('due'), money(before.due) - money(AMOUNT));
  assert.equal(await cell('balance'), money(before.balance) - money(AMOUNT));
  const totals = page.locator(tid('ledger-totals'));
  assert.equal(money(await totals.getAttribute('data-due')), money(ledgerBefore.totals.due) - money(AMOUNT));
  assert.equal(money(await totals.getAttribute('data-balance')), money(ledgerBefore.totals.balance) - money(AMOUNT));
  assert.equal(money(await totals.getAttribute('data-paid')), money(ledgerBefore.totals.paid));
  const summary = await page.locator(`${tid('ledger-table')} .el-table__footer`).innerText();
  assert.ok(
    summary.includes((money(ledgerBefore.totals.deductions) + money(AMOUNT)).toLocaleString('en-US', { minimumFractionDigits: 2 })),
    `the summary row shows the new deductions total: ${summary}`,
  );
  await entries.scrollIntoViewIfNeeded();
  await screenshot(page, '11-ledger-deduction-from-proposal');
});

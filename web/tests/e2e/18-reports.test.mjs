// The statistics page reads like the PDF it offers (SUP-7, issue 12): the office logs in from the bare address, opens
// 统计报表 from the menu and generates each report; the page shows the PDF's sections (a title, the overview, one
// section per contract with its assessments, surveys and rectifications, or its money, deductions and rewards,
// proposals and amendments), values with their labels, money in yuan with thousands separators, statuses in words and
// people by name, in Chinese and in English, with no field name, enum value or key on screen (X-6).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TODAY, YEAR, addDays } from '../../../server/tests/clock.mjs';
import { join } from 'node:path';
import { ARTIFACTS, apiAs, closeAll, login, openBrowser, screenshot, startServer, tid } from './helpers.mjs';

// A year's quality report holds every demo assessment of the year; the audit report from a year back holds the
// demo's first installment with its deduction entered by hand.
const QUALITY_PERIOD = String(YEAR);
const AUDIT_FROM = addDays(TODAY, -364);
// To a month ahead: the installment the approved deduction below is booked to falls due at the end of the term.
const AUDIT_TO = addDays(TODAY, 30);

let server;
let browser;
let page;
let quality;
let audit;
let officeName;
let deduction;
let leaderName;

/** "1200000.00" → "1,200,000.00", as the page writes money. */
const grouped = (money) => money.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');

before(async () => {
  server = await startServer({ name: '18-reports' });
  const office = await apiAs('office');
  // The demo's failed month brought a deduction proposal: the office and leadership approve it, so the audit report
  // holds a decided proposal and the ledger entry it wrote.
  const leader = await apiAs('leader');
  const pending = (await office.get('/proposals?kind=deduction&page=1&page_size=50')).items.filter((item) => item.status === 'pending_office');
  assert.ok(pending.length > 0, 'the demo has a deduction proposal waiting for the office');
  deduction = pending[0];
  await office.post(`/proposals/${deduction.id}/decision`, { decision: 'approve', comment: '同意扣款' });
  await leader.post(`/proposals/${deduction.id}/decision`, { decision: 'approve', comment: '同意' });
  leaderName = (await leader.get('/session')).user.display_name;
  quality = await office.get(`/reports/quality?period=${QUALITY_PERIOD}`);
  audit = await office.get(`/reports/internal-audit?from=${AUDIT_FROM}&to=${AUDIT_TO}`);
  officeName = (await office.get('/session')).user.display_name;
  assert.ok(quality.contracts.length > 0, 'the demo has a contract assessed this year');
  assert.ok(
    quality.contracts.some((section) => section.assessments.length > 0),
    'the demo has assessments this year',
  );
  assert.ok(
    audit.contracts.some((section) => section.entries.length > 0),
    'the demo has a ledger entry in the audit range',
  );
  browser = await openBrowser();
  page = browser.page;
  await login(page, 'office');
  await page.locator(tid('menu-reports')).click();
  await page.locator(tid('report-page')).waitFor();
});

after(async () => {
  try {
    await closeAll(browser);
  } finally {
    await server?.stop();
  }
});

async function runQuality() {
  await page.locator(tid('report-kind-quality')).click();
  // Element Plus puts the data-test attribute on the input itself.
  await page.locator(`input${tid('report-period')}, ${tid('report-period')} input`).fill(QUALITY_PERIOD);
  await page.locator(tid('report-run')).click();
  await page.locator(`${tid('report-result')}[data-kind="quality"] ${tid('report-quality')}`).waitFor();
}

async function runAudit() {
  await page.locator(tid('report-kind-internal-audit')).click();
  const inputs = page.locator(`${tid('report-dates')} input`);
  await inputs.nth(0).click();
  await inputs.nth(0).fill(AUDIT_FROM);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(AUDIT_TO);
  await inputs.nth(1).press('Enter');
  await page.keyboard.press('Escape');
  await page.locator(tid('report-run')).click();
  await page.locator(`${tid('report-result')}[data-kind="internal-audit"] ${tid('report-internal-audit')}`).waitFor();
}

/** The page as it opens, then the whole report (the page scrolls inside its frame, so a page shot shows the top only). */
async function shoot(name) {
  await screenshot(page, name);
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.querySelector('[data-test="report-result"]').scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height + 600, 16_000) });
  try {
    await page.locator(tid('report-result')).screenshot({ path: join(ARTIFACTS, `${name}-report.png`) });
  } finally {
    await page.setViewportSize(viewport);
  }
}

const text = async (selector) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
const headings = async () => page.locator(`${tid('report-result')} h2, ${tid('report-result')} h3, ${tid('report-result')} h4`).allInnerTexts();

/** The first contract of a report that has something in `list`. */
function sectionWith(report, list) {
  return report.contracts.find((section) => section[list].length > 0);
}

test('SUP-7 the quality report reads like its PDF in Chinese: title, overview, and per contract its assessments, surveys and rectifications', async () => {
  await runQuality();
  assert.equal(await text(tid('report-title')), `${QUALITY_PERIOD} 服务质量和安全考核报告`);
  const generated = await text(tid('report-generated'));
  assert.ok(generated.startsWith(`生成时间：${TODAY} `) && generated.endsWith(`生成人：${officeName}`), generated);
  const shown = await headings();
  for (const heading of ['总体情况', '考核情况', '满意度测评', '整改事项']) assert.ok(shown.includes(heading), `heading ${heading} in ${shown}`);

  assert.equal(await text(tid('report-overview-period')), `${quality.first} 至 ${quality.last}`);
  assert.equal(await text(tid('report-overview-contracts')), `${quality.summary.contracts} 份`);
  assert.equal(await text(tid('report-overview-assessments')), `${quality.summary.assessments} 次`);
  assert.equal(await text(tid('report-overview-failed')), `${quality.summary.failed} 次`);
  const tally = quality.summary.rectifications;
  assert.equal(await text(tid('report-overview-rectifications')), `${tally.total} 项（已关闭 ${tally.closed}，逾期 ${tally.overdue}）`);

  const section = sectionWith(quality, 'assessments');
  const where = tid(`report-section-${section.contract.id}`);
  const heading = await text(`${where} h3`);
  assert.equal(heading, `${section.contract.code} ${section.contract.title}`);
  assert.equal(await text(`${where} ${tid('report-contract-vendor')}`), section.contract.vendor_name);
  assert.equal(await text(`${where} ${tid('report-contract-status')}`), section.contract.status_name['zh-CN']);
  assert.equal(await text(`${where} ${tid('report-contract-amount')}`), `${grouped(section.contract.total_amount)} 元`);
  assert.match(section.contract.total_amount, /^\d{4,}\./, 'an amount with thousands to separate');

  const assessment = section.assessments[0];
  const block = `${where} ${tid(`report-assessment-${assessment.id}`)}`;
  const line = await text(block);
  assert.ok(line.startsWith(`${assessment.period} ${assessment.kind === 'routine' ? '日常考核' : '专项考核'}，${assessment.assessed_on}，考核人 `), line);
  assert.equal(await text(`${block} ${tid('report-assessment-result')}`), assessment.passed ? '合格' : '不合格');
  const columns = await page.locator(`${block} ${tid('report-assessment-items')} th`).allInnerTexts();
  assert.deepEqual(
    columns.map((column) => column.trim()),
    ['考核项目', '分值', '扣分', '得分', '结果'],
  );
  await shoot('18-reports-quality-zh-CN');
});

test('SUP-7 the internal audit report reads like its PDF in Chinese: totals in yuan, the audit-log check, entries with their source and who recorded them', async () => {
  await runAudit();
  assert.equal(await text(tid('report-title')), '后勤服务外包内部审计报告');
  assert.equal(await text(tid('report-overview-period')), `${AUDIT_FROM} 至 ${AUDIT_TO}`);
  const shown = await headings();
  for (const heading of ['总体情况', '应付与已付', '扣款与奖励', '奖惩建议审批', '合同变更与终止'])
    assert.ok(shown.includes(heading), `heading ${heading} in ${shown}`);
  assert.equal(await text(tid('report-total-amount')), `${grouped(audit.totals.amount)} 元`);
  assert.equal(await text(tid('report-total-paid')), `${grouped(audit.totals.paid)} 元`);
  // Generating a report is itself audited, so the count grows between the API's report and the page's.
  assert.match(await text(tid('report-audit-chain')), /^审计日志校验：完整，共校验 \d+ 条记录。$/);

  const section = sectionWith(audit, 'entries');
  const where = tid(`report-section-${section.contract.id}`);
  const columns = (await page.locator(`${where} ${tid('report-entries')} th`).allInnerTexts()).map((column) => column.trim());
  assert.deepEqual(columns, ['类型', '期间', '金额（元）', '事由', '来源', '录入人']);
  const entry = section.entries.find((candidate) => candidate.source === 'manual') ?? section.entries[0];
  const row = page
    .locator(`${where} ${tid('report-entries')} tbody tr`)
    .filter({ hasText: entry.period })
    .first();
  const cells = (await row.locator('td').allInnerTexts()).map((cell) => cell.trim());
  assert.equal(cells[0], entry.kind === 'deduction' ? '扣款' : '奖励');
  assert.equal(cells[2], grouped(entry.amount));
  assert.equal(cells[4], entry.source === 'manual' ? '手工录入' : `建议 #${entry.proposal_id}`);
  assert.equal(cells[5], officeName, 'the person who recorded it by name, not by login');

  // The approved proposal: in the decided proposals, and the entry it wrote names it as its source and is explained
  // by it, without the rule code the ledger's reason carries.
  const decided = audit.contracts.flatMap((item) => item.proposals).find((item) => item.id === deduction.id);
  assert.ok(decided, 'the approved proposal is in the report');
  const proposalRow = page.locator(`${tid('report-proposals')} tbody tr`).filter({ hasText: `建议 #${deduction.id}` });
  const proposalCells = (await proposalRow.first().locator('td').allInnerTexts()).map((cell) => cell.trim());
  assert.deepEqual(proposalCells.slice(0, 4), [`建议 #${deduction.id}`, '扣款', '已批准', grouped(decided.approved_amount ?? decided.amount)]);
  assert.ok(
    audit.contracts.some((item) => item.entries.some((entry) => entry.proposal_id === deduction.id)),
    'the entry the proposal wrote is in the report',
  );
  const entryRow = page.locator(`${tid('report-entries')} tbody tr`).filter({ hasText: `建议 #${deduction.id}` });
  const entryCells = (await entryRow.first().locator('td').allInnerTexts()).map((cell) => cell.trim());
  assert.equal(entryCells[3], decided.explanation['zh-CN']);
  assert.doesNotMatch(entryCells[3], /RP-\d/);
  assert.equal(entryCells[5], leaderName, 'written by the final approval, named by the approver');
  await shoot('18-reports-audit-zh-CN');
});

test('SUP-7 both reports read in English with the same sections and labelled values', async () => {
  await page.locator(tid('locale-en')).click();
  try {
    await runQuality();
    assert.equal(await text(tid('report-title')), `Quality and safety assessment report ${QUALITY_PERIOD}`);
    const shown = await headings();
    for (const heading of ['Overview', 'Assessments', 'Satisfaction surveys', 'Rectifications'])
      assert.ok(shown.includes(heading), `heading ${heading} in ${shown}`);
    const count = quality.summary.contracts;
    assert.equal(await text(tid('report-overview-contracts')), `${count} ${count === 1 ? 'contract' : 'contracts'}`);
    const section = sectionWith(quality, 'assessments');
    const where = tid(`report-section-${section.contract.id}`);
    assert.equal(await text(`${where} ${tid('report-contract-amount')}`), `CNY ${grouped(section.contract.total_amount)}`);
    assert.equal(section.contract.status, 'active', 'the demo contract is in force');
    assert.equal(await text(`${where} ${tid('report-contract-status')}`), 'Active', 'the status in words, not the value active');
    await shoot('18-reports-quality-en');

    await runAudit();
    assert.equal(await text(tid('report-title')), 'Internal audit report on outsourced logistics services');
    assert.match(await text(tid('report-audit-chain')), /^Audit log check: intact, \d+ records checked\.$/);
    assert.equal(await text(tid('report-total-due')), `CNY ${grouped(audit.totals.due)}`);
    const columns = (
      await page
        .locator(`${tid('report-entries')} th`)
        .first()
        .locator('..')
        .locator('th')
        .allInnerTexts()
    ).map((column) => column.trim());
    assert.deepEqual(columns, ['Kind', 'Period', 'Amount (CNY)', 'Reason', 'Source', 'Recorded by']);
    await shoot('18-reports-audit-en');
  } finally {
    await page.locator(tid('locale-zh-CN')).click();
  }
});

test('X-6 neither report shows a field name, enum value or key, in Chinese or in English', async () => {
  const findings = [];
  for (const locale of ['zh-CN', 'en']) {
    await page.locator(tid(`locale-${locale}`)).click();
    for (const run of [runQuality, runAudit]) {
      await run();
      const shown = await page.locator(tid('report-result')).innerText();
      for (const match of shown.matchAll(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+\.[a-z]+\.[a-zA-Z]+\b|\b(?:null|undefined|NaN|true|false)\b|\[object/g)) {
        findings.push(`${locale} ${run.name}: "${match[0]}"`);
      }
      if (locale === 'zh-CN') {
        for (const match of shown.matchAll(/(?<![A-Za-z0-9@._/-])[a-z]{3,}(?![A-Za-z0-9@._/-])/g))
          findings.push(`${locale} ${run.name}: English word "${match[0]}"`);
      }
    }
  }
  await page.locator(tid('locale-zh-CN')).click();
  assert.deepEqual(findings, []);
});

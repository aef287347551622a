// The monthly agent ranking (CC-3) and the top-3 bonus (CC-6, issue 14) through the UI. A call-centre contract of
// vendor1 has three agents whose IDs the vendor opened on the first of last month, and an approved scoring method
// from then (the server's clock stands on that day for those steps). Two months later, with three months of calls
// imported, the office computes the first two months, then opens the 外呼中心 tab's ranking and computes the third:
// the ranking appears, equal totals share a rank, and a click on an agent explains each dimension's points and shows
// their last months. The third top-3 month proposes the bonus, which the office and then leadership approve.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TODAY, dateOfYear, month as monthOf, monthStart } from '../../../server/tests/clock.mjs';
import { apiAs, approveProposalStep, closeAll, go, login, openBrowser, screenshot, startServer, tid } from './helpers.mjs';
import { createStaffContract, idNumber } from './staff-fixtures.mjs';

let server;
let office;
let leader;
let contract;
const MONTHS = [monthOf(-1), monthOf(0), monthOf(1)];
// Totals (targets 100 visits and 36000 s, no attendance or training): 120 -> 60.00, 90 -> 51.00, 75 -> 42.50,
// 60 -> 34.00, 30 -> 17.00, none -> 0. Ranks: 甲 1 1 1 (a streak); 乙 1 4 3; 丙 3 2 4; 丁 4 3 2.
const AGENTS = [
  { name: '坐席甲', agentId: '8201', visits: [120, 120, 120] },
  { name: '坐席乙', agentId: '8202', visits: [120, 30, 60] },
  { name: '坐席丙', agentId: '8203', visits: [30, 90, 30] },
  { name: '坐席丁', agentId: '8204', visits: [0, 75, 90] },
];

const pad = (n) => String(n).padStart(2, '0');
/** A houqin-template CSV: each agent's successful visits of `month` on its 10th, 300 seconds each. */
function callsCsv(index) {
  const month = MONTHS[index];
  const lines = ['工号,被叫号码,开始时间,应答时间,结束时间,通话秒数,结果,话单编号'];
  for (const agent of AGENTS) {
    for (let i = 0; i < agent.visits[index]; i += 1) {
      const minutes = i * 10;
      const at = (extra) => `${month}-10 ${pad(Math.floor(minutes / 60))}:${pad((minutes % 60) + extra)}:00`;
      lines.push(`${agent.agentId},13900000000,${at(0)},${at(0)},${at(5)},300,成功访问,E2E-${agent.agentId}-${month}-${i}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function importCalls(vendorApi, index) {
  const answer = await fetch(`${server.url}/api/v1/contracts/${contract.id}/call-imports`, {
    method: 'POST',
    headers: { Cookie: vendorApi.cookie, 'X-CSRF-Token': vendorApi.csrf, 'Content-Type': 'text/csv', 'X-Filename': `${MONTHS[index]}.csv` },
    body: callsCsv(index),
  });
  const body = await answer.text();
  assert.equal(answer.status, 202, body);
  const queued = JSON.parse(body);
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const seen = await vendorApi.get(`/call-imports/${queued.id}`);
    if (seen.status === 'done') return;
    assert.notEqual(seen.status, 'failed', JSON.stringify(seen.report));
    await new Promise((resolve) => {
      setTimeout(resolve, 100);
    });
  }
  throw new Error('the import did not finish');
}

before(async () => {
  server = await startServer({ name: '34-callcentre-ranking' });
  contract = await createStaffContract('排名', { category: 'callcenter', post: '话务员' });
  const admin = await apiAs('admin');
  for (const year of new Set([...MONTHS, TODAY].map((value) => value.slice(0, 4)))) {
    if ((await admin.status(`/holiday-calendars/${year}`)) === 404) {
      await admin.post(`/holiday-calendars/${year}`, { source: '测试日历', days: [] }, 'PUT');
    }
  }
  const people = [];
  for (const [index, agent] of AGENTS.entries()) {
    people.push(
      await (
        await apiAs('vendor1')
      ).post(`/contracts/${contract.id}/staff`, {
        name: agent.name,
        id_number: idNumber(dateOfYear(-27, '04-05'), 41 + index * 2),
        phone: '13800000041',
        role: 'agent',
        post: '话务员',
        start_date: monthStart(-1),
        end_date: null,
      }),
    );
  }
  // On the first of last month the office asks for the IDs, the vendor opens them, the method is approved.
  await server.restart({ fakeNow: `${monthStart(-1)}T09:00:00+08:00` });
  const officeApi = await apiAs('office');
  const vendorApi = await apiAs('vendor1');
  for (const [index, agent] of AGENTS.entries()) {
    const request = await officeApi.post(`/contracts/${contract.id}/agent-id-requests`, {
      kind: 'open',
      person_id: people[index].id,
      permissions: ['outbound'],
      reason: '新入职话务员需开通外呼工号',
    });
    await vendorApi.post(`/callcentre/agent-id-requests/${request.id}/carry-out`, { agent_id: agent.agentId, effective_on: monthStart(-1) });
  }
  const method = await vendorApi.post(`/contracts/${contract.id}/scoring-methods`, {
    effective_from: MONTHS[0],
    visits_target: 100,
    talk_seconds_target: 36000,
  });
  await vendorApi.post(`/callcentre/scoring-methods/${method.id}/submit`, {});
  await officeApi.post(`/callcentre/scoring-methods/${method.id}/approve`, { note: '同意' });
  // Two months later: three months of calls; the first two months computed.
  await server.restart({ fakeNow: `${monthStart(2)}T10:00:00+08:00` });
  const vendorLater = await apiAs('vendor1');
  for (const index of [0, 1, 2]) await importCalls(vendorLater, index);
  const officeLater = await apiAs('office');
  for (const month of MONTHS.slice(0, 2)) await officeLater.post(`/contracts/${contract.id}/agent-scores/${month}/compute`, {});
  office = await openBrowser();
  leader = await openBrowser();
});

after(async () => {
  try {
    await closeAll(office, leader);
  } finally {
    await server?.stop();
  }
});

test("CC-3 the office computes the month; the ranking appears with ties sharing a rank, and an agent's score explains itself with their last months", async () => {
  const page = office.page;
  await login(page, 'office');
  await go(page, `/contracts/${contract.id}`);
  await page.locator(tid('contract-title')).getByText(contract.title).waitFor();
  await page.locator(tid('contract-tab-callcentre')).click();
  await page.locator(tid('callcentre-tab-ranking')).click();
  await page.locator(tid('ranking')).waitFor();
  // The picker opens on last month by the browser's clock (the server's, two months on): the third month.
  await page.locator(tid('ranking-status')).getByText('尚未计算').waitFor();
  await page.locator(tid('ranking-compute')).click();
  await page.locator('.el-message--success', { hasText: '奖励建议' }).first().waitFor();
  await page.locator(tid('ranking-status')).getByText('考核办法第 1 版').waitFor();
  const table = await page.locator(tid('ranking-list')).innerText();
  assert.match(table, /第 1 名[\s\S]*坐席甲[\s\S]*60\.00/);
  assert.match(table, /坐席甲[\s\S]*坐席丁[\s\S]*51\.00[\s\S]*坐席乙[\s\S]*34\.00[\s\S]*坐席丙[\s\S]*17\.00/);
  assert.ok(!/discipline|talk_time|visits\b/.test(table), 'no codes on screen');
  await screenshot(page, '34-callcentre-ranking');

  await page.locator(tid(`ranking-agent-${await firstPersonId(page)}`)).click();
  const dialog = page.locator(tid('ranking-detail'));
  await dialog.waitFor();
  assert.match(await dialog.locator(tid('ranking-summary')).innerText(), /60\.00 分,第 1 名|60\.00 分，第 1 名/);
  assert.match(await dialog.locator(tid('ranking-why-visits')).innerText(), /120/);
  assert.match(await dialog.locator(tid('ranking-points-visits')).innerText(), /40\.00 \/ 40\.00/);
  await dialog.locator(tid('ranking-chart')).waitFor();
  await screenshot(page, '34-callcentre-ranking-explained');
  await dialog.locator('.el-dialog__headerbtn').click();
});

async function firstPersonId(page) {
  const link = page.locator(`${tid('ranking-list')} [data-test^="ranking-agent-"]`).first();
  return (await link.getAttribute('data-test')).replace('ranking-agent-', '');
}

test("CC-6 the third top-3 month proposes the agent's bonus with the three months as evidence; the office and then leadership approve it", async () => {
  const page = office.page;
  const list = await (await apiAs('office')).get(`/proposals?contract_id=${contract.id}`);
  const bonus = list.items.find((item) => item.rule === 'CC-6');
  assert.ok(bonus, 'a bonus proposal');
  assert.equal(list.items.filter((item) => item.rule === 'CC-6').length, 1, 'one streak, one proposal');
  await go(page, `/proposals/${bonus.id}`);
  await page.locator(`${tid('proposal-status')}[data-status="pending_office"]`).waitFor();
  const text = await page.locator('body').innerText();
  assert.match(text, /坐席甲/);
  assert.match(text, /坐席月度得分/);
  await screenshot(page, '34-callcentre-bonus-proposal');
  await approveProposalStep(page, '建议发放一次性奖励', 'pending_leadership');

  await login(leader.page, 'leader');
  await go(leader.page, `/proposals/${bonus.id}`);
  await approveProposalStep(leader.page, '同意', 'approved');
  await screenshot(leader.page, '34-callcentre-bonus-approved');
});

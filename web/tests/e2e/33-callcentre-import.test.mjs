// Call-record imports (CC-8, issue 14) through the UI. The vendor opens its call-centre contract's 外呼中心 tab, chooses
// the Asterisk layout and uploads last month's Master.csv; the import runs in the background with its progress shown,
// and the report shows the calls added and each agent ID's totals, in words. A file with a wrong row is imported not
// at all, and its report names the row and the column.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addDays, monthStart } from '../../../server/tests/clock.mjs';
import { closeAll, expectCount, go, login, openBrowser, screenshot, startServer, tid } from './helpers.mjs';
import { createStaffContract } from './staff-fixtures.mjs';

let server;
let vendor;
let contract;
const FIRST = monthStart(-1);
const AGENTS = ['8001', '8002', '8003', '8004', '8005', '8006'];

const pad = (n) => String(n).padStart(2, '0');
const at = (day, seconds) => {
  const total = 9 * 3600 + seconds;
  return `${day} ${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
};

/** A month of Asterisk records (17 columns with uniqueid) and its calls per agent ID. */
function month({ agents = AGENTS, perDay = 30, spacing = 900, prefix = 'e2e' } = {}) {
  const lines = [];
  const calls = {};
  let serial = 0;
  for (let day = 0; day < 28; day += 1) {
    const date = addDays(FIRST, day);
    for (const agent of agents) {
      for (let k = 0; k < perDay; k += 1) {
        serial += 1;
        const answered = serial % 4 !== 0;
        const billsec = answered ? 20 + (serial % 9) * 7 : 0;
        const start = k * spacing;
        lines.push(
          [
            agent,
            '02088886666',
            `13900${pad(serial % 100)}${pad(k)}${pad(day)}`,
            'from-internal',
            agent,
            `SIP/${agent}-${serial}`,
            'SIP/trunk-1',
            'Dial',
            'SIP/trunk',
            at(date, start),
            answered ? at(date, start + 4) : '',
            at(date, start + 4 + billsec),
            4 + billsec,
            billsec,
            answered ? 'ANSWERED' : 'NO ANSWER',
            'DOCUMENTATION',
            `${prefix}${serial}.${agent}`,
          ].join(','),
        );
        calls[agent] = (calls[agent] ?? 0) + 1;
      }
    }
  }
  return { text: `${lines.join('\n')}\n`, calls, total: serial };
}

before(async () => {
  server = await startServer({ name: '33-callcentre-import' });
  contract = await createStaffContract('话单', { category: 'callcenter', post: '话务员' });
  vendor = await openBrowser();
});

after(async () => {
  try {
    await closeAll(vendor);
  } finally {
    await server?.stop();
  }
});

async function openImports(page) {
  await go(page, `/contracts/${contract.id}`);
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contract.title).waitFor();
  await page.locator(tid('contract-tab-callcentre')).click();
  await page.locator(tid('callcentre-tab-imports')).click();
  await page.locator(tid('call-imports')).waitFor();
}

async function chooseAsterisk(page) {
  await page.locator(tid('call-import-layout')).click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'Asterisk Master.csv' }).first().click();
}

test('CC-8 the vendor imports a month of calls: the progress is shown and the report gives the totals per agent ID', async () => {
  const page = vendor.page;
  await login(page, 'vendor1');
  await openImports(page);
  const file = month();
  await chooseAsterisk(page);
  await page.locator(tid('call-import-file')).setInputFiles({ name: 'Master.csv', mimeType: 'text/csv', buffer: Buffer.from(file.text) });
  await page.locator(tid('call-import-upload')).click();
  const row = page.locator(`${tid('call-import-list')} tbody tr`).first();
  await row.getByText('Master.csv', { exact: true }).waitFor();
  // The progress bar is there while it runs and reads 100% when done.
  const progress = row.locator('[data-test^="call-import-progress-"]');
  await progress.waitFor();
  await row.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  assert.equal(await progress.getAttribute('aria-valuenow'), '100');
  assert.match(await row.innerText(), /已导入/);
  const report = page.locator(tid('call-import-report'));
  await report.waitFor();
  assert.equal((await page.locator(tid('call-import-added')).innerText()).replace(/,/g, ''), String(file.total));
  for (const agent of AGENTS) {
    assert.equal(await page.locator(tid(`call-import-agent-calls-${agent}`)).innerText(), String(file.calls[agent]));
  }
  const text = await report.innerText();
  assert.match(text, /按工号统计/);
  assert.match(text, /不在外呼号码登记中/, 'calls from a number outside the register are listed');
  assert.ok(!/\bANSWERED\b|not_answered|asterisk\b|row\.\d+/.test(text), 'words, not codes');
  await page.locator(tid('call-import-agents')).scrollIntoViewIfNeeded();
  await screenshot(page, '33-callcentre-import-done');
});

test('CC-8 a file with a wrong row imports nothing; the report names the row and the column in words', async () => {
  const page = vendor.page;
  await openImports(page);
  const lines = month().text.trim().split('\n').slice(0, 20);
  const cells = lines[11].split(',');
  cells[13] = 'abc';
  lines[11] = cells.join(',');
  await chooseAsterisk(page);
  await page.locator(tid('call-import-file')).setInputFiles({ name: 'Master-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
  await page.locator(tid('call-import-upload')).click();
  const row = page.locator(`${tid('call-import-list')} tbody tr`).first();
  await row.getByText('Master-bad.csv', { exact: true }).waitFor();
  await row.locator('[data-status="failed"]').waitFor({ timeout: 60_000 });
  await row.click();
  const errors = page.locator(tid('call-import-errors'));
  await errors.waitFor();
  assert.match(await errors.innerText(), /第 12 行第 14 列“billsec”\(通话秒数\)/);
  assert.match(await page.locator(tid('call-import-message')).innerText(), /未导入任何话单/);
  await screenshot(page, '33-callcentre-import-refused');

  // A large file of another layout (the houqin template, Asterisk chosen) is refused once its first part is in, not
  // after all of it has gone up, and nothing is queued.
  const rowsBefore = await page.locator(`${tid('call-import-list')} tbody tr`).count();
  const template = '工号,被叫号码,开始时间,应答时间,结束时间,通话秒数,结果\n';
  const templateRow = `8001,13900000000,${FIRST} 09:00:00,,${FIRST} 09:00:30,0,未接通\n`;
  const wrongLayout = Buffer.from(template + templateRow.repeat(Math.ceil((9 * 1024 * 1024) / templateRow.length)));
  await chooseAsterisk(page);
  await page.locator(tid('call-import-file')).setInputFiles({ name: 'Master-big.csv', mimeType: 'text/csv', buffer: wrongLayout }, { timeout: 60_000 });
  await page.locator(tid('call-import-upload')).click();
  const refusal = page.locator(tid('call-import-refusal'));
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /所选格式是 ?Asterisk.*但文件是 ?后勤话单模板/);
  await expectCount(page.locator(`${tid('call-import-list')} tbody tr`), rowsBefore, 'nothing was queued');
});

const sleep = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

test("CC-8 a month's file above 15 MB goes up from the browser in parts, with its progress, and can be stopped", async () => {
  const page = vendor.page;
  await openImports(page);
  const agents = Array.from({ length: 48 }, (_, index) => String(8100 + index));
  const file = month({ agents, perDay: 70, spacing: 600, prefix: 'big' });
  const buffer = Buffer.from(file.text);
  assert.ok(buffer.length > 16 * 1024 * 1024, `${buffer.length} bytes`);
  // Each part waits a moment on its way, as over a slow line, so the upload's progress can be read.
  let parts = 0;
  await page.route('**/api/v1/call-uploads/*/parts*', async (route) => {
    parts += 1;
    await sleep(800);
    await route.continue();
  });
  const rowsBefore = await page.locator(`${tid('call-import-list')} tbody tr`).count();
  await chooseAsterisk(page);
  await page.locator(tid('call-import-file')).setInputFiles({ name: 'Master-month.csv', mimeType: 'text/csv', buffer }, { timeout: 60_000 });
  // Stopped on the way: nothing is queued, and the refusal says nothing was written.
  await page.locator(tid('call-import-upload')).click();
  const sent = page.locator(tid('call-upload-sent'));
  await sent.waitFor();
  const totalMb = (buffer.length / 1024 / 1024).toFixed(0);
  assert.match(await sent.innerText(), new RegExp(`已上传 [\\d.]+ / ${totalMb} MB`));
  await page.locator(tid('call-upload-stop')).click();
  const refusal = page.locator(tid('call-import-refusal'));
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /已取消/);
  await expectCount(page.locator(`${tid('call-import-list')} tbody tr`), rowsBefore, 'a stopped upload queues nothing');
  // Sent again to the end: the progress moves part by part, then the month imports whole.
  parts = 0;
  await page.locator(tid('call-import-upload')).click();
  await page.waitForFunction((selector) => /已上传 (8|9|1\d)[\d.]* \//.test(document.querySelector(selector)?.textContent ?? ''), tid('call-upload-sent'), {
    timeout: 30_000,
  });
  await screenshot(page, '33-callcentre-import-parts');
  const row = page.locator(`${tid('call-import-list')} tbody tr`).first();
  await row.getByText('Master-month.csv', { exact: true }).waitFor({ timeout: 60_000 });
  await row.locator('[data-status="done"]').waitFor({ timeout: 120_000 });
  await row.click();
  assert.equal((await page.locator(tid('call-import-added')).innerText()).replace(/,/g, ''), String(file.total));
  assert.equal(parts, Math.ceil(buffer.length / (8 * 1024 * 1024)), 'one request per 8 MB part');
  await page.unrouteAll();
});

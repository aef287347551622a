// The user guides (docs/guide, issue 12): each role's guide promises pages the role can open, and 帮助 in the header
// opens that role's own guide. The same walk takes the guides' pictures: in build/e2e-artifacts/guide on every run, and
// into docs/guide/img when GUIDE_SCREENSHOTS=1 (docs/guide/README.md says when to refresh them). Pictures are of the
// visible window at 1440x900, in Chinese, on the demo data.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS, apiAs, closeAll, go, openBrowserAs, startServer, tid } from './helpers.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PICTURES = process.env.GUIDE_SCREENSHOTS === '1' ? join(repoRoot, 'docs/guide/img') : join(ARTIFACTS, 'guide');

let server;
const browsers = [];

before(async () => {
  server = await startServer({ name: '20-guide' });
  mkdirSync(PICTURES, { recursive: true });
  // The reviewers' guides show a contract waiting for their review: the office submits one of the demo's drafts.
  const office = await apiAs('office');
  const drafts = await office.get('/contracts?status=draft&page_size=50');
  assert.ok(drafts.items.length > 0, 'the demo has a draft contract');
  await office.post(`/contracts/${drafts.items[0].id}/submit`);
});

after(async () => {
  try {
    await closeAll(...browsers);
  } finally {
    await server?.stop();
  }
});

// Each role's browser closes with its test, so one Chromium of this file is open at a time.
afterEach(async () => {
  await closeAll(...browsers.splice(0));
});

/** A browser of the user's own, closed when the test ends. */
async function as(username) {
  const browser = await openBrowserAs(username);
  browsers.push(browser);
  return browser.page;
}

/**
 * The guide's picture `<name>.png` of what the page shows now (the window, not the whole page), once the network is
 * quiet. A page with a PDF frame is never quiet (the browser's viewer keeps a connection of its own): its caller waits
 * for the file itself and passes `quiet: false`.
 */
async function picture(page, name, { quiet = true } = {}) {
  if (quiet) await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(PICTURES, `${name}.png`) });
}

/** The page has no refusal or missing-page message. */
async function assertOpened(page, what) {
  const hash = new URL(page.url()).hash;
  assert.ok(!hash.startsWith('#/403') && !hash.startsWith('#/404'), `${what} opened, not ${hash}`);
}

/** 帮助 opens this role's own guide, in Chinese, with its title. */
async function assertHelpOpensOwnGuide(page, role) {
  await page.locator(tid('help-link')).click();
  const guide = page.locator(tid('help-guide'));
  await guide.waitFor();
  assert.equal(await guide.getAttribute('data-role'), role, `帮助 opens the ${role} guide`);
  assert.match(await guide.locator('h1').first().innerText(), /[\u4e00-\u9fff]/, 'the guide is in Chinese');
}

/** The to-do page, as every role lands on it. */
async function inbox(page, role) {
  await go(page, '/inbox');
  await page.locator(tid('inbox-summary')).waitFor();
  await assertOpened(page, `${role}'s to-do page`);
  await picture(page, `${role}-inbox`);
}

test('ROLE-2 the office guide: its to-do page, a project with its procurement route and a proposal with its evidence', async () => {
  const page = await as('office');
  await inbox(page, 'office');
  const office = await apiAs('office');
  const projects = await office.get('/projects?page=1&page_size=20');
  const project = projects.items.find((item) => item.status !== 'draft') ?? projects.items[0];
  await go(page, `/projects/${project.id}`);
  await page.locator(tid('project-detail')).waitFor();
  await assertOpened(page, 'a project');
  await picture(page, 'office-project');
  const proposals = await office.get('/proposals?page=1&page_size=20');
  assert.ok(proposals.items.length > 0, 'the demo has proposals');
  await go(page, `/proposals/${proposals.items[0].id}`);
  await page.locator(tid('proposal-detail')).waitFor();
  await picture(page, 'office-proposal');
  await assertHelpOpensOwnGuide(page, 'office');
});

test('ROLE-3 the leadership guide: the to-do page with the project to approve, and a proposal', async () => {
  const page = await as('leader');
  await inbox(page, 'leadership');
  const leader = await apiAs('leader');
  const proposals = await leader.get('/proposals?page=1&page_size=20');
  await go(page, `/proposals/${proposals.items[0].id}`);
  await page.locator(tid('proposal-detail')).waitFor();
  await picture(page, 'leadership-proposal');
  await assertHelpOpensOwnGuide(page, 'leadership');
});

test('ROLE-4 the discipline inspection guide: one contract’s whole audit trail', async () => {
  const page = await as('jiwei');
  await inbox(page, 'discipline');
  const jiwei = await apiAs('jiwei');
  const contracts = await jiwei.get('/contracts?page=1&page_size=20&status=active');
  await go(page, `/audit?entity=contract&entity_id=${contracts.items[0].id}`);
  const rows = page.locator(`${tid('audit-table')} tbody tr`);
  await rows.first().waitFor();
  assert.ok((await rows.count()) > 0, 'the contract has audit records');
  await picture(page, 'discipline-audit');
  await assertHelpOpensOwnGuide(page, 'discipline');
});

test('ROLE-5 the judicial guide: the contract waiting for legal review, on its review tab', async () => {
  const page = await as('sifa');
  await inbox(page, 'judicial');
  await page.locator(tid('inbox-group-contract_review')).waitFor();
  const sifa = await apiAs('sifa');
  const waiting = (await sifa.get('/inbox')).items.find((item) => item.kind === 'contract_review');
  assert.ok(waiting, 'the demo has a contract waiting for legal review');
  await go(page, `/contracts/${waiting.object_id}`);
  await page.locator(tid('contract-detail')).waitFor();
  // The review tab previews the contract's PDF in a frame: the picture (and the move to the guide after it) waits
  // until the browser has the whole file, however long the server takes to typeset it, not for a quiet network,
  // which a PDF frame never gives.
  const preview = page.waitForResponse((response) => response.url().includes('/document.pdf'), { timeout: 60_000 });
  await page.locator(tid('contract-tab-reviews')).click();
  await page.locator(tid('contract-reviews')).waitFor();
  const pdf = await preview;
  assert.equal(pdf.status(), 200, 'the preview frame gets the contract as a PDF');
  await pdf.finished();
  await picture(page, 'judicial-review', { quiet: false });
  await assertHelpOpensOwnGuide(page, 'judicial');
});

test('ROLE-6 the party-government office guide: its to-do page', async () => {
  const page = await as('dangzheng');
  await inbox(page, 'party_office');
  await page.locator(tid('inbox-group-contract_review')).waitFor();
  await assertHelpOpensOwnGuide(page, 'party_office');
});

test('ROLE-7 the department guide: its to-do page and a survey to answer', async () => {
  const page = await as('dept');
  await inbox(page, 'department');
  const dept = await apiAs('dept');
  const waiting = (await dept.get('/inbox')).items.find((item) => item.kind === 'survey_answer');
  assert.ok(waiting, 'the demo has a survey waiting for the department');
  await go(page, `/surveys/${waiting.object_id}/answer`);
  await page.locator(tid('survey-answer')).waitFor();
  await picture(page, 'department-survey');
  await assertHelpOpensOwnGuide(page, 'department');
});

test('ROLE-8 the vendor guide: its to-do page and an assessment it may appeal', async () => {
  const page = await as('vendor1');
  await inbox(page, 'vendor');
  const vendor = await apiAs('vendor1');
  const assessments = await vendor.get('/assessments?page=1&page_size=20');
  assert.ok(assessments.items.length > 0, 'the demo has assessments of vendor1');
  await go(page, `/assessments/${assessments.items[0].id}`);
  await page.locator(tid('assessment-detail')).waitFor();
  await picture(page, 'vendor-assessment');
  await assertHelpOpensOwnGuide(page, 'vendor');
});

test('ROLE-1 the administrator guide: users and settings', async () => {
  const page = await as('admin');
  await go(page, '/system/users');
  await page
    .locator(`${tid('user-table')} tbody tr`)
    .first()
    .waitFor();
  await assertOpened(page, 'users');
  await picture(page, 'admin-users');
  await go(page, '/system/settings');
  await page
    .locator(`${tid('setting-table')} tbody tr`)
    .first()
    .waitFor();
  await picture(page, 'admin-settings');
  await assertHelpOpensOwnGuide(page, 'admin');
});

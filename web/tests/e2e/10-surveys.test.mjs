// SUP-4: the office opens a named satisfaction survey in the UI, three department users answer it in their own
// browsers, the office reads the rate with its stated formula, and nobody answers twice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { contractCode } from '../../../server/tests/clock.mjs';
import { BASE_URL, apiAs, closeAll, expectCount, go, openBrowserAs, pickRemote, screenshot, startServer, tid, uniqueSuffix } from './helpers.mjs';

// The demo's contract in force, created under the test clock.
const CONTRACT_CODE = contractCode(1);
const suffix = uniqueSuffix();
const TITLE = `机关保洁服务满意度测评（实名）${suffix}`;
// Two of three count as satisfied: 2 / 3 = 66.66% (floored, so it never reads as more than it is).
const ANSWERS = [
  { user: 'dept', rating: 'satisfied', label: '满意', stars: 4, comment: `会议室茶水服务及时（${suffix}）` },
  { user: 'dept2', rating: 'very_satisfied', label: '非常满意', stars: 5, comment: '' },
  { user: 'dept3', rating: 'dissatisfied', label: '不满意', stars: 2, comment: `周末卫生间无人保洁（${suffix}）` },
];

let server;
let office;
let page;
let surveyId;
const browsers = {};

before(async () => {
  server = await startServer({ name: '10-surveys' });
  office = await openBrowserAs('office');
  page = office.page;
});

after(async () => {
  try {
    await closeAll(Object.values(browsers), office);
  } finally {
    await server?.stop();
  }
});

/** The survey's row in a survey list, found by its title. */
const surveyRow = (where) => where.locator(`${tid('survey-table')} tbody tr`, { hasText: TITLE });

test('SUP-4 the office opens a named survey on the active contract from the template', async () => {
  await page.locator(tid('menu-surveys')).click();
  await page.locator(tid('survey-table')).waitFor();
  await page.locator(tid('survey-create')).click();
  const dialog = page.locator(tid('survey-dialog'));
  await dialog.waitFor();
  await pickRemote(page, 'survey-contract', CONTRACT_CODE);
  // The template's questions are offered in Chinese, and the title is suggested from the contract and period.
  await page.locator(tid('survey-question-text-0')).waitFor();
  assert.equal(await page.locator(tid('survey-question-text-0')).inputValue(), '服务态度');
  await page.waitForFunction((selector) => document.querySelector(selector)?.value.includes('服务满意度测评'), tid('survey-title'));
  await page.locator(tid('survey-title')).fill(TITLE);
  // Named: the results list who answered.
  await page.locator(tid('survey-anonymous')).click();
  assert.match(await dialog.innerText(), /实名：结果中列出填写人/);
  await screenshot(page, '10-survey-create');
  await page.locator(tid('survey-save')).click();
  await dialog.waitFor({ state: 'hidden' });

  await page.locator(tid('survey-results')).waitFor();
  await page.locator(`${tid('survey-title-text')}:text-is("${TITLE}")`).waitFor();
  surveyId = Number(page.url().match(/#\/surveys\/(\d+)/)?.[1]);
  assert.ok(surveyId > 0, `the results page address has the id: ${page.url()}`);
  assert.equal(await page.locator(tid('survey-status')).getAttribute('data-status'), 'open');
  await expectCount(page.locator(tid('survey-anonymous-tag')), 0);
  assert.equal((await page.locator(tid('survey-answer-count')).innerText()).trim(), '0');
});

test('SUP-4 three department users answer it in their own browsers', async () => {
  for (const answer of ANSWERS) {
    browsers[answer.user] = await openBrowserAs(answer.user);
    const dept = browsers[answer.user].page;
    await dept.locator(tid('menu-surveys')).click();
    // Department users start on 待我填写: the new survey waits there.
    await dept.locator(`${tid('survey-view-pending')}.is-active`).waitFor();
    const row = surveyRow(dept);
    await row.waitFor();
    await row.locator(tid(`survey-answer-${surveyId}`)).click();

    await dept.locator(tid('survey-answer')).waitFor();
    await dept.locator(`${tid('survey-title-text')}:text-is("${TITLE}")`).waitFor();
    assert.match(await dept.locator(tid('survey-named-note')).innerText(), /实名测评/);
    await dept.locator(tid(`survey-rating-${answer.rating}`)).click();
    await dept
      .locator(`${tid('survey-question-attitude')} .el-rate__item`)
      .nth(answer.stars - 1)
      .click();
    await dept
      .locator(`${tid('survey-question-quality')} .el-rate__item`)
      .nth(answer.stars - 1)
      .click();
    if (answer.comment) await dept.locator(tid('survey-comment')).fill(answer.comment);
    if (answer.user === 'dept') await screenshot(dept, '10-survey-answer');
    await dept.locator(tid('survey-submit')).click();
    await dept.locator(tid('survey-answer-done')).waitFor();
  }
});

test('SUP-4 the office sees 2 satisfied of 3 valid answers = 66.66% and the formula', async () => {
  await page.reload();
  await page.locator(tid('survey-rate')).waitFor();
  assert.equal((await page.locator(tid('survey-answer-count')).innerText()).trim(), '3');
  assert.equal((await page.locator(tid('survey-rate')).innerText()).trim(), '66.66%');
  assert.equal(await page.locator(tid('survey-rate')).getAttribute('data-rate'), '66.66%');
  assert.equal((await page.locator(tid('survey-rate-parts')).innerText()).trim(), '满意 2 / 有效答卷 3');
  assert.match(await page.locator(tid('survey-formula')).innerText(), /满意率\s*=\s*[(（]\s*非常满意\s*\+\s*满意\s*\+\s*基本满意\s*[)）]\s*÷\s*有效答卷数/);
  const count = async (rating) => (await page.locator(tid(`survey-count-${rating}`)).innerText()).trim();
  assert.equal(await count('very_satisfied'), '1');
  assert.equal(await count('satisfied'), '1');
  assert.equal(await count('basically_satisfied'), '0');
  assert.equal(await count('dissatisfied'), '1');
  // Averages of the star questions: (4 + 5 + 2) / 3.
  assert.match(await page.locator(tid('survey-average-attitude')).innerText(), /^3\.7/);
  const comments = await page.locator(tid('survey-comments')).innerText();
  assert.match(comments, new RegExp(`会议室茶水服务及时（${suffix}）`));
  assert.match(comments, new RegExp(`周末卫生间无人保洁（${suffix}）`));
  // A named survey lists who answered.
  const respondents = await page.locator(tid('survey-respondents')).innerText();
  for (const name of ['刘干事(社会事务办)', '孙会计(财政所)', '吴干事(社会事务办)']) assert.ok(respondents.includes(name), `${name} is listed`);
  await page
    .locator(`${tid('survey-chart')} canvas`)
    .first()
    .waitFor();
  await screenshot(page, '10-survey-results');
});

test('SUP-4 a second answer by the same user is not possible', async () => {
  const dept = browsers.dept.page;
  // 待我填写 lists what the server says dept may still answer (loaded: those rows, or the empty table), not ours.
  const pending = (await (await apiAs('dept')).get('/surveys?mine=pending&page_size=20')).items;
  assert.ok(!pending.some((row) => row.id === surveyId), 'the server no longer lists it as pending for dept');
  await go(dept, '/surveys?mine=pending');
  const table = dept.locator(tid('survey-table'));
  await table.waitFor();
  if (pending.length > 0) await table.locator('tbody tr', { hasText: pending[0].title }).first().waitFor();
  else await table.locator('.el-table__empty-text').waitFor();
  await expectCount(table.locator('tbody tr.el-table__row'), pending.length);
  await expectCount(surveyRow(dept), 0, 'no longer waiting in 待我填写');
  await dept.locator(tid('survey-view-all')).click();
  const row = surveyRow(dept);
  await row.waitFor();
  assert.equal(await row.locator(tid(`survey-answered-${surveyId}`)).getAttribute('data-answered'), 'true');
  assert.match(await row.innerText(), /已填写/);
  await expectCount(row.locator(tid(`survey-answer-${surveyId}`)), 0, 'the 填写 button is gone');
  await screenshot(dept, '10-survey-answered-list');

  // Opening the answer page by its address says so instead of offering the form.
  await go(dept, `/surveys/${surveyId}/answer`);
  await dept.locator(tid('survey-answer-already')).waitFor();
  assert.match(await dept.locator(tid('survey-answer-already')).innerText(), /您已填写过本次测评/);
  await expectCount(dept.locator(tid('survey-submit')), 0);
  await screenshot(dept, '10-survey-answer-already');

  // And the server refuses it too (409), leaving three answers.
  const api = await apiAs('dept');
  const refused = await fetch(`${BASE_URL}/api/v1/surveys/${surveyId}/answers`, {
    method: 'POST',
    headers: { Cookie: api.cookie, 'X-CSRF-Token': api.csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify({ rating: 'dissatisfied', answers: {}, comment: '' }),
  });
  assert.equal(refused.status, 409);
  assert.equal((await (await apiAs('office')).get(`/surveys/${surveyId}`)).answer_count, 3);
});

// Satisfaction surveys (SUP-4): opening one from the default questionnaire, department users answering once, the
// rate by the stated formula, anonymity down to the database, and a low rate proposing termination (RP-3);
// docs/api.md "Satisfaction surveys". Surveys run on a contract in force made here (vendor1's vendor, from ten months
// ago to next month), so the demo's own surveys and proposals do not get in the way; a test that looks for the
// proposals of a contract makes a contract of its own. Besides the demo department user `dept`, the administrator
// creates five more department users in the same town (X-7), so a survey can have enough answers for a known rate. The
// server runs on the test clock (server/tests/clock.mjs): surveys are of this month and close in twelve days.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, FAKE_TODAY, contractFixtures, createActiveContract, engine, expectError, expectStatus, listAll, setupDemo,
    uniqueSuffix, validContent,
} from './harness.mjs';
import { day, month, monthStart, year } from '../clock.mjs';

const CLOSES_ON = day(12);
const PERIOD = month(0);

let demo;
let office;
let admin;
let leader;
let jiwei;
let dept;
let vendor1;
let vendor2;
let template;
let CONTRACT; // the contract in force the surveys are about
let VENDOR; // its vendor (vendor1's)
let DRAFT; // a draft contract
/** Makes another contract in force for vendor1's vendor; returns its id. */
let newContract;
/** Five more department users of 九江镇 (logged-in clients), made by the administrator. */
let respondents = [];
/** Their usernames and passwords, in the same order. */
let credentials = [];

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    leader = await demo.as('leader');
    jiwei = await demo.as('jiwei');
    dept = await demo.as('dept');
    vendor1 = await demo.as('vendor1');
    vendor2 = await demo.as('vendor2');
    template = expectStatus(await office.get('/survey-template'), 200).body;
    const fx = await contractFixtures(demo, office);
    const content = () => validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: monthStart(-10),
    });
    const clients = { office, sifa: await demo.as('sifa'), dangzheng: await demo.as('dangzheng') };
    newContract = async () => (await createActiveContract(clients, content())).id;
    CONTRACT = await newContract();
    VENDOR = fx.ownVendor.id;
    DRAFT = expectStatus(await office.post('/contracts', content()), 201, 'draft contract').body.id;

    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const town = orgs.find((org) => org.name === '九江镇');
    const finance = orgs.find((org) => org.name === '财政所' && org.parent_id === town.id && org.kind === 'department');
    assert.ok(finance, 'the demo department 财政所 of 九江镇');
    for (let i = 1; i <= 5; i += 1) {
        const username = `cz${i}${uniqueSuffix().toLowerCase()}`;
        const password = `Caizheng${i}pass`;
        const user = expectStatus(await admin.post('/users', {
            username, display_name: `财政所干部${i}`, password, role: 'department', org_id: finance.id,
        }), 201, `department user ${i}`).body;
        assert.equal(user.role, 'department');
        const client = await demo.as({ username, password });
        respondents.push(client);
        credentials.push({ username, password });
    }
});

function surveyBody(overrides = {}) {
    return {
        contract_id: CONTRACT, period: PERIOD, title: `${PERIOD} 保洁绿化服务满意度测评(${uniqueSuffix()})`,
        anonymous: false, closes_on: CLOSES_ON, ...overrides,
    };
}

async function open(overrides = {}) {
    return expectStatus(await office.post('/surveys', surveyBody(overrides)), 201, 'open survey').body;
}

async function answer(client, id, rating, extra = {}) {
    return expectStatus(await client.post(`/surveys/${id}/answers`, { rating, answers: {}, comment: '', ...extra }), 201, `answer ${rating}`);
}

async function surveyCount() {
    return expectStatus(await office.get('/surveys', { query: { page_size: 1 } }), 200).body.total;
}

async function auditTotal() {
    return expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.total;
}

async function satisfactionProposals(contractId = CONTRACT) {
    return (await listAll(office, '/proposals', { contract_id: contractId, kind: 'termination' }))
        .filter((proposal) => proposal.rule === 'RP-3/satisfaction');
}

// ---------------------------------------------------------------------------------------------------------------

test('SUP-4 the office opens a survey; without questions it gets the default questionnaire of /survey-template', async () => {
    assert.deepEqual(
        template.rating_options.map((option) => option.code),
        ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'],
    );
    assert.ok(template.questions.length > 0);
    for (const question of template.questions) {
        assert.match(question.key, /^[a-z0-9_]+$/);
        assert.ok(['rating', 'text'].includes(question.kind));
        assert.match(question.text['zh-CN'], /[\u4e00-\u9fff]/);
    }
    expectStatus(await dept.get('/survey-template'), 200, 'departments read the template too');

    const before = await surveyCount();
    const survey = await open();
    assert.equal(await surveyCount(), before + 1);
    assert.equal(survey.status, 'open');
    assert.equal(survey.contract_id, CONTRACT);
    assert.equal(survey.vendor_id, VENDOR);
    assert.equal(survey.period, PERIOD);
    assert.equal(survey.anonymous, false);
    assert.equal(survey.opens_on, FAKE_TODAY);
    assert.equal(survey.closes_on, CLOSES_ON);
    assert.equal(survey.answer_count, 0);
    assert.deepEqual(
        survey.questions.map((question) => [question.key, question.kind, question.text]),
        template.questions.map((question) => [question.key, question.kind, question.text['zh-CN']]),
    );
    // Nobody answered yet: counts are zero and there is no rate.
    assert.equal(survey.results.valid, 0);
    assert.equal(survey.results.rate, null, 'a survey without answers has no rate');
    assert.deepEqual(survey.results.counts, { very_satisfied: 0, satisfied: 0, basically_satisfied: 0, dissatisfied: 0 });

    // Own questions replace the default ones.
    const custom = await open({
        questions: [{ key: 'cleanliness', text: '办公区整洁程度', kind: 'rating' }, { key: 'advice', text: '改进建议', kind: 'text' }],
    });
    assert.deepEqual(custom.questions.map((question) => question.key), ['cleanliness', 'advice']);

    // Refusals write nothing.
    const count = await surveyCount();
    const audit = await auditTotal();
    expectError(await office.post('/surveys', surveyBody({ closes_on: day(-1) })), 400, 'InvalidArgument', 'closes_on');
    expectError(await office.post('/surveys', surveyBody({ period: `${year(0)}-13` })), 400, 'InvalidArgument', 'period');
    expectError(await office.post('/surveys', surveyBody({ title: '' })), 400, 'InvalidArgument', 'title');
    expectError(
        await office.post('/surveys', surveyBody({ questions: [{ key: 'Bad Key', text: '问题', kind: 'rating' }] })),
        400, 'InvalidArgument', 'questions[0].key',
    );
    expectError(
        await office.post('/surveys', surveyBody({ questions: [{ key: 'q', text: '问题', kind: 'rating' }, { key: 'q', text: '重复', kind: 'text' }] })),
        400, 'InvalidArgument', 'questions[1].key',
    );
    expectError(await office.post('/surveys', surveyBody({ contract_id: DRAFT })), 409, 'FailedPrecondition');
    for (const client of [dept, vendor1, leader, jiwei]) {
        expectError(await client.post('/surveys', surveyBody()), 403, 'PermissionDenied');
        expectError(await client.post('/surveys', {}), 403, 'PermissionDenied');
    }
    assert.equal(await surveyCount(), count, 'no refused survey was stored');
    assert.equal(await auditTotal(), audit, 'refusals leave no audit entries');
});

test('SUP-4 anyone without survey:answer or supervision:read cannot list surveys; a new Client without a session gets 401', async () => {
    const anonymous = new Client(demo.server.url);
    expectError(await anonymous.get('/surveys'), 401, 'Unauthenticated');
    const sifa = await demo.as('sifa');
    expectError(await sifa.get('/surveys'), 403, 'PermissionDenied');
    // Vendors list only their own vendor's surveys.
    const survey = await open();
    const vendorSurveys = await listAll(vendor1, '/surveys');
    assert.ok(vendorSurveys.some((item) => item.id === survey.id), 'vendor1 lists the survey of its contract');
    assert.ok(vendorSurveys.every((item) => item.vendor_id === VENDOR));
    assert.deepEqual(await listAll(vendor2, '/surveys', { contract_id: CONTRACT }), []);
});

test('X-7 a department of another town neither sees nor answers this town\'s surveys', async () => {
    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const otherTown = orgs.find((org) => org.name === '新城镇');
    const otherDepartment = orgs.find((org) => org.parent_id === otherTown.id && org.kind === 'department');
    assert.ok(otherDepartment, 'a department of 新城镇');
    const username = `xc${uniqueSuffix().toLowerCase()}`;
    expectStatus(await admin.post('/users', {
        username, display_name: '新城镇干部', password: 'Xincheng2026', role: 'department', org_id: otherDepartment.id,
    }), 201);
    const outsider = await demo.as({ username, password: 'Xincheng2026' });

    const survey = await open();
    expectError(await outsider.get(`/surveys/${survey.id}`), 404, 'NotFound');
    expectError(await outsider.post(`/surveys/${survey.id}/answers`, { rating: 'dissatisfied', answers: {} }), 404, 'NotFound');
    assert.ok(!(await listAll(outsider, '/surveys', { mine: 'pending' })).some((item) => item.id === survey.id));
    assert.ok(!(await listAll(outsider, '/surveys')).some((item) => item.contract_id === CONTRACT));
    // The town's own departments do see it.
    assert.ok((await listAll(respondents[4], '/surveys', { mine: 'pending' })).some((item) => item.id === survey.id));
    assert.equal(expectStatus(await office.get(`/surveys/${survey.id}`), 200).body.answer_count, 0, 'the refused answer was not stored');
});

test('SUP-4 a department user answers once: 201, then 409 on field survey; a bad rating is 400 and stores nothing', async () => {
    const survey = await open();
    const pending = await listAll(dept, '/surveys', { mine: 'pending' });
    assert.ok(pending.some((item) => item.id === survey.id), 'mine=pending lists the open survey for the department');

    const audit = await auditTotal();
    expectError(await dept.post(`/surveys/${survey.id}/answers`, { rating: 'excellent', answers: {} }), 400, 'InvalidArgument', 'rating');
    expectError(await dept.post(`/surveys/${survey.id}/answers`, { answers: {} }), 400, 'InvalidArgument', 'rating');
    expectError(
        await dept.post(`/surveys/${survey.id}/answers`, { rating: 'satisfied', answers: { attitude: 6 } }),
        400, 'InvalidArgument', 'answers.attitude',
    );
    expectError(
        await dept.post(`/surveys/${survey.id}/answers`, { rating: 'satisfied', answers: { salary: '5' } }),
        400, 'InvalidArgument', 'answers.salary',
    );
    // Only department users answer (survey:answer); the office, leadership, vendors and discipline do not.
    for (const client of [office, leader, vendor1, jiwei, admin]) {
        expectError(await client.post(`/surveys/${survey.id}/answers`, { rating: 'very_satisfied', answers: {} }), 403, 'PermissionDenied');
    }
    assert.equal(await auditTotal(), audit, 'refused answers write nothing');
    let read = expectStatus(await office.get(`/surveys/${survey.id}`), 200).body;
    assert.equal(read.answer_count, 0);

    const received = expectStatus(await dept.post(`/surveys/${survey.id}/answers`, {
        rating: 'satisfied', answers: { attitude: 5, quality: '4', suggestion: '希望增加卫生间巡查频次' }, comment: '总体满意',
    }), 201, 'first answer').body;
    assert.deepEqual(received, { received: true });
    const again = expectError(
        await dept.post(`/surveys/${survey.id}/answers`, { rating: 'dissatisfied', answers: {} }), 409, 'AlreadyExists', 'survey',
    );
    assert.ok(again);

    read = expectStatus(await dept.get(`/surveys/${survey.id}`), 200).body;
    assert.equal(read.answered_by_me, true);
    assert.equal(read.answer_count, 1);
    assert.equal(read.results, null, 'a department does not see the results of an open survey');
    const stillPending = await listAll(dept, '/surveys', { mine: 'pending' });
    assert.ok(!stillPending.some((item) => item.id === survey.id), 'an answered survey is no longer pending for the user');
    const officeView = expectStatus(await office.get(`/surveys/${survey.id}`), 200).body;
    assert.equal(officeView.answered_by_me, false);
    assert.equal(officeView.results.counts.satisfied, 1, 'the second (refused) answer did not count');
    assert.equal(officeView.results.valid, 1);
    expectError(await vendor2.get(`/surveys/${survey.id}`), 404, 'NotFound');
});

test('SUP-4 results: counts, rate (very + satisfied + basic) / valid = 2 of 3 = 66.66%, respondents, averages; closed surveys take no answers', async () => {
    const survey = await open();
    const [first, second, third, late] = respondents;
    await answer(first, survey.id, 'satisfied', { answers: { attitude: 5, quality: 4, suggestion: '保洁及时' }, comment: '很好' });
    await answer(second, survey.id, 'basically_satisfied', { answers: { attitude: 4, quality: 3 } });
    await answer(third, survey.id, 'dissatisfied', { answers: { attitude: 2, suggestion: '垃圾清运不及时' }, comment: '需要改进' });

    const open1 = expectStatus(await office.get(`/surveys/${survey.id}`), 200).body;
    assert.deepEqual(open1.results.counts, { very_satisfied: 0, satisfied: 1, basically_satisfied: 1, dissatisfied: 1 });
    assert.equal(open1.results.valid, 3);
    assert.equal(open1.results.satisfied, 2);
    assert.equal(open1.results.rate, '66.66%', '2/3 floored to the hundredth, never rounded up to a threshold');
    assert.match(open1.results.formula['zh-CN'], /基本满意/);
    assert.match(open1.results.formula.en, /basically satisfied/);
    assert.deepEqual(
        [...open1.results.respondents].sort(),
        ['财政所干部1', '财政所干部2', '财政所干部3'],
        'a named survey lists who answered',
    );
    const attitude = open1.results.question_results.find((item) => item.key === 'attitude');
    assert.equal(attitude.average, '3.7', '(5 + 4 + 2) / 3 = 3.67, one decimal');
    const quality = open1.results.question_results.find((item) => item.key === 'quality');
    assert.equal(quality.average, '3.5');
    const timeliness = open1.results.question_results.find((item) => item.key === 'timeliness');
    assert.equal(timeliness.average, null, 'nobody rated it');
    const suggestion = open1.results.question_results.find((item) => item.key === 'suggestion');
    assert.deepEqual([...suggestion.texts].sort(), ['保洁及时', '垃圾清运不及时'].sort());
    assert.deepEqual([...open1.results.comments].sort(), ['很好', '需要改进'].sort());
    assert.equal(open1.answer_count, 3);
    // Leadership and discipline inspection see the results; the vendor does not while it is open.
    assert.equal(expectStatus(await leader.get(`/surveys/${survey.id}`), 200).body.results.rate, '66.66%');
    assert.equal(expectStatus(await jiwei.get(`/surveys/${survey.id}`), 200).body.results.rate, '66.66%');
    assert.equal(expectStatus(await vendor1.get(`/surveys/${survey.id}`), 200).body.results, null);

    const proposalsBefore = await satisfactionProposals();
    const closed = expectStatus(await office.post(`/surveys/${survey.id}/close`, {}), 200, 'close').body;
    assert.equal(closed.status, 'closed');
    assert.equal(closed.results.rate, '66.66%');
    assert.deepEqual(await satisfactionProposals(), proposalsBefore, '66.66% is not below 60%: no termination proposal');

    const audit = await auditTotal();
    expectError(await late.post(`/surveys/${survey.id}/answers`, { rating: 'very_satisfied', answers: {} }), 409, 'FailedPrecondition');
    expectError(await office.post(`/surveys/${survey.id}/close`, {}), 409, 'FailedPrecondition');
    expectError(await dept.post(`/surveys/${survey.id}/close`, {}), 403, 'PermissionDenied');
    assert.equal(await auditTotal(), audit, 'refusals on a closed survey write nothing');
    assert.equal(expectStatus(await office.get(`/surveys/${survey.id}`), 200).body.answer_count, 3);

    // Once closed, the vendor and the departments see the outcome.
    assert.equal(expectStatus(await vendor1.get(`/surveys/${survey.id}`), 200).body.results.rate, '66.66%');
    assert.equal(expectStatus(await dept.get(`/surveys/${survey.id}`), 200).body.results.rate, '66.66%');
    const closedList = await listAll(office, '/surveys', { status: 'closed' });
    assert.ok(closedList.some((item) => item.id === survey.id));
    assert.ok(closedList.every((item) => item.status === 'closed'));
    const audited = expectStatus(await admin.get('/audit', { query: { entity: 'survey', entity_id: survey.id } }), 200).body.items;
    assert.ok(audited.some((entry) => /close/i.test(entry.action) && entry.actor_id === office.user.id), 'SUP-5 closing is audited');
    assert.ok(audited.some((entry) => /create/i.test(entry.action) && entry.actor_id === office.user.id), 'SUP-5 opening is audited');
});

test('SUP-4 an anonymous survey: no respondents in the results, and survey_answers holds no user for its answers', async () => {
    const survey = await open({ anonymous: true });
    assert.equal(survey.anonymous, true);
    const [first, second] = respondents;
    await answer(first, survey.id, 'very_satisfied', { comment: '匿名意见一' });
    await answer(second, survey.id, 'dissatisfied', { comment: '匿名意见二' });
    expectError(await first.post(`/surveys/${survey.id}/answers`, { rating: 'satisfied', answers: {} }), 409, 'AlreadyExists', 'survey');
    assert.equal(expectStatus(await first.get(`/surveys/${survey.id}`), 200).body.answered_by_me, true, 'who answered is still known, to refuse a second answer');

    // While it is open nobody sees its results, the office included: the trail says who answered when, and results
    // that changed with each answer would name the person behind it.
    const whileOpen = expectStatus(await office.get(`/surveys/${survey.id}`), 200).body;
    assert.equal(whileOpen.answer_count, 2);
    assert.equal(whileOpen.results, null, 'no results of an open anonymous survey');
    expectStatus(await office.post(`/surveys/${survey.id}/close`, {}), 200);
    const read = expectStatus(await office.get(`/surveys/${survey.id}`), 200).body;
    assert.equal(read.results.respondents, null, 'an anonymous survey names nobody');
    assert.equal(read.results.rate, '50.00%');
    assert.deepEqual([...read.results.comments].sort(), ['匿名意见一', '匿名意见二'].sort());

    // In the database: the answers carry no user, and their keys are random (not sequential ids).
    const [total, withUser] = demo.db.sql(
        `SELECT COUNT(*), COUNT(user_id) FROM survey_answers WHERE survey_id = ${survey.id}`,
    ).split('|').map(Number);
    assert.deepEqual([total, withUser], [2, 0], 'anonymous answers are stored without user_id');
    const keys = demo.db.sql(`SELECT answer_key FROM survey_answers WHERE survey_id = ${survey.id}`).split('\n');
    assert.equal(keys.length, 2);
    for (const key of keys) assert.match(key, /^[0-9a-f]{32}$/, 'a random key');
    assert.equal(
        Number(demo.db.sql(`SELECT COUNT(*) FROM survey_respondents WHERE survey_id = ${survey.id}`)), 2,
        'who answered is kept apart from the answers',
    );
    // The audit trail records that they answered, never what.
    const audit = expectStatus(await admin.get('/audit', { query: { entity: 'survey', entity_id: survey.id, action: 'answer' } }), 200).body.items;
    assert.equal(audit.length, 2, `two answers audited; got ${JSON.stringify(audit)}`);
    for (const entry of audit) {
        assert.equal(JSON.stringify(entry.after).includes('dissatisfied'), false, 'no rating in the audit of an anonymous answer');
        assert.equal(JSON.stringify(entry.after).includes('匿名意见'), false, 'no comment in the audit of an anonymous answer');
    }

    // A named survey keeps the user on each answer, for contrast.
    const named = await open();
    await answer(first, named.id, 'satisfied');
    const [namedTotal, namedWithUser] = demo.db.sql(
        `SELECT COUNT(*), COUNT(user_id) FROM survey_answers WHERE survey_id = ${named.id}`,
    ).split('|').map(Number);
    assert.deepEqual([namedTotal, namedWithUser], [1, 1]);
});

test('SUP-4 PostgreSQL: an anonymous answer cannot be linked to its respondent through the transaction that wrote it', {
    skip: engine !== 'postgresql' && 'xmin exists only on PostgreSQL',
}, async () => {
    const survey = await open({ anonymous: true });
    await answer(respondents[2], survey.id, 'satisfied');
    await answer(respondents[3], survey.id, 'dissatisfied');
    // A row's xmin is the id of the transaction that wrote it: an answer written in the same transaction as its
    // survey_respondents row (or its audit entry) names the person to anyone who can SELECT, administrators included.
    const sameTransaction = Number(demo.db.sql(
        'SELECT COUNT(*) FROM survey_answers a JOIN survey_respondents r ON r.survey_id = a.survey_id AND r.xmin = a.xmin ' +
            `WHERE a.survey_id = ${survey.id}`,
    ));
    assert.equal(sameTransaction, 0, 'no anonymous answer shares its transaction id (xmin) with a survey_respondents row');
});

test('RP-3 closing a survey below 60% proposes termination (RP-3/satisfaction); exactly 60% and no answers do not', async () => {
    const contract = await newContract();
    assert.equal((await satisfactionProposals(contract)).length, 0, 'no satisfaction proposal yet');

    // No answers: no rate, no decision.
    const empty = await open({ contract_id: contract });
    const emptyClosed = expectStatus(await office.post(`/surveys/${empty.id}/close`, {}), 200).body;
    assert.equal(emptyClosed.results.rate, null);
    assert.equal((await satisfactionProposals(contract)).length, 0, 'a survey without answers never triggers RP-3');

    // 3 of 5 = 60.00%: not below the threshold.
    const atThreshold = await open({ contract_id: contract });
    await answer(respondents[0], atThreshold.id, 'very_satisfied');
    await answer(respondents[1], atThreshold.id, 'satisfied');
    await answer(respondents[2], atThreshold.id, 'basically_satisfied');
    await answer(respondents[3], atThreshold.id, 'dissatisfied');
    await answer(respondents[4], atThreshold.id, 'dissatisfied');
    const closed60 = expectStatus(await office.post(`/surveys/${atThreshold.id}/close`, {}), 200).body;
    assert.equal(closed60.results.rate, '60.00%');
    assert.equal((await satisfactionProposals(contract)).length, 0, '60.00% is not below 60%');

    // 1 of 3 = 33.33%: termination proposed, with the survey as evidence.
    const low = await open({ contract_id: contract, anonymous: true });
    await answer(respondents[0], low.id, 'basically_satisfied');
    await answer(respondents[1], low.id, 'dissatisfied');
    await answer(dept, low.id, 'dissatisfied');
    const closedLow = expectStatus(await office.post(`/surveys/${low.id}/close`, {}), 200).body;
    assert.equal(closedLow.results.rate, '33.33%');
    const proposals = await satisfactionProposals(contract);
    assert.equal(proposals.length, 1, `one termination proposal; got ${JSON.stringify(proposals)}`);
    const proposal = expectStatus(await office.get(`/proposals/${proposals[0].id}`), 200).body;
    assert.equal(proposal.kind, 'termination');
    assert.equal(proposal.rule, 'RP-3/satisfaction');
    assert.equal(proposal.status, 'pending_office');
    assert.equal(proposal.contract_id, contract);
    assert.equal(proposal.amount, null);
    assert.deepEqual(
        proposal.evidence.map((item) => [item.kind, item.id, item.value]),
        [['survey', String(low.id), '33.33%']],
        'only the survey below the threshold is evidence',
    );
    assert.equal(proposal.evidence[0].period, PERIOD);
    assert.equal(proposal.evidence[0].date, FAKE_TODAY, 'a survey counts on the day it closed');
    assert.equal(proposal.thresholds.find((item) => item.name === 'satisfaction_percent')?.value, '60');
    assert.ok(proposal.thresholds.some((item) => item.name === 'window'), 'the window used is stated');
    assert.match(proposal.explanation['zh-CN'], /33\.33%/);
    assert.match(proposal.explanation.en, /33\.33%/);
    assert.ok(proposal.rule_version.length > 0);
    assert.match(proposal.settings_version, /^S\d+$/);
    assert.deepEqual(proposal.history.map((event) => event.action), ['propose']);

    // Evaluating again proposes nothing new.
    const rerun = expectStatus(await office.post('/policy/evaluate', { contract_id: contract, year_end_review: false }), 200).body;
    assert.deepEqual(rerun.proposed, []);
    assert.equal((await satisfactionProposals(contract)).length, 1);
});

test('SUP-4 the formula in force when a survey opens is the one it is rated with (survey.basic_counts_satisfied)', async () => {
    expectStatus(await admin.put('/settings/survey.basic_counts_satisfied', { value: 0, reason: '基本满意不计为满意(测试)' }), 200);
    let survey;
    try {
        survey = await open();
    } finally {
        expectStatus(await admin.put('/settings/survey.basic_counts_satisfied', { value: 1, reason: '恢复默认口径' }), 200);
    }
    await answer(respondents[0], survey.id, 'satisfied');
    await answer(respondents[1], survey.id, 'basically_satisfied');
    const read = expectStatus(await office.get(`/surveys/${survey.id}`), 200).body;
    assert.equal(read.results.valid, 2);
    assert.equal(read.results.satisfied, 1, '基本满意 does not count under the formula this survey opened with');
    assert.equal(read.results.rate, '50.00%');
    assert.match(read.results.formula.en, /does not count/);

    const other = await open();
    await answer(respondents[0], other.id, 'satisfied');
    await answer(respondents[1], other.id, 'basically_satisfied');
    assert.equal(expectStatus(await office.get(`/surveys/${other.id}`), 200).body.results.rate, '100.00%');
});

// ---------------------------------------------------------------------------------------------------------------
// Double submissions: a second click gets the same answer as a sequential second request.

test('SUP-4 one user answering twice at once is counted once; the other answer gets 409', async () => {
    const survey = await open();
    const again = await demo.as(credentials[4]); // the same user logged in a second time
    const attempts = await Promise.all([respondents[4], again, respondents[4]].map((client) => client.post(
        `/surveys/${survey.id}/answers`, { rating: 'satisfied', answers: {}, comment: '' },
    )));
    const statuses = attempts.map((response) => response.status).sort();
    assert.deepEqual(statuses, [201, 409, 409], `one answer, two conflicts; got ${attempts.map((item) => `${item.status} ${JSON.stringify(item.body)}`)}`);
    for (const response of attempts.filter((item) => item.status === 409)) expectError(response, 409, 'AlreadyExists', 'survey');
    const read = expectStatus(await office.get(`/surveys/${survey.id}`), 200).body;
    assert.equal(read.answer_count, 1);
    assert.equal(read.results.valid, 1);
});

test('SUP-4 a survey closed twice at once is closed once, and its low rate proposes termination once, on it', async () => {
    const contract = await newContract();
    const survey = await open({ contract_id: contract });
    await answer(respondents[0], survey.id, 'dissatisfied');
    await answer(respondents[1], survey.id, 'dissatisfied');
    const office2 = await demo.as('office');
    const attempts = await Promise.all([office, office2, office].map((client) => client.post(`/surveys/${survey.id}/close`, {})));
    const statuses = attempts.map((response) => response.status).sort();
    assert.deepEqual(statuses, [200, 409, 409], `one close, two conflicts; got ${attempts.map((item) => `${item.status} ${JSON.stringify(item.body)}`)}`);
    for (const response of attempts.filter((item) => item.status === 409)) expectError(response, 409, 'FailedPrecondition');
    const proposals = await satisfactionProposals(contract);
    assert.equal(proposals.length, 1, `one satisfaction proposal; got ${JSON.stringify(proposals.map((item) => item.evidence))}`);
    assert.equal(proposals[0].status, 'pending_office');
    assert.deepEqual(proposals[0].evidence.map((item) => item.id), [String(survey.id)], 'the survey is its evidence');
    const audited = expectStatus(await admin.get('/audit', { query: { entity: 'survey', entity_id: survey.id, action: 'close' } }), 200).body;
    assert.equal(audited.total, 1, 'closed once');
});

test('RP-3 a further survey below 60% keeps the open satisfaction proposal instead of proposing again', async () => {
    const contract = await newContract();
    const lowSurvey = async () => {
        const survey = await open({ contract_id: contract });
        await answer(respondents[0], survey.id, 'basically_satisfied');
        await answer(respondents[1], survey.id, 'dissatisfied');
        await answer(respondents[2], survey.id, 'dissatisfied');
        expectStatus(await office.post(`/surveys/${survey.id}/close`, {}), 200);
        return survey;
    };
    const first = await lowSurvey();
    const [proposal] = await satisfactionProposals(contract);
    assert.deepEqual(proposal.evidence.map((item) => item.id), [String(first.id)]);
    await lowSurvey();
    const after = await satisfactionProposals(contract);
    assert.deepEqual(after.map((item) => [item.id, item.status]), [[proposal.id, 'pending_office']],
        'the open proposal is kept, not replaced nor doubled, while its evidence still holds');
});

/** The office dashboard's satisfaction of `period` ({period, rate, valid}), or undefined when the chart has none. */
async function dashboardSatisfaction(period) {
    const dashboard = expectStatus(await office.get('/dashboard'), 200).body;
    return dashboard.supervision.satisfaction.find((entry) => entry.period === period);
}

test('X-3 the dashboard\'s satisfaction chart counts a survey\'s answers when it closes, not while it is open', async () => {
    const before = await dashboardSatisfaction(PERIOD);
    const survey = await open();
    const [first, second, third] = respondents;
    await answer(first, survey.id, 'very_satisfied');
    await answer(second, survey.id, 'basically_satisfied');
    await answer(third, survey.id, 'dissatisfied');
    assert.deepEqual(await dashboardSatisfaction(PERIOD), before, 'an open survey is not in the chart');
    expectStatus(await office.post(`/surveys/${survey.id}/close`, {}), 200, 'close');
    const after = await dashboardSatisfaction(PERIOD);
    assert.ok(after, `the chart has ${PERIOD}`);
    assert.equal(after.valid, (before?.valid ?? 0) + 3, 'its three answers are counted once closed');
    // The rate is the period's closed surveys together: recount them from the surveys the office reads.
    let satisfied = 0;
    let valid = 0;
    for (const item of await listAll(office, '/surveys', { status: 'closed' })) {
        if (item.period !== PERIOD) continue;
        const results = expectStatus(await office.get(`/surveys/${item.id}`), 200).body.results;
        satisfied += results.satisfied;
        valid += results.valid;
    }
    assert.equal(after.valid, valid);
    assert.equal(after.rate, `${(Math.floor((satisfied * 10000) / valid) / 100).toFixed(2)}%`);
});

test('SUP-4 answers racing the closing: each lands before the close or is refused with 409, never in a closed survey', async () => {
    // On PostgreSQL an answer that had read the survey open before the closing committed was still written after it:
    // counted in the survey but not in the tally the closing made (X-3). The window is narrow (the old server failed
    // this about one run in four), so eight rounds, each a close and five answers sent together.
    for (let round = 0; round < 8; round += 1) {
        const survey = await open();
        const attempts = await Promise.all([
            office.post(`/surveys/${survey.id}/close`, {}),
            ...respondents.map((client) => client.post(`/surveys/${survey.id}/answers`, { rating: 'satisfied', answers: {}, comment: '' })),
        ]);
        expectStatus(attempts.shift(), 200, 'the close');
        const answered = attempts.filter((response) => response.status === 201);
        for (const response of attempts.filter((item) => item.status !== 201)) expectError(response, 409, 'FailedPrecondition');
        const trail = await listAll(admin, '/audit', { entity: 'survey', entity_id: survey.id });
        const closed = trail.find((entry) => entry.action === 'close');
        const answers = trail.filter((entry) => entry.action === 'answer');
        assert.equal(answers.length, answered.length, 'each accepted answer is on the trail once');
        for (const entry of answers) assert.ok(entry.seq < closed.seq, `round ${round}: an answer (${entry.seq}) was recorded after the close (${closed.seq})`);
        const read = expectStatus(await office.get(`/surveys/${survey.id}`), 200).body;
        assert.equal(read.answer_count, answered.length, 'the closed survey holds exactly the accepted answers');
    }
});

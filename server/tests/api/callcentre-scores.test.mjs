// The monthly agent assessment (CC-3, D2 staff 4, issue 14) and the top-3 bonus (CC-6). The office computes a month:
// the service gathers each person's facts (the calls imported under the agent IDs they held, the attendance, the
// incidents, the training score, the accepted suggestions), scores them with the approved method in force and stores
// the ranked result with every dimension explained, the method version and its values; a recompute replaces the
// month and is audited. The ranked month is exported to Excel as the basis for pay (audited with who, what, the
// filters and the row count). After each computation the top-3 streak rule runs over the stored ranks: three
// consecutive months in the top 3 (ties share a rank) make ONE bonus proposal per streak, decided by the office and
// then leadership.
//
// Facts are seeded through the API: agents on the roster, their IDs opened by written request (CC-1) and the method
// drafted and approved (CC-3) on a server whose clock stands on the first of the first month, the calls imported
// (CC-8, the houqin template) and the months computed on a server at the suites' clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, cli, contractFixtures, createActiveContract, expectError, expectStatus, listAll,
    prepareDatabase, startServer, validContent, xlsxText,
} from './harness.mjs';
import { dateOfYear, month as monthOf, monthStart } from '../clock.mjs';

const FIRST = monthStart(-3);
const MONTHS = [monthOf(-3), monthOf(-2), monthOf(-1)];
const THIS_MONTH = monthOf(0);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(birth, sequence) {
    const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
    return first17 + '10X98765432'[sum % 11];
}

async function login(url, account) {
    const client = new Client(url);
    await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
    return client;
}

const personBody = (name, sequence) => ({
    name, id_number: idNumber(dateOfYear(-30, '03-01'), sequence), phone: '13800000000', role: 'agent',
    post: '话务员', start_date: FIRST, end_date: null,
});

/** Each year of the months lacks no holiday calendar (a year not published gets one with no special days). */
async function ensureCalendars(admin, months) {
    for (const year of new Set(months.map((month) => month.slice(0, 4)))) {
        if ((await admin.get(`/holiday-calendars/${year}`)).status === 404) {
            expectStatus(await admin.put(`/holiday-calendars/${year}`, { source: '测试日历', days: [] }), 200, year);
        }
    }
}

/**
 * The agents' successful visits per month (each call a successful visit of 300 seconds). With targets of 100 visits
 * and 36000 seconds, no attendance and no training: 120 -> 40 + 20 = 60.00, 90 -> 36 + 15 = 51.00, 75 -> 30 + 12.5 =
 * 42.50, 60 -> 24 + 10 = 34.00, 30 -> 12 + 5 = 17.00.
 */
const VISITS = {
    [MONTHS[0]]: { A: 120, B: 120, C: 90, D: 30 }, // ranks 1, 1, 3, 4: a tie at the top, C still third
    [MONTHS[1]]: { A: 120, B: 30, C: 75, D: 90 }, // 1, 4, 3, 2: B's streak broken
    [MONTHS[2]]: { A: 120, B: 60, C: 90, D: 30 }, // 1, 3, 2, 4: A and C complete three months
};
const AGENT_IDS = { A: '8101', B: '8102', C: '8103', D: '8104' };

const pad = (n) => String(n).padStart(2, '0');
/** A houqin-template CSV of `visits` calls per agent on the 10th of `month` (one call each 10 minutes from 00:00). */
function callsCsv(month, visits, tag) {
    const lines = ['工号,被叫号码,开始时间,应答时间,结束时间,通话秒数,结果,话单编号'];
    for (const [agent, count] of Object.entries(visits)) {
        for (let i = 0; i < count; i += 1) {
            const minutes = i * 10;
            const start = `${month}-10 ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
            const end = `${month}-10 ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60 + 5)}:00`;
            lines.push(`${AGENT_IDS[agent]},1390000${pad(i % 100)}00,${start},${start},${end},300,成功访问,${tag}-${agent}-${month}-${i}`);
        }
    }
    return `${lines.join('\n')}\n`;
}

async function importCalls(client, contractId, csv, name) {
    const queued = expectStatus(await client.post(`/contracts/${contractId}/call-imports`, Buffer.from(csv, 'utf8'), {
        headers: { 'Content-Type': 'text/csv', 'X-Filename': encodeURIComponent(name) },
    }), 202, `import ${name}`).body;
    for (let attempt = 0; attempt < 300; attempt += 1) {
        const seen = expectStatus(await client.get(`/call-imports/${queued.id}`), 200).body;
        if (seen.status === 'done') return seen;
        assert.notEqual(seen.status, 'failed', `import ${name}: ${JSON.stringify(seen.report)}`);
        await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
    throw new Error(`import ${name} did not finish`);
}

/**
 * A demo database; an active call-centre contract of vendor1 from the first of three months ago with four agents.
 * On a server whose clock stands on that first day, the office asks for their IDs and the vendor opens them from that
 * day, and the vendor's scoring method (targets 100 visits, 36000 seconds, from the first month) is approved; then
 * each of the three months' calls is imported on the suites' clock.
 */
async function setup({ withCalls = true } = {}) {
    const db = prepareDatabase({ seed: 'demo' });
    const server = await startServer(db);
    const as = (account) => login(server.url, account);
    const office = await as('office');
    const clients = { office, sifa: await as('sifa'), dangzheng: await as('dangzheng') };
    const fx = await contractFixtures({ as }, office);
    const contract = await createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: FIRST,
    }));
    const vendor = await as('vendor1');
    const people = {};
    for (const [index, [key, name]] of [['A', '甲坐席'], ['B', '乙坐席'], ['C', '丙坐席'], ['D', '丁坐席']].entries()) {
        people[key] = expectStatus(await vendor.post(`/contracts/${contract.id}/staff`, personBody(name, 31 + index * 2)),
            201, name).body;
    }
    const admin = await as('admin');
    await ensureCalendars(admin, [...MONTHS, THIS_MONTH]);

    const early = await startServer(db, { fakeNow: `${FIRST}T09:00:00+08:00` });
    try {
        const earlyOffice = await login(early.url, 'office');
        const earlyVendor = await login(early.url, 'vendor1');
        for (const [key, person] of Object.entries(people)) {
            const request = expectStatus(await earlyOffice.post(`/contracts/${contract.id}/agent-id-requests`, {
                kind: 'open', person_id: person.id, permissions: ['outbound'], reason: '新入职话务员需开通外呼工号',
            }), 201).body;
            expectStatus(await earlyVendor.post(`/callcentre/agent-id-requests/${request.id}/carry-out`, {
                agent_id: AGENT_IDS[key], effective_on: FIRST,
            }), 200);
        }
        const method = expectStatus(await earlyVendor.post(`/contracts/${contract.id}/scoring-methods`, {
            effective_from: MONTHS[0], visits_target: 100, talk_seconds_target: 36000, note: '测试目标',
        }), 201).body;
        expectStatus(await earlyVendor.post(`/callcentre/scoring-methods/${method.id}/submit`, {}), 200);
        expectStatus(await earlyOffice.post(`/callcentre/scoring-methods/${method.id}/approve`, { note: '同意' }), 200);
    } finally {
        await early.stop();
    }
    if (withCalls) {
        for (const month of MONTHS) await importCalls(vendor, contract.id, callsCsv(month, VISITS[month], 'T'), `${month}.csv`);
    }
    return {
        db, server, office, vendor, admin, contract, people,
        vendor2: await as('vendor2'), jiwei: await as('jiwei'), leader: await as('leader'), dept: await as('dept'),
    };
}

async function compute(client, contractId, month) {
    return expectStatus(await client.post(`/contracts/${contractId}/agent-scores/${month}/compute`, {}), 200,
        `compute ${month}`).body;
}

async function ranking(client, contractId, month) {
    return expectStatus(await client.get(`/contracts/${contractId}/agent-scores`, { query: { month } }), 200).body;
}

const ranks = (result) => result.agents.map((agent) => [agent.person_name, agent.rank, agent.total_text, agent.tied]);

test('CC-3 the office computes a month: each agent\'s facts, score and rank are stored with every dimension explained, the method version and its values', async (t) => {
    const { server, office, jiwei, vendor, leader, contract, people } = await setup();
    t.after(() => server.stop());
    const before = await ranking(office, contract.id, MONTHS[0]);
    assert.deepEqual([before.computed, before.agents, before.can_compute], [false, [], true]);

    const result = await compute(office, contract.id, MONTHS[0]);
    assert.equal(result.computed, true);
    assert.equal(result.method_version, 1);
    assert.equal(result.method.visits_target, 100);
    assert.equal(result.unmatched_calls, 0);
    assert.deepEqual(ranks(result), [
        ['甲坐席', 1, '60.00', true], ['乙坐席', 1, '60.00', true], ['丙坐席', 3, '51.00', false],
        ['丁坐席', 4, '17.00', false],
    ], 'equal totals share a rank and the next rank skips');
    const c = result.agents[2];
    assert.deepEqual(c.agent_ids, ['8103']);
    assert.deepEqual([c.facts.calls, c.facts.successful_visits, c.facts.talk_seconds], [90, 90, 27000]);
    assert.equal(c.facts.absent_days, c.facts.required_days - c.facts.attended_days);
    assert.ok(c.facts.required_days > 0, 'the working days of the month on which the ID was held');
    assert.equal(c.facts.training_score, null);
    assert.deepEqual(c.dimensions.map((d) => [d.dimension, d.points_text]),
        [['discipline', '0.00'], ['visits', '36.00'], ['talk_time', '15.00'], ['training', '0.00']]);
    for (const dimension of c.dimensions) {
        assert.ok(dimension.explanation['zh-CN'] && dimension.explanation.en, `${dimension.dimension} explains itself`);
        assert.ok(dimension.name['zh-CN'] && dimension.name.en);
    }
    assert.match(c.dimensions[1].explanation['zh-CN'], /90/);
    assert.ok(c.summary['zh-CN'] && c.summary.en);
    assert.ok(c.values.length > 0, 'the method values and targets it used');
    assert.equal(c.method_version, 1);

    // Read back as stored: the office, discipline inspection, leadership and the contract's vendor.
    for (const client of [office, jiwei, leader, vendor]) {
        const read = await ranking(client, contract.id, MONTHS[0]);
        assert.deepEqual(ranks(read), ranks(result));
        assert.deepEqual(read.agents[2].dimensions, c.dimensions);
    }
    assert.equal((await ranking(jiwei, contract.id, MONTHS[0])).can_compute, false);

    // A person's last 12 months for the chart.
    const history = expectStatus(await office.get(`/contracts/${contract.id}/agent-scores/person/${people.C.id}`), 200).body;
    assert.equal(history.person_name, '丙坐席');
    assert.equal(history.months.length, 12);
    assert.equal(history.months.at(-1).month, THIS_MONTH);
    const first = history.months.find((month) => month.month === MONTHS[0]);
    assert.deepEqual([first.ranked, first.rank, first.total_text, first.agent_count], [true, 3, '51.00', 4]);
    assert.equal(history.months.filter((month) => month.ranked).length, 1);

    const audit = (await listAll(jiwei, '/audit', { entity: 'cc_score_month' })).map((entry) => entry.action);
    assert.deepEqual(audit, ['create']);
});

test('CC-3 a recompute replaces the month\'s result and is audited; bad months are refused naming the field and write nothing', async (t) => {
    const { server, office, jiwei, vendor, contract } = await setup();
    t.after(() => server.stop());
    await compute(office, contract.id, MONTHS[1]);
    // More calls arrive for the month: the recompute sees them and replaces the stored ranking.
    await importCalls(vendor, contract.id, callsCsv(MONTHS[1], { B: 90 }, 'LATE'), 'late.csv');
    const again = await compute(office, contract.id, MONTHS[1]);
    assert.deepEqual(ranks(again).map(([name, rank, total]) => [name, rank, total]), [
        ['甲坐席', 1, '60.00'], ['乙坐席', 1, '60.00'], ['丁坐席', 3, '51.00'], ['丙坐席', 4, '42.50'],
    ]);
    assert.deepEqual(ranks(await ranking(jiwei, contract.id, MONTHS[1])), ranks(again));
    const audit = (await listAll(jiwei, '/audit', { entity: 'cc_score_month' })).map((entry) => entry.action).sort();
    assert.deepEqual(audit, ['create', 'update']);

    expectError(await office.post(`/contracts/${contract.id}/agent-scores/soon/compute`, {}), 400, 'InvalidArgument', 'month');
    expectError(await office.post(`/contracts/${contract.id}/agent-scores/${monthOf(1)}/compute`, {}), 400,
        'InvalidArgument', 'month');
    const outside = expectError(await office.post(`/contracts/${contract.id}/agent-scores/${monthOf(-4)}/compute`, {}),
        400, 'InvalidArgument', 'month');
    assert.match(outside.fields[0].message['zh-CN'], /合同期限/);
    expectError(await office.get(`/contracts/${contract.id}/agent-scores`, { query: { month: `${THIS_MONTH.slice(0, 4)}-13` } }), 400,
        'InvalidArgument', 'month');
    const after = (await listAll(jiwei, '/audit', { entity: 'cc_score_month' })).length;
    assert.equal(after, 2, 'nothing written by the refusals');
});

test('CC-3 houqin score-calls computes a month from the command line as a named user: the same ranking the page shows, audited under that user; an unknown user or a bad month is refused and writes nothing', async (t) => {
    const { db, server, office, jiwei, contract } = await setup();
    t.after(() => server.stop());
    const run = cli(['score-calls', '--db', db.url, '--contract', String(contract.id), '--month', MONTHS[0], '--as',
        DEMO.office.username]);
    // The log's lines aside (the clock the suite fixes), the heading and one line per agent.
    const printed = run.stdout.split('\n').filter((line) => /^(scores|rank) /.test(line));
    assert.match(printed[0], new RegExp(`^scores ${MONTHS[0]}: agents=4 method_version=1 unmatched_calls=0 `));
    // 120, 120, 90 and 30 visits: a tie at the top (rank 1=), then 3 and 4.
    assert.deepEqual(printed.slice(1), [
        'rank 1= 甲坐席 60.00', 'rank 1= 乙坐席 60.00', 'rank 3 丙坐席 51.00', 'rank 4 丁坐席 17.00',
    ]);
    const shown = await ranking(jiwei, contract.id, MONTHS[0]);
    assert.deepEqual(shown.agents.map((agent) => `${agent.person_name} ${agent.total_text}`),
        ['甲坐席 60.00', '乙坐席 60.00', '丙坐席 51.00', '丁坐席 17.00']);
    const entries = await listAll(jiwei, '/audit', { entity: 'cc_score_month' });
    assert.equal(entries.length, 1);
    const me = expectStatus(await office.get('/session'), 200).body.user;
    assert.equal(entries[0].actor_id, me.id, 'the audit names the user given with --as');
    assert.ok([me.display_name, me.username].includes(entries[0].actor_name), entries[0].actor_name);

    const nobody = cli(['score-calls', '--db', db.url, '--contract', String(contract.id), '--month', MONTHS[1], '--as',
        'nobody'], { allowFail: true });
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /没有用户 nobody/);
    assert.match(nobody.stderr, /There is no user nobody/);
    const future = cli(['score-calls', '--db', db.url, '--contract', String(contract.id), '--month', monthOf(1), '--as',
        DEMO.office.username], { allowFail: true });
    assert.equal(future.code, 1);
    assert.match(future.stderr, /month/);
    assert.equal((await listAll(jiwei, '/audit', { entity: 'cc_score_month' })).length, 1, 'nothing written by the refusals');
});

test('CC-3 who may compute and read: the office computes; the vendor reads its own, leadership and discipline read; departments and other vendors do not', async (t) => {
    const { server, office, vendor, vendor2, jiwei, leader, dept, contract, people } = await setup({ withCalls: false });
    t.after(() => server.stop());
    for (const client of [vendor, jiwei, leader]) {
        expectStatus(await client.post(`/contracts/${contract.id}/agent-scores/${MONTHS[0]}/compute`, {}), 403);
    }
    const computed = await compute(office, contract.id, MONTHS[0]);
    assert.deepEqual(computed.agents.map((agent) => agent.total_text), ['0.00', '0.00', '0.00', '0.00'],
        'a month without calls: every agent 0, all tied first');
    assert.deepEqual(computed.agents.map((agent) => agent.rank), [1, 1, 1, 1]);
    expectStatus(await dept.get(`/contracts/${contract.id}/agent-scores`, { query: { month: MONTHS[0] } }), 403);
    expectStatus(await vendor2.get(`/contracts/${contract.id}/agent-scores`, { query: { month: MONTHS[0] } }), 404);
    expectStatus(await vendor2.get(`/contracts/${contract.id}/agent-scores/person/${people.A.id}`), 404);
    expectStatus(await vendor2.get(`/contracts/${contract.id}/agent-scores/${MONTHS[0]}.xlsx`), 404);
    expectStatus(await dept.get(`/contracts/${contract.id}/agent-scores/${MONTHS[0]}.xlsx`), 403);
});

test('CC-3 the ranked month as Excel, the basis for pay; the export is audited with who, what, the month and the row count', async (t) => {
    const { server, office, jiwei, vendor, contract } = await setup();
    t.after(() => server.stop());
    expectError(await office.get(`/contracts/${contract.id}/agent-scores/${MONTHS[0]}.xlsx`), 409, 'FailedPrecondition');
    await compute(office, contract.id, MONTHS[0]);
    const file = expectStatus(await vendor.get(`/contracts/${contract.id}/agent-scores/${MONTHS[0]}.xlsx`), 200);
    assert.match(file.headers.get('content-type'), /spreadsheetml/);
    const text = xlsxText(file.bytes);
    for (const expected of ['名次 Rank', '甲坐席', '乙坐席', '丙坐席', '丁坐席', '8103', '并列 tied']) {
        assert.ok(text.includes(expected), `the workbook holds ${expected}`);
    }
    const exports = (await listAll(jiwei, '/audit', { entity: 'cc_score_month' })).filter((entry) => entry.action === 'export');
    assert.equal(exports.length, 1);
    const after = exports[0].after;
    const detail = typeof after === 'string' ? JSON.parse(after) : after;
    assert.deepEqual([detail.what, detail.format, detail.filters.month, detail.filters.contract_id, detail.rows],
        ['agent_scores', 'xlsx', MONTHS[0], contract.id, 4]);
    assert.equal(exports[0].actor_name, DEMO.vendor1.username);
    expectError(await office.get(`/contracts/${contract.id}/agent-scores/${MONTHS[0]}.pdf`), 400, 'InvalidArgument', 'month');
});

test('CC-6 three consecutive top-3 months (ties sharing a rank) make one bonus proposal per streak, with the months\' ranks and scores; a fourth month makes none; office then leadership approve', async (t) => {
    const { server, office, vendor, leader, jiwei, contract, people } = await setup();
    t.after(() => server.stop());
    const proposalsOf = async () => (await listAll(jiwei, '/proposals', { contract_id: contract.id }))
        .filter((proposal) => proposal.rule === 'CC-6');
    assert.deepEqual((await compute(office, contract.id, MONTHS[0])).proposed, []);
    assert.deepEqual((await compute(office, contract.id, MONTHS[1])).proposed, []);
    const third = await compute(office, contract.id, MONTHS[2]);
    assert.equal(third.proposed.length, 2, 'A (1, 1, 1) and C (3, 3, 2); B broke its streak in the second month');
    const made = await proposalsOf();
    assert.equal(made.length, 2);
    const of = (person) => made.find((proposal) => proposal.evidence[0]?.id === String(person.id));
    const bonusA = of(people.A);
    assert.ok(bonusA, 'A\'s streak');
    assert.deepEqual(of(people.C)?.evidence.map((item) => item.period), MONTHS, 'C\'s streak');
    assert.deepEqual([bonusA.kind, bonusA.status, bonusA.period], ['agent_bonus', 'pending_office', MONTHS[2]]);
    const detail = expectStatus(await office.get(`/proposals/${bonusA.id}`), 200).body;
    assert.deepEqual(detail.evidence.map((item) => [item.kind, item.period, item.value]), [
        ['agent_score', MONTHS[0], '60.00'], ['agent_score', MONTHS[1], '60.00'], ['agent_score', MONTHS[2], '60.00'],
    ]);
    assert.match(detail.evidence[0].description['zh-CN'], /甲坐席.*第 1 名\(并列\)/);
    assert.match(detail.evidence[0].description.en, /ranked 1 \(tied\)/);
    assert.ok(detail.explanation['zh-CN'] && detail.explanation.en);

    // Recomputing the third month, and a fourth month in the streak, propose nothing more.
    assert.deepEqual((await compute(office, contract.id, MONTHS[2])).proposed, []);
    // Calls of the first hours of today (the 1st at the suites' clock): A first again.
    await importCalls(vendor, contract.id, callsCsv(THIS_MONTH, { A: 30 }, 'NOW').replaceAll(`${THIS_MONTH}-10`,
        monthStart(0)), 'now.csv');
    const fourth = await compute(office, contract.id, THIS_MONTH);
    assert.equal(fourth.agents[0].person_name, '甲坐席');
    assert.equal(fourth.agents[0].rank, 1);
    assert.deepEqual(fourth.proposed, [], 'the fourth month of A\'s streak is the same streak');
    assert.equal((await proposalsOf()).length, 2);

    // The office's step, then leadership's decision.
    expectStatus(await office.post(`/proposals/${bonusA.id}/decision`, { decision: 'approve', comment: '建议发放' }), 200);
    const approved = expectStatus(await leader.post(`/proposals/${bonusA.id}/decision`, { decision: 'approve', comment: '同意' }),
        200).body;
    assert.equal(approved.status, 'approved');
    assert.deepEqual(approved.history.map((event) => [event.action, event.to_state]), [
        ['propose', 'pending_office'], ['approve', 'pending_leadership'], ['approve', 'approved'],
    ]);
});

test('CC-6 a recompute that breaks a streak withdraws its proposal still awaiting a decision, with the reason in its history; the streak that still holds keeps its proposal', async (t) => {
    const { server, office, vendor, jiwei, contract, people } = await setup();
    t.after(() => server.stop());
    for (const month of MONTHS) await compute(office, contract.id, month);
    const bonuses = async () => (await listAll(jiwei, '/proposals', { contract_id: contract.id }))
        .filter((proposal) => proposal.rule === 'CC-6');
    const of = (list, person) => list.find((proposal) => proposal.evidence[0]?.id === String(person.id));
    const before = await bonuses();
    const bonusC = of(before, people.C);
    assert.equal(bonusC.status, 'pending_office');
    // Late calls of the third month lift B and D to 120 visits each: A, B and D share the top, C falls to 4th.
    await importCalls(vendor, contract.id, callsCsv(MONTHS[2], { B: 60, D: 90 }, 'LATE'), 'late.csv');
    const again = await compute(office, contract.id, MONTHS[2]);
    assert.deepEqual(ranks(again).find(([name]) => name === '丙坐席').slice(0, 2), ['丙坐席', 4]);
    assert.deepEqual(again.withdrawn, [bonusC.id]);
    assert.deepEqual(again.proposed, [], 'B\'s and D\'s months do not make three in a row');
    const after = await bonuses();
    assert.equal(of(after, people.C).status, 'withdrawn');
    assert.equal(of(after, people.A).status, 'pending_office', 'A is still first three months running');
    const detail = expectStatus(await office.get(`/proposals/${bonusC.id}`), 200).body;
    const step = detail.history.at(-1);
    assert.deepEqual([step.action, step.to_state], ['withdraw', 'withdrawn']);
    assert.match(step.comment, /不再连续三个月位列前三/);
    assert.match(step.comment, /no longer in the top 3 for three consecutive months/);
    const audit = (await listAll(jiwei, '/audit', { entity: 'proposal', entity_id: bonusC.id })).map((entry) => entry.action);
    assert.ok(audit.includes('withdraw'), audit.join(', '));
});

test('CC-3 late arrivals count from the opening time in the settings (09:00 unless the administrator changes it), and each month records the time it used', async (t) => {
    const { server, office, vendor, admin, contract, people } = await setup();
    t.after(() => server.stop());
    // 甲坐席 clocks in at 08:30 on every day of the first month; only the working days are required days.
    const days = Number(MONTHS[0].slice(5, 7)) === 2 ? 28 : 30;
    const lines = ['姓名,岗位,日期,上班时间,下班时间,跨夜'];
    for (let day = 1; day <= days; day += 1) lines.push(`甲坐席,话务员,${MONTHS[0]}-${pad(day)},08:30,17:30,否`);
    expectStatus(await vendor.post(`/contracts/${contract.id}/attendance/import`, Buffer.from(`${lines.join('\n')}\n`, 'utf8'), {
        headers: { 'Content-Type': 'text/csv', 'X-Filename': encodeURIComponent('考勤.csv') },
    }), 200, 'attendance');
    const factsOfA = (result) => result.agents.find((agent) => agent.person_id === people.A.id).facts;

    const atNine = await compute(office, contract.id, MONTHS[0]);
    assert.equal(atNine.method.work_start, '09:00');
    assert.ok(factsOfA(atNine).attended_days > 0, JSON.stringify(factsOfA(atNine)));
    assert.equal(factsOfA(atNine).late_arrivals, 0, '08:30 is before 09:00');

    expectStatus(await admin.put('/settings/callcentre.work_start_minutes', { value: 480, reason: '冬令时提前开班' }), 200);
    const atEight = await compute(office, contract.id, MONTHS[0]);
    assert.equal(atEight.method.work_start, '08:00', 'the month records the opening time it used');
    assert.equal(factsOfA(atEight).late_arrivals, factsOfA(atEight).attended_days, 'every 08:30 clock-in is late after 08:00');
    expectError(await admin.put('/settings/callcentre.work_start_minutes', { value: 545, reason: '九点零五开班' }), 400,
        'InvalidArgument', 'value');
});

test('CC-3 one month computed four times at once by two office sessions: each succeeds with the same ranking, none is refused', async (t) => {
    // Each computation deletes the month's result and inserts its own: on PostgreSQL (READ COMMITTED) the later ones
    // were refused by the (contract, month) key the first had inserted, as a bare "record already exists". The
    // contract's scoring is now held while a month is computed.
    const { server, office, contract } = await setup();
    t.after(() => server.stop());
    const officeAgain = await login(server.url, 'office');
    for (const month of MONTHS) {
        const attempts = await Promise.all([office, officeAgain, office, officeAgain].map((client) => client.post(
            `/contracts/${contract.id}/agent-scores/${month}/compute`, {},
        )));
        assert.deepEqual(attempts.map((response) => response.status), [200, 200, 200, 200],
            `${month}: every computation succeeds: ${attempts.map((response) => JSON.stringify(response.body?.message ?? response.status))}`);
        assert.deepEqual(ranks(await ranking(office, contract.id, month)), ranks(attempts[0].body));
    }
});

// Training sessions and qualification tests of a vendor's staff (STF-3, STF-8, issue 13): who trains whom (Party A
// trains managers, supervisors train agents, new business brings on-site training and a week of guidance), hours in
// tenths, and the qualification test judged against the pass mark in force, which the result keeps. A failed test
// opens the replacement request (STF-4) the contract demands, in the same transaction. Every write has its audit entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, contractFixtures, createActiveContract, expectError, expectStatus, listAll, prepareDatabase,
    startServer, validContent,
} from './harness.mjs';
import { TODAY, addDays, dateOfYear, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid GB 11643 ID number: region 440681, a birth date, a sequence. */
function idNumber(birth, sequence) {
    const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
    return first17 + '10X98765432'[sum % 11];
}

async function login(server, account) {
    const client = new Client(server.url);
    await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
    return client;
}

/** A demo database, an active contract of vendor1 from the first of last month and two agents on its roster. */
async function setup() {
    const db = prepareDatabase({ seed: 'demo' });
    const server = await startServer(db);
    const as = (account) => login(server, account);
    const office = await as('office');
    const clients = { office, sifa: await as('sifa'), dangzheng: await as('dangzheng') };
    const fx = await contractFixtures({ as }, office);
    const contract = await createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: FIRST,
    }));
    const vendor = await as('vendor1');
    const person = async (name, sequence, role, post) => expectStatus(await vendor.post(`/contracts/${contract.id}/staff`, {
        name, id_number: idNumber(dateOfYear(-30, '05-20'), sequence), phone: '13800000000', role, post,
        start_date: FIRST, end_date: null,
    }), 201).body;
    const agent = await person('王话务', 21, 'agent', '话务员');
    const agent2 = await person('李话务', 32, 'agent', '话务员');
    return {
        server, office, vendor, contract, agent, agent2, admin: await as('admin'), vendor2: await as('vendor2'),
        jiwei: await as('jiwei'), dept: await as('dept'),
    };
}

const PRE_JOB = {
    kind: 'pre_job', trainer_party: 'vendor', trainer_name: '赵督导', topic: '岗前公共职业培训与话务规范', hours: '2.5',
    trained_on: FIRST,
};

test('STF-8 the vendor records a pre-job training for two people; the roster view sums each person\'s hours', async (t) => {
    const { server, office, vendor, jiwei, contract, agent, agent2 } = await setup();
    t.after(() => server.stop());
    const session = expectStatus(await vendor.post(`/contracts/${contract.id}/training/sessions`, {
        ...PRE_JOB, trainee_ids: [agent.id, agent2.id, agent.id],
    }), 201).body;
    assert.equal(session.kind, 'pre_job');
    assert.equal(session.hours, '2.5');
    assert.deepEqual(session.trainees.map((trainee) => trainee.name).sort(), ['李话务', '王话务'],
        'each trainee once, by name');
    expectStatus(await vendor.post(`/contracts/${contract.id}/training/sessions`, {
        ...PRE_JOB, topic: '投诉处理', hours: 4, trained_on: addDays(FIRST, 1), trainee_ids: [agent.id],
    }), 201);

    for (const reader of [office, jiwei, vendor]) {
        const seen = expectStatus(await reader.get(`/contracts/${contract.id}/training`), 200).body;
        assert.equal(seen.sessions.length, 2);
        assert.equal(seen.sessions[0].topic, '投诉处理', 'newest first');
        const hours = Object.fromEntries(seen.people.map((entry) => [entry.name, entry.hours]));
        assert.deepEqual(hours, { 王话务: '6.5', 李话务: '2.5' }, 'hours summed exactly in tenths');
        assert.equal(seen.pass_score, 60, 'the default pass mark');
    }
    assert.equal(expectStatus(await jiwei.get(`/contracts/${contract.id}/training`), 200).body.can_write, false);
    assert.equal(expectStatus(await vendor.get(`/contracts/${contract.id}/training`), 200).body.can_write, true);
    const entries = await listAll(jiwei, '/audit', { entity: 'training_session' });
    assert.ok(entries.some((entry) => entry.action === 'create' && entry.entity_id === session.id),
        'the session is on the audit trail');
});

test('STF-8 Party A trains managers and gives new-business training with a week of on-site guidance as dates', async (t) => {
    const { server, office, vendor, contract, agent } = await setup();
    t.after(() => server.stop());
    const newBusiness = {
        kind: 'new_business', trainer_party: 'party_a', trainer_name: '后勤办 周科长', topic: '新增政务热线业务',
        hours: '3', trained_on: addDays(FIRST, 2), guidance_from: addDays(FIRST, 3), guidance_to: addDays(FIRST, 9),
        trainee_ids: [agent.id],
    };
    const session = expectStatus(await office.post(`/contracts/${contract.id}/training/sessions`, newBusiness), 201).body;
    assert.deepEqual([session.guidance_from, session.guidance_to], [addDays(FIRST, 3), addDays(FIRST, 9)]);
    // D2 staff rule 2: the managers' training is Party A's; the agents' is the supervisors' (the vendor's).
    expectError(await vendor.post(`/contracts/${contract.id}/training/sessions`, {
        ...newBusiness, kind: 'managers', trainer_party: 'vendor',
    }), 400, 'InvalidArgument', 'trainer_party');
    expectError(await office.post(`/contracts/${contract.id}/training/sessions`, {
        ...PRE_JOB, kind: 'agents', trainer_party: 'party_a', trainee_ids: [agent.id],
    }), 400, 'InvalidArgument', 'trainer_party');
    expectError(await office.post(`/contracts/${contract.id}/training/sessions`, {
        ...newBusiness, guidance_to: addDays(FIRST, 2),
    }), 400, 'InvalidArgument', 'guidance_to');
    expectError(await office.post(`/contracts/${contract.id}/training/sessions`, {
        ...newBusiness, guidance_from: undefined,
    }), 400, 'InvalidArgument', 'guidance_from');
    const seen = expectStatus(await vendor.get(`/contracts/${contract.id}/training`), 200).body;
    assert.equal(seen.sessions.length, 1, 'only the accepted session');
});

test('STF-8 a session with a bad field is refused naming the field in both languages, and nothing is written', async (t) => {
    const { server, office, vendor, contract, agent } = await setup();
    t.after(() => server.stop());
    const body = { ...PRE_JOB, trainee_ids: [agent.id] };
    const cases = [
        [{ ...body, topic: '  ' }, 'topic'],
        [{ ...body, trainer_name: '' }, 'trainer_name'],
        [{ ...body, kind: 'party' }, 'kind'],
        [{ ...body, trainer_party: 'nobody' }, 'trainer_party'],
        [{ ...body, hours: '0' }, 'hours'],
        [{ ...body, hours: '80.5' }, 'hours'],
        [{ ...body, hours: '2.25' }, 'hours'],
        [{ ...body, hours: 'two' }, 'hours'],
        [{ ...body, trained_on: addDays(TODAY, 1) }, 'trained_on'],
        [{ ...body, trained_on: undefined }, 'trained_on'],
        [{ ...body, trainee_ids: [] }, 'trainee_ids'],
        // A trainee must be on this contract's roster.
        [{ ...body, trainee_ids: [agent.id, 999999] }, 'trainee_ids'],
    ];
    for (const [input, field] of cases) {
        expectError(await vendor.post(`/contracts/${contract.id}/training/sessions`, input), 400, 'InvalidArgument', field);
    }
    const seen = expectStatus(await office.get(`/contracts/${contract.id}/training`), 200).body;
    assert.deepEqual(seen.sessions, [], 'no refused session was written');
});

test('STF-3 a passed test keeps its pass mark; the roster view shows the latest test per person', async (t) => {
    const { server, office, vendor, admin, contract, agent } = await setup();
    t.after(() => server.stop());
    const passed = expectStatus(await vendor.post(`/staff/${agent.id}/qualification-tests`, {
        taken_on: addDays(FIRST, 4), subject: '话务资格考试', score: 85,
    }), 201).body;
    assert.deepEqual([passed.score, passed.pass_score, passed.result, passed.replacement_id], [85, 60, 'pass', null]);
    // The pass mark is a setting with history; a later change does not move a recorded result.
    expectStatus(await admin.put('/settings/staff.qualification_pass_score', { value: 90, reason: '提高考核标准' }), 200);
    const seen = expectStatus(await office.get(`/contracts/${contract.id}/training`), 200).body;
    assert.equal(seen.pass_score, 90);
    const latest = seen.people.find((entry) => entry.person_id === agent.id).latest_test;
    assert.deepEqual([latest.score, latest.pass_score, latest.result], [85, 60, 'pass'], 'judged against 60 when recorded');
});

test('STF-3 a test with a bad field is refused naming the field, and nothing is written', async (t) => {
    const { server, office, vendor, contract, agent } = await setup();
    t.after(() => server.stop());
    const body = { taken_on: addDays(FIRST, 4), subject: '话务资格考试', score: 75 };
    for (const [input, field] of [
        [{ ...body, score: 120 }, 'score'],
        [{ ...body, score: -1 }, 'score'],
        [{ ...body, score: undefined }, 'score'],
        [{ ...body, subject: ' ' }, 'subject'],
        [{ ...body, taken_on: addDays(TODAY, 1) }, 'taken_on'],
    ]) {
        const error = expectError(await vendor.post(`/staff/${agent.id}/qualification-tests`, input), 400,
            'InvalidArgument', field);
        if (field === 'score' && input.score === 120) {
            assert.match(error.fields[0].message['zh-CN'], /0 到 100/, 'the reason names the range');
        }
    }
    const seen = expectStatus(await office.get(`/contracts/${contract.id}/training`), 200).body;
    assert.deepEqual(seen.tests, [], 'no refused test was written');
});

// STF-4: the obligation a failed test opens is an ordinary replacement request with its deadline.
test('STF-4 a failed test opens a replacement request in the same write, its reason stating the score and pass mark', async (t) => {
    const { server, office, vendor, jiwei, contract, agent } = await setup();
    t.after(() => server.stop());
    const failed = expectStatus(await vendor.post(`/staff/${agent.id}/qualification-tests`, {
        taken_on: addDays(FIRST, 4), subject: '话务资格考试', score: 45,
    }), 201).body;
    assert.deepEqual([failed.result, failed.score, failed.pass_score, failed.replacement_opened], ['fail', 45, 60, true]);
    assert.ok(failed.replacement_id, 'the failure links the request it opened');
    assert.equal(failed.replacement.status, 'open');
    assert.equal(failed.replacement.deadline, addDays(TODAY, 7), 'due after staff.replacement_days (7)');

    const requests = expectStatus(await office.get(`/contracts/${contract.id}/replacements`), 200).body.items;
    const request = requests.find((item) => item.id === failed.replacement_id);
    assert.ok(request, 'the office sees the request on the contract');
    assert.equal(request.person_id, agent.id);
    assert.match(request.reason, /45 分/);
    assert.match(request.reason, /60 分/);
    assert.deepEqual(request.allowed_actions, [], 'the office waits for the vendor\'s report');
    const vendorView = expectStatus(await vendor.get(`/contracts/${contract.id}/replacements`), 200).body.items
        .find((item) => item.id === failed.replacement_id);
    assert.deepEqual(vendorView.allowed_actions, ['report'], 'the vendor must report the replacement');

    // A second failure of the same person links the request already open: one person, one replacement.
    const again = expectStatus(await vendor.post(`/staff/${agent.id}/qualification-tests`, {
        taken_on: addDays(FIRST, 6), subject: '话务资格补考', score: 50,
    }), 201).body;
    assert.equal(again.replacement_id, failed.replacement_id);
    assert.equal(again.replacement_opened, false);
    assert.equal(expectStatus(await office.get(`/contracts/${contract.id}/replacements`), 200).body.items.length, 1);

    const roster = expectStatus(await office.get(`/contracts/${contract.id}/training`), 200).body;
    const latest = roster.people.find((entry) => entry.person_id === agent.id).latest_test;
    assert.deepEqual([latest.subject, latest.result, latest.replacement.id], ['话务资格补考', 'fail', failed.replacement_id]);
    const tests = await listAll(jiwei, '/audit', { entity: 'qualification_test' });
    assert.equal(tests.filter((entry) => entry.action === 'create').length, 2, 'each test has its audit entry');
    const opened = await listAll(jiwei, '/audit', { entity: 'staff_replacement' });
    assert.ok(opened.some((entry) => entry.action === 'create' && entry.entity_id === failed.replacement_id),
        'and so has the request it opened');
});

test('STF-3 only the office and the person\'s own vendor record training; readers read in scope', async (t) => {
    const { server, office, vendor, vendor2, jiwei, contract, agent } = await setup();
    t.after(() => server.stop());
    const session = { ...PRE_JOB, trainee_ids: [agent.id] };
    const testBody = { taken_on: FIRST, subject: '话务资格考试', score: 30 };
    expectError(await jiwei.post(`/contracts/${contract.id}/training/sessions`, session), 403, 'PermissionDenied');
    expectError(await jiwei.post(`/staff/${agent.id}/qualification-tests`, testBody), 403, 'PermissionDenied');
    expectError(await vendor2.post(`/contracts/${contract.id}/training/sessions`, session), 404, 'NotFound');
    expectError(await vendor2.post(`/staff/${agent.id}/qualification-tests`, testBody), 404, 'NotFound');
    expectError(await vendor2.get(`/contracts/${contract.id}/training`), 404, 'NotFound');
    expectError(await vendor.post('/staff/999999/qualification-tests', testBody), 404, 'NotFound');
    const seen = expectStatus(await office.get(`/contracts/${contract.id}/training`), 200).body;
    assert.deepEqual([seen.sessions, seen.tests], [[], []], 'nothing written by the refused callers');
    expectStatus(await office.post(`/contracts/${contract.id}/training/sessions`, session), 201);
    expectStatus(await vendor.get(`/contracts/${contract.id}/replacements`), 200);
});

// Extra duty managers and QA by written request (STF-9, D2 staff rule 9, issue 13): the office asks in writing with
// a reason and the scanned letter; the vendor consents or declines with a reason. A consent changes the contract's
// staffing requirement from its effective date as a recorded change beside the contract's own terms (never an edit
// of them), and staffing compliance judges each day by the requirement in force that day. Every step keeps who,
// when and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, contractFixtures, createActiveContract, expectError, expectStatus, listAll, prepareDatabase,
    startServer, validContent,
} from './harness.mjs';
import { TODAY, addDays, at, monthEnd, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);

async function login(server, account) {
    const client = new Client(server.url);
    await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
    return client;
}

/** A demo database, a server on the test clock and an active contract of vendor1 from the first of last month. */
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
    return {
        db, server, office, contract, vendor: await as('vendor1'), vendor2: await as('vendor2'), jiwei: await as('jiwei'),
        admin: await as('admin'),
    };
}

const REQUEST = {
    role: 'duty_manager', post: '值班经理', day_types: ['workday', 'weekend'], people: 1, hours: 8,
    effective_from: addDays(TODAY, 3), reason: '来访高峰期需增配值班经理一名',
};

test('STF-9 the office asks in writing; the request lists what was asked, and only the office may ask', async (t) => {
    const { server, office, vendor, jiwei, contract } = await setup();
    t.after(() => server.stop());
    const created = expectStatus(await office.post(`/contracts/${contract.id}/staffing-requests`, REQUEST), 201).body;
    assert.equal(created.status, 'requested');
    assert.equal(created.status_name['zh-CN'], '待乙方答复');
    assert.deepEqual([created.post, created.day_types, created.people, created.hours, created.effective_from],
        ['值班经理', ['workday', 'weekend'], 1, 8, REQUEST.effective_from]);
    assert.equal(created.requested_on, TODAY);
    assert.deepEqual(created.allowed_actions, [], 'the office does not answer its own request');
    assert.deepEqual(created.events.map((event) => [event.action, event.comment]), [['request', REQUEST.reason]]);

    const seen = expectStatus(await vendor.get(`/contracts/${contract.id}/staffing-requests`), 200).body;
    assert.equal(seen.can_request, false);
    assert.deepEqual(seen.items.map((item) => [item.id, item.allowed_actions]), [[created.id, ['consent', 'decline']]]);
    for (const client of [vendor, jiwei]) {
        expectError(await client.post(`/contracts/${contract.id}/staffing-requests`, REQUEST), 403, 'PermissionDenied');
    }
    const read = expectStatus(await jiwei.get(`/contracts/${contract.id}/staffing-requests`), 200).body;
    assert.equal(read.items.length, 1, 'discipline inspection reads it');
    assert.deepEqual(read.items[0].allowed_actions, []);
});

test('STF-9 a request with a bad field is refused naming the field in both languages, and nothing is written', async (t) => {
    const { server, office, contract } = await setup();
    t.after(() => server.stop());
    const cases = [
        [{ ...REQUEST, role: 'cook' }, 'role'],
        [{ ...REQUEST, day_types: [] }, 'day_types'],
        [{ ...REQUEST, day_types: ['sunday'] }, 'day_types'],
        [{ ...REQUEST, people: 0 }, 'people'],
        [{ ...REQUEST, hours: 25 }, 'hours'],
        [{ ...REQUEST, effective_from: addDays(TODAY, -1) }, 'effective_from'],
        [{ ...REQUEST, effective_from: addDays(monthEnd(12), 1) }, 'effective_from'],
        [{ ...REQUEST, effective_from: 'soon' }, 'effective_from'],
        [{ ...REQUEST, reason: '  ' }, 'reason'],
        [{ ...REQUEST, attachment_id: 999999 }, 'attachment_id'],
        // The contract's 保洁员 work 8 hours; more of them cannot work 4.
        [{ ...REQUEST, post: '保洁员', hours: 4 }, 'hours'],
    ];
    for (const [body, field] of cases) {
        const error = expectError(await office.post(`/contracts/${contract.id}/staffing-requests`, body), 400,
            'InvalidArgument', field);
        const message = error.fields.find((item) => item.field === field).message;
        assert.ok(message['zh-CN'] && message.en, `${field}: a reason in both languages`);
    }
    const list = expectStatus(await office.get(`/contracts/${contract.id}/staffing-requests`), 200).body;
    assert.deepEqual(list.items, [], 'no refused request was written');
});

test('STF-9 the vendor consents: the requirement changes from the asked date as a recorded change, the contract\'s own terms untouched', async (t) => {
    const { server, office, vendor, vendor2, jiwei, contract } = await setup();
    t.after(() => server.stop());
    const created = expectStatus(await office.post(`/contracts/${contract.id}/staffing-requests`, REQUEST), 201).body;
    expectError(await vendor2.post(`/staff/staffing-requests/${created.id}/consent`, {}), 404, 'NotFound');
    expectError(await office.post(`/staff/staffing-requests/${created.id}/consent`, {}), 403, 'PermissionDenied');
    const consented = expectStatus(await vendor.post(`/staff/staffing-requests/${created.id}/consent`, {
        comment: '同意,下周一到岗',
    }), 200).body;
    assert.equal(consented.status, 'consented');
    assert.equal(consented.effective_on, REQUEST.effective_from, 'asked for a later day: from that day');
    assert.deepEqual(consented.events.map((event) => event.action), ['request', 'consent']);

    const list = expectStatus(await office.get(`/contracts/${contract.id}/staffing-requests`), 200).body;
    assert.deepEqual(list.history.map((version) => version.effective_from), [FIRST, REQUEST.effective_from]);
    assert.equal(list.history[0].source['zh-CN'], '合同约定的人员配置');
    assert.match(list.history[1].source['zh-CN'], /增配值班经理/);
    const added = list.history[1].staffing.filter((row) => row.post === '值班经理');
    assert.deepEqual(added.map((row) => [row.day_type, row.people, row.hours]), [['workday', 1, 8], ['weekend', 1, 8]]);
    const fetched = expectStatus(await office.get(`/contracts/${contract.id}`), 200).body;
    assert.ok(fetched.content.staffing.every((row) => row.role !== '值班经理'), 'the contract\'s terms are not edited');

    // A second answer is refused with the reason and changes nothing.
    const again = expectError(await vendor.post(`/staff/staffing-requests/${created.id}/decline`, { reason: '反悔' }), 409,
        'FailedPrecondition');
    assert.match(again.message['zh-CN'], /乙方已同意/);
    const audit = await listAll(jiwei, '/audit', { entity: 'staffing_request' });
    assert.deepEqual(audit.filter((entry) => entry.entity_id === created.id).map((entry) => entry.action).sort(),
        ['consent', 'create']);
});

test('STF-9 a declined request needs its reason and leaves the requirement as it was', async (t) => {
    const { server, office, vendor, contract } = await setup();
    t.after(() => server.stop());
    const created = expectStatus(await office.post(`/contracts/${contract.id}/staffing-requests`, REQUEST), 201).body;
    expectError(await vendor.post(`/staff/staffing-requests/${created.id}/decline`, { reason: '' }), 400,
        'InvalidArgument', 'reason');
    const declined = expectStatus(await vendor.post(`/staff/staffing-requests/${created.id}/decline`, {
        reason: '现有人员已能满足需要',
    }), 200).body;
    assert.equal(declined.status, 'declined');
    assert.equal(declined.decision_note, '现有人员已能满足需要');
    assert.equal(declined.effective_on, null);
    const list = expectStatus(await office.get(`/contracts/${contract.id}/staffing-requests`), 200).body;
    assert.equal(list.history.length, 1, 'only the contract\'s own requirement');
});

test('STF-9 a consent given after the asked date holds the vendor from the day it consented, and compliance judges each day by the requirement in force', async (t) => {
    const { db, server, office, admin, contract } = await setup();
    // Day types come from the holiday calendar: one for the year of the checked days, with a public holiday in
    // October (the checked days are ordinary ones).
    const year = addDays(TODAY, 3).slice(0, 4);
    expectStatus(await admin.put(`/holiday-calendars/${year}`, {
        source: '测试通知', days: [{ date: `${year}-10-01`, kind: 'off', name: '国庆节' }],
    }), 200);
    const asked = { ...REQUEST, effective_from: TODAY };
    const created = expectStatus(await office.post(`/contracts/${contract.id}/staffing-requests`, asked), 201).body;
    await server.stop();

    // Three days later the vendor consents.
    const consentDay = addDays(TODAY, 3);
    const later = await startServer(db, { fakeNow: at(consentDay) });
    t.after(() => later.stop());
    const vendor = await login(later, 'vendor1');
    const consented = expectStatus(await vendor.post(`/staff/staffing-requests/${created.id}/consent`, {}), 200).body;
    assert.equal(consented.effective_on, consentDay, 'not before the day the vendor agreed');

    // Two days after that, the month of the consent: the duty manager is required from the consent day on.
    const checker = await startServer(db, { fakeNow: at(addDays(consentDay, 2)) });
    t.after(() => checker.stop());
    const reader = await login(checker, 'office');
    const month = consentDay.slice(0, 7);
    const view = expectStatus(await reader.get(`/contracts/${contract.id}/staffing`, { query: { month } }), 200).body;
    const postsOn = (date) => view.days.find((item) => item.date === date)?.posts.map((post) => post.post) ?? [];
    assert.ok(postsOn(consentDay).includes('值班经理'), JSON.stringify(view.days.map((item) => [item.date, item.posts])));
    if (addDays(consentDay, -1).slice(0, 7) === month) {
        assert.ok(!postsOn(addDays(consentDay, -1)).includes('值班经理'), 'the day before keeps the old requirement');
        assert.deepEqual(view.requirement_changes.map((change) => change.effective_from), [consentDay]);
    } else {
        assert.ok(view.requirement.some((row) => row.post === '值班经理'), 'in force from the month\'s first day');
    }
});

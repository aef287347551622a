// Work meetings (SUP-1), rectifications (SUP-2), the communication log (SUP-6) and energy-saving records (RP-1);
// every write audited, every refusal naming its field and writing nothing. docs/api.md "Work meetings,
// rectifications, communications, energy saving". The server runs on the test clock (server/tests/clock.mjs); the
// contracts are made here (one in force for vendor1's vendor from ten months ago to next month, one draft), and the
// overdue test reads through a second server started on the same database at a later day.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_TODAY, contractFixtures, createActiveContract, expectError, expectStatus, listAll, setupDemo,
    sha256, startServer, uploadScan, validContent,
} from './harness.mjs';
import { at, day, monthStart, year } from '../clock.mjs';

let demo;
let office;
let admin;
let dept;
let vendor1;
let vendor2;
let jiwei;
let fx;
let clients;
let active; // a contract in force (vendor1's vendor)
let draft; // a contract in draft

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    dept = await demo.as('dept');
    vendor1 = await demo.as('vendor1');
    vendor2 = await demo.as('vendor2');
    jiwei = await demo.as('jiwei');
    fx = await contractFixtures(demo, office);
    clients = { office, sifa: await demo.as('sifa'), dangzheng: await demo.as('dangzheng') };
    active = await createActiveContract(clients, content());
    draft = expectStatus(await office.post('/contracts', content()), 201, 'draft contract').body;
});

function content() {
    return validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: monthStart(-10),
    });
}

async function auditTotal() {
    return expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.total;
}

async function auditOf(entity, id) {
    return listAll(jiwei, '/audit', { entity, entity_id: id });
}

function meetingBody(overrides = {}) {
    return {
        title: '季度后勤服务工作例会',
        scheduled_at: at(FAKE_TODAY, '09:00'),
        location: '镇政府三楼会议室',
        vendor_ids: [fx.ownVendor.id],
        attendee_org_ids: [fx.department.id],
        agenda: '通报考核情况,听取各部门意见建议,研究整改措施',
        ...overrides,
    };
}

function rectificationBody(overrides = {}) {
    return {
        contract_id: active.id,
        meeting_id: null,
        assessment_id: null,
        title: '卫生间保洁不到位',
        requirement: '每日至少清洁两次,保持无异味,并建立清洁记录',
        owner: '张经理',
        deadline: day(7),
        ...overrides,
    };
}

// ---------------------------------------------------------------------------------------------------------------
// SUP-1 work meetings

test('SUP-1 the office schedules a meeting with vendors and departments; it is read back and audited', async () => {
    const created = expectStatus(await office.post('/meetings', meetingBody()), 201, 'create meeting').body;
    assert.equal(created.status, 'scheduled');
    assert.equal(created.scheduled_at, `${FAKE_TODAY}T09:00:00.000+08:00`);
    assert.deepEqual(created.vendor_ids, [fx.ownVendor.id]);
    assert.equal(created.vendors[0].name, fx.ownVendor.name);
    assert.deepEqual(created.attendee_org_ids, [fx.department.id]);
    assert.equal(created.attendees[0].name, fx.department.name);
    assert.deepEqual(created.opinions, []);
    assert.ok(created.allowed_actions.includes('minutes') && created.allowed_actions.includes('cancel'));
    const read = expectStatus(await office.get(`/meetings/${created.id}`), 200).body;
    assert.equal(read.title, created.title);
    assert.equal(read.history[0].action, 'create');
    const list = expectStatus(await office.get('/meetings', { query: { status: 'scheduled' } }), 200).body;
    assert.ok(list.items.some((item) => item.id === created.id));
    const audit = await auditOf('meeting', created.id);
    assert.ok(audit.some((entry) => entry.action === 'create' && entry.actor_id === office.user.id), 'audited');
});

test('SUP-1 a meeting is refused naming the field when attendees are not departments, a vendor is unknown or the time is malformed; nothing is written', async () => {
    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const town = orgs.find((org) => org.kind === 'town');
    const before = expectStatus(await office.get('/meetings'), 200).body.total;
    const auditBefore = await auditTotal();
    expectError(await office.post('/meetings', meetingBody({ attendee_org_ids: [town.id] })), 400, 'InvalidArgument',
        'attendee_org_ids');
    expectError(await office.post('/meetings', meetingBody({ vendor_ids: [999999] })), 400, 'InvalidArgument',
        'vendor_ids');
    expectError(await office.post('/meetings', meetingBody({ scheduled_at: `${FAKE_TODAY} 09:00` })), 400,
        'InvalidArgument', 'scheduled_at');
    expectError(await office.post('/meetings', meetingBody({ title: '' })), 400, 'InvalidArgument', 'title');
    expectError(await dept.post('/meetings', meetingBody()), 403, 'PermissionDenied');
    expectError(await vendor1.post('/meetings', meetingBody()), 403, 'PermissionDenied');
    assert.equal(expectStatus(await office.get('/meetings'), 200).body.total, before);
    assert.equal(await auditTotal(), auditBefore, 'no audit entry written');
});

test('SUP-1 departments submit opinions online; vendor users see only meetings listing their vendor, without authors', async () => {
    const meeting = expectStatus(await office.post('/meetings', meetingBody()), 201).body;
    const opinion = expectStatus(await dept.post(`/meetings/${meeting.id}/opinions`, {
        kind: 'opinion', content: '三楼卫生间清洁不及时,有异味',
    }), 201, 'department opinion').body;
    assert.equal(opinion.kind, 'opinion');
    assert.equal(opinion.org_name, '社会事务办');
    expectStatus(await office.post(`/meetings/${meeting.id}/opinions`, { kind: 'suggestion', content: '建议增加巡查' }),
        201, 'office suggestion');
    expectError(await dept.post(`/meetings/${meeting.id}/opinions`, { kind: 'complaint', content: '其他' }), 400,
        'InvalidArgument', 'kind');
    expectError(await vendor1.post(`/meetings/${meeting.id}/opinions`, { kind: 'opinion', content: '说明情况' }), 403,
        'PermissionDenied');

    const seen = expectStatus(await vendor1.get(`/meetings/${meeting.id}`), 200, 'vendor1 sees it').body;
    assert.equal(seen.opinions.length, 2);
    assert.ok(seen.opinions.every((item) => item.author === ''), 'no author names for vendors');
    // Nor in the history, whose opinion steps carry the same text (issue 11: the name showed beside it there).
    const opinionSteps = seen.history.filter((step) => step.action === 'opinion' || step.action === 'suggestion');
    assert.equal(opinionSteps.length, 2, 'both steps are in the vendor\'s history');
    for (const step of opinionSteps) {
        assert.equal(step.actor_name, '', `no name in the vendor's history: ${JSON.stringify(step)}`);
        assert.equal(step.actor_id ?? null, null, 'no user id either');
        assert.ok(step.role, 'the role is still shown');
    }
    const officeSteps = expectStatus(await office.get(`/meetings/${meeting.id}`), 200).body.history
        .filter((step) => step.action === 'opinion');
    assert.ok(officeSteps.every((step) => step.actor_name.length > 0), 'the office sees who wrote it');
    const asDept = expectStatus(await dept.get(`/meetings/${meeting.id}`), 200).body;
    assert.ok(asDept.opinions.some((item) => item.author.length > 0));
    expectError(await vendor2.get(`/meetings/${meeting.id}`), 404, 'NotFound');
    const vendor2List = await listAll(vendor2, '/meetings');
    assert.ok(!vendor2List.some((item) => item.id === meeting.id), 'vendor2 does not list it');
    const vendor1List = await listAll(vendor1, '/meetings');
    assert.ok(vendor1List.some((item) => item.id === meeting.id), 'vendor1 lists it');
    assert.ok((await auditOf('meeting', meeting.id)).some((entry) => entry.action === 'opinion'));
});

test('SUP-1 minutes make a meeting held; a cancelled meeting takes no opinions and no minutes, and only a scheduled one can be cancelled', async () => {
    const meeting = expectStatus(await office.post('/meetings', meetingBody()), 201).body;
    expectError(await office.post(`/meetings/${meeting.id}/minutes`, { minutes: '' }), 400, 'InvalidArgument', 'minutes');
    const held = expectStatus(await office.post(`/meetings/${meeting.id}/minutes`, {
        minutes: '通报了11月考核结果;长安物业对卫生间保洁问题作出说明,会议决定限期整改。',
        attendees_present: '王主任、刘干事、张经理',
    }), 200, 'minutes').body;
    assert.equal(held.status, 'held');
    assert.equal(held.attendees_present, '王主任、刘干事、张经理');
    expectError(await office.post(`/meetings/${meeting.id}/cancel`, { reason: '改期' }), 409, 'FailedPrecondition');

    const future = expectStatus(await office.post('/meetings', meetingBody({ scheduled_at: at(day(22), '09:00') })), 201).body;
    expectError(await office.post(`/meetings/${future.id}/minutes`, { minutes: '提前记录的纪要' }), 409, 'FailedPrecondition');
    expectError(await office.post(`/meetings/${future.id}/cancel`, { reason: '' }), 400, 'InvalidArgument', 'reason');
    const cancelled = expectStatus(await office.post(`/meetings/${future.id}/cancel`, { reason: '领导出差,会议改期' }), 200).body;
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancel_reason, '领导出差,会议改期');
    const auditBefore = await auditTotal();
    expectError(await dept.post(`/meetings/${future.id}/opinions`, { kind: 'opinion', content: '会议取消后的意见' }), 409,
        'FailedPrecondition');
    expectError(await office.post(`/meetings/${future.id}/minutes`, { minutes: '取消后的纪要' }), 409, 'FailedPrecondition');
    assert.equal(await auditTotal(), auditBefore, 'refusals write nothing');
    const read = expectStatus(await office.get(`/meetings/${future.id}`), 200).body;
    assert.equal(read.opinions.length, 0);
    assert.deepEqual(read.history.map((event) => event.action), ['create', 'cancel']);
    const cancelledList = expectStatus(await office.get('/meetings', { query: { status: 'cancelled' } }), 200).body;
    assert.ok(cancelledList.items.every((item) => item.status === 'cancelled'));
    const range = await listAll(office, '/meetings', { from: day(1), to: day(30) });
    assert.ok(range.some((item) => item.id === future.id) && !range.some((item) => item.id === meeting.id));
});

// ---------------------------------------------------------------------------------------------------------------
// SUP-2 rectifications

test('SUP-2 a rectification raised from a meeting; refused for a past deadline, an inactive contract, or by a department or vendor', async () => {
    const meeting = expectStatus(await office.post('/meetings', meetingBody()), 201).body;
    const created = expectStatus(await office.post('/rectifications', rectificationBody({ meeting_id: meeting.id })), 201).body;
    assert.equal(created.status, 'open');
    assert.equal(created.contract_id, active.id);
    assert.equal(created.contract_code, active.code);
    assert.equal(created.vendor_id, fx.ownVendor.id);
    assert.equal(created.meeting_id, meeting.id);
    assert.equal(created.overdue, false);
    assert.equal(created.history[0].action, 'create');
    const read = expectStatus(await office.get(`/meetings/${meeting.id}`), 200).body;
    assert.ok(read.rectifications.some((item) => item.id === created.id), 'the meeting lists its rectification');

    const auditBefore = await auditTotal();
    expectError(await office.post('/rectifications', rectificationBody({ deadline: day(-1) })), 400,
        'InvalidArgument', 'deadline');
    expectError(await office.post('/rectifications', rectificationBody({ contract_id: draft.id })), 409,
        'FailedPrecondition', 'contract_id');
    expectError(await office.post('/rectifications', rectificationBody({ contract_id: 999999 })), 400,
        'InvalidArgument', 'contract_id');
    expectError(await office.post('/rectifications', rectificationBody({ assessment_id: 999999 })), 400,
        'InvalidArgument', 'assessment_id');
    expectError(await dept.post('/rectifications', rectificationBody()), 403, 'PermissionDenied');
    expectError(await vendor1.post('/rectifications', rectificationBody()), 403, 'PermissionDenied');
    assert.equal(await auditTotal(), auditBefore, 'refusals write nothing');
});

test('SUP-2 report needs evidence and the own vendor; verify is the office\'s: reject needs a comment and reopens, accept needs the effect and closes', async () => {
    const r = expectStatus(await office.post('/rectifications', rectificationBody()), 201).body;
    const auditBefore = await auditTotal();
    // Closed without evidence: refused naming evidence_ids.
    expectError(await vendor1.post(`/rectifications/${r.id}/report`, { completion: '已整改完毕', evidence_ids: [] }), 400,
        'InvalidArgument', 'evidence_ids');
    expectError(await vendor1.post(`/rectifications/${r.id}/report`, { completion: '已整改完毕' }), 400,
        'InvalidArgument', 'evidence_ids');
    const foreign = await uploadScan(office, '机关事务办文件.pdf');
    expectError(await vendor1.post(`/rectifications/${r.id}/report`, { completion: '已整改', evidence_ids: [foreign.id] }),
        400, 'InvalidArgument', 'evidence_ids');
    // Another vendor cannot see it, the office cannot report it.
    const evidence2 = await uploadScan(vendor2, '安泰整改照片.pdf');
    expectError(await vendor2.post(`/rectifications/${r.id}/report`, { completion: '已整改', evidence_ids: [evidence2.id] }),
        404, 'NotFound');
    expectError(await vendor2.get(`/rectifications/${r.id}`), 404, 'NotFound');
    expectError(await office.post(`/rectifications/${r.id}/report`, { completion: '已整改', evidence_ids: [foreign.id] }),
        403, 'PermissionDenied');
    expectError(await office.post(`/rectifications/${r.id}/verify`, { result: 'accepted', effect: 'effective' }), 409,
        'FailedPrecondition');
    assert.equal(await auditTotal(), auditBefore + 2, 'only the two uploads were written');
    assert.equal(expectStatus(await office.get(`/rectifications/${r.id}`), 200).body.status, 'open');

    const evidence = await uploadScan(vendor1, '整改后照片.pdf');
    const reported = expectStatus(await vendor1.post(`/rectifications/${r.id}/report`, {
        completion: '已增加保洁频次至每日三次,并张贴清洁记录表', evidence_ids: [evidence.id],
    }), 200, 'report').body;
    assert.equal(reported.status, 'reported');
    assert.equal(reported.evidence[0].id, evidence.id);
    assert.equal(reported.evidence[0].sha256, sha256(evidence.bytes), 'the evidence is kept with its checksum');
    assert.ok(reported.reported_at);

    expectError(await vendor1.post(`/rectifications/${r.id}/verify`, { result: 'accepted', effect: 'effective' }), 403,
        'PermissionDenied');
    expectError(await office.post(`/rectifications/${r.id}/verify`, { result: 'accepted' }), 400, 'InvalidArgument', 'effect');
    expectError(await office.post(`/rectifications/${r.id}/verify`, { result: 'rejected' }), 400, 'InvalidArgument', 'comment');
    expectError(await office.post(`/rectifications/${r.id}/verify`, { result: 'maybe' }), 400, 'InvalidArgument', 'result');
    const rejected = expectStatus(await office.post(`/rectifications/${r.id}/verify`, {
        result: 'rejected', comment: '照片未体现三楼卫生间',
    }), 200).body;
    assert.equal(rejected.status, 'open');
    assert.equal(rejected.result, 'rejected');

    expectStatus(await vendor1.post(`/rectifications/${r.id}/report`, {
        completion: '补充三楼卫生间整改照片', evidence_ids: [evidence.id],
    }), 200);
    const closed = expectStatus(await office.post(`/rectifications/${r.id}/verify`, {
        result: 'accepted', effect: 'partly_effective', comment: '基本整改到位,继续观察',
    }), 200).body;
    assert.equal(closed.status, 'closed');
    assert.equal(closed.effect, 'partly_effective');
    assert.ok(closed.verified_by.length > 0 && closed.verified_at);
    assert.deepEqual(closed.history.map((event) => event.action), ['create', 'report', 'reject', 'report', 'accept']);
    assert.deepEqual(closed.history.map((event) => event.role), ['office', 'vendor', 'office', 'vendor', 'office']);
    expectError(await vendor1.post(`/rectifications/${r.id}/report`, { completion: '再次报告', evidence_ids: [evidence.id] }),
        409, 'FailedPrecondition');
    const audit = await auditOf('rectification', r.id);
    assert.deepEqual(audit.map((entry) => entry.action).sort(), ['accept', 'create', 'reject', 'report', 'report']);
});

test('SUP-2 overdue: open and past the deadline (a report awaiting verification is not overdue); filters and vendor scope', async () => {
    const late = expectStatus(await office.post('/rectifications', rectificationBody({ title: '逾期未整改事项', deadline: day(1) })), 201).body;
    const waiting = expectStatus(await office.post('/rectifications', rectificationBody({ title: '已报告待验收事项', deadline: day(1) })), 201).body;
    assert.equal(late.overdue, false, 'not overdue before its deadline');
    const evidence = await uploadScan(vendor1, '佐证.pdf');
    expectStatus(await vendor1.post(`/rectifications/${waiting.id}/report`, { completion: '已完成', evidence_ids: [evidence.id] }), 200);

    // Eleven days later, ten days past the deadline, as the office, the vendors and the department see it then.
    const later = await startServer(demo.db, { fakeNow: at(day(11), '10:00') });
    try {
        const as = async (account) => {
            const client = new Client(later.url);
            await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
            return client;
        };
        const [officeLater, vendor1Later, vendor2Later, deptLater] = await Promise.all(['office', 'vendor1', 'vendor2', 'dept'].map(as));
        const read = expectStatus(await officeLater.get(`/rectifications/${late.id}`), 200).body;
        assert.equal(read.overdue, true);
        assert.equal(read.days_overdue, 10);
        const overdue = await listAll(officeLater, '/rectifications', { overdue: 'true' });
        assert.ok(overdue.some((item) => item.id === late.id));
        assert.ok(!overdue.some((item) => item.id === waiting.id), 'reported is not overdue');
        assert.ok(overdue.every((item) => item.overdue && item.status === 'open'));
        const reported = await listAll(officeLater, '/rectifications', { status: 'reported', contract_id: active.id });
        assert.ok(reported.some((item) => item.id === waiting.id) && reported.every((item) => item.status === 'reported'));
        assert.ok((await listAll(vendor1Later, '/rectifications')).some((item) => item.id === late.id && item.overdue));
        assert.ok(!(await listAll(vendor2Later, '/rectifications')).some((item) => item.vendor_id === fx.ownVendor.id),
            'vendor2 sees none of vendor1\'s');
        assert.ok((await listAll(deptLater, '/rectifications', { vendor_id: fx.ownVendor.id })).some((item) => item.id === late.id));
        expectError(await officeLater.get('/rectifications', { query: { status: 'done' } }), 400, 'InvalidArgument', 'status');
    } finally {
        await later.stop();
    }
});

// ---------------------------------------------------------------------------------------------------------------
// SUP-6 communications

test('SUP-6 the office logs communications with a vendor; the vendor reads its own; refusals name the field', async () => {
    const entry = expectStatus(await office.post('/communications', {
        vendor_id: fx.ownVendor.id, contract_id: active.id, occurred_at: at(day(-1), '15:30'), channel: 'phone',
        counterpart: '张经理', summary: '电话通知卫生间保洁问题,对方承诺当日整改',
    }), 201).body;
    assert.equal(entry.vendor_name, fx.ownVendor.name);
    assert.equal(entry.contract_code, active.code);
    assert.equal(entry.channel, 'phone');
    const auditBefore = await auditTotal();
    const base = { vendor_id: fx.ownVendor.id, occurred_at: at(day(-1), '15:30'), channel: 'visit', counterpart: '张经理', summary: '现场走访' };
    expectError(await office.post('/communications', { ...base, channel: 'fax' }), 400, 'InvalidArgument', 'channel');
    expectError(await office.post('/communications', { ...base, occurred_at: at(day(3), '09:00') }), 400,
        'InvalidArgument', 'occurred_at');
    expectError(await office.post('/communications', { ...base, vendor_id: fx.otherVendor.id, contract_id: active.id }), 400,
        'InvalidArgument', 'contract_id');
    expectError(await office.post('/communications', { ...base, vendor_id: null }), 400, 'InvalidArgument', 'vendor_id');
    expectError(await vendor1.post('/communications', base), 403, 'PermissionDenied');
    expectError(await dept.post('/communications', base), 403, 'PermissionDenied');
    assert.equal(await auditTotal(), auditBefore);
    expectStatus(await office.post('/communications', { ...base, vendor_id: fx.otherVendor.id }), 201);
    const own = await listAll(vendor1, '/communications');
    assert.ok(own.some((item) => item.id === entry.id));
    assert.ok(own.every((item) => item.vendor_id === fx.ownVendor.id));
    assert.ok(!(await listAll(vendor2, '/communications')).some((item) => item.id === entry.id));
    const filtered = await listAll(office, '/communications', { contract_id: active.id });
    assert.ok(filtered.length >= 1 && filtered.every((item) => item.contract_id === active.id));
    assert.ok((await auditOf('communication', entry.id)).some((row) => row.action === 'create'));
});

// ---------------------------------------------------------------------------------------------------------------
// RP-1 energy-saving records

test('RP-1 energy-saving records: saving and kWh not negative and not both zero; listed with totals, by year', async () => {
    const contract = await createActiveContract(clients, content());
    const query = { contract_id: contract.id, year: year(0) };
    const vendorBefore = expectStatus(await vendor1.get('/energy-savings'), 200).body.total;
    const evidence = await uploadScan(office, '节能改造验收单.pdf');
    const record = expectStatus(await office.post('/energy-savings', {
        contract_id: contract.id, recorded_on: FAKE_TODAY, measure: '办公楼走廊照明改为LED感应灯',
        saving: '1200.50', saving_kwh: 3500, evidence_ids: [evidence.id],
    }), 201).body;
    assert.equal(record.saving, '1200.50');
    assert.equal(record.saving_kwh, 3500);
    assert.equal(record.evidence[0].id, evidence.id);
    const auditBefore = await auditTotal();
    const base = { contract_id: contract.id, recorded_on: FAKE_TODAY, measure: '空调温度统一设定为26度' };
    expectError(await office.post('/energy-savings', { ...base, saving: '0.00', saving_kwh: 0 }), 400, 'InvalidArgument', 'saving');
    expectError(await office.post('/energy-savings', base), 400, 'InvalidArgument', 'saving');
    expectError(await office.post('/energy-savings', { ...base, saving: '-1.00', saving_kwh: 10 }), 400, 'InvalidArgument', 'saving');
    expectError(await office.post('/energy-savings', { ...base, saving: '1.00', saving_kwh: -1 }), 400, 'InvalidArgument', 'saving_kwh');
    expectError(await office.post('/energy-savings', { ...base, saving: '1.005' }), 400, 'InvalidArgument', 'saving');
    expectError(await office.post('/energy-savings', { ...base, saving_kwh: 10, recorded_on: day(3) }), 400,
        'InvalidArgument', 'recorded_on');
    expectError(await office.post('/energy-savings', { ...base, saving_kwh: 10, contract_id: draft.id }), 409,
        'FailedPrecondition', 'contract_id');
    expectError(await vendor1.post('/energy-savings', { ...base, saving_kwh: 10 }), 403, 'PermissionDenied');
    assert.equal(await auditTotal(), auditBefore);
    expectStatus(await office.post('/energy-savings', { ...base, saving_kwh: 800 }), 201, 'kWh only');
    const list = expectStatus(await office.get('/energy-savings', { query }), 200).body;
    assert.equal(list.total, 2);
    assert.equal(list.totals.saving, '1200.50');
    assert.equal(list.totals.saving_kwh, 4300);
    const lastYear = expectStatus(await office.get('/energy-savings', { query: { contract_id: contract.id, year: year(-1) } }), 200).body;
    assert.equal(lastYear.total, 0, 'none recorded last year');
    assert.equal(expectStatus(await vendor1.get('/energy-savings'), 200).body.total, vendorBefore + 2,
        'the vendor reads its own');
    assert.ok(!(await listAll(vendor2, '/energy-savings')).some((item) => item.contract_id === contract.id),
        'vendor2 reads none of vendor1\'s');
    assert.ok((await auditOf('energy_saving', record.id)).some((row) => row.action === 'create'));
});

// ---------------------------------------------------------------------------------------------------------------
// Races: on PostgreSQL (READ COMMITTED) each of these read the row, checked its state and wrote it back, so requests
// that read it before the first wrote all passed; the row is now locked before it is read. The window is a few
// milliseconds, so each test races several rows.

test('SUP-1 a meeting cancelled four times at once by two sessions: exactly one cancellation, the others get 409', async () => {
    const office2 = await demo.as('office');
    for (let round = 0; round < 5; round += 1) {
        const meeting = expectStatus(await office.post('/meetings', meetingBody()), 201).body;
        const attempts = await Promise.all([office, office2, office, office2].map((client, i) => client.post(
            `/meetings/${meeting.id}/cancel`, { reason: `会议改期(${i})` },
        )));
        const done = attempts.filter((response) => response.status === 200);
        assert.equal(done.length, 1, `round ${round}: one cancellation succeeds: ${attempts.map((response) => response.status)}`);
        for (const response of attempts.filter((item) => item.status !== 200)) expectError(response, 409, 'FailedPrecondition');
        const read = expectStatus(await office.get(`/meetings/${meeting.id}`), 200).body;
        assert.equal(read.cancel_reason, done[0].body.cancel_reason);
        assert.deepEqual(read.history.map((event) => event.action), ['create', 'cancel'], 'cancelled once');
        assert.equal((await auditOf('meeting', meeting.id)).filter((entry) => entry.action === 'cancel').length, 1);
    }
});

test('SUP-2 a reported rectification verified four times at once (accept and reject) by two sessions: one verdict, the others get 409', async () => {
    const office2 = await demo.as('office');
    for (let round = 0; round < 4; round += 1) {
        const r = expectStatus(await office.post('/rectifications', rectificationBody()), 201).body;
        const evidence = await uploadScan(vendor1, '整改后照片.pdf');
        expectStatus(await vendor1.post(`/rectifications/${r.id}/report`, {
            completion: '已增加保洁频次至每日三次', evidence_ids: [evidence.id],
        }), 200, 'report');
        const attempts = await Promise.all([
            office.post(`/rectifications/${r.id}/verify`, { result: 'accepted', effect: 'effective', comment: '' }),
            office2.post(`/rectifications/${r.id}/verify`, { result: 'rejected', effect: '', comment: '仍有异味,请继续整改' }),
            office.post(`/rectifications/${r.id}/verify`, { result: 'accepted', effect: 'partly_effective', comment: '' }),
            office2.post(`/rectifications/${r.id}/verify`, { result: 'rejected', effect: '', comment: '记录不全' }),
        ]);
        const done = attempts.filter((response) => response.status === 200);
        assert.equal(done.length, 1, `round ${round}: one verdict is recorded: ${attempts.map((response) => response.status)}`);
        for (const response of attempts.filter((item) => item.status !== 200)) expectError(response, 409, 'FailedPrecondition');
        const read = expectStatus(await office.get(`/rectifications/${r.id}`), 200).body;
        assert.equal(read.status, done[0].body.status);
        assert.equal(read.result, done[0].body.result);
        const verdicts = (await auditOf('rectification', r.id)).filter((entry) => ['accept', 'reject'].includes(entry.action));
        assert.equal(verdicts.length, 1, 'one verdict on the trail');
    }
});

// What procurement.test.mjs and procurement-bids.test.mjs share (docs/api.md "Projects and procurement"): the demo
// catalogue, departments and vendors they use, a valid project input, the way to an approved project, vendor users
// for demo vendors that have none, the bidding's times on the test clock, and a client logged in on another server
// (a later clock on the same database).
import assert from 'node:assert/strict';
import { Client, DEMO, expectStatus, listAll, uniqueSuffix } from './harness.mjs';
import { at, day, year } from '../clock.mjs';

/** The budget year of the projects here, three years on: one the demo has no rules for (it has this year's and the
 * next), so each test file writes its own. */
export const YEAR = year(3);

/** The sealed bidding's times, counted from the test clock's now (T0): bids until 17:00 in six days, the opening at
 * 09:30 three days later. */
export const BID_DEADLINE = at(day(6), '17:00');
export const OPENING_AT = at(day(9), '09:30');

/** The secrets of the sealed bidding (docs/procurement.md "Secrets": strong on their own, different). */
export const OFFICER_SECRET = 'Jiujiang-Office#2026!';
export const WITNESS_SECRET = '镇纪委监督开标口令:二〇二六年十二月七日上午';

/**
 * PRJ-7: the discipline-inspection witness consents, in their own session (`witness`: jiwei's client, on the server
 * whose clock the step runs at), to the project's next witnessed step: 'open_bidding' (the seal's creation) or
 * 'opening'. No log-in password is typed on the office's screen; the office's step uses the consent once.
 */
export async function witnessConsent(witness, id, purpose) {
    return expectStatus(await witness.post(`/projects/${id}/witness-consents`, { purpose }), 201,
        `${witness.user.username} consents to ${purpose}`).body;
}

/** Demo vendors (server/src/services/demo_seed.cpp) by name. */
export const VENDOR_NAMES = {
    changan: '九江长安物业服务有限公司', // vendor1: 营业执照, 保洁服务资质; 48 staff; both systems
    antai: '佛山安泰保安服务有限公司', // vendor2: 营业执照 (no 保洁服务资质); 120 staff; both systems
    jiemei: '南海洁美保洁有限公司', // 营业执照, 保洁服务资质; 35 staff; both systems
    huizhan: '顺德会展商务服务有限公司', // 营业执照; 12 staff; both systems
    xiaofang: '南海消防技术服务有限公司', // 营业执照; 18 staff; both systems
};

/**
 * Ids from the demo data: categories meeting (会议服务), cleaning, maintenance and its sub-category aircon; the
 * departments 社会事务办 and 机关事务办, the town 九江镇; the demo vendors above.
 */
export async function procurementFixtures(office, admin) {
    const categories = expectStatus(await office.get('/categories'), 200).body.items;
    const category = (code) => {
        const found = categories.find((item) => item.code === code);
        assert.ok(found, `demo category ${code}`);
        return found;
    };
    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const town = orgs.find((org) => org.name === '九江镇' && org.kind === 'town');
    const social = orgs.find((org) => org.name === '社会事务办' && org.kind === 'department');
    assert.ok(town && social, 'the demo town 九江镇 and its department 社会事务办');
    const vendors = await listAll(office, '/vendors');
    const vendor = {};
    for (const [key, name] of Object.entries(VENDOR_NAMES)) {
        vendor[key] = vendors.find((item) => item.name === name);
        assert.ok(vendor[key], `demo vendor ${name}`);
    }
    const meeting = category('meeting');
    assert.equal(meeting.name_zh, '会议服务');
    return {
        meeting,
        cleaning: category('cleaning'),
        maintenance: category('maintenance'),
        aircon: category('aircon'),
        town,
        social,
        vendor,
    };
}

/** A new vendor user for the demo vendor `vendor` (the demo has users for vendor1 and vendor2 only). */
export async function vendorUser(demo, admin, vendor, prefix) {
    const username = `${prefix}${uniqueSuffix().toLowerCase()}`;
    const password = 'Vendor@2026';
    expectStatus(await admin.post('/users', {
        username, display_name: `${vendor.name}投标员`, password, role: 'vendor', org_id: vendor.org_id,
    }), 201, `vendor user for ${vendor.name}`);
    const client = await demo.as({ username, password });
    client.credentials = { username, password };
    return client;
}

/** `client`'s account logged in on another server (sessions idle out when the clock jumps, so log in again). */
export async function loginOn(server, client) {
    const credentials = client.credentials ?? DEMO[client.user.username];
    assert.ok(credentials, `credentials of ${client.user.username}`);
    const other = new Client(server.url);
    await other.login(credentials.username, credentials.password, { expect: 200 });
    other.credentials = credentials;
    return other;
}

/** Uploads a small PDF as the implementation plan (采购实施方案); returns the attachment. */
export async function uploadPlan(client, filename = '采购实施方案.pdf') {
    const bytes = Buffer.from(`%PDF-1.4\n% plan ${uniqueSuffix()}\n%%EOF\n`);
    const response = await client.post('/attachments', bytes, {
        headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(filename) },
    });
    return expectStatus(response, 201, 'upload plan').body;
}

/** A valid `project input`: one year of meeting services for 社会事务办, 360000.00 a year, in YEAR or in
 * `overrides.year` (the service period follows the year unless overridden too). */
export function projectBody(fx, overrides = {}) {
    const budgetYear = overrides.year ?? YEAR;
    return {
        name: `${budgetYear}年度九江镇机关会议服务采购项目(测试${uniqueSuffix()})`,
        year: budgetYear,
        category_id: fx.meeting.id,
        item_codes: [],
        scope: '镇机关各类会议的会场布置、音响设备保障、茶水服务及会议文印',
        annual_budget: '360000.00',
        total_budget: '360000.00',
        service_start: `${budgetYear}-01-01`,
        service_end: `${budgetYear}-12-31`,
        department_id: fx.social.id,
        responsible_person: '刘干事',
        responsible_phone: '0757-86500002',
        plan_attachment_ids: [],
        ...overrides,
    };
}

/** Creates a project with a plan and submits it; returns the project `pending_leadership`. */
export async function submittedProject(office, fx, overrides = {}) {
    const plan = await uploadPlan(office);
    const created = expectStatus(
        await office.post('/projects', projectBody(fx, { plan_attachment_ids: [plan.id], ...overrides })), 201, 'create project',
    ).body;
    const submitted = expectStatus(await office.post(`/projects/${created.id}/submit`, {}), 200, 'submit project').body;
    assert.equal(submitted.status, 'pending_leadership');
    return submitted;
}

/** Creates, submits and approves a project; returns it `approved` with its route decided. */
export async function approvedProject({ office, leader }, fx, overrides = {}) {
    const submitted = await submittedProject(office, fx, overrides);
    const approved = expectStatus(
        await leader.post(`/projects/${submitted.id}/decision`, { decision: 'approve', comment: '同意按程序采购' }), 200, 'approve project',
    ).body;
    assert.equal(approved.status, 'approved');
    return approved;
}

/** The decision's values as {name: value}. */
export function valuesOf(decision) {
    return Object.fromEntries(decision.values.map((entry) => [entry.name, entry.value]));
}

export async function auditTotal(admin) {
    return expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.total;
}

export async function projectTotal(office) {
    return expectStatus(await office.get('/projects', { query: { page_size: 1 } }), 200).body.total;
}

// The authorisation matrix (issue 11): every route of the running server's OpenAPI document times every kind of
// caller, with the expected answer derived from what the route declares beside itself in its routes.cpp
// (`.Scope(RecordScope::…)`, `.Requires(…)`, `.RefusedTo(…)`, published as x-scope and x-roles):
//   anonymous on a session route          401
//   a role the gate does not let through  403
//   a record outside the caller's scope   404  (x-scope town: another town's user; vendor: also another vendor's
//                                                user; department: also another department's user)
//   otherwise                             past the gate: any answer but 401/403 (and no 404 on a read with no record
//                                                in its path), no 5xx; a refusal for validation (400/422) or for the
//                                                record's state (409) counts as let through.
// Roles and scope: docs/api.md's role table, docs/architecture.md "Access and scope" and "How to add a route".
// Path parameters are filled with records of the demo's town 九江镇 that belong to vendor1 (the vendor user's own;
// the project is the demo's opened bidding, which both vendors bid on; the file is the active contract's signed scan);
// the other town's user (an office user of 新城镇, made here), vendor2 and a user of another department ask for the
// same records. Reads run first, then writes one at a time; a write that would remove its record (DELETE) or the
// caller's session gets a fresh one per case, so the answers do not depend on the order of the cases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, FAKE_TODAY, createActiveContract, expectStatus, listAll, setupDemo, uniqueSuffix, uploadScan, validContent,
} from './harness.mjs';
import { addDays, dateOfYear, year as yearFromNow } from '../clock.mjs';

/** The kinds of caller: who signs in, the requirement the case proves, and which record scopes are foreign to it. */
const CALLERS = [
    { kind: 'anonymous', requirement: 'ROLE-1…8', account: null, foreign: [] },
    { kind: 'admin', requirement: 'ROLE-1', account: 'admin', foreign: [] },
    { kind: 'office', requirement: 'ROLE-2', account: 'office', foreign: [] },
    { kind: 'leadership', requirement: 'ROLE-3', account: 'leader', foreign: [] },
    { kind: 'discipline', requirement: 'ROLE-4', account: 'jiwei', foreign: [] },
    { kind: 'judicial', requirement: 'ROLE-5', account: 'sifa', foreign: [] },
    { kind: 'party_office', requirement: 'ROLE-6', account: 'dangzheng', foreign: [] },
    { kind: 'department', requirement: 'ROLE-7', account: 'dept', foreign: [] },
    { kind: 'vendor', requirement: 'ROLE-8', account: 'vendor1', foreign: [] },
    // a user of another town sees nothing of this town's records.
    { kind: 'other town (office)', requirement: 'X-7 ROLE-2', account: 'otherTown', foreign: ['town', 'vendor', 'department'] },
    { kind: 'other vendor', requirement: 'ROLE-8', account: 'vendor2', foreign: ['vendor'] },
    { kind: 'other department', requirement: 'ROLE-7', account: 'dept2', foreign: ['department'] },
];

const READ_CONCURRENCY = 4;

let demo;
let operations; // [{method, pattern, scope, roles, access}]
const clients = {}; // account → signed-in Client
const ids = {}; // what the path parameters are filled with
const otherTown = { username: `xc${uniqueSuffix().toLowerCase()}`, password: 'Matrix@2026x' };

function newCategory() {
    const suffix = uniqueSuffix();
    return {
        parent_id: null, code: `M-${suffix}`, name_zh: `矩阵类别${suffix}`, name_en: `Matrix ${suffix}`,
        description: '授权矩阵测试用', sort_order: 95, active: true,
        checklist: [{ item: '人员到岗', points: 60 }, { item: '服务质量', points: 40 }],
        criteria: { qualification_types: ['营业执照'], min_staff_count: 1, require_training_system: false,
            require_management_system: false },
        staff_roles: ['保洁员'],
    };
}

function newQualification() {
    return {
        type: '营业执照', cert_no: `MX-${uniqueSuffix()}`, issuer: '佛山市市场监督管理局',
        valid_from: dateOfYear(-1, '01-01'), valid_until: dateOfYear(4, '12-31'), attachment_id: null,
    };
}

before(async () => {
    demo = await setupDemo();
    const admin = await demo.as('admin');
    // The demo has a second town (新城镇) with an office department but no user in it: make its office user.
    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const xincheng = orgs.find((org) => org.kind === 'town' && org.name === '新城镇');
    const xinchengOffice = orgs.find((org) => org.kind === 'department' && org.path.startsWith(xincheng.path));
    assert.ok(xinchengOffice, 'the demo has an office department in 新城镇');
    expectStatus(await admin.post('/users', {
        username: otherTown.username, display_name: '新城镇机关事务办', password: otherTown.password, role: 'office',
        org_id: xinchengOffice.id,
    }), 201, 'the other town\'s office user');
    for (const caller of CALLERS) {
        if (!caller.account) continue;
        clients[caller.account] = caller.account === 'otherTown'
            ? await signIn(otherTown)
            : caller.account === 'dept2'
                ? await signIn({ username: 'dept2', password: 'Dept@2026' })
                : await demo.as(caller.account);
    }
    assert.notEqual(clients.dept.user.org_id, clients.dept2.user.org_id, 'dept2 is in another department');

    const office = clients.office;
    const vendor1 = clients.vendor1;
    const vendor2 = clients.vendor2;
    const first = async (client, pathname, what, pick = () => true) => {
        const items = await listAll(client, pathname);
        const found = items.find(pick);
        assert.ok(found, `the demo has ${what}`);
        return found.id;
    };
    ids.contract = await first(vendor1, '/contracts', 'an active contract of vendor1', (item) => item.status === 'active');
    ids.assessment = await first(vendor1, '/assessments', 'an assessment of vendor1');
    ids.meeting = await first(vendor1, '/meetings', 'a meeting with vendor1');
    ids.rectification = await first(vendor1, '/rectifications', 'a rectification of vendor1');
    ids.survey = await first(vendor1, '/surveys', 'a survey about vendor1');
    ids.proposal = await first(office, '/proposals', 'a proposal');
    // A project both vendors bid on, already opened (the demo's), so vendor1's and vendor2's answers are both "let
    // through" on every project route, the opening's included.
    const seenBy2 = new Set((await listAll(vendor2, '/projects')).map((item) => item.id));
    ids.project = await first(vendor1, '/projects', 'an opened project both vendors bid on',
        (item) => item.status === 'opened' && seenBy2.has(item.id));
    ids.vendor = await first(vendor1, '/vendors', 'vendor1\'s vendor record');
    ids.qualification = expectStatus(
        await office.post(`/vendors/${ids.vendor}/qualifications`, newQualification()), 201, 'a qualification').body.id;
    ids.category = expectStatus(await office.post('/categories', newCategory()), 201, 'a category').body.id;
    ids.user = clients.dept.user.id;
    ids.setting = expectStatus(await admin.get('/settings'), 200).body.items[0].key;
    ids.year = expectStatus(await admin.get('/procurement-rules'), 200).body.items[0].year;
    // STF-1, STF-5: a person on the active contract's roster with one item issued; the holiday calendar's year (STF-6).
    ids.personBody = {
        name: '矩阵保洁', id_number: residentId(`440681${FAKE_TODAY.slice(0, 4) - 40}0315011`), phone: '13800000000',
        role: 'cleaner', post: '保洁员', start_date: FAKE_TODAY, end_date: null,
    };
    ids.person = expectStatus(await vendor1.post(`/contracts/${ids.contract}/staff`, ids.personBody), 201,
        'a person on the roster').body.id;
    ids.equipmentBody = { kind: 'badge', description: '矩阵工牌', quantity: 1, unit_value: '10.00', issued_on: FAKE_TODAY };
    ids.equipment = expectStatus(await vendor1.post(`/staff/${ids.person}/equipment`, ids.equipmentBody), 201,
        'an item issued').body.id;
    // STF-2: a scan vendor1 uploaded, named by a person's document.
    ids.documentScan = (await uploadScan(vendor1, '矩阵劳动合同.pdf')).id;
    // STF-9: a written request for an extra duty manager on the active contract, not yet answered.
    ids.staffingBody = {
        role: 'duty_manager', post: '值班经理', day_types: ['workday'], people: 1, hours: 8, effective_from: FAKE_TODAY,
        reason: '矩阵测试:增配值班经理',
    };
    ids.staffingRequest = expectStatus(await office.post(`/contracts/${ids.contract}/staffing-requests`, ids.staffingBody),
        201, 'a request for an extra duty manager').body.id;
    // STF-4: a written request that the person be replaced, waiting for vendor1's report.
    ids.replacementBody = { person_id: ids.person, reason: '矩阵测试:要求更换' };
    ids.replacement = expectStatus(await office.post(`/contracts/${ids.contract}/replacements`, ids.replacementBody),
        201, 'a replacement request').body.id;
    // CC-1: a written request that the person be given an agent ID, waiting for vendor1 to carry it out or decline.
    ids.agentIdBody = { kind: 'open', person_id: ids.person, permissions: ['outbound'], reason: '矩阵测试:开通工号' };
    ids.agentIdRequest = expectStatus(await office.post(`/contracts/${ids.contract}/agent-id-requests`, ids.agentIdBody),
        201, 'an agent-ID request').body.id;
    // CC-8: a call-record file vendor1 imported into the active contract (one Asterisk row).
    ids.callImport = expectStatus(await vendor1.post(`/contracts/${ids.contract}/call-imports`, Buffer.from(
        `8001,02088886666,13900001111,from-internal,8001,SIP/a,SIP/b,Dial,x,${FAKE_TODAY} 09:00:00,` +
        `${FAKE_TODAY} 09:00:05,${FAKE_TODAY} 09:01:05,65,60,ANSWERED,DOCUMENTATION,matrix.1\n`), {
        headers: { 'Content-Type': 'text/csv', 'X-Filename': 'Master.csv' }, query: { layout: 'asterisk' },
    }), 202, 'a call-record import').body.id;
    // CC-8: a large file vendor1 has started to send in parts (nothing sent yet).
    ids.newCallUpload = async () => expectStatus(await vendor1.post(`/contracts/${ids.contract}/call-uploads`,
        { filename: 'Master.csv', size: 4096, layout: 'asterisk' }), 201, 'an upload in parts').body.id;
    ids.callUpload = await ids.newCallUpload();
    ids.callMappingBody = {
        name: '矩阵列对应', columns: { agent_id: 1, called_number: 2, start: 3, end: 4, talk_seconds: 5 },
    };
    // CC-3: a draft of the scoring method by vendor1 on the active contract, from this month.
    ids.methodBody = { effective_from: FAKE_TODAY.slice(0, 7), visits_target: 400, talk_seconds_target: 72000 };
    ids.scoringMethod = expectStatus(await vendor1.post(`/contracts/${ids.contract}/scoring-methods`, ids.methodBody),
        201, 'a draft scoring method').body.id;
    // CC-4: a penalty suggestion for the person this month, waiting for vendor1's answer.
    ids.suggestionBody = { person_id: ids.person, month: FAKE_TODAY.slice(0, 7), supervision_note: '矩阵测试:督导记录' };
    ids.penaltySuggestion = expectStatus(
        await office.post(`/contracts/${ids.contract}/penalty-suggestions`, ids.suggestionBody), 201,
        'a penalty suggestion').body.id;
    // CC-2: a written request that an outbound number be added, waiting for vendor1's report.
    ids.numberBody = { kind: 'add', number: '02088880000', label: '矩阵测试', reason: '矩阵测试:新增外呼号码' };
    ids.numberRequest = expectStatus(await office.post(`/contracts/${ids.contract}/number-requests`, ids.numberBody),
        201, 'an outbound-number request').body.id;
    // CC-5: an extra reward for the person, in force.
    ids.rewardBody = {
        person_ids: [ids.person], amount_fen: 10000, handed_out_by: 'organisation', reason: '矩阵测试:奖励',
        awarded_on: FAKE_TODAY,
    };
    ids.reward = expectStatus(await office.post(`/contracts/${ids.contract}/rewards`, ids.rewardBody), 201,
        'a reward').body.items[0].id;
    // STF-7: an incident on the active contract, open, so its close route has a record to refuse or let through.
    ids.incidentBody = {
        type: 'rule_violation', occurred_on: FAKE_TODAY, person_ids: [ids.person], description: '矩阵测试:串岗',
        responsible_party: 'party_b', compensation: '0.00',
    };
    ids.incident = expectStatus(await office.post(`/contracts/${ids.contract}/incidents`, ids.incidentBody), 201,
        'an incident').body.id;
    ids.calendarYear = expectStatus(await office.get('/holiday-calendars'), 200).body.items[0].year;
    ids.month = FAKE_TODAY.slice(0, 7);
    const contract = expectStatus(await office.get(`/contracts/${ids.contract}`), 200).body;
    ids.attachment = contract.signing?.attachment?.id;
    assert.ok(ids.attachment, 'the demo\'s active contract has its signed scan');
    ids.contractVendor = contract.vendor_id;
    ids.contractCategory = contract.category_id;
    ids.department = contract.responsible_department_id ?? clients.dept.user.org_id;
    // STF-1: a contract in force that serves dept's department (the demo's serve the office's), whose roster dept reads.
    ids.servedContract = (await createActiveContract(clients, validContent({
        vendorId: ids.contractVendor, categoryId: ids.contractCategory, departmentId: clients.dept.user.org_id,
        termStart: `${FAKE_TODAY.slice(0, 7)}-01`,
    }))).id;
    ids.period = contract.ledger?.periods?.[0]?.period ?? FAKE_TODAY.slice(0, 7);
    const vendorRecord = expectStatus(await office.get(`/vendors/${ids.vendor}`), 200).body;
    ids.vendorBody = {
        name: vendorRecord.name, credit_code: vendorRecord.credit_code,
        legal_representative: vendorRecord.legal_representative, contact_name: vendorRecord.contact_name,
        contact_phone: vendorRecord.contact_phone, address: vendorRecord.address,
        bank_account_name: vendorRecord.bank_account_name, bank_name: vendorRecord.bank_name,
        bank_account_no: vendorRecord.bank_account_no, staff_count: vendorRecord.staff_count,
        registered_capital: vendorRecord.registered_capital, has_training_system: vendorRecord.has_training_system,
        has_management_system: vendorRecord.has_management_system,
        category_ids: vendorRecord.category_ids ?? [], status: vendorRecord.status,
    };

    const document = expectStatus(await demo.client().get('/api/v1/openapi.json'), 200).body;
    operations = [];
    for (const [pattern, methods] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
            operations.push({
                method: method.toUpperCase(), pattern, scope: operation['x-scope'], roles: operation['x-roles'],
                access: operation.security.length === 0 ? 'public' : 'session',
            });
        }
    }
});

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A GB 11643 resident ID number: the first 17 digits and their check character. */
function residentId(first17) {
    const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * ID_WEIGHTS[index], 0);
    return first17 + '10X98765432'[sum % 11];
}

async function signIn({ username, password }) {
    const client = new Client(demo.server.url);
    await client.login(username, password, { expect: 200 });
    return client;
}

test('X-7 every route declares the scope of its record and who passes its gate', () => {
    const undeclared = operations.filter((op) => !['none', 'town', 'vendor', 'department', 'own_user', 'linked'].includes(op.scope));
    assert.deepEqual(undeclared.map((op) => `${op.method} ${op.pattern}`), [],
        'routes without .Scope(RecordScope::…) in their routes.cpp');
    for (const op of operations) {
        if (op.access === 'session') assert.ok(Array.isArray(op.roles), `${op.method} ${op.pattern} publishes x-roles`);
    }
    assert.ok(operations.length >= 100, `only ${operations.length} routes in the OpenAPI document`);
});

/** The path with its parameters filled, or null when the test has no record for it (the test then fails). */
function fillPath(pattern, fresh) {
    const values = {
        '/api/v1/assessments/{id}': ids.assessment,
        '/api/v1/attachments/{id}': ids.attachment,
        '/api/v1/categories/{id}': fresh.category ?? ids.category,
        '/api/v1/contracts/{id}': ids.contract,
        '/api/v1/served-contracts/{id}': ids.servedContract,
        '/api/v1/meetings/{id}': ids.meeting,
        '/api/v1/procurement-rules/{year}': ids.year,
        '/api/v1/projects/{id}': ids.project,
        '/api/v1/proposals/{id}': ids.proposal,
        '/api/v1/rectifications/{id}': ids.rectification,
        '/api/v1/settings/{key}': ids.setting,
        '/api/v1/surveys/{id}': ids.survey,
        '/api/v1/users/{id}': ids.user,
        '/api/v1/staff/{id}': ids.person,
        '/api/v1/staff/equipment/{id}': ids.equipment,
        '/api/v1/incidents/{id}': ids.incident,
        '/api/v1/staff/replacements/{id}': ids.replacement,
        '/api/v1/staff/staffing-requests/{id}': ids.staffingRequest,
        '/api/v1/callcentre/agent-id-requests/{id}': ids.agentIdRequest,
        '/api/v1/call-imports/{id}': ids.callImport,
        '/api/v1/call-uploads/{id}': fresh.callUpload ?? ids.callUpload,
        '/api/v1/callcentre/scoring-methods/{id}': ids.scoringMethod,
        '/api/v1/callcentre/penalty-suggestions/{id}': ids.penaltySuggestion,
        '/api/v1/callcentre/number-requests/{id}': ids.numberRequest,
        '/api/v1/callcentre/rewards/{id}': ids.reward,
        '/api/v1/holiday-calendars/{year}': ids.calendarYear,
        '/api/v1/staff-roles/{code}': 'other',
        '/api/v1/vendors/{id}': ids.vendor,
    };
    if (!pattern.includes('{')) return pattern;
    const head = Object.keys(values).find((prefix) => pattern === prefix || pattern.startsWith(`${prefix}/`));
    if (!head) return null;
    let filled = pattern.replace(head, head.replace(/\{[a-z]+\}/, encodeURIComponent(values[head])));
    filled = filled.replace('{qid}', fresh.qualification ?? ids.qualification);
    filled = filled.replace('{month}', ids.month);
    // CC-3: a person's last 12 months, and the ranked month as Excel ({file} is YYYY-MM.xlsx).
    filled = filled.replace('{person_id}', ids.person);
    filled = filled.replace('{file}', `${ids.month}.xlsx`);
    return filled.includes('{') ? null : filled;
}

/**
 * Bodies that pass validation, for the routes that check their body before they look their record up: a caller
 * outside the record's scope sends one, so its 404 comes from the scope check and not from a missing field. Callers
 * inside the scope send `{}` (a validation refusal is past the gate, and nothing is written).
 */
function validBodies() {
    return {
        'POST /api/v1/assessments/{id}/appeal': { reason: '矩阵测试:申诉', attachment_ids: [] },
        'POST /api/v1/assessments/{id}/appeal/decision': { decision: 'upheld', reason: '矩阵测试:维持' },
        'PUT /api/v1/contracts/{id}': validContent({
            vendorId: ids.contractVendor, categoryId: ids.contractCategory, departmentId: ids.department,
        }),
        'POST /api/v1/contracts/{id}/consultations': { held_on: FAKE_TODAY, participants: '甲乙双方', summary: '矩阵测试' },
        'POST /api/v1/contracts/{id}/ledger': { kind: 'deduction', period: ids.period, amount: '100.00', reason: '矩阵测试' },
        'POST /api/v1/contracts/{id}/payments': { period: ids.period, amount: '100.00', paid_on: FAKE_TODAY },
        'POST /api/v1/contracts/{id}/renew': { reason: '矩阵测试续签', term_start: `${yearFromNow(2)}-01-01`,
            term_end: `${yearFromNow(2)}-12-31` },
        'POST /api/v1/contracts/{id}/terminate': { reason: '矩阵测试', breach_liability: '无', effective_on: FAKE_TODAY },
        'POST /api/v1/meetings/{id}/cancel': { reason: '矩阵测试' },
        'POST /api/v1/meetings/{id}/minutes': { minutes: '矩阵测试纪要', attendees_present: '王主任' },
        'POST /api/v1/meetings/{id}/opinions': { kind: 'opinion', content: '矩阵测试意见' },
        'POST /api/v1/proposals/{id}/decision': { decision: 'reject', comment: '矩阵测试' },
        'POST /api/v1/rectifications/{id}/verify': { result: 'accepted', effect: 'effective', comment: '矩阵测试' },
        'PUT /api/v1/vendors/{id}': ids.vendorBody,
        'POST /api/v1/contracts/{id}/staff': { ...ids.personBody, start_date: addDays(FAKE_TODAY, 1) },
        'POST /api/v1/contracts/{id}/attendance': { person_id: ids.person, clock_in: `${FAKE_TODAY} 08:00` },
        'PUT /api/v1/staff/{id}': ids.personBody,
        'POST /api/v1/staff/{id}/equipment': ids.equipmentBody,
        'POST /api/v1/contracts/{id}/incidents': ids.incidentBody,
        'POST /api/v1/incidents/{id}/close': { closed_on: FAKE_TODAY, note: '矩阵测试结案' },
        'POST /api/v1/staff/equipment/{id}/return': { settled_on: FAKE_TODAY },
        'POST /api/v1/staff/equipment/{id}/lost': { settled_on: FAKE_TODAY, compensation: '10.00', note: '矩阵测试' },
        'POST /api/v1/contracts/{id}/training/sessions': {
            kind: 'pre_job', trainer_party: 'vendor', trainer_name: '矩阵督导', topic: '矩阵测试', hours: '1.5',
            trained_on: FAKE_TODAY, trainee_ids: [ids.person],
        },
        'POST /api/v1/staff/{id}/qualification-tests': { taken_on: FAKE_TODAY, subject: '矩阵测试', score: 90 },
        'POST /api/v1/contracts/{id}/replacements': ids.replacementBody,
        'POST /api/v1/staff/replacements/{id}/report': { replacement_id: ids.person, note: '矩阵测试' },
        'POST /api/v1/staff/replacements/{id}/confirm': { comment: '矩阵测试' },
        'POST /api/v1/staff/replacements/{id}/return': { reason: '矩阵测试' },
        'POST /api/v1/staff/{id}/documents': { kind: 'labour_contract', attachment_id: ids.documentScan, issued_on: FAKE_TODAY },
        'POST /api/v1/staff/{id}/insurance': { month: FAKE_TODAY.slice(0, 7), amount: '100.00' },
        'POST /api/v1/contracts/{id}/staffing-requests': ids.staffingBody,
        'POST /api/v1/staff/staffing-requests/{id}/consent': { comment: '矩阵测试' },
        'POST /api/v1/staff/staffing-requests/{id}/decline': { reason: '矩阵测试' },
        'POST /api/v1/contracts/{id}/agent-id-requests': ids.agentIdBody,
        'POST /api/v1/contracts/{id}/call-mappings': ids.callMappingBody,
        'POST /api/v1/contracts/{id}/call-uploads': { filename: 'Master.csv', size: 4096, layout: 'asterisk' },
        'POST /api/v1/callcentre/agent-id-requests/{id}/carry-out': { agent_id: '9001', effective_on: FAKE_TODAY },
        'POST /api/v1/callcentre/agent-id-requests/{id}/decline': { reason: '矩阵测试' },
        'POST /api/v1/contracts/{id}/scoring-methods': ids.methodBody,
        'PUT /api/v1/callcentre/scoring-methods/{id}': ids.methodBody,
        'POST /api/v1/callcentre/scoring-methods/{id}/return': { reason: '矩阵测试' },
        'POST /api/v1/contracts/{id}/penalty-suggestions': ids.suggestionBody,
        'POST /api/v1/callcentre/penalty-suggestions/{id}/reject': { reason: '矩阵测试' },
        'POST /api/v1/contracts/{id}/number-requests': ids.numberBody,
        'POST /api/v1/callcentre/number-requests/{id}/carry-out': { effective_on: FAKE_TODAY, note: '矩阵测试' },
        'POST /api/v1/callcentre/number-requests/{id}/decline': { reason: '矩阵测试' },
        'POST /api/v1/contracts/{id}/rewards': ids.rewardBody,
        'POST /api/v1/callcentre/rewards/{id}/withdraw': { reason: '矩阵测试' },
        'POST /api/v1/vendors/{id}/qualifications': newQualification(),
        'PUT /api/v1/vendors/{id}/qualifications/{qid}': newQualification(),
        'POST /api/v1/vendors/{id}/qualifications/{qid}/reject': { reason: '矩阵测试' },
    };
}

/** The body of a write: well-formed; valid (above) when the caller is to be refused for the record's scope. */
function bodyFor(op, want) {
    if (op.method === 'GET' || op.method === 'DELETE') return undefined;
    if (op.pattern === '/api/v1/attachments') return Buffer.from(`%PDF-1.4\n% matrix ${uniqueSuffix()}\n%%EOF\n`);
    if (want.gate === 404) return validBodies()[`${op.method} ${op.pattern}`] ?? {};
    return {};
}

/** The answer `caller` must get from `op`: {gate: 401|403|404} or {gate: null} (let through). */
function expected(op, caller) {
    if (op.access === 'public') return { gate: null };
    if (!caller.account) return { gate: 401 };
    const role = clients[caller.account].user.role;
    if (!op.roles.includes(role)) return { gate: 403 };
    if (caller.foreign.includes(op.scope)) return { gate: 404 };
    // A file is as visible as the record it is attached to (the fixture: the signed scan of the contract).
    if (op.scope === 'linked') {
        const contract = operations.find((other) => other.method === 'GET' && other.pattern === '/api/v1/contracts/{id}');
        return expected(contract, caller).gate === null ? { gate: null } : { gate: 404 };
    }
    return { gate: null };
}

async function freshRecords(op) {
    const fresh = {};
    if (op.method === 'DELETE' && op.pattern === '/api/v1/categories/{id}') {
        fresh.category = expectStatus(await clients.office.post('/categories', newCategory()), 201).body.id;
    }
    // Finishing or abandoning an upload in parts ends it: each case has its own.
    if (op.method !== 'GET' && op.pattern.startsWith('/api/v1/call-uploads/{id}')) {
        fresh.callUpload = await ids.newCallUpload();
    }
    if (op.method === 'DELETE' && op.pattern.includes('{qid}')) {
        fresh.qualification = expectStatus(
            await clients.office.post(`/vendors/${ids.vendor}/qualifications`, newQualification()), 201).body.id;
    }
    return fresh;
}

async function runCase(op, caller) {
    const fresh = await freshRecords(op);
    const path = fillPath(op.pattern, fresh);
    assert.ok(path, `matrix.test.mjs has no record for the path parameters of ${op.method} ${op.pattern}: add one`);
    let client = caller.account ? clients[caller.account] : demo.client();
    // Logging out ends the session: a fresh one for the case.
    if (op.method === 'DELETE' && op.pattern === '/api/v1/session' && caller.account) {
        client = caller.account === 'otherTown' ? await signIn(otherTown)
            : caller.account === 'dept2' ? await signIn({ username: 'dept2', password: 'Dept@2026' })
                : await demo.as(caller.account);
    }
    const want = expected(op, caller);
    const body = bodyFor(op, want);
    const headers = op.pattern === '/api/v1/attachments'
        ? { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent('矩阵.pdf') } : {};
    const response = await client.request(op.method, path, body, { headers });
    const status = response.status;
    const label = `${caller.kind}: ${op.method} ${path} (x-scope ${op.scope}, x-roles ${op.roles?.join(',') ?? 'public'})`;
    const detail = typeof response.body === 'object' ? JSON.stringify(response.body).slice(0, 300) : '';
    if (status >= 500) return `${label}: answered ${status} ${detail}`;
    if (want.gate !== null) {
        return status === want.gate ? null : `${label}: expected ${want.gate}, got ${status} ${detail}`;
    }
    const refusedByGate = status === 401 || status === 403 || (status === 404 && (op.method === 'GET' || path !== op.pattern));
    return refusedByGate ? `${label}: expected to pass the gate, got ${status} ${detail}` : null;
}

async function runAll(cases, concurrency) {
    const failures = [];
    let next = 0;
    const worker = async () => {
        while (next < cases.length) {
            const [op, caller] = cases[next++];
            const failure = await runCase(op, caller);
            if (failure) failures.push(failure);
        }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return failures;
}

let total = 0;
for (const caller of CALLERS) {
    test(`${caller.requirement} ${caller.kind}: every route answers as its declaration says (401, 403, 404 or let through)`, async () => {
        const reads = operations.filter((op) => op.method === 'GET').map((op) => [op, caller]);
        const writes = operations.filter((op) => op.method !== 'GET').map((op) => [op, caller]);
        const failures = [...await runAll(reads, READ_CONCURRENCY), ...await runAll(writes, 1)];
        total += reads.length + writes.length;
        for (const failure of failures) console.log(failure);
        assert.deepEqual(failures, [], `${failures.length} of ${reads.length + writes.length} cases differ`);
    });
}

after(() => {
    if (operations) {
        console.log(`authorisation matrix: ${operations.length} routes × ${CALLERS.length} kinds of caller, ${total} cases run`);
    }
});

// Health, metrics, the OpenAPI document against docs/api.md and the answers to paths and methods that are not routes
// (none of these is a requirement of REQUIREMENTS.md, so they cite none); settings with history, which the
// administrator changes (ROLE-1) with every change in the audit trail.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
    Client, FAKE_TODAY, expectBilingual, expectError, expectStatus, listAll, makeCreditCode, repoRoot, setupDemo,
    uniqueSuffix,
} from './harness.mjs';
import { dateOfYear } from '../clock.mjs';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

let demo;
let admin;

before(async () => {
    demo = await setupDemo();
    admin = await demo.as('admin');
});

/** '/vendors/{vid}' and '/vendors/{id}' are the same route. */
const shape = (route) => route.replace(/\{[^}]+\}/g, '{}');

/** Full path of a docs/api.md route: the tables list paths under /api/v1 except the service ones. */
function fullPath(route) {
    if (route.startsWith('/api/') || route === '/healthz' || route === '/metrics') return route;
    return `/api/v1${route}`;
}

/** `| METHOD | /path |` rows of docs/api.md. */
function documentedRoutes() {
    const text = fs.readFileSync(path.join(repoRoot, 'docs/api.md'), 'utf8');
    const routes = [];
    for (const line of text.split('\n')) {
        const match = /^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*`?(\/[^\s|`]*)`?\s*\|/.exec(line);
        if (match) routes.push({ method: match[1], path: fullPath(match[2]) });
    }
    return routes;
}

/** Routes of the OpenAPI document with full paths (servers[0].url, when relative, prefixes them). */
function openapiRoutes(document) {
    let prefix = '';
    const server = document.servers?.[0]?.url;
    if (server) prefix = server.startsWith('/') ? server : new URL(server).pathname;
    prefix = prefix.replace(/\/$/, '');
    const routes = [];
    for (const [route, operations] of Object.entries(document.paths || {})) {
        const full = route.startsWith('/api/') || route === '/healthz' || route === '/metrics' ? route : `${prefix}${route}`;
        for (const method of Object.keys(operations)) {
            if (METHODS.includes(method.toUpperCase())) routes.push({ method: method.toUpperCase(), path: full });
        }
    }
    return routes;
}

test('GET /healthz answers {"status": "ok"}', async () => {
    const response = expectStatus(await new Client(demo.server.url).get('/healthz'), 200);
    assert.deepEqual(response.body, { status: 'ok' });
});

test('GET /metrics is Prometheus text with request counts, durations and the pool size', async () => {
    const client = new Client(demo.server.url);
    await client.get('/healthz');
    await client.get('/api/v1/session'); // a 401
    const response = expectStatus(await client.get('/metrics'), 200);
    assert.match(response.headers.get('content-type') || '', /^text\/plain/);
    const text = response.bytes.toString('utf8');
    assert.match(text, /^# TYPE houqin_http_requests_total counter$/m);
    assert.match(text, /^houqin_http_requests_total\{[^}]*method="GET"[^}]*status="200"[^}]*\} \d+/m);
    assert.match(text, /^houqin_http_requests_total\{[^}]*status="401"[^}]*\} \d+/m);
    assert.match(text, /^# TYPE houqin_http_request_duration_seconds histogram$/m);
    assert.match(text, /^houqin_http_request_duration_seconds_bucket\{[^}]*le="\+Inf"[^}]*\} \d+/m);
    assert.match(text, /^houqin_http_request_duration_seconds_count(\{[^}]*\})? \d+/m);
    assert.match(text, /^houqin_db_pool_size(\{[^}]*\})? \d+/m);
});

test('every route in docs/api.md is in openapi.json, and every OpenAPI route answers', async () => {
    const response = expectStatus(await admin.get('/api/v1/openapi.json'), 200);
    const document = response.body;
    assert.match(String(document.openapi), /^3\.0\./, 'OpenAPI 3.0');
    assert.ok(document.info?.title && document.info?.version, 'info.title and info.version');

    const documented = documentedRoutes();
    assert.ok(documented.length >= 30, `parsed ${documented.length} routes from docs/api.md`);
    const published = openapiRoutes(document);
    const publishedKeys = new Set(published.map((route) => `${route.method} ${shape(route.path)}`));
    const missing = documented.filter((route) => !publishedKeys.has(`${route.method} ${shape(route.path)}`));
    assert.deepEqual(missing.map((route) => `${route.method} ${route.path}`), [], 'docs/api.md routes missing in openapi.json');

    // Real ids so that a 404 can only mean "no such route". Throwaway resources for the DELETEs.
    const category = expectStatus(await admin.post('/categories', {
        parent_id: null, code: `OA-${uniqueSuffix()}`, name_zh: '接口巡检类别', name_en: 'Route check', description: '',
        sort_order: 99, active: true, checklist: [],
        criteria: { qualification_types: [], min_staff_count: 0, require_training_system: false, require_management_system: false },
        staff_roles: [],
    }), 201).body;
    const vendor = expectStatus(await admin.post('/vendors', {
        name: `接口巡检公司${uniqueSuffix()}`, credit_code: makeCreditCode(), legal_representative: '甲', contact_name: '乙',
        contact_phone: '13900000000', address: '九江镇', bank_account_name: '接口巡检公司', bank_name: '工商银行',
        bank_account_no: '62220000000000', staff_count: 1, registered_capital: '0.00', has_training_system: false,
        has_management_system: false, category_ids: [], status: 'active',
    }), 201).body;
    const qualification = expectStatus(await admin.post(`/vendors/${vendor.id}/qualifications`, {
        type: '营业执照', cert_no: 'OA-1', issuer: '市场监管局', valid_from: dateOfYear(-1, '01-01'), valid_until: dateOfYear(1, '01-01'),
        attachment_id: null,
    }), 201).body;
    const attachment = expectStatus(await admin.post('/attachments', Buffer.from('route check'), {
        headers: { 'Content-Type': 'text/plain', 'X-Filename': 'check.txt' },
    }), 201).body;
    // STF-7: an incident on the demo's active contract, recorded by the office (the administrator records none).
    const office = await demo.as('office');
    const active = expectStatus(await office.get('/contracts', { query: { status: 'active' } }), 200).body.items[0];
    const incident = expectStatus(await office.post(`/contracts/${active.id}/incidents`, {
        type: 'rule_violation', occurred_on: FAKE_TODAY, person_ids: [], description: '接口巡检', responsible_party: 'party_b',
        compensation: '0.00',
    }), 201).body;
    // CC-8, CC-3: a call import and a draft scoring method by vendor1 on the same contract, so their ids are real.
    const vendor1 = await demo.as('vendor1');
    const callImport = expectStatus(await vendor1.post(`/contracts/${active.id}/call-imports`, Buffer.from(
        `8001,02088886666,13900001111,from-internal,8001,SIP/a,SIP/b,Dial,x,${FAKE_TODAY} 09:00:00,` +
        `${FAKE_TODAY} 09:00:05,${FAKE_TODAY} 09:01:05,65,60,ANSWERED,DOCUMENTATION,sweep.1\n`), {
        headers: { 'Content-Type': 'text/csv', 'X-Filename': 'Master.csv' }, query: { layout: 'asterisk' },
    }), 202).body;
    const method = expectStatus(await vendor1.post(`/contracts/${active.id}/scoring-methods`, {
        effective_from: FAKE_TODAY.slice(0, 7), visits_target: 400, talk_seconds_target: 72000,
    }), 201).body;
    const users = expectStatus(await admin.get('/users'), 200).body.items;
    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const ids = {
        categories: category.id,
        vendors: vendor.id,
        qualifications: qualification.id,
        attachments: attachment.id,
        users: users.find((user) => user.username === 'leader').id,
        orgs: orgs[0].id,
        settings: 'auth.session_idle_minutes',
        incidents: incident.id,
        'staff-roles': 'cleaner',
        audit: 1,
        'call-imports': callImport.id,
        'scoring-methods': method.id,
    };
    const concrete = (route) => {
        const parts = route.split('/');
        return parts.map((part, index) => {
            if (!/^\{.+\}$/.test(part)) return part;
            const owner = parts[index - 1];
            return String(ids[owner] ?? 1);
        }).join('/');
    };

    // Reads and writes first, then the DELETEs (they remove the throwaway resources), DELETE /session last: it ends
    // the session of this sweep's own client.
    const sweeper = await demo.as('admin');
    const order = (route) => {
        if (route.method !== 'DELETE') return 0;
        return route.path.endsWith('/session') ? 2 : 1;
    };
    const problems = [];
    for (const route of [...published].sort((a, b) => order(a) - order(b))) {
        const target = concrete(route.path);
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
        const answer = await sweeper.request(route.method, target, body);
        if ([404, 405].includes(answer.status) || answer.status >= 500) {
            problems.push(`${route.method} ${target} -> ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        }
    }
    assert.deepEqual(problems, [], 'documented routes that do not answer');
});

test('a path that is not a route is 404 with the error body', async () => {
    expectError(await admin.get('/api/v1/no-such-thing'), 404, 'NotFound');
});

// docs/api.md maps no error code to 405, but HTTP does: a known path with a method it does not take is
// 405 Method Not Allowed (RFC 9110 15.5.6), not 400 "the request has invalid fields".
test('a documented path with an undocumented method is 405', async () => {
    for (const [method, route] of [['PATCH', '/vendors'], ['DELETE', '/audit'], ['POST', '/audit/verify'],
        ['DELETE', '/settings']]) {
        const response = await admin.request(method, route, method === 'DELETE' ? undefined : {});
        expectError(response, 405, 'MethodNotAllowed');
    }
});

test('settings list the documented keys with defaults, bounds, descriptions and history', async () => {
    const items = expectStatus(await admin.get('/settings'), 200).body.items;
    const byKey = Object.fromEntries(items.map((item) => [item.key, item]));
    const defaults = {
        'auth.max_failed_logins': 5,
        'auth.lockout_minutes': 15,
        'auth.session_idle_minutes': 120,
        'vendor.qualification_warning_days': 30,
    };
    for (const [key, value] of Object.entries(defaults)) {
        const setting = byKey[key];
        assert.ok(setting, `setting ${key} listed`);
        assert.equal(Number(setting.value), value, `default of ${key}`);
        expectBilingual(setting.description, `${key} description`);
        assert.equal(typeof setting.min, 'number');
        assert.equal(typeof setting.max, 'number');
        assert.ok(setting.min <= value && value <= setting.max, `${key} default within bounds`);
        assert.ok(Array.isArray(setting.history), `${key} history`);
    }
});

test('ROLE-1 only the administrator (settings:manage) may change a setting; an unknown key is 404', async () => {
    const office = await demo.as('office');
    expectError(await office.put('/settings/auth.lockout_minutes', { value: 30, reason: '越权' }), 403, 'PermissionDenied');
    expectError(await admin.put('/settings/no.such.key', { value: 1, reason: '不存在' }), 404, 'NotFound');
    const setting = expectStatus(await admin.get('/settings'), 200).body.items.find((item) => item.key === 'auth.lockout_minutes');
    assert.equal(Number(setting.value), 15, 'unchanged');
});

test('a setting out of range is refused naming value; without a reason naming reason; nothing changes', async () => {
    const before = expectStatus(await admin.get('/settings'), 200).body.items.find((item) => item.key === 'auth.lockout_minutes');
    for (const value of [before.min - 1, before.max + 1, 'many', 2.5, null]) {
        expectError(
            await admin.put('/settings/auth.lockout_minutes', { value, reason: '越界测试' }), 400, 'InvalidArgument', 'value',
        );
    }
    expectError(await admin.put('/settings/auth.lockout_minutes', { value: 3 }), 400, 'InvalidArgument', 'reason');
    expectError(await admin.put('/settings/auth.lockout_minutes', { value: 3, reason: '' }), 400, 'InvalidArgument', 'reason');
    const after = expectStatus(await admin.get('/settings'), 200).body.items.find((item) => item.key === 'auth.lockout_minutes');
    assert.deepEqual(after, before);
});

/** A department user made for one test, so locking it out touches no one else. */
async function throwawayUser() {
    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const department = orgs.find((org) => org.kind === 'department');
    const username = `st${uniqueSuffix().toLowerCase()}`;
    const password = 'Settings2Check';
    expectStatus(await admin.post('/users', {
        username, display_name: '设置测试用户', password, role: 'department', org_id: department.id,
    }), 201);
    return { username, password };
}

/** Sets auth.max_failed_logins to `value` for the duration of `body`, then back to what it was. */
async function withMaxFailedLogins(value, reason, body) {
    const before = expectStatus(await admin.get('/settings'), 200).body.items.find((item) => item.key === 'auth.max_failed_logins');
    const changed = expectStatus(await admin.put('/settings/auth.max_failed_logins', { value, reason }), 200).body;
    try {
        await body(before, changed);
    } finally {
        expectStatus(await admin.put('/settings/auth.max_failed_logins', { value: Number(before.value), reason: '恢复(测试)' }), 200);
    }
}

test('ROLE-1 the administrator changes a setting with a reason: the history records it, and the lockout follows the new value', async () => {
    const user = await throwawayUser();
    const reason = `演练:收紧登录失败次数 ${uniqueSuffix()}`;
    await withMaxFailedLogins(2, reason, async (before, changed) => {
        assert.equal(changed.key, 'auth.max_failed_logins');
        assert.equal(Number(changed.value), 2);
        assert.equal(changed.history.length, before.history.length + 1, 'history grows by one');

        const listed = expectStatus(await admin.get('/settings'), 200).body.items.find((item) => item.key === 'auth.max_failed_logins');
        assert.equal(Number(listed.value), 2);
        const entry = listed.history.find((item) => item.reason === reason);
        assert.ok(entry, `history entry with the reason: ${JSON.stringify(listed.history)}`);
        assert.equal(Number(entry.value), 2);
        assert.match(entry.changed_at, new RegExp(`^${FAKE_TODAY}T\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+08:00$`));
        assert.equal(entry.changed_by, admin.user.username, 'changed_by is the administrator\'s username');

        // The decision uses the new value: after two failures even the right password is refused (with the answer a
        // wrong one gets, which names the rule's new number), and the wait in the trail records the value it used.
        const client = new Client(demo.server.url);
        expectError(await client.login(user.username, 'Wrong@1'), 401, 'Unauthenticated');
        expectError(await client.login(user.username, 'Wrong@2'), 401, 'Unauthenticated');
        const waiting = expectError(await client.login(user.username, user.password), 401, 'Unauthenticated', 'password');
        assert.match(waiting.message.en, /after 2 failures in a row/);
        const lock = expectStatus(await admin.get(`/audit?actor=${user.username}&action=lockout`), 200).body.items[0];
        assert.equal(lock?.after?.max_failed_logins, 2, 'the wait records the value it used');
    });
});

test('X-1 a change of a setting is in the audit trail with who, the value before and after, and the reason', async () => {
    const reason = `审计演练 ${uniqueSuffix()}`;
    await withMaxFailedLogins(7, reason, async (before) => {
        const audit = await listAll(admin, '/audit', { entity: 'setting', action: 'update' });
        const entry = audit.find((item) => JSON.stringify(item.after ?? '').includes(reason));
        assert.ok(entry, `the change is audited; got ${JSON.stringify(audit.slice(0, 3))}`);
        assert.equal(entry.actor_id, admin.user.id);
        const parse = (value) => (typeof value === 'string' ? JSON.parse(value) : value);
        assert.deepEqual(parse(entry.before), { key: 'auth.max_failed_logins', value: Number(before.value) });
        assert.deepEqual(parse(entry.after), { key: 'auth.max_failed_logins', value: 7, reason });
    });
});

test('X-1 four changes of one setting at once by two sessions: each audit entry\'s value before is the value the one before it set', async () => {
    // On PostgreSQL (READ COMMITTED) each change read the value it replaced before the others wrote, so the trail said
    // two changes both started from the same value. The setting is now held while it is read and written.
    const admin2 = await demo.as('admin');
    const before = expectStatus(await admin.get('/settings'), 200).body.items.find((item) => item.key === 'auth.max_failed_logins');
    const reason = `并发修改 ${uniqueSuffix()}`;
    try {
        for (let round = 0; round < 3; round += 1) {
            const attempts = await Promise.all([admin, admin2, admin, admin2].map((client, i) => client.put(
                '/settings/auth.max_failed_logins', { value: 6 + i, reason: `${reason} ${round}-${i}` },
            )));
            for (const response of attempts) expectStatus(response, 200, 'each change is made');
        }
        const parse = (value) => (typeof value === 'string' ? JSON.parse(value) : value);
        const entries = (await listAll(admin, '/audit', { entity: 'setting', action: 'update' }))
            .filter((item) => (parse(item.after)?.reason ?? '').startsWith(reason)).sort((a, b) => a.seq - b.seq);
        assert.equal(entries.length, 12, 'twelve changes on the trail');
        assert.equal(parse(entries[0].before).value, Number(before.value), 'the first replaced the value in force');
        for (let k = 1; k < entries.length; k += 1) {
            assert.equal(parse(entries[k].before).value, parse(entries[k - 1].after).value,
                `entry ${entries[k].seq} replaced what entry ${entries[k - 1].seq} set`);
        }
    } finally {
        expectStatus(await admin.put('/settings/auth.max_failed_logins', { value: Number(before.value), reason: '恢复(测试)' }), 200);
    }
});

// Sessions, roles and passwords; docs/api.md "Session and account". Each role's log-in and documented permissions
// cite that role's ID, one per test; sessions, CSRF, lockout and passwords are how every role logs in and
// prove no requirement of their own, so they cite none. Tests that lock an account out or change a password do it to
// a user of their own, so the demo accounts log in whatever ran before. Later instants are seen by more servers
// started on the same database at that instant (the clock is fixed per server: server/tests/clock.mjs).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_NOW, expectBilingual, expectError, expectStatus, prepareDatabase, startServer, uniqueSuffix,
} from './harness.mjs';
import { shift } from '../clock.mjs';

const ALL_PERMISSIONS = [
    'catalogue:read', 'catalogue:write', 'vendor:read', 'vendor:write', 'vendor:write_own', 'audit:read',
    'user:manage', 'org:manage', 'settings:manage', 'dashboard:read',
    'contract:read', 'contract:write', 'contract:review', 'payment:write',
    'supervision:read', 'supervision:write', 'project:read', 'project:write', 'procurement:rules', 'report:internal', 'staff:read',
    'data:export',
];

// docs/api.md, table "role | permissions".
const EXPECTED = [
    { id: 'ROLE-1', account: 'admin', role: 'admin', permissions: ALL_PERMISSIONS },
    { id: 'ROLE-2', account: 'office', role: 'office',
        permissions: ['catalogue:read', 'catalogue:write', 'vendor:read', 'vendor:write', 'dashboard:read',
            'contract:read', 'contract:write', 'payment:write', 'supervision:read', 'supervision:write', 'project:read',
            'project:write', 'report:internal', 'staff:read', 'attendance:write', 'staff:reveal', 'staff:replace_request',
            'training:write', 'incident:write', 'staffing:request', 'agent_id:request', 'number:request', 'calls:import',
            'cc_method:approve', 'cc_suggestion:write', 'cc_reward:write', 'data:export'] },
    { id: 'ROLE-3', account: 'leader', role: 'leadership',
        permissions: ['catalogue:read', 'vendor:read', 'dashboard:read', 'contract:read', 'supervision:read',
            'proposal:decide', 'project:read', 'project:approve', 'report:internal', 'staff:read', 'data:export'] },
    { id: 'ROLE-4', account: 'jiwei', role: 'discipline',
        permissions: ['catalogue:read', 'vendor:read', 'audit:read', 'dashboard:read', 'contract:read',
            'supervision:read', 'project:read', 'project:witness', 'report:internal', 'staff:read', 'data:export'] },
    { id: 'ROLE-5', account: 'sifa', role: 'judicial',
        permissions: ['catalogue:read', 'vendor:read', 'contract:read', 'contract:review'] },
    { id: 'ROLE-6', account: 'dangzheng', role: 'party_office',
        permissions: ['catalogue:read', 'vendor:read', 'contract:read', 'contract:review'] },
    { id: 'ROLE-7', account: 'dept', role: 'department',
        permissions: ['catalogue:read', 'dashboard:read', 'supervision:read', 'survey:answer', 'opinion:write',
            'roster:read_served'] },
    { id: 'ROLE-8', account: 'vendor1', role: 'vendor',
        permissions: ['catalogue:read', 'vendor:read', 'vendor:write_own', 'contract:read', 'supervision:read',
            'supervision:respond', 'project:read', 'bid:submit', 'staff:read', 'staff:write', 'attendance:write',
            'staff:reveal', 'training:write', 'incident:write', 'calls:import', 'cc_method:draft',
            'data:export'] },
    { id: 'ROLE-8', account: 'vendor2', role: 'vendor',
        permissions: ['catalogue:read', 'vendor:read', 'vendor:write_own', 'contract:read', 'supervision:read',
            'supervision:respond', 'project:read', 'bid:submit', 'staff:read', 'staff:write', 'attendance:write',
            'staff:reveal', 'training:write', 'incident:write', 'calls:import', 'cc_method:draft',
            'data:export'] },
];

let db;
let server;
let admin;
// The servers of this file trust 127.0.0.1 as a proxy, so each client can come from an address of its own
// (X-Forwarded-For): the log-in waits are counted per name and address, and per address.
const PROXY = ['--trusted-proxy', '127.0.0.1'];
let lastAddress = 0;
/** A fresh client address from the documentation range 198.18.0.0/15. */
const nextAddress = () => {
    lastAddress += 1;
    return `198.18.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
};
/** A client at `address` (by default one no other client has). */
const newClient = (address = nextAddress(), url = server.url) => {
    const client = new Client(url);
    client.headers['X-Forwarded-For'] = address;
    return client;
};
const startProxied = (options = {}) => startServer(db, { ...options, args: PROXY });

before(async () => {
    db = prepareDatabase({ seed: 'demo' });
    server = await startProxied();
    admin = newClient();
    await admin.login(DEMO.admin.username, DEMO.admin.password, { expect: 200 });
});

/** A department user of the demo town made for one test: {username, password}. */
async function ownUser() {
    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const department = orgs.find((org) => org.kind === 'department');
    const username = `se${uniqueSuffix().toLowerCase()}`;
    const password = 'Session1Check';
    expectStatus(await admin.post('/users', {
        username, display_name: '会话测试用户', password, role: 'department', org_id: department.id,
    }), 201, 'create user');
    return { username, password };
}

/** Five wrong passwords from this address: the name waits here (auth.max_failed_logins, 5). */
async function lockOut(client, username) {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
        expectError(await client.login(username, `Wrong@${attempt}`), 401, 'Unauthenticated');
    }
}

function checkUser(user, expected) {
    assert.equal(typeof user.id, 'number', 'user.id');
    assert.equal(user.username, DEMO[expected.account].username);
    assert.equal(user.role, expected.role);
    assert.ok(typeof user.display_name === 'string' && user.display_name.length > 0, 'display_name');
    expectBilingual(user.role_name, 'role_name');
    assert.equal(typeof user.org_id, 'number', 'org_id');
    assert.ok(typeof user.org_name === 'string' && user.org_name.length > 0, 'org_name');
    assert.deepEqual([...user.permissions].sort(), [...expected.permissions].sort(), `permissions of ${expected.role}`);
}

for (const expected of EXPECTED) {
    test(`${expected.id} ${expected.account} (${expected.role}) logs in and gets the documented permissions`, async () => {
        const client = newClient();
        const { username, password } = DEMO[expected.account];
        const response = expectStatus(await client.login(username, password), 200);
        assert.ok(typeof response.body.csrf_token === 'string' && response.body.csrf_token.length >= 16, 'csrf_token');
        checkUser(response.body.user, expected);

        const cookie = response.setCookies.find((value) => value.startsWith('houqin_session='));
        assert.ok(cookie, `login sets cookie houqin_session; got ${JSON.stringify(response.setCookies)}`);
        assert.match(cookie, /;\s*HttpOnly/i, 'cookie is HttpOnly');
        assert.match(cookie, /;\s*SameSite=Strict/i, 'cookie is SameSite=Strict');
        assert.match(cookie, /;\s*Path=\/(;|$)/i, 'cookie has Path=/');

        const again = expectStatus(await client.get('/session'), 200);
        checkUser(again.body.user, expected);
        assert.equal(again.body.csrf_token, response.body.csrf_token, 'GET /session returns the same csrf token');
    });
}

test('ROLE-8 the two vendor users belong to different organisations', async () => {
    const first = newClient();
    const second = newClient();
    await first.login(DEMO.vendor1.username, DEMO.vendor1.password, { expect: 200 });
    await second.login(DEMO.vendor2.username, DEMO.vendor2.password, { expect: 200 });
    assert.equal(typeof first.user.org_id, 'number');
    assert.notEqual(first.user.org_id, second.user.org_id);
});

test('a wrong password is 401 with a message in Chinese and English; an unknown user gets the same answer', async () => {
    const client = newClient();
    const response = await client.login('office', 'Wrong@pass1');
    expectError(response, 401, 'Unauthenticated');
    assert.equal(client.session, null, 'no session cookie after a failed login');
    const unknown = await client.login('nobody-at-all', 'Wrong@pass1');
    const body = expectError(unknown, 401, 'Unauthenticated');
    assert.deepEqual(body.message, response.body.message, 'unknown user and wrong password answer alike');
});

/** The one answer to a wrong password, an unknown name and a wait. */
function expectRefused(response) {
    const body = expectError(response, 401, 'Unauthenticated', 'password');
    assert.match(body.message.en, /^Wrong username or password; after 5 failures in a row you must wait at least 15 minutes/);
    assert.match(body.message['zh-CN'], /^用户名或密码错误;连续输错 5 次后须等待至少 15 分钟/);
    return body;
}

test('after auth.max_failed_logins (5) failures even the right password is refused, with the answer a wrong one gets', async () => {
    const user = await ownUser();
    const client = newClient();
    const wrong = expectRefused(await client.login(user.username, 'Wrong@0'));
    await lockOut(client, user.username);
    const waiting = expectRefused(await client.login(user.username, user.password));
    assert.deepEqual(waiting.message, wrong.message, 'a wait reads exactly like a wrong password');
    assert.equal(client.session, null, 'no session while waiting');
    // Other accounts are not affected.
    expectStatus(await newClient().login('dangzheng', DEMO.dangzheng.password), 200);
    // The reason is in the trail, with the values the decision used.
    const trail = expectStatus(await admin.get(`/audit?actor=${user.username}&page_size=20`), 200).body.items;
    const lock = trail.find((entry) => entry.action === 'lockout');
    assert.ok(lock, 'the wait is in the trail');
    assert.equal(lock.after.max_failed_logins, 5);
    assert.equal(lock.after.lockout_minutes, 15);
    assert.equal(lock.after.waits[0].minutes, 15);
});

test('20 wrong passwords at once: no more than auth.max_failed_logins (5) are checked, and the name waits after the burst', async () => {
    const user = await ownUser();
    const here = nextAddress();
    const wrong = Array.from({ length: 20 }, (_, i) => newClient(here).login(user.username, `Wrong@${i}x`));
    const right = newClient(here);
    const answers = await Promise.all([...wrong.slice(0, 10), right.login(user.username, user.password), ...wrong.slice(10)]);
    const statuses = answers.map((answer) => answer.status);
    assert.ok(statuses.every((status) => [200, 401].includes(status)), `only 200 and 401: ${statuses}`);
    assert.equal(statuses.filter((status) => status === 200).length <= 1, true, `statuses ${statuses}`);
    // After the burst the name waits here, whatever the order the attempts ran in: the right password is refused.
    expectRefused(await newClient(here).login(user.username, user.password));
    // Each attempt is counted before its password is checked: the trail holds one entry per password checked and
    // found wrong (the last of them the wait), never more than five.
    const checked = expectStatus(await admin.get(`/audit?actor=${user.username}&page_size=100`), 200).body.items
        .filter((entry) => entry.action === 'login_failed' || entry.action === 'lockout');
    assert.ok(checked.length <= 5, `at most five failures recorded, got ${checked.length}`);
    assert.equal(checked.filter((entry) => entry.action === 'lockout').length, 1, 'one wait');
});

test('a name no account has is counted and made to wait as a real one is: the answers do not tell which names exist', async () => {
    const real = await ownUser();
    const unknown = `nobody${uniqueSuffix().toLowerCase()}`;
    const here = nextAddress();
    for (let attempt = 1; attempt <= 6; attempt += 1) {
        const a = expectRefused(await newClient(here).login(real.username, `Wrong@${attempt}`));
        const b = expectRefused(await newClient(here).login(unknown, `Wrong@${attempt}`));
        assert.deepEqual(b.message, a.message, `attempt ${attempt} answers alike`);
    }
    // The probe leaves a trace: the name typed, the values the decision used.
    const trail = expectStatus(await admin.get(`/audit?actor=${unknown}&page_size=20`), 200).body.items;
    assert.equal(trail.length, 5, 'five failures of the unknown name recorded (the sixth was refused unchecked)');
    const lock = trail.find((entry) => entry.action === 'lockout');
    assert.ok(lock, 'the fifth failure made the name wait');
    assert.equal(lock.actor_id ?? null, null, 'no account behind it');
    const values = lock.after;
    assert.equal(values.username, unknown);
    assert.equal(values.max_failed_logins, 5);
});

test('the current password of the password-change form is guessed no more often than at the log-in', async () => {
    const user = await ownUser();
    const client = newClient();
    await client.login(user.username, user.password, { expect: 200 });
    let first;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
        const body = expectError(await client.put('/session/password', { old_password: `Wrong@${attempt}`, new_password: 'Another1Pass' }),
            400, 'InvalidArgument', 'old_password');
        first ??= body;
    }
    // The right current password now gets the answer a wrong one gets, and the log-in waits too.
    const waiting = expectError(await client.put('/session/password', { old_password: user.password, new_password: 'Another1Pass' }),
        400, 'InvalidArgument', 'old_password');
    assert.deepEqual(waiting.fields, first.fields, 'a wait reads like a wrong current password');
    expectRefused(await client.clone().login(user.username, user.password));
    // An administrator's new password lifts the wait.
    const listed = expectStatus(await admin.get(`/users?q=${user.username}`), 200).body.items[0];
    expectStatus(await admin.patch(`/users/${listed.id}`, { password: 'Reset1Password' }), 200);
    expectStatus(await client.clone().login(user.username, 'Reset1Password'), 200);
});

test('a stranger who guesses at a name makes only themself wait: the owner, elsewhere, logs in', async () => {
    const user = await ownUser();
    const stranger = newClient();
    await lockOut(stranger, user.username);
    expectRefused(await stranger.login(user.username, user.password));
    expectStatus(await newClient().login(user.username, user.password), 200, 'the owner at another address');
});

test('one address that fails auth.address_max_failures (30) times over many names waits, whatever name it tries next', async () => {
    const here = nextAddress();
    for (let attempt = 1; attempt <= 30; attempt += 1) {
        expectRefused(await newClient(here).login(`sweep${attempt}${uniqueSuffix().toLowerCase()}`, 'Wrong@1'));
    }
    // A real account's right password from that address is refused like a wrong one; from elsewhere it works.
    expectRefused(await newClient(here).login('dangzheng', DEMO.dangzheng.password));
    expectStatus(await newClient().login('dangzheng', DEMO.dangzheng.password), 200);
    const trail = expectStatus(await admin.get('/audit?action=lockout&page_size=100'), 200).body.items;
    assert.ok(trail.some((entry) => (entry.after?.waits ?? []).some((wait) => wait.counter === `address:${here}`
        && wait.setting === 'auth.address_max_failures' && wait.limit === 30)), 'the address wait is in the trail');
});

test('right passwords do not count against an address: forty log-ins of one office behind one address all succeed, and a sweep\'s failures there still make it wait', async () => {
    const here = nextAddress();
    for (let attempt = 1; attempt <= 40; attempt += 1) {
        expectStatus(await newClient(here).login('dangzheng', DEMO.dangzheng.password), 200, `log-in ${attempt}`);
    }
    // A wrong password among them counts; right ones between do not hide the failures.
    for (let attempt = 1; attempt <= 30; attempt += 1) {
        expectRefused(await newClient(here).login(`nat${attempt}${uniqueSuffix().toLowerCase()}`, 'Wrong@1'));
        if (attempt % 10 === 0 && attempt < 30) {
            expectStatus(await newClient(here).login('dangzheng', DEMO.dangzheng.password), 200, 'a right one between');
        }
    }
    expectRefused(await newClient(here).login('dangzheng', DEMO.dangzheng.password));
    expectStatus(await newClient().login('dangzheng', DEMO.dangzheng.password), 200, 'from elsewhere');
});

test('X-Forwarded-For is believed only from a trusted proxy: without --trusted-proxy a guesser cannot change address', async () => {
    const plain = await startServer(db);
    try {
        const user = await ownUser();
        for (let attempt = 1; attempt <= 5; attempt += 1) {
            const client = new Client(plain.url);
            client.headers['X-Forwarded-For'] = nextAddress();
            expectRefused(await client.login(user.username, `Wrong@${attempt}`));
        }
        const fresh = new Client(plain.url);
        fresh.headers['X-Forwarded-For'] = nextAddress();
        expectRefused(await fresh.login(user.username, user.password));
    } finally {
        await plain.stop();
    }
});

test('GET /session without a cookie, or with one that is no session, is 401', async () => {
    expectError(await newClient().get('/session'), 401, 'Unauthenticated');
    const forged = newClient();
    forged.session = 'not-a-real-session-token';
    expectError(await forged.get('/session'), 401, 'Unauthenticated');
});

test('a write without the session\'s X-CSRF-Token is 403 naming X-CSRF-Token and writes nothing', async () => {
    const office = newClient();
    await office.login('office', DEMO.office.password, { expect: 200 });
    const before = expectStatus(await office.get('/categories'), 200).body.items.length;
    const category = {
        parent_id: null, code: `CSRF-${uniqueSuffix()}`, name_zh: '跨站测试', name_en: 'CSRF test', description: '', sort_order: 1,
        active: true, checklist: [],
        criteria: { qualification_types: [], min_staff_count: 0, require_training_system: false, require_management_system: false },
        staff_roles: [],
    };
    expectError(await office.post('/categories', category, { csrf: false }), 403, 'PermissionDenied', 'X-CSRF-Token');
    expectError(
        await office.post('/categories', category, { headers: { 'X-CSRF-Token': 'wrong-token' } }),
        403, 'PermissionDenied', 'X-CSRF-Token',
    );
    // A token of another session is not this session's token.
    const other = newClient();
    await other.login('admin', DEMO.admin.password, { expect: 200 });
    expectError(
        await office.post('/categories', category, { headers: { 'X-CSRF-Token': other.csrfToken } }),
        403, 'PermissionDenied', 'X-CSRF-Token',
    );
    expectError(await office.delete('/session', { csrf: false }), 403, 'PermissionDenied', 'X-CSRF-Token');
    const after = expectStatus(await office.get('/categories'), 200).body.items.length;
    assert.equal(after, before, 'no category was created');
    expectStatus(await office.get('/session'), 200, 'the session survived the refused logout');
});

test('logout: 204, cookie cleared, the old cookie is 401 afterwards', async () => {
    const client = newClient();
    await client.login('office', DEMO.office.password, { expect: 200 });
    const old = client.clone();
    const response = expectStatus(await client.delete('/session'), 204);
    const cookie = response.setCookies.find((value) => value.startsWith('houqin_session='));
    assert.ok(cookie, 'logout sends a Set-Cookie that clears houqin_session');
    assert.equal(client.session, null, `cookie cleared: ${cookie}`);
    expectError(await old.get('/session'), 401, 'Unauthenticated');
    expectError(await old.get('/vendors'), 401, 'Unauthenticated');
});

test('password change: a wrong old password is 400 naming old_password, a weak new one 400 naming new_password; then the new one works', async () => {
    const user = await ownUser();
    const client = newClient();
    await client.login(user.username, user.password, { expect: 200 });

    // A refused field, not 401 (the session is still there) and not 403 (the user may change their own password).
    const wrongOld = await client.put('/session/password', { old_password: 'Wrong@pass1', new_password: 'Better9pass' });
    expectError(wrongOld, 400, 'InvalidArgument', 'old_password');
    expectStatus(await client.get('/session'), 200, 'the session survives a wrong old password');

    for (const weak of ['Ab1', 'short1x', 'onlyletters', '1234567890', '']) {
        expectError(
            await client.put('/session/password', { old_password: user.password, new_password: weak }),
            400, 'InvalidArgument', 'new_password',
        );
    }
    // Nothing changed so far.
    expectStatus(await newClient().login(user.username, user.password), 200, 'old password still works');

    expectStatus(
        await client.put('/session/password', { old_password: user.password, new_password: 'Better9pass' }),
        204,
    );
    expectError(await newClient().login(user.username, user.password), 401, 'Unauthenticated');
    expectStatus(await newClient().login(user.username, 'Better9pass'), 200, 'new password works');
});

test('a session made on instance A works on instance B on the same database, and logout on B ends it on A', async () => {
    const serverB = await startServer(db);
    try {
        const onA = newClient();
        await onA.login('sifa', DEMO.sifa.password, { expect: 200 });
        const onB = onA.clone(serverB.url);
        const response = expectStatus(await onB.get('/session'), 200, 'session from A on B');
        assert.equal(response.body.user.username, 'sifa');
        assert.equal(response.body.csrf_token, onA.csrfToken, 'same csrf token on both instances');

        // A login on B is valid on A, too.
        const fromB = new Client(serverB.url);
        await fromB.login('dangzheng', DEMO.dangzheng.password, { expect: 200 });
        expectStatus(await fromB.clone(server.url).get('/session'), 200, 'session from B on A');

        expectStatus(await onB.delete('/session'), 204);
        expectError(await onA.get('/session'), 401, 'Unauthenticated');
    } finally {
        await serverB.stop();
    }
});

test('an idle session ends after auth.session_idle_minutes (120), counted from its last use', async () => {
    const client = newClient();
    await client.login('dangzheng', DEMO.dangzheng.password, { expect: 200 });
    const soon = await startServer(db, { fakeNow: shift(FAKE_NOW, { minutes: 90 }) });
    const late = await startServer(db, { fakeNow: shift(FAKE_NOW, { minutes: 150 }) });
    try {
        expectStatus(await client.clone(soon.url).get('/session'), 200, '90 minutes idle: still valid');
        // Using the session 90 minutes in moved its idle deadline to 210 minutes in.
        expectStatus(await client.clone(late.url).get('/session'), 200, 'idle time counts from the last use');
        const later = await startServer(db, { fakeNow: shift(FAKE_NOW, { minutes: 271 }) });
        try {
            expectError(await client.clone(later.url).get('/session'), 401, 'Unauthenticated');
        } finally {
            await later.stop();
        }
    } finally {
        await soon.stop();
        await late.stop();
    }
});

test('a wait ends after auth.lockout_minutes (15); a failure right after it doubles the next wait', async () => {
    const user = await ownUser();
    const client = newClient();
    await lockOut(client, user.username);
    expectRefused(await client.login(user.username, user.password));
    const during = await startProxied({ fakeNow: shift(FAKE_NOW, { minutes: 10 }) });
    const after = await startProxied({ fakeNow: shift(FAKE_NOW, { minutes: 16 }) });
    const doubled = await startProxied({ fakeNow: shift(FAKE_NOW, { minutes: 16 + 29 }) });
    const past = await startProxied({ fakeNow: shift(FAKE_NOW, { minutes: 16 + 31 }) });
    try {
        expectRefused(await client.clone(during.url).login(user.username, user.password));
        // Sixteen minutes in the wait is over; one more failure then starts a wait of 30 minutes, not 15.
        expectRefused(await client.clone(after.url).login(user.username, 'Wrong@6'));
        expectRefused(await client.clone(doubled.url).login(user.username, user.password));
        expectStatus(await client.clone(past.url).login(user.username, user.password), 200, 'the doubled wait is over');
        const trail = expectStatus(await admin.get(`/audit?actor=${user.username}&page_size=20`), 200).body.items
            .filter((entry) => entry.action === 'lockout');
        assert.deepEqual(trail.map((entry) => entry.after.waits[0].minutes).sort((x, y) => x - y), [15, 30]);
    } finally {
        await during.stop();
        await after.stop();
        await doubled.stop();
        await past.stop();
    }
});

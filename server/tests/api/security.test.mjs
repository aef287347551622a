// What an outsider probing the service finds closed (issue 11, item 9): forged log-ins from other sites, cookies and
// caching of personal and financial data, sessions that never end, the metrics page, odd paths and names. These are
// how every role is protected and prove no requirement of their own, except where a test names one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, FAKE_NOW, expectError, expectStatus, prepareDatabase, startServer, uniqueSuffix,
} from './harness.mjs';
import { shift } from '../clock.mjs';

let db;
let server;
let admin;

before(async () => {
    db = prepareDatabase({ seed: 'demo' });
    server = await startServer(db);
    admin = new Client(server.url);
    await admin.login(DEMO.admin.username, DEMO.admin.password, { expect: 200 });
});

after(async () => {
    await server?.stop();
});

test('a log-in sent as text/plain (what another site\'s page can send unasked) is refused naming Content-Type', async () => {
    const client = new Client(server.url);
    const body = JSON.stringify({ username: DEMO.office.username, password: DEMO.office.password });
    const response = await client.request('POST', '/session', body, { headers: { 'Content-Type': 'text/plain' } });
    expectError(response, 400, 'InvalidArgument', 'Content-Type');
    assert.equal(client.session, null, 'no session cookie');
});

test('a write whose Origin is another site is refused, the log-in included; the same site passes', async () => {
    const client = new Client(server.url);
    client.headers.Origin = 'http://evil.example';
    const foreign = await client.login(DEMO.office.username, DEMO.office.password);
    expectError(foreign, 403, 'PermissionDenied', 'Origin');
    assert.equal(client.session, null, 'no session from a forged log-in');
    client.headers.Origin = `http://${new URL(server.url).host}`;
    expectStatus(await client.login(DEMO.office.username, DEMO.office.password), 200);
    // A signed-in user's write from another site is refused too, even with the right CSRF token.
    client.headers.Origin = 'https://evil.example';
    expectError(await client.put('/session/password', { old_password: DEMO.office.password, new_password: 'Never1Used' }),
        403, 'PermissionDenied', 'Origin');
});

test('every API answer and download says Cache-Control: no-store; the web UI\'s own files do not', async () => {
    const office = new Client(server.url);
    await office.login(DEMO.office.username, DEMO.office.password, { expect: 200 });
    const json = expectStatus(await office.get('/vendors'), 200);
    assert.equal(json.headers.get('cache-control'), 'no-store');
    // The vendor list in Excel holds bank accounts.
    const excel = expectStatus(await office.get('/vendors/export.xlsx'), 200);
    assert.equal(excel.headers.get('cache-control'), 'no-store');
    const refused = await new Client(server.url).get('/vendors');
    assert.equal(refused.headers.get('cache-control'), 'no-store');
});

test('behind TLS (--behind-tls) the session cookie is Secure and browsers are told to use HTTPS only; not otherwise', async () => {
    const plain = await new Client(server.url).login(DEMO.office.username, DEMO.office.password, { expect: 200 });
    assert.ok(plain.setCookies.every((cookie) => !/;\s*Secure/i.test(cookie)), 'no Secure over plain HTTP');
    assert.equal(plain.headers.get('strict-transport-security'), null);
    const tls = await startServer(db, { args: ['--behind-tls'] });
    try {
        const response = await new Client(tls.url).login(DEMO.office.username, DEMO.office.password, { expect: 200 });
        const cookie = response.setCookies.find((value) => value.startsWith('houqin_session='));
        assert.match(cookie, /;\s*Secure/i);
        assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    } finally {
        await tls.stop();
    }
});

test('a session ends auth.session_max_hours (12) after the log-in, however busy it was', async () => {
    const client = new Client(server.url);
    await client.login(DEMO.dangzheng.username, DEMO.dangzheng.password, { expect: 200 });
    // Used every 100 minutes (never idle for auth.session_idle_minutes, 120) until 11 h 40 min after the log-in …
    for (let minutes = 100; minutes <= 700; minutes += 100) {
        const later = await startServer(db, { fakeNow: shift(FAKE_NOW, { minutes }) });
        try {
            expectStatus(await client.clone(later.url).get('/session'), 200, `${minutes} minutes in`);
        } finally {
            await later.stop();
        }
    }
    // … and still over at 12 h 1 min, 21 minutes after its last use.
    const over = await startServer(db, { fakeNow: shift(FAKE_NOW, { minutes: 721 }) });
    try {
        expectError(await client.clone(over.url).get('/session'), 401, 'Unauthenticated');
    } finally {
        await over.stop();
    }
});

test('/metrics answers this machine by default and nobody else (--metrics-from chooses)', async () => {
    expectStatus(await new Client(server.url).get('/metrics'), 200);
    const proxied = await startServer(db, { args: ['--trusted-proxy', '127.0.0.1'] });
    try {
        const outsider = new Client(proxied.url);
        outsider.headers['X-Forwarded-For'] = '203.0.113.9';
        expectError(await outsider.get('/metrics'), 404, 'NotFound');
    } finally {
        await proxied.stop();
    }
    const chosen = await startServer(db, { args: ['--trusted-proxy', '127.0.0.1', '--metrics-from', '203.0.113.9'] });
    try {
        const monitor = new Client(chosen.url);
        monitor.headers['X-Forwarded-For'] = '203.0.113.9';
        expectStatus(await monitor.get('/metrics'), 200);
        expectError(await new Client(chosen.url).get('/metrics'), 404, 'NotFound');
    } finally {
        await chosen.stop();
    }
});

test('a 5,000-character path is an ordinary answer, never a server error', async () => {
    const response = await new Client(server.url).request('GET', `/${'a'.repeat(5000)}`);
    assert.ok(response.status < 500, `status ${response.status}`);
    const nested = await new Client(server.url).request('GET', `/${'abcdefghij/'.repeat(500)}`);
    assert.ok(nested.status < 500, `status ${nested.status}`);
});

test('ROLE-1 user names differing only in case are one name: the second is refused, and the log-in ignores case', async () => {
    const orgs = expectStatus(await admin.get('/orgs'), 200).body.items;
    const department = orgs.find((org) => org.kind === 'department');
    const name = `Case${uniqueSuffix()}`;
    expectStatus(await admin.post('/users', {
        username: name, display_name: '大小写测试', password: 'Case1Check', role: 'department', org_id: department.id,
    }), 201);
    expectError(await admin.post('/users', {
        username: name.toLowerCase(), display_name: '大小写测试二', password: 'Case1Check', role: 'department',
        org_id: department.id,
    }), 409, 'AlreadyExists', 'username');
    expectStatus(await new Client(server.url).login(name.toUpperCase(), 'Case1Check'), 200);
});

test('ROLE-8 a vendor sees the organisation\'s own units but no other vendor', async () => {
    const vendor1 = new Client(server.url);
    await vendor1.login(DEMO.vendor1.username, DEMO.vendor1.password, { expect: 200 });
    const seen = expectStatus(await vendor1.get('/orgs'), 200).body.items;
    const vendors = seen.filter((org) => org.kind === 'vendor');
    assert.deepEqual(vendors.map((org) => org.id), [vendor1.user.org_id], 'only its own vendor organisation');
    assert.ok(seen.some((org) => org.kind === 'department'), 'departments are listed (names of those in charge)');
    const all = expectStatus(await admin.get('/orgs'), 200).body.items;
    assert.ok(all.filter((org) => org.kind === 'vendor').length > 1, 'the demo has more than one vendor');
});

test('X-7 the organisation tree shows a user their own town and what is above it, not another town', async () => {
    const all = expectStatus(await admin.get('/orgs'), 200).body.items;
    const county = all.find((org) => org.kind === 'county');
    const town = expectStatus(await admin.post('/orgs', {
        parent_id: county.id, name: `新城镇${uniqueSuffix()}`, kind: 'town',
    }), 201).body;
    const username = `xc${uniqueSuffix().toLowerCase()}`;
    expectStatus(await admin.post('/users', {
        username, display_name: '新城镇办公室', password: 'Town1Office', role: 'office', org_id: town.id,
    }), 201);
    const other = new Client(server.url);
    await other.login(username, 'Town1Office', { expect: 200 });
    const seen = expectStatus(await other.get('/orgs'), 200).body.items.map((org) => org.id).sort((a, b) => a - b);
    assert.deepEqual(seen, [county.id, town.id].sort((a, b) => a - b), 'the county above it and its own town only');
    // The demo's town office still sees its own departments and vendors.
    const office = new Client(server.url);
    await office.login(DEMO.office.username, DEMO.office.password, { expect: 200 });
    const own = expectStatus(await office.get('/orgs'), 200).body.items;
    assert.ok(own.some((org) => org.kind === 'department') && own.some((org) => org.kind === 'vendor'));
    assert.ok(!own.some((org) => org.id === town.id), 'not the other town');
});

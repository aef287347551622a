// Test harness for the houqin HTTP API: a fresh database per test file, the real server binary on a free port,
// and a small client that keeps the session cookie and CSRF token (docs/api.md, "Conventions").
//
// Environment:
//   HOUQIN_BIN          server binary (default build/debug/houqin, then build/release/houqin, relative to the repo)
//   HOUQIN_TEST_ENGINE  sqlite (default) or postgresql
//   HOUQIN_PG_URL       base URL of the test cluster, e.g. postgresql://postgres@127.0.0.1:55432/postgres
//   HOUQIN_KEEP_DB      set to 1 to keep the test databases (for debugging)
//
// STYLE.md: API tests are hermetic: free port, temporary database, injected clock (HOUQIN_FAKE_NOW, or
// HOUQIN_FAKE_NOW_FILE for a clock a test moves: movableClock below).

import { after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

import { checkAnswer, routeTable } from './schema.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');

/** The clock every test server and CLI run gets unless a test asks otherwise (Asia/Shanghai): server/tests/clock.mjs,
 *  chosen by HOUQIN_TEST_NOW. FAKE_TODAY is its date. */
export { TEST_NOW as FAKE_NOW, TODAY as FAKE_TODAY } from '../clock.mjs';
import {
    TEST_NOW as FAKE_NOW, TODAY as FAKE_TODAY, addDays, addMonths, month as monthOf, monthEnd, year as yearFromNow,
} from '../clock.mjs';

export const engine = (process.env.HOUQIN_TEST_ENGINE || 'sqlite').toLowerCase();
if (engine !== 'sqlite' && engine !== 'postgresql') {
    throw new Error(`HOUQIN_TEST_ENGINE must be sqlite or postgresql, not ${engine}`);
}

function findBinary() {
    if (process.env.HOUQIN_BIN) return path.resolve(process.cwd(), process.env.HOUQIN_BIN);
    for (const candidate of ['build/debug/houqin', 'build/release/houqin']) {
        const full = path.join(repoRoot, candidate);
        if (fs.existsSync(full)) return full;
    }
    return path.join(repoRoot, 'build/debug/houqin');
}
export const bin = findBinary();

const testFileName = path.basename(process.argv[1] || 'api', '.test.mjs').replace(/\.mjs$/, '');
const logDir = path.join(repoRoot, 'build/test-logs');

// Everything started here is stopped at the end of the test file, even when a test fails half way.
const servers = new Set();
const databases = [];
let cleanupDone = false;

async function cleanup() {
    if (cleanupDone) return;
    cleanupDone = true;
    await Promise.all([...servers].map((server) => server.stop()));
    if (process.env.HOUQIN_KEEP_DB === '1') return;
    for (const db of databases) db.drop();
}
after(cleanup);
process.on('exit', () => {
    for (const server of servers) {
        try {
            process.kill(server.pid, 'SIGKILL');
        } catch {
            // already gone
        }
    }
});

function baseEnv(extra = {}) {
    const env = { ...process.env, HOUQIN_FAKE_NOW: FAKE_NOW, ...extra };
    for (const [key, value] of Object.entries(env)) {
        if (value === null || value === undefined) delete env[key];
    }
    return env;
}

// ---------------------------------------------------------------------------------------------------------------
// Databases

function pgBase() {
    const raw = process.env.HOUQIN_PG_URL;
    if (!raw) throw new Error('HOUQIN_TEST_ENGINE=postgresql needs HOUQIN_PG_URL (scripts/pg-test.sh start)');
    const url = new URL(raw);
    return {
        host: url.hostname || '127.0.0.1',
        port: url.port || '5432',
        user: decodeURIComponent(url.username || 'postgres'),
        url,
    };
}

function psql(database, sql, { allowFail = false } = {}) {
    const pg = pgBase();
    const result = spawnSync(
        'psql',
        ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', pg.host, '-p', pg.port, '-U', pg.user, '-d', database, '-tA', '-c', sql],
        { encoding: 'utf8', timeout: 60_000 },
    );
    if (result.status !== 0 && !allowFail) {
        throw new Error(`psql ${database} failed (${result.status}): ${result.stderr}\n${sql}`);
    }
    return result;
}

/**
 * A fresh, empty database for this test file.
 * Returns {engine, url, file (sqlite), name (postgresql), sql(statement), drop()}.
 */
export function createDatabase({ template = null } = {}) {
    const suffix = `${process.pid.toString(36)}${randomBytes(6).toString('hex')}`;
    let db;
    if (engine === 'sqlite') {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-api-'));
        const file = path.join(dir, 'houqin.db');
        db = {
            engine,
            file,
            url: `sqlite:${file}`,
            sql(statement) {
                const result = spawnSync('sqlite3', ['-cmd', '.timeout 10000', file, statement], {
                    encoding: 'utf8',
                    timeout: 60_000,
                });
                if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}\n${statement}`);
                return result.stdout.trim();
            },
            drop() {
                fs.rmSync(dir, { recursive: true, force: true });
            },
        };
    } else {
        const pg = pgBase();
        const name = `houqin_t_${suffix}`;
        psql('postgres', template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
        const url = new URL(pg.url.toString());
        url.pathname = `/${name}`;
        db = {
            engine,
            name,
            url: url.toString(),
            sql(statement) {
                return psql(name, statement).stdout.trim();
            },
            drop() {
                psql('postgres', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, { allowFail: true });
            },
        };
    }
    databases.push(db);
    return db;
}

// ---------------------------------------------------------------------------------------------------------------
// The CLI

/** Runs `houqin <args...>` and returns {code, stdout, stderr}. Throws when it fails unless allowFail. */
export function cli(args, { env = {}, allowFail = false } = {}) {
    const result = spawnSync(bin, args, { encoding: 'utf8', env: baseEnv(env), timeout: 300_000 });
    if (result.error) throw new Error(`cannot run ${bin}: ${result.error.message}`);
    const out = { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
    if (!allowFail && out.code !== 0) {
        throw new Error(`houqin ${args.join(' ')} exited ${out.code ?? out.signal}\n${out.stdout}\n${out.stderr}`);
    }
    return out;
}

export const ADMIN_PASSWORD = 'Admin@12345';

/** Demo accounts made by `houqin seed-demo`. */
export const DEMO = {
    admin: { username: 'admin', password: 'Admin@2026', role: 'admin' },
    office: { username: 'office', password: 'Office@2026', role: 'office' },
    leader: { username: 'leader', password: 'Leader@2026', role: 'leadership' },
    jiwei: { username: 'jiwei', password: 'Jiwei@2026', role: 'discipline' },
    sifa: { username: 'sifa', password: 'Sifa@2026', role: 'judicial' },
    dangzheng: { username: 'dangzheng', password: 'Dangzheng@2026', role: 'party_office' },
    dept: { username: 'dept', password: 'Dept@2026', role: 'department' },
    vendor1: { username: 'vendor1', password: 'Vendor@2026', role: 'vendor' },
    vendor2: { username: 'vendor2', password: 'Vendor@2026', role: 'vendor' },
};

// Most tests start from the demo, and `houqin seed-demo` takes seconds under the sanitizers: three hundred seeds were
// most of the API suite's time. The first file that needs the demo on this engine, binary and clock seeds a template
// once; every later demo database is a copy (SQLite: the file; PostgreSQL: CREATE DATABASE ... TEMPLATE), which is the
// same database seed-demo would have written. A test passing an env of its own seeds afresh.
const templateDir = path.join(repoRoot, 'build/test-cache');

function templateKey() {
    const stat = fs.statSync(bin);
    const source = [engine, path.resolve(bin), stat.size, stat.mtimeMs, FAKE_NOW, process.env.HOUQIN_PG_URL ?? ''].join('|');
    return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

/** Runs `make` once across the test processes: the first takes the lock and makes the thing, the others wait. */
function once(lock, done, make) {
    fs.mkdirSync(templateDir, { recursive: true });
    const deadline = performance.now() + 300_000;
    while (!done()) {
        try {
            fs.mkdirSync(lock);
        } catch (error) {
            if (error.code !== 'EEXIST') throw error;
            if (performance.now() > deadline) throw new Error(`waited 5 minutes for ${lock}`);
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
            continue;
        }
        try {
            if (!done()) make();
        } finally {
            fs.rmSync(lock, { recursive: true, force: true });
        }
    }
}

/** A copy of the demo as seed-demo writes it, from the template (made on first use). */
function demoDatabase() {
    const key = templateKey();
    if (engine === 'sqlite') {
        const template = path.join(templateDir, `demo-${key}.db`);
        once(`${template}.lock`, () => fs.existsSync(template), () => {
            const scratch = `${template}.${process.pid}.tmp`;
            cli(['seed-demo', '--db', `sqlite:${scratch}`]);
            // The whole database in the one file: nothing may stay behind in a write-ahead log.
            const checkpoint = spawnSync('sqlite3', [scratch, 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;'],
                { encoding: 'utf8', timeout: 60_000 });
            if (checkpoint.status !== 0) throw new Error(`sqlite3 checkpoint failed: ${checkpoint.stderr}`);
            fs.renameSync(scratch, template);
        });
        const db = createDatabase();
        fs.copyFileSync(template, db.file);
        return db;
    }
    // The template is seeded under another name and renamed when complete, so it exists only whole (the cluster is
    // the run's own: a template never outlives it).
    const template = `houqin_tpl_${key}`;
    const exists = () => psql('postgres', `SELECT 1 FROM pg_database WHERE datname = '${template}'`).stdout.trim() === '1';
    once(path.join(templateDir, `${template}.lock`), exists, () => {
        const scratch = `${template}_seeding`;
        psql('postgres', `DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
        psql('postgres', `CREATE DATABASE ${scratch}`);
        const url = new URL(pgBase().url.toString());
        url.pathname = `/${scratch}`;
        cli(['seed-demo', '--db', url.toString()]);
        psql('postgres', `ALTER DATABASE ${scratch} RENAME TO ${template}`);
    });
    return createDatabase({ template });
}

/**
 * A database prepared with the CLI: seed 'demo' (seed-demo), 'admin' (migrate + one admin account
 * admin/Admin@12345) or 'none' (migrate only).
 */
export function prepareDatabase({ seed = 'demo', env = {} } = {}) {
    if (seed === 'demo' && Object.keys(env ?? {}).length === 0) return demoDatabase();
    const db = createDatabase();
    if (seed === 'demo') {
        cli(['seed-demo', '--db', db.url], { env });
    } else {
        cli(['migrate', '--db', db.url], { env });
        if (seed === 'admin') {
            cli(
                ['user', 'add', '--db', db.url, '--username', 'admin', '--password', ADMIN_PASSWORD, '--role', 'admin',
                    '--display-name', '系统管理员'],
                { env },
            );
        }
    }
    return db;
}

// ---------------------------------------------------------------------------------------------------------------
// The server

export function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let serverCount = 0;

/**
 * Starts `houqin serve` on `db` and waits for /healthz. Several servers may share one database.
 * Options: fakeNow (string, or null for the real clock), env (extra variables), args (extra `serve` options, e.g.
 * ['--trusted-proxy', '127.0.0.1']), timeoutMs.
 * Returns {url, port, pid, logFile, stop()}.
 */
export async function startServer(db, { fakeNow = FAKE_NOW, env = {}, args = [], timeoutMs = 30_000 } = {}) {
    fs.mkdirSync(logDir, { recursive: true });
    let lastError;
    for (let attempt = 0; attempt < 3; attempt += 1) {
        serverCount += 1;
        const port = await freePort();
        const logFile = path.join(logDir, `${testFileName}-${engine}-${process.pid}-${serverCount}.log`);
        const log = fs.createWriteStream(logFile);
        const child = spawn(bin, ['serve', '--db', db.url, '--listen', `127.0.0.1:${port}`, '--threads', '2', ...args], {
            env: baseEnv({ HOUQIN_FAKE_NOW: fakeNow, ...env }),
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.pipe(log, { end: false });
        child.stderr.pipe(log, { end: false });
        let exited = null;
        const exitPromise = new Promise((resolve) => {
            child.on('exit', (code, signal) => {
                exited = { code, signal };
                resolve(exited);
            });
            child.on('error', (error) => {
                exited = { code: null, signal: null, error };
                resolve(exited);
            });
        });
        const server = {
            url: `http://127.0.0.1:${port}`,
            port,
            pid: child.pid,
            logFile,
            async stop() {
                if (exited === null) {
                    child.kill('SIGTERM');
                    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
                    await exitPromise;
                    clearTimeout(timer);
                }
                servers.delete(server);
                await new Promise((resolve) => log.end(resolve));
            },
        };
        servers.add(server);

        const deadline = performance.now() + timeoutMs;
        while (exited === null && performance.now() < deadline) {
            try {
                const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2000) });
                if (response.status === 200) return server;
            } catch {
                // not listening yet
            }
            await sleep(100);
        }
        await server.stop();
        const tail = fs.readFileSync(logFile, 'utf8').slice(-3000);
        lastError = new Error(
            `houqin serve did not become healthy on port ${port} ` +
                `(${exited?.error?.message ?? `exit ${exited?.code ?? exited?.signal ?? 'timeout'}`}); log ${logFile}:\n${tail}`,
        );
        // Another process may have taken the port between freePort() and bind(): try again on a new one.
        if (!/address already in use|EADDRINUSE|bind/i.test(tail)) break;
    }
    throw lastError;
}

/**
 * A clock a test moves without restarting the server (HOUQIN_FAKE_NOW_FILE, run.sh): start the server with its
 * `env` (setupDemo({ env }) or startServer(db, { env })); `set(instant)` moves the server's time before the next
 * request. Call it at the top of a test file (the folder goes when the file's tests end).
 */
export function movableClock(instant = FAKE_NOW) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-clock-'));
    const file = path.join(folder, 'now');
    const set = (next) => {
        // Written aside and renamed over the old file, so the server never reads half a time.
        fs.writeFileSync(`${file}.next`, `${next}\n`);
        fs.renameSync(`${file}.next`, file);
    };
    set(instant);
    after(() => fs.rmSync(folder, { recursive: true, force: true }));
    return { file, env: { HOUQIN_FAKE_NOW_FILE: file }, set };
}

/** The usual start of a test file: seeded database, one server, and a factory for logged-in clients. */
export async function setupDemo(options = {}) {
    const db = prepareDatabase({ seed: 'demo', env: options.env });
    const server = await startServer(db, options);
    return {
        db,
        server,
        client: () => new Client(server.url),
        async as(account) {
            const client = new Client(server.url);
            const { username, password } = typeof account === 'string' ? DEMO[account] : account;
            await client.login(username, password, { expect: 200 });
            return client;
        },
    };
}

// ---------------------------------------------------------------------------------------------------------------
// The client

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function splitSetCookie(headers) {
    if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
    const joined = headers.get('set-cookie');
    return joined ? joined.split(/,(?=\s*[A-Za-z0-9_-]+=)/) : [];
}

// Issue 10: every 2xx JSON answer is checked against the answer its route declares in the server's OpenAPI document
// (fetched once per server), so a handler whose JSON drifts from the declared schema fails the test that asked.
const documents = new Map();

async function checkDeclaredShape(baseUrl, method, pathname, answer, contentType) {
    if (!documents.has(baseUrl)) {
        documents.set(baseUrl, (async () => {
            const response = await fetch(`${baseUrl}/api/v1/openapi.json`, { signal: AbortSignal.timeout(60_000) });
            if (!response.ok) throw new Error(`GET /api/v1/openapi.json answered ${response.status}`);
            const document = await response.json();
            return { document, table: routeTable(document) };
        })());
    }
    let loaded;
    try {
        loaded = await documents.get(baseUrl);
    } catch (error) {
        documents.delete(baseUrl);
        throw error;
    }
    const problems = checkAnswer(loaded.document, loaded.table, method, pathname, answer.status, answer.body, contentType);
    if (problems.length > 0) {
        throw new Error(`the answer does not fit its declared schema (server/src/features/*/api_schemas.json):\n  ${problems.join('\n  ')}`);
    }
}

export class Client {
    constructor(baseUrl) {
        this.baseUrl = baseUrl;
        /** value of the houqin_session cookie, or null */
        this.session = null;
        this.csrfToken = null;
        this.user = null;
        /** headers sent with every request (e.g. X-Forwarded-For through a server with --trusted-proxy) */
        this.headers = {};
    }

    /** A second client with the same cookie and token, optionally talking to another server. */
    clone(baseUrl = this.baseUrl) {
        const copy = new Client(baseUrl);
        copy.session = this.session;
        copy.csrfToken = this.csrfToken;
        copy.user = this.user;
        copy.headers = { ...this.headers };
        return copy;
    }

    static resolve(pathname) {
        if (/^\/(api\/|healthz|metrics)/.test(pathname)) return pathname;
        return `/api/v1${pathname}`;
    }

    /**
     * Sends a request. `body`: an object (sent as JSON), or a Buffer/string sent as is (`raw`).
     * Options: headers, csrf (default true: send X-CSRF-Token on writes), query (object).
     * Returns {status, body (parsed JSON or text), bytes (Buffer), headers, setCookies}.
     */
    async request(method, pathname, body, { headers = {}, csrf = true, query } = {}) {
        method = method.toUpperCase();
        let url = `${this.baseUrl}${Client.resolve(pathname)}`;
        if (query) {
            const params = new URLSearchParams();
            for (const [key, value] of Object.entries(query)) {
                if (value !== undefined && value !== null) params.append(key, String(value));
            }
            url += (url.includes('?') ? '&' : '?') + params.toString();
        }
        const sendHeaders = { ...this.headers, ...headers };
        if (this.session !== null) sendHeaders.Cookie = `houqin_session=${this.session}`;
        if (csrf && WRITE_METHODS.has(method) && this.csrfToken && !('X-CSRF-Token' in sendHeaders)) {
            sendHeaders['X-CSRF-Token'] = this.csrfToken;
        }
        let payload;
        if (body !== undefined) {
            if (Buffer.isBuffer(body) || body instanceof Uint8Array || typeof body === 'string') {
                payload = body;
            } else {
                payload = JSON.stringify(body);
                if (!Object.keys(sendHeaders).some((key) => key.toLowerCase() === 'content-type')) {
                    sendHeaders['Content-Type'] = 'application/json';
                }
            }
        }
        const response = await fetch(url, {
            method,
            headers: sendHeaders,
            body: payload,
            redirect: 'manual',
            signal: AbortSignal.timeout(60_000),
        });
        const bytes = Buffer.from(await response.arrayBuffer());
        const setCookies = splitSetCookie(response.headers);
        for (const cookie of setCookies) {
            const match = /^\s*houqin_session=([^;]*)/.exec(cookie);
            if (!match) continue;
            const cleared = match[1] === '' || /max-age=0\b/i.test(cookie) || /expires=thu, 01 jan 1970/i.test(cookie);
            this.session = cleared ? null : match[1];
        }
        let parsed = bytes.toString('utf8');
        const contentType = response.headers.get('content-type') || '';
        if (contentType.includes('json') || /^\s*[{[]/.test(parsed)) {
            try {
                parsed = JSON.parse(parsed);
            } catch {
                // leave as text
            }
        }
        const answer = { status: response.status, body: parsed, bytes, headers: response.headers, setCookies };
        if (response.ok && contentType.includes('application/json') && new URL(url).pathname.startsWith('/api/v1/')) {
            await checkDeclaredShape(this.baseUrl, method, new URL(url).pathname, answer, contentType);
        }
        return answer;
    }

    get(pathname, options) {
        return this.request('GET', pathname, undefined, options);
    }
    post(pathname, body, options) {
        return this.request('POST', pathname, body, options);
    }
    put(pathname, body, options) {
        return this.request('PUT', pathname, body, options);
    }
    patch(pathname, body, options) {
        return this.request('PATCH', pathname, body, options);
    }
    delete(pathname, options) {
        return this.request('DELETE', pathname, undefined, options);
    }

    /** POST /session; keeps cookie and csrf token. `expect` asserts the status. */
    async login(username, password, { expect } = {}) {
        const response = await this.post('/session', { username, password });
        if (response.status === 200) {
            this.csrfToken = response.body.csrf_token;
            this.user = response.body.user;
        }
        if (expect !== undefined) expectStatus(response, expect, `login ${username}`);
        return response;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Assertions and helpers

function describeResponse(response) {
    const body = typeof response.body === 'string' ? response.body.slice(0, 800) : JSON.stringify(response.body)?.slice(0, 800);
    return `status ${response.status}, body ${body}`;
}

/** Asserts the status (a number or a list of allowed numbers) and shows the body when it differs. */
export function expectStatus(response, expected, what = '') {
    const allowed = Array.isArray(expected) ? expected : [expected];
    assert.ok(
        allowed.includes(response.status),
        `${what ? `${what}: ` : ''}expected status ${allowed.join(' or ')}, got ${describeResponse(response)}`,
    );
    return response;
}

/** Asserts a message object {zh-CN, en} with both languages present. */
export function expectBilingual(message, what = 'message') {
    assert.ok(message && typeof message === 'object', `${what} should be {zh-CN, en}, got ${JSON.stringify(message)}`);
    assert.equal(typeof message['zh-CN'], 'string', `${what} zh-CN`);
    assert.equal(typeof message.en, 'string', `${what} en`);
    assert.ok(message['zh-CN'].length > 0 && message.en.length > 0, `${what} has empty text`);
    assert.match(message['zh-CN'], /[\u4e00-\u9fff]/, `${what} zh-CN should be Chinese`);
}

/**
 * Asserts an error answer: status, code, the bilingual message and, when given, that `fields` names `field`
 * (exactly, or as the head of a path such as `checklist[1].points`).
 */
export function expectError(response, status, code, field) {
    expectStatus(response, status);
    const body = response.body;
    assert.ok(body && typeof body === 'object', `error body should be JSON, got ${describeResponse(response)}`);
    if (code) assert.equal(body.code, code, `error code; ${describeResponse(response)}`);
    expectBilingual(body.message, 'error message');
    if (field) {
        const names = (body.fields || []).map((entry) => entry.field);
        assert.ok(
            names.some((name) => name === field || name.startsWith(`${field}.`) || name.startsWith(`${field}[`)),
            `fields should name ${field}; ${describeResponse(response)}`,
        );
        for (const entry of body.fields) expectBilingual(entry.message, `field ${entry.field} message`);
    }
    return body;
}

export function sha256(bytes) {
    return createHash('sha256').update(bytes).digest('hex');
}

/** Ten random capitals and digits, to keep names unique within and across test files (not from the clock). */
export function uniqueSuffix() {
    return randomBytes(5).toString('hex').toUpperCase();
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character for the first 17 characters. */
export function creditCheckChar(first17) {
    let sum = 0;
    for (let i = 0; i < 17; i += 1) {
        const value = CREDIT_CHARSET.indexOf(first17[i]);
        if (value < 0) throw new Error(`bad credit code character ${first17[i]}`);
        sum += value * CREDIT_WEIGHTS[i];
    }
    return CREDIT_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * A valid unified social credit code: 9 (market regulation) 1 (enterprise) 440605 (Nanhai, Foshan),
 * a GB 11714 organisation code whose own check digit is right, and the GB 32100 check character.
 */
export function makeCreditCode() {
    for (;;) {
        const body = Array.from(randomBytes(8), (byte) => String(byte % 10)).join('');
        const weights = [3, 7, 9, 10, 5, 8, 4, 2];
        const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
        const check = 11 - (sum % 11);
        if (check === 10) continue; // would be 'X'; keep the organisation code all digits
        const first17 = `91440605${body}${check === 11 ? '0' : String(check)}`;
        return first17 + creditCheckChar(first17);
    }
}

/** The same code with a wrong check character. */
export function breakCreditCode(code) {
    const right = code[17];
    const wrong = CREDIT_CHARSET[(CREDIT_CHARSET.indexOf(right) + 1) % 31];
    return code.slice(0, 17) + wrong;
}

/** Reads every file of a zip archive (stored or deflated) into {name: Buffer}; enough for .xlsx files. */
export function unzip(buffer) {
    let end = buffer.length - 22;
    while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end -= 1;
    if (end < 0) throw new Error('not a zip file: no end of central directory');
    const count = buffer.readUInt16LE(end + 10);
    let offset = buffer.readUInt32LE(end + 16);
    const files = {};
    for (let i = 0; i < count; i += 1) {
        if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad zip central directory');
        const method = buffer.readUInt16LE(offset + 10);
        const compressedSize = buffer.readUInt32LE(offset + 20);
        const nameLength = buffer.readUInt16LE(offset + 28);
        const extraLength = buffer.readUInt16LE(offset + 30);
        const commentLength = buffer.readUInt16LE(offset + 32);
        const localOffset = buffer.readUInt32LE(offset + 42);
        const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
        const localNameLength = buffer.readUInt16LE(localOffset + 26);
        const localExtraLength = buffer.readUInt16LE(localOffset + 28);
        const start = localOffset + 30 + localNameLength + localExtraLength;
        const data = buffer.subarray(start, start + compressedSize);
        files[name] = method === 0 ? Buffer.from(data) : inflateRawSync(data);
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return files;
}

/** All text of an .xlsx workbook (shared strings and inline strings of every sheet), XML entities decoded. */
export function xlsxText(buffer) {
    const files = unzip(buffer);
    return Object.entries(files)
        .filter(([name]) => name.startsWith('xl/') && name.endsWith('.xml'))
        .map(([, data]) => data.toString('utf8'))
        .join('\n')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

/** Fetches every item of a paged list (page_size 200). */
export async function listAll(client, pathname, query = {}) {
    const items = [];
    for (let page = 1; ; page += 1) {
        const response = expectStatus(await client.get(pathname, { query: { ...query, page, page_size: 200 } }), 200);
        items.push(...response.body.items);
        if (response.body.items.length === 0 || items.length >= response.body.total) return items;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Contracts (docs/api.md "Contracts"): money in fen, a valid contract content, and the way to an active contract.

/** "12345.67" → 1234567 (integer fen); throws on anything else. */
export function toFen(text) {
    const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
    if (!match) throw new Error(`not a money string with two places: ${JSON.stringify(text)}`);
    const fen = Number(match[2]) * 100 + Number(match[3]);
    return match[1] ? -fen : fen;
}

/** 1234567 → "12345.67". */
export function fromFen(fen) {
    const sign = fen < 0 ? '-' : '';
    const abs = Math.abs(fen);
    return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function lastDayOfMonth(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Monthly installments of `year` (a number, e.g. year(1) from server/tests/clock.mjs; period YYYY-MM, due on the last
 * day of the month), amounts in fen, January first.
 */
export function monthlyInstallments(year, amountsFen) {
    return amountsFen.map((fen, index) => {
        const month = String(index + 1).padStart(2, '0');
        return { period: `${year}-${month}`, due_date: `${year}-${month}-${lastDayOfMonth(year, index + 1)}`, amount: fromFen(fen) };
    });
}

/**
 * Twelve (or `amountsFen.length`) monthly installments from the month of `start` (a date, the first of a month, e.g.
 * monthStart(-10) from server/tests/clock.mjs): period YYYY-MM, due on the last day of each month, amounts in fen.
 */
export function monthlyInstallmentsFrom(start, amountsFen) {
    return amountsFen.map((fen, index) => {
        const period = monthOf(index, start);
        return { period, due_date: monthEnd(0, `${period}-01`), amount: fromFen(fen) };
    });
}

/**
 * A complete, consistent contract content (the docs example): the calendar year `year` (default: next year under the
 * test clock, year(1)), or twelve months from `termStart` (the first of a month, e.g. monthStart(-10): a contract in
 * force today with ten past periods), 360000.00 a year in 12 monthly installments of 30000.00, two service items
 * summing to the total, a checklist summing to 100, staffing 4x8 / 2x8. `overrides` replace top-level keys.
 */
export function validContent({
    vendorId, categoryId, departmentId, vendor = null, title, year = yearFromNow(1), termStart = null, overrides = {},
}) {
    if (termStart !== null && !/^\d{4}-\d{2}-01$/.test(termStart)) throw new Error(`termStart must be a first of a month: ${termStart}`);
    const start = termStart ?? `${year}-01-01`;
    return {
        title: title ?? `九江镇机关保洁绿化服务外包合同(测试${uniqueSuffix()})`,
        category_id: categoryId,
        vendor_id: vendorId,
        party_a: {
            name: '九江镇人民政府', representative: '李书记', phone: '0757-86501234',
            address: '广东省佛山市南海区九江镇儒林西路1号', bank_account_name: '佛山市南海区九江镇人民政府',
            bank_name: '中国工商银行佛山九江支行', bank_account_no: '2013020109024900011',
        },
        party_b: {
            name: vendor?.name ?? '九江长安物业服务有限公司', representative: vendor?.legal_representative ?? '法人1',
            phone: vendor?.contact_phone ?? '0757-86800001', address: vendor?.address ?? '广东省佛山市南海区九江镇儒林东路3号',
            bank_account_name: vendor?.bank_account_name ?? vendor?.name ?? '九江长安物业服务有限公司',
            bank_name: vendor?.bank_name ?? '中国农业银行佛山九江支行', bank_account_no: vendor?.bank_account_no ?? '445801010400000037',
        },
        term_start: start,
        term_end: addDays(addMonths(start, 12), -1),
        annual_amount: '360000.00',
        total_amount: '360000.00',
        service_items: [
            { name: '办公区保洁', scope: '办公楼1-5层', fee_standard: '每月 20000 元', amount: '240000.00' },
            { name: '绿化养护', scope: '镇政府大院及周边绿地', fee_standard: '每月 10000 元', amount: '120000.00' },
        ],
        payment: {
            method: '银行转账', frequency: 'monthly',
            installments: monthlyInstallmentsFrom(start, Array(12).fill(3_000_000)),
        },
        assessment: {
            frequency: 'monthly', pass_mark: 60,
            checklist: [
                { item: '办公区地面、桌面、门窗清洁', points: 15 },
                { item: '卫生间清洁无异味', points: 20 },
                { item: '垃圾日产日清、分类投放', points: 15 },
                { item: '绿地修剪、浇水、除草', points: 20 },
                { item: '人员在岗、着装规范', points: 15 },
                { item: '工具物料规范存放', points: 15 },
            ],
            bands: [{ name: '优秀', min: 90 }, { name: '良好', min: 80 }, { name: '合格', min: 60 }],
        },
        staffing: [
            { day_type: 'workday', role: '保洁员', people: 4, hours: 8 },
            { day_type: 'weekend', role: '保洁员', people: 2, hours: 8 },
            { day_type: 'holiday', role: '保洁员', people: 2, hours: 8 },
        ],
        deductions: [
            { kind: 'per_point_below_pass', amount: '100.00', cap: '3000.00', description: '考核低于合格分每分扣100元' },
            { kind: 'per_missing_staff_day', amount: '200.00', cap: '5000.00', description: '每缺岗一人日扣200元' },
            { kind: 'per_failed_item', amount: '300.00', cap: '3000.00', description: '每项不合格扣300元' },
        ],
        confidentiality: '乙方不得将本合同的内容及在履约中知悉的甲方工作秘密向任何第三方泄露。',
        breach_liability: '任何一方违约,应赔偿对方因此造成的损失;乙方连续三次考核不合格的,甲方有权解除合同。',
        responsible_department_id: departmentId,
        responsible_person: '王主任',
        responsible_phone: '0757-86500001',
        ...overrides,
    };
}

/** Ids the contract tests need from the demo data: the cleaning category, vendor1's and vendor2's vendors, a department. */
export async function contractFixtures(demo, office) {
    const categories = expectStatus(await office.get('/categories'), 200).body.items;
    const cleaning = categories.find((item) => item.code === 'cleaning');
    assert.ok(cleaning, 'demo category cleaning');
    const vendor1 = await demo.as('vendor1');
    const vendor2 = await demo.as('vendor2');
    const vendors = await listAll(office, '/vendors');
    const ownVendor = vendors.find((item) => item.org_id === vendor1.user.org_id);
    const otherVendor = vendors.find((item) => item.org_id === vendor2.user.org_id);
    assert.ok(ownVendor && otherVendor, 'vendor1 and vendor2 have vendor records visible to office');
    let orgs = await office.get('/orgs');
    if (orgs.status !== 200) orgs = await (await demo.as('admin')).get('/orgs');
    const departments = expectStatus(orgs, 200).body.items.filter((item) => item.kind === 'department');
    const department = departments.find((item) => item.name === '机关事务办') ?? departments[0];
    assert.ok(department, 'a department organisation');
    return {
        category: cleaning,
        ownVendor: expectStatus(await office.get(`/vendors/${ownVendor.id}`), 200).body,
        otherVendor: expectStatus(await office.get(`/vendors/${otherVendor.id}`), 200).body,
        department,
        vendor1,
        vendor2,
    };
}

/**
 * The text of a PDF through pdftotext (Debian package poppler-utils), all whitespace removed (`keepSpace` keeps it).
 * A missing pdftotext fails the test that needs it: a PDF check never passes without running.
 */
export function pdfText(bytes, { keepSpace = false } = {}) {
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8', timeout: 60_000 });
    if (result.error && result.error.code === 'ENOENT') {
        throw new Error('pdftotext (Debian package poppler-utils) is required: run make deps');
    }
    if (result.error) throw new Error(`pdftotext could not run: ${result.error.message}`);
    assert.equal(result.status, 0, `pdftotext failed: ${result.stderr}`);
    return keepSpace ? result.stdout : result.stdout.replace(/\s+/g, '');
}

/** Uploads a small PDF as the scan of a signed contract; returns the attachment. */
export async function uploadScan(client, filename = '合同签署扫描件.pdf') {
    const bytes = Buffer.from(`%PDF-1.4\n% scan ${uniqueSuffix()}\n%%EOF\n`);
    const response = await client.post('/attachments', bytes, {
        headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(filename) },
    });
    return { ...expectStatus(response, 201, 'upload scan').body, bytes };
}

/**
 * Takes a contract (draft, returned, or with an amendment being drafted) through submit, both reviews and signing.
 * `clients` = {office, sifa, dangzheng}. Returns the signed contract.
 */
export async function submitReviewSign(clients, id, { signedOn = FAKE_TODAY } = {}) {
    const submitted = expectStatus(await clients.office.post(`/contracts/${id}/submit`, {}), 200, 'submit').body;
    const versionNo = submitted.review.version_no;
    expectStatus(
        await clients.sifa.post(`/contracts/${id}/reviews`, { version_no: versionNo, decision: 'approve', comment: '法律审查通过' }),
        200, 'legal review',
    );
    expectStatus(
        await clients.dangzheng.post(`/contracts/${id}/reviews`, { version_no: versionNo, decision: 'approve', comment: '文字把关通过' }),
        200, 'text review',
    );
    const scan = await uploadScan(clients.office);
    return expectStatus(await clients.office.post(`/contracts/${id}/sign`, {
        signed_on: signedOn, party_a_signatory: '李书记', party_b_signatory: '张经理', attachment_id: scan.id,
    }), 200, 'sign').body;
}

/** Creates a contract from `content` and makes it active. */
export async function createActiveContract(clients, content) {
    const created = expectStatus(await clients.office.post('/contracts', content), 201, 'create contract').body;
    return submitReviewSign(clients, created.id);
}

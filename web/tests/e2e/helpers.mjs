// Shared helpers for the browser tests: a server of the test file's own on a fresh demo database and the injected
// clock, a Chromium driven through playwright-core (the system browser, never a downloaded one) whose clock follows
// the server's, logging in through the real login form, screenshots, polling checks, and a small API client for setup.
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { TEST_NOW } from '../../../server/tests/clock.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The server under test: the file's own, once `startServer` has been called (every test file starts one). */
export let BASE_URL = null;
function base() {
  if (!BASE_URL) throw new Error('no server yet: the test file starts its own with startServer() in its before hook');
  return BASE_URL;
}
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? join(repoRoot, 'build/e2e-artifacts');
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
/** The database engine of this run: sqlite (default) or postgresql (E2E_ENGINE; the cluster's URL in E2E_PG_URL). */
export const ENGINE = (process.env.E2E_ENGINE || 'sqlite').toLowerCase();
if (ENGINE !== 'sqlite' && ENGINE !== 'postgresql') throw new Error(`E2E_ENGINE must be sqlite or postgresql, not ${ENGINE}`);

/** Demo accounts written by `houqin seed-demo`. */
export const ACCOUNTS = {
  admin: 'Admin@2026',
  office: 'Office@2026',
  leader: 'Leader@2026',
  jiwei: 'Jiwei@2026',
  dept: 'Dept@2026',
  dept2: 'Dept@2026',
  dept3: 'Dept@2026',
  vendor1: 'Vendor@2026',
  vendor2: 'Vendor@2026',
  vendor3: 'Vendor@2026',
  sifa: 'Sifa@2026',
  dangzheng: 'Dangzheng@2026',
};

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A short random tag (5 capitals and digits) that keeps a test's names apart from the demo's. */
export function uniqueSuffix() {
  return randomBytes(4).toString('hex').slice(0, 5).toUpperCase();
}

/** The server binary: HOUQIN_BIN (run.sh passes the one it serves), else the debug build, else the release build. */
function serverBinary() {
  if (process.env.HOUQIN_BIN) return resolve(repoRoot, process.env.HOUQIN_BIN);
  const debug = join(repoRoot, 'build/debug/houqin');
  return existsSync(debug) || !existsSync(join(repoRoot, 'build/release/houqin')) ? debug : join(repoRoot, 'build/release/houqin');
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Fails the test with the tool's name and package when a command the test needs is not installed. */
export function requireTools(tools, debianPackage) {
  for (const tool of tools) {
    const probe = spawnSync(tool, ['-v'], { stdio: 'ignore' });
    if (probe.error?.code === 'ENOENT') {
      throw new Error(`this test needs ${tool} (Debian package ${debianPackage}; scripts/install-deps.sh installs it)`);
    }
  }
}

/** psql against the PostgreSQL cluster of E2E_PG_URL (a scratch cluster: scripts/pg-test.sh start). */
function psql(pgUrl, database, sql) {
  const url = new URL(pgUrl);
  const result = spawnSync(
    'psql',
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      url.hostname || '127.0.0.1',
      '-p',
      url.port || '5432',
      '-U',
      decodeURIComponent(url.username || 'postgres'),
      '-d',
      database,
      '-tA',
      '-c',
      sql,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (result.error) throw new Error(`psql: ${result.error.message} (Debian package postgresql-client)`);
  if (result.status !== 0) throw new Error(`psql ${database} failed: ${result.stderr}\n${sql}`);
  return result.stdout.trim();
}

/** A fresh, empty database of this run's engine: {url, drop()}. */
function createDatabase(name) {
  if (ENGINE === 'sqlite') {
    const work = mkdtempSync(join(tmpdir(), `houqin-e2e-${name}-`));
    return { url: `sqlite:${join(work, 'demo.db')}`, drop: () => rmSync(work, { recursive: true, force: true }) };
  }
  const pgUrl = process.env.E2E_PG_URL;
  if (!pgUrl) {
    throw new Error(
      'E2E_ENGINE=postgresql needs E2E_PG_URL, the URL of a scratch PostgreSQL cluster: ' +
        'E2E_PG_URL=$(bash scripts/pg-test.sh start) (make e2e-test starts and stops one)',
    );
  }
  const database = `houqin_e2e_${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  psql(pgUrl, 'postgres', `CREATE DATABASE ${database}`);
  const url = new URL(pgUrl);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    drop: () => psql(pgUrl, 'postgres', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  };
}

/** The server's clock (HOUQIN_FAKE_NOW) as it is now; the browsers opened from now on start their clocks there. */
let serverNow = TEST_NOW;

/**
 * The test file's own server: a fresh demo database (SQLite, or PostgreSQL under E2E_ENGINE=postgresql) seeded under
 * `fakeNow` (HOUQIN_FAKE_NOW, an ISO time with offset; default TEST_NOW of server/tests/clock.mjs), `houqin serve` on
 * a free port with the built UI, and from then on `go`, `login`, `apiAs` and BASE_URL point at it (each test file
 * runs in its own process). `restart({ fakeNow })` stops it and starts it again on the same database and port with
 * another clock, so a deadline passes without waiting; the browser keeps its origin, and the clocks of the open
 * browsers move to the new time. Call `stop()` in `after`.
 * The log is build/e2e-artifacts/server-<name>.log, which run.sh checks for sanitizer reports.
 */
export async function startServer({ name, fakeNow = TEST_NOW }) {
  const binary = serverBinary();
  const database = createDatabase(name);
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = createWriteStream(join(ARTIFACTS, `server-${name}.log`), { flags: 'a' });
  const environment = (now) => ({ ...process.env, HOUQIN_FAKE_NOW: now });
  log.write(`--- seed-demo on ${ENGINE} with HOUQIN_FAKE_NOW=${fakeNow}\n`);
  await new Promise((done, fail) => {
    execFile(binary, ['seed-demo', '--db', database.url], { env: environment(fakeNow) }, (error, stdout, stderr) => {
      log.write(stdout + stderr);
      if (error) fail(new Error(`seed-demo failed: ${error.message}\n${stderr}`));
      else done();
    });
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = null;
  let exited = null;

  async function start(now) {
    // A restart may find the port still held for a moment by the stopped server: try again for a few seconds.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      log.write(`--- serve on ${url} with HOUQIN_FAKE_NOW=${now}\n`);
      child = spawn(binary, ['serve', '--db', database.url, '--listen', `127.0.0.1:${port}`, '--web-dir', join(repoRoot, 'web/dist'), '--threads', '2'], {
        env: environment(now),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
      exited = new Promise((done) => child.once('exit', done));
      let gone = false;
      exited.then(() => {
        gone = true;
      });
      const started = performance.now();
      while (!gone && performance.now() - started < 30_000) {
        try {
          if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) {
            serverNow = now;
            return;
          }
        } catch {
          // not listening yet
        }
        await sleep(100);
      }
      if (!gone) throw new Error(`houqin serve did not become healthy at ${url} (log ${log.path})`);
      await sleep(100);
    }
    throw new Error(`houqin serve could not listen at ${url} (log ${log.path})`);
  }

  async function stop() {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  await start(fakeNow);
  BASE_URL = url;
  console.log(`e2e: ${name} serves ${url} on a fresh ${ENGINE} demo database, clock ${fakeNow}`);
  return {
    url,
    engine: ENGINE,
    /** Stops the server and starts it again with the clock at `fakeNow`; the open browsers' clocks follow. */
    async restart({ fakeNow: now }) {
      await stop();
      await start(now);
      for (const browser of openBrowsers) await setBrowserTime(browser.context, now);
    },
    async stop() {
      await stop();
      process.off('exit', killOnExit);
      await new Promise((done) => log.end(done));
      try {
        database.drop();
      } catch (error) {
        // A database left behind on the scratch cluster is harmless; say so without failing the file.
        console.error(`e2e: could not drop the test database: ${error.message}`);
      }
    },
  };
}

/** CSS selector of a data-test id. */
export const tid = (id) => `[data-test="${id}"]`;

/** The browsers open now: their clocks follow a server restart, and their page errors fail the test that caused them. */
const openBrowsers = new Set();

/**
 * Moves a browser's clock to `instant` (ISO with offset): `Date`, the date pickers' "today" and the page's relative
 * times then read the server's time. Time keeps flowing from there (timers, animations and polling still run).
 */
export async function setBrowserTime(context, instant) {
  await context.clock.setSystemTime(new Date(instant));
}

/** The page errors (uncaught exceptions, unhandled rejections, console errors) of the open browsers not yet reported. */
function takePageErrors() {
  const found = [];
  for (const browser of openBrowsers) found.push(...browser.pageErrors.splice(0));
  return found;
}

/** Fails when a page of an open browser threw since the last check: every test file checks this after each test. */
export function assertNoPageErrors() {
  const errors = takePageErrors();
  assert.deepEqual(errors, [], `the page threw:\n${errors.join('\n')}`);
}

afterEach(() => assertNoPageErrors());

/**
 * Starts a fresh Chromium profile and opens one page. Call `close()` in `after`: it also removes the profile, and it
 * fails if a page threw since the last check. The browser's clock is installed at the server's time (TEST_NOW, or the
 * time of the last restart) and runs on from there. Charts do not animate (window.__HOUQIN_TEST__), so screenshots
 * show the final picture.
 */
export async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'houqin-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: false,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15_000);
  await context.clock.install({ time: new Date(serverNow) });
  await context.addInitScript(() => {
    window.__HOUQIN_TEST__ = true;
  });
  const pageErrors = [];
  context.on('weberror', (webError) => pageErrors.push(String(webError.error()?.stack ?? webError.error())));
  // Under Playwright's clock an exception thrown in a timer callback is no page error: the clock catches it and
  // reports it with console.error. So every console error counts, except the browser's note of an HTTP error answer
  // (a 401, 404 or 409 the test asks for), which is no error of the page. A refusal by the server's
  // Content-Security-Policy counts: the charts draw without eval (components/charts/EChart.vue).
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (text.startsWith('Failed to load resource')) return;
    // The browser's own PDF viewer (a contract's preview frame) logs from its extension, e.g. when the page moves on
    // while it is still opening the file: that is the browser's message, not the page's.
    // Its messages may also carry the PDF's own address as their place: no page code of houqin runs in that frame.
    const where = message.location().url;
    if (where.startsWith('chrome-extension://') || /\.pdf(\?|$)/.test(where)) return;
    pageErrors.push(`console.error: ${text} (${message.location().url})`);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const browser = {
    context,
    page,
    pageErrors,
    async close() {
      openBrowsers.delete(browser);
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
      assert.deepEqual(pageErrors, [], `the page threw:\n${pageErrors.join('\n')}`);
    },
  };
  openBrowsers.add(browser);
  return browser;
}

/** Closes every browser given (skipping missing ones), then fails if any of them had a page error. */
export async function closeAll(...browsers) {
  const failures = [];
  for (const browser of browsers.flat()) {
    if (!browser) continue;
    try {
      await browser.close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, failures.map((error) => error.message).join('\n'));
}

/**
 * Waits until `locator` matches exactly `expected` elements (polling; fails with the last count after `timeout` ms).
 * For an absence (expected 0), first wait for what proves the page has loaded the data the element depends on: the
 * check must not pass before the element would appear.
 */
export async function expectCount(locator, expected, message = undefined, { timeout = 10_000 } = {}) {
  const started = performance.now();
  for (;;) {
    const count = await locator.count();
    if (count === expected) return;
    if (performance.now() - started > timeout) {
      assert.equal(count, expected, message ?? `${locator} matches ${expected} elements`);
    }
    await sleep(100);
  }
}

/** Opens a page of the UI by its hash route, e.g. `go(page, '/vendors/3')`. */
export async function go(page, route) {
  await page.goto(`${base()}/#${route}`);
}

/**
 * Logs in as a user would: from the bare address (no route typed), which must show the login form, then through the
 * form; waits until the app has left the login page (the menu is shown) and requires the landing page to be one the
 * role may see, never "no permission" (every role once landed on 403 from the bare address).
 */
export async function login(page, username, password = ACCOUNTS[username]) {
  await page.goto(`${base()}/`);
  await page.locator(tid('login-username')).fill(username);
  await page.locator(tid('login-password')).fill(password);
  await page.locator(tid('login-submit')).click();
  await page.locator(tid('menu')).waitFor();
  const landed = new URL(page.url()).hash;
  assert.ok(!landed.startsWith('#/403') && !landed.startsWith('#/login'), `${username} landed on ${landed} after logging in from the bare address`);
}

/** A fresh browser (own profile, so its own session) logged in as `username`. Call `close()` in `after`. */
export async function openBrowserAs(username, password = ACCOUNTS[username]) {
  const browser = await openBrowser();
  await login(browser.page, username, password);
  return browser;
}

/** Types a date into an Element Plus date picker whose wrapper carries the data-test id, and confirms it. */
export async function fillDate(page, wrapperId, date) {
  const input = page.locator(`${tid(wrapperId)} input`);
  await input.fill(date);
  await input.press('Enter');
}

/** Clicks the primary button of the open Element Plus message box (the "are you sure" confirmation). */
export async function confirmMessageBox(page) {
  await page.locator('.el-message-box__btns .el-button--primary').click();
}

/**
 * Approves the step a proposal waits for on its detail page (the office's review, then leadership's final approval):
 * 同意, a comment in the decision dialog, confirm; waits until the page shows the status the step leads to
 * (`nextStatus`: pending_leadership or approved). Returns the dialog's title, which names the step.
 */
export async function approveProposalStep(page, comment, nextStatus) {
  await page.locator(tid('proposal-approve')).click();
  const dialog = page.locator(tid('proposal-decision-dialog'));
  await dialog.waitFor();
  const title = (await dialog.locator('.el-dialog__title').innerText()).trim();
  await page.locator(tid('proposal-decision-comment')).fill(comment);
  await page.locator(tid('proposal-decision-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`${tid('proposal-status')}[data-status="${nextStatus}"]`).waitFor();
  return title;
}

/** Logs out through the user menu. */
export async function logout(page) {
  await page.locator(tid('user-menu')).click();
  await page.locator(tid('logout')).click();
  await page.locator(tid('login-form')).waitFor();
}

/** Saves a full-page screenshot as build/e2e-artifacts/<name>.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Picks an option in an Element Plus select whose wrapper carries the data-test id. */
export async function pickOption(page, wrapperId, label) {
  await page.locator(tid(wrapperId)).click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click();
}

/**
 * Types `query` into a remote-search select (Element Plus `remote`, the contract and vendor pickers) whose wrapper
 * carries the data-test id, waits for the search's answer (its `q` is the query) and the option, then picks it.
 * Clicking an option of the list shown before the answer could hit it while the list is replaced.
 */
export async function pickRemote(page, wrapperId, query, optionText = query) {
  const input = page.locator(`${tid(wrapperId)} input`);
  await input.click();
  const searched = page.waitForResponse((response) => new URL(response.url()).searchParams.get('q') === query);
  await input.fill(query);
  await searched;
  const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: optionText }).first();
  await option.waitFor();
  await option.click();
}

/**
 * A logged-in API client for test setup and checks (plain fetch, cookie and CSRF token kept by hand).
 * The scenarios themselves go through the UI.
 */
export async function apiAs(username, password = ACCOUNTS[username]) {
  const response = await fetch(`${base()}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: HTTP ${response.status}`);
  const { csrf_token: csrf } = await response.json();
  const cookie = response.headers.get('set-cookie').split(';')[0];
  return {
    async get(path) {
      const answer = await fetch(`${base()}/api/v1${path}`, { headers: { Cookie: cookie } });
      if (!answer.ok) throw new Error(`GET ${path}: HTTP ${answer.status}`);
      return answer.json();
    },
    async status(path) {
      return (await fetch(`${base()}/api/v1${path}`, { headers: { Cookie: cookie } })).status;
    },
    /** A write (POST by default) with the session's CSRF token; throws with the server's answer unless 2xx. */
    async post(path, body = {}, method = 'POST') {
      const answer = await fetch(`${base()}/api/v1${path}`, {
        method,
        headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`${method} ${path}: HTTP ${answer.status} ${await answer.text()}`);
      return answer.json();
    },
    csrf,
    cookie,
  };
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a unified social credit code (GB 32100-2015) for its first 17 characters. */
export function creditCheckChar(first17) {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    sum += CREDIT_ALPHABET.indexOf(first17[index]) * CREDIT_WEIGHTS[index];
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

/** A valid credit code that differs on every run: `91440605MA` + 7 random characters + check character. */
export function randomCreditCode() {
  let body = '91440605MA';
  while (body.length < 17) body += CREDIT_ALPHABET[Math.floor(Math.random() * CREDIT_ALPHABET.length)];
  return body + creditCheckChar(body);
}

/** The same code with a wrong check character. */
export function withWrongCheckChar(code) {
  const right = code[17];
  const wrong = CREDIT_ALPHABET[(CREDIT_ALPHABET.indexOf(right) + 1) % CREDIT_ALPHABET.length];
  return code.slice(0, 17) + wrong;
}

/** A small valid PNG (size x size, one grey shade): uploads are real images. */
export function tinyPng(size = 16, shade = 0xc0) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, shade)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

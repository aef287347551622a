// Benchmark of the attendance import and staffing compliance (STF-6, X-4; docs/performance.md), not a test.
//
// 1. `houqin seed-demo` on a fresh SQLite file, the clock at BENCH_NOW (default 2026-12-31 10:00, Asia/Shanghai):
//    the demo's active cleaning contract then runs 345 days back, all inside the published 2026 holiday calendar.
// 2. houqin serves it; vendor1 imports a roster of BENCH_PEOPLE (2,000) people, one CSV through the API.
// 3. A year of attendance as one CSV per month, two punches per person per day (a split shift, 08:00-12:00 and
//    13:00-17:00): about 1.4 million rows. The vendor imports the months one after the other through the API (each
//    file is checked row by row, all or nothing, audited) and the wall time is taken.
// 4. The same files go through the sqlite3 command line's `.import` into a plain table, in the same run: the floor
//    of "put these rows in SQLite" with no checks, the reference the ratio is taken against.
// 5. Staffing compliance for every month of the contract (GET /contracts/{id}/staffing?month=), timed.
// Last line: attendance-bench: rows=N houqin_s=S sqlite_import_s=S ratio=R rows_per_s=N compliance_months=M
//            compliance_s=S
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = path.resolve(root, process.env.HOUQIN_BIN ?? 'build/houqin');
const people = Number(process.env.BENCH_PEOPLE ?? 2000);
const now = process.env.BENCH_NOW ?? '2026-12-31T10:00:00+08:00';
const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR ?? os.tmpdir(), 'houqin-attendance-'));
const db = path.join(tmp, 'bench.db');
const say = (text) => process.stderr.write(`attendance-bench: ${text}\n`);

function run(command, args, env = {}) {
    const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr || result.stdout}`);
    return result.stdout;
}

function freePort() {
    return new Promise((resolve) => {
        const server = net.createServer();
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(index) {
    const birth = `19${70 + (index % 25)}0${1 + (index % 9)}1${index % 10}`;
    const first17 = `440681${birth}${String(index % 1000).padStart(3, '0')}`;
    const sum = [...first17].reduce((total, digit, at) => total + Number(digit) * WEIGHTS[at], 0);
    return first17 + '10X98765432'[sum % 11];
}

function addDays(date, days) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
}

class Client {
    constructor(base) {
        this.base = base;
        this.cookie = '';
        this.csrf = '';
    }
    async request(method, url, body, headers = {}) {
        const send = { ...headers, Cookie: this.cookie };
        if (method !== 'GET') send['X-CSRF-Token'] = this.csrf;
        let payload = body;
        if (body && !(body instanceof Uint8Array) && typeof body !== 'string') {
            payload = JSON.stringify(body);
            send['Content-Type'] = 'application/json';
        }
        const answer = await fetch(`${this.base}/api/v1${url}`, { method, headers: send, body: payload });
        const text = await answer.text();
        if (!answer.ok) throw new Error(`${method} ${url}: HTTP ${answer.status} ${text.slice(0, 600)}`);
        const cookie = answer.headers.get('set-cookie');
        if (cookie) this.cookie = cookie.split(';')[0];
        return text ? JSON.parse(text) : null;
    }
    async login(username, password) {
        const session = await this.request('POST', '/session', { username, password });
        this.csrf = session.csrf_token;
    }
}

async function main() {
    say(`${bin}, ${people} people, clock ${now}, in ${tmp}`);
    const env = { HOUQIN_FAKE_NOW: now };
    run(bin, ['seed-demo', '--db', `sqlite:${db}`], env);
    const port = await freePort();
    const server = spawn(bin, ['serve', '--db', `sqlite:${db}`, '--listen', `127.0.0.1:${port}`], {
        env: { ...process.env, ...env },
        stdio: ['ignore', fs.openSync(path.join(tmp, 'server.log'), 'w'), 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    try {
        for (let i = 0; i < 100; i += 1) {
            try {
                if ((await fetch(`${base}/healthz`)).ok) break;
            } catch {
                // not up yet
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const vendor = new Client(base);
        await vendor.login('vendor1', 'Vendor@2026');
        const contracts = await vendor.request('GET', '/contracts?status=active&page_size=50');
        const contract = contracts.items[0];
        const termStart = contract.term_start;
        const today = now.slice(0, 10);

        // The roster: one import.
        let roster = '姓名,身份证号,电话,角色,岗位,入职日期\r\n';
        for (let i = 0; i < people; i += 1) {
            roster += `员工${String(i).padStart(4, '0')},${idNumber(i)},139${String(i).padStart(8, '0')},cleaner,服务人员,${termStart}\r\n`;
        }
        let started = performance.now();
        const rosterOutcome = await vendor.request('POST', `/contracts/${contract.id}/staff/import`, roster, {
            'Content-Type': 'text/csv',
            'X-Filename': 'roster.csv',
        });
        say(`roster: ${rosterOutcome.imported} people in ${((performance.now() - started) / 1000).toFixed(2)} s`);

        // A year of attendance, one file per month.
        const files = [];
        const numbers = Array.from({ length: people }, (_, i) => idNumber(i));
        let rows = 0;
        let monthRows = [];
        let current = termStart.slice(0, 7);
        const flush = () => {
            if (!monthRows.length) return;
            const file = path.join(tmp, `attendance-${current}.csv`);
            fs.writeFileSync(file, `身份证号,岗位,日期,上班时间,下班时间\r\n${monthRows.join('')}`);
            files.push({ file, month: current, rows: monthRows.length });
            monthRows = [];
        };
        for (let day = termStart; day < today; day = addDays(day, 1)) {
            if (day.slice(0, 7) !== current) {
                flush();
                current = day.slice(0, 7);
            }
            for (const number of numbers) {
                monthRows.push(`${number},服务人员,${day},08:00,12:00\r\n`, `${number},服务人员,${day},13:00,17:00\r\n`);
            }
            rows += 2 * people;
        }
        flush();
        const bytes = files.reduce((total, item) => total + fs.statSync(item.file).size, 0);
        say(`${rows} rows in ${files.length} monthly files, ${(bytes / 1e6).toFixed(1)} MB`);

        started = performance.now();
        for (const item of files) {
            const outcome = await vendor.request('POST', `/contracts/${contract.id}/attendance/import`,
                fs.readFileSync(item.file), { 'Content-Type': 'text/csv', 'X-Filename': path.basename(item.file) });
            if (outcome.imported !== item.rows) throw new Error(`${item.month}: ${JSON.stringify(outcome)}`);
        }
        const houqinSeconds = (performance.now() - started) / 1000;
        say(`houqin import: ${houqinSeconds.toFixed(2)} s`);

        const reference = path.join(tmp, 'reference.db');
        const script = ['CREATE TABLE punches (id_number TEXT, post TEXT, day TEXT, clock_in TEXT, clock_out TEXT);']
            .concat(files.map((item) => `.import --csv --skip 1 ${item.file} punches`)).join('\n');
        started = performance.now();
        const child = spawnSync('sqlite3', [reference], { input: script, encoding: 'utf8' });
        if (child.status !== 0) throw new Error(child.stderr);
        const sqliteSeconds = (performance.now() - started) / 1000;
        const counted = Number(run('sqlite3', [reference, 'SELECT COUNT(*) FROM punches']).trim());
        if (counted !== rows) throw new Error(`sqlite3 imported ${counted} rows, not ${rows}`);
        say(`sqlite3 .import: ${sqliteSeconds.toFixed(2)} s`);

        started = performance.now();
        const months = [...new Set(files.map((item) => item.month))];
        let short = 0;
        for (const month of months) {
            const view = await vendor.request('GET', `/contracts/${contract.id}/staffing?month=${month}`);
            short += view.totals.short_days;
        }
        const complianceSeconds = (performance.now() - started) / 1000;
        say(`compliance: ${months.length} months in ${complianceSeconds.toFixed(2)} s (${short} short days)`);
        console.log(
            `attendance-bench: rows=${rows} houqin_s=${houqinSeconds.toFixed(2)} sqlite_import_s=${sqliteSeconds.toFixed(2)} ` +
                `ratio=${(houqinSeconds / sqliteSeconds).toFixed(1)} rows_per_s=${Math.round(rows / houqinSeconds)} ` +
                `compliance_months=${months.length} compliance_s=${complianceSeconds.toFixed(2)}`,
        );
    } finally {
        server.kill('SIGTERM');
        await new Promise((resolve) => server.on('exit', resolve));
        if (!process.env.BENCH_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    }
}

main().catch((error) => {
    say(`error: ${error.stack ?? error}`);
    process.exit(1);
});

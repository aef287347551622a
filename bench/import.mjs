// Benchmark of the call-record import (CC-8; docs/performance.md), not a test. In one run, on the same file:
//
// 1. scripts/gen-call-records.mjs writes a month of Asterisk Master.csv for 200 agents (BENCH_ROWS, default
//    5,000,000 rows, about 1 GB) and the per-agent totals it must import to (kept in build/bench-import/ and reused).
// 2. (a) houqin: `houqin seed-demo --call-centre --agents 200` on a fresh SQLite file (the demo's call centre with
//    200 agents holding IDs 8001-8200, its approved scoring method, attendance and tests), then `houqin import-calls`
//    of the file into that contract (parse, check every row, match each call to the agent holding its ID that day,
//    flag unregistered numbers, dedup keys, per-agent day totals, one transaction) and `houqin score-calls` of the
//    month (the 200 agents scored and ranked), each timed with its peak RSS; houqin_s is the two together. Its
//    per-agent totals are read from what the import prints. The month is the last full one, which the demo covers.
// 3. (b) the sqlite3 command line: `.import` of the file into a plain 17-column table, then
//    SELECT accountcode, COUNT(*), SUM(disposition = 'ANSWERED'), SUM(billsec) ... GROUP BY accountcode.
// 4. (c) DuckDB (@duckdb/node-api, installed into build/bench-import/duckdb on first use): read_csv into a table,
//    then the same GROUP BY.
// 5. (d) with BENCH_PG_URL (a scratch cluster: url=$(bash scripts/pg-test.sh start)), houqin's import again on
//    PostgreSQL (the same seed into a fresh database of that cluster; the import and the scoring), where the call
//    keys go in through COPY.
// 6. (e) an .xlsx of the houqin template (scripts/gen-call-records-xlsx.py, BENCH_XLSX_ROWS, default 1,000,000 rows,
//    0 to skip) imported by houqin into a fresh demo, timed with its peak RSS: the streaming reader's memory.
//    Its line: import-bench-xlsx: rows=N houqin_s=N houqin_rss_mb=N totals_match=yes|no
// Totals match when all three give the generator's calls, answered calls and talk seconds for every agent.
// Last line: import-bench: rows=N houqin_s=N sqlite3_s=N duckdb_s=N houqin_rss_mb=N totals_match=yes|no
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = path.resolve(root, process.env.HOUQIN_BIN ?? 'build/houqin');
const rows = Number(process.env.BENCH_ROWS ?? 5_000_000);
const work = path.join(root, 'build/bench-import');
// The last full month in Shanghai: the demo's call centre runs from four months back, so it is scored with the
// method in force and its holiday calendar published.
const month = (() => {
    const [year, monthNumber] = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7).split('-').map(Number);
    return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
})();
const csv = path.join(work, `Master-${month}-${rows}.csv`);
const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR ?? os.tmpdir(), 'houqin-import-'));
const say = (text) => process.stderr.write(`import-bench: ${text}\n`);

function run(command, args, { env = {}, input } = {}) {
    const result = spawnSync(command, args, {
        env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28, input,
    });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr || result.stdout}`);
    return result;
}

/** Runs under /usr/bin/time: {seconds, rss_mb, stdout}. */
function timed(command, args, options) {
    const result = run('/usr/bin/time', ['-f', 'TIME %e %M', command, ...args], options);
    const match = /TIME ([\d.]+) (\d+)\s*$/.exec(result.stderr);
    return { seconds: Number(match[1]), rss_mb: Math.round(Number(match[2]) / 1024), stdout: result.stdout };
}

fs.mkdirSync(work, { recursive: true });
if (!fs.existsSync(`${csv}.totals.json`)) {
    say(`generating ${rows} rows of ${month}`);
    run('node', [path.join(root, 'scripts/gen-call-records.mjs'), '--out', csv, '--rows', String(rows), '--agents', '200',
        '--month', month]);
}
const expected = JSON.parse(fs.readFileSync(`${csv}.totals.json`, 'utf8')).agents;
say(`${csv}: ${(fs.statSync(csv).size / 1e6).toFixed(0)} MB`);

const same = (got) => Object.keys(expected).length === Object.keys(got).length &&
    Object.entries(expected).every(([agent, want]) => got[agent] && got[agent].calls === want.calls &&
        got[agent].answered === want.answered && got[agent].talk_seconds === want.talk_seconds);

// (a) houqin
const db = path.join(tmp, 'houqin.db');
run(bin, ['seed-demo', '--call-centre', '--agents', '200', '--db', `sqlite:${db}`]);
const callCentre = "SELECT c.id FROM contracts c JOIN categories k ON k.id = c.category_id WHERE k.code = 'callcenter'";
const contract = run('sqlite3', [db, callCentre]).stdout.trim();
say(`houqin import-calls into contract ${contract}, then score-calls ${month}`);
const imported = timed(bin, ['import-calls', '--db', `sqlite:${db}`, '--contract', contract, '--layout', 'asterisk',
    '--file', csv]);
const scored = timed(bin, ['score-calls', '--db', `sqlite:${db}`, '--contract', contract, '--month', month, '--as',
    'office']);
const scoredAgents = Number(/agents=(\d+)/.exec(scored.stdout)?.[1] ?? 0);
if (scoredAgents !== 200) throw new Error(`score-calls ranked ${scoredAgents} agents, not 200:\n${scored.stdout}`);
say(`houqin: import ${imported.seconds} s (${imported.rss_mb} MB), scoring of 200 agents ${scored.seconds} s ` +
    `(${scored.rss_mb} MB); ${scored.stdout.split('\n')[0]}`);
const houqin = {
    seconds: Math.round((imported.seconds + scored.seconds) * 100) / 100,
    rss_mb: Math.max(imported.rss_mb, scored.rss_mb),
    stdout: imported.stdout,
};
const houqinTotals = {};
for (const match of houqin.stdout.matchAll(/^agent (\S*): calls=(\d+) answered=(\d+) successful=\d+ talk_seconds=(\d+)$/gm)) {
    houqinTotals[match[1]] = { calls: Number(match[2]), answered: Number(match[3]), talk_seconds: Number(match[4]) };
}
say(`houqin: ${houqin.seconds} s, ${houqin.rss_mb} MB; ${houqin.stdout.split('\n')[0]}`);

// (d) houqin on PostgreSQL, when a scratch cluster is given: a database of its own, dropped afterwards.
let houqinPg = null;
if (process.env.BENCH_PG_URL) {
    const admin = process.env.BENCH_PG_URL;
    const name = `houqin_bench_${process.pid}`;
    run('psql', [admin, '-qc', `CREATE DATABASE ${name}`]);
    try {
        const target = new URL(admin);
        target.pathname = `/${name}`;
        const url = target.toString();
        run(bin, ['seed-demo', '--call-centre', '--agents', '200', '--db', url]);
        const pgContract = run('psql', [url, '-Atc', callCentre]).stdout.trim();
        const pgImport = timed(bin, ['import-calls', '--db', url, '--contract', pgContract, '--layout', 'asterisk',
            '--file', csv]);
        const pgScore = timed(bin, ['score-calls', '--db', url, '--contract', pgContract, '--month', month, '--as',
            'office']);
        houqinPg = { seconds: Math.round((pgImport.seconds + pgScore.seconds) * 100) / 100,
            rss_mb: Math.max(pgImport.rss_mb, pgScore.rss_mb), stdout: pgImport.stdout };
        const pgTotals = {};
        for (const found of houqinPg.stdout.matchAll(/^agent (\S*): calls=(\d+) answered=(\d+) successful=\d+ talk_seconds=(\d+)$/gm)) {
            pgTotals[found[1]] = { calls: Number(found[2]), answered: Number(found[3]), talk_seconds: Number(found[4]) };
        }
        houqinPg.match = same(pgTotals);
        say(`houqin on PostgreSQL: import ${pgImport.seconds} s, scoring ${pgScore.seconds} s, ${houqinPg.rss_mb} MB, ` +
            `totals ${houqinPg.match ? 'match' : 'differ'}`);
    } finally {
        run('psql', [admin, '-qc', `DROP DATABASE IF EXISTS ${name}`]);
    }
}

// (b) sqlite3 .import + GROUP BY
const columns = ['accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'start',
    'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid'];
const script = [
    `CREATE TABLE cdr (${columns.map((name) => `"${name}" TEXT`).join(', ')});`,
    '.mode csv',
    `.import '${csv}' cdr`,
    '.mode list',
    ".separator ' '",
    "SELECT accountcode, COUNT(*), SUM(disposition = 'ANSWERED'), SUM(CAST(billsec AS INTEGER)) FROM cdr GROUP BY accountcode;",
].join('\n');
const sqlite = timed('sqlite3', [path.join(tmp, 'sqlite3.db')], { input: script });
const sqliteTotals = {};
for (const line of sqlite.stdout.trim().split('\n')) {
    const [agent, calls, answered, talk] = line.split(' ');
    sqliteTotals[agent] = { calls: Number(calls), answered: Number(answered), talk_seconds: Number(talk) };
}
say(`sqlite3: ${sqlite.seconds} s, ${sqlite.rss_mb} MB`);

// (c) DuckDB
const duckdbHome = path.join(work, 'duckdb');
let duckdb = null;
let duckTotals = null;
try {
    if (!fs.existsSync(path.join(duckdbHome, 'node_modules/@duckdb/node-api'))) {
        fs.mkdirSync(duckdbHome, { recursive: true });
        run('npm', ['install', '--no-audit', '--no-fund', '--prefix', duckdbHome, '@duckdb/node-api']);
    }
    const program = path.join(duckdbHome, 'run.mjs');
    fs.writeFileSync(program, `
import { DuckDBInstance } from '@duckdb/node-api';
const instance = await DuckDBInstance.create(process.argv[2]);
const connection = await instance.connect();
await connection.run(\`CREATE TABLE cdr AS SELECT * FROM read_csv('\${process.argv[3]}', header = false, all_varchar = true,
  columns = {${columns.map((name) => `'${name}': 'VARCHAR'`).join(', ')}})\`);
const reader = await connection.runAndReadAll(\`SELECT accountcode, COUNT(*), SUM((disposition = 'ANSWERED')::INTEGER),
  SUM(billsec::BIGINT) FROM cdr GROUP BY accountcode\`);
for (const row of reader.getRows()) console.log(row.map(String).join(' '));
`);
    duckdb = timed('node', [program, path.join(tmp, 'duck.db'), csv]);
    duckTotals = {};
    for (const line of duckdb.stdout.trim().split('\n')) {
        const [agent, calls, answered, talk] = line.split(' ');
        duckTotals[agent] = { calls: Number(calls), answered: Number(answered), talk_seconds: Number(talk) };
    }
    say(`duckdb: ${duckdb.seconds} s, ${duckdb.rss_mb} MB`);
} catch (error) {
    say(`duckdb not run: ${error.message.split('\n')[0]}`);
}

// (e) the streaming .xlsx reader on a large workbook.
const xlsxRows = Number(process.env.BENCH_XLSX_ROWS ?? 1_000_000);
let xlsxLine = null;
if (xlsxRows > 0) {
    const xlsx = path.join(work, `calls-${xlsxRows}.xlsx`);
    if (!fs.existsSync(`${xlsx}.totals.json`)) {
        say(`generating an .xlsx of ${xlsxRows} rows`);
        run('python3', [path.join(root, 'scripts/gen-call-records-xlsx.py'), '--out', xlsx, '--rows', String(xlsxRows)]);
    }
    const want = JSON.parse(fs.readFileSync(`${xlsx}.totals.json`, 'utf8')).agents;
    const xlsxDb = path.join(tmp, 'houqin-xlsx.db');
    run(bin, ['seed-demo', '--db', `sqlite:${xlsxDb}`]);
    const first = run('sqlite3', [xlsxDb, 'SELECT MIN(id) FROM contracts']).stdout.trim();
    const xlsxImport = timed(bin, ['import-calls', '--db', `sqlite:${xlsxDb}`, '--contract', first, '--layout', 'houqin',
        '--file', xlsx]);
    const got = {};
    for (const found of xlsxImport.stdout.matchAll(/^agent (\S*): calls=(\d+) answered=(\d+) successful=\d+ talk_seconds=(\d+)$/gm)) {
        got[found[1]] = { calls: Number(found[2]), answered: Number(found[3]), talk_seconds: Number(found[4]) };
    }
    const xlsxMatch = Object.keys(want).length === Object.keys(got).length && Object.entries(want).every(([agent, w]) =>
        got[agent] && got[agent].calls === w.calls && got[agent].answered === w.answered &&
        got[agent].talk_seconds === w.talk_seconds);
    say(`houqin .xlsx (${(fs.statSync(xlsx).size / 1e6).toFixed(0)} MB): ${xlsxImport.seconds} s, ${xlsxImport.rss_mb} MB`);
    xlsxLine = `import-bench-xlsx: rows=${xlsxRows} houqin_s=${xlsxImport.seconds} houqin_rss_mb=${xlsxImport.rss_mb} ` +
        `totals_match=${xlsxMatch ? 'yes' : 'no'}`;
}

const match = same(houqinTotals) && same(sqliteTotals) && (duckTotals === null || same(duckTotals)) &&
    (houqinPg === null || houqinPg.match);
fs.rmSync(tmp, { recursive: true, force: true });
if (xlsxLine) console.log(xlsxLine);
console.log(`import-bench: rows=${rows} houqin_s=${houqin.seconds} sqlite3_s=${sqlite.seconds} ` +
    `duckdb_s=${duckdb ? duckdb.seconds : 'NA'} houqin_rss_mb=${houqin.rss_mb} totals_match=${match ? 'yes' : 'no'}`);

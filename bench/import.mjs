// Benchmark of the call-record import (CC-8; docs/performance.md), not a test. In one run, on the same file:
//
// 1. scripts/gen-call-records.mjs writes a month of Asterisk Master.csv for 200 agents (BENCH_ROWS, default
//    5,000,000 rows, about 1 GB) and the per-agent totals it must import to (kept in build/bench-import/ and reused).
// 2. (a) houqin: `houqin seed-demo` on a fresh SQLite file, then `houqin import-calls` of the file into the demo's
//    first contract (parse, check every row, dedup keys, per-agent day totals, one transaction), timed with its peak
//    RSS; its per-agent totals are read from what it prints.
// 3. (b) the sqlite3 command line: `.import` of the file into a plain 17-column table, then
//    SELECT accountcode, COUNT(*), SUM(disposition = 'ANSWERED'), SUM(billsec) ... GROUP BY accountcode.
// 4. (c) DuckDB (@duckdb/node-api, installed into build/bench-import/duckdb on first use): read_csv into a table,
//    then the same GROUP BY.
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
const csv = path.join(work, `Master-${rows}.csv`);
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
    say(`generating ${rows} rows`);
    run('node', [path.join(root, 'scripts/gen-call-records.mjs'), '--out', csv, '--rows', String(rows), '--agents', '200']);
}
const expected = JSON.parse(fs.readFileSync(`${csv}.totals.json`, 'utf8')).agents;
say(`${csv}: ${(fs.statSync(csv).size / 1e6).toFixed(0)} MB`);

const same = (got) => Object.keys(expected).length === Object.keys(got).length &&
    Object.entries(expected).every(([agent, want]) => got[agent] && got[agent].calls === want.calls &&
        got[agent].answered === want.answered && got[agent].talk_seconds === want.talk_seconds);

// (a) houqin
const db = path.join(tmp, 'houqin.db');
run(bin, ['seed-demo', '--db', `sqlite:${db}`]);
const contract = run('sqlite3', [db, 'SELECT MIN(id) FROM contracts']).stdout.trim();
say(`houqin import-calls into contract ${contract}`);
const houqin = timed(bin, ['import-calls', '--db', `sqlite:${db}`, '--contract', contract, '--layout', 'asterisk',
    '--file', csv]);
const houqinTotals = {};
for (const match of houqin.stdout.matchAll(/^agent (\S*): calls=(\d+) answered=(\d+) successful=\d+ talk_seconds=(\d+)$/gm)) {
    houqinTotals[match[1]] = { calls: Number(match[2]), answered: Number(match[3]), talk_seconds: Number(match[4]) };
}
say(`houqin: ${houqin.seconds} s, ${houqin.rss_mb} MB; ${houqin.stdout.split('\n')[0]}`);

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

const match = same(houqinTotals) && same(sqliteTotals) && (duckTotals === null || same(duckTotals));
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`import-bench: rows=${rows} houqin_s=${houqin.seconds} sqlite3_s=${sqlite.seconds} ` +
    `duckdb_s=${duckdb ? duckdb.seconds : 'NA'} houqin_rss_mb=${houqin.rss_mb} totals_match=${match ? 'yes' : 'no'}`);

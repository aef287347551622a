#!/usr/bin/env node
// Generates a month of Asterisk cdr_csv Master.csv records (17 columns: the 16 standard ones and uniqueid) for the
// call-record import benchmark (CC-8, `make bench-import`), and the per-agent totals the file must import to.
//
//   node scripts/gen-call-records.mjs --out FILE [--rows 5000000] [--agents 200] [--month 2026-11]
//
// Agent IDs 8001.. take turns; calls are spread evenly over the month's days from 09:00, about 70% answered with
// 10..599 talk seconds; every uniqueid is distinct. FILE.totals.json gets {rows, agents: {id: {calls, answered,
// talk_seconds}}}.
import fs from 'node:fs';

function option(name, fallback) {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : fallback;
}

const out = option('out');
if (!out) {
    process.stderr.write('usage: gen-call-records.mjs --out FILE [--rows N] [--agents N] [--month YYYY-MM]\n');
    process.exit(2);
}
const rows = Number(option('rows', 5_000_000));
const agentCount = Number(option('agents', 200));
const month = option('month', '2026-11');
const [year, monthNumber] = month.split('-').map(Number);
const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();

const pad = (n) => String(n).padStart(2, '0');
const dayText = (day) => `${month}-${pad(day)}`;
function clock(day, seconds) {
    return `${dayText(day)} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

const totals = {};
const perDay = Math.ceil(rows / days);
const file = fs.openSync(out, 'w');
let buffer = '';
let serial = 0;
// A fixed linear congruential sequence, so the file is the same on every run.
let seed = 20261101;
const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
};
for (let day = 1; day <= days && serial < rows; day += 1) {
    for (let k = 0; k < perDay && serial < rows; k += 1) {
        serial += 1;
        const agent = String(8001 + (serial % agentCount));
        const answered = random() < 0.7;
        const billsec = answered ? 10 + Math.floor(random() * 590) : 0;
        const ring = 3 + Math.floor(random() * 20);
        // 09:00 plus the call's place in the day, spread over 12 hours.
        const start = 9 * 3600 + Math.floor((k * 43200) / perDay);
        const end = start + ring + billsec;
        buffer += `${agent},02088886666,139${String(serial % 100000000).padStart(8, '0')},from-internal,"""坐席 ${agent}"" <${agent}>",` +
            `SIP/${agent}-${serial.toString(16)},SIP/trunk-${serial.toString(16)},Dial,SIP/trunk/139,${clock(day, start)},` +
            `${answered ? clock(day, start + ring) : ''},${clock(day, Math.min(end, 86399))},${Math.min(end, 86399) - start},` +
            `${billsec},${answered ? 'ANSWERED' : 'NO ANSWER'},DOCUMENTATION,${1700000000 + day}.${serial}\n`;
        const entry = (totals[agent] ??= { calls: 0, answered: 0, talk_seconds: 0 });
        entry.calls += 1;
        entry.answered += answered ? 1 : 0;
        entry.talk_seconds += billsec;
        if (buffer.length > 1 << 22) {
            fs.writeSync(file, buffer);
            buffer = '';
        }
    }
}
fs.writeSync(file, buffer);
fs.closeSync(file);
fs.writeFileSync(`${out}.totals.json`, JSON.stringify({ rows: serial, agents: totals }));
process.stderr.write(`gen-call-records: ${serial} rows, ${agentCount} agents, ${month} -> ${out}\n`);

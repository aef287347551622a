// Call-record imports (CC-8, D2 call centre, issue 14): the office or the contract's vendor uploads a CSV or .xlsx of
// call detail records (Asterisk Master.csv, FreeSWITCH cdr_csv, the houqin template, or a saved column mapping); the
// upload is refused at once when empty or of another layout, else queued (202) and imported by a worker in one
// transaction: a file with any bad row imports nothing and its report names each error by row and column in words; a
// re-imported file adds nothing twice; one call's legs count once. The report gives per-agent totals (matched to
// people through the agent ID valid on the call's day, CC-1) and flags calls from numbers not in the register (CC-2).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
    Client, DEMO, FAKE_TODAY, cli, contractFixtures, createActiveContract, expectError, expectStatus, listAll,
    prepareDatabase, startServer, validContent,
} from './harness.mjs';
import { addDays, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid GB 11643 ID number: region 440681, a birth date, a sequence. */
function idNumber(birth, sequence) {
    const first17 = `440681${birth}${String(sequence).padStart(3, '0')}`;
    const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
    return first17 + '10X98765432'[sum % 11];
}

let env;

async function login(url, account) {
    const client = new Client(url);
    await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
    return client;
}

before(async () => {
    const db = prepareDatabase({ seed: 'demo' });
    const server = await startServer(db);
    const as = (account) => login(server.url, account);
    const office = await as('office');
    const clients = { office, sifa: await as('sifa'), dangzheng: await as('dangzheng') };
    const fx = await contractFixtures({ as }, office);
    const newContract = () => createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: FIRST,
    }));
    env = {
        db, server, office, newContract, vendor: await as('vendor1'), vendor2: await as('vendor2'),
        jiwei: await as('jiwei'), leader: await as('leader'),
    };
});

after(() => env?.server.stop());

const pad = (n) => String(n).padStart(2, '0');
/** "YYYY-MM-DD HH:MM:SS" of `day` plus `seconds` after 09:00. */
function at(day, seconds) {
    const total = 9 * 3600 + seconds;
    return `${day} ${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/**
 * An Asterisk Master.csv (17 columns, with uniqueid) of `count` calls spread over agents and days, and the totals it
 * must import to: per agent ID, calls, answered and talk seconds. Every fifth call is not answered.
 */
function asteriskMonth({ agents = ['8001', '8002', '8003'], days = 5, perDay = 4, from = FIRST, prefix = 'u' } = {}) {
    const lines = [];
    const totals = {};
    let serial = 0;
    for (let day = 0; day < days; day += 1) {
        const date = addDays(from, day);
        for (const agent of agents) {
            for (let k = 0; k < perDay; k += 1) {
                serial += 1;
                const answered = serial % 5 !== 0;
                const billsec = answered ? 30 + (serial % 7) * 11 : 0;
                const start = at(date, k * 600 + Number(agent.slice(-1)) * 60);
                const answer = answered ? at(date, k * 600 + Number(agent.slice(-1)) * 60 + 5) : '';
                const end = at(date, k * 600 + Number(agent.slice(-1)) * 60 + 5 + billsec);
                const duration = 5 + billsec;
                lines.push([agent, '02088886666', `1390000${pad(serial % 100)}${pad(k)}`, 'from-internal',
                    `"坐席 ${agent}" <${agent}>`, `SIP/${agent}-${serial}`, 'SIP/trunk-1', 'Dial', 'SIP/trunk/139',
                    start, answer, end, duration, billsec, answered ? 'ANSWERED' : 'NO ANSWER', 'DOCUMENTATION',
                    `${prefix}${serial}.${agent}`].map(csvCell).join(','));
                totals[agent] ??= { calls: 0, answered: 0, talk_seconds: 0 };
                totals[agent].calls += 1;
                totals[agent].answered += answered ? 1 : 0;
                totals[agent].talk_seconds += billsec;
            }
        }
    }
    return { text: `${lines.join('\n')}\n`, totals, calls: serial };
}

function csvCell(value) {
    const text = String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function upload(client, contractId, body, { name = 'Master.csv', layout = 'asterisk', query = {} } = {}) {
    return client.post(`/contracts/${contractId}/call-imports`, Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), {
        headers: { 'Content-Type': 'text/csv', 'X-Filename': encodeURIComponent(name) },
        query: { layout, ...query },
    });
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Polls the import until it has finished. */
async function finished(client, id) {
    for (let attempt = 0; attempt < 300; attempt += 1) {
        const view = expectStatus(await client.get(`/call-imports/${id}`), 200).body;
        if (!['queued', 'running'].includes(view.status)) return view;
        await sleep(100);
    }
    throw new Error(`import ${id} did not finish`);
}

async function imported(client, contractId, body, options) {
    const queued = expectStatus(await upload(client, contractId, body, options), 202, 'upload').body;
    assert.ok(['queued', 'running', 'done'].includes(queued.status), queued.status);
    return finished(client, queued.id);
}

const agentTotals = (report) => Object.fromEntries(report.agents.map((agent) =>
    [agent.agent_id, { calls: agent.calls, answered: agent.answered, talk_seconds: agent.talk_seconds }]));

test('CC-8 a generated month of Asterisk records imports to exactly its per-agent totals', async () => {
    const { office, vendor, newContract } = env;
    const contract = await newContract();
    const file = asteriskMonth({ days: 20, perDay: 6 });
    const view = await imported(vendor, contract.id, file.text);
    assert.equal(view.status, 'done', JSON.stringify(view.report?.message));
    assert.equal(view.status_name['zh-CN'], '已导入');
    assert.equal(view.report.layout, 'asterisk');
    assert.equal(view.report.rows, file.calls);
    assert.equal(view.report.calls_added, file.calls);
    assert.equal(view.report.duplicates, 0);
    assert.deepEqual(agentTotals(view.report), file.totals);
    assert.equal(view.report.first_day, FIRST);
    assert.equal(view.report.last_day, addDays(FIRST, 19));
    assert.equal(view.bytes_read, view.bytes_total, 'the whole file was read');
    // The office reads the same import in the contract's list.
    const list = expectStatus(await office.get(`/contracts/${contract.id}/call-imports`), 200).body;
    assert.deepEqual(list.items.map((item) => [item.id, item.status]), [[view.id, 'done']]);
    assert.equal(list.can_import, true);
    // X-1: the upload and the import are on the trail, by the vendor.
    const trail = (await listAll(env.jiwei, '/audit', { entity: 'call_import' }))
        .filter((entry) => entry.entity_id === view.id).map((entry) => entry.action).sort();
    assert.deepEqual(trail, ['create', 'import']);
});

test('CC-8 a re-imported file and overlapping rows add nothing twice', async () => {
    const { vendor, office, newContract } = env;
    const contract = await newContract();
    const file = asteriskMonth({ days: 3 });
    assert.equal((await imported(vendor, contract.id, file.text)).report.calls_added, file.calls);
    const again = await imported(office, contract.id, file.text);
    assert.equal(again.status, 'done');
    assert.deepEqual([again.report.calls_added, again.report.duplicates], [0, file.calls]);
    assert.deepEqual(again.report.agents, []);
    // A file overlapping the first by its last day, plus one new day: only the new day's calls are added.
    const lines = file.text.trim().split('\n');
    const perDay = lines.length / 3;
    const next = asteriskMonth({ days: 1, from: addDays(FIRST, 3), prefix: 'n' });
    const overlap = await imported(vendor, contract.id, `${lines.slice(2 * perDay).join('\n')}\n${next.text}`);
    assert.deepEqual([overlap.report.calls_added, overlap.report.duplicates], [next.calls, perDay]);
    // The same row twice in one file counts once.
    const twice = asteriskMonth({ days: 1, from: addDays(FIRST, 10), prefix: 't' });
    const doubled = await imported(vendor, contract.id, twice.text + twice.text);
    assert.deepEqual([doubled.report.calls_added, doubled.report.duplicates], [twice.calls, twice.calls]);
});

test('CC-8 one call\'s legs count once: Asterisk rows sharing a linkedid', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const row = (agent, unique, linked, billsec) => [agent, '02088886666', '13900001111', 'from-internal', agent,
        'SIP/a', 'SIP/b', 'Dial', 'x', at(FIRST, 0), at(FIRST, 5), at(FIRST, 5 + billsec), 5 + billsec, billsec,
        'ANSWERED', 'DOCUMENTATION', unique, '', '', linked, '1'].join(',');
    const text = [row('8001', 'a.1', 'a.1', 60), row('', 'a.2', 'a.1', 60), row('8001', 'b.1', 'b.1', 30)].join('\n');
    const view = await imported(vendor, contract.id, `${text}\n`);
    assert.equal(view.status, 'done', JSON.stringify(view.report));
    assert.deepEqual([view.report.calls_added, view.report.legs_merged], [2, 1]);
    assert.deepEqual(agentTotals(view.report), { 8001: { calls: 2, answered: 2, talk_seconds: 90 } });
});

test('CC-8 a file with one bad row imports nothing and names the row and the column in words', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const file = asteriskMonth({ days: 2 });
    const lines = file.text.trim().split('\n');
    const cells = lines[6].split(',');
    cells[9] = 'yesterday morning';  // row 7, column 10: start
    lines[6] = cells.join(',');
    const view = await imported(vendor, contract.id, `${lines.join('\n')}\n`);
    assert.equal(view.status, 'failed');
    assert.equal(view.status_name.en, 'Not imported');
    assert.equal(view.report.calls_added, 0);
    assert.deepEqual(view.report.errors.map((error) => [error.row, error.column]), [[7, 'start']]);
    assert.match(view.report.errors[0].message['zh-CN'], /第 7 行第 10 列“start”\(开始时间\)/);
    assert.match(view.report.errors[0].message.en, /Row 7, column 10 "start"/);
    assert.match(view.report.message['zh-CN'], /未导入任何话单/);
    // Nothing was written: the good file then imports every call.
    const good = await imported(vendor, contract.id, file.text);
    assert.equal(good.report.calls_added, file.calls);
});

test('CC-8 an empty file and a file of another layout are refused at once, naming the file', async () => {
    const { vendor, office, newContract } = env;
    const contract = await newContract();
    expectError(await upload(vendor, contract.id, Buffer.alloc(0)), 400, 'InvalidArgument', 'file');
    const other = expectError(await upload(vendor, contract.id, '姓名,身份证号\n张三,440681199001011234\n'), 400,
        'InvalidArgument', 'file');
    assert.match(other.message['zh-CN'], /不是可接受的话单格式/);
    // An Asterisk file sent as FreeSWITCH: the layout chosen is named with the one found.
    const mismatch = expectError(await upload(vendor, contract.id, asteriskMonth({ days: 1 }).text, { layout: 'freeswitch' }),
        400, 'InvalidArgument', 'layout');
    assert.match(mismatch.fields[0].message.en, /FreeSWITCH cdr_csv, but the file is Asterisk Master.csv/);
    const list = expectStatus(await office.get(`/contracts/${contract.id}/call-imports`), 200).body;
    assert.deepEqual(list.items, [], 'nothing was queued');
});

test('CC-8 Excel\'s "CSV UTF-8" (a byte-order mark before the header) imports: the mark is no part of the first column\'s name', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const text = [
        '工号,被叫号码,开始时间,应答时间,结束时间,通话秒数,结果,话单编号',
        `8101,13900001111,${at(FIRST, 0)},${at(FIRST, 5)},${at(FIRST, 125)},120,成功访问,bom-1`,
        `8102,13900003333,${at(FIRST, 900)},${at(FIRST, 903)},${at(FIRST, 963)},60,拒访,bom-2`,
    ].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from(text, 'utf8')]);
    // Read as the houqin template, whose first column 工号 (the agent ID) is required: a mark left in its name would
    // refuse the file for a missing column.
    const view = await imported(vendor, contract.id, bytes, { name: '话单.csv', layout: 'houqin' });
    assert.equal(view.status, 'done', JSON.stringify(view.report?.errors));
    assert.deepEqual(view.report.agents.map((agent) => [agent.agent_id, agent.calls, agent.successful, agent.talk_seconds]),
        [['8101', 1, 1, 120], ['8102', 1, 0, 60]]);
});

test('CC-8 a GB18030 CSV of the houqin template imports, with successful visits counted', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const text = [
        '工号,被叫号码,开始时间,应答时间,结束时间,通话秒数,结果,主叫号码',
        `8101,13900001111,${at(FIRST, 0)},${at(FIRST, 5)},${at(FIRST, 125)},120,成功访问,02088886666`,
        `8101,13900002222,${at(FIRST, 600)},,${at(FIRST, 630)},0,无人接听,02088886666`,
        `8102,13900003333,${at(FIRST, 900)},${at(FIRST, 903)},${at(FIRST, 963)},60,拒访,02088886666`,
    ].join('\r\n');
    const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });
    assert.notDeepEqual(bytes, Buffer.from(text, 'utf8'), 'the file is not UTF-8');
    const view = await imported(vendor, contract.id, bytes, { name: '话单.csv', layout: 'houqin' });
    assert.equal(view.status, 'done', JSON.stringify(view.report?.errors));
    assert.equal(view.encoding, 'auto');
    assert.deepEqual(view.report.agents.map((agent) => [agent.agent_id, agent.calls, agent.answered, agent.successful,
        agent.talk_seconds]), [['8101', 2, 1, 1, 120], ['8102', 1, 1, 0, 60]]);
});

/**
 * A minimal .xlsx of the houqin template: the header row in shared strings, the data rows' text as inline strings and
 * the talk seconds as numbers (Python's zipfile writes the package).
 */
function templateXlsx(rows) {
    const escape = (text) => String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const header = ['工号', '被叫号码', '开始时间', '应答时间', '结束时间', '通话秒数', '结果'];
    const column = (index) => String.fromCharCode(65 + index);
    const sheetRows = [`<row r="1">${header.map((_, i) => `<c r="${column(i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`];
    rows.forEach((cells, at) => {
        const r = at + 2;
        sheetRows.push(`<row r="${r}">${cells.map((cell, i) => (typeof cell === 'number'
            ? `<c r="${column(i)}${r}"><v>${cell}</v></c>`
            : `<c r="${column(i)}${r}" t="inlineStr"><is><t>${escape(cell)}</t></is></c>`)).join('')}</row>`);
    });
    const parts = {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="话单" sheetId="1" r:id="rId1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${header.length}" uniqueCount="${header.length}">${header.map((name) => `<si><t>${name}</t></si>`).join('')}</sst>`,
        'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
    };
    const program = 'import io, json, sys, zipfile\nparts = json.load(sys.stdin)\nout = io.BytesIO()\n' +
        'with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:\n    for name, text in parts.items(): z.writestr(name, text)\n' +
        'sys.stdout.buffer.write(out.getvalue())\n';
    return execFileSync('python3', ['-c', program], { input: JSON.stringify(parts) });
}

test('CC-8 an .xlsx of the houqin template with shared and inline strings imports', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const bytes = templateXlsx([
        ['8501', '13900001111', at(FIRST, 0), at(FIRST, 5), at(FIRST, 125), 120, '成功访问'],
        ['8501', '13900002222', at(FIRST, 600), '', at(FIRST, 630), 0, '无人接听'],
        ['8502', '13900003333', at(FIRST, 900), at(FIRST, 903), at(FIRST, 963), 60, '拒访'],
    ]);
    const view = await imported(vendor, contract.id, bytes, { name: '话单.xlsx', layout: 'houqin' });
    assert.equal(view.status, 'done', JSON.stringify(view.report));
    assert.equal(view.report.layout, 'houqin');
    assert.deepEqual(view.report.agents.map((agent) => [agent.agent_id, agent.calls, agent.answered, agent.successful,
        agent.talk_seconds]), [['8501', 2, 1, 1, 120], ['8502', 1, 1, 0, 60]]);
});

test('CC-8 a truncated last line imports nothing and is named with its row', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const file = asteriskMonth({ days: 1 });
    const text = file.text.trimEnd();
    const cut = text.slice(0, text.lastIndexOf(',', text.lastIndexOf(',') - 1) - 40);
    const view = await imported(vendor, contract.id, cut);
    assert.equal(view.status, 'failed');
    assert.equal(view.report.calls_added, 0);
    assert.deepEqual(view.report.errors.map((error) => [error.row, error.column]), [[file.calls, 'columns']]);
    assert.match(view.report.errors[0].message['zh-CN'], new RegExp(`第 ${file.calls} 行只有 \\d+ 列`));
    assert.match(view.report.errors[0].message.en, /a truncated last line\?/);
});

test('CC-8 quoted fields with commas and newlines are one cell; rows are numbered as records', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const start = at(FIRST, 0);
    const row = (unique, clid, shownStart = start) => ['8201', '02088886666', '13900001111', 'from-internal', clid,
        'SIP/a', 'SIP/b', 'Dial', 'x', shownStart, start, addSeconds(start, 40), 40, 40, 'ANSWERED', 'DOCUMENTATION',
        unique].map(csvCell).join(',');
    // The first record spans two lines: the bad one is still the third row.
    const text = [row('q.1', '王, 小明\n(夜班)'), row('q.2', 'plain "quoted"'), row('q.3', 'x', 'not a time')].join('\r\n');
    const bad = await imported(vendor, contract.id, `${text}\r\n`);
    assert.equal(bad.status, 'failed');
    assert.deepEqual(bad.report.errors.map((error) => [error.row, error.column]), [[3, 'start']]);
    const good = await imported(vendor, contract.id, `${[row('q.1', '王, 小明\n(夜班)'), row('q.2', 'plain "quoted"')].join('\r\n')}`);
    assert.equal(good.status, 'done', JSON.stringify(good.report?.errors));
    assert.deepEqual(agentTotals(good.report), { 8201: { calls: 2, answered: 2, talk_seconds: 80 } });
});

function addSeconds(text, seconds) {
    const [day, time] = text.split(' ');
    const [h, m, s] = time.split(':').map(Number);
    const total = h * 3600 + m * 60 + s + seconds;
    return `${day} ${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

test('CC-2 calls from a number not in the outbound register on their day are flagged in the report', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const file = asteriskMonth({ days: 1 });
    const view = await imported(vendor, contract.id, file.text);
    assert.equal(view.status, 'done');
    // The contract's register is empty: every call from 02088886666 is flagged, and still counted.
    assert.equal(view.report.unregistered_calls, file.calls);
    assert.deepEqual(view.report.unregistered.map((item) => [item.number, item.calls, item.first_row, item.first_day]),
        [['02088886666', file.calls, 1, FIRST]]);
    assert.equal(view.report.calls_added, file.calls);
});

test('CC-1 calls are matched to the person who held the agent ID on the call\'s day', async () => {
    const { office, vendor, newContract } = env;
    const contract = await newContract();
    const person = expectStatus(await vendor.post(`/contracts/${contract.id}/staff`, {
        name: '陈坐席', id_number: idNumber('19900301', 11), phone: '13800000000', role: 'agent', post: '话务员',
        start_date: FIRST, end_date: null,
    }), 201).body;
    const request = expectStatus(await office.post(`/contracts/${contract.id}/agent-id-requests`, {
        kind: 'open', person_id: person.id, permissions: ['outbound'], reason: '开通外呼工号',
    }), 201).body;
    expectStatus(await vendor.post(`/callcentre/agent-id-requests/${request.id}/carry-out`, {
        agent_id: '8301', effective_on: FAKE_TODAY,
    }), 200);
    // Calls of 8301 last month (nobody held it) and today (陈坐席 did).
    const lastMonth = asteriskMonth({ agents: ['8301'], days: 1, prefix: 'l' });
    const today = asteriskMonth({ agents: ['8301'], days: 1, from: FAKE_TODAY, prefix: 'd' });
    const view = await imported(vendor, contract.id, lastMonth.text + today.text);
    assert.equal(view.status, 'done', JSON.stringify(view.report?.errors));
    assert.deepEqual(view.report.agents.map((agent) => [agent.agent_id, agent.people, agent.calls, agent.unmatched_calls]),
        [['8301', ['陈坐席'], lastMonth.calls + today.calls, lastMonth.calls]]);
});

test('CC-8 a saved column mapping reads a vendor\'s own layout', async () => {
    const { office, vendor, newContract } = env;
    const contract = await newContract();
    expectError(await office.post(`/contracts/${contract.id}/call-mappings`, { name: '缺列', columns: { agent_id: 1 } }),
        400, 'InvalidArgument', 'columns.called_number');
    const mapping = expectStatus(await office.post(`/contracts/${contract.id}/call-mappings`, {
        name: '某外呼系统导出', header: true,
        columns: { call_id: 1, agent_id: 2, called_number: 3, start: 4, end: 5, talk_seconds: 6, result: 7 },
    }), 201).body;
    assert.equal(mapping.columns.agent_id, 2);
    const mappings = expectStatus(await vendor.get(`/contracts/${contract.id}/call-mappings`), 200).body.items;
    assert.deepEqual(mappings.map((item) => item.name), ['某外呼系统导出']);
    const text = [
        '流水号,坐席,客户电话,呼叫开始,呼叫结束,时长,备注',
        `m-1,8401,13900001111,${at(FIRST, 0)},${at(FIRST, 100)},95,成功访问`,
        `m-2,8401,13900002222,${at(FIRST, 200)},${at(FIRST, 210)},0,未接通`,
    ].join('\n');
    const view = await imported(office, contract.id, text, { layout: 'auto', query: { mapping_id: mapping.id } });
    assert.equal(view.status, 'done', JSON.stringify(view.report));
    assert.equal(view.report.layout, 'mapped');
    assert.deepEqual(view.report.agents.map((agent) => [agent.agent_id, agent.calls, agent.successful, agent.talk_seconds]),
        [['8401', 2, 1, 95]]);
});

test('CC-8 a cancelled import leaves nothing; a finished one cannot be cancelled', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const file = asteriskMonth({ days: 10, perDay: 20 });
    const queued = expectStatus(await upload(vendor, contract.id, file.text), 202).body;
    const cancel = await vendor.post(`/call-imports/${queued.id}/cancel`, {});
    const view = await finished(vendor, queued.id);
    if (cancel.status === 200 && view.status === 'cancelled') {
        assert.equal(view.report.calls_added, 0);
        assert.match(view.report.message['zh-CN'], /已取消/);
        // Nothing of it stayed: the same file imports every call.
        assert.equal((await imported(vendor, contract.id, file.text)).report.calls_added, file.calls);
    } else {
        // The worker was quicker: the import finished whole, and a finished import is not cancelled.
        assert.equal(view.status, 'done');
        assert.equal(view.report.calls_added, file.calls);
    }
    const done = expectStatus(await vendor.get(`/contracts/${contract.id}/call-imports`), 200).body.items
        .find((item) => item.status === 'done');
    expectError(await vendor.post(`/call-imports/${done.id}/cancel`, {}), 409, 'FailedPrecondition');
});

test('ROLE-8 vendor2 can neither import into nor read vendor1\'s contract; discipline reads and cannot import', async () => {
    const { vendor, vendor2, jiwei, leader, newContract } = env;
    const contract = await newContract();
    const view = await imported(vendor, contract.id, asteriskMonth({ days: 1 }).text);
    expectStatus(await upload(vendor2, contract.id, asteriskMonth({ days: 1 }).text), 404);
    expectStatus(await vendor2.get(`/contracts/${contract.id}/call-imports`), 404);
    expectStatus(await vendor2.get(`/call-imports/${view.id}`), 404);
    expectStatus(await vendor2.post(`/call-imports/${view.id}/cancel`, {}), 404);
    expectStatus(await vendor2.get(`/contracts/${contract.id}/call-mappings`), 404);
    expectStatus(await jiwei.get(`/call-imports/${view.id}`), 200);
    expectStatus(await upload(jiwei, contract.id, asteriskMonth({ days: 1 }).text), 403);
    expectStatus(await upload(leader, contract.id, asteriskMonth({ days: 1 }).text), 403);
});

/** Starts an upload in parts of `bytes` (a Buffer) into the contract, as the browser does. */
async function beginUpload(client, contractId, bytes, { name = 'Master.csv', layout = 'asterisk' } = {}) {
    return client.post(`/contracts/${contractId}/call-uploads`, { filename: name, size: bytes.length, layout });
}

function sendPart(client, upload, bytes, offset, length) {
    return client.put(`/call-uploads/${upload.id}/parts`, bytes.subarray(offset, offset + length), {
        headers: { 'Content-Type': 'application/octet-stream' }, query: { offset },
    });
}

test('CC-8 a file above one request\'s 15 MB is sent in parts and imports to exactly its per-agent totals', async () => {
    const { vendor, office, newContract } = env;
    const contract = await newContract();
    // About 18 MB: 86,400 calls of 36 agents over 30 days.
    const agents = Array.from({ length: 36 }, (_, index) => String(8100 + index));
    const file = asteriskMonth({ agents, days: 30, perDay: 80, prefix: 'big' });
    const bytes = Buffer.from(file.text, 'utf8');
    assert.ok(bytes.length > 15 * 1024 * 1024, `${bytes.length} bytes`);
    const upload = expectStatus(await beginUpload(vendor, contract.id, bytes), 201, 'begin').body;
    assert.equal(upload.bytes_total, bytes.length);
    assert.equal(upload.bytes_received, 0);
    assert.equal(upload.filename, 'Master.csv');
    const part = upload.part_bytes;
    assert.equal(part, 8 * 1024 * 1024);
    // A part beyond where the upload has come is refused, saying where to go on from; nothing is written.
    const gap = expectError(await sendPart(vendor, upload, bytes, part, part), 409, 'FailedPrecondition');
    assert.match(gap.message['zh-CN'], /从第 0 字节开始/);
    assert.match(gap.message.en, /starts at byte 0/);
    let received = 0;
    for (let offset = 0; offset < bytes.length; offset += part) {
        const length = Math.min(part, bytes.length - offset);
        received = expectStatus(await sendPart(vendor, upload, bytes, offset, length), 200, `part at ${offset}`).body
            .bytes_received;
        assert.equal(received, offset + length);
        if (offset === 0) {
            // The same part sent again (a dropped connection's retry) is taken once.
            const again = expectStatus(await sendPart(vendor, upload, bytes, 0, length), 200, 'retry').body;
            assert.equal(again.bytes_received, length);
        }
    }
    // The office, who may import into the contract too, sees how far it has come.
    assert.equal(expectStatus(await office.get(`/call-uploads/${upload.id}`), 200).body.bytes_received, bytes.length);
    const queued = expectStatus(await vendor.post(`/call-uploads/${upload.id}/finish`, {}), 202, 'finish').body;
    assert.equal(queued.bytes_total, bytes.length);
    // Finished once: a second finish (a second tab, a retry) finds the upload gone and queues nothing.
    expectStatus(await vendor.post(`/call-uploads/${upload.id}/finish`, {}), 404);
    const view = await finished(vendor, queued.id);
    assert.equal(view.status, 'done', JSON.stringify(view.report?.message));
    assert.equal(view.report.calls_added, file.calls);
    assert.deepEqual(agentTotals(view.report), file.totals);
    const list = expectStatus(await vendor.get(`/contracts/${contract.id}/call-imports`), 200).body.items;
    assert.deepEqual(list.map((item) => item.id), [view.id], 'one import, not two');
});

test('CC-8 the first part of a file of another layout ends the upload at once, before the rest is sent', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const header = `工号,被叫号码,开始时间,应答时间,结束时间,通话秒数,结果\n8001,13900000000,${FIRST} 09:00:00,,${FIRST} 09:00:30,0,未接通\n`;
    const bytes = Buffer.from(header.repeat(2000), 'utf8');
    const upload = expectStatus(await beginUpload(vendor, contract.id, bytes, { layout: 'asterisk' }), 201).body;
    const refused = expectError(await sendPart(vendor, upload, bytes, 0, Math.min(bytes.length, upload.part_bytes)),
        400, 'InvalidArgument', 'layout');
    assert.match(refused.message['zh-CN'], /所选格式是.*但文件是/);
    expectStatus(await vendor.get(`/call-uploads/${upload.id}`), 404);
    const list = expectStatus(await vendor.get(`/contracts/${contract.id}/call-imports`), 200).body.items;
    assert.deepEqual(list, [], 'nothing queued');
});

test('CC-8 an upload in parts is refused when empty or over 4 GB, cannot finish before every byte, and can be abandoned', async () => {
    const { vendor, newContract } = env;
    const contract = await newContract();
    const begin = (body) => vendor.post(`/contracts/${contract.id}/call-uploads`, body);
    expectError(await begin({ filename: 'Master.csv', size: 0 }), 400, 'InvalidArgument', 'size');
    const huge = expectError(await begin({ filename: 'Master.csv', size: 5 * 1024 ** 3 }), 400, 'InvalidArgument', 'size');
    assert.match(huge.fields[0].message['zh-CN'], /最大 4 GB.*5120 MB/);
    expectError(await begin({ size: 100 }), 400, 'InvalidArgument', 'filename');
    expectError(await begin({ filename: 'Master.csv', size: 100, encoding: 'latin1' }), 400, 'InvalidArgument', 'encoding');
    const bytes = Buffer.from(asteriskMonth({ days: 1 }).text, 'utf8');
    const upload = expectStatus(await beginUpload(vendor, contract.id, bytes), 201).body;
    const half = Math.floor(bytes.length / 2);
    expectStatus(await sendPart(vendor, upload, bytes, 0, half), 200);
    const early = expectError(await vendor.post(`/call-uploads/${upload.id}/finish`, {}), 409, 'FailedPrecondition');
    assert.match(early.message['zh-CN'], new RegExp(`还有 ${bytes.length - half} 字节`));
    // A part running past the file's end, and one with no offset, name the offset.
    expectError(await vendor.put(`/call-uploads/${upload.id}/parts`, Buffer.alloc(bytes.length), {
        headers: { 'Content-Type': 'application/octet-stream' }, query: { offset: half },
    }), 400, 'InvalidArgument', 'offset');
    expectError(await vendor.put(`/call-uploads/${upload.id}/parts`, Buffer.from('x'), {
        headers: { 'Content-Type': 'application/octet-stream' },
    }), 400, 'InvalidArgument', 'offset');
    expectStatus(await vendor.delete(`/call-uploads/${upload.id}`), 204);
    expectStatus(await vendor.get(`/call-uploads/${upload.id}`), 404);
    expectStatus(await vendor.post(`/call-uploads/${upload.id}/finish`, {}), 404);
    expectStatus(await vendor.get('/call-uploads/not-a-token'), 404);
});

test('ROLE-8 another vendor cannot see, feed, finish or abandon an upload in parts; discipline and leadership cannot start one', async () => {
    const { vendor, vendor2, jiwei, leader, newContract } = env;
    const contract = await newContract();
    const bytes = Buffer.from(asteriskMonth({ days: 1 }).text, 'utf8');
    const upload = expectStatus(await beginUpload(vendor, contract.id, bytes), 201).body;
    expectStatus(await vendor2.get(`/call-uploads/${upload.id}`), 404);
    expectStatus(await sendPart(vendor2, upload, bytes, 0, bytes.length), 404);
    expectStatus(await vendor2.post(`/call-uploads/${upload.id}/finish`, {}), 404);
    expectStatus(await vendor2.delete(`/call-uploads/${upload.id}`), 404);
    expectStatus(await beginUpload(vendor2, contract.id, bytes), 404);
    expectStatus(await beginUpload(jiwei, contract.id, bytes), 403);
    expectStatus(await beginUpload(leader, contract.id, bytes), 403);
    expectStatus(await jiwei.get(`/call-uploads/${upload.id}`), 403);
    // Untouched by all that: the vendor's upload goes on from 0.
    expectStatus(await sendPart(vendor, upload, bytes, 0, bytes.length), 200);
    const view = await finished(vendor, expectStatus(await vendor.post(`/call-uploads/${upload.id}/finish`, {}), 202).body.id);
    assert.equal(view.status, 'done');
});

test('CC-8 houqin import-calls runs the same import in the foreground and prints the per-agent totals', async () => {
    const { vendor, newContract, db } = env;
    const contract = await newContract();
    const file = asteriskMonth({ days: 2, prefix: 'c' });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'houqin-calls-'));
    const filePath = path.join(folder, 'Master.csv');
    fs.writeFileSync(filePath, file.text);
    const run = cli(['import-calls', '--db', db.url, '--contract', String(contract.id), '--layout', 'asterisk',
        '--file', filePath]);
    const output = run.stdout.toString();
    assert.match(output, new RegExp(`: done \\(Master.csv\\), rows=${file.calls} calls_added=${file.calls} duplicates=0`));
    for (const [agent, totals] of Object.entries(file.totals)) {
        assert.match(output, new RegExp(`agent ${agent}: calls=${totals.calls} answered=${totals.answered} ` +
            `successful=0 talk_seconds=${totals.talk_seconds}`));
    }
    // The server sees it, and a re-upload adds nothing.
    const again = await imported(vendor, contract.id, file.text);
    assert.equal(again.report.duplicates, file.calls);
    fs.rmSync(folder, { recursive: true, force: true });
});

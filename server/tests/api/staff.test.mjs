// Staff (issue 13): the roster a vendor keeps per contract with checked and masked ID numbers (STF-1), the holiday
// calendar an administrator keeps (STF-6), attendance imported from CSV/Excel with every bad row named and nothing
// written, staffing compliance per day against the contract's staffing terms (STF-6), and the deduction the
// rules propose from a month's shortfalls, through the office and leadership into the ledger (RP-2).
//
// The contract runs from the first of last month (server/tests/clock.mjs), so last month is over. The administrator
// keeps a calendar for this year in which last month's first Saturday is a make-up working day and its first
// Wednesday a public holiday; ID numbers are computed here with the GB 11643 check character.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, contractFixtures, createActiveContract, expectError, expectStatus, listAll, prepareDatabase,
    startServer, validContent,
} from './harness.mjs';
import { addDays, dateOfYear, month, monthEnd, monthStart } from '../clock.mjs';

const MONTH = month(-1);
const FIRST = monthStart(-1);
const LAST = monthEnd(-1);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643-1999: the check character of the first 17 digits. */
function checkCharacter(first17) {
    const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
    return '10X98765432'[sum % 11];
}
/** A valid ID number: region 440681 (Shunde), a birth date, a sequence (odd: male). */
function idNumber(birth, sequence) {
    const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    return first17 + checkCharacter(first17);
}
/** The same number with a wrong check character. */
function brokenIdNumber(number) {
    const wrong = number.endsWith('1') ? '2' : '1';
    return number.slice(0, 17) + wrong;
}

/** ISO weekday (1 Monday .. 7 Sunday) of a date. */
function weekday(date) {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day === 0 ? 7 : day;
}
function daysOf(first, last) {
    const days = [];
    for (let date = first; date <= last; date = addDays(date, 1)) days.push(date);
    return days;
}
const MONTH_DAYS = daysOf(FIRST, LAST);
const MAKE_UP_SATURDAY = MONTH_DAYS.find((date) => weekday(date) === 6);
const HOLIDAY_WEDNESDAY = MONTH_DAYS.find((date) => weekday(date) === 3);
const THIS_YEAR = Number(FIRST.slice(0, 4));

async function login(server, account) {
    const client = new Client(server.url);
    await client.login(DEMO[account].username, DEMO[account].password, { expect: 200 });
    return client;
}

const PEOPLE = [
    { name: '陈保洁', birth: dateOfYear(-47, '03-15'), sequence: 11 },
    { name: '李保洁', birth: dateOfYear(-42, '07-01'), sequence: 22 },
    { name: '王保洁', birth: dateOfYear(-37, '12-31'), sequence: 33 },
    { name: '赵保洁', birth: dateOfYear(-52, '01-20'), sequence: 44 },
].map((person) => ({ ...person, id_number: idNumber(person.birth, person.sequence) }));

function personBody(person, overrides = {}) {
    return {
        name: person.name, id_number: person.id_number, phone: '13800000000', role: 'cleaner', post: '保洁员',
        start_date: FIRST, end_date: null, ...overrides,
    };
}

/** A demo database, a server on the test clock, and an active contract of vendor1 from the first of last month. */
async function setup() {
    const db = prepareDatabase({ seed: 'demo' });
    const server = await startServer(db);
    const as = (account) => login(server, account);
    const office = await as('office');
    const clients = { office, sifa: await as('sifa'), dangzheng: await as('dangzheng') };
    const fx = await contractFixtures({ as }, office);
    const contract = await createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
        termStart: FIRST,
    }));
    return {
        db, server, office, contract, admin: await as('admin'), vendor: await as('vendor1'), vendor2: await as('vendor2'),
        leader: await as('leader'), jiwei: await as('jiwei'), dept: await as('dept'),
    };
}

/** This year's calendar with last month's first Saturday a make-up working day and first Wednesday a holiday. */
async function installCalendar(admin) {
    const days = [
        { date: MAKE_UP_SATURDAY, kind: 'work', name: '测试调休' },
        { date: HOLIDAY_WEDNESDAY, kind: 'off', name: '测试节日' },
    ];
    return expectStatus(await admin.put(`/holiday-calendars/${THIS_YEAR}`, { source: '测试通知', days }), 200).body;
}

async function addRoster(vendor, contractId) {
    const people = [];
    for (const person of PEOPLE) {
        people.push(expectStatus(await vendor.post(`/contracts/${contractId}/staff`, personBody(person)), 201).body);
    }
    return people;
}

/** One CSV row per person and day: 4 people on working days, 2 on rest days and holidays, 3 on the make-up Saturday. */
function attendanceCsv({ badRow = false } = {}) {
    const lines = ['身份证号,姓名,岗位,日期,上班时间,下班时间,跨夜'];
    for (const date of MONTH_DAYS) {
        const rest = (weekday(date) >= 6 && date !== MAKE_UP_SATURDAY) || date === HOLIDAY_WEDNESDAY;
        const count = date === MAKE_UP_SATURDAY ? 3 : rest ? 2 : 4;
        for (const person of PEOPLE.slice(0, count)) {
            lines.push(`${person.id_number},${person.name},保洁员,${date},08:00,16:00,否`);
        }
    }
    if (badRow) lines.splice(5, 0, `${PEOPLE[0].id_number},${PEOPLE[0].name},保洁员,${FIRST},25:00,16:00,否`);
    return `${lines.join('\r\n')}\r\n`;
}

function importCsv(client, contractId, text, { name = '考勤.csv', encoding = 'auto', bytes } = {}) {
    return client.post(`/contracts/${contractId}/attendance/import`, bytes ?? Buffer.from(text, 'utf8'), {
        headers: { 'Content-Type': 'text/csv', 'X-Filename': encodeURIComponent(name), 'X-Encoding': encoding },
    });
}

test('STF-1 the vendor adds its people with checked ID numbers; lists show them masked, the office reveals one on an audited request', async (t) => {
    const { server, office, vendor, vendor2, jiwei, dept, contract } = await setup();
    t.after(() => server.stop());
    const [first] = await addRoster(vendor, contract.id);
    assert.equal(first.id_number_masked, `${PEOPLE[0].id_number.slice(0, 6)}********${PEOPLE[0].id_number.slice(14)}`);
    assert.equal(first.birth_date, PEOPLE[0].birth, 'the birth date is read from the number');
    assert.equal(first.sex, 'male', 'an odd 17th digit is a man');
    assert.equal(first.status, 'current');
    assert.ok(!JSON.stringify(first).includes(PEOPLE[0].id_number), 'the full number is not in the answer');

    const listed = expectStatus(await office.get(`/contracts/${contract.id}/staff`), 200).body;
    assert.equal(listed.total, 4);
    assert.ok(!JSON.stringify(listed).includes(PEOPLE[1].id_number), 'the list shows no full number');
    assert.equal(listed.items.find((item) => item.id === first.id).can_reveal, true);
    assert.equal(listed.items[0].can_edit, false, 'the office reads the roster; the vendor keeps it');

    const revealed = expectStatus(await office.post(`/staff/${first.id}/reveal-id`, {}), 200).body;
    assert.equal(revealed.id_number, PEOPLE[0].id_number);
    expectError(await jiwei.post(`/staff/${first.id}/reveal-id`, {}), 403, 'PermissionDenied');
    expectStatus(await jiwei.get(`/contracts/${contract.id}/staff`), 200, 'discipline inspection reads the roster');
    expectError(await vendor2.get(`/contracts/${contract.id}/staff`), 404, 'NotFound');
    expectError(await dept.get(`/contracts/${contract.id}/staff`), 403, 'PermissionDenied');
    expectError(await office.post(`/contracts/${contract.id}/staff`, personBody(PEOPLE[0])), 403, 'PermissionDenied');
});

test('STF-1 whoever may not reveal an ID number cannot rebuild it: no birth date beside the masked number, and a search matches only its end', async (t) => {
    const { server, office, jiwei, vendor, contract } = await setup();
    t.after(() => server.stop());
    const [first] = await addRoster(vendor, contract.id);
    const read = expectStatus(await jiwei.get(`/contracts/${contract.id}/staff`), 200).body;
    const row = read.items.find((item) => item.id === first.id);
    assert.equal(row.can_reveal, false);
    assert.equal(row.birth_date, null, 'the masked digits are the birth date: discipline inspection does not get it');
    const middle = PEOPLE[0].id_number.slice(4, 12);
    const byMiddle = expectStatus(await office.get(`/contracts/${contract.id}/staff?q=${middle}`), 200).body;
    assert.equal(byMiddle.total, 0, 'the hidden middle of a number finds nobody');
    const byEnd = expectStatus(await office.get(`/contracts/${contract.id}/staff?q=${PEOPLE[0].id_number.slice(14)}`), 200).body;
    assert.ok(byEnd.items.some((item) => item.id === first.id), 'the last four characters find the person');
});

test('STF-1 the reveal of a full ID number is written to the audit trail with the number masked', async (t) => {
    const { server, office, vendor, jiwei, contract } = await setup();
    t.after(() => server.stop());
    const [first] = await addRoster(vendor, contract.id);
    expectStatus(await office.post(`/staff/${first.id}/reveal-id`, {}), 200);
    const entries = await listAll(jiwei, '/audit', { action: 'reveal_id' });
    const entry = entries.find((item) => item.entity === 'staff_person' && item.entity_id === first.id);
    assert.ok(entry, `a reveal_id entry for the person: ${JSON.stringify(entries.slice(0, 3))}`);
    assert.ok(!JSON.stringify(entry).includes(PEOPLE[0].id_number), 'the trail keeps no second copy of the number');
});

test('STF-1 an invalid ID number or the same person twice for overlapping dates is refused and writes nothing', async (t) => {
    const { server, vendor, contract } = await setup();
    t.after(() => server.stop());
    const broken = brokenIdNumber(PEOPLE[0].id_number);
    const refused = expectError(
        await vendor.post(`/contracts/${contract.id}/staff`, personBody(PEOPLE[0], { id_number: broken })),
        400, 'InvalidArgument', 'id_number');
    assert.match(JSON.stringify(refused), /校验/, 'the reason names the check character');
    expectError(await vendor.post(`/contracts/${contract.id}/staff`,
        personBody(PEOPLE[0], { id_number: PEOPLE[0].id_number.slice(0, 10) })), 400, 'InvalidArgument', 'id_number');
    expectStatus(await vendor.post(`/contracts/${contract.id}/staff`, personBody(PEOPLE[0])), 201);
    expectError(await vendor.post(`/contracts/${contract.id}/staff`, personBody(PEOPLE[0], { name: '陈某' })),
        409, 'AlreadyExists', 'id_number');
    const listed = expectStatus(await vendor.get(`/contracts/${contract.id}/staff`), 200).body;
    assert.equal(listed.total, 1, 'only the valid person was written');
});

test('STF-1 the same person added four times at once by two sessions: one is on the roster, the others get 409 on id_number', async (t) => {
    // PostgreSQL's READ COMMITTED let each addition check the roster before the others wrote: the person was on it
    // several times for the same dates. The roster is now held while it is checked and added to. Five people, as the
    // window is a few milliseconds.
    const { server, vendor, contract } = await setup();
    t.after(() => server.stop());
    const vendorAgain = await login(server, 'vendor1');
    for (let round = 0; round < 5; round += 1) {
        const person = { name: `并发${round}`, id_number: idNumber(dateOfYear(-30, '06-15'), 60 + round) };
        const attempts = await Promise.all([vendor, vendorAgain, vendor, vendorAgain].map((client) => client.post(
            `/contracts/${contract.id}/staff`, personBody(person),
        )));
        const made = attempts.filter((response) => response.status === 201);
        assert.equal(made.length, 1, `round ${round}: one addition succeeds: ${attempts.map((response) => response.status)}`);
        for (const response of attempts.filter((item) => item.status !== 201)) expectError(response, 409, 'AlreadyExists', 'id_number');
    }
    const listed = expectStatus(await vendor.get(`/contracts/${contract.id}/staff`, { query: { page_size: 50 } }), 200).body;
    assert.equal(listed.total, 5, 'each person is on the roster once');
});

test('STF-6 the administrator keeps the holiday calendar; a make-up day on a weekday is refused and only the administrator may write', async (t) => {
    const { server, admin, office } = await setup();
    t.after(() => server.stop());
    const kept = expectStatus(await office.get('/holiday-calendars'), 200).body.items;
    assert.ok(kept.length >= 2 && kept.every((item) => item.days_off > 0 && item.source),
        `the published years come filled in, with their notice: ${JSON.stringify(kept)}`);
    expectError(await office.put(`/holiday-calendars/${THIS_YEAR}`, { source: 'x', days: [] }), 403, 'PermissionDenied');
    expectError(await admin.put(`/holiday-calendars/${THIS_YEAR}`, {
        source: '测试', days: [{ date: HOLIDAY_WEDNESDAY, kind: 'work', name: '错误' }],
    }), 400, 'InvalidArgument');
    expectError(await office.get(`/holiday-calendars/${THIS_YEAR}`), 404, 'NotFound');
    const saved = await installCalendar(admin);
    assert.equal(saved.days.length, 2);
    assert.equal(expectStatus(await office.get(`/holiday-calendars/${THIS_YEAR}`), 200).body.source, '测试通知');
});

test('X-4 an attendance file with one bad row imports nothing and names the row; fixed, it imports; again, it adds nothing twice', async (t) => {
    const { server, admin, office, vendor, contract } = await setup();
    t.after(() => server.stop());
    await installCalendar(admin);
    await addRoster(vendor, contract.id);
    const refused = expectError(await importCsv(office, contract.id, attendanceCsv({ badRow: true })), 400,
        'InvalidArgument');
    assert.deepEqual(refused.fields.map((field) => field.field), ['row.6.clock_in'], JSON.stringify(refused.fields));
    const none = expectStatus(await office.get(`/contracts/${contract.id}/attendance`, { query: { month: MONTH } }), 200);
    assert.equal(none.body.total, 0, 'nothing of the bad file was written');

    const text = attendanceCsv();
    const rows = text.trim().split('\r\n').length - 1;
    const first = expectStatus(await importCsv(office, contract.id, text), 200).body;
    assert.deepEqual(first, { rows, imported: rows, unchanged: 0 });
    const again = expectStatus(await importCsv(office, contract.id, text), 200).body;
    assert.deepEqual(again, { rows, imported: 0, unchanged: rows }, 'the same file again adds nothing twice');
    const listed = expectStatus(await office.get(`/contracts/${contract.id}/attendance`, { query: { month: MONTH } }), 200);
    assert.equal(listed.body.total, rows);
});

test('X-4 a CSV saved by Chinese Excel in GB18030 is read as such', async (t) => {
    const { server, admin, vendor, contract } = await setup();
    t.after(() => server.stop());
    await installCalendar(admin);
    await addRoster(vendor, contract.id);
    // Node has no GB18030 encoder; the header and rows use characters whose GB18030 bytes are written out here.
    const gb = (hex) => Buffer.from(hex.replace(/ /g, ''), 'hex');
    const header = Buffer.concat([
        gb('C9ED B7DD D6A4 BAC5'), Buffer.from(','), gb('C8D5 C6DA'), Buffer.from(','), gb('C9CF B0E0 CAB1 BCE4'),
        Buffer.from(','), gb('CFC2 B0E0 CAB1 BCE4'), Buffer.from('\r\n'),
    ]); // 身份证号,日期,上班时间,下班时间
    assert.equal(new TextDecoder('gb18030').decode(header).trim(), '身份证号,日期,上班时间,下班时间');
    const row = Buffer.from(`${PEOPLE[0].id_number},${FIRST},08:00,16:00\r\n`);
    const outcome = expectStatus(await importCsv(vendor, contract.id, '', { bytes: Buffer.concat([header, row]) }), 200);
    assert.deepEqual(outcome.body, { rows: 1, imported: 1, unchanged: 0 });
});

test('STF-6 compliance counts a make-up Saturday as a working day and finds it short by one person', async (t) => {
    const { server, admin, office, vendor, contract } = await setup();
    t.after(() => server.stop());
    await installCalendar(admin);
    await addRoster(vendor, contract.id);
    expectStatus(await importCsv(office, contract.id, attendanceCsv()), 200);
    const view = expectStatus(await office.get(`/contracts/${contract.id}/staffing`, { query: { month: MONTH } }), 200).body;
    assert.equal(view.days.length, MONTH_DAYS.length);
    assert.deepEqual(view.totals, { short_days: 1, missing_person_days: 1, unknown_days: 0 }, JSON.stringify(view.totals));
    const saturday = view.days.find((item) => item.date === MAKE_UP_SATURDAY);
    assert.equal(saturday.day_type, 'workday');
    assert.match(saturday.day_reason['zh-CN'], /调休/);
    assert.equal(saturday.short, true);
    assert.deepEqual(saturday.posts.map((post) => [post.post, post.required_people, post.provided_hours,
        post.missing_person_days, post.present.length]), [['保洁员', 4, '24.0', 1, 3]]);
});

test('STF-6 a weekday public holiday takes the holiday staffing, not the working day\'s', async (t) => {
    const { server, admin, office, vendor, contract } = await setup();
    t.after(() => server.stop());
    await installCalendar(admin);
    await addRoster(vendor, contract.id);
    expectStatus(await importCsv(office, contract.id, attendanceCsv()), 200);
    const view = expectStatus(await office.get(`/contracts/${contract.id}/staffing`, { query: { month: MONTH } }), 200).body;
    const holiday = view.days.find((item) => item.date === HOLIDAY_WEDNESDAY);
    assert.equal(holiday.day_type, 'holiday');
    assert.equal(holiday.short, false);
    assert.equal(holiday.posts[0].required_people, 2);
});

test('STF-6 a year without a holiday calendar is an explicit warning, not a guess from the weekday', async (t) => {
    const { server, office, vendor, contract } = await setup();
    t.after(() => server.stop());
    await addRoster(vendor, contract.id);
    const view = expectStatus(await office.get(`/contracts/${contract.id}/staffing`, { query: { month: MONTH } }), 200).body;
    assert.equal(view.totals.unknown_days, MONTH_DAYS.length);
    assert.equal(view.totals.short_days, 0);
    assert.ok(view.warnings.some((warning) => warning['zh-CN'].includes(String(THIS_YEAR))), JSON.stringify(view.warnings));
    assert.ok(view.days.every((item) => item.day_type === null));
});

test('RP-2 the month\'s shortfall becomes one deduction proposal with those days as evidence, approved into the ledger, never twice', async (t) => {
    const { server, admin, office, vendor, leader, contract } = await setup();
    t.after(() => server.stop());
    await installCalendar(admin);
    await addRoster(vendor, contract.id);
    expectStatus(await importCsv(office, contract.id, attendanceCsv()), 200);
    const view = expectStatus(await office.get(`/contracts/${contract.id}/staffing`, { query: { month: MONTH } }), 200).body;
    assert.ok(view.proposal, 'the import re-ran the rules, which proposed the deduction');
    const proposal = expectStatus(await office.get(`/proposals/${view.proposal.id}`), 200).body;
    assert.equal(proposal.rule, 'RP-2/staffing');
    assert.equal(proposal.kind, 'deduction');
    assert.equal(proposal.amount, '200.00', 'one missing person-day at 200.00');
    assert.deepEqual(proposal.evidence.map((item) => [item.kind, item.id, item.value]),
        [['staffing_day', MAKE_UP_SATURDAY, '1']]);
    const again = expectStatus(await office.post(`/contracts/${contract.id}/staffing/${MONTH}/propose`, {}), 201).body;
    assert.equal(again.proposal_id, proposal.id, 'asking again gives the same proposal');
    expectError(await vendor.post(`/contracts/${contract.id}/staffing/${MONTH}/propose`, {}), 403, 'PermissionDenied');
    expectStatus(await office.post(`/proposals/${proposal.id}/decision`, { decision: 'approve', comment: '情况属实' }), 200);
    const approved = expectStatus(await leader.post(`/proposals/${proposal.id}/decision`, {
        decision: 'approve', comment: '同意扣款',
    }), 200).body;
    assert.equal(approved.status, 'approved');
    const ledger = expectStatus(await office.get(`/contracts/${contract.id}/ledger`), 200).body;
    const entry = ledger.entries.find((item) => item.id === approved.outcome.ledger_entry_id);
    assert.ok(entry, `the deduction entered the ledger: ${JSON.stringify(ledger.entries)}`);
    // Importing again and re-running the rules proposes nothing more for the same days.
    expectStatus(await importCsv(office, contract.id, attendanceCsv()), 200);
    const proposals = await listAll(office, '/proposals', { contract_id: contract.id });
    assert.equal(proposals.filter((item) => item.rule === 'RP-2/staffing').length, 1);
});

test('X-2 the dashboard counts last month\'s contracts short of staff and reminds of each, as the rules judged them', async (t) => {
    const { server, admin, office, vendor, jiwei, contract } = await setup();
    t.after(() => server.stop());
    await installCalendar(admin);
    await addRoster(vendor, contract.id);
    // The import runs the rules on the contract, which judge last month (over, with attendance) and keep its result.
    expectStatus(await importCsv(office, contract.id, attendanceCsv()), 200);
    for (const reader of [office, jiwei]) {
        const dashboard = expectStatus(await reader.get('/dashboard'), 200).body;
        assert.equal(dashboard.staffing_shortfall.month, MONTH);
        assert.ok(dashboard.staffing_shortfall.contracts >= 1 && dashboard.staffing_shortfall.missing_person_days >= 1,
            JSON.stringify(dashboard.staffing_shortfall));
        const reminder = dashboard.reminders.find((item) => item.kind === 'staffing_shortfall'
            && item.link === `/contracts/${contract.id}`);
        assert.ok(reminder, 'a reminder names the contract');
        assert.match(reminder.title['zh-CN'], /1 天到岗不足,共缺 1 人日/);
    }
});

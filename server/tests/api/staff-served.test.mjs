// A served department reads the rosters of the contracts that serve it (STF-1, issue 13): the contracts in force that
// name it as their responsible department (ROLE-9), and on each who works for it today, in which role and post, with
// ID numbers masked and nothing to change or reveal. A contract serving another department is not found (404), and
// the department still reads no contract itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    Client, DEMO, contractFixtures, createActiveContract, expectError, expectStatus, prepareDatabase, startServer,
    validContent,
} from './harness.mjs';
import { dateOfYear, monthStart } from '../clock.mjs';

const FIRST = monthStart(-1);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid GB 11643 ID number: region 440681, a birth date, a sequence. */
function idNumber(birth, sequence) {
    const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
    return first17 + '10X98765432'[sum % 11];
}

async function login(server, username, password) {
    const client = new Client(server.url);
    await client.login(username, password, { expect: 200 });
    return client;
}

/**
 * A demo database with two active contracts of vendor1: one serving the `dept` user's department with a cleaner on
 * its roster, one serving the office's own department.
 */
async function setup() {
    const db = prepareDatabase({ seed: 'demo' });
    const server = await startServer(db);
    const as = (account) => login(server, DEMO[account].username, DEMO[account].password);
    const office = await as('office');
    const clients = { office, sifa: await as('sifa'), dangzheng: await as('dangzheng') };
    const dept = await as('dept');
    const dept2 = await login(server, 'dept2', 'Dept@2026');
    const fx = await contractFixtures({ as }, office);
    const contractFor = (departmentId, title) => createActiveContract(clients, {
        ...validContent({
            vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId, termStart: FIRST,
        }),
        title,
    });
    const served = await contractFor(dept.user.org_id, '服务部门保洁合同');
    const other = await contractFor(fx.department.id, '其他部门保洁合同');
    const vendor = await as('vendor1');
    const idNo = idNumber(dateOfYear(-35, '03-15'), 31);
    const person = expectStatus(await vendor.post(`/contracts/${served.id}/staff`, {
        name: '林保洁', id_number: idNo, phone: '13800000031', role: 'cleaner', post: '保洁员', start_date: FIRST,
        end_date: null,
    }), 201).body;
    return { server, office, dept, dept2, vendor, served, other, person, idNo };
}

test('STF-1 a served department lists the contracts that serve it, each with its head count today, and no other', async () => {
    const { server, dept, served, other } = await setup();
    try {
        const { items } = expectStatus(await dept.get('/served-contracts'), 200).body;
        const mine = items.find((item) => item.id === served.id);
        assert.ok(mine, 'the contract naming the department is listed');
        assert.equal(mine.title, '服务部门保洁合同');
        assert.equal(mine.people_current, 1, 'one person on its roster today');
        assert.ok(mine.vendor_name, 'the vendor is named');
        assert.equal(items.find((item) => item.id === other.id), undefined, 'a contract serving another department is not');
    } finally {
        await server.stop();
    }
});

test('STF-1 a served department reads the roster read-only, the ID number masked', async () => {
    const { server, dept, served, person, idNo } = await setup();
    try {
        const page = expectStatus(await dept.get(`/served-contracts/${served.id}/staff?status=current`), 200).body;
        assert.equal(page.total, 1);
        const [row] = page.items;
        assert.equal(row.id, person.id);
        assert.equal(row.name, '林保洁');
        assert.equal(row.post, '保洁员');
        assert.equal(row.can_edit, false, 'nothing to change');
        assert.equal(row.can_reveal, false, 'nothing to reveal');
        assert.equal(row.birth_date, null, 'no birth date: with the masked number it would give the whole number away');
        assert.match(row.id_number_masked, /\*{8}/, 'the ID number is masked');
        assert.equal(JSON.stringify(page).includes(idNo), false, 'the full ID number is nowhere in the answer');
    } finally {
        await server.stop();
    }
});

test('STF-1 another department finds neither the contract in its list nor its roster (404)', async () => {
    const { server, dept2, served } = await setup();
    try {
        const { items } = expectStatus(await dept2.get('/served-contracts'), 200).body;
        assert.equal(items.find((item) => item.id === served.id), undefined);
        expectError(await dept2.get(`/served-contracts/${served.id}/staff`), 404);
    } finally {
        await server.stop();
    }
});

test("STF-1 a department asking for a contract that serves another department's roster gets 404, not the people", async () => {
    const { server, dept, other } = await setup();
    try {
        expectError(await dept.get(`/served-contracts/${other.id}/staff`), 404);
    } finally {
        await server.stop();
    }
});

test('ROLE-7 the department still reads no contract, reveals no ID number and writes no roster', async () => {
    const { server, dept, served, person } = await setup();
    try {
        expectError(await dept.get(`/contracts/${served.id}`), 403);
        expectError(await dept.get(`/contracts/${served.id}/staff`), 403);
        expectError(await dept.post(`/staff/${person.id}/reveal-id`, {}), 403);
    } finally {
        await server.stop();
    }
});

test('STF-1 the served view is the departments\' alone: the office and a vendor keep their own roster pages (403)', async () => {
    const { server, office, vendor } = await setup();
    try {
        expectError(await office.get('/served-contracts'), 403);
        expectError(await vendor.get('/served-contracts'), 403);
    } finally {
        await server.stop();
    }
});

test('STF-1 a roster status that is not current, upcoming, left or all is refused naming the field', async () => {
    const { server, dept, served } = await setup();
    try {
        expectError(await dept.get(`/served-contracts/${served.id}/staff?status=gone`), 400, undefined, 'status');
    } finally {
        await server.stop();
    }
});

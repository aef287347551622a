// Controlled exports (CC-7, D2 on-site rule 3): exporting data as a file is a permission of each role (data:export),
// and every file houqin hands out (Excel, PDF) writes an audit entry with who, what, the filters and the row count,
// which discipline inspection lists (GET /audit?action=export). A refused export writes nothing. docs/api.md
// "Controlled exports".
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    contractFixtures, createActiveContract, expectError, expectStatus, listAll, setupDemo, validContent,
} from './harness.mjs';
import { TODAY, month } from '../clock.mjs';

let demo;
let office;
let jiwei;
let contract;

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    jiwei = await demo.as('jiwei');
    const clients = { office, sifa: await demo.as('sifa'), dangzheng: await demo.as('dangzheng') };
    const fx = await contractFixtures(demo, office);
    contract = await createActiveContract(clients, validContent({
        vendorId: fx.ownVendor.id, vendor: fx.ownVendor, categoryId: fx.category.id, departmentId: fx.department.id,
    }));
});

/** The export entries of the trail, newest first, as discipline inspection lists them. */
async function exportsOf(client) {
    return listAll(jiwei, '/audit', { action: 'export', actor: client.user.username });
}

test('CC-7 an Excel export of the vendor list is recorded with who, what, the filters and the row count', async () => {
    const before = (await exportsOf(office)).length;
    const listed = expectStatus(await office.get('/vendors', { query: { q: '物业', page_size: 100 } }), 200).body;
    expectStatus(await office.get('/vendors/export.xlsx', { query: { q: '物业' } }), 200);
    const entries = await exportsOf(office);
    assert.equal(entries.length, before + 1, 'one entry per export');
    const [entry] = entries;
    assert.equal(entry.actor_id, office.user.id);
    assert.equal(entry.entity, 'vendor');
    assert.deepEqual(entry.after, { what: 'vendors', format: 'xlsx', filters: { q: '物业' }, rows: listed.total });
});

test('CC-7 a report exported as Excel or PDF is recorded with its period; the same report read on screen is not an export', async () => {
    const period = month(-1);
    const before = (await exportsOf(office)).length;
    expectStatus(await office.get('/reports/quality', { query: { period } }), 200);
    assert.equal((await exportsOf(office)).length, before, 'reading the report on screen exports nothing');
    expectStatus(await office.get('/reports/quality', { query: { period, format: 'xlsx' } }), 200);
    expectStatus(await office.get('/reports/quality', { query: { period, format: 'pdf' } }), 200);
    const [pdf, xlsx] = await exportsOf(office);
    assert.equal(xlsx.after.what, 'quality_report');
    assert.equal(xlsx.after.format, 'xlsx');
    assert.equal(xlsx.after.filters.period, period);
    assert.equal(typeof xlsx.after.rows, 'number');
    assert.equal(pdf.after.format, 'pdf');
});

test('CC-7 a role without data:export is refused an Excel export, and the refusal writes nothing', async () => {
    const sifa = await demo.as('sifa');
    assert.ok(!sifa.user.permissions?.includes?.('data:export'));
    const before = (await listAll(jiwei, '/audit', { action: 'export' })).length;
    expectError(await sifa.get('/vendors/export.xlsx'), 403, 'PermissionDenied');
    const dept = await demo.as('dept');
    expectError(await dept.get('/reports/quality', { query: { period: month(-1), format: 'xlsx' } }), 403, 'PermissionDenied');
    assert.equal((await listAll(jiwei, '/audit', { action: 'export' })).length, before);
});

test('CC-7 a contract document read as PDF by a reviewer is recorded against the contract', async () => {
    const sifa = await demo.as('sifa');
    expectStatus(await sifa.get(`/contracts/${contract.id}/document.pdf`), 200);
    const [entry] = await exportsOf(sifa);
    assert.equal(entry.entity, 'contract');
    assert.equal(entry.entity_id, contract.id);
    assert.equal(entry.after.what, 'contract_document');
    assert.equal(entry.after.filters.contract, contract.code);
});

test('ROLE-4 discipline inspection lists every export; a vendor reads no audit trail', async () => {
    const all = await listAll(jiwei, '/audit', { action: 'export' });
    assert.ok(all.length >= 4);
    assert.ok(all.every((entry) => entry.action === 'export' && entry.after && typeof entry.after.what === 'string'));
    const vendor = await demo.as('vendor1');
    expectError(await vendor.get('/audit', { query: { action: 'export' } }), 403, 'PermissionDenied');
});

test('CC-7 a data leak is recorded as an incident traced to the export it came from; the link is refused on anything but a leak and an export', async () => {
    expectStatus(await office.get('/vendors/export.xlsx', { query: { q: '外呼' } }), 200);
    const [exported] = await exportsOf(office);
    const leak = {
        type: 'data_leak', leak_channel: 'email', occurred_on: TODAY, person_ids: [],
        description: '导出的外包单位名录被转发到外部邮箱', responsible_party: 'party_a', compensation: '0.00',
        attachment_ids: [], export_seq: exported.seq,
    };
    const before = expectStatus(await office.get(`/contracts/${contract.id}/incidents`), 200).body.items.length;
    const notLeak = { ...leak, type: 'rule_violation', leak_channel: null };
    expectError(await office.post(`/contracts/${contract.id}/incidents`, notLeak), 400, 'InvalidArgument', 'export_seq');
    const created = (await listAll(jiwei, '/audit', { action: 'create' }))[0];
    expectError(await office.post(`/contracts/${contract.id}/incidents`, { ...leak, export_seq: created.seq }), 400,
        'InvalidArgument', 'export_seq');
    assert.equal(expectStatus(await office.get(`/contracts/${contract.id}/incidents`), 200).body.items.length, before,
        'a refused incident writes nothing');
    const recorded = expectStatus(await office.post(`/contracts/${contract.id}/incidents`, leak), 201).body;
    assert.equal(recorded.export.seq, exported.seq);
    assert.equal(recorded.export.actor_name, office.user.username);
    assert.equal(recorded.export.record.what, 'vendors');
    assert.deepEqual(recorded.export.record.filters, { q: '外呼' });
    const vendor = await demo.as('vendor1');
    const seen = expectStatus(await vendor.get(`/contracts/${contract.id}/incidents`), 200).body.items
        .find((item) => item.id === recorded.id);
    assert.equal(seen.export.seq, exported.seq, 'the contract\'s vendor sees what the leak is traced to');
});

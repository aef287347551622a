// Contracts: content and its validation (CON-1), the review path and its versions (CON-2), signing and who sees
// what (CON-3, ROLE-4, ROLE-8, ROLE-9), amendments (CON-4), the PDF (CON-5) and the audit trail; docs/api.md
// "Contracts". Ledger, renewal, termination and reminders are in contracts-ledger.test.mjs. The server runs on the
// test clock (server/tests/clock.mjs); the contracts made here run through this calendar year, year(0), so a signed
// one is in force at once (one whose term starts later is signed, not yet in force: contracts-start.test.mjs).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    FAKE_TODAY, cli, contractFixtures, createActiveContract, expectError, expectStatus, listAll, monthlyInstallments,
    pdfText, setupDemo, sha256, toFen, uploadScan, validContent,
} from './harness.mjs';
import { dateOfYear, daysBetween, year } from '../clock.mjs';

/** This calendar year, the term of every contract made here (today is always inside it), and its first and last day. */
const TERM_YEAR = year(0);
const TERM_START = dateOfYear(0, '01-01');
const TERM_END = dateOfYear(0, '12-31');

let demo;
let office;
let admin;
let sifa;
let dangzheng;
let jiwei;
let fx; // contractFixtures
let clients;

before(async () => {
    demo = await setupDemo();
    office = await demo.as('office');
    admin = await demo.as('admin');
    sifa = await demo.as('sifa');
    dangzheng = await demo.as('dangzheng');
    jiwei = await demo.as('jiwei');
    fx = await contractFixtures(demo, office);
    clients = { office, sifa, dangzheng };
});

/** A valid content for vendor1's vendor (九江长安物业) in the cleaning category. */
function content(overrides = {}, options = {}) {
    const vendor = options.vendor ?? fx.ownVendor;
    return validContent({
        vendorId: vendor.id, vendor, categoryId: fx.category.id, departmentId: fx.department.id, year: TERM_YEAR, overrides,
        ...options,
    });
}

async function contractCount() {
    return expectStatus(await office.get('/contracts', { query: { page_size: 1 } }), 200).body.total;
}

async function auditTotal() {
    return expectStatus(await admin.get('/audit', { query: { page_size: 1 } }), 200).body.total;
}

async function contractAudit(id) {
    return listAll(jiwei, '/audit', { entity: 'contract', entity_id: id });
}

function sumFen(list, key = 'amount') {
    return list.reduce((total, item) => total + toFen(item[key]), 0);
}

const names = (client) => [client.user.display_name, client.user.username];

// ---------------------------------------------------------------------------------------------------------------
// CON-1 content

// A test of the test helper validContent, not of the server: it proves no requirement.
test('the content helper is consistent: service items and installments add up to the total', () => {
    const c = content();
    assert.equal(sumFen(c.service_items), toFen(c.total_amount));
    assert.equal(sumFen(c.payment.installments), toFen(c.total_amount));
    assert.equal(c.assessment.checklist.reduce((total, item) => total + item.points, 0), 100);
});

test('CON-1 create a draft with full content; GET returns it with money strings exact to the fen', async () => {
    const before = await contractCount();
    const input = content({
        // Cents that a float would lose: 123456.78 + 236543.22 = 360000.00.
        service_items: [
            { name: '办公区保洁', scope: '办公楼1-5层', fee_standard: '每月 10288.065 元', amount: '123456.78' },
            { name: '绿化养护', scope: '镇政府大院', fee_standard: '按面积计', amount: '236543.22' },
        ],
        payment: {
            method: '银行转账', frequency: 'monthly',
            installments: monthlyInstallments(TERM_YEAR, [...Array(11).fill(3_000_001), 3_000_000 - 11]),
        },
    });
    assert.equal(sumFen(input.payment.installments), 36_000_000);
    const created = expectStatus(await office.post('/contracts', input), 201, 'create').body;
    assert.equal(typeof created.id, 'number');
    assert.equal(created.status, 'draft');
    assert.equal(typeof created.code, 'string');
    assert.ok(created.code.length > 0, 'a contract code');
    assert.equal(created.title, input.title);
    assert.equal(created.vendor_id, fx.ownVendor.id);
    assert.equal(created.vendor_name, fx.ownVendor.name);
    assert.equal(created.category_id, fx.category.id);
    assert.equal(created.term_start, TERM_START);
    assert.equal(created.term_end, TERM_END);
    assert.equal(created.total_amount, '360000.00');
    assert.equal(created.predecessor_id ?? null, null);
    assert.equal(created.signing ?? null, null);
    assert.equal(created.termination ?? null, null);
    assert.match(created.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+08:00$/, 'created_at in +08:00');
    for (const action of ['edit', 'submit']) {
        assert.ok(created.allowed_actions.includes(action), `office may ${action} a draft: ${created.allowed_actions}`);
    }
    // A fixed-amount clause comes back with the percentage fields of the other kind at zero (RP-2).
    const expected = {
        ...input, deductions: input.deductions.map((clause) => ({ ...clause, rate_basis_points: 0, cap_basis_points: 0 })),
    };
    for (const key of Object.keys(input)) assert.deepEqual(created.content[key], expected[key], `content.${key}`);

    const read = expectStatus(await office.get(`/contracts/${created.id}`), 200).body;
    for (const key of Object.keys(input)) assert.deepEqual(read.content[key], expected[key], `read content.${key}`);
    assert.equal(read.content.service_items[0].amount, '123456.78');
    assert.equal(read.content.service_items[1].amount, '236543.22');
    assert.equal(read.content.payment.installments[0].amount, '30000.01');
    assert.equal(read.content.payment.installments[11].amount, '29999.89');
    assert.equal(await contractCount(), before + 1);

    const listed = expectStatus(await office.get('/contracts', { query: { q: input.title } }), 200).body;
    assert.equal(listed.total, 1, 'found by title');
    assert.equal(listed.items[0].id, created.id);
    assert.equal(listed.items[0].content, undefined, 'the list has no content');
    assert.equal(listed.items[0].status, 'draft');

    const audit = await contractAudit(created.id);
    assert.ok(audit.length >= 1, 'X-1 the creation is audited');
    assert.ok(audit.some((entry) => entry.actor_id === office.user.id), 'X-1 by office');
});

test('ROLE-9 a contract names its responsible department and person: both are kept, and a contract without them is refused', async () => {
    const input = content({ responsible_person: '陈科长', responsible_phone: '0757-86500009' });
    const created = expectStatus(await office.post('/contracts', input), 201).body;
    const read = expectStatus(await office.get(`/contracts/${created.id}`), 200).body;
    assert.equal(read.content.responsible_department_id, fx.department.id);
    assert.equal(read.content.responsible_person, '陈科长');
    assert.equal(read.content.responsible_phone, '0757-86500009');

    const before = await contractCount();
    expectError(await office.post('/contracts', content({ responsible_person: '' })), 400, 'InvalidArgument', 'responsible_person');
    expectError(
        await office.post('/contracts', content({ responsible_department_id: 0 })), 400, 'InvalidArgument', 'responsible_department_id',
    );
    assert.equal(await contractCount(), before, 'no contract written');
});

test('CON-1 an empty checklist takes the category\'s default', async () => {
    const input = content();
    input.assessment = { ...input.assessment, checklist: [] };
    const created = expectStatus(await office.post('/contracts', input), 201).body;
    const checklist = created.content.assessment.checklist.map(({ item, points }) => ({ item, points }));
    assert.deepEqual(checklist, fx.category.checklist.map(({ item, points }) => ({ item, points })));
    assert.equal(checklist.reduce((total, entry) => total + entry.points, 0), 100);
});

test('CON-1 POST /contracts/schedule splits 100000.00 into 12 monthly installments, the remainder fen one each on the first', async () => {
    const response = expectStatus(await office.post('/contracts/schedule', {
        term_start: TERM_START, term_end: TERM_END, frequency: 'monthly', total_amount: '100000.00',
    }), 200, 'schedule').body;
    const { installments } = response;
    assert.equal(installments.length, 12);
    assert.deepEqual(installments.map((item) => item.amount), [...Array(4).fill('8333.34'), ...Array(8).fill('8333.33')]);
    assert.equal(installments[0].first, TERM_START);
    assert.equal(installments[11].last, TERM_END);
    assert.equal(sumFen(installments), 10_000_000, 'sums exactly to 100000.00');
    assert.equal(new Set(installments.map((item) => item.period)).size, 12, 'periods unique');
    assert.equal(installments[0].period, `${TERM_YEAR}-01`);
    assert.equal(installments[11].period, `${TERM_YEAR}-12`);
    for (const item of installments) {
        assert.match(item.due_date, /^\d{4}-\d\d-\d\d$/);
        assert.ok(item.due_date >= TERM_START && daysBetween(TERM_END, item.due_date) <= 90, `due ${item.due_date}`);
    }
    const sorted = [...installments].sort((a, b) => (a.due_date < b.due_date ? -1 : 1));
    assert.deepEqual(sorted, installments, 'in date order');

    const quarterly = expectStatus(await office.post('/contracts/schedule', {
        term_start: TERM_START, term_end: TERM_END, frequency: 'quarterly', total_amount: '100000.00',
    }), 200).body.installments;
    assert.deepEqual(quarterly.map((item) => item.amount), ['25000.00', '25000.00', '25000.00', '25000.00']);

    expectError(await office.post('/contracts/schedule', {
        term_start: TERM_END, term_end: TERM_START, frequency: 'monthly', total_amount: '100000.00',
    }), 400, 'InvalidArgument', 'term_end');
});

test('CON-8 a one-year term from the 15th is paid in 12 equal months of its own and 4 quarters, not 13 and 5', async () => {
    // The case: 600000.00 from the 15th gave 13 installments of 46153.84, the last covering two days.
    const start = dateOfYear(1, '03-15');
    const end = dateOfYear(2, '03-14');
    const monthly = expectStatus(await office.post('/contracts/schedule', {
        term_start: start, term_end: end, frequency: 'monthly', total_amount: '600000.00',
    }), 200).body.installments;
    assert.equal(monthly.length, 12);
    assert.deepEqual(monthly.map((item) => item.amount), Array(12).fill('50000.00'));
    assert.deepEqual([monthly[0].first, monthly[0].last, monthly[0].due_date], [start, dateOfYear(1, '04-14'), dateOfYear(1, '04-14')]);
    assert.deepEqual([monthly[11].first, monthly[11].last], [dateOfYear(2, '02-15'), end]);
    for (let i = 1; i < monthly.length; i += 1) {
        assert.equal(daysBetween(monthly[i - 1].last, monthly[i].first), 1, 'periods follow each other without a gap');
    }
    const quarterly = expectStatus(await office.post('/contracts/schedule', {
        term_start: start, term_end: end, frequency: 'quarterly', total_amount: '600000.01',
    }), 200).body.installments;
    assert.deepEqual(quarterly.map((item) => item.amount), ['150000.01', '150000.00', '150000.00', '150000.00']);
    assert.deepEqual([quarterly[0].first, quarterly[0].last], [start, dateOfYear(1, '06-14')]);
    assert.equal(sumFen(quarterly), 60_000_001);
    expectError(await office.post('/contracts/schedule', {
        term_start: TERM_START, term_end: TERM_END, frequency: 'weekly', total_amount: '100000.00',
    }), 400, 'InvalidArgument', 'frequency');
});

test('CON-1 invalid content is refused naming the field; no contract and no audit entry written', async () => {
    const contractsBefore = await contractCount();
    const auditBefore = await auditTotal();
    const base = content();
    const json = { 'Content-Type': 'application/json' };

    const cases = [
        ['term_end', { term_start: TERM_END, term_end: TERM_START }],
        ['service_items[0].amount', {
            service_items: [{ ...base.service_items[0], amount: '-240000.00' }, base.service_items[1]],
        }],
        ['annual_amount', { annual_amount: '-360000.00' }],
        ['payment.installments', {
            payment: {
                ...base.payment,
                installments: monthlyInstallments(TERM_YEAR, [...Array(11).fill(3_000_000), 2_999_999]),
            },
        }],
        ['staffing[0].hours', { staffing: [{ ...base.staffing[0], hours: 25 }, ...base.staffing.slice(1)] }],
        ['assessment.checklist', {
            assessment: {
                ...base.assessment,
                checklist: base.assessment.checklist.map((item, i) => (i === 0 ? { ...item, points: 10 } : item)),
            },
        }],
        ['vendor_id', { vendor_id: 99999999 }],
        // 100 items of the largest amount add up to more than 64 bits hold: refused, not wrapped to a small total.
        ['service_items', {
            service_items: Array.from({ length: 100 }, (_, i) => ({ ...base.service_items[0], name: `项目${i}`, amount: '999999999999999.99' })),
        }],
        ['vendor_id', { vendor_id: 2 ** 63 }], // beyond a signed 64-bit id: refused, not wrapped to a negative one
        ['total_amount', { total_amount: 360000 }], // money as a number, not a string
        ['annual_amount', { annual_amount: 360000.0 }],
    ];
    for (const [field, overrides] of cases) {
        expectError(await office.post('/contracts', { ...base, ...overrides }), 400, 'InvalidArgument', field);
    }
    expectError(await office.post('/contracts', '{"title": "半截', { headers: json }), 400, 'InvalidArgument');
    expectError(await office.post('/contracts', 'not json', { headers: json }), 400, 'InvalidArgument');

    assert.equal(await contractCount(), contractsBefore, 'no contract written');
    assert.equal(await auditTotal(), auditBefore, 'no audit entry written');
});

test('CON-1 the same refusals apply when a draft is edited; the draft is unchanged', async () => {
    const input = content();
    const created = expectStatus(await office.post('/contracts', input), 201).body;
    const auditBefore = await auditTotal();
    // The term would end the day before it starts.
    expectError(
        await office.put(`/contracts/${created.id}`, { ...input, term_end: dateOfYear(-1, '12-31') }), 400, 'InvalidArgument', 'term_end',
    );
    expectError(
        await office.put(`/contracts/${created.id}`, { ...input, staffing: [{ ...input.staffing[0], hours: 25 }] }),
        400, 'InvalidArgument', 'staffing[0].hours',
    );
    assert.equal(await auditTotal(), auditBefore);
    const read = expectStatus(await office.get(`/contracts/${created.id}`), 200).body;
    assert.deepEqual(read.content.term_end, input.term_end);
    assert.deepEqual(read.content.staffing, input.staffing);
});

// ---------------------------------------------------------------------------------------------------------------
// CON-2 review

test('CON-2 review path: submit, both reviews, return with comment, resubmit as version 2, versions and history', async () => {
    const input = content();
    const created = expectStatus(await office.post('/contracts', input), 201).body;
    const id = created.id;
    let writes = 1;
    const scan = await uploadScan(office);
    const signBody = { signed_on: FAKE_TODAY, party_a_signatory: '李书记', party_b_signatory: '张经理', attachment_id: scan.id };

    // Not yet submitted: no review.
    expectError(
        await sifa.post(`/contracts/${id}/reviews`, { version_no: 1, decision: 'approve', comment: '' }), 409, 'FailedPrecondition',
    );

    const submitted = expectStatus(await office.post(`/contracts/${id}/submit`, {}), 200, 'submit').body;
    writes += 1;
    assert.equal(submitted.status, 'in_review');
    assert.equal(submitted.review.version_no, 1);
    assert.equal(submitted.review.legal ?? null, null);
    assert.equal(submitted.review.text ?? null, null);
    expectError(await office.put(`/contracts/${id}`, input), 409, 'FailedPrecondition'); // frozen while in review

    const auditBefore = await auditTotal();
    // office is not a reviewer
    expectError(
        await office.post(`/contracts/${id}/reviews`, { version_no: 1, decision: 'approve', comment: '' }), 403, 'PermissionDenied',
    );
    expectError(
        await jiwei.post(`/contracts/${id}/reviews`, { version_no: 1, decision: 'approve', comment: '' }), 403, 'PermissionDenied',
    );
    // the wrong version: the request is well formed, the state disagrees (docs/api.md "Answers the tests pin down")
    expectError(
        await sifa.post(`/contracts/${id}/reviews`, { version_no: 2, decision: 'approve', comment: '' }),
        409, 'FailedPrecondition', 'version_no',
    );
    expectError(await sifa.post(`/contracts/${id}/reviews`, { version_no: 1, decision: 'maybe', comment: '' }), 400, 'InvalidArgument', 'decision');
    // signing before both approvals
    expectError(await office.post(`/contracts/${id}/sign`, signBody), 409, 'FailedPrecondition');
    assert.equal(await auditTotal(), auditBefore, 'refusals write nothing');

    const legal = expectStatus(
        await sifa.post(`/contracts/${id}/reviews`, { version_no: 1, decision: 'approve', comment: '条款合法' }), 200, 'legal approve',
    ).body;
    writes += 1;
    assert.equal(legal.status, 'in_review', 'one approval is not enough');
    assert.equal(legal.review.legal.decision, 'approve');
    assert.equal(legal.review.legal.comment, '条款合法');
    assert.ok(names(sifa).includes(legal.review.legal.by), `legal.by ${legal.review.legal.by}`);
    assert.equal(legal.review.text ?? null, null);
    expectError(await office.post(`/contracts/${id}/sign`, signBody), 409, 'FailedPrecondition');

    // Returning needs a comment.
    expectError(
        await dangzheng.post(`/contracts/${id}/reviews`, { version_no: 1, decision: 'return' }), 400, 'InvalidArgument', 'comment',
    );
    expectError(
        await dangzheng.post(`/contracts/${id}/reviews`, { version_no: 1, decision: 'return', comment: '' }),
        400, 'InvalidArgument', 'comment',
    );
    const returnComment = '第三条“收费标准”表述不清,请修改后重新提交';
    const returned = expectStatus(
        await dangzheng.post(`/contracts/${id}/reviews`, { version_no: 1, decision: 'return', comment: returnComment }), 200, 'return',
    ).body;
    writes += 1;
    assert.equal(returned.status, 'returned');
    assert.equal(returned.review.text.decision, 'return');
    assert.equal(returned.review.text.comment, returnComment);
    expectError(await office.post(`/contracts/${id}/sign`, signBody), 409, 'FailedPrecondition');

    const officeReturned = expectStatus(await office.get(`/contracts/${id}`), 200).body;
    assert.ok(officeReturned.allowed_actions.includes('edit'), `office may edit a returned contract: ${officeReturned.allowed_actions}`);

    // Edit and resubmit: version 2.
    const edited = {
        ...input,
        service_items: [{ ...input.service_items[0], fee_standard: '每月人民币 20000.00 元(含税)' }, input.service_items[1]],
    };
    const put = expectStatus(await office.put(`/contracts/${id}`, edited), 200, 'edit a returned contract').body;
    writes += 1;
    assert.equal(put.content.service_items[0].fee_standard, '每月人民币 20000.00 元(含税)');
    const resubmitted = expectStatus(await office.post(`/contracts/${id}/submit`, {}), 200, 'resubmit').body;
    writes += 1;
    assert.equal(resubmitted.status, 'in_review');
    assert.equal(resubmitted.review.version_no, 2);
    assert.equal(resubmitted.review.legal ?? null, null, 'the legal approval of version 1 does not carry over');
    assert.equal(resubmitted.review.text ?? null, null);

    // An approval of version 1 now is refused.
    expectError(
        await sifa.post(`/contracts/${id}/reviews`, { version_no: 1, decision: 'approve', comment: '' }),
        409, 'FailedPrecondition', 'version_no',
    );

    const oneOfTwo = expectStatus(
        await dangzheng.post(`/contracts/${id}/reviews`, { version_no: 2, decision: 'approve', comment: '文字已修改' }), 200,
    ).body;
    writes += 1;
    assert.equal(oneOfTwo.status, 'in_review');
    // The list shows each row's review as its page does: version 2's decisions only (the text office's approval, not
    // version 1's legal one), and the review offered to the judicial office, who has not decided version 2 yet.
    for (const client of [office, sifa, dangzheng]) {
        const page = expectStatus(await client.get(`/contracts/${id}`), 200).body;
        const row = (await listAll(client, '/contracts', { q: page.code })).find((item) => item.id === id);
        assert.ok(row, `${client.user.username} lists the contract`);
        assert.deepEqual(row.review, page.review, `${client.user.username}: the list's review is the page's`);
        assert.deepEqual(row.allowed_actions, page.allowed_actions, `${client.user.username}: the same actions`);
    }
    const listed = (await listAll(sifa, '/contracts', { q: oneOfTwo.code })).find((item) => item.id === id);
    assert.equal(listed.review.version_no, 2);
    assert.equal(listed.review.legal ?? null, null, 'version 1\'s legal approval is not version 2\'s');
    assert.equal(listed.review.text.decision, 'approve');
    assert.ok(listed.allowed_actions.includes('review'), `the judicial office may review: ${listed.allowed_actions}`);
    const approved = expectStatus(
        await sifa.post(`/contracts/${id}/reviews`, { version_no: 2, decision: 'approve', comment: '' }), 200,
    ).body;
    writes += 1;
    assert.equal(approved.status, 'approved');
    assert.equal(approved.review.version_no, 2);
    assert.equal(approved.review.legal.decision, 'approve');
    assert.equal(approved.review.text.decision, 'approve');
    // After the approval there is nothing under review: refused for the state, before the version is looked at.
    expectError(
        await sifa.post(`/contracts/${id}/reviews`, { version_no: 1, decision: 'approve', comment: '' }), 409, 'FailedPrecondition',
    );
    expectError(await office.put(`/contracts/${id}`, edited), 409, 'FailedPrecondition'); // approved text is frozen
    const officeView = expectStatus(await office.get(`/contracts/${id}`), 200).body;
    assert.ok(officeView.allowed_actions.includes('sign'), `office may sign an approved contract: ${officeView.allowed_actions}`);

    // Versions: both kept with their contents.
    const versions = expectStatus(await office.get(`/contracts/${id}/versions`), 200).body.items;
    assert.equal(versions.length, 2, `two versions: ${JSON.stringify(versions.map((v) => v.version_no))}`);
    const byNo = Object.fromEntries(versions.map((version) => [version.version_no, version]));
    assert.ok(byNo[1] && byNo[2]);
    assert.equal(byNo[1].kind, 'original');
    assert.equal(byNo[2].kind, 'original');
    assert.equal(byNo[1].content.service_items[0].fee_standard, input.service_items[0].fee_standard);
    assert.equal(byNo[2].content.service_items[0].fee_standard, '每月人民币 20000.00 元(含税)');
    assert.equal(byNo[1].content.title, input.title);
    for (const version of versions) {
        assert.equal(version.created_by, office.user.username, 'created_by is the username of who wrote the version');
        assert.match(version.submitted_at, /\+08:00$/);
    }

    // History: every step with its actor and comment.
    const history = expectStatus(await office.get(`/contracts/${id}/history`), 200).body.items;
    const by = (client) => history.filter((item) => names(client).includes(item.actor_name));
    assert.ok(by(office).filter((item) => /submit/i.test(item.action)).length >= 2, `two submissions: ${JSON.stringify(history)}`);
    assert.equal(by(sifa).length, 2, 'legal review twice');
    assert.equal(by(dangzheng).length, 2, 'text review twice');
    const ret = history.find((item) => item.comment === returnComment);
    assert.ok(ret, 'the return with its comment');
    assert.ok(names(dangzheng).includes(ret.actor_name));
    assert.equal(ret.version_no, 1);
    assert.match(ret.action, /return/i);
    assert.ok(history.some((item) => item.comment === '条款合法' && item.version_no === 1), 'legal approval of v1 with comment');
    assert.ok(history.some((item) => item.comment === '文字已修改' && item.version_no === 2), 'text approval of v2 with comment');
    for (const item of history) {
        assert.match(item.at, /\+08:00$/);
        assert.equal(typeof item.role, 'string');
    }

    // each successful write above is in the audit trail under entity contract.
    const audit = await contractAudit(id);
    assert.ok(audit.length >= writes, `X-1 ${writes} writes, ${audit.length} audit entries`);
    for (const client of [office, sifa, dangzheng]) {
        assert.ok(audit.some((entry) => entry.actor_id === client.user.id), `X-1 audit has ${client.user.username}`);
    }
});

// ---------------------------------------------------------------------------------------------------------------
// CON-3 signing and who sees what

test('X-6 reviews and history name each person by display name and role name in both languages, not by user name', async () => {
    const created = expectStatus(await office.post('/contracts', content()), 201).body;
    expectStatus(await office.post(`/contracts/${created.id}/submit`, {}), 200, 'submit');
    expectStatus(await sifa.post(`/contracts/${created.id}/reviews`, { version_no: 1, decision: 'approve', comment: '条款合法' }), 200);
    expectStatus(await dangzheng.post(`/contracts/${created.id}/reviews`, { version_no: 1, decision: 'return', comment: '请改' }), 200);
    assert.notEqual(sifa.user.display_name, sifa.user.username, 'the demo reviewer has a display name of its own');

    const review = expectStatus(await office.get(`/contracts/${created.id}`), 200).body.review;
    assert.equal(review.legal.by_display_name, sifa.user.display_name);
    assert.deepEqual(review.legal.role_name, sifa.user.role_name);
    assert.equal(review.text.by_display_name, dangzheng.user.display_name);
    assert.deepEqual(review.text.role_name, dangzheng.user.role_name);
    assert.ok(review.legal.role_name['zh-CN'] && review.legal.role_name.en, 'the role in both languages');

    const history = expectStatus(await office.get(`/contracts/${created.id}/history`), 200).body.items;
    const wanted = [['submit', office], ['approve', sifa], ['return', dangzheng]];
    for (const [action, client] of wanted) {
        const step = history.find((item) => item.action === action);
        assert.ok(step, `${action} in ${JSON.stringify(history)}`);
        assert.equal(step.actor_display_name, client.user.display_name, `${action}: the display name`);
        assert.deepEqual(step.role_name, client.user.role_name, `${action}: the role's name`);
    }
});

test('CON-1 signing is refused naming each empty contact and bank field of Party A (zh-CN and English); nothing written', async () => {
    const base = content();
    const input = content({
        party_a: { ...base.party_a, phone: '', bank_account_name: '', bank_name: '', bank_account_no: '' },
    });
    const created = expectStatus(await office.post('/contracts', input), 201, 'a draft may leave them empty').body;
    expectStatus(await office.post(`/contracts/${created.id}/submit`, {}), 200);
    for (const reviewer of [sifa, dangzheng]) {
        expectStatus(await reviewer.post(`/contracts/${created.id}/reviews`, { version_no: 1, decision: 'approve', comment: '同意' }), 200);
    }
    const scan = await uploadScan(office, '缺甲方信息的合同.pdf');
    const auditBefore = await auditTotal();
    const body = expectError(await office.post(`/contracts/${created.id}/sign`, {
        signed_on: FAKE_TODAY, party_a_signatory: '李书记', party_b_signatory: '张经理', attachment_id: scan.id,
    }), 400, 'InvalidArgument', 'party_a');
    assert.deepEqual(body.fields.map((entry) => entry.field),
        ['party_a.phone', 'party_a.bank_account_name', 'party_a.bank_name', 'party_a.bank_account_no']);
    assert.equal(body.fields[0].message['zh-CN'], '签订前须填写甲方电话');
    assert.equal(body.fields[0].message.en, "Party A's phone is required before signing");
    assert.equal(await auditTotal(), auditBefore, 'no audit entry');
    const after = expectStatus(await office.get(`/contracts/${created.id}`), 200).body;
    assert.equal(after.status, 'approved', 'still approved, not signed');
    assert.equal(after.signing ?? null, null);
});

test('CON-3 sign with a scan: active; an active contract changes only through an amendment', async () => {
    const input = content();
    const created = expectStatus(await office.post('/contracts', input), 201).body;
    expectStatus(await office.post(`/contracts/${created.id}/submit`, {}), 200);
    for (const reviewer of [sifa, dangzheng]) {
        expectStatus(await reviewer.post(`/contracts/${created.id}/reviews`, { version_no: 1, decision: 'approve', comment: '同意' }), 200);
    }
    const auditBefore = await auditTotal();
    const signBody = { signed_on: FAKE_TODAY, party_a_signatory: '李书记', party_b_signatory: '张经理' };
    expectError(await office.post(`/contracts/${created.id}/sign`, signBody), 400, 'InvalidArgument', 'attachment_id');
    expectError(
        await office.post(`/contracts/${created.id}/sign`, { ...signBody, attachment_id: 99999999 }), 400, 'InvalidArgument', 'attachment_id',
    );
    expectError(await sifa.post(`/contracts/${created.id}/sign`, { ...signBody, attachment_id: 1 }), 403, 'PermissionDenied');
    assert.equal(await auditTotal(), auditBefore);

    const scan = await uploadScan(office, '长安物业保洁合同(盖章).pdf');
    const signed = expectStatus(await office.post(`/contracts/${created.id}/sign`, { ...signBody, attachment_id: scan.id }), 200).body;
    assert.equal(signed.status, 'active');
    assert.equal(signed.active_version_no, 1);
    assert.equal(signed.signing.signed_on, FAKE_TODAY);
    assert.equal(signed.signing.party_a_signatory, '李书记');
    assert.equal(signed.signing.party_b_signatory, '张经理');
    assert.equal(signed.signing.attachment.id, scan.id);
    assert.equal(signed.signing.attachment.filename, '长安物业保洁合同(盖章).pdf');
    assert.equal(signed.signing.attachment.sha256, sha256(scan.bytes));
    assert.equal(signed.days_to_expiry, daysBetween(FAKE_TODAY, TERM_END));

    expectError(await office.post(`/contracts/${created.id}/sign`, { ...signBody, attachment_id: scan.id }), 409, 'FailedPrecondition');
    const put = expectError(await office.put(`/contracts/${created.id}`, { ...input, title: `${input.title}(改)` }), 409, 'FailedPrecondition');
    assert.ok(put.message, 'message says an amendment is needed');
    expectError(await office.post(`/contracts/${created.id}/submit`, {}), 409, 'FailedPrecondition');
    const read = expectStatus(await office.get(`/contracts/${created.id}`), 200).body;
    assert.equal(read.title, input.title);
    assert.equal(read.status, 'active');
});

test('ROLE-8 a vendor user sees its own vendor\'s contracts only and writes none', async () => {
    const own = await createActiveContract(clients, content());
    const other = await createActiveContract(clients, content({}, { vendor: fx.otherVendor }));
    assert.equal(other.vendor_id, fx.otherVendor.id);

    // vendor1 (九江长安物业)
    const mine = expectStatus(await fx.vendor1.get(`/contracts/${own.id}`), 200, 'vendor1 reads its contract').body;
    assert.equal(mine.vendor_id, fx.ownVendor.id);
    assert.equal(mine.content.total_amount, '360000.00');
    expectError(await fx.vendor1.get(`/contracts/${other.id}`), 404, 'NotFound');
    expectError(await fx.vendor1.get(`/contracts/${other.id}/document.pdf`), 404, 'NotFound');
    expectError(await fx.vendor1.get(`/contracts/${other.id}/versions`), 404, 'NotFound');
    expectError(await fx.vendor1.get(`/contracts/${other.id}/ledger`), 404, 'NotFound');
    const vendorList = await listAll(fx.vendor1, '/contracts');
    assert.ok(vendorList.some((item) => item.id === own.id));
    assert.ok(vendorList.every((item) => item.vendor_id === fx.ownVendor.id), 'vendor1 lists only its own vendor\'s contracts');
    // vendor2 (佛山安泰保安) the other way round
    expectStatus(await fx.vendor2.get(`/contracts/${other.id}`), 200);
    expectError(await fx.vendor2.get(`/contracts/${own.id}`), 404, 'NotFound');
    // a vendor user writes nothing
    const auditBefore = await auditTotal();
    expectError(await fx.vendor1.post('/contracts', content()), 403, 'PermissionDenied');
    expectError(await fx.vendor1.put(`/contracts/${own.id}`, content()), 403, 'PermissionDenied');
    assert.equal(await auditTotal(), auditBefore, 'refused writes leave no audit entries');
});

test('ROLE-4 discipline inspection reads every contract and writes nothing', async () => {
    const own = await createActiveContract(clients, content());
    const other = await createActiveContract(clients, content({}, { vendor: fx.otherVendor }));
    const auditBefore = await auditTotal();
    const countBefore = await contractCount();
    const read = expectStatus(await jiwei.get(`/contracts/${own.id}`), 200).body;
    assert.equal(read.id, own.id);
    expectStatus(await jiwei.get(`/contracts/${other.id}`), 200);
    expectStatus(await jiwei.get(`/contracts/${own.id}/versions`), 200);
    expectStatus(await jiwei.get(`/contracts/${own.id}/history`), 200);
    expectStatus(await jiwei.get(`/contracts/${own.id}/ledger`), 200);
    assert.equal(expectStatus(await jiwei.get('/contracts'), 200).body.total, countBefore, 'discipline lists all');
    const writes = [
        ['POST', '/contracts', content()],
        ['PUT', `/contracts/${own.id}`, content()],
        ['POST', `/contracts/${own.id}/submit`, {}],
        ['POST', `/contracts/${own.id}/reviews`, { version_no: 1, decision: 'approve', comment: '' }],
        ['POST', `/contracts/${own.id}/sign`, { signed_on: FAKE_TODAY, party_a_signatory: 'x', party_b_signatory: 'y', attachment_id: 1 }],
        ['POST', `/contracts/${own.id}/consultations`, { held_on: FAKE_TODAY, participants: '纪委', summary: '纪委改' }],
        ['POST', `/contracts/${own.id}/amendments`, { consultation_id: 1, reason: '纪委改' }],
        ['POST', `/contracts/${own.id}/terminate`, { reason: '纪委改', breach_liability: '无', effective_on: FAKE_TODAY }],
        ['POST', `/contracts/${own.id}/renew`, { reason: '纪委改', term_start: dateOfYear(2, '01-01'), term_end: dateOfYear(2, '12-31') }],
        ['POST', `/contracts/${own.id}/ledger`, { kind: 'deduction', period: `${TERM_YEAR}-01`, amount: '1.00', reason: '纪委改' }],
        ['POST', `/contracts/${own.id}/payments`, {
            period: `${TERM_YEAR}-01`, amount: '1.00', paid_on: FAKE_TODAY, reference: 'J', note: '',
        }],
    ];
    for (const [method, path, body] of writes) {
        expectError(await jiwei.request(method, path, body), 403, 'PermissionDenied');
    }
    assert.equal(await auditTotal(), auditBefore, 'refused writes leave no audit entries');
    assert.equal(await contractCount(), countBefore);
    assert.equal(expectStatus(await office.get(`/contracts/${own.id}`), 200).body.status, 'active');
});

test('ROLE-3 leadership reads a contract but does not write one', async () => {
    const own = await createActiveContract(clients, content());
    const leader = await demo.as('leader'); // log in first: a login is audited too
    const auditBefore = await auditTotal();
    expectStatus(await leader.get(`/contracts/${own.id}`), 200);
    expectError(await leader.post('/contracts', content()), 403, 'PermissionDenied');
    expectError(await leader.put(`/contracts/${own.id}`, content()), 403, 'PermissionDenied');
    assert.equal(await auditTotal(), auditBefore, 'refused writes leave no audit entries');
});

test('ROLE-7 a department user, who answers surveys and gives opinions, does not read contracts (403)', async () => {
    const own = await createActiveContract(clients, content());
    const dept = await demo.as('dept');
    // Without contract:read the answer is 403 whether or not the contract exists (docs/api.md "Answers the tests pin down").
    expectError(await dept.get(`/contracts/${own.id}`), 403, 'PermissionDenied');
    expectError(await dept.get('/contracts/99999999'), 403, 'PermissionDenied');
    expectError(await dept.get('/contracts'), 403, 'PermissionDenied');
});

test('CON-3 malformed ids are 400, unknown ids 404', async () => {
    for (const id of ['abc', '0', '-1', '1.5']) {
        expectError(await office.get(`/contracts/${id}`), 400, 'InvalidArgument');
    }
    expectError(await office.get('/contracts/99999999'), 404, 'NotFound');
    expectError(await office.put('/contracts/99999999', content()), 404, 'NotFound');
    expectError(await office.post('/contracts/99999999/submit', {}), 404, 'NotFound');
    expectError(await office.get('/contracts/99999999/ledger'), 404, 'NotFound');
    expectError(await office.get('/contracts', { query: { status: 'lost' } }), 400, 'InvalidArgument');
});

// ---------------------------------------------------------------------------------------------------------------
// CON-5 the document

test('CON-5 document.pdf is a PDF with the title and the vendor name', async () => {
    const input = content({ title: `九江镇机关保洁绿化服务外包合同(PDF测试)` });
    const created = expectStatus(await office.post('/contracts', input), 201).body;
    const response = expectStatus(await office.get(`/contracts/${created.id}/document.pdf`), 200, 'pdf of a draft');
    assert.equal((response.headers.get('content-type') || '').split(';')[0].trim(), 'application/pdf');
    assert.equal(response.bytes.subarray(0, 4).toString('latin1'), '%PDF');
    const text = pdfText(response.bytes);
    assert.ok(text.includes(input.title.replace(/\s+/g, '')), `the PDF shows the title; text starts ${text.slice(0, 300)}`);
    assert.ok(text.includes(fx.ownVendor.name), `the PDF shows the vendor name ${fx.ownVendor.name}`);
    assert.ok(text.includes('360,000.00'), `the PDF shows the total amount as 360,000.00; text starts ${text.slice(0, 300)}`);
    const v1 = expectStatus(await office.get(`/contracts/${created.id}/document.pdf`, { query: { version: 1 } }), 200);
    assert.equal(v1.bytes.subarray(0, 4).toString('latin1'), '%PDF');
    // A well-formed version number the contract does not have: the version is not found.
    expectError(await office.get(`/contracts/${created.id}/document.pdf`, { query: { version: 99 } }), 404, 'NotFound');
    expectError(await office.get(`/contracts/${created.id}/document.pdf`, { query: { version: 'two' } }), 400, 'InvalidArgument', 'version');
    // The reviewers read it too (D1 Art.6: the text goes to them).
    expectStatus(await sifa.get(`/contracts/${created.id}/document.pdf`), 200);
    expectStatus(await dangzheng.get(`/contracts/${created.id}/document.pdf`), 200);
});

// ---------------------------------------------------------------------------------------------------------------
// CON-4 amendments

test('CON-4 amendment after a recorded consultation: drafted, reviewed like the original, signing puts it in force', async () => {
    const input = content();
    const active = await createActiveContract(clients, input);
    const id = active.id;
    assert.equal(active.status, 'active');
    assert.equal(active.active_version_no, 1);

    // An amendment needs a consultation (D5.6).
    const auditBefore = await auditTotal();
    expectError(await office.post(`/contracts/${id}/amendments`, { reason: '增加服务面积' }), 400, 'InvalidArgument', 'consultation_id');
    expectError(
        await office.post(`/contracts/${id}/amendments`, { consultation_id: 99999999, reason: '增加服务面积' }),
        400, 'InvalidArgument', 'consultation_id',
    );
    assert.equal(await auditTotal(), auditBefore);

    const consultation = expectStatus(await office.post(`/contracts/${id}/consultations`, {
        held_on: FAKE_TODAY, participants: '王主任(机关事务办)、张经理(长安物业)', summary: `新增大院西侧绿地养护,自${TERM_YEAR}年7月起月费增加2000元`,
    }), 201, 'consultation').body;
    assert.equal(typeof consultation.id, 'number');
    const consultations = expectStatus(await office.get(`/contracts/${id}/consultations`), 200).body.items;
    assert.ok(consultations.some((item) => item.id === consultation.id && item.summary.includes('西侧绿地')));

    const started = expectStatus(
        await office.post(`/contracts/${id}/amendments`, { consultation_id: consultation.id, reason: '增加绿地养护面积' }), 201,
    ).body;
    assert.equal(started.id, id, 'the amendment belongs to the same contract');
    assert.equal(started.status, 'active', 'the contract stays in force while its amendment is drafted');
    assert.equal(started.amendment.status, 'draft');
    assert.equal(started.amendment.consultation_id, consultation.id);
    assert.equal(started.amendment.reason, '增加绿地养护面积');
    expectError(
        await office.post(`/contracts/${id}/amendments`, { consultation_id: consultation.id, reason: '再来一个' }),
        409, 'FailedPrecondition',
    );

    // 6 x 30000.00 + 6 x 32000.00 = 372000.00; service items 240000.00 + 132000.00.
    const amended = {
        ...input,
        annual_amount: '372000.00',
        total_amount: '372000.00',
        service_items: [input.service_items[0], { ...input.service_items[1], fee_standard: '1-6月每月 10000 元,7-12月每月 12000 元', amount: '132000.00' }],
        payment: { ...input.payment, installments: monthlyInstallments(TERM_YEAR, [...Array(6).fill(3_000_000), ...Array(6).fill(3_200_000)]) },
    };
    const edited = expectStatus(await office.put(`/contracts/${id}`, amended), 200, 'edit the amendment').body;
    assert.equal(edited.amendment.status, 'draft');
    assert.equal(edited.status, 'active');
    // Inconsistent amendment content is refused like any content.
    expectError(
        await office.put(`/contracts/${id}`, { ...amended, total_amount: '372000.01' }), 400, 'InvalidArgument',
    );
    // Payments still follow the version in force.
    const ledgerDuring = expectStatus(await office.get(`/contracts/${id}/ledger`), 200).body;
    assert.equal(ledgerDuring.totals.amount, '360000.00', 'the drafted amendment is not in force');

    const submitted = expectStatus(await office.post(`/contracts/${id}/submit`, {}), 200).body;
    assert.equal(submitted.amendment.status, 'in_review');
    assert.equal(submitted.status, 'active');
    const versionNo = submitted.review.version_no;
    assert.equal(versionNo, 2);
    expectStatus(await sifa.post(`/contracts/${id}/reviews`, { version_no: versionNo, decision: 'approve', comment: '变更合法' }), 200);
    const approved = expectStatus(
        await dangzheng.post(`/contracts/${id}/reviews`, { version_no: versionNo, decision: 'approve', comment: '' }), 200,
    ).body;
    assert.equal(approved.amendment.status, 'approved');
    assert.equal(approved.status, 'active');
    assert.equal(approved.active_version_no, 1, 'approved but not signed: version 1 is still in force');

    const scan = await uploadScan(office, '补充协议.pdf');
    const signed = expectStatus(await office.post(`/contracts/${id}/sign`, {
        signed_on: FAKE_TODAY, party_a_signatory: '李书记', party_b_signatory: '张经理', attachment_id: scan.id,
    }), 200, 'sign the amendment').body;
    assert.equal(signed.status, 'active');
    assert.equal(signed.active_version_no, 2);
    assert.equal(signed.total_amount, '372000.00');
    assert.equal(signed.content.total_amount, '372000.00');
    assert.equal(signed.content.payment.installments[6].amount, '32000.00');
    assert.equal(signed.amendment, null, 'signing ends the amendment: none is left in progress');

    const versions = expectStatus(await office.get(`/contracts/${id}/versions`), 200).body.items;
    assert.equal(versions.length, 2);
    const byNo = Object.fromEntries(versions.map((version) => [version.version_no, version]));
    assert.equal(byNo[1].kind, 'original');
    assert.equal(byNo[1].content.total_amount, '360000.00', 'the original text is kept');
    assert.equal(byNo[2].kind, 'amendment');
    assert.equal(byNo[2].content.total_amount, '372000.00');

    const ledger = expectStatus(await office.get(`/contracts/${id}/ledger`), 200).body;
    assert.equal(ledger.totals.amount, '372000.00', 'the ledger follows the version in force');
    assert.equal(ledger.periods.find((period) => period.period === `${TERM_YEAR}-07`).amount, '32000.00');
    assert.equal(ledger.periods.find((period) => period.period === `${TERM_YEAR}-06`).amount, '30000.00');

    const pdf = expectStatus(await office.get(`/contracts/${id}/document.pdf`, { query: { version: 1 } }), 200);
    const text = pdfText(pdf.bytes);
    assert.ok(text.includes('360,000.00'), 'version 1 of the document shows the original amount');
    assert.ok(!text.includes('372,000.00'), 'version 1 of the document does not show the amended amount');
    assert.ok(pdfText(expectStatus(await office.get(`/contracts/${id}/document.pdf`), 200).bytes).includes('372,000.00'),
        'the current document shows the amended amount');

    const audit = await contractAudit(id);
    // create, submit, 2 reviews, sign, consultation?, amendment, edit, submit, 2 reviews, sign
    assert.ok(audit.length >= 11, `X-1 every step of the amendment is audited (${audit.length})`);
});

// ---------------------------------------------------------------------------------------------------------------

test('X-1 contract writes are in the hash chain and houqin audit verify exits 0', async () => {
    const made = [
        expectStatus(await office.post('/contracts', content()), 201).body,
        await createActiveContract(clients, content()),
    ];
    const contracts = await listAll(office, '/contracts');
    for (const contract of made) assert.ok(contracts.some((item) => item.id === contract.id), `contract ${contract.id} is listed`);
    const audited = await listAll(jiwei, '/audit', { entity: 'contract' });
    for (const contract of contracts) {
        assert.ok(audited.some((entry) => entry.entity_id === contract.id), `contract ${contract.id} has audit entries`);
    }
    const verify = expectStatus(await jiwei.get('/audit/verify'), 200).body;
    assert.equal(verify.ok, true, JSON.stringify(verify));
    const run = cli(['audit', 'verify', '--db', demo.db.url], { allowFail: true });
    assert.equal(run.code, 0, `houqin audit verify: ${run.stdout}${run.stderr}`);
});

test('CON-1 four contracts created at once by two sessions: each gets its own code of the year, none is refused', async () => {
    // Each creation read the year's highest code and wrote the next: on PostgreSQL (READ COMMITTED) two read the same
    // one, and the second was refused by the unique code as a bare "record already exists". A year's codes are now
    // taken one at a time. Several rounds: the window is a few milliseconds.
    const office2 = await demo.as('office');
    for (let round = 0; round < 4; round += 1) {
        const attempts = await Promise.all([office, office2, office, office2].map((client) => client.post('/contracts', content())));
        assert.deepEqual(attempts.map((response) => response.status), [201, 201, 201, 201],
            `round ${round}: every creation succeeds: ${attempts.map((response) => JSON.stringify(response.body?.message ?? response.status))}`);
        const codes = attempts.map((response) => response.body.code);
        assert.equal(new Set(codes).size, 4, `four codes: ${codes}`);
    }
});

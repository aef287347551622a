// The API side of the whole-application benchmark (bench/app.sh, issue 15; docs/performance.md), not a test.
//
//   node bench/app-api.mjs prepare BASE OUT   log in as each scope, pick the records each one may open, create the
//                                              one project the county lacks; write OUT/reads.tsv and OUT/cookie-<scope>
//   node bench/app-api.mjs writes BASE        the common writes with the audit chain, per second; one line per kind
//
// BASE is http://127.0.0.1:PORT (a houqin, or nginx in front of two). The county is `houqin seed-scale`'s: the
// administrator `admin` (Admin@2026), per town `tNN-office`, `tNN-leader`, `tNN-dept`, `tNN-dept2` ..., per vendor
// `vNNNN`, all but the administrator with County@2026 (server/src/app/scale_seed.cpp).
//
// reads.tsv, one line per page and scope: name, scope, kind (list, detail, dashboard, report), path, and either `ok`
// (answered 200 once, so wrk may hit it) or `skip <status>` (this scope may not open the page: 403, or 404 outside
// its scope). Any other answer stops the benchmark.
//
// The writes: each kind for BENCH_SECONDS (default 10) with BENCH_WRITE_CONCURRENCY (16) requests in flight, each
// request one write through the service (permission, rules, transaction, audit entry), spread over the towns:
//   assessment     POST /assessments as the town's office: the routine assessment of the month under way where it
//                  is still missing, then special assessments of past months (one per contract, period and kind)
//   survey_answer  POST /surveys/{id}/answers as the town's departments, on surveys opened for it beforehand (an
//                  answer per user and survey: BENCH_SURVEY_ANSWERS of them, default 1,500 a second of BENCH_SECONDS)
//   ledger_entry   POST /contracts/{id}/ledger as the town's office: a manual deduction (CON-8)
// A kind whose targets run out before the time stops early; its rate is over the time it ran, and the line says so.
// Line per kind: `write <kind> ok=N failed=N seconds=S per_s=R [exhausted]`; any non-2xx answer fails the run.
import fs from 'node:fs';
import path from 'node:path';

const ADMIN = { username: process.env.BENCH_ADMIN_USER ?? 'admin', password: process.env.BENCH_ADMIN_PASSWORD ?? 'Admin@2026' };
const PASSWORD = process.env.BENCH_COUNTY_PASSWORD ?? 'County@2026';
// The county's "now" (seed-scale): the server runs with HOUQIN_FAKE_NOW at this time.
const TODAY = process.env.BENCH_TODAY ?? '2026-12-05';
// The quality report's page opens on the current month; the county's last assessed month is the one before.
const REPORT_PERIOD = process.env.BENCH_REPORT_PERIOD ?? '2026-11';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_WRITE_CONCURRENCY ?? 16);

const say = (text) => process.stderr.write(`app-bench: ${text}\n`);

class HttpError extends Error {
    constructor(method, url, status, text) {
        super(`${method} ${url}: HTTP ${status} ${text.slice(0, 400)}`);
        this.status = status;
    }
}

class Client {
    constructor(base, username) {
        this.base = base;
        this.username = username;
        this.cookie = '';
        this.csrf = '';
        this.user = null;
    }
    async request(method, url, body) {
        const headers = { Cookie: this.cookie };
        if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        const answer = await fetch(`${this.base}/api/v1${url}`, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await answer.text();
        if (!answer.ok) throw new HttpError(method, url, answer.status, text);
        return text ? JSON.parse(text) : null;
    }
    get(url) {
        return this.request('GET', url);
    }
    post(url, body) {
        return this.request('POST', url, body);
    }
    async login(password) {
        const answer = await fetch(`${this.base}/api/v1/session`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username: this.username, password }),
        });
        const text = await answer.text();
        if (!answer.ok) throw new HttpError('POST', `/session as ${this.username}`, answer.status, text);
        const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('houqin_session='));
        if (!cookie) throw new Error(`no houqin_session cookie after logging in as ${this.username}`);
        this.cookie = cookie.split(';')[0];
        const session = JSON.parse(text);
        this.csrf = session.csrf_token;
        this.user = session.user;
        return this;
    }
}

async function login(base, username, password = PASSWORD) {
    return new Client(base, username).login(password);
}

// Runs `work` over `items` with at most `limit` in flight; the answers in the items' order.
async function pool(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const at = next++;
            results[at] = await work(items[at], at);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

// All usernames of a role, as the administrator lists them.
async function usernames(admin, role) {
    const names = [];
    for (let page = 1; ; ++page) {
        const answer = await admin.get(`/users?page=${page}&page_size=200&role=${role}&sort=username`);
        names.push(...answer.items.map((user) => user.username));
        if (names.length >= answer.total || answer.items.length === 0) return names;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// prepare
// ---------------------------------------------------------------------------------------------------------------
async function firstId(client, listPath) {
    try {
        const answer = await client.get(listPath);
        return answer.items[0]?.id ?? null;
    } catch (error) {
        if (error.status === 403) return null;
        throw error;
    }
}

// One draft project of the first town (the county has none): the project page has something to show.
async function createProject(office) {
    const categories = (await office.get('/categories?active=true')).items;
    const orgs = (await office.get('/orgs')).items;
    const own = orgs.find((org) => org.id === office.user.org_id);
    const department = orgs.find((org) => org.kind === 'department' && own && org.parent_id === own.parent_id && org.id !== own.id);
    if (!categories.length || !department) throw new Error('no category or department for the benchmark project');
    const year = Number(TODAY.slice(0, 4)) + 1;
    const project = await office.post('/projects', {
        name: `${year}年度机关会议服务采购项目(性能测试)`,
        year,
        category_id: categories[0].id,
        item_codes: [],
        scope: '镇机关各类会议的会场布置、音响设备保障、茶水服务及会议文印',
        annual_budget: '360000.00',
        total_budget: '360000.00',
        service_start: `${year}-01-01`,
        service_end: `${year}-12-31`,
        department_id: department.id,
        responsible_person: '刘干事',
        responsible_phone: '0757-86500002',
        plan_attachment_ids: [],
    });
    return project.id;
}

async function prepare(base, out) {
    const admin = await login(base, ADMIN.username, ADMIN.password);
    const office = await login(base, 't01-office');
    // The vendor of the office's first contract, so the vendor's pages show a contract of the same town.
    const officeContracts = await office.get('/contracts?page=1&page_size=1');
    const vendorNo = officeContracts.items[0]?.vendor_id ?? 1;
    const scopes = {
        admin,
        office,
        leader: await login(base, 't01-leader'),
        department: await login(base, 't01-dept'),
        vendor: await login(base, `v${String(vendorNo).padStart(4, '0')}`),
    };
    for (const [scope, client] of Object.entries(scopes)) {
        fs.writeFileSync(path.join(out, `cookie-${scope}`), `${client.cookie}\n`);
    }
    const projectId = await createProject(office);
    const officeContract = officeContracts.items[0]?.id;
    const officeAssessment = await firstId(office, '/assessments?page=1&page_size=1');
    if (!officeContract || !officeAssessment) throw new Error('the first town has no contract or no assessment');

    const pages = [];
    const add = (name, kind, scopeNames, pathOf) => {
        for (const scope of scopeNames) pages.push({ name, kind, scope, pathOf });
    };
    const mainScopes = ['admin', 'office', 'department', 'vendor'];
    // Each page's main request (the one its table or card waits for), as web/src/views/** sends it; the requests a
    // page sends beside it are named in the comment.
    add('dashboard', 'dashboard', ['office', 'leader', 'admin', 'department', 'vendor'], () => '/dashboard'); // dashboard/home
    // contract/list; beside it the vendor picker's /vendors?page_size=50 (vendor:read only)
    add('contract_list', 'list', mainScopes, () => '/contracts?page=1&page_size=20');
    // contract/detail; beside it /contracts/{id}/versions, /history, /consultations, /categories, /orgs
    add('contract_page', 'detail', mainScopes, (ids) => `/contracts/${ids.contract}`);
    add('assessment_list', 'list', mainScopes, () => '/assessments?page=1&page_size=20'); // assessment/list
    // assessment/detail; beside it, for a failed one, the contract's deduction proposals
    add('assessment_page', 'detail', mainScopes, (ids) => `/assessments/${ids.assessment}`);
    add('proposal_list', 'list', mainScopes, () => '/proposals?page=1&page_size=20'); // proposal/list
    add('vendor_list', 'list', mainScopes, () => '/vendors?page=1&page_size=20'); // vendor/list; beside it /categories
    // report/home: the quality report (SUP-7) shown as JSON; its PDF and Excel are timed apart (bench/app.sh)
    add('supervision_report', 'report', mainScopes, () => `/reports/quality?period=${REPORT_PERIOD}`);
    // contract/components/RenewalBasisTab: the renewal basis tab of a contract's page (RP-5)
    add('renewal_basis', 'detail', mainScopes, (ids) => `/contracts/${ids.contract}/renewal-basis`);
    add('audit_trail', 'list', mainScopes, () => '/audit?page=1&page_size=20'); // audit/trail
    // project/detail; beside it /projects/{id}/registrations, /bids, /trail (and /opening once opened)
    add('project_page', 'detail', mainScopes, () => `/projects/${projectId}`);

    const ids = {};
    for (const [scope, client] of Object.entries(scopes)) {
        ids[scope] = {
            contract: (await firstId(client, '/contracts?page=1&page_size=1')) ?? officeContract,
            assessment: (await firstId(client, '/assessments?page=1&page_size=1')) ?? officeAssessment,
        };
    }
    const lines = [];
    for (const page of pages) {
        const url = page.pathOf(ids[page.scope]);
        let state = 'ok';
        try {
            await scopes[page.scope].get(url);
        } catch (error) {
            if (error.status !== 403 && error.status !== 404) throw error;
            state = `skip ${error.status}`;
        }
        lines.push([page.name, page.scope, page.kind, `/api/v1${url}`, state].join('\t'));
    }
    fs.writeFileSync(path.join(out, 'reads.tsv'), `${lines.join('\n')}\n`);
    say(`prepared ${lines.length} page and scope pairs (project ${projectId}, office contract ${officeContract})`);
}

// ---------------------------------------------------------------------------------------------------------------
// writes
// ---------------------------------------------------------------------------------------------------------------
// Round-robin over lists: one from each in turn, so consecutive writes hit different towns and contracts.
function interleave(lists) {
    const out = [];
    for (let at = 0; lists.some((list) => at < list.length); ++at) {
        for (const list of lists) if (at < list.length) out.push(list[at]);
    }
    return out;
}

async function activeContracts(office, limit) {
    const answer = await office.get(`/contracts?page=1&page_size=${Math.min(limit, 200)}&status=active`);
    return answer.items.map((contract) => contract.id);
}

// Targets for `wanted` assessments: per contract, the routine one of a started period not yet assessed, then a
// special one for every started period, newest first.
async function assessmentTargets(offices, wanted) {
    const perTown = Math.max(1, Math.ceil(wanted / offices.length / 12));
    const lists = await pool(offices, 4, async (office) => {
        const contracts = await activeContracts(office, perTown);
        const forms = await pool(contracts, 4, (id) => office.get(`/contracts/${id}/assessment-form`));
        return interleave(
            forms.map((form) => {
                const started = form.periods.filter((period) => !period.future && period.first <= TODAY).reverse();
                const items = form.checklist.map((row) => ({ item: row.item, lost: 0, note: '', photo_ids: [] }));
                const body = (period, kind) => ({
                    contract_id: form.contract_id,
                    period: period.period,
                    kind,
                    assessed_on: period.first,
                    items,
                    missing_staff_days: 0,
                    summary: '性能测试考核',
                });
                return [
                    ...started
                        .filter((period) => !period.assessed)
                        .map((period) => ({ client: office, url: '/assessments', body: body(period, 'routine') })),
                    ...started.map((period) => ({ client: office, url: '/assessments', body: body(period, 'special') })),
                ];
            }),
        );
    });
    return interleave(lists).slice(0, wanted);
}

// Opens enough surveys for `wanted` answers: each of a town's department users answers each of its surveys once.
async function surveyTargets(offices, departmentsByTown, wanted) {
    const towns = offices.filter((office) => departmentsByTown.get(office.username.slice(0, 3))?.length);
    if (!towns.length) return [];
    const perTown = Math.ceil(wanted / towns.length);
    const started = Date.now();
    const lists = await pool(towns, 2, async (office) => {
        const departments = departmentsByTown.get(office.username.slice(0, 3));
        const contracts = await activeContracts(office, 200);
        const surveys = Math.ceil(perTown / departments.length);
        const created = await pool(Array.from({ length: surveys }, (_, at) => contracts[at % contracts.length]), 4, (id, at) =>
            office.post('/surveys', {
                contract_id: id,
                period: TODAY.slice(0, 7),
                title: `性能测试满意度调查 ${at + 1}`,
                anonymous: false,
                closes_on: `${TODAY.slice(0, 4)}-12-31`,
                questions: [],
            }),
        );
        const targets = [];
        for (const survey of created) {
            for (const department of departments) {
                targets.push({
                    client: department,
                    url: `/surveys/${survey.id}/answers`,
                    body: { rating: 'satisfied', answers: { attitude: '5', quality: '4', suggestion: '' }, comment: '' },
                });
            }
        }
        return targets;
    });
    const targets = interleave(lists).slice(0, wanted);
    say(`opened surveys for ${targets.length} answers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return targets;
}

async function ledgerTargets(offices, wanted) {
    const lists = await pool(offices, 4, async (office) => {
        const contracts = await activeContracts(office, 10);
        const ledgers = await pool(contracts, 4, (id) => office.get(`/contracts/${id}/ledger`));
        // The period under way (the first not yet due), else the last.
        return ledgers.map((ledger, at) => ({
            office,
            id: contracts[at],
            period: (ledger.periods.find((period) => period.due_date >= TODAY) ?? ledger.periods.at(-1)).period,
        }));
    });
    const contracts = interleave(lists);
    if (!contracts.length) return [];
    return Array.from({ length: wanted }, (_, at) => {
        const { office, id, period } = contracts[at % contracts.length];
        const body = { kind: 'deduction', period, amount: '10.00', reason: '性能测试扣款' };
        return { client: office, url: `/contracts/${id}/ledger`, body };
    });
}

// Sends the targets for `seconds` with `concurrency` in flight; the rate over the time taken.
async function measure(kind, targets) {
    let next = 0;
    let ok = 0;
    let failed = 0;
    let firstFailure = '';
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(Math.round(seconds * 1e9));
    const worker = async () => {
        while (next < targets.length && process.hrtime.bigint() < deadline) {
            const target = targets[next++];
            try {
                await target.client.post(target.url, target.body);
                ++ok;
            } catch (error) {
                ++failed;
                if (!firstFailure) firstFailure = error.message;
            }
        }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    const exhausted = next >= targets.length && elapsed < seconds;
    const perSecond = elapsed > 0 ? ok / elapsed : 0;
    const rate = `seconds=${elapsed.toFixed(2)} per_s=${perSecond.toFixed(1)}`;
    process.stdout.write(`write ${kind} ok=${ok} failed=${failed} ${rate}${exhausted ? ' exhausted' : ''}\n`);
    if (failed) say(`${kind}: ${failed} writes failed; the first: ${firstFailure}`);
    return failed === 0;
}

async function writes(base) {
    const admin = await login(base, ADMIN.username, ADMIN.password);
    const officeNames = await usernames(admin, 'office');
    const departmentNames = await usernames(admin, 'department');
    const started = Date.now();
    const offices = await pool(officeNames, 4, (name) => login(base, name));
    const departments = await pool(departmentNames, 4, (name) => login(base, name));
    const departmentsByTown = new Map();
    for (const department of departments) {
        const town = department.username.slice(0, 3); // tNN
        if (!departmentsByTown.has(town)) departmentsByTown.set(town, []);
        departmentsByTown.get(town).push(department);
    }
    say(`logged in ${offices.length} offices and ${departments.length} departments in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Enough targets that a kind runs out only above about 1,500 writes a second.
    const wanted = Math.ceil(1500 * seconds);
    const surveyAnswers = Number(process.env.BENCH_SURVEY_ANSWERS ?? wanted);
    const assessments = await assessmentTargets(offices, wanted);
    const answers = await surveyTargets(offices, departmentsByTown, surveyAnswers);
    const ledger = await ledgerTargets(offices, wanted);
    let clean = true;
    clean = (await measure('assessment', assessments)) && clean;
    clean = (await measure('survey_answer', answers)) && clean;
    clean = (await measure('ledger_entry', ledger)) && clean;
    if (!clean) process.exitCode = 1;
}

const [command, base, out] = process.argv.slice(2);
try {
    if (command === 'prepare' && base && out) await prepare(base, out);
    else if (command === 'writes' && base) await writes(base);
    else {
        say('usage: node bench/app-api.mjs prepare BASE OUT | writes BASE');
        process.exitCode = 2;
    }
} catch (error) {
    say(`error: ${error.message}`);
    process.exitCode = 1;
}

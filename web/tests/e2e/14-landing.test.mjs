// The first minutes of every role, as a new user has them (issue 12): the bare address, the login form, the landing
// page (the to-do page, 待办, never "403 您没有访问此页面的权限"), and a menu holding exactly the pages the server lets the
// role open, each of which opens without a 403 page and without a refused request.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, apiAs, closeAll, expectCount, login, logout, openBrowser, screenshot, startServer, tid } from './helpers.mjs';

let server;
let browser;
let page;
let openapi;

// One demo user per role (server/src/app/demo_seed.cpp).
const USERS = {
  admin: 'admin',
  office: 'office',
  leadership: 'leader',
  discipline: 'jiwei',
  judicial: 'sifa',
  party_office: 'dangzheng',
  department: 'dept',
  vendor: 'vendor1',
};

// The API route whose gate decides who may open each menu page (the page's own list, or for the administration pages,
// the change they exist for). The expected menu is read from the server's answer (x-roles of openapi.json), not from
// the web's own rules, so the menu is checked against the server.
const MENU_API = {
  dashboard: ['get', '/api/v1/dashboard'],
  categories: ['get', '/api/v1/categories'],
  vendors: ['get', '/api/v1/vendors'],
  projects: ['get', '/api/v1/projects'],
  'procurement-rules': ['get', '/api/v1/procurement-rules'],
  contracts: ['get', '/api/v1/contracts'],
  'served-staff': ['get', '/api/v1/served-contracts'],
  audit: ['get', '/api/v1/audit'],
  assessments: ['get', '/api/v1/assessments'],
  surveys: ['get', '/api/v1/surveys'],
  meetings: ['get', '/api/v1/meetings'],
  rectifications: ['get', '/api/v1/rectifications'],
  communications: ['get', '/api/v1/communications'],
  'energy-savings': ['get', '/api/v1/energy-savings'],
  proposals: ['get', '/api/v1/proposals'],
  reports: ['get', '/api/v1/reports/quality'],
  users: ['get', '/api/v1/users'],
  orgs: ['post', '/api/v1/orgs'],
  settings: ['put', '/api/v1/settings/{key}'],
  'holiday-calendar': ['put', '/api/v1/holiday-calendars/{year}'],
  'staff-roles': ['post', '/api/v1/staff-roles'],
};
// Pages every signed-in user has: the to-do page (the landing page) and the help pages.
const EVERYONE = ['inbox'];

function expectedMenu(role) {
  const names = [...EVERYONE];
  for (const [name, [method, path]] of Object.entries(MENU_API)) {
    const operation = openapi.paths[path]?.[method];
    assert.ok(operation, `openapi.json has ${method.toUpperCase()} ${path} (the gate of menu entry ${name})`);
    if (operation['x-roles'].includes(role)) names.push(name);
  }
  return names.sort();
}

async function shownMenu() {
  const entries = page.locator(`${tid('menu')} [data-test^="menu-"]`);
  const ids = await entries.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-test')));
  return ids.map((id) => id.slice('menu-'.length));
}

before(async () => {
  server = await startServer({ name: '14-landing' });
  openapi = await (await fetch(`${BASE_URL}/api/v1/openapi.json`)).json();
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  try {
    await closeAll(browser);
  } finally {
    await server?.stop();
  }
});

for (const [role, username] of Object.entries(USERS)) {
  test(`X-6: ${role} (${username}) logs in from the bare address and lands on the to-do page, not 403`, async () => {
    // A first visit: no session left over from the role before (whatever that test's outcome).
    await browser.context.clearCookies();
    await page.goto(`${BASE_URL}/`);
    await page.locator(tid('login-form')).waitFor();
    assert.equal(new URL(page.url()).hash, '#/login', 'the bare address shows the login form with nothing to return to');
    await login(page, username);
    assert.match(new URL(page.url()).hash, /^#\/inbox/, `${username} lands on the to-do page`);
    await expectCount(page.locator(tid('page-403')), 0);
    await page.waitForLoadState('networkidle');
    await screenshot(page, `14-landing-${role}`);
  });

  test(`X-7: ${role} (${username}) sees exactly the menu entries the server lets the role open, each opening without a refusal`, async () => {
    const session = await (await apiAs(username)).get('/session');
    assert.equal(session.user.role, role);
    assert.deepEqual((await shownMenu()).sort(), expectedMenu(role), `the menu of ${role}`);
    const refused = [];
    const onResponse = (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/') && response.status() === 403) refused.push(`${response.request().method()} ${url.pathname}`);
    };
    page.on('response', onResponse);
    try {
      for (const name of await shownMenu()) {
        await page.locator(tid(`menu-${name}`)).click();
        await page.waitForLoadState('networkidle');
        await expectCount(page.locator(tid('page-403')), 0, `${role}: menu entry ${name} shows no 403 page`);
        await expectCount(page.locator(tid('page-404')), 0, `${role}: menu entry ${name} shows no 404 page`);
        assert.deepEqual(refused, [], `${role}: menu entry ${name} makes no request the server refuses`);
      }
    } finally {
      page.off('response', onResponse);
    }
    await logout(page);
  });
}

test('X-6: 返回首页 on the 403 page leads a reviewer to the to-do page, not the service catalogue', async () => {
  await browser.context.clearCookies();
  await login(page, 'sifa');
  await page.goto(`${BASE_URL}/#/audit`);
  await page.locator(tid('page-403')).waitFor();
  await page.locator(tid('error-home')).click();
  await page.waitForURL(/#\/inbox/);
  await logout(page);
});

test('X-6: a link to a page the role may not open, followed before logging in, leads to the to-do page after it', async () => {
  await browser.context.clearCookies();
  await page.goto(`${BASE_URL}/#/proposals`);
  await page.locator(tid('login-form')).waitFor();
  await page.locator(tid('login-username')).fill('vendor1');
  await page.locator(tid('login-password')).fill('Vendor@2026');
  await page.locator(tid('login-submit')).click();
  await page.waitForURL(/#\/inbox/);
  await expectCount(page.locator(tid('page-403')), 0);
  await logout(page);
});

import type { Page, Response } from 'playwright-core';
import path from 'node:path';
import { browserSuite, DESKTOP, PHONE, SCREENSHOTS } from '../support/browser';

jest.setTimeout(60_000);

const suite = browserSuite();
const { openPage } = suite;

/** Fills and sends the sign-in form of the page already open: this file tests the form itself. */
async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** A cadre's home has loaded: their progress card. */
async function waitForHome(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 2, name: /^Tiến độ của tôi năm/ }).waitFor();
  // Every card answered: no loading placeholder left.
  await page.waitForFunction(() => document.querySelectorAll('.ant-skeleton').length === 0);
}

test('a cadre signs in, sees their province, reads the page in English and signs out', async () => {
  const page = await openPage(DESKTOP);

  await page.goto(suite.product.url);
  await page.waitForURL('**/signin');
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

  await submitSignIn(page, 'canbo.ldg', 'demo1234');
  await page.waitForURL((url) => url.pathname === '/');
  const header = page.locator('header');
  await header.getByText('Cán bộ · Lâm Đồng', { exact: true }).waitFor();
  // A cadre's home: their own progress and the way to register a trip.
  await page.getByRole('button', { name: 'Đăng ký đi cơ sở' }).first().waitFor();
  await waitForHome(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'home.png'), fullPage: true });

  await header.getByText('EN', { exact: true }).click();
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await signOut.waitFor();
  await page.getByRole('button', { name: 'Register a field visit' }).first().waitFor();
  await header.getByText('Cadre · Lâm Đồng', { exact: true }).waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('en');

  await signOut.click();
  await page.waitForURL('**/signin');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  expect(await page.evaluate(() => localStorage.getItem('coso.token'))).toBeNull();

  // The signed-out browser cannot go back to the signed-in page.
  await page.goto(suite.product.url);
  await page.waitForURL('**/signin');
});

test("a wrong password shows the server's Vietnamese message on the form", async () => {
  const page = await openPage(DESKTOP);
  await page.goto(`${suite.product.url}/signin`);

  await submitSignIn(page, 'canbo.ldg', 'not-the-password');

  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
  expect(new URL(page.url()).pathname).toBe('/signin');
  expect(await page.evaluate(() => localStorage.getItem('coso.token'))).toBeNull();
});

test('the home page fits a 375px-wide phone without horizontal scrolling', async () => {
  const page = await openPage(PHONE, true);
  await page.goto(`${suite.product.url}/signin`);
  expect(await horizontalOverflow(page)).toBe(0);

  await submitSignIn(page, 'canbo.ldg', 'demo1234');
  await page.locator('header').getByText('Cán bộ · Lâm Đồng', { exact: true }).waitFor();
  await waitForHome(page);

  expect(await horizontalOverflow(page)).toBe(0);
  // On a phone, signing out is in the menu (newcomer.browser.test.ts opens it).
  await page.getByRole('button', { name: 'Mở menu' }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'home-phone.png') });
});

/** The scripts a fresh browser downloads to show the sign-in form at `address`, with the bytes on the wire. */
async function signInScripts(address: string): Promise<{ names: string[]; bytes: number; encodings: Set<string> }> {
  const page = await openPage(PHONE, true);
  const responses: Response[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') responses.push(response);
  });
  await page.goto(`${suite.product.url}${address}`);
  await page.waitForURL('**/signin');
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  await page.waitForLoadState('networkidle');
  let bytes = 0;
  const encodings = new Set<string>();
  for (const response of responses) {
    bytes += (await response.request().sizes()).responseBodySize;
    encodings.add((await response.headerValue('content-encoding')) ?? 'identity');
  }
  const names = responses.map((r) => new URL(r.url()).pathname).sort();
  return { names, bytes, encodings };
}

/** The signed-in pages (tables, charts, the trip form), the shell and the app's operations. */
const SIGNED_IN_CODE = /ShellLayout|HomePage|DashboardPage|CartesianChart|NewTripPage|table-|\/gql-/;

test('the sign-in route loads only its own JavaScript, small enough for a slow rural connection', async () => {
  const { names, bytes, encodings } = await signInScripts('/signin');

  // What the route costs over the wire, as the server sends it (brotli); the rest is React, Ant
  // Design's form controls, Apollo Client and i18next.
  process.stdout.write(`sign-in route: ${names.length} scripts, ${(bytes / 1024).toFixed(1)} kB on the wire\n`);
  expect(names.some((name) => SIGNED_IN_CODE.test(name))).toBe(false);
  expect([...encodings]).toEqual(['br']);
  expect(bytes).toBeLessThan(330 * 1024);
});

test('a signed-out visit to the home page downloads the sign-in page only, not the signed-in app', async () => {
  const direct = await signInScripts('/signin');
  const viaHome = await signInScripts('/');

  process.stdout.write(`signed-out visit to /: ${viaHome.names.length} scripts\n`);
  expect(viaHome.names.filter((name) => SIGNED_IN_CODE.test(name))).toEqual([]);
  expect(viaHome.names).toEqual(direct.names);
});

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

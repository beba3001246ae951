import type { Page } from 'playwright-core';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { browserSuite, DESKTOP, PHONE, SCREENSHOTS } from '../support/browser';

jest.setTimeout(60_000);

const suite = browserSuite();
const { openPage } = suite;

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function waitForProvinces(page: Page): Promise<void> {
  await page.getByRole('table').getByRole('row').nth(1).waitFor();
}

test('a cadre signs in, sees their province, reads the page in English and signs out', async () => {
  const page = await openPage(DESKTOP);

  await page.goto(suite.product.url);
  await page.waitForURL('**/signin');
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'signin.png') });

  await signIn(page, 'canbo.ldg', 'demo1234');
  await page.waitForURL((url) => url.pathname === '/');
  const header = page.locator('header');
  await header.getByText('Cán bộ · Lâm Đồng', { exact: true }).waitFor();
  await page.getByText('Tài khoản', { exact: true }).waitFor();
  await waitForProvinces(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'home.png'), fullPage: true });

  await header.getByText('EN', { exact: true }).click();
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await signOut.waitFor();
  await page.getByText('Account', { exact: true }).waitFor();
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

  await signIn(page, 'canbo.ldg', 'not-the-password');

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

  await signIn(page, 'canbo.ldg', 'demo1234');
  await page.locator('header').getByText('Cán bộ · Lâm Đồng', { exact: true }).waitFor();
  await waitForProvinces(page);

  expect(await horizontalOverflow(page)).toBe(0);
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'home-phone.png') });
});

test('the sign-in route loads only its own JavaScript, small enough for a slow rural connection', async () => {
  const page = await openPage(PHONE, true);
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.url());
  });
  await page.goto(`${suite.product.url}/signin`);
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  await page.waitForLoadState('networkidle');

  // What the route costs over the wire: every script it fetched, gzipped as a server would send it.
  let gzipped = 0;
  for (const url of scripts) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  process.stdout.write(`sign-in route: ${scripts.length} scripts, ${(gzipped / 1024).toFixed(1)} kB gzipped\n`);
  // The signed-in pages (tables, charts, the trip form) and the app's operations stay out of it; the
  // rest is React, Ant Design's form controls, Apollo Client and i18next (about 310 kB in all).
  expect(scripts.some((url) => /ShellLayout|DashboardPage|CartesianChart|NewTripPage|\/gql-/.test(url))).toBe(false);
  expect(gzipped).toBeLessThan(330 * 1024);
});

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

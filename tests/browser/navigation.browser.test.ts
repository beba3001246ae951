import type { Page } from 'playwright-core';
import path from 'node:path';
import { browserSuite, DESKTOP, openNav, PHONE, SCREENSHOTS } from '../support/browser';

jest.setTimeout(120_000);

const suite = browserSuite();
const { openPage, signIn } = suite;

/** The vertical extent of the header's parts: on one line they all overlap one band. */
function headerRows(page: Page): Promise<Array<{ top: number; bottom: number }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.app-header > *'))
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ top: r.top, bottom: r.bottom })),
  );
}

const ROLES = ['admin.ldg', 'thuongtruc.ldg', 'truongban.ldg', 'canbo.ldg', 'coso.ldg', 'trunguong'];

test.each(ROLES)('the header menu of %s fits one line at 1280px', async (username) => {
  const page = await openPage(DESKTOP);
  await signIn(page, username);
  const nav = page.getByRole('navigation', { name: 'Điều hướng' });
  await nav.getByRole('link', { name: 'Trang chủ' }).waitFor();
  const parts = await headerRows(page);
  expect(parts.length).toBeGreaterThanOrEqual(4);
  const lowestTop = Math.max(...parts.map((p) => p.top));
  const highestBottom = Math.min(...parts.map((p) => p.bottom));
  expect(lowestTop).toBeLessThan(highestBottom);
});

test('the organisation department opens its accounts from the grouped menu and finds one without diacritics', async () => {
  const page = await openPage(DESKTOP);
  await signIn(page, 'admin.ldg');
  await openNav(page, 'Tổ chức', 'Tài khoản');
  await page.waitForURL('**/organisation/accounts');
  // The open page's group is the highlighted one.
  await page.locator('.app-header__nav .ant-menu-submenu-selected').getByText('Tổ chức').waitFor();
  const table = page.getByRole('table');
  await table.getByRole('cell', { name: 'canbo.ldg', exact: true }).waitFor();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'accounts.png'), fullPage: true });

  await page.getByLabel('Tìm tài khoản').fill('thuong truc');
  await table.getByRole('cell', { name: 'thuongtruc.ldg', exact: true }).waitFor();
  await table.getByRole('cell', { name: 'canbo.ldg', exact: true }).waitFor({ state: 'detached' });
});

test('on a 375px phone the drawer keeps the groups, opening the one of the current page', async () => {
  const page = await openPage(PHONE, true);
  await signIn(page, 'admin.ldg');
  await openNav(page, 'Tổ chức', 'Tài khoản');
  await page.waitForURL('**/organisation/accounts');
  await page.getByRole('heading', { name: 'Tài khoản' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

  await page.getByRole('button', { name: 'Mở menu' }).click();
  const drawer = page.getByRole('dialog').getByRole('navigation', { name: 'Điều hướng' });
  await drawer.getByRole('link', { name: 'Cán bộ', exact: true }).waitFor();
  await drawer.getByRole('menuitem', { name: 'Kết quả', exact: true }).click();
  await drawer.getByRole('link', { name: 'Kết quả thực hiện', exact: true }).click();
  await page.waitForURL('**/dashboard');
});

test('the grouped menu works from the keyboard', async () => {
  const page = await openPage(DESKTOP);
  await signIn(page, 'admin.ldg');
  const nav = page.getByRole('navigation', { name: 'Điều hướng' });
  await nav.getByRole('link', { name: 'Trang chủ' }).focus();
  await page.keyboard.press('ArrowRight');
  // The menu moves focus on its next frame, not within the key press.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Đi cơ sở', undefined, { timeout: 5_000 });
  await page.keyboard.press('Enter');
  await nav.getByRole('link', { name: 'Đăng ký đi cơ sở' }).waitFor();
  // The list opens with focus on its first page.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Đăng ký đi cơ sở', undefined, { timeout: 5_000 });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/trips/new');
});

import type { Page } from 'playwright-core';
import path from 'node:path';
import { browserSuite, DESKTOP, openNav, PHONE, SCREENSHOTS } from '../support/browser';

jest.setTimeout(120_000);

const suite = browserSuite();
const { openPage, signIn } = suite;

async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

test("the province admin reads Bình Thuận's 2019 figures, as reported before the merger", async () => {
  const page = await openPage(DESKTOP);
  await signIn(page, 'admin.ldg');
  await openNav(page, 'Kết quả', 'Kết quả thực hiện');
  await page.waitForURL('**/dashboard');
  await page.getByTestId('tile-agency').waitFor();
  await page.getByTestId('coverage').waitFor();
  await screenshot(page, 'dashboard.png');

  await pick(page, 'Tỉnh, thành phố', 'Bình Thuận (lịch sử)');
  await page.getByRole('heading', { level: 1, name: /Bình Thuận/ }).waitFor();
  await pick(page, 'Năm', '2019');
  await page.getByRole('heading', { level: 1, name: /Bình Thuận · 2019/ }).waitFor();
  await page.getByTestId('tile-agency').getByText('14/21').waitFor();

  expect(await page.getByTestId('tile-subject').textContent()).toContain('29');
  expect(await page.getByTestId('tile-executive').textContent()).toContain('29/37');
  expect(await page.getByTestId('tile-days').textContent()).toContain('1.785');
  expect(await page.getByTestId('tile-average').textContent()).toContain('61,55');
  expect(await page.getByTestId('tile-met').textContent()).toContain('100%');
  expect(await page.getByTestId('coverage').textContent()).toBe('17/18 đơn vị');
  await page
    .getByText(/Phú Quý/)
    .first()
    .waitFor();
  await page.getByRole('table').last().getByText('Đạt').first().waitFor();
  await screenshot(page, 'dashboard-history.png');
});

test('the dashboard fits a 375px-wide phone: its tables scroll inside their cards', async () => {
  const page = await openPage(PHONE, true);
  await signIn(page, 'admin.ldg');
  await page.goto(`${suite.product.url}/dashboard?year=2019&province=${await binhThuanId(page)}`);
  await page.getByTestId('tile-agency').getByText('14/21').waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

/** The id the province picker offers for Bình Thuận, read from the page rather than assumed. */
async function binhThuanId(page: Page): Promise<string> {
  await page.goto(`${suite.product.url}/dashboard`);
  await pick(page, 'Tỉnh, thành phố', 'Bình Thuận (lịch sử)');
  await page.waitForURL(/province=\d+/);
  return new URL(page.url()).searchParams.get('province') ?? '';
}

test('the central union compares the provinces and drills down into one', async () => {
  const page = await openPage(DESKTOP);
  await signIn(page, 'trunguong');
  await openNav(page, 'Kết quả', 'So sánh các tỉnh');
  await page.waitForURL('**/central');
  const table = page.getByRole('table');
  await table.getByRole('link', { name: 'Lâm Đồng', exact: true }).waitFor();
  expect(await table.getByRole('row').count()).toBeGreaterThan(30);
  await page.locator('.chart svg').first().waitFor();
  await screenshot(page, 'central.png');

  await table.getByRole('link', { name: 'Lâm Đồng', exact: true }).click();
  await page.waitForURL(/\/dashboard\?province=\d+/);
  await page.getByRole('heading', { level: 1, name: /Lâm Đồng/ }).waitFor();
  await page.getByTestId('tile-agency').waitFor();
});

test('the dashboard links to the page that says how every figure is computed, in Vietnamese and English', async () => {
  const page = await openPage(DESKTOP);
  await signIn(page, 'admin.ldg');
  await page.goto(`${suite.product.url}/dashboard`);
  await page.getByRole('link', { name: 'Cách tính số liệu' }).click();
  await page.waitForURL('**/figures');
  await page.getByRole('heading', { level: 1, name: 'Cách tính số liệu' }).waitFor();
  expect(await page.getByRole('term').allTextContents()).toContain('Số ngày phải đi');
  await page.getByText('60 × 153 ÷ 365 = 25,15 → 26').waitFor();
  await page.evaluate(() => localStorage.setItem('coso.lang', 'en'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'How figures are computed' }).waitFor();
  expect(await page.getByRole('term').allTextContents()).toContain('Required days');
});

const WIDE = { width: 1440, height: 900 };

/** How far the page, and each table inside it, would scroll sideways. */
function sideways(page: Page): Promise<{ page: number; tables: number[] }> {
  return page.evaluate(() => ({
    page: (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth,
    tables: Array.from(document.querySelectorAll('.ant-table-content, .ant-table-body')).map(
      (t) => t.scrollWidth - t.clientWidth,
    ),
  }));
}

test('at 1440 px the dashboard labels its figures, its states add up, and nothing scrolls sideways', async () => {
  const page = await openPage(WIDE);
  await signIn(page, 'admin.hcm');
  await page.goto(`${suite.product.url}/dashboard`);
  await page.getByTestId('tile-met').waitFor();
  await page.getByRole('table').first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.getByTestId('tile-met').textContent()).toMatch(/^Đạt\d+\/\d+ \(\d+(,\d+)?%\)/u);
  expect(await page.getByTestId('tile-met').textContent()).not.toMatch(/^Đạt0\//u);
  expect(await page.getByTestId('tile-subject').textContent()).toMatch(/^Cán bộ thuộc diện\d+$/u);
  const overflow = await sideways(page);
  expect(overflow.page).toBeLessThanOrEqual(0);
  expect(overflow.tables.filter((t) => t > 0)).toEqual([]);
  await screenshot(page, 'dashboard-1440.png');
});

test('at 1440 px the central page lists provinces without data last, as "Chưa có số liệu", without sideways scrolling', async () => {
  const page = await openPage(WIDE);
  await signIn(page, 'trunguong');
  await page.goto(`${suite.product.url}/central`);
  const table = page.getByRole('table');
  await table.getByRole('link', { name: 'Hồ Chí Minh', exact: true }).waitFor();
  await page.locator('.chart svg').first().waitFor();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
  const noData = rows.map((cells) => cells.includes('Chưa có số liệu'));
  expect(noData.indexOf(true)).toBeGreaterThan(0);
  // Every province with data comes before every province without.
  expect(noData.slice(noData.indexOf(true)).every(Boolean)).toBe(true);
  const hcm = rows.find((cells) => cells[0] === 'Hồ Chí Minh') ?? [];
  expect(hcm).not.toContain('Chưa có số liệu');
  expect(hcm[2]).not.toBe('0%');
  const overflow = await sideways(page);
  expect(overflow.page).toBeLessThanOrEqual(0);
  expect(overflow.tables.filter((t) => t > 0)).toEqual([]);
  await screenshot(page, 'central-1440.png');
});

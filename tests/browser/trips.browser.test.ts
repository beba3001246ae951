import type { Locator, Page } from 'playwright-core';
import path from 'node:path';
import { browserSuite, DESKTOP, openNav, PHONE, SCREENSHOTS } from '../support/browser';

jest.setTimeout(120_000);

const suite = browserSuite();
const { openPage, signIn } = suite;

const NEXT_YEAR = new Date().getFullYear() + 1;

/** The text of one item of an antd Descriptions list, by its label. */
function descriptionValue(page: Page, label: string) {
  return page.locator('.ant-descriptions-item').filter({ hasText: label }).locator('.ant-descriptions-item-content');
}

/**
 * Waits (up to 15 s) for a locator's text to become `expected`; returns the last text seen. `read`
 * reads something else of it (an attribute).
 */
async function textBecomes(
  locator: Locator,
  expected: string,
  read: (l: Locator) => Promise<string> = (l) => l.innerText(),
): Promise<string> {
  const deadline = Date.now() + 15_000;
  let text = '';
  while (Date.now() < deadline) {
    text = (await read(locator)).trim();
    if (text === expected) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return text;
}

/** One province's cell in the central comparison, by the column's header. */
async function centralCell(page: Page, province: string, header: string) {
  const headers = await page.getByRole('columnheader').allInnerTexts();
  const column = headers.findIndex((h) => h.trim() === header);
  expect(column).toBeGreaterThan(0);
  return page.getByRole('row').filter({ hasText: province }).getByRole('cell').nth(column);
}

/** Two days in January of next year: always ahead, in one year, and clear of the demo's own trips. */
function nextJanuary(day: number): { start: string; end: string } {
  const year = new Date().getFullYear() + 1;
  const dd = (n: number) => String(n).padStart(2, '0');
  return { start: `${dd(day)}/01/${year}`, end: `${dd(day + 1)}/01/${year}` };
}

/** A full-page picture from the top, after the menu's underline has finished moving. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function fillRegistration(page: Page, title: string, day: number): Promise<void> {
  const { start, end } = nextJanuary(day);
  await page.getByLabel('Tên chuyến đi').fill(title);
  await page.getByLabel('Mục đích').fill('Nắm tình hình đoàn viên sau sắp xếp đơn vị hành chính.');
  await page.getByLabel('Kết quả dự kiến').fill('Báo cáo tình hình đoàn viên và kiến nghị gửi Thường trực.');
  await page.getByPlaceholder('Ngày đi').click();
  await page.getByPlaceholder('Ngày đi').fill(start);
  await page.getByPlaceholder('Ngày đi').press('Enter');
  await page.getByPlaceholder('Ngày về').fill(end);
  await page.getByPlaceholder('Ngày về').press('Enter');
  // The server searches without diacritics: "da huoai" finds "Đạ Huoai".
  const destinations = page.getByLabel('Đơn vị đến');
  await destinations.click();
  await destinations.fill('da huoai');
  await page.locator('.ant-select-item-option').filter({ hasText: 'Đoàn xã Đạ Huoai' }).first().click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Kinh phí dự kiến').fill('1500000');
  await page.getByLabel('Số công lệnh').click();
  expect(await page.getByLabel('Kinh phí dự kiến').inputValue()).toBe('1.500.000');
}

test('a cadre registers a trip; the Standing Board sees it live and approves it; the cadre’s days and the central comparison follow live', async () => {
  const title = `Khảo sát công tác đoàn viên tại Đạ Huoai ${Date.now()}`;
  const cadre = await openPage(DESKTOP);
  const board = await openPage(DESKTOP);
  const cadreHome = await openPage(DESKTOP);
  const central = await openPage(DESKTOP);
  await signIn(cadre, 'canbo.ldg');
  await signIn(board, 'thuongtruc.ldg');

  // The same cadre on a second device keeps next year's progress open; the central union its comparison.
  await signIn(cadreHome, 'canbo.ldg');
  await cadreHome.getByLabel('Năm').click();
  await cadreHome
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: String(NEXT_YEAR) })
    .click();
  await cadreHome.getByRole('heading', { name: `Tiến độ của tôi năm ${NEXT_YEAR}` }).waitFor();
  const upcoming = descriptionValue(cadreHome, 'Đã duyệt, sắp đi');
  const upcomingBefore = Number((await upcoming.innerText()).replace(/\D/g, ''));
  await signIn(central, 'trunguong');
  await central.goto(`${suite.product.url}/central?year=${NEXT_YEAR}`);
  await central.getByRole('heading', { name: new RegExp(`So sánh các tỉnh năm ${NEXT_YEAR}`) }).waitFor();
  await central.getByRole('row').filter({ hasText: 'Lâm Đồng' }).waitFor();
  // Trips carried out in the cell; registered and approved in its title ("Đăng ký 3, được duyệt 2").
  const ldgTrips = (await centralCell(central, 'Lâm Đồng', 'Chuyến đã thực hiện')).locator('[title]');
  const tripCounts = async (l: Locator) => (await l.getAttribute('title')) ?? '';
  const [registeredBefore, approvedBefore] = ((await tripCounts(ldgTrips)).match(/\d+/g) ?? []).map(Number);

  await openNav(board, 'Đi cơ sở', 'Duyệt đăng ký');
  await board.waitForURL('**/approvals');
  await board.getByRole('table').getByRole('row').nth(1).waitFor();

  await openNav(cadre, 'Đi cơ sở', 'Đăng ký đi cơ sở');
  await cadre.waitForURL('**/trips/new');
  await fillRegistration(cadre, title, 12);
  // The province's rules are checked as the form is filled, before anything is sent.
  await cadre.getByText('Đăng ký phù hợp với quy định của tỉnh.').waitFor();
  await screenshot(cadre, 'trip-form.png');

  await cadre.getByRole('button', { name: 'Gửi duyệt' }).click();
  await cadre.waitForURL(/\/trips\/[0-9a-f-]{36}$/);
  await cadre.getByRole('heading', { name: title }).waitFor();
  await cadre.locator('.trip-detail__head').getByText('Chờ duyệt', { exact: true }).waitFor();

  // No reload: the registration reaches the Standing Board's queue over the live connection.
  const row = board.getByRole('row').filter({ hasText: title });
  await row.waitFor({ timeout: 15_000 });
  await screenshot(board, 'approvals.png');
  await row.getByRole('checkbox').check();
  await board.locator('.bulk-bar').getByRole('button', { name: 'Duyệt' }).click();
  const dialog = board.getByRole('dialog');
  await dialog.getByText('Duyệt 1 chuyến đi?').waitFor();
  await dialog.getByRole('button', { name: 'Duyệt' }).click();
  await row.waitFor({ state: 'detached' });

  // The cadre's open page follows the decision, live as well.
  await cadre.locator('.trip-detail__head').getByText('Đã duyệt', { exact: true }).waitFor({ timeout: 15_000 });
  await cadre.locator('.trip-timeline').getByText('Duyệt', { exact: true }).waitFor();
  await screenshot(cadre, 'trip-detail.png');

  // Two approved days ahead, on the cadre's other page; one more trip registered and approved for Lâm Đồng at the centre. No reload.
  expect(await textBecomes(upcoming, `${upcomingBefore + 2} ngày`)).toBe(`${upcomingBefore + 2} ngày`);
  const counts = `Đăng ký ${registeredBefore + 1}, được duyệt ${approvedBefore + 1}`;
  expect(await textBecomes(ldgTrips, counts, tripCounts)).toBe(counts);

  await openNav(board, 'Đi cơ sở', /Hoạt động mới/);
  await board.waitForURL('**/feed');
  await board.locator('.feed__item').filter({ hasText: title }).first().waitFor();
  await screenshot(board, 'feed.png');

  await openNav(cadre, 'Đi cơ sở', 'Chuyến đi của tôi');
  await cadre.locator('.trip-card').filter({ hasText: title }).getByText('Đã duyệt', { exact: true }).waitFor();
});

test('live wherever the app is opened: a registration sent at 127.0.0.1 reaches an approvals page opened at localhost within 2 s', async () => {
  // The product runs as `pnpm start` runs it, with no ALLOWED_ORIGINS: each page's own address must do.
  const port = new URL(suite.product.url).port;
  const title = `Nắm tình hình chi đoàn thôn ${Date.now()}`;
  const cadre = await openPage(DESKTOP);
  const board = await openPage(DESKTOP);
  const refused: string[] = [];
  for (const page of [cadre, board]) {
    page.on('console', (message) => {
      if (/WebSocket|Authentication failed/i.test(message.text())) refused.push(message.text());
    });
  }
  await signIn(cadre, 'canbo.ldg', `http://127.0.0.1:${port}`);
  await signIn(board, 'thuongtruc.ldg', `http://localhost:${port}`);
  await openNav(board, 'Đi cơ sở', 'Duyệt đăng ký');
  await board.waitForURL(`http://localhost:${port}/approvals`);
  await board.getByRole('table').getByRole('row').nth(1).waitFor();

  await openNav(cadre, 'Đi cơ sở', 'Đăng ký đi cơ sở');
  await fillRegistration(cadre, title, 24);
  await cadre.getByText('Đăng ký phù hợp với quy định của tỉnh.').waitFor();
  await cadre.getByRole('button', { name: 'Gửi duyệt' }).click();
  await cadre.waitForURL(/\/trips\/[0-9a-f-]{36}$/);
  await board.getByRole('row').filter({ hasText: title }).waitFor({ timeout: 2_000 });
  expect(refused).toEqual([]);
});

test('the registration form fits a 375px-wide phone, with the navigation in a menu', async () => {
  const page = await openPage(PHONE, true);
  await signIn(page, 'canbo.ldg');

  await openNav(page, 'Đi cơ sở', 'Đăng ký đi cơ sở');
  await page.waitForURL('**/trips/new');
  await page.getByLabel('Tên chuyến đi').waitFor();
  expect(await horizontalOverflow(page)).toBe(0);

  await fillRegistration(page, 'Dự sinh hoạt Chi đoàn thôn 2 xã Đạ Huoai', 20);
  await page.getByText('Đăng ký phù hợp với quy định của tỉnh.').waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  await screenshot(page, 'trip-form-phone.png');
});

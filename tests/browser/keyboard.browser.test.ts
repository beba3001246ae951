import type { Locator, Page } from 'playwright-core';
import { browserSuite, DESKTOP } from '../support/browser';

jest.setTimeout(180_000);

const suite = browserSuite();
const { openPage } = suite;

function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

/** What has the focus, for a failure message: its tag and name. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? ''}` : 'nothing';
  });
}

/** Presses Tab (a person's only way around) until `target` has the focus; fails past `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the target; the focus is on ${await focused(page)}`);
}

/** Two days in February of next year: ahead, in one year, and clear of the demo's trips and other tests'. */
function nextFebruary(): { start: string; end: string } {
  const year = new Date().getFullYear() + 1;
  return { start: `16/02/${year}`, end: `17/02/${year}` };
}

test('a cadre registers a trip and sends a report with the keyboard alone', async () => {
  const page = await openPage(DESKTOP);
  await page.goto(`${suite.product.url}/signin`);
  await tabTo(page, page.getByLabel('Tên đăng nhập'));
  await page.keyboard.type('canbo.ldg');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo1234');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByTestId('viewer').locator('.app-header__meta').waitFor();

  // The first tab stop skips the header and its menu.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Bỏ qua đến nội dung chính' });
  expect(await isFocused(skip)).toBe(true);
  expect(await skip.isVisible()).toBe(true);

  // The menu: Tab reaches its first entry, the arrows the next ones; a group opens with Enter, its first
  // page then has the focus.
  const nav = page.getByRole('navigation', { name: 'Điều hướng' });
  const openTrips = async () => {
    await tabTo(page, nav.getByRole('link', { name: 'Trang chủ' }));
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Đi cơ sở', undefined, { timeout: 5_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Đăng ký đi cơ sở', undefined, { timeout: 5_000 });
  };
  await openTrips();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/trips/new');

  const title = `Nắm tình hình đoàn viên bằng bàn phím ${Date.now()}`;
  const { start, end } = nextFebruary();
  await tabTo(page, page.getByLabel('Tên chuyến đi'));
  await page.keyboard.type(title);
  await tabTo(page, page.getByLabel('Mục đích'));
  await page.keyboard.type('Gặp Ban Chấp hành Đoàn xã, nghe tâm tư đoàn viên.');
  await tabTo(page, page.getByLabel('Kết quả dự kiến'));
  await page.keyboard.type('Báo cáo tâm tư, kiến nghị của đoàn viên.');
  await tabTo(page, page.getByPlaceholder('Ngày đi'));
  await page.keyboard.type(start);
  await page.keyboard.press('Enter');
  // The range picker moves on to the end date by itself.
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.placeholder === 'Ngày về');
  await page.keyboard.type(end);
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Đơn vị đến'));
  await page.keyboard.type('da huoai');
  await page.locator('.ant-select-item-option-active').filter({ hasText: 'Đoàn xã Đạ Huoai' }).waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.getByText('Đăng ký phù hợp với quy định của tỉnh.').waitFor();
  await tabTo(page, page.getByRole('button', { name: 'Gửi duyệt' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/trips\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: title }).waitFor();
  await page.locator('.trip-detail__head').getByText('Chờ duyệt', { exact: true }).waitFor();

  // A trip made and waiting for its report, from the list of the cadre's trips.
  await page.locator('body').focus();
  await openTrips();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Chuyến đi của tôi', undefined, { timeout: 5_000 });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/trips/mine');
  const report = page.locator('main').getByRole('button', { name: 'Viết báo cáo' }).first();
  await tabTo(page, report, 200);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Báo cáo kết quả chuyến đi' });
  await dialog.waitFor();
  await tabTo(page, dialog.getByLabel('Kết quả nắm tình hình'));
  await page.keyboard.type('Chi đoàn sinh hoạt đều, đoàn viên cần thêm việc làm tại chỗ.');
  // What the trip's kind asks besides.
  const extra: Array<[string, string]> = [
    ['Số đoàn viên có mặt', '18'],
    ['Nội dung, chất lượng buổi sinh hoạt', 'Sinh hoạt đúng nội dung, đoàn viên phát biểu sôi nổi.'],
    ['Kết luận kiểm tra, giám sát', 'Thực hiện đúng quy định, cần bổ sung sổ sách.'],
    ['Kết quả hoạt động phối hợp', 'Tổ chức xong ngày hội việc làm với 200 đoàn viên.'],
  ];
  for (const [label, text] of extra) {
    const field = dialog.getByLabel(label);
    if ((await field.count()) === 0) continue;
    await tabTo(page, field);
    await page.keyboard.type(text);
  }
  await tabTo(page, dialog.getByRole('button', { name: 'Nộp báo cáo' }));
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('.trip-detail__head').getByText('Đã báo cáo', { exact: true }).waitFor({ timeout: 15_000 });
});

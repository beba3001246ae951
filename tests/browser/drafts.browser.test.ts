import { browserSuite, openNav, PHONE } from '../support/browser';

jest.setTimeout(120_000);

const suite = browserSuite();
const { openPage, signIn } = suite;

test('a registration typed on a phone survives a reload of the tab', async () => {
  const page = await openPage(PHONE, true);
  await signIn(page, 'canbo.ldg');
  await openNav(page, 'Đi cơ sở', 'Đăng ký đi cơ sở');
  await page.waitForURL('**/trips/new');

  const title = 'Nắm tình hình thanh niên xã Đạ Huoai';
  const purpose = 'Gặp Ban Chấp hành Đoàn xã, nghe tâm tư đoàn viên về việc làm.';
  await page.getByLabel('Tên chuyến đi').fill(title);
  await page.getByLabel('Mục đích').fill(purpose);
  const destinations = page.getByLabel('Đơn vị đến');
  await destinations.click();
  await destinations.fill('da huoai');
  await page.locator('.ant-select-item-option').filter({ hasText: 'Đoàn xã Đạ Huoai' }).first().click();
  await page.keyboard.press('Escape');

  await page.reload();

  const notice = page.getByText(/^Đã khôi phục bản nháp lưu trên máy này lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
  await notice.waitFor();
  expect(await notice.isVisible()).toBe(true);
  expect(await page.getByLabel('Tên chuyến đi').inputValue()).toBe(title);
  expect(await page.getByLabel('Mục đích').inputValue()).toBe(purpose);
  // The chosen host unit comes back by its name, before any search on this page.
  await page.locator('.ant-select-selection-item').filter({ hasText: 'Đoàn xã Đạ Huoai' }).waitFor();
});

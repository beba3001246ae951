import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, DESKTOP, SCREENSHOTS } from '../support/browser';

jest.setTimeout(120_000);

const suite = browserSuite();
const { openPage, signIn } = suite;

/** The phone the homes are designed for first. */
const PHONE_390 = { width: 390, height: 844 };

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Antd cards show a skeleton while their query runs: wait until none is left. */
const settled = (page: Page) => page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });

describe('the home of the roles that use the product most, on a phone', () => {
  it('shows a cadre their progress, reports to send, next trips and the register button, not the provinces’ table', async () => {
    const page = await openPage(PHONE_390, true);
    await signIn(page, 'canbo.ldg');

    await page.getByRole('heading', { level: 1, name: 'Trang chủ' }).waitFor({ state: 'attached' });
    await page.getByRole('heading', { level: 2, name: /^Tiến độ của tôi năm \d{4}$/ }).waitFor();
    for (const title of ['Báo cáo cần nộp', 'Chuyến đi sắp tới của tôi']) {
      await page.getByRole('heading', { name: title }).waitFor();
    }
    await page.getByText('Lịch riêng', { exact: true }).waitFor();
    await settled(page);
    expect(await page.getByText('Ngày ở vùng khó', { exact: true }).count()).toBe(1);
    // The demo cadre has trips coming: each shows its state.
    const next = page.getByRole('list', { name: 'Chuyến đi sắp tới của tôi' });
    await next.getByRole('listitem').first().waitFor();
    expect(await next.locator('.trip-state').count()).toBe(await next.getByRole('listitem').count());
    // Due dates are written dd/MM/yyyy.
    const reports = page.getByRole('list', { name: 'Báo cáo cần nộp' });
    if (await reports.count()) expect(await reports.innerText()).toMatch(/Hạn nộp \d{2}\/\d{2}\/\d{4}/);
    expect(await page.locator('.ant-table').count()).toBe(0); // no provinces' table

    const register = page.getByRole('button', { name: 'Đăng ký đi cơ sở' });
    const box = await register.boundingBox();
    // Prominent: above the fold and across the phone's width.
    expect(box && box.y < PHONE_390.height / 2 && box.width > PHONE_390.width * 0.8).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-cadre-phone.png'), fullPage: true });

    await register.click();
    await page.waitForURL((url) => url.pathname === '/trips/new');
  });

  it('shows a host unit the delegations coming, a merged one as one card with all its members', async () => {
    const page = await openPage(PHONE_390, true);
    await signIn(page, 'coso.ldg');

    const arriving = page.getByRole('list', { name: 'Đoàn sắp đến trong 4 tuần tới' });
    await arriving.waitFor();
    for (const title of ['Chuyến đi chờ ý kiến của đơn vị', 'Yêu cầu khắc phục cần thực hiện']) {
      await page.getByRole('heading', { name: title }).waitFor();
    }
    await page.getByText('Lịch riêng', { exact: true }).waitFor();
    await settled(page);

    // The demo merges two trips to this commune in December: one card names both and all their people.
    const merged = arriving.locator('.home-visit').filter({ hasText: 'Đoàn đã ghép: 2 chuyến đi' });
    await merged.waitFor();
    expect(await arriving.locator('.home-visit').filter({ hasText: 'Đoàn đã ghép' }).count()).toBe(1);
    expect(await merged.locator('.home-visit__trips li').count()).toBe(2);
    expect(await merged.innerText()).toMatch(/Trưởng đoàn: .+, .+/);
    expect(await page.locator('.ant-table').count()).toBe(0); // no provinces' table
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-host-phone.png'), fullPage: true });
  });

  it('lays the cadre’s home out in columns on a desktop', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'canbo.ldg');
    await page.getByRole('heading', { level: 2, name: /^Tiến độ của tôi năm/ }).waitFor();
    await settled(page);
    const progress = await page.getByRole('heading', { level: 2, name: /^Tiến độ của tôi năm/ }).boundingBox();
    const reports = await page.getByRole('heading', { name: 'Báo cáo cần nộp' }).boundingBox();
    expect(progress && reports && reports.x > progress.x + 200).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-cadre-desktop.png'), fullPage: true });
  });
});

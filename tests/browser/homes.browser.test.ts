import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, DESKTOP, openNav, SCREENSHOTS } from '../support/browser';

jest.setTimeout(120_000);

const suite = browserSuite();
const { openPage, signIn } = suite;

/** The phone the homes are designed for first. */
const PHONE_390 = { width: 390, height: 844 };
/** A wide office screen. */
const DESKTOP_1440 = { width: 1440, height: 900 };
const YEAR = new Date().getFullYear();

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

describe('the home of those who run the province and the country', () => {
  /** Waits for each card title, then for the cards' queries. */
  const sections = async (page: Page, titles: Array<string | RegExp>) => {
    for (const title of titles) await page.getByRole('heading', { level: 2, name: title }).waitFor();
    await settled(page);
  };

  it('shows the standing board what waits on it on a phone: registrations, trips past their date, merges, overloaded hosts', async () => {
    const page = await openPage(PHONE_390, true);
    await signIn(page, 'thuongtruc.ldg');
    await sections(page, [
      'Đăng ký chờ duyệt',
      'Chờ duyệt nhưng đã quá ngày đi',
      'Gợi ý ghép đoàn trong 8 tuần tới',
      'Đơn vị tiếp quá nhiều đoàn tháng này',
      /^Tiến độ của tôi năm \d{4}$/,
    ]);
    // The demo has registrations waiting: how many, and for how long the oldest has waited.
    const waiting = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Đăng ký chờ duyệt' }) });
    expect(await waiting.innerText()).toMatch(/\d+\s*đăng ký[\s\S]*(chờ lâu nhất \d+ ngày|gửi trong hôm nay)/);
    expect(await waiting.getByRole('link', { name: 'Mở trang duyệt' }).getAttribute('href')).toBe('/approvals');
    // Trips pending past their first day, when there are any, are flagged above everything and listed with links.
    const past = page.getByRole('list', { name: 'Chờ duyệt nhưng đã quá ngày đi' });
    if (await past.count()) {
      await page.getByText(/chuyến đi chưa được duyệt mà đã quá ngày đi$/).waitFor();
      expect(await past.getByText('Đã quá ngày đi').count()).toBeGreaterThan(0);
    }
    expect(await page.locator('.ant-table').count()).toBe(0); // no provinces' table
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-board-phone.png'), fullPage: true });
  });

  it('lays the board’s home out in columns at 1440 px, and its merge link opens the suggestions on the approvals page', async () => {
    const page = await openPage(DESKTOP_1440);
    await signIn(page, 'thuongtruc.ldg');
    await sections(page, ['Đăng ký chờ duyệt', 'Chờ duyệt nhưng đã quá ngày đi']);
    const waiting = await page.getByRole('heading', { name: 'Đăng ký chờ duyệt' }).boundingBox();
    const past = await page.getByRole('heading', { name: 'Chờ duyệt nhưng đã quá ngày đi' }).boundingBox();
    expect(waiting && past && past.x > waiting.x + 400 && Math.abs(past.y - waiting.y) < 40).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-board-desktop.png'), fullPage: true });

    // The demo merges only some trips: when the API still suggests a merge, the home links to it.
    const merge = page.getByRole('link', { name: 'Ghép đoàn', exact: true });
    if (await merge.count()) {
      await merge.click();
      await page.waitForURL((url) => url.pathname === '/approvals' && url.searchParams.get('tab') === 'approved');
      await page.getByRole('region', { name: 'Gợi ý ghép đoàn' }).waitFor();
    }
  });

  it('shows a department head the quarter’s plan, reports to accept and members at risk on a phone', async () => {
    const page = await openPage(PHONE_390, true);
    await signIn(page, 'truongban.ldg');
    await sections(page, [
      /^Kế hoạch quý [1-4]\/\d{4} của Ban$/,
      'Báo cáo chờ Trưởng ban chấp nhận',
      `Cán bộ cần chú ý năm ${YEAR}`,
      /^Tiến độ của tôi năm \d{4}$/,
    ]);
    const plan = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: /^Kế hoạch quý/ }) });
    expect(await plan.innerText()).toMatch(/Ban Phong trào/);
    expect(await plan.getByRole('link', { name: 'Mở kế hoạch của Ban' }).getAttribute('href')).toBe('/department/plan');
    expect(await page.locator('.ant-table').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-department-phone.png'), fullPage: true });
  });

  it('shows the central union the year summed up and its alerts on a phone, and the provinces’ list on a page of its own', async () => {
    const page = await openPage(PHONE_390, true);
    await signIn(page, 'trunguong');
    await sections(page, [`Toàn quốc năm ${YEAR}`, `Tỉnh chưa có số liệu năm ${YEAR}`, 'Tỉnh chậm tiến độ']);
    const summary = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: `Toàn quốc năm ${YEAR}` }) });
    expect(await summary.innerText()).toMatch(/Tỉnh có số liệu\s*\d+\s*\/\s*\d+/);
    expect(await summary.getByRole('link', { name: 'Mở so sánh các tỉnh' }).getAttribute('href')).toBe(`/central?year=${YEAR}`);
    expect(await page.locator('.ant-table').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-central-phone.png'), fullPage: true });

    await openNav(page, 'Kết quả', 'Danh sách tỉnh, thành');
    await page.waitForURL((url) => url.pathname === '/provinces');
    // Sorted by name, current and merged provinces alike.
    await page.getByRole('table').getByRole('cell', { name: 'An Giang', exact: true }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('shows the organisation department the board’s summary and its own tasks on a phone', async () => {
    const page = await openPage(PHONE_390, true);
    await signIn(page, 'admin.ldg');
    await sections(page, ['Đăng ký chờ duyệt', 'Chờ duyệt nhưng đã quá ngày đi', 'Việc của Ban Tổ chức']);
    const tasks = page.getByRole('list', { name: 'Việc của Ban Tổ chức' });
    await tasks.getByText(`Quy định năm ${YEAR}`).waitFor();
    expect(await tasks.innerText()).toMatch(/Chuyên trách cơ quan \d+\/\d+ · Ủy viên BCH chuyên trách \d+\/\d+/);
    // The approvals page is the board's: the organisation department is not offered it.
    expect(await page.getByRole('link', { name: 'Mở trang duyệt' }).count()).toBe(0);
    expect(await page.locator('.ant-table').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-organisation-phone.png'), fullPage: true });
  });
});

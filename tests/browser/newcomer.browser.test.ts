import type { Page } from 'playwright-core';
import path from 'node:path';
import { browserSuite, openNav, SCREENSHOTS } from '../support/browser';

jest.setTimeout(120_000);

const suite = browserSuite();
const { openPage, signIn } = suite;

/** The sizes the issue was found at: a common phone and a wide desktop. */
const PHONE_390 = { width: 390, height: 844 };
const WIDE = { width: 1440, height: 900 };

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** WCAG's contrast ratio of the element's text against the band's background, from the computed colours. */
function taglineContrast(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = ([r, g, b]: number[]) =>
      [r, g, b]
        .map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const text = luminance(rgb(getComputedStyle(document.querySelector('.signin__tagline')!).color));
    const band = luminance(rgb(getComputedStyle(document.querySelector('.signin__band')!).backgroundColor));
    return (Math.max(text, band) + 0.05) / (Math.min(text, band) + 0.05);
  });
}

describe('a newcomer', () => {
  it.each([
    ['a phone', PHONE_390, true, 'signin-phone.png'],
    ['a desktop', WIDE, false, 'signin.png'],
  ])(
    'reads the sign-in page whole on %s: brand and tagline on the blue band, the form below it',
    async (_, size, phone, file) => {
      const page = await openPage(size, phone);
      await page.goto(`${suite.product.url}/signin`);
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      const band = (await page.locator('.signin__band').boundingBox())!;
      for (const part of ['.signin__brand .brand', '.signin__tagline']) {
        const box = (await page.locator(part).boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(band.y);
        expect(box.y + box.height).toBeLessThanOrEqual(band.y + band.height);
      }
      expect(await page.locator('.signin__tagline').innerText()).toBe('Theo dõi cán bộ Đoàn đi cơ sở');
      expect(await taglineContrast(page)).toBeGreaterThanOrEqual(4.5);
      // The card's title sits on the white card, below the band's content.
      const title = (await page.getByRole('heading', { name: 'Đăng nhập' }).boundingBox())!;
      const tagline = (await page.locator('.signin__tagline').boundingBox())!;
      expect(title.y).toBeGreaterThan(tagline.y + tagline.height);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, file) });
    },
  );

  it('signs out on a phone from the menu, where “Đăng xuất” is a labelled entry, and reads the progress title whole', async () => {
    const page = await openPage(PHONE_390, true);
    await signIn(page, 'canbo.ldg');
    const progress = page.getByRole('heading', { level: 2, name: /^Tiến độ của tôi năm \d{4}$/ });
    await progress.waitFor();
    // Not cut to "…năm 20": the card's title box holds its whole text.
    const cut = await page.locator('.my-compliance .ant-card-head-title').evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(cut).toBe(false);
    // No icon-only sign-out beside the language switch.
    expect(await page.getByRole('button', { name: 'Đăng xuất' }).isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Mở menu' }).click();
    const drawer = page.getByRole('dialog');
    const entry = drawer.getByRole('menu', { name: 'Tài khoản' }).getByRole('menuitem', { name: 'Đăng xuất' });
    await entry.waitFor();
    expect((await entry.innerText()).trim()).toBe('Đăng xuất');
    await page.waitForTimeout(400); // the drawer has finished sliding in
    await page.screenshot({ path: path.join(SCREENSHOTS, 'menu-phone.png') });
    await entry.click();
    await page.waitForURL('**/signin');
    expect(await page.evaluate(() => localStorage.getItem('coso.token'))).toBeNull();
  });

  it('picks a trip’s dates on a phone one month at a time, inside the screen', async () => {
    const page = await openPage(PHONE_390, true);
    await signIn(page, 'canbo.ldg');
    await openNav(page, 'Đi cơ sở', 'Đăng ký đi cơ sở');
    await page.waitForURL('**/trips/new');

    await page.getByPlaceholder('Ngày đi').click();
    const popup = page.locator('.date-range-popup:not(.ant-picker-dropdown-hidden)');
    await popup.waitFor();
    await page.waitForTimeout(400);
    const months = popup.locator('.ant-picker-date-panel');
    const visible = async () => (await months.evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0))).length;
    // The popup may still be opening on a loaded machine: wait for a month to show, then count them.
    for (let i = 0; i < 50 && (await visible()) === 0; i += 1) await page.waitForTimeout(100);
    expect(await visible()).toBe(1);
    const box = (await popup.locator('.ant-picker-panel-container').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE_390.width);
    expect(await horizontalOverflow(page)).toBe(0);

    // The one month shown moves forward with its own arrow.
    const month = popup.locator('.ant-picker-header-view').first();
    const before = await month.innerText();
    await popup.getByRole('button', { name: 'Tháng sau' }).first().click();
    expect(await month.innerText()).not.toBe(before);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'date-range-phone.png') });

    // The end date too, still one month inside the screen.
    await page.getByPlaceholder('Ngày về').click();
    await page.waitForTimeout(400);
    expect(await visible()).toBe(1);
    const end = (await popup.locator('.ant-picker-panel-container').boundingBox())!;
    expect(end.x).toBeGreaterThanOrEqual(0);
    expect(end.x + end.width).toBeLessThanOrEqual(PHONE_390.width);
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('sees a merged delegation coming to the unit as one card listing all its trips and members', async () => {
    const page = await openPage(PHONE_390, true);
    await signIn(page, 'coso.ldg');
    await page.goto(`${suite.product.url}/incoming`);
    await page.getByRole('heading', { name: 'Đoàn công tác sắp đến' }).waitFor();

    // The demo merges two trips to this commune in December: one card, not two each tagged "Đã ghép đoàn".
    const merged = page.locator('.trip-card').filter({ hasText: 'Đoàn đã ghép: 2 chuyến đi' });
    await merged.waitFor();
    expect(await page.locator('.trip-card').filter({ hasText: 'Đoàn đã ghép' }).count()).toBe(1);
    expect(await page.getByText('Đã ghép đoàn', { exact: true }).count()).toBe(0);
    expect(await merged.locator('.incoming-visit__trips li').count()).toBe(2);
    expect(await merged.innerText()).toMatch(/Trưởng đoàn: .+\), .+\)/);
    expect(await horizontalOverflow(page)).toBe(0);
    await merged.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incoming-phone.png') });
  });
});

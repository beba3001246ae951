import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startProduct } from './server';

export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

/** Debian's Chromium, never a downloaded browser; these flags keep it off the (closed) network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** A signed-in browser's storage, from `page.context().storageState()`. */
export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface BrowserSuite {
  /** The running product (set once the suite has started). */
  product: { url: string; stop: () => Promise<void> };
  /** `signedInAs` opens the page with the browser storage a `signIn` left (its token), skipping the sign-in page. */
  openPage: (viewport: { width: number; height: number }, phone?: boolean, signedInAs?: StorageState) => Promise<Page>;
  /**
   * Signs a demo account in through the sign-in page and waits for the signed-in header. `base` is the
   * product's address (default: this suite's product).
   */
  signIn: (page: Page, username: string, base?: string) => Promise<void>;
}

/**
 * A browser test file's fixtures: the built product with demo data on a free port, one Chromium,
 * a fresh Vietnamese-locale context per page, closed after each test.
 */
export function browserSuite(): BrowserSuite {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const suite = { product: undefined as unknown as BrowserSuite['product'] } as BrowserSuite;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    suite.product = await startProduct();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await suite.product?.stop();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  suite.openPage = async (viewport, phone = false, signedInAs) => {
    const context = await browser.newContext({
      storageState: signedInAs,
      viewport,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      isMobile: phone,
      hasTouch: phone,
      deviceScaleFactor: phone ? 2 : 1,
    });
    contexts.push(context);
    return context.newPage();
  };

  suite.signIn = async (page, username, base = suite.product.url) => {
    await page.goto(`${base}/signin`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill('demo1234');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    // Central users have no province after their role, so wait for the role line itself.
    await page.getByTestId('viewer').locator('.app-header__meta').waitFor();
  };

  return suite;
}

/**
 * Opens a page from the header menu as a person would: on a wide screen the group's entry opens its
 * list; on a phone the menu button opens the drawer first. A group the role sees with a single page
 * shows that page directly, so the link is clicked without opening anything.
 */
export async function openNav(page: Page, group: string, link: string | RegExp): Promise<void> {
  const phone = (page.viewportSize()?.width ?? DESKTOP.width) < 1200;
  if (phone) await page.getByRole('button', { name: 'Mở menu' }).click();
  const nav = phone
    ? page.getByRole('dialog').getByRole('navigation', { name: 'Điều hướng' })
    : page.getByRole('navigation', { name: 'Điều hướng' });
  const target = nav.getByRole('link', { name: link, exact: typeof link === 'string' });
  const entry = nav.getByRole('menuitem', { name: group, exact: true });
  await target.or(entry).first().waitFor();
  // The drawer slides in and a group unfolds with a transition: a click while things move can miss.
  const settled = () =>
    nav.evaluate((el) =>
      Promise.all(
        el.ownerDocument
          .getAnimations()
          // A looping animation (a pulsing status dot) never finishes: only the ones that end are waited for.
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
  await settled();
  if (!(await target.isVisible())) {
    await entry.click();
    await target.waitFor();
    await settled();
  }
  await target.click();
}

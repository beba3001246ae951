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

export interface BrowserSuite {
  /** The running product (set once the suite has started). */
  product: { url: string; stop: () => Promise<void> };
  openPage: (viewport: { width: number; height: number }, phone?: boolean) => Promise<Page>;
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

  suite.openPage = async (viewport, phone = false) => {
    const context = await browser.newContext({
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

  return suite;
}

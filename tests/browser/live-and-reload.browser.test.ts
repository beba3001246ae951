import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, WebSocketRoute } from 'playwright-core';
import { browserSuite, DESKTOP, openNav, SCREENSHOTS } from '../support/browser';
import { startProduct } from '../support/server';

jest.setTimeout(180_000);

const suite = browserSuite();
const { openPage, signIn } = suite;

const PAGE_ERROR = 'Không tải được trang này.';
const DEV_SCREEN = /Hey developer|Unexpected Application Error/;

/** The message a page shows when its code could not be fetched, inside the signed-in frame. */
async function expectPageErrorInFrame(page: Page): Promise<void> {
  const alert = page.getByRole('main').getByRole('alert');
  await alert.getByText(PAGE_ERROR).waitFor();
  expect(await alert.innerText()).toContain('Có thể mạng vừa bị gián đoạn hoặc hệ thống vừa được cập nhật.');
  await alert.getByRole('button', { name: 'Tải lại' }).waitFor();
  // The header (the user, the menu) is still there: only the page's own area failed.
  await page.locator('header').getByText('Cán bộ · Lâm Đồng', { exact: true }).waitFor();
  await page.getByRole('navigation', { name: 'Điều hướng' }).waitFor();
  expect(await page.locator('body').innerText()).not.toMatch(DEV_SCREEN);
}

test('a page that cannot be downloaded says so inside the app, and "Tải lại" loads it once the network is back', async () => {
  const page = await openPage(DESKTOP);
  await signIn(page, 'canbo.ldg');

  // The connection drops after the app has started: no new code reaches the browser.
  await page.route('**/assets/**', (route) => route.abort('internetdisconnected'));
  await openNav(page, 'Đi cơ sở', 'Chuyến đi của tôi');
  await expectPageErrorInFrame(page);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'page-load-error.png') });

  await page.unroute('**/assets/**');
  await page.getByRole('button', { name: 'Tải lại' }).click();
  await page.getByRole('heading', { name: 'Chuyến đi của tôi' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/trips/mine');
});

test('when the browser comes back online, the page that could not load loads by itself', async () => {
  const page = await openPage(DESKTOP);
  await signIn(page, 'canbo.ldg');

  await page.context().setOffline(true);
  await openNav(page, 'Kết quả', 'Dự sinh hoạt');
  await expectPageErrorInFrame(page);

  await page.context().setOffline(false);
  await page.getByRole('heading', { name: 'Dự sinh hoạt chi đoàn' }).waitFor();
  expect(await page.getByRole('alert').filter({ hasText: PAGE_ERROR }).count()).toBe(0);
});

test('after a deploy removed a page’s code, opening it shows the message, not the router’s developer screen', async () => {
  // The product serving a build from which the "my trips" page's chunk is gone, as an old tab sees
  // it after a deploy replaced the build.
  const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-web-copy-'));
  fs.cpSync(path.resolve(__dirname, '../../apps/web/dist'), webDist, { recursive: true });
  const assets = path.join(webDist, 'assets');
  const removed = fs.readdirSync(assets).filter((name) => /^MyTripsPage-[\w-]+\.js(\.br|\.gz)?$/.test(name));
  expect(removed.length).toBeGreaterThan(0);
  for (const name of removed) fs.rmSync(path.join(assets, name));
  const product = await startProduct({ env: { WEB_DIST: webDist } });
  try {
    const page = await openPage(DESKTOP);
    await signIn(page, 'canbo.ldg', product.url);

    await openNav(page, 'Đi cơ sở', 'Chuyến đi của tôi');
    await expectPageErrorInFrame(page);

    // Opened directly (a bookmark, a reload): the same message, still inside the frame.
    await page.goto(`${product.url}/trips/mine`);
    await expectPageErrorInFrame(page);
  } finally {
    await product.stop();
    fs.rmSync(webDist, { recursive: true, force: true });
  }
});

test('the header says whether the page is live, and after a lost connection the page catches up by itself', async () => {
  const page = await openPage(DESKTOP);
  // Every GraphQL socket of the page goes through here, so the test can cut it as a network would.
  const sockets: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = [];
  let blocked = false;
  await page.routeWebSocket(/\/graphql$/, (socket) => {
    if (blocked) {
      void socket.close({ code: 1013, reason: 'Try again later' });
      return;
    }
    sockets.push({ page: socket, server: socket.connectToServer() });
  });
  await signIn(page, 'canbo.ldg');
  await openNav(page, 'Đi cơ sở', 'Chuyến đi của tôi');
  await page.getByRole('heading', { name: 'Chuyến đi của tôi' }).waitFor();

  const header = page.locator('header');
  const status = header.getByRole('status');
  await status.getByText('Đang cập nhật trực tiếp', { exact: true }).waitFor();
  await page.mouse.move(0, 0);
  await header.screenshot({ path: path.join(SCREENSHOTS, 'live-status.png') });

  // The server restarts (1012) and stays unreachable for a while.
  blocked = true;
  for (const socket of sockets.splice(0)) {
    await socket.server.close();
    await socket.page.close({ code: 1012, reason: 'Service Restart' });
  }
  await status.getByText('Đang kết nối lại…', { exact: true }).waitFor();

  // Meanwhile the cadre registers a trip from another device: its event is lost with the socket.
  const title = `Làm việc với Đoàn xã Đạ Huoai ${Date.now()}`;
  await registerTrip(suite.product.url, 'canbo.ldg', title);
  await page.waitForTimeout(500);
  expect(await page.getByText(title).count()).toBe(0);

  // The server is back: the header says so and the list shows the trip without a reload.
  blocked = false;
  await status.getByText('Đang cập nhật trực tiếp', { exact: true }).waitFor({ timeout: 60_000 });
  await page.getByText(title).waitFor();

  // The server refuses the connection for good (a locked account): the header says a reload is needed.
  await sockets[0].page.close({ code: 4403, reason: 'Tài khoản đã bị khóa.' });
  await status.getByText('Mất kết nối trực tiếp — tải lại để xem số liệu mới', { exact: true }).waitFor();
});

async function graphql<T>(base: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A trip registered through the API, as the cadre's other device would. */
async function registerTrip(base: string, username: string, title: string): Promise<void> {
  const { login } = await graphql<{ login: { token: string } }>(
    base,
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: 'demo1234' },
  );
  const { me, units } = await graphql<{ me: { cadreId: string }; units: { nodes: Array<{ id: string }> } }>(
    base,
    '{ me { cadreId } units(first: 1, filter: { search: "da huoai" }) { nodes { id } } }',
    {},
    login.token,
  );
  const year = new Date().getFullYear() + 1;
  await graphql(
    base,
    'mutation ($input: CreateTripInput!) { createTrip(input: $input) { id } }',
    {
      input: {
        kind: 'COORDINATION',
        title,
        purpose: 'Nắm tình hình đoàn viên.',
        leadCadreId: me.cadreId,
        destinationIds: [units.nodes[0].id],
        startDate: `${year}-02-20`,
        endDate: `${year}-02-21`,
      },
    },
    login.token,
  );
}

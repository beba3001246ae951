import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, SCREENSHOTS } from '../support/browser';

jest.setTimeout(180_000);

const suite = browserSuite();
const { openPage, signIn } = suite;

const WIDE = { width: 1440, height: 900 };
const PHONE_390 = { width: 390, height: 844 };

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${suite.product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function tokenOf(username: string): Promise<string> {
  const { login } = await graphql<{ login: { token: string } }>(
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: 'demo1234' },
  );
  return login.token;
}

interface SubmittedTrip {
  id: string;
  title: string;
  version: number;
}

/**
 * A trip the cadre leads that waits for the standing board: one of the demo data's, or else one the
 * cadre registers and submits through the API as their other device would.
 */
async function submittedTripOf(cadreToken: string): Promise<SubmittedTrip> {
  const { me } = await graphql<{ me: { cadreId: string } }>('{ me { cadreId } }', {}, cadreToken);
  const { trips } = await graphql<{ trips: { nodes: Array<SubmittedTrip & { leadCadreId: string }> } }>(
    'query ($filter: TripFilter) { trips(first: 50, filter: $filter) { nodes { id title version leadCadreId } } }',
    { filter: { cadreId: me.cadreId, states: ['SUBMITTED'] } },
    cadreToken,
  );
  const led = trips.nodes.find((trip) => trip.leadCadreId === me.cadreId);
  if (led) return led;
  const { units } = await graphql<{ units: { nodes: Array<{ id: string }> } }>(
    '{ units(first: 1, filter: { search: "da huoai" }) { nodes { id } } }',
    {},
    cadreToken,
  );
  const year = new Date().getFullYear() + 1;
  const { createTrip } = await graphql<{ createTrip: SubmittedTrip }>(
    'mutation ($input: CreateTripInput!) { createTrip(input: $input) { id title version } }',
    {
      input: {
        kind: 'COORDINATION',
        title: 'Làm việc với Đoàn xã Đạ Huoai về sinh hoạt chi đoàn',
        purpose: 'Nắm tình hình đoàn viên, dự sinh hoạt chi đoàn và trao đổi với Ban Chấp hành xã.',
        expectedOutput: 'Biên bản làm việc và danh sách kiến nghị của Đoàn xã gửi Tỉnh đoàn.',
        leadCadreId: me.cadreId,
        destinationIds: [units.nodes[0].id],
        startDate: `${year}-03-10`,
        endDate: `${year}-03-11`,
      },
    },
    cadreToken,
  );
  const { submitTrip } = await graphql<{ submitTrip: SubmittedTrip }>(
    'mutation ($id: ID!, $version: Int!) { submitTrip(id: $id, version: $version) { id title version } }',
    { id: createTrip.id, version: createTrip.version },
    cadreToken,
  );
  return submitTrip;
}

const unreadOnBell = async (page: Page): Promise<number> =>
  Number(await page.locator('header a.notification-bell').getAttribute('data-unread'));

const bellLabel = (count: number) => (count > 0 ? `Thông báo, ${count} chưa đọc` : 'Thông báo');

test('a cadre sees the bell count rise live when the standing board returns their trip, and the inbox leads to the trip', async () => {
  const page = await openPage(WIDE);
  await signIn(page, 'canbo.ldg');
  const bell = page.locator('header').getByRole('link', { name: /^Thông báo/u });
  await bell.waitFor();
  // The live connection is up before the board acts, so the count can only rise through it.
  await page.locator('header').getByRole('status').getByText('Đang cập nhật trực tiếp', { exact: true }).waitFor();
  const before = await unreadOnBell(page);
  expect(await bell.getAttribute('aria-label')).toBe(bellLabel(before));
  // A mark on the window that a reload would wipe.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));

  const trip = await submittedTripOf(await tokenOf('canbo.ldg'));
  const reason = 'Bổ sung kế hoạch làm việc chi tiết từng ngày.';
  const board = await tokenOf('thuongtruc.ldg');
  await graphql(
    'mutation ($trips: [TripVersionInput!]!, $reason: String) { decideTrips(decision: RETURN, reason: $reason, trips: $trips) { id state } }',
    { trips: [{ id: trip.id, version: trip.version }], reason },
    board,
  );

  await page
    .locator('header')
    .getByRole('link', { name: bellLabel(before + 1), exact: true })
    .waitFor();
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // On a phone the bell shows with the same count, and the inbox fits the screen.
  const phone = await openPage(PHONE_390, true, await page.context().storageState());
  await phone.goto(`${suite.product.url}/notifications`);
  const phoneBell = phone.locator('header').getByRole('link', { name: bellLabel(before + 1), exact: true });
  await phoneBell.waitFor();
  expect(await phoneBell.isVisible()).toBe(true);
  const message = `Chuyến đi «${trip.title}» bị trả lại để bổ sung: ${reason}`;
  await phone.getByRole('link', { name: message }).waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_390.width);
  await phone.mouse.move(0, 0);
  await phone.screenshot({ path: path.join(SCREENSHOTS, 'notifications-phone.png') });

  // The bell opens the inbox; the new notification is first, marked unread, and leads to the trip.
  await bell.click();
  await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
  const item = page.getByRole('list', { name: 'Thông báo' }).getByRole('listitem').first();
  await item.getByRole('link', { name: message }).waitFor();
  await item.getByText('Chưa đọc', { exact: true }).waitFor();
  // The trip event's own pop-up (the board returned the trip) is closed so it does not cover the page.
  const popUp = page.locator('.live-notification');
  if (await popUp.count())
    await popUp
      .getByRole('button', { name: /close|Đóng/iu })
      .first()
      .click();
  await popUp.waitFor({ state: 'detached' });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'notifications.png') });

  await item.getByRole('link', { name: message }).click();
  await page.waitForURL((url) => url.pathname === `/trips/${trip.id}`);
  await page.getByRole('heading', { name: trip.title }).first().waitFor();
  // Opening it marked it read: the bell counts one fewer.
  await page
    .locator('header')
    .getByRole('link', { name: bellLabel(before), exact: true })
    .waitFor();
});

import { ApolloLink } from '@apollo/client';
import { MockLink, MockSubscriptionLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { OperationTypeNode } from 'graphql';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { i18n } from '@/i18n/i18n';
import { createCache } from '@/shared/apollo/cache';
import { connection } from '@/test/connection';
import { always, setupUser, type Mocks } from '@/test/renderPage';
import { NotificationBell } from './NotificationBell';
import {
  MarkAllNotificationsReadMutation,
  MarkNotificationReadMutation,
  NotificationsQuery,
  UnreadNotificationCountQuery,
} from './notifications.operations';
import { NotificationsPage } from './NotificationsPage';

afterEach(() => act(() => void i18n.changeLanguage('vi')));

interface Fields {
  id: string;
  kind: string;
  tripTitle?: string | null;
  dueOn?: string | null;
  startDate?: string | null;
  days?: number | null;
  cadreName?: string | null;
  reason?: string | null;
  readAt?: string | null;
}

/** A notification as the API answers it. */
function notification(fields: Fields) {
  return {
    __typename: 'Notification',
    link: `/trips/trip-${fields.id}`,
    tripTitle: null,
    dueOn: null,
    startDate: null,
    days: null,
    cadreName: null,
    reason: null,
    createdAt: '2026-12-05T02:30:00.000Z',
    readAt: null,
    ...fields,
  };
}

const unreadCount = (count: number) => ({
  request: { query: UnreadNotificationCountQuery },
  result: { data: { unreadNotificationCount: count } },
});

const inbox = (nodes: ReturnType<typeof notification>[], unreadOnly = false) => ({
  request: { query: NotificationsQuery, variables: { first: 20, unreadOnly } },
  result: { data: { notifications: connection('NotificationConnection', nodes) } },
});

/**
 * The signed-in frame as far as the inbox needs it: the bell above every page, the inbox, and a trip
 * page its links lead to. The network answers from `mocks`; the subscription stays open until the
 * test delivers a notification.
 */
function renderInbox(route: string, mocks: Mocks) {
  const live = new MockSubscriptionLink();
  const link = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    live,
    new MockLink(mocks),
  );
  render(
    <MockedProvider link={link} cache={createCache()}>
      <App>
        <MemoryRouter initialEntries={[route]}>
          <Routes>
            <Route
              element={
                <>
                  <NotificationBell />
                  <Outlet />
                </>
              }
            >
              <Route path="/" element={<p>Trang chủ</p>} />
              <Route path="/notifications" element={<NotificationsPage />} />
              <Route path="/trips/:id" element={<p>Trang chuyến đi</p>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </App>
    </MockedProvider>,
  );
  return {
    async deliver(fields: Fields) {
      await waitFor(() => expect(live.operation).toBeDefined());
      act(() => live.simulateResult({ result: { data: { notificationAdded: notification(fields) } } }));
    },
  };
}

const EVERY_KIND = [
  notification({ id: '1', kind: 'REPORT_DUE_SOON', tripTitle: 'Về Đạ Tẻh', dueOn: '2026-12-08', days: 3 }),
  notification({ id: '2', kind: 'REPORT_DUE_SOON', tripTitle: 'Về Bảo Lâm', dueOn: '2026-12-05', days: 0 }),
  notification({ id: '3', kind: 'REPORT_OVERDUE', tripTitle: 'Về Di Linh', dueOn: '2026-11-20', days: 15 }),
  notification({
    id: '4',
    kind: 'REPORT_OVERDUE',
    tripTitle: 'Về Di Linh',
    dueOn: '2026-11-20',
    days: 8,
    cadreName: 'Trần Thị Cúc',
  }),
  notification({
    id: '5',
    kind: 'PENDING_PAST_START',
    tripTitle: 'Về Lạc Dương',
    startDate: '2026-12-01',
    cadreName: 'Lê Văn An',
  }),
  notification({ id: '6', kind: 'REGISTRATION_WAITING', tripTitle: 'Về Đam Rông', days: 6, cadreName: 'Lê Văn An' }),
  notification({ id: '7', kind: 'DELEGATION_ARRIVING', tripTitle: 'Về Lâm Hà', startDate: '2026-12-07', days: 1 }),
  notification({ id: '8', kind: 'TRIP_RETURNED', tripTitle: 'Về Cát Tiên', reason: 'Thiếu kế hoạch làm việc' }),
  notification({ id: '9', kind: 'TRIP_REJECTED', tripTitle: 'Về Đơn Dương', readAt: '2026-12-05T03:00:00.000Z' }),
];

const itemTexts = async () => {
  const list = await screen.findByRole('list', { name: /Thông báo|Notifications/u });
  return within(list)
    .getAllByRole('link')
    .map((link) => link.textContent);
};

describe('the inbox says each kind of notification in the app language', () => {
  it('in Vietnamese, with dates as dd/MM/yyyy', async () => {
    renderInbox('/notifications', [always(unreadCount(8)), inbox(EVERY_KIND)]);
    expect(await itemTexts()).toEqual([
      'Báo cáo chuyến đi «Về Đạ Tẻh» đến hạn ngày 08/12/2026 (còn 3 ngày).',
      'Báo cáo chuyến đi «Về Bảo Lâm» đến hạn hôm nay (05/12/2026).',
      'Báo cáo chuyến đi «Về Di Linh» đã quá hạn 15 ngày (hạn 20/11/2026).',
      'Báo cáo chuyến đi «Về Di Linh» của Trần Thị Cúc đã quá hạn 8 ngày (hạn 20/11/2026).',
      'Chuyến đi «Về Lạc Dương» của Lê Văn An đã quá ngày đi 01/12/2026 mà chưa được duyệt.',
      'Đăng ký chuyến đi «Về Đam Rông» của Lê Văn An đã chờ duyệt 6 ngày.',
      'Đoàn công tác «Về Lâm Hà» sẽ đến đơn vị ngày 07/12/2026 (còn 1 ngày).',
      'Chuyến đi «Về Cát Tiên» bị trả lại để bổ sung: Thiếu kế hoạch làm việc',
      'Chuyến đi «Về Đơn Dương» không được duyệt.',
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Thông báo' })).toBeInTheDocument();
    expect(screen.getByText('9 thông báo')).toBeInTheDocument();
    // The unread ones say so; the one already read does not.
    expect(screen.getAllByText('Chưa đọc')).toHaveLength(8);
    const read = screen.getByRole('link', { name: /Về Đơn Dương/u }).closest('li') as HTMLElement;
    expect(within(read).queryByText('Chưa đọc')).not.toBeInTheDocument();
    expect(within(read).getByText('Không được duyệt')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Thông báo, 8 chưa đọc' })).toBeInTheDocument();
  });

  it('in English, with the same dates', async () => {
    await act(() => i18n.changeLanguage('en'));
    renderInbox('/notifications', [always(unreadCount(1)), inbox(EVERY_KIND)]);
    expect(await itemTexts()).toEqual([
      'The report on the trip “Về Đạ Tẻh” is due on 08/12/2026 (3 days left).',
      'The report on the trip “Về Bảo Lâm” is due today (05/12/2026).',
      'The report on the trip “Về Di Linh” is 15 days overdue (due 20/11/2026).',
      'The report on Trần Thị Cúc’s trip “Về Di Linh” is 8 days overdue (due 20/11/2026).',
      'Lê Văn An’s trip “Về Lạc Dương” passed its start date 01/12/2026 without being approved.',
      'Lê Văn An’s registration of the trip “Về Đam Rông” has waited 6 days for a decision.',
      'The delegation “Về Lâm Hà” arrives at your unit on 07/12/2026 (1 day left).',
      'The trip “Về Cát Tiên” was returned for correction: Thiếu kế hoạch làm việc',
      'The trip “Về Đơn Dương” was not approved.',
    ]);
    expect(screen.getByRole('link', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  });

  it('says in Vietnamese when there is nothing, and nothing unread', async () => {
    const user = setupUser();
    renderInbox('/notifications', [always(unreadCount(0)), inbox([]), inbox([], true)]);
    expect(await screen.findByText(/Bạn chưa có thông báo nào/u)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Đánh dấu tất cả đã đọc/u })).toBeDisabled();
    expect(screen.getByRole('link', { name: 'Thông báo' })).toBeInTheDocument();
    await user.click(screen.getByRole('switch'));
    expect(await screen.findByText('Bạn đã đọc hết thông báo.')).toBeInTheDocument();
  });
});

describe('reading notifications', () => {
  it('marks one read when its link is followed, and the bell counts one fewer', async () => {
    const user = setupUser();
    const marked = jest.fn(() => ({
      data: { markNotificationRead: { __typename: 'Notification', id: '8', readAt: '2026-12-05T04:00:00.000Z' } },
    }));
    renderInbox('/notifications', [
      unreadCount(2),
      inbox([EVERY_KIND[7], notification({ id: '1', kind: 'TRIP_REJECTED', tripTitle: 'Về Bảo Lộc' })]),
      { request: { query: MarkNotificationReadMutation, variables: { id: '8' } }, result: marked },
    ]);
    expect(await screen.findByRole('link', { name: 'Thông báo, 2 chưa đọc' })).toBeInTheDocument();
    await user.click(await screen.findByRole('link', { name: /Về Cát Tiên/u }));
    expect(await screen.findByText('Trang chuyến đi')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Thông báo, 1 chưa đọc' })).toBeInTheDocument();
    expect(marked).toHaveBeenCalledTimes(1);
  });

  it('marks all read: the bell goes to zero and the list shows them read', async () => {
    const user = setupUser();
    const unread = [EVERY_KIND[0], EVERY_KIND[7]];
    const read = unread.map((n) => ({ ...n, readAt: '2026-12-05T04:00:00.000Z' }));
    renderInbox('/notifications', [
      unreadCount(2),
      inbox(unread),
      { request: { query: MarkAllNotificationsReadMutation }, result: { data: { markAllNotificationsRead: 2 } } },
      inbox(read),
    ]);
    expect(await screen.findAllByText('Chưa đọc')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: /Đánh dấu tất cả đã đọc/u }));
    expect(await screen.findByText('Đã đánh dấu 2 thông báo là đã đọc.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Thông báo' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Chưa đọc')).not.toBeInTheDocument());
  });
});

describe('the bell', () => {
  it('counts up as soon as a notification arrives over the WebSocket', async () => {
    const live = renderInbox('/', [unreadCount(3)]);
    expect(await screen.findByRole('link', { name: 'Thông báo, 3 chưa đọc' })).toBeInTheDocument();
    await live.deliver({ id: '20', kind: 'TRIP_RETURNED', tripTitle: 'Về Đạ Huoai', reason: 'Bổ sung kinh phí' });
    expect(await screen.findByRole('link', { name: 'Thông báo, 4 chưa đọc' })).toBeInTheDocument();
    await live.deliver({ id: '21', kind: 'REPORT_DUE_SOON', tripTitle: 'Về Đạ Huoai', dueOn: '2026-12-08', days: 3 });
    expect(await screen.findByRole('link', { name: 'Thông báo, 5 chưa đọc' })).toHaveAttribute('href', '/notifications');
  });
});

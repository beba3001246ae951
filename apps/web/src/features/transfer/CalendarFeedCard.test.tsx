import { configure, screen, waitFor } from '@testing-library/react';
import { renderPage, setupUser, type Mocks } from '@/test/renderPage';
import { CalendarFeedCard } from './CalendarFeedCard';
import { CreateCalendarFeedMutation, MyCalendarFeedsQuery, RevokeCalendarFeedMutation } from './transfer.operations';

configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(120_000);

const FEED = { __typename: 'CalendarFeed', id: 'feed-1', owner: 'CADRE', createdAt: '2026-11-28T09:00:00.000Z' };
const UNIT_FEED = { __typename: 'CalendarFeed', id: 'feed-9', owner: 'UNIT', createdAt: '2026-10-01T09:00:00.000Z' };
const feeds = (list: unknown[]) => ({ request: { query: MyCalendarFeedsQuery }, result: { data: { myCalendarFeeds: list } } });

describe('the calendar link card', () => {
  it('creates a private link, shows its full address once, then revokes it after confirmation', async () => {
    const user = setupUser();
    const revoked = jest.fn(() => ({ data: { revokeCalendarFeed: FEED } }));
    const mocks: Mocks = [
      // A unit's feed of the same person is not this card's.
      feeds([UNIT_FEED]),
      {
        request: { query: CreateCalendarFeedMutation, variables: { owner: 'CADRE' } },
        result: { data: { createCalendarFeed: { __typename: 'CalendarLink', path: '/calendar/bi-mat-123.ics', feed: FEED } } },
      },
      feeds([UNIT_FEED, FEED]),
      { request: { query: RevokeCalendarFeedMutation, variables: { id: 'feed-1' } }, result: revoked },
      feeds([UNIT_FEED]),
    ];
    renderPage('/', '/', <CalendarFeedCard owner="CADRE" />, mocks);

    expect(await screen.findByText('Chưa có đường dẫn lịch.')).toBeInTheDocument();
    expect(screen.getByText(/Google Calendar hoặc Outlook/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tạo đường dẫn' }));

    const link = await screen.findByRole('textbox', { name: 'Lịch riêng' });
    expect(link).toHaveValue('http://localhost/calendar/bi-mat-123.ics');
    expect(screen.getByText(/nó chỉ hiện lần này/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Thu hồi' }));
    expect(await screen.findByText('Thu hồi đường dẫn? Ứng dụng lịch sẽ không đọc được nữa.')).toBeInTheDocument();
    expect(revoked).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'OK' }));

    await waitFor(() => expect(revoked).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Chưa có đường dẫn lịch.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Lịch riêng' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tạo đường dẫn' })).toBeInTheDocument();
  });

  it('tells of an existing link without showing it again', async () => {
    renderPage('/', '/', <CalendarFeedCard owner="UNIT" />, [feeds([UNIT_FEED])]);
    expect(await screen.findByText(/Đã có đường dẫn \(tạo ngày 01\/10\/2026\)/)).toBeInTheDocument();
    expect(screen.getByText(/các đoàn đến đơn vị/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tạo đường dẫn mới' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});

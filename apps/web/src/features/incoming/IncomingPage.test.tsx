import { configure, screen, within } from '@testing-library/react';
import { MyCalendarFeedsQuery } from '@/features/transfer';
import { connection } from '@/test/connection';
import { always, renderPage, setupUser } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import { IncomingPage, IncomingQuery } from './IncomingPage';

jest.setTimeout(180_000);
// The machine running the suite may be busy: give the page time to answer.
configure({ asyncUtilTimeout: 20_000 });

const trip = (id: string, title: string, viewerCanGiveFeedback: boolean) => ({
  __typename: 'Trip',
  id,
  state: 'COMPLETED',
  kind: 'TOPIC',
  title,
  purpose: '',
  startDate: '2026-03-09',
  endDate: '2026-03-10',
  viewerCanGiveFeedback,
  delegation: null,
  lead: { __typename: 'Cadre', id: 'c-1', fullName: 'Lê Minh Châu', position: 'Phó Bí thư' },
  members: [],
  department: null,
  destinations: [{ __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Đức Linh' }],
});

describe('the incoming delegations page', () => {
  it('links to the feedback form only from the past visits the API says the unit may still answer', async () => {
    const user = setupUser();
    renderPage('/incoming', '/incoming', <IncomingPage />, [
      viewerCanMock(['seeIncoming', 'giveFeedback'], { unitId: 'u-1' }),
      always({ request: { query: MyCalendarFeedsQuery }, result: { data: { myCalendarFeeds: [] } } }),
      always({
        request: { query: IncomingQuery },
        result: {
          data: {
            trips: connection('TripConnection', [
              trip('t-1', 'Khảo sát thanh niên vùng đồng bào', true),
              trip('t-2', 'Dự sinh hoạt chi đoàn thôn 2', false),
            ]),
          },
        },
      }),
    ]);

    await user.click(await screen.findByText('Đã đến', {}, { timeout: 20_000 }));
    const card = (title: string) => screen.getByText(title).closest('.trip-card') as HTMLElement;
    expect(await screen.findByText('Khảo sát thanh niên vùng đồng bào', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(within(card('Khảo sát thanh niên vùng đồng bào')).getByRole('link', { name: 'Gửi ý kiến' })).toHaveAttribute(
      'href',
      '/feedback?trip=t-1',
    );
    expect(within(card('Dự sinh hoạt chi đoàn thôn 2')).queryByRole('link', { name: 'Gửi ý kiến' })).not.toBeInTheDocument();
  });

  it('tells a user me.can does not let see incoming delegations that the page is not theirs', async () => {
    renderPage('/incoming', '/incoming', <IncomingPage />, [viewerCanMock(['readModels'])]);
    expect(await screen.findByText('Trang này dành cho đơn vị cơ sở.', {}, { timeout: 20_000 })).toBeInTheDocument();
  });
});

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

  it('shows a merged delegation as one card listing each trip and every member', async () => {
    const delegation = { __typename: 'Delegation', id: 'd-1', startDate: '2026-03-09', endDate: '2026-03-11' };
    const member = (id: string, fullName: string) => ({ __typename: 'Cadre', id, fullName });
    renderPage('/incoming', '/incoming', <IncomingPage />, [
      viewerCanMock(['seeIncoming'], { unitId: 'u-1' }),
      always({ request: { query: MyCalendarFeedsQuery }, result: { data: { myCalendarFeeds: [] } } }),
      always({
        request: { query: IncomingQuery },
        result: {
          data: {
            trips: connection('TripConnection', [
              {
                ...trip('t-1', 'Khảo sát thanh niên vùng đồng bào', false),
                state: 'APPROVED',
                delegation,
                members: [member('c-2', 'Trần Thị Mai')],
              },
              {
                ...trip('t-2', 'Dự sinh hoạt chi đoàn thôn 2', false),
                state: 'APPROVED',
                kind: 'MEETING',
                startDate: '2026-03-10',
                delegation,
                lead: { __typename: 'Cadre', id: 'c-3', fullName: 'Phạm Văn An', position: 'Ủy viên' },
                members: [member('c-4', 'Đỗ Quang Huy'), member('c-2', 'Trần Thị Mai')],
              },
              { ...trip('t-3', 'Tọa đàm khởi nghiệp', false), state: 'APPROVED', startDate: '2026-03-12', endDate: '2026-03-12' },
            ]),
          },
        },
      }),
    ]);

    const first = await screen.findByRole('link', { name: 'Khảo sát thanh niên vùng đồng bào' }, { timeout: 20_000 });
    const card = first.closest('.trip-card') as HTMLElement;
    // Both trips of the delegation in the same card, dated by the delegation, with everyone who comes once.
    expect(within(card).getByRole('link', { name: 'Dự sinh hoạt chi đoàn thôn 2' })).toHaveAttribute('href', '/trips/t-2');
    expect(within(card).getByText('Đoàn đã ghép: 2 chuyến đi')).toBeInTheDocument();
    expect(card).toHaveTextContent('09/03/2026');
    expect(card).toHaveTextContent('Trưởng đoàn: Lê Minh Châu (Phó Bí thư), Phạm Văn An (Ủy viên)');
    expect(card).toHaveTextContent('2 người: Đỗ Quang Huy, Trần Thị Mai');
    expect(document.querySelectorAll('.trip-card')).toHaveLength(2);
    expect(screen.queryByText('Đã ghép đoàn')).not.toBeInTheDocument();
    // A trip alone keeps its own card, without the delegation tag.
    const alone = screen.getByRole('link', { name: 'Tọa đàm khởi nghiệp' }).closest('.trip-card') as HTMLElement;
    expect(within(alone).queryByText(/Đoàn đã ghép/)).not.toBeInTheDocument();
  });

  it('tells a user me.can does not let see incoming delegations that the page is not theirs', async () => {
    renderPage('/incoming', '/incoming', <IncomingPage />, [viewerCanMock(['readModels'])]);
    expect(await screen.findByText('Trang này dành cho đơn vị cơ sở.', {}, { timeout: 20_000 })).toBeInTheDocument();
  });
});

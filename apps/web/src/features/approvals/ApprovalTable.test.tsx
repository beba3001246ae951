import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { ViewerQuery } from '@/features/trips';
import { always, renderPage, setupUser, type Mocks } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import { ApprovalsPage } from './ApprovalsPage';
import {
  ApprovalQueueQuery,
  ApprovedTripsQuery,
  DecideTripsMutation,
  MergeDelegationsMutation,
  MergeSuggestionsQuery,
} from './approvals.operations';

jest.setTimeout(60_000);

function trip(
  id: string,
  title: string,
  version: number,
  submittedAt: string,
  flags: { late?: boolean; warning?: string; own?: boolean; startsIn?: number } = {},
) {
  const starts = dayjs().add(flags.startsIn ?? 10, 'day');
  return {
    __typename: 'Trip',
    id,
    version,
    kind: 'TOPIC',
    title,
    startDate: starts.format('YYYY-MM-DD'),
    endDate: starts.add(2, 'day').format('YYYY-MM-DD'),
    days: 3,
    submittedAt,
    createdAt: submittedAt,
    lateRegistration: flags.late ?? false,
    lateJustification: flags.late ? 'Lịch công tác của Ban thay đổi đột xuất.' : null,
    // The API's answer: a board member's own trip is decided by another member.
    viewerCan: { __typename: 'TripPermissions', decide: !flags.own },
    lead: { __typename: 'Cadre', id: `lead-${id}`, fullName: 'Trần Thị Lan' },
    department: { __typename: 'Unit', id: 'd-1', name: 'Ban Phong trào' },
    destinations: [{ __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Đạ Huoai' }],
    warnings: flags.warning ? [{ __typename: 'TripCheck', code: 'HOST_OVERLOAD', severity: 'WARN', message: flags.warning }] : [],
  };
}

const A = trip('t-a', 'Khảo sát thanh niên nông thôn', 4, '2026-11-20T02:00:00Z', { late: true });
const B = trip('t-b', 'Dự sinh hoạt Chi đoàn thôn 1', 2, '2026-11-21T02:00:00Z', {
  warning: 'Đoàn xã Đạ Huoai đã có 2 đoàn trong tuần này (tối đa 2). Nên ghép đoàn.',
});
const C = trip('t-c', 'Kiểm tra quỹ Đoàn', 7, '2026-11-22T02:00:00Z');

function queue(...trips: unknown[]) {
  return {
    request: { query: ApprovalQueueQuery, variables: {} },
    result: {
      data: {
        trips: {
          __typename: 'TripConnection',
          totalCount: trips.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: trips,
        },
      },
    },
  };
}

const viewer: Mocks = [
  always({
    request: { query: ViewerQuery },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'user-9',
          role: 'STANDING_BOARD',
          cadreId: 'c-9',
          unitId: null,
          fullName: 'Nguyễn Văn Bình',
          can: { __typename: 'ViewerPermissions', registerTrip: true, registerTripForOthers: false, decideTrips: true },
        },
      },
    },
  }),
  viewerCanMock(['decideTrips', 'mergeDelegations']),
];

function rowOf(title: string): HTMLElement {
  return screen.getByText(title).closest('tr') as HTMLElement;
}

describe('the approval queue', () => {
  it('returns the selected registrations with their versions and a reason, and they leave the queue', async () => {
    const user = setupUser();
    const reason = 'Bổ sung mục đích và kết quả dự kiến.';
    renderPage('/approvals', '/approvals', <ApprovalsPage />, [
      ...viewer,
      queue(A, B, C),
      {
        request: {
          query: DecideTripsMutation,
          variables: {
            decision: 'RETURN',
            reason,
            trips: [
              { id: 't-a', version: 4 },
              { id: 't-c', version: 7 },
            ],
          },
        },
        result: {
          data: {
            decideTrips: [
              { __typename: 'Trip', id: 't-a', state: 'RETURNED', version: 5, decisionNote: reason },
              { __typename: 'Trip', id: 't-c', state: 'RETURNED', version: 8, decisionNote: reason },
            ],
          },
        },
      },
      queue(B),
    ]);

    // The queue's order is the API's (oldest registration first), tested in the API's trip.queue.test.ts.
    await screen.findByText(A.title);

    const returnButton = screen.getByText('Trả lại để sửa').closest('button') as HTMLButtonElement;
    expect(returnButton).toBeDisabled();
    await user.click(within(rowOf(A.title)).getByRole('checkbox'));
    await user.click(within(rowOf(C.title)).getByRole('checkbox'));
    expect(screen.getByText('Đã chọn 2 chuyến')).toBeInTheDocument();

    await user.click(returnButton);
    const dialog = (await screen.findByText('Trả lại 2 chuyến đi để sửa')).closest('.ant-modal') as HTMLElement;
    await user.click(within(dialog).getByRole('button', { name: /Trả lại để sửa/ }));
    expect(await within(dialog).findByText('Vui lòng ghi rõ lý do')).toBeInTheDocument();

    await user.click(within(dialog).getByLabelText('Lý do (gửi cho người đăng ký)'));
    await user.paste(reason);
    await user.click(within(dialog).getByRole('button', { name: /Trả lại để sửa/ }));

    expect(await screen.findByText('Đã trả lại 2 chuyến đi.', {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(A.title)).not.toBeInTheDocument(), { timeout: 5000 });
    expect(screen.queryByText(C.title)).not.toBeInTheDocument();
    expect(screen.getByText(B.title)).toBeInTheDocument();
  });

  it('does not let a board member pick a trip the API keeps for another member to decide', async () => {
    const own = trip('t-own', 'Chuyến đi của chính tôi', 3, '2026-11-23T02:00:00Z', { own: true });
    renderPage('/approvals', '/approvals', <ApprovalsPage />, [...viewer, queue(A, own)]);

    await screen.findByText(own.title);
    expect(within(rowOf(own.title)).getByRole('checkbox')).toBeDisabled();
    expect(
      within(rowOf(own.title)).getByText('Chuyến đi của chính bạn: một thành viên Thường trực khác quyết định.'),
    ).toBeInTheDocument();
    expect(within(rowOf(A.title)).getByRole('checkbox')).toBeEnabled();
  });

  it('flags late registrations and rule warnings on their rows', async () => {
    renderPage('/approvals', '/approvals', <ApprovalsPage />, [...viewer, queue(A, B, C)]);

    await screen.findByText(A.title);
    expect(within(rowOf(A.title)).getByText('Đăng ký muộn')).toBeInTheDocument();
    expect(within(rowOf(B.title)).getByText('Cơ sở quá tải')).toBeInTheDocument();
    expect(within(rowOf(C.title)).queryByText('Đăng ký muộn')).not.toBeInTheDocument();
    expect(rowOf(A.title)).toHaveClass('row-flagged');
    expect(rowOf(C.title)).not.toHaveClass('row-flagged');
  });

  it('flags a registration still waiting after its first day, so the board decides it first', async () => {
    const past = trip('t-past', 'Khảo sát đã quá ngày đi', 2, '2026-11-24T02:00:00Z', { startsIn: -2 });
    renderPage('/approvals', '/approvals', <ApprovalsPage />, [...viewer, queue(past, C)]);

    await screen.findByText(past.title);
    expect(within(rowOf(past.title)).getByText('Đã quá ngày đi')).toBeInTheDocument();
    expect(rowOf(past.title)).toHaveClass('row-flagged');
    expect(within(rowOf(C.title)).queryByText('Đã quá ngày đi')).not.toBeInTheDocument();
  });
});

describe('the approved trips and merging', () => {
  const approved = (id: string, title: string) => ({
    __typename: 'Trip',
    id,
    version: 3,
    kind: 'TOPIC',
    title,
    startDate: dayjs().add(9, 'day').format('YYYY-MM-DD'),
    endDate: dayjs().add(9, 'day').format('YYYY-MM-DD'),
    delegationId: null,
    viewerCan: { __typename: 'TripPermissions', merge: true },
    lead: { __typename: 'Cadre', id: `lead-${id}`, fullName: 'Trần Thị Lan' },
    destinations: [{ __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Đạ Huoai' }],
  });

  it('offers the API’s merge suggestions and merges one with its trips and host in two clicks', async () => {
    const user = setupUser();
    const trips = [approved('t-1', 'Tuyên truyền pháp luật'), approved('t-2', 'Hướng dẫn khởi nghiệp')];
    renderPage('/approvals', '/approvals?tab=approved', <ApprovalsPage />, [
      ...viewer,
      queue(),
      always({
        request: { query: ApprovedTripsQuery },
        result: {
          data: {
            trips: {
              __typename: 'TripConnection',
              totalCount: 2,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              nodes: trips,
            },
          },
        },
      }),
      always({
        request: { query: MergeSuggestionsQuery },
        result: {
          data: {
            mergeSuggestions: [
              {
                __typename: 'MergeSuggestion',
                unitId: 'u-1',
                unitName: 'Đoàn xã Đạ Huoai',
                weekStart: dayjs().add(9, 'day').startOf('week').format('YYYY-MM-DD'),
                tripIds: ['t-1', 't-2'],
                titles: ['Tuyên truyền pháp luật', 'Hướng dẫn khởi nghiệp'],
              },
            ],
          },
        },
      }),
      {
        request: {
          query: MergeDelegationsMutation,
          variables: {
            hostUnitId: 'u-1',
            trips: [
              { id: 't-1', version: 3 },
              { id: 't-2', version: 3 },
            ],
          },
        },
        result: {
          data: {
            mergeDelegations: {
              __typename: 'Delegation',
              id: 'd-1',
              startDate: trips[0]?.startDate,
              endDate: trips[0]?.endDate,
              hostUnit: { __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Đạ Huoai' },
            },
          },
        },
      },
    ]);

    const suggestions = await screen.findByRole('region', { name: 'Gợi ý ghép đoàn' });
    expect(suggestions).toHaveTextContent('Tuyên truyền pháp luật; Hướng dẫn khởi nghiệp');
    await user.click(await within(suggestions).findByRole('button', { name: /^Ghép các chuyến đến Đoàn xã Đạ Huoai/ }));
    const dialog = (await screen.findByText('Ghép 2 chuyến đi thành một đoàn')).closest('.ant-modal') as HTMLElement;
    await user.click(within(dialog).getByRole('button', { name: /Ghép đoàn/ }));
    expect(await screen.findByText('Đã ghép 2 chuyến đi thành một đoàn đến Đoàn xã Đạ Huoai.')).toBeInTheDocument();
  });
});

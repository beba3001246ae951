import { configure, screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { MyCalendarFeedsQuery } from '@/features/transfer';
import { always, renderPage } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import {
  CadreHomeQuery,
  HomeQuery,
  HostActionsQuery,
  HostHomeQuery,
  MyComplianceQuery,
  MyRecommendationsQuery,
} from './home.operations';
import { HomePage } from './HomePage';

// antd's first render in jsdom is slow on a busy machine: wait for answers as long as a person would.
configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(120_000);

const YEAR = new Date().getFullYear();
const day = (offset: number) => dayjs().add(offset, 'day').format('YYYY-MM-DD');
const vn = (offset: number) => dayjs().add(offset, 'day').format('DD/MM/YYYY');

const home = (role: string, cadreId: string | null) =>
  always({
    request: { query: HomeQuery },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'u-1',
          cadreId,
          username: 'canbo.ldg',
          fullName: 'Dương Quốc Kiên',
          role,
          province: { __typename: 'Province', id: 68, name: 'Lâm Đồng', kind: 'PROVINCE', predecessors: [] },
        },
      },
    },
  });

const mine = always({
  request: { query: MyComplianceQuery },
  result: {
    data: {
      myCompliance: {
        __typename: 'CadreCompliance',
        cadreId: 'c-1',
        year: YEAR,
        countedDays: 42,
        requiredDays: 60,
        projectedDays: 63,
        upcomingDays: 21,
        hardshipDays: 5,
        status: 'ON_TRACK',
        windowStart: `${YEAR}-01-01`,
        windowEnd: `${YEAR}-12-31`,
      },
    },
  },
});

const trip = (id: string, title: string, state: string, start: number, end: number, extra: object = {}) => ({
  __typename: 'Trip',
  id,
  title,
  state,
  kind: 'TOPIC',
  startDate: day(start),
  endDate: day(end),
  days: end - start + 1,
  destinations: [{ __typename: 'Unit', id: 'u-9', name: 'Đoàn xã Lạc Dương' }],
  ...extra,
});

const cadreHome = always({
  request: { query: CadreHomeQuery },
  result: {
    data: {
      next: {
        __typename: 'TripConnection',
        totalCount: 2,
        nodes: [
          trip('t-next-1', 'Dự sinh hoạt chi đoàn thôn Đạ Nghịt', 'APPROVED', 5, 6),
          trip('t-next-2', 'Khảo sát thanh niên xã Đạ Sar', 'SUBMITTED', 12, 12),
        ],
      },
      awaiting: {
        __typename: 'TripConnection',
        totalCount: 2,
        nodes: [
          // The API gives each report's deadline (here the rule's 10 days after coming back).
          trip('t-due', 'Hướng dẫn thành lập tổ hợp tác thanh niên', 'COMPLETED', -2, -2, { reportDueOn: day(8) }),
          trip('t-late', 'Kiểm tra công tác đoàn viên', 'COMPLETED', -21, -20, { reportDueOn: day(-10) }),
        ],
      },
      reported: {
        __typename: 'TripConnection',
        nodes: [{ __typename: 'Trip', id: 't-rep', title: 'Tuyên truyền pháp luật cho thanh niên' }],
      },
      policyRule: { __typename: 'PolicyRule', year: YEAR, reportRequired: true },
    },
  },
});

const recommendations = always({
  request: { query: MyRecommendationsQuery },
  result: {
    data: {
      recommendations: {
        __typename: 'RecommendationConnection',
        nodes: [
          {
            __typename: 'Recommendation',
            id: 'r-1',
            tripId: 't-rep',
            text: 'Cần hỗ trợ kinh phí sân chơi cho thiếu nhi',
            status: 'ANSWERED',
            answer: 'Tỉnh đoàn bố trí kinh phí trong quý sau',
            answeredAt: `${day(-3)}T02:00:00.000Z`,
            dueOn: null,
            overdue: false,
          },
          {
            __typename: 'Recommendation',
            id: 'r-2',
            tripId: 't-other',
            text: 'Kiến nghị của một chuyến khác',
            status: 'OPEN',
            answer: null,
            answeredAt: null,
            dueOn: null,
            overdue: false,
          },
        ],
      },
    },
  },
});

const feeds = always({ request: { query: MyCalendarFeedsQuery }, result: { data: { myCalendarFeeds: [] } } });

const arriving = (id: string, title: string, lead: string, members: string[], delegationId: string | null) => ({
  __typename: 'Trip',
  id,
  title,
  state: 'APPROVED',
  kind: 'TOPIC',
  startDate: day(7),
  endDate: day(8),
  delegation: delegationId ? { __typename: 'Delegation', id: delegationId, startDate: day(7), endDate: day(8) } : null,
  lead: { __typename: 'Cadre', id: `lead-${id}`, fullName: lead },
  members: [lead, ...members].map((fullName, i) => ({
    __typename: 'Cadre',
    id: i === 0 ? `lead-${id}` : `${id}-m${i}`,
    fullName,
  })),
  destinations: [{ __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Lạc Dương' }],
});

const hostHome = always({
  request: { query: HostHomeQuery },
  result: {
    data: {
      arriving: {
        __typename: 'TripConnection',
        totalCount: 3,
        nodes: [
          arriving('t-a', 'Khảo sát mô hình thanh niên khởi nghiệp', 'Lê Minh Châu', ['Phạm Thu Hà'], 'd-1'),
          arriving('t-b', 'Dự sinh hoạt chi đoàn thôn Bon Đưng', 'Trần Văn Bình', ['Ngô Thị Lan'], 'd-1'),
          { ...arriving('t-c', 'Kiểm tra công tác đoàn viên', 'Vũ Đức Anh', [], null), startDate: day(14), endDate: day(14) },
        ],
      },
      visited: {
        __typename: 'TripConnection',
        nodes: [
          {
            __typename: 'Trip',
            id: 't-v1',
            title: 'Tuyên truyền pháp luật cho thanh niên',
            startDate: day(-6),
            endDate: day(-5),
            viewerCanGiveFeedback: true,
            lead: { __typename: 'Cadre', id: 'c-7', fullName: 'Hoàng Văn Nam' },
          },
          {
            __typename: 'Trip',
            id: 't-v2',
            title: 'Chuyến đã có ý kiến',
            startDate: day(-9),
            endDate: day(-9),
            viewerCanGiveFeedback: false,
            lead: { __typename: 'Cadre', id: 'c-7', fullName: 'Hoàng Văn Nam' },
          },
        ],
      },
    },
  },
});

const hostActions = always({
  request: { query: HostActionsQuery },
  result: {
    data: {
      correctiveActions: {
        __typename: 'CorrectiveActionConnection',
        totalCount: 2,
        nodes: [
          {
            __typename: 'CorrectiveAction',
            id: 'a-1',
            description: 'Cập nhật sổ đoàn viên',
            dueOn: day(-1),
            status: 'OPEN',
            overdue: true,
            responsibleUnit: { __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Lạc Dương' },
          },
          {
            __typename: 'CorrectiveAction',
            id: 'a-2',
            description: 'Việc đã xong',
            dueOn: day(-30),
            status: 'VERIFIED',
            overdue: false,
            responsibleUnit: { __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Lạc Dương' },
          },
        ],
      },
    },
  },
});

const section = (name: string) => screen.getByRole('list', { name });

describe('the home page', () => {
  it('shows a cadre their progress, the days waiting for a report apart, reports due and next trips', async () => {
    renderPage('/', '/', <HomePage />, [
      viewerCanMock(['seeOwnTrips', 'registerTrip', 'readRecommendations'], { id: 'u-1', cadreId: 'c-1' }),
      home('CADRE', 'c-1'),
      mine,
      cadreHome,
      recommendations,
      feeds,
    ]);
    expect(await screen.findByText(`Tiến độ của tôi năm ${YEAR}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Đăng ký đi cơ sở' })).toBeInTheDocument();
    // 1 + 2 days of the two trips done, but in early January a trip of last year counts there.
    const thisYear = (offset: number) => day(offset).startsWith(String(YEAR));
    const awaitingDays = (thisYear(-2) ? 1 : 0) + (thisYear(-21) ? 2 : 0);
    if (awaitingDays > 0) expect(await screen.findByText(`${awaitingDays} ngày đang chờ báo cáo`)).toBeInTheDocument();
    expect(screen.getByText('5 ngày')).toBeInTheDocument(); // hardship days

    const reports = await screen.findByRole('list', { name: 'Báo cáo cần nộp' });
    const items = within(reports).getAllByRole('listitem');
    // The overdue report comes first, with its date and the tag.
    expect(items[0]).toHaveTextContent('Kiểm tra công tác đoàn viên');
    expect(items[0]).toHaveTextContent(`Hạn nộp ${vn(-10)}`);
    expect(within(items[0]).getByText('Quá hạn')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent(`Hạn nộp ${vn(8)}`);
    expect(within(items[1]).queryByText('Quá hạn')).not.toBeInTheDocument();

    const next = section('Chuyến đi sắp tới của tôi');
    expect(within(next).getByText('Dự sinh hoạt chi đoàn thôn Đạ Nghịt')).toBeInTheDocument();
    expect(within(next).getByText('Đã duyệt')).toBeInTheDocument();
    expect(within(next).getByText('Chờ duyệt')).toBeInTheDocument();

    const recs = await screen.findByRole('list', { name: 'Kiến nghị từ báo cáo của tôi' });
    expect(within(recs).getByText('Tỉnh đoàn bố trí kinh phí trong quý sau')).toBeInTheDocument();
    expect(within(recs).getByText(`Trả lời ngày ${vn(-3)}`)).toBeInTheDocument();
    expect(within(recs).queryByText('Kiến nghị của một chuyến khác')).not.toBeInTheDocument();
    // The provinces' table is not a cadre's home.
    expect(screen.queryByText('Lâm Đồng', { selector: 'td, td *' })).not.toBeInTheDocument();
  });

  it('shows a host unit a merged delegation as one visit with every member, feedback waiting and corrections due', async () => {
    renderPage('/', '/', <HomePage />, [
      viewerCanMock(['seeIncoming', 'giveFeedback', 'readInspections'], { id: 'u-2', unitId: 'u-1' }),
      home('HOST_UNIT', null),
      hostHome,
      hostActions,
      feeds,
    ]);
    const visits = await screen.findByRole('list', { name: 'Đoàn sắp đến trong 4 tuần tới' });
    const cards = within(visits)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === visits);
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveTextContent('Đoàn đã ghép: 2 chuyến đi');
    expect(cards[0]).toHaveTextContent('Khảo sát mô hình thanh niên khởi nghiệp');
    expect(cards[0]).toHaveTextContent('Dự sinh hoạt chi đoàn thôn Bon Đưng');
    expect(cards[0]).toHaveTextContent('4 người: Lê Minh Châu, Ngô Thị Lan, Phạm Thu Hà, Trần Văn Bình');
    expect(cards[0]).toHaveTextContent(`${vn(7)} – ${vn(8)}`);
    expect(cards[1]).not.toHaveTextContent('Đoàn đã ghép');

    const feedback = section('Chuyến đi chờ ý kiến của đơn vị');
    expect(within(feedback).getByRole('link', { name: 'Gửi ý kiến' })).toHaveAttribute('href', '/feedback?trip=t-v1');
    expect(within(feedback).queryByText('Chuyến đã có ý kiến')).not.toBeInTheDocument();

    const actions = await screen.findByRole('list', { name: 'Yêu cầu khắc phục cần thực hiện' });
    expect(within(actions).getByText('Cập nhật sổ đoàn viên')).toBeInTheDocument();
    expect(within(actions).getByText(`Hạn ${vn(-1)}`)).toBeInTheDocument();
    expect(within(actions).queryByText('Việc đã xong')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Trang chủ' })).toBeInTheDocument();
  });

  it('shows anyone the API gives no home of their own their account, never the provinces’ table', async () => {
    renderPage('/', '/', <HomePage />, [viewerCanMock(['readFeed'], { id: 'u-1' }), home('CADRE', null)]);
    expect(await screen.findByText('Dương Quốc Kiên')).toBeInTheDocument();
    expect(document.querySelector('.ant-table')).toBeNull(); // no provinces' table
    expect(screen.queryByText(`Tiến độ của tôi năm ${YEAR}`)).not.toBeInTheDocument();
  });
});

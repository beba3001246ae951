import { configure, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { always, renderPage, setupUser, type Mocks } from '@/test/renderPage';
import {
  FindingEventsSubscription,
  FindingsUnitQuery,
  RecommendationCountsQuery,
  RecommendationDepartmentsQuery,
  RecommendationsQuery,
  AssignRecommendationMutation,
} from './findings.operations';
import { renderLivePage } from '@/test/renderLivePage';
import { RecommendationsPage } from './RecommendationsPage';
import { connection as pageOf } from '@/test/connection';
import { viewerCanMock } from '@/test/viewerCan';

jest.setTimeout(180_000);
// The machine running the suite may be busy: give the page time to answer.
configure({ asyncUtilTimeout: 20_000 });

const unit = (id: string, name: string) => ({ __typename: 'Unit', id, name });

function rec(id: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Recommendation',
    id,
    version: 2,
    text,
    status: 'OPEN',
    overdue: false,
    dueOn: null,
    answer: null,
    answeredAt: null,
    createdAt: '2026-10-02T03:00:00.000Z',
    departmentId: null,
    department: null,
    unit: unit('u-1', 'Đoàn xã Tuy Phong'),
    viewerCan: { __typename: 'RecommendationPermissions', assign: true, answer: true, close: false },
    ...extra,
  };
}

const OVERDUE = rec('r-1', 'Đề nghị hỗ trợ kinh phí sửa nhà văn hóa thanh niên xã.', {
  status: 'IN_PROGRESS',
  overdue: true,
  dueOn: '2026-11-10',
  departmentId: 'd-1',
  department: unit('d-1', 'Ban Phong trào'),
});
const FRESH = rec('r-2', 'Đề nghị mở lớp tập huấn kỹ năng cho bí thư chi đoàn.');
const RAISED = rec('r-3', 'Đề nghị tổ chức ngày hội việc làm cho thanh niên nông thôn.');

const connection = (nodes: unknown[]) => pageOf('RecommendationConnection', nodes);
const count = (n: number) => ({ __typename: 'RecommendationConnection', totalCount: n });

const lookups: Mocks = [
  viewerCanMock(['readRecommendations', 'raiseRecommendations', 'answerRecommendations', 'followFindingEvents'], {
    cadreId: 'c-1',
  }),
  always({
    request: { query: RecommendationCountsQuery },
    result: { data: { open: count(2), inProgress: count(1), answered: count(4), closed: count(0), overdue: count(1) } },
  }),
  always({
    request: { query: RecommendationDepartmentsQuery },
    result: {
      data: { units: { __typename: 'UnitConnection', nodes: [unit('d-1', 'Ban Phong trào'), unit('d-2', 'Ban Tổ chức')] } },
    },
  }),
];

describe('the recommendations board', () => {
  it('shows each status with its count, the overdue first and flagged, and what arrives live', async () => {
    renderPage('/recommendations', '/recommendations', <RecommendationsPage />, [
      ...lookups,
      {
        request: { query: RecommendationsQuery, variables: { statuses: ['OPEN'] } },
        result: { data: { recommendations: connection([OVERDUE, FRESH]) } },
      },
      {
        request: { query: RecommendationsQuery, variables: { statuses: ['OPEN'] } },
        result: { data: { recommendations: connection([OVERDUE, FRESH, RAISED]) } },
      },
      {
        request: { query: FindingEventsSubscription },
        result: {
          data: {
            findingEvents: {
              __typename: 'FindingEvent',
              id: 'r-3',
              kind: 'RECOMMENDATION_RAISED',
              title: RAISED.text,
              actorName: 'Trần Thị Bình',
              at: '2026-11-28T09:00:00.000Z',
              provinceId: 68,
            },
          },
        },
        delay: 1500,
      },
    ]);

    const tabs = await screen.findAllByRole('tab', {}, { timeout: 20_000 });
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Mới 2', 'Đang xử lý 1', 'Đã trả lời 4', 'Đã đóng 0']);
    expect(await screen.findByText('1 kiến nghị đã quá hạn trả lời.')).toBeInTheDocument();

    const cards = await screen.findAllByTestId('recommendation', {}, { timeout: 20_000 });
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveClass('findings-card--overdue');
    expect(within(cards[0]).getByText('Quá hạn')).toBeInTheDocument();
    expect(within(cards[0]).getByText(/Giao Ban Phong trào, hạn 10\/11\/2026/)).toBeInTheDocument();
    expect(cards[1]).not.toHaveClass('findings-card--overdue');

    // Someone else records a recommendation: it appears without reloading, with a short notice.
    expect(await screen.findByText('Trần Thị Bình vừa ghi nhận kiến nghị', {}, { timeout: 20_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('recommendation')).toHaveLength(3), { timeout: 20_000 });
  });

  it('keeps the pages the user loaded when a recommendation arrives live, and goes on loading after it', async () => {
    const user = setupUser();
    const numbered = Array.from({ length: 23 }, (_, i) => rec(`r-${i + 1}`, `Kiến nghị số ${i + 1} của chi đoàn.`));
    const raised = rec('r-new', 'Kiến nghị số 99 của chi đoàn.', { dueOn: '2026-12-01' });
    const page = (nodes: unknown[], totalCount: number, endCursor: string, hasNextPage: boolean) => ({
      recommendations: { ...connection(nodes), totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor } },
    });
    const { deliver } = renderLivePage(<RecommendationsPage />, [
      ...lookups,
      {
        request: { query: RecommendationsQuery, variables: { statuses: ['OPEN'] } },
        result: { data: page(numbered.slice(0, 20), 23, 'c-20', true) },
      },
      {
        request: { query: RecommendationsQuery, variables: { statuses: ['OPEN'], after: 'c-20' } },
        result: { data: page(numbered.slice(20), 23, 'c-23', false) },
      },
      // The live event asks again for the 23 rows on screen; the new one sorts second and pushes the last one to the next page.
      {
        request: { query: RecommendationsQuery, variables: { statuses: ['OPEN'], first: 23 } },
        result: { data: page([numbered[0], raised, ...numbered.slice(1, 22)], 24, 'c-22', true) },
      },
      {
        request: { query: RecommendationsQuery, variables: { statuses: ['OPEN'], after: 'c-22' } },
        result: { data: page(numbered.slice(22), 24, 'c-23', false) },
      },
    ]);
    const shownNumbers = () =>
      screen.getAllByTestId('recommendation').map((card) => Number(/Kiến nghị số (\d+)/.exec(card.textContent ?? '')?.[1]));
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

    expect(await screen.findByText('Đang hiện 20/23', {}, { timeout: 20_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByText('Đang hiện 23/23', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(shownNumbers()).toEqual(upTo(23));

    await deliver({ id: 'r-new', kind: 'RECOMMENDATION_RAISED', title: raised.text, actorName: 'Trần Thị Bình' });
    expect(await screen.findByText('Trần Thị Bình vừa ghi nhận kiến nghị', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(await screen.findByText('Đang hiện 23/24', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(shownNumbers()).toEqual([1, 99, ...upTo(22).slice(1)]);

    await user.click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByText('Đang hiện 24/24', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(shownNumbers()).toEqual([1, 99, ...upTo(23).slice(1)]);
  });

  it("validates the assignment as the user fills it and puts the server's error on the deadline", async () => {
    const user = setupUser();
    const message = 'Hạn trả lời không thể trước hôm nay.';
    renderPage('/recommendations', '/recommendations', <RecommendationsPage />, [
      ...lookups,
      always({ request: { query: RecommendationsQuery }, result: { data: { recommendations: connection([FRESH]) } } }),
      {
        request: {
          query: AssignRecommendationMutation,
          variables: { id: 'r-2', version: 2, input: { departmentId: 'd-2', dueOn: '2027-01-15' } },
        },
        result: { errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'input.dueOn' } })] },
      },
    ]);

    const [card] = await screen.findAllByTestId('recommendation', {}, { timeout: 20_000 });
    await user.click(within(card).getByRole('button', { name: 'Giao Ban trả lời' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 20_000 });
    await user.click(within(dialog).getByRole('button', { name: 'Giao Ban trả lời' }));
    expect(await within(dialog).findByText('Vui lòng chọn Ban/Văn phòng', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(within(dialog).getByText('Vui lòng chọn hạn trả lời')).toBeInTheDocument();

    // A date already past is refused as soon as it is entered.
    const due = within(dialog).getByLabelText('Hạn trả lời');
    await user.click(due);
    await user.type(due, '01/01/2020{Enter}');
    expect(await within(dialog).findByText('Hạn trả lời không thể trước hôm nay', {}, { timeout: 20_000 })).toBeInTheDocument();
    await user.clear(due);
    await user.type(due, '15/01/2027{Enter}');
    await waitFor(() => expect(within(dialog).queryByText('Hạn trả lời không thể trước hôm nay')).not.toBeInTheDocument());

    await user.click(within(dialog).getByLabelText('Ban/Văn phòng trả lời'));
    await user.click(await screen.findByTitle('Ban Tổ chức'));
    await waitFor(() => expect(within(dialog).queryByText('Vui lòng chọn Ban/Văn phòng')).not.toBeInTheDocument());

    await user.click(within(dialog).getByRole('button', { name: 'Giao Ban trả lời' }));
    const error = await within(dialog).findByText(message, {}, { timeout: 20_000 });
    expect(error.closest('.ant-form-item')).toBe(
      within(dialog).getByText('Hạn trả lời', { selector: 'label' }).closest('.ant-form-item'),
    );
    expect(due).toHaveValue('15/01/2027');
    expect(within(dialog).getByTitle('Ban Tổ chức')).toBeInTheDocument();
  });

  it("lets the host unit read the answer to what it raised, without the managers' buttons", async () => {
    const user = setupUser();
    const answered = rec('r-4', 'Đề nghị hỗ trợ kinh phí mua sắm thiết bị sinh hoạt chi đoàn.', {
      status: 'ANSWERED',
      dueOn: '2026-11-20',
      departmentId: 'd-1',
      department: unit('d-1', 'Ban Phong trào'),
      answer: 'Tỉnh đoàn sẽ hỗ trợ trong quý I năm 2027.',
      answeredAt: '2026-11-12T05:00:00.000Z',
      viewerCan: { __typename: 'RecommendationPermissions', assign: false, answer: false, close: false },
    });
    renderPage('/recommendations', '/recommendations', <RecommendationsPage />, [
      viewerCanMock(['readRecommendations', 'raiseRecommendations'], { id: 'user-9', unitId: 'u-1' }),
      always({
        request: { query: RecommendationCountsQuery },
        result: { data: { open: count(1), inProgress: count(0), answered: count(1), closed: count(0), overdue: count(0) } },
      }),
      always({ request: { query: FindingsUnitQuery }, result: { data: { unit: unit('u-1', 'Đoàn xã Tuy Phong') } } }),
      {
        request: { query: RecommendationsQuery, variables: { statuses: ['OPEN'] } },
        result: { data: { recommendations: connection([FRESH]) } },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
      {
        request: { query: RecommendationsQuery, variables: { statuses: ['ANSWERED'] } },
        result: { data: { recommendations: connection([answered]) } },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
    ]);

    expect(await screen.findByText('Kiến nghị của đơn vị bạn và câu trả lời của Tỉnh đoàn.')).toBeInTheDocument();
    await user.click(await screen.findByRole('tab', { name: /Đã trả lời/ }, { timeout: 20_000 }));
    const column = await screen.findByRole('region', { name: 'Đã trả lời' }, { timeout: 20_000 });
    const answer = await within(column).findByText(/Tỉnh đoàn sẽ hỗ trợ trong quý I năm 2027\./, {}, { timeout: 20_000 });
    expect(answer).toHaveTextContent(/^Trả lời \(12\/11\/2026 \d{2}:\d{2}\): Tỉnh đoàn sẽ hỗ trợ trong quý I năm 2027\.$/);
    const card = answer.closest('.findings-card') as HTMLElement;
    expect(within(card).getByText(/Giao Ban Phong trào/)).toBeInTheDocument();
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows on each card exactly the actions its viewerCan allows, and no page to whom me.can refuses it', async () => {
    const none = { __typename: 'RecommendationPermissions', assign: false, answer: false, close: false };
    const answerOnly = rec('r-5', 'Đề nghị tập huấn kỹ năng số cho đoàn viên.', { viewerCan: { ...none, answer: true } });
    const closeOnly = rec('r-6', 'Đề nghị sửa sân bóng chuyền của xã.', { viewerCan: { ...none, close: true } });
    const nothing = rec('r-7', 'Đề nghị thêm tủ sách cho nhà văn hóa.', { viewerCan: none });
    renderPage('/recommendations', '/recommendations', <RecommendationsPage />, [
      ...lookups,
      always({
        request: { query: RecommendationsQuery },
        result: { data: { recommendations: connection([answerOnly, closeOnly, nothing]) } },
      }),
    ]);
    const cards = await screen.findAllByTestId('recommendation', {}, { timeout: 20_000 });
    const buttons = (card: HTMLElement) =>
      within(card)
        .queryAllByRole('button')
        .map((b) => b.textContent);
    expect(cards.map(buttons)).toEqual([['Trả lời'], ['Đóng kiến nghị'], []]);
    expect(screen.getByRole('button', { name: /Ghi nhận kiến nghị/ })).toBeInTheDocument();
  });

  it('tells a user whom me.can gives no recommendations page so, without asking for them', async () => {
    renderPage('/recommendations', '/recommendations', <RecommendationsPage />, [viewerCanMock(['registerTrip'])]);
    expect(await screen.findByText('Trang này không dành cho vai trò của bạn.', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ghi nhận kiến nghị/ })).not.toBeInTheDocument();
  });
});

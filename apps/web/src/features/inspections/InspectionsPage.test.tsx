import { configure, screen, within } from '@testing-library/react';
import { renderLivePage } from '@/test/renderLivePage';
import { viewerCanMock } from '@/test/viewerCan';
import { always, setupUser } from '@/test/renderPage';
import { InspectionsPage } from './InspectionsPage';
import { CorrectiveActionsQuery, InspectionPlansQuery } from './inspections.operations';

jest.setTimeout(180_000);
// The machine running the suite may be busy: give the page time to answer.
configure({ asyncUtilTimeout: 20_000 });

const unit = { __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Nam Hà' };
const pageInfo = (hasNextPage: boolean, endCursor: string | null) => ({ __typename: 'PageInfo', hasNextPage, endCursor });

function action(n: number, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'CorrectiveAction',
    id: `a-${n}`,
    version: 1,
    description: `Khắc phục tồn tại số ${n} của Đoàn xã.`,
    dueOn: '2026-12-15',
    status: 'OPEN',
    overdue: false,
    doneNote: null,
    verifiedAt: null,
    responsibleUnitId: 'u-1',
    responsibleUnit: unit,
    viewerCan: { __typename: 'CorrectiveActionPermissions', markDone: false, verify: false },
    conclusion: {
      __typename: 'InspectionConclusion',
      id: 'c-1',
      concludedOn: '2026-03-11',
      unit,
      trip: { __typename: 'Trip', id: 't-1', title: 'Kiểm tra tổ chức cơ sở Đoàn', startDate: '2026-03-09', actualStart: null },
      plan: null,
    },
    ...extra,
  };
}

const actions = (nodes: unknown[], hasNextPage: boolean, endCursor: string) => ({
  correctiveActions: {
    __typename: 'CorrectiveActionConnection',
    totalCount: 22,
    pageInfo: pageInfo(hasNextPage, endCursor),
    nodes,
  },
});

describe('the inspections page, live', () => {
  it('keeps the corrective actions the user loaded when one is reported done, and shows it done', async () => {
    const user = setupUser();
    const numbered = Array.from({ length: 22 }, (_, i) => action(i + 1));
    const done = action(21, {
      version: 2,
      status: 'DONE',
      doneNote: 'Đã kiện toàn Ban Chấp hành, đủ 9 đồng chí.',
      viewerCan: { __typename: 'CorrectiveActionPermissions', markDone: false, verify: true },
    });
    const variables = { overdueOnly: false, withPlan: true };
    const { deliver } = renderLivePage(<InspectionsPage />, [
      viewerCanMock(['readInspections', 'readInspectionPlans', 'manageInspections', 'followFindingEvents']),
      always({
        request: { query: InspectionPlansQuery },
        result: {
          data: {
            inspectionPlans: {
              __typename: 'InspectionPlanConnection',
              totalCount: 0,
              pageInfo: pageInfo(false, null),
              nodes: [],
            },
          },
        },
      }),
      { request: { query: CorrectiveActionsQuery, variables }, result: { data: actions(numbered.slice(0, 20), true, 'c-20') } },
      {
        request: { query: CorrectiveActionsQuery, variables: { ...variables, after: 'c-20' } },
        result: { data: actions(numbered.slice(20), false, 'c-22') },
      },
      // The live event asks again for the 22 rows on screen.
      {
        request: { query: CorrectiveActionsQuery, variables: { ...variables, first: 22 } },
        result: { data: actions([...numbered.slice(0, 20), done, numbered[21]], false, 'c-22') },
      },
    ]);
    const shownNumbers = () =>
      within(screen.getByRole('region', { name: 'Yêu cầu khắc phục' }))
        .getAllByText(/^Khắc phục tồn tại số \d+/)
        .map((text) => Number(/số (\d+)/.exec(text.textContent ?? '')?.[1]));
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

    await user.click(await screen.findByRole('tab', { name: 'Yêu cầu khắc phục' }, { timeout: 20_000 }));
    expect(await screen.findByText('Đang hiện 20/22', {}, { timeout: 20_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByText('Đang hiện 22/22', {}, { timeout: 20_000 })).toBeInTheDocument();

    await deliver({ id: 'a-21', kind: 'ACTION_DONE', title: done.description, actorName: 'Đoàn xã Nam Hà' });
    expect(await screen.findByText('Đoàn xã Nam Hà báo cáo đã khắc phục', {}, { timeout: 20_000 })).toBeInTheDocument();
    const note = await screen.findByText('Đã kiện toàn Ban Chấp hành, đủ 9 đồng chí.', {}, { timeout: 20_000 });
    const card = note.closest('.findings-card') as HTMLElement;
    expect(within(card).getByText('Khắc phục tồn tại số 21 của Đoàn xã.')).toBeInTheDocument();
    expect(within(card).getByText('Đã báo cáo khắc phục')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Xác nhận đã khắc phục' })).toBeInTheDocument();
    expect(screen.getByText('Đang hiện 22/22')).toBeInTheDocument();
    expect(shownNumbers()).toEqual(upTo(22));
  });

  it('shows the plan, team and visit buttons the API offers: me.can for the page, viewerCan for each plan and visit', async () => {
    const visit = {
      __typename: 'Trip',
      id: 't-5',
      version: 3,
      title: 'Kiểm tra, giám sát: Kiểm tra tổ chức cơ sở Đoàn',
      state: 'COMPLETED',
      startDate: '2026-05-04',
      endDate: '2026-05-05',
      leadCadreId: 'cadre-1',
      inspectionViewerCan: { __typename: 'InspectionVisitPermissions', conclude: true },
      destinations: [unit],
      conclusions: [],
    };
    const plan = (id: string, title: string, manage: boolean) => ({
      __typename: 'InspectionPlan',
      id,
      version: 1,
      year: new Date().getFullYear(),
      title,
      subject: 'ORGANISATION',
      description: '',
      startsOn: '2026-04-01',
      endsOn: '2026-06-30',
      targets: [unit],
      viewerCan: { __typename: 'InspectionPlanPermissions', addTeam: manage, scheduleVisits: manage },
      teams: [
        {
          __typename: 'InspectionTeam',
          id: `team-${id}`,
          name: 'Đoàn kiểm tra số 1',
          leadCadreId: 'cadre-1',
          lead: { __typename: 'Cadre', id: 'cadre-1', fullName: 'Đặng Văn Kiểm' },
          members: [{ __typename: 'Cadre', id: 'cadre-1', fullName: 'Đặng Văn Kiểm' }],
          visits: manage ? [] : [visit],
        },
      ],
    });
    renderLivePage(<InspectionsPage />, [
      viewerCanMock(['readInspections', 'readInspectionPlans']),
      always({
        request: { query: InspectionPlansQuery },
        result: {
          data: {
            inspectionPlans: {
              __typename: 'InspectionPlanConnection',
              totalCount: 2,
              pageInfo: pageInfo(false, null),
              nodes: [plan('p-1', 'Kiểm tra tổ chức cơ sở Đoàn', false), plan('p-2', 'Giám sát quỹ đoàn phí', true)],
            },
          },
        },
      }),
      always({ request: { query: CorrectiveActionsQuery }, result: { data: actions([], false, 'c-0') } }),
    ]);

    const led = (await screen.findByRole('heading', { name: 'Kiểm tra tổ chức cơ sở Đoàn' }, { timeout: 20_000 })).closest(
      '.plan-card',
    ) as HTMLElement;
    expect(within(led).getByRole('button', { name: 'Ghi kết luận' })).toBeInTheDocument();
    expect(within(led).queryByRole('button', { name: 'Thành lập đoàn' })).not.toBeInTheDocument();
    expect(within(led).queryByRole('button', { name: 'Lên lịch kiểm tra' })).not.toBeInTheDocument();
    const managed = screen.getByRole('heading', { name: 'Giám sát quỹ đoàn phí' }).closest('.plan-card') as HTMLElement;
    expect(within(managed).getByRole('button', { name: 'Thành lập đoàn' })).toBeInTheDocument();
    expect(within(managed).getByRole('button', { name: 'Lên lịch kiểm tra' })).toBeInTheDocument();
    // me.can gives neither planning nor recording a higher-level inspection.
    expect(screen.queryByRole('button', { name: /Lập kế hoạch/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ghi nhận tham gia đoàn cấp trên' })).not.toBeInTheDocument();
  });

  it('shows a host unit its corrective actions only, without the plans', async () => {
    renderLivePage(<InspectionsPage />, [
      viewerCanMock(['readInspections'], { unitId: 'u-1' }),
      always({
        request: { query: CorrectiveActionsQuery, variables: { overdueOnly: false, withPlan: false } },
        result: { data: actions([action(1)], false, 'c-1') },
      }),
    ]);
    expect(await screen.findByText('Khắc phục tồn tại số 1 của Đoàn xã.', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
  });
});

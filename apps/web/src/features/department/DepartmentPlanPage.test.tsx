import { configure, screen, within } from '@testing-library/react';
import { always, renderPage, setupUser } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import { AcceptTripReportMutation } from '@/features/trips';
import { DepartmentPlanPage, quarterRange } from './DepartmentPlanPage';
import { DepartmentPlanQuery, HeadDepartmentQuery, MembersProgressQuery, ReportsToAcceptQuery } from './department.operations';

// antd's first render in jsdom is slow on a busy machine: wait for answers as long as a person would.
configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(600_000);

const HEAD = { id: 'u-head', cadreId: 'c-head' };
const LEAD = { __typename: 'Cadre', id: 'c-1', fullName: 'Trần Thị Lan' };

function trip(id: string, title: string, state: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Trip',
    id,
    version: 3,
    title,
    kind: 'TOPIC',
    state,
    startDate: '2026-11-02',
    endDate: '2026-11-04',
    days: 3,
    lead: LEAD,
    report: null,
    viewerCan: { __typename: 'TripPermissions', acceptReport: state === 'REPORTED' },
    ...extra,
  };
}

const reported = trip('t-9', 'Khảo sát thanh niên Phú Quý', 'REPORTED', {
  report: { __typename: 'TripReport', submittedAt: '2026-11-06T02:00:00Z', dueOn: '2026-11-14', late: false },
});

/** The department's quarter returned by the board; `submit` is what the API says of submitting it again. */
const plan = (submit: boolean) => ({
  __typename: 'QuarterlyPlan',
  id: 'p-1',
  departmentId: 'd-1',
  quarter: 4,
  state: 'RETURNED',
  version: 2,
  note: 'Bổ sung chuyến đến xã biên giới.',
  submittedAt: null,
  decidedAt: null,
  viewerCan: { __typename: 'QuarterlyPlanPermissions', submit },
});

let accepted = false;
const pageMocks = ({ submit = true, reports = [reported] }: { submit?: boolean; reports?: unknown[] } = {}) => [
  viewerCanMock(['submitDepartmentPlan'], HEAD),
  always({
    request: { query: HeadDepartmentQuery },
    result: {
      data: {
        cadre: {
          __typename: 'Cadre',
          id: 'c-head',
          departmentId: 'd-1',
          department: { __typename: 'Unit', id: 'd-1', name: 'Ban Phong trào' },
        },
      },
    },
  }),
  always({
    request: { query: DepartmentPlanQuery },
    result: {
      data: {
        quarterlyPlans: [plan(submit)],
        trips: {
          __typename: 'TripConnection',
          totalCount: 1 + reports.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: [trip('t-1', 'Dự sinh hoạt chi đoàn thôn 3', 'DRAFT'), ...reports],
        },
      },
    },
  }),
  always({
    request: { query: ReportsToAcceptQuery },
    result: () => ({
      data: {
        trips: { __typename: 'TripConnection', totalCount: accepted ? 0 : reports.length, nodes: accepted ? [] : reports },
      },
    }),
  }),
  always({
    request: { query: MembersProgressQuery },
    result: {
      data: {
        cadreCompliance: {
          __typename: 'CadreComplianceConnection',
          totalCount: 1,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: [
            {
              __typename: 'CadreCompliance',
              cadreId: 'c-1',
              fullName: 'Trần Thị Lan',
              countedDays: 42,
              requiredDays: 60,
              projectedDays: 63,
              hardshipDays: 5,
              status: 'ON_TRACK',
              byKind: { __typename: 'DaysByKind', topic: 20, coordination: 10, inspection: 4, meeting: 8 },
            },
          ],
        },
      },
    },
  }),
  {
    request: { query: AcceptTripReportMutation, variables: { id: 't-9', version: 3 } },
    result: () => {
      accepted = true;
      return { data: { acceptTripReport: { __typename: 'Trip', id: 't-9', state: 'REPORT_ACCEPTED', version: 4 } } };
    },
  },
];
const mocks = pageMocks();

describe("the department head's quarterly plan", () => {
  it('knows the quarters', () => {
    expect(quarterRange(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterRange(2024, 1).to).toBe('2024-03-31');
    expect(quarterRange(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it("shows the department's trips, its plan, members' days and the reports to accept", async () => {
    renderPage('/department/plan', '/department/plan', <DepartmentPlanPage />, mocks);

    expect(await screen.findByText('Kế hoạch quý – Ban Phong trào')).toBeInTheDocument();
    expect(await screen.findByText('Dự sinh hoạt chi đoàn thôn 3')).toBeInTheDocument();
    expect(screen.getByText('Trả lại')).toBeInTheDocument();
    expect(screen.getByText('Ý kiến của Thường trực: Bổ sung chuyến đến xã biên giới.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Trình kế hoạch quý/ })).toBeEnabled();
    expect(screen.getAllByText('02/11/2026 – 04/11/2026').length).toBeGreaterThan(0);

    expect(await screen.findByText('Báo cáo chờ chấp nhận (1)')).toBeInTheDocument();
    const report = screen.getByRole('link', { name: 'Đọc báo cáo chuyến Khảo sát thanh niên Phú Quý' });
    expect(report).toHaveAttribute('href', '/trips/t-9');

    expect(await screen.findByText('42/60 ngày')).toBeInTheDocument();
  });

  it('is not offered to whom the API does not let submit a department plan', async () => {
    renderPage('/department/plan', '/department/plan', <DepartmentPlanPage />, [viewerCanMock([], HEAD)]);
    expect(await screen.findByText('Trang này dành cho Trưởng ban của các Ban, Văn phòng.')).toBeInTheDocument();
  });

  it('offers submitting the plan and accepting a report only as their viewerCan says', async () => {
    const notAcceptable = { ...reported, viewerCan: { __typename: 'TripPermissions', acceptReport: false } };
    renderPage(
      '/department/plan',
      '/department/plan',
      <DepartmentPlanPage />,
      pageMocks({ submit: false, reports: [notAcceptable] }),
    );
    expect(await screen.findByText('Dự sinh hoạt chi đoàn thôn 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Trình kế hoạch quý/ })).toBeDisabled();
    expect(await screen.findByText('Báo cáo chờ chấp nhận (1)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Đọc báo cáo chuyến Khảo sát thanh niên Phú Quý' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Chấp nhận báo cáo chuyến/ })).not.toBeInTheDocument();
  });

  it('accepts a report from the list', async () => {
    const user = setupUser();
    renderPage('/department/plan', '/department/plan', <DepartmentPlanPage />, mocks);
    const button = await screen.findByRole('button', { name: 'Chấp nhận báo cáo chuyến Khảo sát thanh niên Phú Quý' });
    await user.click(button);
    expect(await screen.findByText('Không có báo cáo nào chờ chấp nhận.')).toBeInTheDocument();
    expect(within(document.body).queryByRole('button', { name: /Chấp nhận báo cáo chuyến/ })).not.toBeInTheDocument();
  });
});

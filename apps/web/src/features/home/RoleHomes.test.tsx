import { configure, screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { always, renderPage } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import {
  CentralHomeQuery,
  DepartmentHomeQuery,
  HomeDepartmentQuery,
  HomeQuery,
  MyComplianceQuery,
  OrganisationHomeQuery,
  ProvinceTasksQuery,
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
          username: 'demo',
          fullName: 'Nguyễn Thị Hồng',
          role,
          province: cadreId ? { __typename: 'Province', id: 68, name: 'Lâm Đồng', kind: 'PROVINCE', predecessors: [] } : null,
        },
      },
    },
  });

const noProgress = always({ request: { query: MyComplianceQuery }, result: { data: { myCompliance: null } } });

const lead = { __typename: 'Cadre', id: 'c-2', fullName: 'Trần Văn Bình' };

const tasks = always({
  request: { query: ProvinceTasksQuery },
  result: {
    data: {
      waiting: {
        __typename: 'TripConnection',
        totalCount: 4,
        nodes: [
          {
            __typename: 'Trip',
            id: 't-old',
            submittedAt: dayjs().subtract(5, 'day').subtract(2, 'hour').toISOString(),
            createdAt: dayjs().subtract(6, 'day').toISOString(),
          },
        ],
      },
      pastStart: {
        __typename: 'TripConnection',
        totalCount: 2,
        nodes: [
          { __typename: 'Trip', id: 't-p1', title: 'Khảo sát thanh niên xã Đạ Sar', startDate: day(-3), endDate: day(-2), lead },
          { __typename: 'Trip', id: 't-p2', title: 'Dự sinh hoạt chi đoàn thôn 2', startDate: day(-1), endDate: day(0), lead },
        ],
      },
      mergeSuggestions: [
        {
          __typename: 'MergeSuggestion',
          unitId: 'u-5',
          unitName: 'Đoàn xã Lạc Dương',
          weekStart: day(7),
          tripIds: ['t-m1', 't-m2'],
          titles: ['Tuyên truyền pháp luật', 'Hướng dẫn khởi nghiệp'],
        },
      ],
      overloaded: [
        {
          __typename: 'HostWeekLoad',
          unitId: 'u-6',
          unitName: 'Đoàn phường Xuân Hương',
          periodStart: day(0).slice(0, 8) + '01',
          delegations: 11,
          cadreDays: 30,
        },
      ],
    },
  },
});

describe('the home of those who run the province and the country', () => {
  it('shows the standing board what waits on it: registrations and the oldest wait, trips past their date, merges, overloaded hosts', async () => {
    renderPage('/', '/', <HomePage />, [
      viewerCanMock(['decideTrips', 'mergeDelegations', 'readDashboard', 'acceptReports', 'seeOwnTrips', 'registerTrip'], {
        cadreId: 'c-1',
      }),
      home('STANDING_BOARD', 'c-1'),
      tasks,
      noProgress,
    ]);
    expect(await screen.findByText('chờ lâu nhất 5 ngày')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mở trang duyệt' })).toHaveAttribute('href', '/approvals');
    // Trips pending past their start date: an alert above everything, and each listed with its link.
    expect(screen.getByText('2 chuyến đi chưa được duyệt mà đã quá ngày đi')).toBeInTheDocument();
    const past = screen.getByRole('list', { name: 'Chờ duyệt nhưng đã quá ngày đi' });
    expect(within(past).getByRole('link', { name: 'Khảo sát thanh niên xã Đạ Sar' })).toHaveAttribute('href', '/trips/t-p1');
    expect(within(past).getAllByText('Đã quá ngày đi')).toHaveLength(2);
    expect(past).toHaveTextContent(`${vn(-3)} – ${vn(-2)}`);

    const merges = screen.getByRole('list', { name: 'Gợi ý ghép đoàn trong 8 tuần tới' });
    expect(merges).toHaveTextContent('Đoàn xã Lạc Dương');
    expect(merges).toHaveTextContent(`Tuần từ ${vn(7)} · 2 chuyến`);
    expect(screen.getByRole('link', { name: 'Ghép đoàn' })).toHaveAttribute('href', '/approvals?tab=approved');

    const overloaded = screen.getByRole('list', { name: 'Đơn vị tiếp quá nhiều đoàn tháng này' });
    expect(overloaded).toHaveTextContent('Đoàn phường Xuân Hương');
    expect(within(overloaded).getByText('11 đoàn')).toBeInTheDocument();
    // A board member is a cadre too: their own progress stays on their home.
    expect(await screen.findByText(`Tiến độ của tôi năm ${YEAR}`)).toBeInTheDocument();
    expect(document.querySelector('.ant-table')).toBeNull(); // no provinces' table
  });

  it('shows a department head the quarter’s plan, reports to accept and members falling behind', async () => {
    renderPage('/', '/', <HomePage />, [
      viewerCanMock(['acceptReports', 'submitDepartmentPlan', 'seeOwnTrips', 'readDashboard'], { cadreId: 'c-1' }),
      home('DEPARTMENT_HEAD', 'c-1'),
      noProgress,
      always({
        request: { query: HomeDepartmentQuery },
        result: {
          data: {
            cadre: { __typename: 'Cadre', id: 'c-1', department: { __typename: 'Unit', id: 'd-1', name: 'Ban Phong trào' } },
          },
        },
      }),
      always({
        request: { query: DepartmentHomeQuery },
        result: {
          data: {
            quarterlyPlans: [
              {
                __typename: 'QuarterlyPlan',
                id: 'p-0',
                departmentId: 'd-other',
                state: 'APPROVED',
                submittedAt: null,
                decidedAt: null,
                note: null,
              },
              {
                __typename: 'QuarterlyPlan',
                id: 'p-1',
                departmentId: 'd-1',
                state: 'RETURNED',
                submittedAt: '2026-10-02T02:00:00.000Z',
                decidedAt: '2026-10-03T02:00:00.000Z',
                note: 'Bổ sung chuyến đi vùng sâu',
              },
            ],
            reports: {
              __typename: 'TripConnection',
              totalCount: 1,
              nodes: [
                {
                  __typename: 'Trip',
                  id: 't-r1',
                  title: 'Kiểm tra công tác đoàn viên',
                  startDate: day(-12),
                  endDate: day(-11),
                  lead,
                  report: { __typename: 'TripReport', submittedAt: dayjs().subtract(2, 'day').toISOString() },
                },
              ],
            },
            atRisk: {
              __typename: 'CadreComplianceConnection',
              totalCount: 2,
              nodes: [
                {
                  __typename: 'CadreCompliance',
                  cadreId: 'c-7',
                  fullName: 'Lê Thị Mai',
                  countedDays: 12,
                  requiredDays: 60,
                  projectedDays: 20,
                  status: 'BEHIND',
                },
                {
                  __typename: 'CadreCompliance',
                  cadreId: 'c-8',
                  fullName: 'Phạm Quốc Huy',
                  countedDays: 40,
                  requiredDays: 60,
                  projectedDays: 55,
                  status: 'AT_RISK',
                },
              ],
            },
          },
        },
      }),
    ]);
    const quarter = Math.floor(new Date().getMonth() / 3) + 1;
    expect(await screen.findByText(`Kế hoạch quý ${quarter}/${YEAR} của Ban`)).toBeInTheDocument();
    expect(await screen.findByText('Ban Phong trào')).toBeInTheDocument();
    expect(screen.getByText('Trả lại')).toBeInTheDocument(); // the department's own plan, not another's
    expect(screen.getByText('Thường trực trả lại: Bổ sung chuyến đi vùng sâu')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Mở kế hoạch của Ban' })[0]).toHaveAttribute('href', '/department/plan');

    expect(screen.getByText('1 báo cáo chờ chấp nhận')).toBeInTheDocument();
    const reports = screen.getByRole('list', { name: 'Báo cáo chờ Trưởng ban chấp nhận' });
    expect(within(reports).getByRole('link', { name: 'Kiểm tra công tác đoàn viên' })).toHaveAttribute('href', '/trips/t-r1');

    const members = screen.getByRole('list', { name: `Cán bộ cần chú ý năm ${YEAR}` });
    const items = within(members).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Lê Thị Mai');
    expect(items[0]).toHaveTextContent('12/60 ngày · dự kiến 20');
    expect(within(items[0]).getByText('Chậm tiến độ')).toBeInTheDocument();
    expect(within(items[1]).getByText('Có nguy cơ')).toBeInTheDocument();
  });

  it('shows the central union the year summed up, provinces with no figures and provinces falling behind', async () => {
    const row = (id: number, name: string, subject: number, met: number, atRisk: number, behind: number) => ({
      __typename: 'ProvinceCompliance',
      provinceId: id,
      province: { __typename: 'Province', id, name },
      subjectCadres: subject,
      exempt: 0,
      metCount: met,
      metShare: subject ? met / subject : 0,
      onTrack: subject - met - atRisk - behind,
      atRisk,
      behind,
      notMet: 0,
      hasData: subject > 0,
      averageDays: subject ? 40 : 0,
    });
    renderPage('/', '/', <HomePage />, [
      viewerCanMock(['readCentralComparison', 'readEveryProvince', 'readDashboard']),
      home('CENTRAL', null),
      always({
        request: { query: CentralHomeQuery },
        result: {
          data: {
            provincesWithRule: [1, 2, 3],
            centralComparison: [
              row(1, 'Hà Nội', 20, 10, 2, 2),
              row(2, 'Lâm Đồng', 10, 1, 3, 4),
              row(3, 'Cà Mau', 0, 0, 0, 0),
              row(4, 'Hồ Chí Minh', 21, 0, 10, 11),
              row(5, 'An Giang', 0, 0, 0, 0),
            ],
          },
        },
      }),
    ]);
    expect(await screen.findByText(`Toàn quốc năm ${YEAR}`)).toBeInTheDocument();
    // 11 of 51 subject cadres met, over the three provinces with figures.
    expect(await screen.findByText('21,6%')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Mở so sánh các tỉnh' })[0]).toHaveAttribute('href', `/central?year=${YEAR}`);
    // Each province with no figures in one group, by what it lacks.
    const noCadres = screen.getByRole('region', { name: '1 tỉnh chưa có cán bộ thuộc diện' });
    expect(within(noCadres).getByRole('link', { name: 'Cà Mau' })).toHaveAttribute('href', `/dashboard?province=3&year=${YEAR}`);
    const noRule = screen.getByRole('region', {
      name: `1 tỉnh có cán bộ nhưng chưa đặt quy định năm ${YEAR} (đang dùng mặc định)`,
    });
    expect(within(noRule).getByRole('link', { name: 'Hồ Chí Minh' })).toBeInTheDocument();
    const neither = screen.getByRole('region', { name: `1 tỉnh chưa có cán bộ thuộc diện, chưa đặt quy định năm ${YEAR}` });
    expect(within(neither).getByRole('link', { name: 'An Giang' })).toBeInTheDocument();
    expect(within(noCadres).queryByRole('link', { name: 'An Giang' })).not.toBeInTheDocument();

    const behind = within(screen.getByRole('list', { name: 'Tỉnh chậm tiến độ' })).getAllByRole('listitem');
    expect(behind).toHaveLength(2); // Hà Nội has a fifth of its cadres behind: not listed
    expect(behind[0]).toHaveTextContent('Hồ Chí Minh');
    expect(behind[0]).toHaveTextContent('21/21 cán bộ chậm tiến độ, có nguy cơ hoặc không đạt');
    expect(behind[1]).toHaveTextContent('Lâm Đồng');
    expect(within(behind[1]).getByRole('progressbar', { name: 'Lâm Đồng: đạt 10%' })).toBeInTheDocument();
    expect(document.querySelector('.ant-table')).toBeNull(); // no provinces' table
  });

  it('shows the organisation department the board’s tasks and its own: the year’s rule, the roster, late reports', async () => {
    renderPage('/', '/', <HomePage />, [
      viewerCanMock(['manageRoster', 'editRules', 'mergeDelegations', 'readDashboard', 'registerTrip']),
      home('PROVINCE_ADMIN', null),
      tasks,
      always({
        request: { query: OrganisationHomeQuery },
        result: {
          data: {
            policyRule: { __typename: 'PolicyRule', year: YEAR, version: 0, requiredDays: 60 },
            provinceCompliance: {
              __typename: 'ProvinceCompliance',
              provinceId: 68,
              subjectCadres: 43,
              exempt: 3,
              overdueReports: 2,
              agencyStaff: { __typename: 'Ratio', count: 14, total: 21 },
              executiveMembers: { __typename: 'Ratio', count: 29, total: 37 },
            },
          },
        },
      }),
    ]);
    const tasksList = await screen.findByRole('list', { name: 'Việc của Ban Tổ chức' });
    expect(await within(tasksList).findByText(`Quy định năm ${YEAR}`)).toBeInTheDocument();
    expect(within(tasksList).getByText('Chưa đặt')).toBeInTheDocument();
    expect(within(tasksList).getByRole('link', { name: 'Mở quy định' })).toHaveAttribute('href', '/organisation/rules');
    expect(tasksList).toHaveTextContent('Chuyên trách cơ quan 14/21 · Ủy viên BCH chuyên trách 29/37');
    expect(within(tasksList).getByText('3 người được miễn')).toBeInTheDocument();
    expect(within(tasksList).getByText('2 báo cáo')).toBeInTheDocument();
    // The board's summary is there, but the approvals page is not the department's to open.
    expect(await screen.findByText('chờ lâu nhất 5 ngày')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Mở trang duyệt' })).not.toBeInTheDocument();
    expect(screen.queryByText(`Tiến độ của tôi năm ${YEAR}`)).not.toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import { always, renderPage, type Mocks } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import {
  ComplianceChangedSubscription,
  ComplianceTrendQuery,
  DashboardQuery,
  DashboardViewerQuery,
  ProvinceOptionsQuery,
} from './compliance.operations';
import { DashboardPage } from './DashboardPage';

jest.setTimeout(60_000);

const LAM_DONG = 68;
const BINH_THUAN = 60;
const NO_FILTER = { search: null, statuses: null, departmentId: null };

const province = always({
  request: { query: DashboardViewerQuery },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'user-1',
        province: {
          __typename: 'Province',
          id: LAM_DONG,
          name: 'Lâm Đồng',
          predecessors: [
            { __typename: 'Province', id: BINH_THUAN, name: 'Bình Thuận' },
            { __typename: 'Province', id: 61, name: 'Đắk Nông' },
          ],
        },
      },
    },
  },
});

/** The organisation department: its province's dashboard, with the history of the provinces merged into it. */
const viewer = [viewerCanMock(['readDashboard']), province];

const trend = always({
  request: { query: ComplianceTrendQuery },
  result: { data: { complianceTrend: [] } },
});

const ratio = (count: number, total: number) => ({ __typename: 'Ratio', count, total });

function cadre(cadreId: string, fullName: string, countedDays: number, status: string) {
  return {
    __typename: 'CadreCompliance',
    cadreId,
    fullName,
    countedDays,
    requiredDays: 60,
    projectedDays: countedDays,
    hardshipDays: 4,
    status,
    byKind: { __typename: 'DaysByKind', topic: 30, coordination: 20, inspection: 5, meeting: countedDays - 55 },
  };
}

function dashboard(totalDays: number) {
  return {
    request: { query: DashboardQuery, variables: { year: 2019, provinceId: BINH_THUAN, filter: NO_FILTER } },
    result: {
      data: {
        provinceCompliance: {
          __typename: 'ProvinceCompliance',
          provinceId: BINH_THUAN,
          year: 2019,
          subjectCadres: 29,
          agencyStaff: ratio(14, 21),
          executiveMembers: ratio(29, 37),
          hasData: true,
          metShare: 1,
          metCount: 29,
          requiredDays: 60,
          totalDays,
          exemptDays: 4,
          averageDays: totalDays / 29,
          hardshipShare: 0.25,
          lateTrips: 2,
          tripsRegistered: 140,
          tripsApproved: 131,
          tripsCarriedOut: 126,
          unreportedTrips: 0,
          overdueReports: 0,
          estimatedCost: 152_000_000,
          actualCost: 148_500_000,
          coverage: {
            __typename: 'Coverage',
            reached: 17,
            total: 18,
            missing: [{ __typename: 'CoverageUnit', unitId: 'u-pq', name: 'Huyện đoàn Phú Quý' }],
          },
        },
        departmentCompliance: [
          {
            __typename: 'DepartmentCompliance',
            departmentId: 'd-1',
            departmentName: 'Ban Phong trào',
            subjectCadres: 6,
            agencyStaff: ratio(3, 5),
            executiveMembers: ratio(6, 8),
            hasData: true,
            metCount: 4,
            metShare: 4 / 6,
            onTrack: 0,
            atRisk: 0,
            behind: 0,
            notMet: 2,
            exempt: 1,
            totalDays: 372,
            exemptDays: 4,
            averageDays: 62,
            hardshipShare: 0.2,
            overdueReports: 0,
          },
          {
            __typename: 'DepartmentCompliance',
            departmentId: 'd-2',
            departmentName: 'Văn phòng',
            subjectCadres: 0,
            agencyStaff: ratio(0, 1),
            executiveMembers: ratio(0, 1),
            hasData: false,
            metCount: 0,
            metShare: 0,
            onTrack: 0,
            atRisk: 0,
            behind: 0,
            notMet: 0,
            exempt: 1,
            totalDays: 0,
            exemptDays: 0,
            averageDays: 0,
            hardshipShare: 0,
            overdueReports: 0,
          },
        ],
        cadreCompliance: {
          __typename: 'CadreComplianceConnection',
          totalCount: 4,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: [
            cadre('c-1', 'Nguyễn Văn An', 64, 'MET'),
            cadre('c-2', 'Trần Thị Bích', 58, 'AT_RISK'),
            cadre('c-3', 'Lê Văn Cường', 0, 'EXEMPT'),
            cadre('c-4', 'Phạm Thị Dung', 59, 'NOT_MET'),
          ],
        },
      },
    },
  };
}

function tile(key: string): HTMLElement {
  return screen.getByTestId(`tile-${key}`);
}

describe('the province dashboard', () => {
  it("reads Bình Thuận's 2019 figures the way the annual report writes them", async () => {
    const mocks: Mocks = [...viewer, trend, dashboard(1785)];
    renderPage('/dashboard', '/dashboard?province=60&year=2019', <DashboardPage />, mocks);

    expect(await screen.findByText('14/21')).toBeInTheDocument();
    expect(within(tile('executive')).getByText('29/37')).toBeInTheDocument();
    expect(within(tile('subject')).getByText('29')).toBeInTheDocument();
    expect(within(tile('days')).getByText('1.785')).toBeInTheDocument();
    // Days of cadres exempt all year are shown apart, never in the total or the average.
    expect(within(tile('days')).getByText('Không gồm 4 ngày của cán bộ được miễn cả kỳ')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cách tính số liệu' })).toHaveAttribute('href', '/figures');
    expect(within(tile('average')).getByText('61,55')).toBeInTheDocument();
    // Labelled so that no ratio reads as another: met is "29/29 (100%)" under "Đạt", beside the subject count.
    expect(within(tile('met')).getByText('Đạt')).toBeInTheDocument();
    expect(within(tile('met')).getByText('29/29 (100%)')).toBeInTheDocument();
    expect(within(tile('agency')).getByText('Chuyên trách cơ quan: thuộc diện/tổng số')).toBeInTheDocument();
    expect(within(tile('subject')).getByText('Cán bộ thuộc diện')).toBeInTheDocument();
    expect(within(tile('trips')).getByText('126')).toBeInTheDocument();
    expect(within(tile('trips')).getByText('Đăng ký 140, được duyệt 131')).toBeInTheDocument();
    expect(within(tile('cost')).getByText('148.500.000 đ')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Bình Thuận · 2019');
    expect(screen.getByText('Dữ liệu lịch sử, chỉ xem')).toBeInTheDocument();

    expect(screen.getByTestId('coverage')).toHaveTextContent('17/18 đơn vị');
    expect(screen.getByText('Huyện đoàn Phú Quý')).toBeInTheDocument();

    const row = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;
    expect(within(row('Nguyễn Văn An')).getByText('Đạt')).toBeInTheDocument();
    expect(within(row('Nguyễn Văn An')).getByText('64/60 ngày')).toBeInTheDocument();
    expect(within(row('Trần Thị Bích')).getByText('Có nguy cơ')).toBeInTheDocument();
    expect(within(row('Lê Văn Cường')).getByText('Được miễn')).toBeInTheDocument();
    expect(within(row('Phạm Thị Dung')).getByText('Không đạt')).toBeInTheDocument();
    expect(within(row('Ban Phong trào')).getByText('3/5')).toBeInTheDocument();

    // The department table's state columns add up to the headcount: 4 met + 2 not met = 6 subject cadres.
    const departments = row('Ban Phong trào').closest('table') as HTMLElement;
    const headers = within(departments)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const cell = (name: string, header: string) => within(row(name)).getAllByRole('cell')[headers.indexOf(header)].textContent;
    const states = ['Đạt', 'Đúng tiến độ', 'Có nguy cơ', 'Chậm tiến độ', 'Không đạt'];
    expect(states.map((s) => cell('Ban Phong trào', s))).toEqual(['4', '0', '0', '0', '2']);
    expect(cell('Ban Phong trào', 'Cán bộ thuộc diện')).toBe('6');
    expect(cell('Ban Phong trào', 'Tỷ lệ đạt')).toBe('66,7%');
    expect(cell('Ban Phong trào', 'Ngày của cán bộ được miễn')).toBe('4');
    // A department whose only cadre is exempt all year has no data: not 0%.
    expect(cell('Văn phòng', 'Tỷ lệ đạt')).toBe('Chưa có số liệu');
    expect(cell('Văn phòng', 'Bình quân ngày / cán bộ')).toBe('Chưa có số liệu');
  });

  it('fetches the figures again when the province reports a change, and says so', async () => {
    const mocks: Mocks = [
      ...viewer,
      trend,
      dashboard(1785),
      {
        request: { query: ComplianceChangedSubscription, variables: { year: 2019 } },
        result: {
          data: {
            complianceChanged: {
              __typename: 'ComplianceUpdate',
              year: 2019,
              province: { __typename: 'ProvinceCompliance', provinceId: BINH_THUAN },
              cadres: [],
            },
          },
        },
        delay: 300,
      },
      dashboard(1791),
    ];
    renderPage('/dashboard', '/dashboard?province=60&year=2019', <DashboardPage />, mocks);

    expect(await screen.findByText('1.785')).toBeInTheDocument();
    expect(await screen.findByText('Vừa cập nhật', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(tile('days')).getByText('1.791')).toBeInTheDocument();
  });

  it('leaves the years without data out of the trend instead of drawing them at 0', async () => {
    const point = (year: number, averageDays: number, hasData: boolean) => ({
      __typename: 'ProvinceCompliance',
      year,
      averageDays,
      metShare: hasData ? 0.5 : 0,
      hasData,
    });
    const gappy = always({
      request: { query: ComplianceTrendQuery },
      result: {
        data: {
          complianceTrend: [
            point(2015, 0, false),
            point(2016, 0, false),
            point(2017, 48.5, true),
            point(2018, 0, false),
            point(2019, 61.55, true),
          ],
        },
      },
    });
    renderPage('/dashboard', '/dashboard?province=60&year=2019', <DashboardPage />, [...viewer, gappy, dashboard(1785)]);
    const caption = await screen.findByText(/2017: 48,50/u);
    expect(caption).toHaveTextContent(/^2017: 48,50; 2019: 61,55$/u);
  });

  it('is not offered to whom me.can gives no dashboard', async () => {
    renderPage('/dashboard', '/dashboard', <DashboardPage />, [viewerCanMock(['readReports']), province]);
    expect(await screen.findByText('Bạn không có quyền xem kết quả thực hiện của tỉnh.')).toBeInTheDocument();
  });

  it('asks for a province first when me.can reads every province', async () => {
    const central = always({
      request: { query: DashboardViewerQuery },
      result: { data: { me: { __typename: 'User', id: 'user-9', province: null } } },
    });
    const provinces = always({
      request: { query: ProvinceOptionsQuery },
      result: {
        data: {
          provinces: [
            { __typename: 'Province', id: LAM_DONG, name: 'Lâm Đồng', status: 'ACTIVE' },
            { __typename: 'Province', id: BINH_THUAN, name: 'Bình Thuận', status: 'MERGED' },
          ],
        },
      },
    });
    renderPage('/dashboard', '/dashboard', <DashboardPage />, [
      viewerCanMock(['readDashboard', 'readEveryProvince'], { id: 'user-9' }),
      central,
      provinces,
      trend,
    ]);
    expect(await screen.findByText('Chọn một tỉnh, thành phố để xem kết quả.')).toBeInTheDocument();
    expect(screen.getByLabelText('Tỉnh, thành phố')).toBeInTheDocument();
  });
});

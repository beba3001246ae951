import { screen, within } from '@testing-library/react';
import { always, renderPage } from '@/test/renderPage';
import { DashboardAlertsQuery, HostLoadCalendarQuery } from './compliance.operations';
import { DashboardAlerts } from './DashboardAlerts';
import { HostLoadCalendar } from './HostLoadCalendar';

const LAM_DONG = 68;

const alerts = (overrides: { overdueReports?: number; lateTrips?: number; overdueRecommendations?: number } = {}) =>
  always({
    request: { query: DashboardAlertsQuery },
    result: {
      data: {
        provinceCompliance: {
          __typename: 'ProvinceCompliance',
          provinceId: LAM_DONG,
          overdueReports: overrides.overdueReports ?? 0,
          lateTrips: overrides.lateTrips ?? 0,
        },
        topicOverlaps: [],
        hostLoad: [],
        recommendations: {
          __typename: 'RecommendationConnection',
          totalCount: overrides.overdueRecommendations ?? 0,
          nodes:
            (overrides.overdueRecommendations ?? 0) > 0
              ? [
                  {
                    __typename: 'Recommendation',
                    id: 'rec-1',
                    text: 'Hỗ trợ kinh phí sửa nhà văn hóa thôn',
                    dueOn: '2026-06-10',
                    unit: { __typename: 'Unit', id: 'unit-1', name: 'Đoàn xã Lạc Dương' },
                  },
                ]
              : [],
        },
      },
    },
  });

describe('the dashboard’s alerts', () => {
  it('names what needs attention, with the overdue recommendation and its due date', async () => {
    renderPage('/dashboard', '/dashboard', <DashboardAlerts year={2026} provinceId={LAM_DONG} freshAt={null} />, [
      alerts({ overdueReports: 3, lateTrips: 1, overdueRecommendations: 1 }),
    ]);
    expect(await screen.findByText('3 chuyến đi đã về quá hạn chưa nộp báo cáo')).toBeInTheDocument();
    expect(screen.getByText('1 chuyến đi đăng ký muộn')).toBeInTheDocument();
    expect(screen.getByText('1 kiến nghị của cơ sở quá hạn trả lời')).toBeInTheDocument();
    expect(screen.getByText('Đoàn xã Lạc Dương: Hỗ trợ kinh phí sửa nhà văn hóa thôn — hạn 10/06/2026')).toBeInTheDocument();
  });

  it('says so when nothing needs attention', async () => {
    renderPage('/dashboard', '/dashboard', <DashboardAlerts year={2026} provinceId={LAM_DONG} freshAt={null} />, [alerts()]);
    expect(await screen.findByText(/Không có cảnh báo nào/)).toBeInTheDocument();
  });
});

describe('the host-load calendar', () => {
  it('shows the busiest units month by month and marks an overloaded month', async () => {
    const load = (unitId: string, unitName: string, month: string, delegations: number, overloaded = false) => ({
      __typename: 'HostWeekLoad',
      unitId,
      unitName,
      periodStart: `2026-${month}-01`,
      delegations,
      cadreDays: delegations * 2,
      overloaded,
    });
    renderPage('/dashboard', '/dashboard', <HostLoadCalendar year={2026} provinceId={LAM_DONG} freshAt={null} />, [
      always({
        request: { query: HostLoadCalendarQuery },
        result: {
          data: {
            hostLoad: [
              load('u-1', 'Đoàn xã Đạ Huoai', '03', 5, true),
              load('u-2', 'Đoàn xã Bảo Lâm', '03', 1),
              load('u-1', 'Đoàn xã Đạ Huoai', '04', 2),
            ],
          },
        },
      }),
    ]);
    const grid = await screen.findByRole('table');
    const rows = within(grid).getAllByRole('row');
    // Header, then the busiest unit first.
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('Đoàn xã Đạ Huoai');
    expect(within(rows[2]).getByRole('rowheader')).toHaveTextContent('Đoàn xã Bảo Lâm');
    const march = within(rows[1]).getByLabelText('Đoàn xã Đạ Huoai, tháng 3: 5 đoàn, 10 ngày công');
    expect(march).toHaveClass('host-load__cell--over');
    expect(within(rows[1]).getByLabelText('Đoàn xã Đạ Huoai, tháng 4: 2 đoàn, 4 ngày công')).not.toHaveClass(
      'host-load__cell--over',
    );
    expect(within(rows[2]).getByLabelText('Đoàn xã Bảo Lâm, tháng 5: không có đoàn')).toBeInTheDocument();
  });
});

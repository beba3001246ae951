import { screen, within } from '@testing-library/react';
import { always, renderPage } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import { CentralComparisonQuery } from './compliance.operations';
import { CentralPage } from './CentralPage';

jest.setTimeout(60_000);

const noProvinces = always({ request: { query: CentralComparisonQuery }, result: { data: { centralComparison: [] } } });

function row(provinceId: number, name: string, figures: { subjectCadres: number; hasData: boolean; metShare: number }) {
  return {
    __typename: 'ProvinceCompliance',
    provinceId,
    province: { __typename: 'Province', id: provinceId, name, status: 'ACTIVE' },
    ...figures,
    averageDays: figures.hasData ? 45.5 : 0,
    hardshipShare: figures.hasData ? 0.1 : 0,
    lateTrips: 0,
    tripsRegistered: figures.hasData ? 135 : 0,
    tripsApproved: figures.hasData ? 128 : 0,
    tripsCarriedOut: figures.hasData ? 120 : 0,
    totalDays: figures.hasData ? 955 : 0,
    coverage: { __typename: 'Coverage', reached: 0, total: 3 },
  };
}

/** As the API orders them by share met: Quảng Trị's 0% is a figure, An Giang has no cadre at all. */
const threeProvinces = always({
  request: { query: CentralComparisonQuery },
  result: {
    data: {
      centralComparison: [
        row(79, 'Hồ Chí Minh', { subjectCadres: 21, hasData: true, metShare: 6 / 21 }),
        row(44, 'Quảng Trị', { subjectCadres: 21, hasData: true, metShare: 0 }),
        row(91, 'An Giang', { subjectCadres: 0, hasData: false, metShare: 0 }),
      ],
    },
  },
});

describe('the central comparison page', () => {
  it('shows "Chưa có số liệu", not 0%, for a province without data, last; and counts trips carried out', async () => {
    renderPage('/central', '/central?year=2026', <CentralPage />, [viewerCanMock(['readCentralComparison']), threeProvinces]);
    const table = (await screen.findByRole('link', { name: 'An Giang' })).closest('table') as HTMLElement;
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (r: HTMLElement) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(rows.map((r) => cells(r)[0])).toEqual(['Hồ Chí Minh', 'Quảng Trị', 'An Giang']);
    const at = (r: number, header: string) => cells(rows[r])[headers.indexOf(header)];
    expect(at(0, 'Tỷ lệ đạt')).toBe('28,6%');
    expect(at(1, 'Tỷ lệ đạt')).toBe('0%');
    expect(at(2, 'Tỷ lệ đạt')).toBe('Chưa có số liệu');
    expect(at(2, 'Bình quân ngày / cán bộ')).toBe('Chưa có số liệu');
    expect(at(0, 'Chuyến đã thực hiện')).toBe('120');
    expect(screen.getByText('1 tỉnh chưa có số liệu, không có trong biểu đồ.')).toBeInTheDocument();
  });

  it('opens when me.can lets the viewer compare the provinces', async () => {
    renderPage('/central', '/central?year=2025', <CentralPage />, [viewerCanMock(['readCentralComparison']), noProvinces]);
    expect(await screen.findByRole('heading', { level: 1, name: 'So sánh các tỉnh năm 2025' })).toBeInTheDocument();
    expect(screen.queryByText('Chỉ Trung ương Đoàn được xem so sánh các tỉnh.')).not.toBeInTheDocument();
  });

  it('says it is not for the viewer when me.can does not, whatever else they may read', async () => {
    renderPage('/central', '/central', <CentralPage />, [viewerCanMock(['readDashboard', 'readReports']), noProvinces]);
    expect(await screen.findByText('Chỉ Trung ương Đoàn được xem so sánh các tỉnh.')).toBeInTheDocument();
  });
});

import { screen } from '@testing-library/react';
import { always, renderPage } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import { CentralComparisonQuery } from './compliance.operations';
import { CentralPage } from './CentralPage';

jest.setTimeout(60_000);

const noProvinces = always({ request: { query: CentralComparisonQuery }, result: { data: { centralComparison: [] } } });

describe('the central comparison page', () => {
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

import { configure, screen } from '@testing-library/react';
import { MyCalendarFeedsQuery } from '@/features/transfer';
import { always, renderPage } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import { HomeQuery, MyComplianceQuery } from './home.operations';
import { HomePage } from './HomePage';

// antd's first render in jsdom is slow on a busy machine: wait for answers as long as a person would.
configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(120_000);

const YEAR = new Date().getFullYear();

const home = always({
  request: { query: HomeQuery },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'u-1',
        cadreId: 'c-1',
        username: 'canbo.ldg',
        fullName: 'Dương Quốc Kiên',
        role: 'CADRE',
        province: { __typename: 'Province', id: 68, name: 'Lâm Đồng', kind: 'PROVINCE', predecessors: [] },
      },
      provinces: [],
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

const feeds = always({ request: { query: MyCalendarFeedsQuery }, result: { data: { myCalendarFeeds: [] } } });

describe('the home page', () => {
  it('shows the viewer’s own progress when me.can says they have trips of their own', async () => {
    renderPage('/', '/', <HomePage />, [viewerCanMock(['seeOwnTrips'], { id: 'u-1', cadreId: 'c-1' }), home, mine, feeds]);
    expect(await screen.findByText(`Tiến độ của tôi năm ${YEAR}`)).toBeInTheDocument();
  });

  it('leaves it out when me.can does not, even for an account linked to a cadre', async () => {
    renderPage('/', '/', <HomePage />, [viewerCanMock(['readDashboard'], { id: 'u-1', cadreId: 'c-1' }), home, mine, feeds]);
    expect(await screen.findByText('Dương Quốc Kiên')).toBeInTheDocument();
    expect(screen.queryByText(`Tiến độ của tôi năm ${YEAR}`)).not.toBeInTheDocument();
  });
});

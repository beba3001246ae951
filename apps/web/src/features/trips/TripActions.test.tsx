import { screen } from '@testing-library/react';
import { renderPage } from '@/test/renderPage';
import { TripActions, type ActionTrip } from './TripActions';

jest.setTimeout(60_000);

const LABELS = {
  submit: 'Gửi duyệt',
  edit: 'Sửa',
  complete: 'Ghi nhận đã đi',
  report: 'Viết báo cáo',
  acceptReport: 'Chấp nhận báo cáo',
  cancel: 'Hủy chuyến đi',
} as const;
type Permission = keyof typeof LABELS;

const NONE: ActionTrip['viewerCan'] = {
  edit: false,
  submit: false,
  cancel: false,
  complete: false,
  report: false,
  acceptReport: false,
};

/** A trip whose state would once have made the web app guess; only the API's viewerCan decides now. */
function tripAllowing(...allowed: Permission[]): ActionTrip {
  return {
    id: 't-1',
    version: 2,
    state: 'DRAFT',
    kind: 'TOPIC',
    startDate: '2026-11-02',
    endDate: '2026-11-03',
    viewerCan: { ...NONE, ...Object.fromEntries(allowed.map((p) => [p, true])) },
  };
}

const shown = (): Permission[] =>
  (Object.keys(LABELS) as Permission[]).filter((p) => screen.queryByText(LABELS[p], { selector: 'a, button span' }) !== null);

describe('a trip’s buttons follow viewerCan', () => {
  it.each<Permission[]>([[], ['submit', 'edit', 'cancel'], ['complete'], ['report'], ['acceptReport', 'cancel'], ['cancel']])(
    'shows exactly the actions the API allows: %p',
    (...allowed) => {
      renderPage('/t', '/t', <TripActions trip={tripAllowing(...allowed)} viewer={{ userId: 'user-1' }} />, []);
      expect(shown().sort()).toEqual([...allowed].sort());
    },
  );
});

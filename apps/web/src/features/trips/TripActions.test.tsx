import { screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
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

describe('the report form', () => {
  const reportOn = (reportDueOn: string) =>
    renderPage(
      '/t',
      '/t',
      <TripActions
        trip={{ ...tripAllowing('report'), state: 'COMPLETED', reportDueOn }}
        viewer={{ userId: 'user-1' }}
        initialAction="report"
      />,
      [],
    );

  it('says before sending that a report past its deadline (from the API) will be marked late', async () => {
    const yesterday = dayjs().subtract(1, 'day');
    reportOn(yesterday.format('YYYY-MM-DD'));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 20_000 });
    expect(within(dialog).getByText('Sẽ ghi nhận: Nộp muộn')).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        `Đã quá hạn nộp báo cáo (${yesterday.format('DD/MM/YYYY')}): báo cáo gửi bây giờ sẽ được ghi là nộp muộn.`,
      ),
    ).toBeInTheDocument();
  });

  it('gives the deadline without a warning while it is still ahead, the last day included', async () => {
    const today = dayjs();
    reportOn(today.format('YYYY-MM-DD'));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 20_000 });
    expect(within(dialog).getByText(`Hạn nộp báo cáo: ${today.format('DD/MM/YYYY')}.`)).toBeInTheDocument();
    expect(within(dialog).queryByText('Sẽ ghi nhận: Nộp muộn')).not.toBeInTheDocument();
  });
});

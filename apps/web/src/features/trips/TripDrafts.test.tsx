import { act, renderHook, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { CadreOptionsQuery } from '@/features/roster';
import { UnitOptionsQuery } from '@/features/units';
import { useDeviceDraft } from '@/shared/forms/useDeviceDraft';
import { always, renderPage, setupUser, type Mocks } from '@/test/renderPage';
import { NewTripPage } from './NewTripPage';
import { TripActions, type ActionTrip, type ActionViewer } from './TripActions';
import { CreateTripMutation, ReportTripMutation } from './trip.mutations';
import { CheckTripQuery, TripFormOptionsQuery, ViewerCadreQuery, ViewerQuery } from './trip.operations';
import type { TripDraft } from './tripFormValues';

const OFFLINE = 'Không gửi được vì mất kết nối. Nội dung vẫn được giữ trên máy này; hãy gửi lại khi có sóng.';
const RESTORED = /^Đã khôi phục bản nháp lưu trên máy này lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/;
const FINDINGS = 'Thiếu việc làm';

const TRIP: ActionTrip = {
  id: 't-1',
  version: 4,
  state: 'COMPLETED',
  kind: 'TOPIC',
  viewerCan: { edit: false, submit: false, cancel: false, complete: false, report: true, acceptReport: false },
  startDate: '2026-11-02',
  endDate: '2026-11-03',
};
const VIEWER: ActionViewer = { userId: 'user-1' };

const offline = <T extends Mocks[number]['request']>(request: T) => ({
  request: { ...request, variables: () => true },
  // What fetch throws when the phone has no signal: no answer from the server at all.
  error: new TypeError('Failed to fetch'),
});

function openReport(mocks: Mocks, viewer = VIEWER) {
  return renderPage('/t/:id', '/t/t-1', <TripActions trip={TRIP} viewer={viewer} initialAction="report" />, mocks);
}

jest.setTimeout(60_000);

afterEach(() => localStorage.clear());

describe('the trip report dialog', () => {
  it('gives back what was typed after the page went away, to the same user only', async () => {
    const user = setupUser();
    const first = openReport([]);
    await user.type(await screen.findByLabelText('Kết quả nắm tình hình'), FINDINGS);
    first.unmount();

    const second = openReport([]);
    expect(await screen.findByLabelText('Kết quả nắm tình hình')).toHaveValue(FINDINGS);
    expect(screen.getByText(RESTORED)).toBeInTheDocument();
    second.unmount();

    openReport([], { ...VIEWER, userId: 'user-2' });
    expect(await screen.findByLabelText('Kết quả nắm tình hình')).toHaveValue('');
    expect(screen.queryByText(RESTORED)).not.toBeInTheDocument();
  });

  it('throws the draft away when asked', async () => {
    const user = setupUser();
    const first = openReport([]);
    await user.type(await screen.findByLabelText('Kết quả nắm tình hình'), FINDINGS);
    first.unmount();

    openReport([]);
    await user.click(await screen.findByRole('button', { name: 'Bỏ bản nháp' }));
    expect(screen.getByLabelText('Kết quả nắm tình hình')).toHaveValue('');
    expect(screen.queryByText(RESTORED)).not.toBeInTheDocument();
  });

  it('says the connection is down and keeps everything when the report cannot be sent', async () => {
    const user = setupUser();
    const first = openReport([offline({ query: ReportTripMutation })]);
    const findings = await screen.findByLabelText('Kết quả nắm tình hình');
    await user.type(findings, FINDINGS);
    await user.click(screen.getByRole('button', { name: 'Nộp báo cáo' }));

    expect(await screen.findByText(OFFLINE)).toBeInTheDocument();
    expect(findings).toHaveValue(FINDINGS);
    first.unmount();

    openReport([]);
    expect(await screen.findByLabelText('Kết quả nắm tình hình')).toHaveValue(FINDINGS);
  });

  it('forgets the draft once the server accepted the report', async () => {
    const user = setupUser();
    const first = openReport([
      {
        request: {
          query: ReportTripMutation,
          variables: (v: { id: string; version: number; input: { findings: string } }) =>
            v.id === 't-1' && v.version === 4 && v.input.findings === FINDINGS,
        },
        result: { data: { reportTrip: { __typename: 'Trip', id: 't-1', state: 'REPORTED', version: 5 } } },
      },
    ]);
    await user.type(await screen.findByLabelText('Kết quả nắm tình hình'), FINDINGS);
    await user.click(screen.getByRole('button', { name: 'Nộp báo cáo' }));
    // The dialog closes once the server has the report.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Nộp báo cáo' })).not.toBeInTheDocument(), { timeout: 5000 });
    first.unmount();

    openReport([]);
    expect(await screen.findByLabelText('Kết quả nắm tình hình')).toHaveValue('');
    expect(screen.queryByText(RESTORED)).not.toBeInTheDocument();
  });
});

const lookups: Mocks = [
  always({
    request: { query: ViewerQuery },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'user-1',
          role: 'CADRE',
          cadreId: 'c-1',
          unitId: null,
          fullName: 'Trần Thị Lan',
          can: { __typename: 'ViewerPermissions', registerTrip: true, registerTripForOthers: false, decideTrips: false },
        },
      },
    },
  }),
  always({
    request: { query: ViewerCadreQuery },
    result: {
      data: { cadre: { __typename: 'Cadre', id: 'c-1', fullName: 'Trần Thị Lan', position: 'Chuyên viên', departmentId: 'd-1' } },
    },
  }),
  always({ request: { query: TripFormOptionsQuery }, result: { data: { topics: [], batches: [] } } }),
  always({ request: { query: CadreOptionsQuery }, result: { data: { cadres: { __typename: 'CadreConnection', nodes: [] } } } }),
  always({ request: { query: UnitOptionsQuery }, result: { data: { units: { __typename: 'UnitConnection', nodes: [] } } } }),
  always({ request: { query: CheckTripQuery }, result: { data: { checkTrip: [] } } }),
];

const newTrip = (mocks: Mocks = []) => renderPage('/trips/new', '/trips/new', <NewTripPage />, [...lookups, ...mocks]);

/** A complete registration left on the device earlier, dates and all. */
function leaveDraft(): void {
  const values: TripDraft = {
    kind: 'TOPIC',
    title: 'Khảo sát thanh niên Đạ Huoai',
    purpose: 'Nắm tình hình việc làm',
    dates: [dayjs('2027-01-12'), dayjs('2027-01-13')],
    destinationIds: ['u-1'],
    leadCadreId: 'c-1',
    memberIds: [],
    names: { 'u-1': 'Đoàn xã Đạ Huoai' },
    idempotencyKey: 'draft-key-1',
  };
  const { result, unmount } = renderHook(() => useDeviceDraft<TripDraft>('user-1', 'new-trip'));
  act(() => result.current.save(values));
  unmount();
}

describe('the new registration form', () => {
  it('gives back what was typed, and starts afresh when the draft is thrown away', async () => {
    const user = setupUser();
    const first = newTrip();
    await user.type(await screen.findByLabelText('Tên chuyến đi'), 'Khảo sát Đạ Huoai');
    first.unmount();

    newTrip();
    expect(await screen.findByLabelText('Tên chuyến đi')).toHaveValue('Khảo sát Đạ Huoai');
    await user.click(screen.getByRole('button', { name: 'Bỏ bản nháp' }));
    expect(await screen.findByLabelText('Tên chuyến đi')).toHaveValue('');
    expect(screen.queryByText(RESTORED)).not.toBeInTheDocument();
  });

  it('keeps the registration on the device when the connection is down', async () => {
    const user = setupUser();
    leaveDraft();
    const first = newTrip([offline({ query: CreateTripMutation })]);
    expect(await screen.findByDisplayValue('12/01/2027')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));

    expect(await screen.findByText(OFFLINE, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByLabelText('Tên chuyến đi')).toHaveValue('Khảo sát thanh niên Đạ Huoai');
    first.unmount();

    newTrip();
    expect(await screen.findByLabelText('Tên chuyến đi')).toHaveValue('Khảo sát thanh niên Đạ Huoai');
    expect(screen.getByText(RESTORED)).toBeInTheDocument();
    // The host unit reads as its name, which no search on this screen has returned.
    expect(await screen.findByText('Đoàn xã Đạ Huoai')).toBeInTheDocument();
    expect(screen.queryByText('u-1')).not.toBeInTheDocument();
  });

  it('sends every field of a restored draft when it is saved, the late justification too', async () => {
    const user = setupUser();
    const values: TripDraft = {
      kind: 'TOPIC',
      title: 'Khảo sát thanh niên Đạ Huoai',
      purpose: 'Nắm tình hình việc làm',
      expectedOutput: 'Báo cáo kiến nghị',
      dates: [dayjs('2027-01-12'), dayjs('2027-01-13')],
      destinationIds: ['u-1'],
      leadCadreId: 'c-1',
      memberIds: ['c-2'],
      estimatedCost: 1_200_000,
      travelOrderNo: 'CL-15/2027',
      lateJustification: 'Lịch do Thường trực giao sau hạn đăng ký.',
      names: { 'u-1': 'Đoàn xã Đạ Huoai', 'c-2': 'Lê Văn Hùng' },
      idempotencyKey: 'draft-key-2',
    };
    const { result, unmount } = renderHook(() => useDeviceDraft<TripDraft>('user-1', 'new-trip'));
    act(() => result.current.save(values));
    unmount();
    let sent: unknown = null;
    newTrip([
      {
        request: {
          query: CreateTripMutation,
          variables: (v: { input: unknown }) => {
            sent = v.input;
            return true;
          },
        },
        result: { data: { createTrip: { __typename: 'Trip', id: 't-9', state: 'DRAFT', version: 1 } } },
      },
    ]);
    expect(await screen.findByLabelText('Giải trình đăng ký muộn')).toHaveValue('Lịch do Thường trực giao sau hạn đăng ký.');
    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));
    await waitFor(() => expect(sent).not.toBeNull(), { timeout: 5000 });
    expect(sent).toEqual({
      kind: 'TOPIC',
      title: 'Khảo sát thanh niên Đạ Huoai',
      purpose: 'Nắm tình hình việc làm',
      expectedOutput: 'Báo cáo kiến nghị',
      topicId: null,
      leadCadreId: 'c-1',
      memberIds: ['c-2'],
      destinationIds: ['u-1'],
      batchId: null,
      startDate: '2027-01-12',
      endDate: '2027-01-13',
      estimatedCost: 1_200_000,
      travelOrderNo: 'CL-15/2027',
      lateJustification: 'Lịch do Thường trực giao sau hạn đăng ký.',
    });
  });

  it('forgets the draft once the registration is saved', async () => {
    const user = setupUser();
    leaveDraft();
    const first = newTrip([
      {
        request: {
          query: CreateTripMutation,
          // Sent with the draft's key: had an earlier send reached the server, this one is the same trip.
          variables: (v: { input: { title: string; startDate: string; endDate: string }; idempotencyKey: string }) =>
            v.idempotencyKey === 'draft-key-1' &&
            v.input.title === 'Khảo sát thanh niên Đạ Huoai' &&
            v.input.startDate === '2027-01-12' &&
            v.input.endDate === '2027-01-13',
        },
        result: { data: { createTrip: { __typename: 'Trip', id: 't-9', state: 'DRAFT', version: 1 } } },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Lưu nháp' }));
    expect(await screen.findByText('Trang chuyến đi', {}, { timeout: 5000 })).toBeInTheDocument();
    first.unmount();

    newTrip();
    expect(await screen.findByLabelText('Tên chuyến đi')).toHaveValue('');
    expect(screen.queryByText(RESTORED)).not.toBeInTheDocument();
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CadreOptionsQuery } from '@/features/roster';
import { UnitOptionsQuery } from '@/features/units';
import { always, renderPage, setupUser, type Mocks } from '@/test/renderPage';
import { EditTripPage } from './EditTripPage';
import { NewTripPage } from './NewTripPage';
import { UpdateTripMutation } from './trip.mutations';
import { CheckTripQuery, EditTripQuery, TripFormOptionsQuery, ViewerCadreQuery, ViewerQuery } from './trip.operations';

const CADRE = { __typename: 'Cadre', id: 'c-1', fullName: 'Trần Thị Lan', position: 'Chuyên viên', departmentId: 'd-1' };
const UNIT = { __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Đạ Huoai' };

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
  always({ request: { query: ViewerCadreQuery }, result: { data: { cadre: CADRE } } }),
  always({ request: { query: TripFormOptionsQuery }, result: { data: { topics: [], batches: [] } } }),
  always({ request: { query: CadreOptionsQuery }, result: { data: { cadres: { __typename: 'CadreConnection', nodes: [] } } } }),
  always({ request: { query: UnitOptionsQuery }, result: { data: { units: { __typename: 'UnitConnection', nodes: [] } } } }),
];

const TRIP = {
  __typename: 'Trip',
  id: 't-1',
  state: 'DRAFT',
  version: 3,
  viewerCan: { __typename: 'TripPermissions', edit: true },
  kind: 'TOPIC',
  title: 'Khảo sát thanh niên nông thôn',
  purpose: '',
  expectedOutput: '',
  topicId: null,
  startDate: '2026-12-08',
  endDate: '2026-12-10',
  batchId: null,
  estimatedCost: 1_500_000,
  travelOrderNo: null,
  lateJustification: null,
  leadCadreId: 'c-1',
  lead: { __typename: 'Cadre', id: 'c-1', fullName: 'Trần Thị Lan' },
  members: [{ __typename: 'Cadre', id: 'c-1', fullName: 'Trần Thị Lan' }],
  destinations: [UNIT],
};

const editTrip: Mocks = [
  always({ request: { query: EditTripQuery, variables: { id: 't-1' } }, result: { data: { trip: TRIP } } }),
];

function checkAnswer(
  checks: Array<{ code: string; severity: 'BLOCK' | 'WARN'; field: string; message: string; tripId?: string | null }>,
): Mocks {
  return [
    always({
      request: { query: CheckTripQuery },
      result: { data: { checkTrip: checks.map((c) => ({ __typename: 'TripCheck', tripId: null, ...c })) } },
    }),
  ];
}

jest.setTimeout(60_000);

describe('the registration form', () => {
  it('says what is wrong as the user types', async () => {
    const user = setupUser();
    renderPage('/trips/new', '/trips/new', <NewTripPage />, [...lookups, ...checkAnswer([])]);

    const title = await screen.findByLabelText('Tên chuyến đi');
    await user.type(title, 'Kh');
    expect(await screen.findByText('Tên chuyến đi có ít nhất 3 ký tự')).toBeInTheDocument();

    await user.clear(title);
    expect(await screen.findByText('Vui lòng nhập tên chuyến đi')).toBeInTheDocument();

    await user.type(title, 'Khảo sát');
    await waitFor(() => expect(screen.queryByText('Vui lòng nhập tên chuyến đi')).not.toBeInTheDocument());

    // The lead of one's own registration is oneself, already chosen.
    expect(screen.getByText('Trần Thị Lan')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));
    expect(await screen.findByText('Vui lòng chọn ngày đi và ngày về', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('Vui lòng chọn ít nhất một đơn vị đến')).toBeInTheDocument();
    expect(title).toHaveValue('Khảo sát');
  });

  it("shows the province's rule checks above the buttons: blocks in red, warnings in orange", async () => {
    renderPage('/trips/:id/edit', '/trips/t-1/edit', <EditTripPage />, [
      ...lookups,
      ...editTrip,
      ...checkAnswer([
        {
          code: 'DOUBLE_BOOKING',
          severity: 'BLOCK',
          field: 'input.startDate',
          message: 'Trần Thị Lan đã có chuyến "Dự sinh hoạt" từ 08/12/2026 đến 09/12/2026.',
        },
        {
          code: 'LATE_REGISTRATION',
          severity: 'WARN',
          field: 'input.startDate',
          message: 'Đăng ký muộn: quá hạn đăng ký của đợt (01/12/2026). Cần giải trình bằng văn bản.',
        },
      ]),
    ]);

    const block = await screen.findByText(/đã có chuyến "Dự sinh hoạt"/, {}, { timeout: 3000 });
    expect(block.closest('.ant-alert')).toHaveClass('ant-alert-error');
    const warning = screen.getByText(/Đăng ký muộn: quá hạn đăng ký/);
    expect(warning.closest('.ant-alert')).toHaveClass('ant-alert-warning');

    // A late registration asks for its justification; a blocked one cannot be sent.
    expect(screen.getByLabelText('Giải trình đăng ký muộn')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Lưu và gửi duyệt' })).toBeDisabled();
  });

  it("only warns of the cadre's own forgotten draft, with links to open or cancel it", async () => {
    renderPage('/trips/:id/edit', '/trips/t-1/edit', <EditTripPage />, [
      ...lookups,
      ...editTrip,
      ...checkAnswer([
        {
          code: 'DOUBLE_BOOKING',
          severity: 'WARN',
          field: 'input.startDate',
          tripId: 't-old',
          message:
            'Trần Thị Lan còn chuyến "Khảo sát cũ" (bản nháp) từ 08/12/2026 đến 09/12/2026, chưa gửi duyệt: mở để sửa ngày hoặc hủy nếu không đi.',
        },
      ]),
    ]);
    const warning = await screen.findByText(/\(bản nháp\)/, {}, { timeout: 5000 });
    const alert = warning.closest('.ant-alert') as HTMLElement;
    expect(alert).toHaveClass('ant-alert-warning');
    expect(within(alert).getByRole('link', { name: 'Mở chuyến đi này' })).toHaveAttribute('href', '/trips/t-old');
    expect(within(alert).getByRole('link', { name: 'Hủy chuyến đi này' })).toHaveAttribute('href', '/trips/t-old?action=cancel');
    // A warning does not stop the registration.
    expect(screen.getByRole('button', { name: 'Lưu và gửi duyệt' })).toBeEnabled();
  });

  it("puts the server's field error on the field it names and keeps what was typed", async () => {
    const user = setupUser();
    const message = 'Ngày về phải sau hoặc trùng ngày đi.';
    renderPage('/trips/:id/edit', '/trips/t-1/edit', <EditTripPage />, [
      ...lookups,
      ...editTrip,
      ...checkAnswer([]),
      {
        request: {
          query: UpdateTripMutation,
          variables: (v: { id: string; version: number; input: { title?: string } }) =>
            v.id === 't-1' && v.version === 3 && v.input.title === 'Khảo sát thanh niên nông thôn Đạ Huoai',
        },
        result: {
          errors: [
            new GraphQLError(message, {
              extensions: { code: 'BAD_USER_INPUT', field: 'input.endDate', reason: 'DATES_INVERTED' },
            }),
          ],
        },
      },
    ]);

    const title = await screen.findByLabelText('Tên chuyến đi');
    await user.type(title, ' Đạ Huoai');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    const error = await screen.findByText(message, {}, { timeout: 5000 });
    const datesItem = screen.getByText('Thời gian đi').closest('.ant-form-item');
    expect(datesItem).not.toBeNull();
    expect(within(datesItem as HTMLElement).getByText(message)).toBeInTheDocument();
    expect(error.closest('.ant-form-item')).toBe(datesItem);
    expect(title).toHaveValue('Khảo sát thanh niên nông thôn Đạ Huoai');
  });

  it('keeps a closed topic on the trip that has it, and offers only open ones besides', async () => {
    const topic = (id: string, title: string, active: boolean) => ({ __typename: 'Topic', id, title, active, department: null });
    renderPage('/trips/:id/edit', '/trips/t-1/edit', <EditTripPage />, [
      always({
        request: { query: TripFormOptionsQuery, variables: { year: 2026 } },
        result: {
          data: {
            topics: [
              topic('tp-open', 'Thanh niên khởi nghiệp', true),
              topic('tp-mine', 'Xây dựng Chi đoàn mạnh', false),
              topic('tp-other', 'Chuyển đổi số', false),
            ],
            batches: [],
          },
        },
      }),
      ...lookups,
      always({
        request: { query: EditTripQuery, variables: { id: 't-1' } },
        result: { data: { trip: { ...TRIP, topicId: 'tp-mine' } } },
      }),
      ...checkAnswer([]),
    ]);

    expect(await screen.findByText('Xây dựng Chi đoàn mạnh (đã đóng)', {}, { timeout: 10_000 })).toBeInTheDocument();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Chuyên đề' }));
    expect(await screen.findByText('Thanh niên khởi nghiệp')).toBeInTheDocument();
    expect(screen.queryByText('Chuyển đổi số')).not.toBeInTheDocument();
    expect(screen.queryByText('Chuyển đổi số (đã đóng)')).not.toBeInTheDocument();
  });

  it('asks for a purpose and an expected result of 20 characters, not the title, only when sending for approval', async () => {
    const user = setupUser();
    renderPage('/trips/:id/edit', '/trips/t-1/edit', <EditTripPage />, [...lookups, ...editTrip, ...checkAnswer([])]);
    const purpose = await screen.findByLabelText('Mục đích', {}, { timeout: 5000 });
    const expected = screen.getByLabelText('Kết quả dự kiến');
    expect(screen.getAllByText('Bắt buộc khi gửi duyệt: ít nhất 20 ký tự, không chép lại tên chuyến đi.')).toHaveLength(2);

    // Sending the empty draft names both fields.
    await user.click(screen.getByRole('button', { name: 'Lưu và gửi duyệt' }));
    expect(await screen.findByText('Vui lòng nhập mục đích trước khi gửi duyệt', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập kết quả dự kiến trước khi gửi duyệt')).toBeInTheDocument();

    // 15 characters is too short; the title again, without its marks, is a copy.
    fireEvent.change(purpose, { target: { value: 'Khảo sát tại xã' } });
    fireEvent.change(expected, { target: { value: 'khao sat thanh nien nong thon!' } });
    await user.click(screen.getByRole('button', { name: 'Lưu và gửi duyệt' }));
    expect(await screen.findByText('Mục đích có ít nhất 20 ký tự', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('Kết quả dự kiến không được chép lại tên chuyến đi')).toBeInTheDocument();
  });

  it('saves an incomplete draft without asking for the purpose', async () => {
    const user = setupUser();
    const sent: Array<{ purpose?: string }> = [];
    renderPage('/trips/:id/edit', '/trips/t-1/edit', <EditTripPage />, [
      ...lookups,
      ...editTrip,
      ...checkAnswer([]),
      {
        request: {
          query: UpdateTripMutation,
          variables: (v: { id: string; input: { purpose?: string } }) => {
            sent.push(v.input);
            return v.id === 't-1';
          },
        },
        result: { errors: [new GraphQLError('Chuyến đi vừa được người khác thay đổi.', { extensions: { code: 'CONFLICT' } })] },
      },
    ]);
    await screen.findByLabelText('Mục đích', {}, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    // The draft goes to the server with its purpose empty; no field asks for one.
    await waitFor(() => expect(sent.length).toBeGreaterThan(0), { timeout: 5000 });
    expect(sent[0].purpose ?? '').toBe('');
    expect(screen.queryByText('Vui lòng nhập mục đích trước khi gửi duyệt')).not.toBeInTheDocument();
  });

  it('refuses a batch whose period does not contain the trip dates', async () => {
    const user = setupUser();
    const batch = (id: string, number: number, quarter: number, startsOn: string, endsOn: string) => ({
      __typename: 'Batch',
      id,
      number,
      quarter,
      startsOn,
      endsOn,
      active: true,
      registrationDeadline: startsOn,
    });
    renderPage('/trips/:id/edit', '/trips/t-1/edit', <EditTripPage />, [
      always({
        request: { query: TripFormOptionsQuery, variables: { year: 2026 } },
        result: {
          data: {
            topics: [],
            batches: [batch('b-q1', 1, 1, '2026-03-02', '2026-03-06'), batch('b-dec', 3, 4, '2026-12-07', '2026-12-11')],
          },
        },
      }),
      ...lookups,
      // The December trip (08–10/12/2026) registered in a first-quarter batch.
      always({
        request: { query: EditTripQuery, variables: { id: 't-1' } },
        result: { data: { trip: { ...TRIP, batchId: 'b-q1' } } },
      }),
      ...checkAnswer([]),
    ]);
    expect(await screen.findByText('Đợt 1 quý 1 (02/03/2026 – 06/03/2026)', {}, { timeout: 10_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(
      await screen.findByText(
        'Đợt này diễn ra từ 02/03/2026 đến 06/03/2026, không bao trùm thời gian đi: chọn đợt khác hoặc bỏ trống',
      ),
    ).toBeInTheDocument();

    // The December batch contains the trip: the error goes.
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Đợt' }));
    await user.click(await screen.findByText('Đợt 3 quý 4 (07/12/2026 – 11/12/2026)'));
    await waitFor(() => expect(screen.queryByText(/không bao trùm thời gian đi/)).not.toBeInTheDocument());
  });
});

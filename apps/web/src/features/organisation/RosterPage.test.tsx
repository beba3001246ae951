import { configure, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { viewerCanMock } from '@/test/viewerCan';
import { always, renderPage, setupUser, type Mocks } from '@/test/renderPage';
import { CreateCadreMutation, DepartmentOptionsQuery, RosterQuery, UpdateCadreMutation } from './organisation.operations';
import { RosterPage } from './RosterPage';

// antd's first render in jsdom is slow on a busy machine: wait for answers as long as a person would.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(600_000);

const DEPT = { __typename: 'Unit', id: 'd-1', name: 'Ban Phong trào' };

function cadre(id: string, fullName: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Cadre',
    id,
    version: 2,
    fullName,
    gender: 'FEMALE',
    position: 'Chuyên viên',
    departmentId: 'd-1',
    department: DEPT,
    agencyStaff: true,
    executiveMember: false,
    term: 'Khóa XI 2022–2027',
    subjectFrom: '2024-01-15',
    subjectTo: null,
    exemptions: [],
    ...extra,
  };
}

const page = (nodes: unknown[], totalCount = nodes.length, hasNextPage = false) => ({
  data: {
    cadres: {
      __typename: 'CadreConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'cursor-1' : null },
      nodes,
    },
  },
});

const lookups: Mocks = [
  viewerCanMock(['manageRoster'], { id: 'u-admin' }),
  always({
    request: { query: DepartmentOptionsQuery },
    result: { data: { units: { __typename: 'UnitConnection', nodes: [{ ...DEPT, validTo: null }] } } },
  }),
];

describe('the cadre list', () => {
  it('lists the cadres, the next page under the first with "Xem thêm", with their category, term and subject period in dd/MM/yyyy', async () => {
    const user = setupUser();
    renderPage('/organisation/roster', '/organisation/roster', <RosterPage />, [
      ...lookups,
      {
        // An unset category is left out of the filter, not sent as null (which would match no one).
        request: {
          query: RosterQuery,
          variables: (v: { after?: string | null; filter?: Record<string, unknown> }) =>
            !v.after && v.filter?.agencyStaff !== null && v.filter?.executiveMember !== null,
        },
        result: page(
          [
            cadre('c-1', 'Đặng Thu Hà', { executiveMember: true, subjectTo: '2027-10-31' }),
            cadre('c-2', 'Trần Thị Lan', {
              exemptions: [
                {
                  __typename: 'Exemption',
                  id: 'e-1',
                  cadreId: 'c-2',
                  kind: 'MATERNITY',
                  startDate: '2020-01-01',
                  endDate: '2020-06-30',
                  approvedBy: 'Ban Thường vụ',
                  note: '',
                },
              ],
            }),
          ],
          41,
          true,
        ),
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
      {
        request: { query: RosterQuery, variables: (v: { after?: string | null }) => v.after === 'cursor-1' },
        result: page([cadre('c-3', 'Võ Minh Quân')], 41, true),
      },
    ]);

    const first = await screen.findByText('Đặng Thu Hà');
    const row = first.closest('tr') as HTMLElement;
    expect(within(row).getByText('Ban Phong trào')).toBeInTheDocument();
    expect(within(row).getByText('Ủy viên BCH')).toBeInTheDocument();
    expect(within(row).getByText('15/01/2024 – 31/10/2027')).toBeInTheDocument();
    expect(screen.getByText('Từ 15/01/2024')).toBeInTheDocument();
    expect(screen.getByText('1 lần miễn')).toBeInTheDocument();
    expect(screen.getByText('41 cán bộ')).toBeInTheDocument();
    expect(screen.getByText('Đang hiện 2/41')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByText('Võ Minh Quân')).toBeInTheDocument();
    expect(screen.getByText('Đang hiện 3/41')).toBeInTheDocument();
    expect(screen.getByText('Đặng Thu Hà')).toBeInTheDocument();
  });

  it('says so when no cadre matches', async () => {
    renderPage('/organisation/roster', '/organisation/roster', <RosterPage />, [
      ...lookups,
      always({ request: { query: RosterQuery }, result: page([]) }),
    ]);
    expect(await screen.findByText('Chưa có cán bộ nào. Bấm "Thêm cán bộ" để bắt đầu.')).toBeInTheDocument();
  });

  it('is not offered to a cadre', async () => {
    renderPage('/organisation/roster', '/organisation/roster', <RosterPage />, [
      viewerCanMock(['registerTrip'], { cadreId: 'c-1' }),
    ]);
    expect(await screen.findByText('Trang này dành cho Ban Tổ chức của Tỉnh đoàn.')).toBeInTheDocument();
  });
});

describe('the cadre form', () => {
  it('validates as the user types and puts the server field error on its field, keeping what was typed', async () => {
    const user = setupUser();
    const message = 'Ngày kết thúc thuộc diện phải sau ngày bắt đầu.';
    renderPage('/organisation/roster', '/organisation/roster', <RosterPage />, [
      ...lookups,
      always({ request: { query: RosterQuery }, result: page([cadre('c-1', 'Đặng Thu Hà')]) }),
      {
        request: {
          query: CreateCadreMutation,
          variables: (v: { input: { fullName: string; subjectFrom: string } }) =>
            v.input.fullName === 'Nguyễn Văn An' && v.input.subjectFrom === '2026-03-02',
        },
        result: {
          errors: [
            new GraphQLError(message, {
              extensions: { code: 'BAD_USER_INPUT', field: 'input.subjectTo', reason: 'DATES_INVERTED' },
            }),
          ],
        },
      },
    ]);

    await user.click(await screen.findByRole('button', { name: 'Thêm cán bộ' }));
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByLabelText('Họ và tên');
    await user.type(name, 'N');
    expect(await within(dialog).findByText('Họ và tên có từ 2 đến 120 ký tự')).toBeInTheDocument();
    await user.clear(name);
    expect(await within(dialog).findByText('Vui lòng nhập họ và tên')).toBeInTheDocument();
    await user.paste('Nguyễn Văn An');
    await waitFor(() => expect(within(dialog).queryByText('Vui lòng nhập họ và tên')).not.toBeInTheDocument());

    // Unticking the only category says at once that one is needed.
    await user.click(within(dialog).getByLabelText('Cán bộ chuyên trách cơ quan Tỉnh đoàn'));
    expect(await within(dialog).findByText('Chọn ít nhất một diện cán bộ')).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('Ủy viên Ban Chấp hành chuyên trách'));

    await user.click(within(dialog).getByRole('button', { name: 'Thêm cán bộ' }));
    expect(await within(dialog).findByText('Vui lòng chọn ngày bắt đầu thuộc diện')).toBeInTheDocument();

    const from = within(dialog).getByLabelText('Thuộc diện từ ngày');
    await user.click(from);
    await user.paste('02/03/2026');
    // Enter in a field sends the form, as the button does.
    await user.keyboard('{Enter}');

    const error = await within(dialog).findByText(message);
    const item = within(dialog).getByText('Thuộc diện đến ngày').closest('.ant-form-item');
    expect(error.closest('.ant-form-item')).toBe(item);
    expect(name).toHaveValue('Nguyễn Văn An');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('says clearly when someone else changed the cadre, reloads it and keeps the edit', async () => {
    const user = setupUser();
    let reloaded = false;
    renderPage('/organisation/roster', '/organisation/roster', <RosterPage />, [
      ...lookups,
      always({
        request: { query: RosterQuery },
        result: () =>
          page([
            reloaded ? cadre('c-1', 'Đặng Thu Hà', { version: 3, position: 'Phó Trưởng Ban' }) : cadre('c-1', 'Đặng Thu Hà'),
          ]),
      }),
      {
        request: {
          query: UpdateCadreMutation,
          variables: (v: { id: string; version: number }) => v.id === 'c-1' && v.version === 2,
        },
        result: () => {
          reloaded = true;
          return {
            errors: [
              new GraphQLError('Thông tin cán bộ đã được người khác sửa. Vui lòng tải lại trước khi lưu.', {
                extensions: { code: 'CONFLICT', reason: 'VERSION_MISMATCH' },
              }),
            ],
          };
        },
      },
    ]);

    await user.click(await screen.findByRole('button', { name: 'Sửa thông tin Đặng Thu Hà' }));
    const dialog = await screen.findByRole('dialog');
    const term = within(dialog).getByLabelText('Nhiệm kỳ');
    await user.clear(term);
    await user.paste('Khóa XII 2027–2032');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await within(dialog).findByText('Dữ liệu vừa được người khác thay đổi')).toBeInTheDocument();
    expect(within(dialog).getByText(/Thông tin cán bộ đã được người khác sửa/)).toBeInTheDocument();
    // The other person's change arrives in the field the user did not touch; theirs stays.
    await waitFor(() => expect(within(dialog).getByLabelText('Chức vụ')).toHaveValue('Phó Trưởng Ban'));
    expect(term).toHaveValue('Khóa XII 2027–2032');
  });
});

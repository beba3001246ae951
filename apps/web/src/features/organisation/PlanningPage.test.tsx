import { configure, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { viewerCanMock } from '@/test/viewerCan';
import { always, renderPage, setupUser, type Mocks } from '@/test/renderPage';
import { DepartmentOptionsQuery } from './organisation.operations';
import { PlanningPage } from './PlanningPage';
import { PlanningQuery, SetTopicActiveMutation, UpdateBatchMutation, UpdateTopicMutation } from './planning.operations';

// antd's first render in jsdom is slow on a busy machine: wait for answers as long as a person would.
configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(600_000);

const YEAR = new Date().getFullYear();
const DEPT = { __typename: 'Unit', id: 'd-1', name: 'Ban Phong trào' };

const batch = (id: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Batch',
  id,
  year: YEAR,
  quarter: 2,
  number: 1,
  startsOn: `${YEAR}-04-01`,
  endsOn: `${YEAR}-04-05`,
  registrationDeadline: `${YEAR}-03-25`,
  active: true,
  version: 1,
  ...extra,
});

const topic = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Topic',
  id,
  year: YEAR,
  title,
  description: '',
  departmentId: 'd-1',
  department: DEPT,
  active: true,
  version: 1,
  ...extra,
});

const planning = (
  topics = [topic('t-2', 'Xây dựng Chi đoàn mạnh'), topic('t-1', 'An toàn giao thông', { description: 'Thanh niên nông thôn' })],
) => ({
  data: {
    batches: [
      batch('b-1'),
      batch('b-2', { number: 2, startsOn: `${YEAR}-05-04`, endsOn: `${YEAR}-05-08`, active: false, version: 3 }),
    ],
    topics,
    quarterlyPlans: [],
  },
});

const lookups: Mocks = [
  viewerCanMock(['managePlanning'], { id: 'u-admin' }),
  always({
    request: { query: DepartmentOptionsQuery },
    result: { data: { units: { __typename: 'UnitConnection', nodes: [{ ...DEPT, validTo: null }] } } },
  }),
];

const render = (mocks: Mocks) =>
  renderPage('/organisation/planning', '/organisation/planning', <PlanningPage />, [...lookups, ...mocks]);

describe('batches and topics', () => {
  it('lists the batches with dates in dd/MM/yyyy, closed ones marked, and the topics in Vietnamese order', async () => {
    const user = setupUser();
    render([always({ request: { query: PlanningQuery }, result: planning() })]);
    const dates = await screen.findByText(`01/04/${YEAR} – 05/04/${YEAR}`);
    const row = dates.closest('tr') as HTMLElement;
    expect(within(row).getByText('Quý 2')).toBeInTheDocument();
    expect(within(row).getByText(`25/03/${YEAR}`)).toBeInTheDocument();
    const closed = screen.getByText(`04/05/${YEAR} – 08/05/${YEAR}`).closest('tr') as HTMLElement;
    expect(within(closed).getByText('Đã đóng')).toBeInTheDocument();
    expect(within(closed).getByRole('button', { name: 'Mở lại đợt 2 quý 2' })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Chuyên đề (2)' }));
    const titles = (await screen.findAllByText(/An toàn giao thông|Xây dựng Chi đoàn mạnh/)).map((e) => e.textContent);
    expect(titles).toEqual(['An toàn giao thông', 'Xây dựng Chi đoàn mạnh']);
  });

  it('checks a new batch as it is typed', async () => {
    const user = setupUser();
    render([always({ request: { query: PlanningQuery }, result: planning() })]);

    await user.click(await screen.findByRole('button', { name: 'Thêm đợt' }));
    const dialog = await screen.findByRole('dialog');
    const number = within(dialog).getByLabelText('Đợt số');
    await user.clear(number);
    expect(await within(dialog).findByText('Vui lòng nhập số thứ tự đợt')).toBeInTheDocument();
    await user.type(number, '13');
    expect(await within(dialog).findByText('Số thứ tự đợt từ 1 đến 12')).toBeInTheDocument();
    await user.clear(number);
    await user.type(number, '2');
    await user.click(within(dialog).getByRole('button', { name: /Thêm đợt$/ }));
    expect(await within(dialog).findByText('Vui lòng chọn thời gian của đợt')).toBeInTheDocument();
    expect(within(dialog).getByText('Vui lòng chọn hạn đăng ký')).toBeInTheDocument();
    expect(number).toHaveValue('2');
  });

  it('corrects a batch in a form filled with it and shows the server’s refusal on its field', async () => {
    const user = setupUser();
    const update = jest.fn(() => ({
      errors: [
        new GraphQLError(`Quý 2/${YEAR} đã có đợt 2.`, {
          extensions: { code: 'BAD_USER_INPUT', field: 'input.number', reason: 'BATCH_EXISTS' },
        }),
      ],
    }));
    render([
      always({ request: { query: PlanningQuery }, result: planning() }),
      {
        request: {
          query: UpdateBatchMutation,
          variables: {
            id: 'b-1',
            version: 1,
            input: {
              number: 2,
              startsOn: `${YEAR}-04-01`,
              endsOn: `${YEAR}-04-05`,
              registrationDeadline: `${YEAR}-03-25`,
            },
          },
        },
        result: update,
      },
    ]);

    await user.click(await screen.findByRole('button', { name: 'Sửa đợt 1 quý 2' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(`Sửa đợt 1 quý 2/${YEAR}`)).toBeInTheDocument();
    expect(within(dialog).getByDisplayValue(`25/03/${YEAR}`)).toBeInTheDocument();
    const number = within(dialog).getByLabelText('Đợt số');
    expect(number).toHaveValue('1');
    await user.clear(number);
    await user.type(number, '2');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await within(dialog).findByText(`Quý 2/${YEAR} đã có đợt 2.`)).toBeInTheDocument();
    expect(update).toHaveBeenCalledTimes(1);
    expect(number).toHaveValue('2');
  });

  it('reloads a topic someone else changed and keeps what this user typed', async () => {
    const user = setupUser();
    let changed = false;
    render([
      always({
        request: { query: PlanningQuery },
        result: () =>
          planning([
            topic('t-2', 'Xây dựng Chi đoàn mạnh'),
            changed
              ? topic('t-1', 'An toàn giao thông', { description: 'Thanh niên miền núi', version: 2 })
              : topic('t-1', 'An toàn giao thông', { description: 'Thanh niên nông thôn' }),
          ]),
      }),
      {
        request: { query: UpdateTopicMutation, variables: (v: { version: number }) => v.version === 1 },
        result: () => {
          changed = true;
          return {
            errors: [
              new GraphQLError('Chuyên đề này vừa được người khác thay đổi. Vui lòng tải lại trước khi lưu.', {
                extensions: { code: 'CONFLICT', reason: 'VERSION_MISMATCH' },
              }),
            ],
          };
        },
      },
    ]);

    await user.click(await screen.findByRole('tab', { name: 'Chuyên đề (2)' }));
    await user.click(await screen.findByRole('button', { name: 'Sửa chuyên đề An toàn giao thông' }));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByLabelText('Tên chuyên đề');
    expect(title).toHaveValue('An toàn giao thông');
    expect(within(dialog).getByLabelText('Mô tả')).toHaveValue('Thanh niên nông thôn');
    await user.type(title, ' đường bộ');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await within(dialog).findByText('Dữ liệu vừa được người khác thay đổi')).toBeInTheDocument();
    expect(within(dialog).getByText(/Chuyên đề này vừa được người khác thay đổi/)).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByLabelText('Mô tả')).toHaveValue('Thanh niên miền núi'));
    expect(title).toHaveValue('An toàn giao thông đường bộ');
  });

  it('closes a topic only once confirmed and marks it closed', async () => {
    const user = setupUser();
    const close = jest.fn(() => ({ data: { setTopicActive: { __typename: 'Topic', id: 't-2', active: false, version: 2 } } }));
    render([
      always({ request: { query: PlanningQuery }, result: planning() }),
      { request: { query: SetTopicActiveMutation, variables: { id: 't-2', version: 1, active: false } }, result: close },
    ]);

    await user.click(await screen.findByRole('tab', { name: 'Chuyên đề (2)' }));
    await user.click(await screen.findByRole('button', { name: 'Đóng chuyên đề Xây dựng Chi đoàn mạnh' }));
    const question = await screen.findByText('Đóng chuyên đề “Xây dựng Chi đoàn mạnh”?');
    expect(close).not.toHaveBeenCalled();
    const popover = question.closest('.ant-popover') as HTMLElement;
    await user.click(within(popover).getByRole('button', { name: 'Đóng chuyên đề' }));

    expect(await screen.findByText('Đã đóng chuyên đề “Xây dựng Chi đoàn mạnh”.')).toBeInTheDocument();
    expect(close).toHaveBeenCalledTimes(1);
    const row = screen.getByText('Xây dựng Chi đoàn mạnh').closest('tr') as HTMLElement;
    expect(await within(row).findByText('Đã đóng')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Mở lại chuyên đề Xây dựng Chi đoàn mạnh' })).toBeInTheDocument();
  });
});

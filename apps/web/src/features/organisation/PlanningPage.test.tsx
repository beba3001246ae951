import { configure, screen, within } from '@testing-library/react';
import { always, renderPage, setupUser } from '@/test/renderPage';
import { OrgViewerQuery, PlanningQuery } from './organisation.operations';
import { PlanningPage } from './PlanningPage';

// antd's first render in jsdom is slow on a busy machine: wait for answers as long as a person would.
configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(600_000);

const YEAR = new Date().getFullYear();
const ADMIN = { __typename: 'User', id: 'u-admin', role: 'PROVINCE_ADMIN', provinceId: 68, cadreId: null };
const DEPT = { __typename: 'Unit', id: 'd-1', name: 'Ban Phong trào' };

const planning = {
  batches: [
    {
      __typename: 'Batch',
      id: 'b-1',
      year: YEAR,
      quarter: 2,
      number: 1,
      startsOn: `${YEAR}-04-01`,
      endsOn: `${YEAR}-04-05`,
      registrationDeadline: `${YEAR}-03-25`,
    },
  ],
  topics: [
    {
      __typename: 'Topic',
      id: 't-2',
      year: YEAR,
      title: 'Xây dựng Chi đoàn mạnh',
      description: '',
      departmentId: 'd-1',
      department: DEPT,
    },
    {
      __typename: 'Topic',
      id: 't-1',
      year: YEAR,
      title: 'An toàn giao thông',
      description: 'Thanh niên nông thôn',
      departmentId: 'd-1',
      department: DEPT,
    },
  ],
  quarterlyPlans: [],
};

const lookups = [
  always({ request: { query: OrgViewerQuery }, result: { data: { me: ADMIN } } }),
  always({ request: { query: PlanningQuery }, result: { data: planning } }),
];

describe('batches and topics', () => {
  it('lists the batches with dates in dd/MM/yyyy and the topics in Vietnamese order', async () => {
    const user = setupUser();
    renderPage('/organisation/planning', '/organisation/planning', <PlanningPage />, lookups);
    const dates = await screen.findByText(`01/04/${YEAR} – 05/04/${YEAR}`);
    const row = dates.closest('tr') as HTMLElement;
    expect(within(row).getByText('Quý 2')).toBeInTheDocument();
    expect(within(row).getByText(`25/03/${YEAR}`)).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Chuyên đề (2)' }));
    const titles = (await screen.findAllByText(/An toàn giao thông|Xây dựng Chi đoàn mạnh/)).map((e) => e.textContent);
    expect(titles).toEqual(['An toàn giao thông', 'Xây dựng Chi đoàn mạnh']);
  });

  it('checks a new batch as it is typed', async () => {
    const user = setupUser();
    renderPage('/organisation/planning', '/organisation/planning', <PlanningPage />, lookups);

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
});

import { configure, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { UnitOptionsQuery } from '@/features/units';
import { always, renderPage, setupUser, type Mocks } from '@/test/renderPage';
import { ConclusionModal, type ConcludedVisit } from './ConclusionModal';
import { ConcludeInspectionMutation } from './inspections.operations';

jest.setTimeout(180_000);
// The machine running the suite may be busy: give the page time to answer.
configure({ asyncUtilTimeout: 20_000 });

const VISIT: ConcludedVisit = {
  id: 'trip-1',
  title: 'Kiểm tra, giám sát: Công tác tổ chức cơ sở Đoàn năm 2026',
  startDate: '2026-10-05',
  endDate: '2026-10-06',
  destinations: [{ id: 'u-1', name: 'Đoàn xã Đức Linh' }],
  conclusions: [],
};

const units: Mocks = [
  always({
    request: { query: UnitOptionsQuery },
    result: {
      data: {
        units: {
          __typename: 'UnitConnection',
          nodes: [
            {
              __typename: 'Unit',
              id: 'u-1',
              name: 'Đoàn xã Đức Linh',
              kind: 'COMMUNE_UNION',
              remote: false,
              border: false,
              island: false,
              parent: null,
            },
          ],
        },
      },
    },
  }),
];

function renderModal(mocks: Mocks) {
  return renderPage('/', '/', <ConclusionModal visit={VISIT} onClose={() => undefined} />, [...units, ...mocks]);
}

function formItemOf(label: string): HTMLElement {
  const item = screen.getByText(label, { selector: 'label' }).closest('.ant-form-item');
  if (!item) throw new Error(`no form item labelled ${label}`);
  return item as HTMLElement;
}

describe('the conclusion form', () => {
  it('says what is missing as the user types and when they send', async () => {
    const user = setupUser();
    renderModal([]);

    const findings = await screen.findByLabelText('Kết quả kiểm tra', {}, { timeout: 20_000 });
    await user.type(findings, 'Tốt');
    expect(await screen.findByText('Cần ít nhất 10 ký tự')).toBeInTheDocument();
    await user.clear(findings);
    expect(await screen.findByText('Vui lòng nhập kết quả kiểm tra')).toBeInTheDocument();
    await user.click(findings);
    await user.paste('Chi đoàn sinh hoạt đều, sổ sách chưa cập nhật.');
    await waitFor(() => expect(screen.queryByText('Vui lòng nhập kết quả kiểm tra')).not.toBeInTheDocument());

    // The only unit of the visit is already chosen, and the conclusion is dated the last day of the visit.
    expect(within(formItemOf('Đơn vị được kiểm tra')).getByText('Đoàn xã Đức Linh')).toBeInTheDocument();
    expect(screen.getByLabelText('Ngày kết luận')).toHaveValue('06/10/2026');

    await user.click(screen.getByRole('button', { name: /Thêm yêu cầu khắc phục/ }));
    const action = await screen.findByLabelText('Nội dung cần khắc phục');
    await user.type(action, 'Sổ');
    expect(await within(formItemOf('Nội dung cần khắc phục')).findByText('Cần ít nhất 5 ký tự')).toBeInTheDocument();
    // The responsible unit defaults to the unit inspected.
    expect(within(formItemOf('Đơn vị chịu trách nhiệm')).getByText('Đoàn xã Đức Linh')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Lưu kết luận' }));
    expect(await screen.findByText('Vui lòng chọn xếp loại', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByText('Vui lòng chọn hạn khắc phục')).toBeInTheDocument();
    expect(findings).toHaveValue('Chi đoàn sinh hoạt đều, sổ sách chưa cập nhật.');
  });

  it("puts the server's error on the corrective action it names and keeps what was typed", async () => {
    const user = setupUser();
    const message = 'Hạn khắc phục phải sau ngày kết luận.';
    renderModal([
      {
        request: {
          query: ConcludeInspectionMutation,
          variables: (v: { input: { rating: string; actions: Array<{ dueOn: string; responsibleUnitId: string }> } }) =>
            v.input.rating === 'FAIR' &&
            v.input.actions[0]?.dueOn === '2026-12-15' &&
            v.input.actions[0]?.responsibleUnitId === 'u-1',
        },
        result: {
          errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'input.actions.0.dueOn' } })],
        },
      },
    ]);

    await user.click(await screen.findByLabelText('Kết quả kiểm tra', {}, { timeout: 20_000 }));
    await user.paste('Chi đoàn sinh hoạt đều, sổ sách chưa cập nhật.');
    await user.click(screen.getByRole('radio', { name: 'Khá' }));
    await user.click(screen.getByRole('button', { name: /Thêm yêu cầu khắc phục/ }));
    await user.click(await screen.findByLabelText('Nội dung cần khắc phục'));
    await user.paste('Cập nhật sổ đoàn viên');
    const due = screen.getByLabelText('Hạn khắc phục');
    await user.click(due);
    await user.type(due, '15/12/2026{Enter}');
    await waitFor(() => expect(due).toHaveValue('15/12/2026'));

    await user.click(screen.getByRole('button', { name: 'Lưu kết luận' }));
    const error = await screen.findByText(message, {}, { timeout: 20_000 });
    expect(error.closest('.ant-form-item')).toBe(formItemOf('Hạn khắc phục'));
    expect(screen.getByLabelText('Nội dung cần khắc phục')).toHaveValue('Cập nhật sổ đoàn viên');
    expect(screen.getByLabelText('Kết quả kiểm tra')).toHaveValue('Chi đoàn sinh hoạt đều, sổ sách chưa cập nhật.');
  });
});

import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import type { CadreRow_CadreFragment } from '@/gql/graphql';
import { renderPage, setupUser } from '@/test/renderPage';
import { ExemptionsDrawer } from './ExemptionsDrawer';
import { TripsDuringExemptionQuery } from './organisation.operations';

configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(600_000);

const cadre = {
  __typename: 'Cadre',
  id: 'c-1',
  version: 1,
  fullName: 'An Miễn Cả Năm',
  exemptions: [],
} as unknown as CadreRow_CadreFragment;

describe('recording an exemption over trips already counted', () => {
  it('lists the trips the exemption would cover before it is saved, and says where their days go', async () => {
    const user = setupUser();
    renderPage('/', '/', <ExemptionsDrawer cadre={cadre} onClose={() => undefined} />, [
      {
        request: {
          query: TripsDuringExemptionQuery,
          variables: { cadreId: 'c-1', startDate: '2025-01-01', endDate: '2025-12-31' },
        },
        result: {
          data: {
            tripsDuringExemption: [
              {
                __typename: 'TripDuringExemption',
                tripId: 't-1',
                title: 'Nắm tình hình thanh niên xã Ba Vì',
                startDate: '2025-01-06',
                endDate: '2025-01-10',
                daysInside: 5,
                done: true,
              },
              {
                __typename: 'TripDuringExemption',
                tripId: 't-2',
                title: 'Dự sinh hoạt chi đoàn thôn Yên',
                startDate: '2025-09-02',
                endDate: '2025-09-03',
                daysInside: 2,
                done: false,
              },
            ],
          },
        },
      },
    ]);
    await user.type(await screen.findByPlaceholderText('Từ ngày'), '01/01/2025{Enter}');
    await user.type(screen.getByPlaceholderText('Đến ngày'), '31/12/2025{Enter}');
    expect(await screen.findByText('Cán bộ có 2 chuyến đi trong thời gian miễn:')).toBeInTheDocument();
    expect(
      screen.getByText('Nắm tình hình thanh niên xã Ba Vì (06/01/2025 – 10/01/2025): 5 ngày trong thời gian miễn, đã đi'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Dự sinh hoạt chi đoàn thôn Yên (02/09/2025 – 03/09/2025): 2 ngày trong thời gian miễn, đã duyệt, chưa đi',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cách tính số liệu' })).toHaveAttribute('href', '/figures');
  });
});

describe('a maternity exemption', () => {
  const reasonRequired = 'Vui lòng ghi rõ lý do miễn vì thai sản, ít nhất 20 ký tự';

  it('asks for a written reason of 20 characters when the roster does not record the cadre as female', async () => {
    const user = setupUser();
    const man = { ...cadre, fullName: 'Nguyễn Văn Hùng', gender: 'MALE' } as CadreRow_CadreFragment;
    renderPage('/', '/', <ExemptionsDrawer cadre={man} onClose={() => undefined} />, []);
    expect(
      await screen.findByText(
        'Cán bộ không phải nữ trong danh sách: cần ghi rõ lý do miễn vì thai sản (ít nhất 20 ký tự). Chỉ Ban Tổ chức và chính cán bộ xem được ghi chú; người khác chỉ thấy loại miễn.',
      ),
    ).toBeInTheDocument();
    const note = screen.getByLabelText('Ghi chú');
    // 19 characters once trimmed: not yet a reason.
    fireEvent.change(note, { target: { value: '  Chăm vợ sinh con.  ' } });
    await user.click(screen.getByRole('button', { name: 'Ghi nhận miễn' }));
    expect(await screen.findByText(reasonRequired)).toBeInTheDocument();
    fireEvent.change(note, { target: { value: 'Nghỉ chế độ khi vợ sinh con theo Luật BHXH' } });
    await waitFor(() => expect(screen.queryByText(reasonRequired)).not.toBeInTheDocument());
  });

  it('asks no reason for a cadre recorded as female, and tells who reads the note', async () => {
    const user = setupUser();
    const woman = { ...cadre, fullName: 'Trần Thị Mai', gender: 'FEMALE' } as CadreRow_CadreFragment;
    renderPage('/', '/', <ExemptionsDrawer cadre={woman} onClose={() => undefined} />, []);
    expect(
      await screen.findByText('Chỉ Ban Tổ chức và chính cán bộ xem được ghi chú; người khác chỉ thấy loại miễn.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ghi nhận miễn' }));
    // The dates are still missing; the note is not asked for.
    expect(await screen.findByText('Vui lòng chọn thời gian miễn')).toBeInTheDocument();
    expect(screen.queryByText(reasonRequired)).not.toBeInTheDocument();
  });
});

import { configure, screen } from '@testing-library/react';
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

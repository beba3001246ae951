import { configure, screen, within } from '@testing-library/react';
import { renderLivePage } from '@/test/renderLivePage';
import { always } from '@/test/renderPage';
import { viewerCanMock } from '@/test/viewerCan';
import { connection } from '@/test/connection';
import { GoodModelsQuery } from './findings.operations';
import { ModelsPage } from './ModelsPage';

jest.setTimeout(180_000);
// The machine running the suite may be busy: give the page time to answer.
configure({ asyncUtilTimeout: 20_000 });

const model = (id: string, name: string, setReplication: boolean) => ({
  __typename: 'GoodModel',
  id,
  version: 1,
  name,
  description: '',
  field: 'VOLUNTEERING',
  replication: 'IDENTIFIED',
  tripId: null,
  unit: { __typename: 'Unit', id: 'u-1', name: 'Đoàn xã Nam Hà' },
  replicatedAt: [],
  viewerCan: { __typename: 'GoodModelPermissions', setReplication },
});

const models = (nodes: unknown[]) =>
  always({
    request: { query: GoodModelsQuery },
    result: { data: { goodModels: connection('GoodModelConnection', nodes) } },
  });

const cardOf = (name: string) => screen.getByText(name).closest('.findings-card') as HTMLElement;

describe('the good models page', () => {
  it('offers recording a model from me.can and updating a replication from each model’s viewerCan', async () => {
    renderLivePage(<ModelsPage />, [
      viewerCanMock(['readModels', 'recordModels']),
      models([model('m-1', 'Thắp sáng đường quê', true), model('m-2', 'Ngôi nhà khăn quàng đỏ', false)]),
    ]);

    expect(await screen.findByText('Thắp sáng đường quê', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Ghi nhận mô hình/ })).toBeInTheDocument();
    expect(within(cardOf('Thắp sáng đường quê')).getByRole('button', { name: 'Cập nhật nhân rộng' })).toBeInTheDocument();
    expect(
      within(cardOf('Ngôi nhà khăn quàng đỏ')).queryByRole('button', { name: 'Cập nhật nhân rộng' }),
    ).not.toBeInTheDocument();
  });

  it('lets a reader search the models without offering to record one', async () => {
    renderLivePage(<ModelsPage />, [viewerCanMock(['readModels']), models([model('m-1', 'Thắp sáng đường quê', false)])]);

    expect(await screen.findByText('Thắp sáng đường quê', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ghi nhận mô hình/ })).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: /Tìm/ })).toBeInTheDocument();
  });

  it('tells a user me.can does not let read models that the page is not theirs', async () => {
    renderLivePage(<ModelsPage />, [viewerCanMock([])]);
    expect(await screen.findByText('Trang này không dành cho vai trò của bạn.', {}, { timeout: 20_000 })).toBeInTheDocument();
  });
});

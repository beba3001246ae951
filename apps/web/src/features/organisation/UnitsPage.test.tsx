import { configure, screen, waitFor, within } from '@testing-library/react';
import { viewerCanMock } from '@/test/viewerCan';
import { renderPage, setupUser } from '@/test/renderPage';
import { UnitsPageQuery } from './organisation.operations';
import { UnitsPage } from './UnitsPage';
import { connection as pageOf } from '@/test/connection';

// antd's first render in jsdom is slow on a busy machine: wait for answers as long as a person would.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(600_000);

function unit(id: string, name: string, kind: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Unit',
    id,
    version: 1,
    name,
    kind,
    parentId: null,
    parent: null,
    communeCode: null,
    validFrom: '2025-07-01',
    validTo: null,
    remote: false,
    border: false,
    island: false,
    ...extra,
  };
}

const connection = (nodes: unknown[]) => ({ data: { units: pageOf('UnitConnection', nodes) } });

const ROOT = unit('root', 'Cơ quan Tỉnh đoàn Lâm Đồng', 'PROVINCIAL_AGENCY');
const PARENT = { __typename: 'Unit', id: 'root', name: 'Cơ quan Tỉnh đoàn Lâm Đồng' };

type UnitVars = { filter?: { kinds?: string[] | null; parentId?: string | null; search?: string | null } };

const tree = [
  viewerCanMock(['manageUnits'], { id: 'u-admin' }),
  {
    request: { query: UnitsPageQuery, variables: (v: UnitVars) => v.filter?.kinds?.join() === 'PROVINCIAL_AGENCY' },
    result: connection([ROOT]),
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  {
    request: { query: UnitsPageQuery, variables: (v: UnitVars) => v.filter?.parentId === 'root' },
    result: connection([
      unit('u-1', 'Đoàn xã Đạ Huoai', 'COMMUNE_UNION', { parentId: 'root', parent: PARENT, remote: true, communeCode: '24826' }),
      unit('u-2', 'Huyện đoàn Đạ Huoai', 'DISTRICT_UNION', {
        parentId: 'root',
        parent: PARENT,
        validFrom: '2010-01-01',
        validTo: '2025-06-30',
      }),
    ]),
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  {
    // The parent picker's search.
    request: { query: UnitsPageQuery, variables: (v: UnitVars) => !v.filter?.parentId && (v.filter?.kinds?.length ?? 0) > 1 },
    result: connection([ROOT]),
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
];

describe('the unit tree', () => {
  it('opens a unit to load the units under it, with validity dates and hardship flags', async () => {
    const user = setupUser();
    renderPage('/organisation/units', '/organisation/units', <UnitsPage />, tree);

    const root = await screen.findByText('Cơ quan Tỉnh đoàn Lâm Đồng');
    await user.click(within(root.closest('tr') as HTMLElement).getByRole('button', { name: /mở rộng|expand/i }));

    const commune = await screen.findByText('Đoàn xã Đạ Huoai');
    const row = commune.closest('tr') as HTMLElement;
    expect(within(row).getByText('Vùng sâu, vùng xa')).toBeInTheDocument();
    expect(within(row).getByText('Từ 01/07/2025')).toBeInTheDocument();
    expect(within(row).getByText('24826')).toBeInTheDocument();
    const district = screen.getByText('Huyện đoàn Đạ Huoai').closest('tr') as HTMLElement;
    expect(within(district).getByText('01/01/2010 – 30/06/2025')).toBeInTheDocument();
    expect(within(district).getByText('Hết hiệu lực')).toBeInTheDocument();
  });

  it('checks a new unit under another as it is typed', async () => {
    const user = setupUser();
    renderPage('/organisation/units', '/organisation/units', <UnitsPage />, tree);

    await user.click(await screen.findByRole('button', { name: 'Thêm đơn vị trực thuộc Cơ quan Tỉnh đoàn Lâm Đồng' }));
    const dialog = await screen.findByRole('dialog');
    // The parent is the unit the button was on.
    expect(within(dialog).getByText('Cơ quan Tỉnh đoàn Lâm Đồng')).toBeInTheDocument();
    const name = within(dialog).getByLabelText('Tên đơn vị');
    await user.type(name, ' ');
    expect(await within(dialog).findByText('Vui lòng nhập tên đơn vị')).toBeInTheDocument();
    await user.clear(name);
    await user.paste('Đoàn xã Phú Quý');

    const code = within(dialog).getByLabelText('Mã xã/phường');
    await user.type(code, 'PQ');
    expect(await within(dialog).findByText('Mã xã/phường chỉ gồm chữ số (tối đa 10)')).toBeInTheDocument();
    await user.clear(code);
    await waitFor(() => expect(within(dialog).queryByText('Mã xã/phường chỉ gồm chữ số (tối đa 10)')).not.toBeInTheDocument());
    expect(name).toHaveValue('Đoàn xã Phú Quý');
  });
});

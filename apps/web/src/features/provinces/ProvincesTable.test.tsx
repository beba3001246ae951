import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFragmentData } from '@/gql';
import type { ProvincesTable_ProvinceFragment } from '@/gql/graphql';
import { ProvincesTable, ProvincesTable_province } from './ProvincesTable';

let nextId = 1;
function province(name: string, merged?: { into: string; on: string }): ProvincesTable_ProvinceFragment {
  const id = nextId++;
  return {
    id,
    code: `P${id}`,
    name,
    status: merged ? 'MERGED' : 'ACTIVE',
    mergedOn: merged?.on ?? null,
    successor: merged ? { id: 900 + id, name: merged.into } : null,
  };
}

// Deliberately out of order, with names where Vietnamese order differs from code-point order.
const PROVINCES = [
  province('Điện Biên'),
  province('Hà Nội'),
  province('Đắk Nông', { into: 'Lâm Đồng', on: '2025-07-01' }),
  province('Cần Thơ'),
  province('Đắk Lắk'),
  province('Cao Bằng'),
  province('Bình Thuận', { into: 'Lâm Đồng', on: '2025-07-01' }),
  province('Cà Mau'),
  province('An Giang'),
  province('Đà Nẵng'),
].map((p) => makeFragmentData(p, ProvincesTable_province));

function namesInTable(): string[] {
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
  return rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent ?? '');
}

describe('ProvincesTable', () => {
  it('sorts provinces by name in Vietnamese alphabetical order', () => {
    render(<ProvincesTable provinces={PROVINCES} />);

    // Intl.Collator('vi'): a < ă < â (Cao Bằng before Cần Thơ), Đ is its own letter after D,
    // tone marks only break ties (Đà Nẵng, Đắk Lắk, Đắk Nông, Điện Biên).
    expect(namesInTable()).toEqual([
      'An Giang',
      'Bình Thuận',
      'Cà Mau',
      'Cao Bằng',
      'Cần Thơ',
      'Đà Nẵng',
      'Đắk Lắk',
      'Đắk Nông',
      'Điện Biên',
      'Hà Nội',
    ]);
  });

  it('says which province a merged one went into, and since when', () => {
    render(<ProvincesTable provinces={PROVINCES} />);
    const row = screen.getByRole('row', { name: /Đắk Nông/ });
    expect(within(row).getByText('Đã hợp nhất vào Lâm Đồng')).toBeInTheDocument();
    expect(within(row).getByText('từ 01/07/2025')).toBeInTheDocument();
    const active = screen.getByRole('row', { name: /Cà Mau/ });
    expect(within(active).getByText('Đang hoạt động')).toBeInTheDocument();
  });

  it('filters by status', async () => {
    const user = userEvent.setup();
    render(<ProvincesTable provinces={PROVINCES} />);

    await user.click(screen.getByText('Đã hợp nhất'));
    expect(namesInTable()).toEqual(['Bình Thuận', 'Đắk Nông']);

    await user.click(screen.getByText('Đang hoạt động'));
    expect(namesInTable()).toHaveLength(8);
    expect(namesInTable()).not.toContain('Đắk Nông');

    await user.click(screen.getByText('Tất cả'));
    expect(namesInTable()).toHaveLength(10);
  });
});

import { configure, screen, waitFor, within } from '@testing-library/react';
import { CadreOptionsQuery } from '@/features/roster';
import { viewerCanMock } from '@/test/viewerCan';
import { always, renderPage, setupUser } from '@/test/renderPage';
import { AccountsPage, AccountsPageQuery } from './AccountsPage';
import { SetAccountActiveMutation } from './organisation.operations';
import { connection as pageOf } from '@/test/connection';

// antd's first render in jsdom is slow on a busy machine: wait for answers as long as a person would.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(600_000);

function account(id: string, fullName: string, username: string, role: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'User',
    id,
    fullName,
    username,
    role,
    active: true,
    cadreId: null,
    unitId: null,
    viewerCan: { __typename: 'AccountPermissions', activate: true, deactivate: true },
    ...extra,
  };
}

const SELF = account('u-admin', 'Ban Tổ chức Tỉnh đoàn Lâm Đồng', 'admin.ldg', 'PROVINCE_ADMIN', {
  viewerCan: { __typename: 'AccountPermissions', activate: true, deactivate: false },
});
const KIEN = account('u-kien', 'Dương Quốc Kiên', 'canbo.ldg', 'CADRE', { cadreId: 'c-1' });
const LOC = account('u-loc', 'Ngô Xuân Lộc', 'thuongtruc.ldg', 'STANDING_BOARD', { cadreId: 'c-2' });

const connection = (nodes: unknown[]) => ({ data: { accounts: pageOf('UserConnection', nodes) } });

type Vars = { search?: string | null; role?: string | null };

const base = [
  viewerCanMock(['manageAccounts'], { id: 'u-admin' }),
  always({ request: { query: CadreOptionsQuery }, result: { data: { cadres: { __typename: 'CadreConnection', nodes: [] } } } }),
  {
    request: { query: AccountsPageQuery, variables: (v: Vars) => !v.search && !v.role },
    result: connection([SELF, KIEN, LOC]),
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  {
    request: { query: AccountsPageQuery, variables: (v: Vars) => v.search === 'thuong truc' },
    result: connection([LOC]),
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
];

describe('the accounts page', () => {
  it('lists the accounts and searches them as typed, without diacritics', async () => {
    const user = setupUser();
    renderPage('/organisation/accounts', '/organisation/accounts', <AccountsPage />, base);

    const kien = (await screen.findByText('Dương Quốc Kiên')).closest('tr') as HTMLElement;
    expect(within(kien).getByText('canbo.ldg')).toBeInTheDocument();
    expect(within(kien).getByText('Đang hoạt động')).toBeInTheDocument();
    expect(screen.getByText('3 tài khoản')).toBeInTheDocument();
    // Nobody locks themselves out: the viewer's own row offers no lock.
    const self = screen.getByText('Ban Tổ chức Tỉnh đoàn Lâm Đồng').closest('tr') as HTMLElement;
    expect(within(self).getByText('Bạn')).toBeInTheDocument();
    expect(within(self).queryByRole('button')).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Tìm tài khoản' }), 'thuong truc');
    await waitFor(() => expect(screen.queryByText('Dương Quốc Kiên')).not.toBeInTheDocument());
    expect(screen.getByText('Ngô Xuân Lộc')).toBeInTheDocument();
    expect(screen.getByText('1 tài khoản')).toBeInTheDocument();
  });

  it('checks a new account before sending it', async () => {
    const user = setupUser();
    renderPage('/organisation/accounts', '/organisation/accounts', <AccountsPage />, base);

    await screen.findByText('Dương Quốc Kiên');
    await user.click(screen.getByRole('button', { name: 'Thêm tài khoản' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Thêm tài khoản' }));
    // A cadre account needs its cadre on the roster, a name, a username and a first password.
    expect(await within(dialog).findByText('Vui lòng chọn cán bộ gắn với tài khoản')).toBeInTheDocument();
    expect(within(dialog).getByText('Vui lòng nhập họ và tên')).toBeInTheDocument();
    expect(within(dialog).getByText('Vui lòng nhập tên đăng nhập')).toBeInTheDocument();
    expect(within(dialog).getByText('Vui lòng nhập mật khẩu ban đầu')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Tên đăng nhập'), 'Lan Trần');
    expect(
      await within(dialog).findByText('Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang'),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Mật khẩu ban đầu'), '1234');
    expect(await within(dialog).findByText('Mật khẩu cần ít nhất 8 ký tự')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Mật khẩu ban đầu'), '5678');
    await waitFor(() => expect(within(dialog).queryByText('Mật khẩu cần ít nhất 8 ký tự')).not.toBeInTheDocument());
  });

  it('offers locking or reopening only where the account’s viewerCan allows it', async () => {
    const locked = account('u-lan', 'Hồ Thị Lan', 'lan.ht', 'CADRE', {
      active: false,
      viewerCan: { __typename: 'AccountPermissions', activate: false, deactivate: false },
    });
    renderPage('/organisation/accounts', '/organisation/accounts', <AccountsPage />, [
      viewerCanMock(['manageAccounts'], { id: 'u-admin' }),
      base[1],
      {
        request: { query: AccountsPageQuery, variables: (v: Vars) => !v.search && !v.role },
        result: connection([KIEN, locked]),
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
    ]);
    const lan = (await screen.findByText('Hồ Thị Lan')).closest('tr') as HTMLElement;
    expect(within(lan).getByText('Đã khóa')).toBeInTheDocument();
    expect(within(lan).queryByRole('button')).not.toBeInTheDocument();
    const kien = screen.getByText('Dương Quốc Kiên').closest('tr') as HTMLElement;
    expect(within(kien).getByRole('button', { name: 'Khóa tài khoản Dương Quốc Kiên' })).toBeInTheDocument();
  });

  it('locks an account only once confirmed', async () => {
    const user = setupUser();
    const lock = jest.fn(() => ({ data: { setAccountActive: { __typename: 'User', id: 'u-kien', active: false } } }));
    renderPage('/organisation/accounts', '/organisation/accounts', <AccountsPage />, [
      ...base,
      { request: { query: SetAccountActiveMutation, variables: { id: 'u-kien', active: false } }, result: lock },
    ]);

    await user.click(await screen.findByRole('button', { name: 'Khóa tài khoản Dương Quốc Kiên' }));
    const question = await screen.findByText('Khóa tài khoản Dương Quốc Kiên?');
    expect(lock).not.toHaveBeenCalled();
    const popover = question.closest('.ant-popover') as HTMLElement;
    await user.click(within(popover).getByRole('button', { name: 'Khóa' }));

    expect(await screen.findByText('Đã khóa tài khoản Dương Quốc Kiên')).toBeInTheDocument();
    expect(lock).toHaveBeenCalledTimes(1);
    const row = screen.getByText('Dương Quốc Kiên').closest('tr') as HTMLElement;
    expect(await within(row).findByText('Đã khóa')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Mở khóa tài khoản Dương Quốc Kiên' })).toBeInTheDocument();
  });
});

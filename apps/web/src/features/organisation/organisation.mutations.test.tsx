import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor } from '@testing-library/react';
import { App, Button } from 'antd';
import { createCache } from '@/shared/apollo/cache';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { connection } from '@/test/connection';
import { setupUser, type Mocks } from '@/test/renderPage';
import { getFragmentData } from '@/gql';
import { AccountsPage_account, AccountsPageQuery } from './AccountsPage';
import { useCreateAccount } from './organisation.mutations';
import { CreateAccountMutation } from './organisation.operations';

jest.setTimeout(120_000);

const account = (id: string, fullName: string) => ({
  __typename: 'User',
  id,
  fullName,
  username: id,
  role: 'CADRE',
  active: true,
  cadreId: null,
  unitId: null,
  viewerCan: { __typename: 'AccountPermissions', activate: true, deactivate: true },
});

const page = (nodes: unknown[], totalCount: number, endCursor: string, hasNextPage: boolean) => ({
  data: { accounts: connection('UserConnection', nodes, { totalCount, endCursor, hasNextPage }) },
});

const AN = account('an', 'Nguyễn Văn An');
const BINH = account('binh', 'Trần Thị Bình');
const CHI = account('chi', 'Lê Thị Chi');
const DUNG = account('dung', 'Phạm Văn Dũng');
const LIST = { first: 2, search: null, role: null };

/** The accounts list as the page shows it, two at a time, with a button that adds Chi. */
function Accounts() {
  const { list } = usePagedList(AccountsPageQuery, (d) => d.accounts, { variables: LIST });
  const [create] = useCreateAccount();
  return (
    <App>
      <ul>
        {getFragmentData(AccountsPage_account, list.nodes).map((a) => (
          <li key={a.id}>{a.fullName}</li>
        ))}
      </ul>
      <LoadMore list={list} />
      <Button
        onClick={() =>
          void create({ variables: { input: { role: 'CADRE', fullName: CHI.fullName, username: 'chi', password: 'x' } } })
        }
      >
        Thêm Chi
      </Button>
    </App>
  );
}

const renderAccounts = (mocks: Mocks) =>
  render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <Accounts />
    </MockedProvider>,
  );

const shown = () => screen.getAllByRole('listitem').map((li) => li.textContent);

describe('a paged list', () => {
  it('adds the next page under the rows shown with "Xem thêm", and offers no more once all are shown', async () => {
    const user = setupUser();
    renderAccounts([
      { request: { query: AccountsPageQuery, variables: LIST }, result: page([AN, BINH], 3, 'c-2', true) },
      { request: { query: AccountsPageQuery, variables: { ...LIST, after: 'c-2' } }, result: page([DUNG], 3, 'c-3', false) },
    ]);
    expect(await screen.findByText('Đang hiện 2/3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByText('Đang hiện 3/3')).toBeInTheDocument();
    expect(shown()).toEqual([AN.fullName, BINH.fullName, DUNG.fullName]);
    expect(screen.queryByRole('button', { name: 'Xem thêm' })).not.toBeInTheDocument();
  });
});

describe('creating an account', () => {
  it('shows the new account where it sorts and keeps the rows loaded with "Xem thêm"', async () => {
    const user = setupUser();
    renderAccounts([
      { request: { query: AccountsPageQuery, variables: LIST }, result: page([AN, BINH], 3, 'c-2', true) },
      { request: { query: AccountsPageQuery, variables: { ...LIST, after: 'c-2' } }, result: page([DUNG], 3, 'c-3', false) },
      {
        request: { query: CreateAccountMutation, variables: () => true },
        result: { data: { createAccount: CHI } },
      },
      // The list asks again for the three rows it shows; Chi sorts before Dũng, who goes on to the next page.
      {
        request: { query: AccountsPageQuery, variables: { ...LIST, first: 3 } },
        result: page([AN, CHI, BINH], 4, 'c-3b', true),
      },
    ]);
    expect(await screen.findByText('Đang hiện 2/3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByText('Đang hiện 3/3')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Thêm Chi' }));
    expect(await screen.findByText('Đang hiện 3/4')).toBeInTheDocument();
    await waitFor(() => expect(shown()).toEqual([AN.fullName, CHI.fullName, BINH.fullName]));
    expect(screen.getByRole('button', { name: 'Xem thêm' })).toBeInTheDocument();
  });
});

import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { SessionContext, type Session } from '@/shared/auth/session';
import { clearToken, getToken, setToken } from '@/shared/auth/token';
import { LoginMutation } from './auth.operations';
import { SignInPage } from './SignInPage';

const session: Session = { start: setToken, end: clearToken };

type Mocks = ReadonlyArray<MockLink.MockedResponse>;

function renderSignIn(mocks: Mocks = []) {
  const wrap = (children: ReactNode) => (
    <MockedProvider mocks={mocks}>
      <SessionContext value={session}>
        <MemoryRouter initialEntries={['/signin']}>
          <Routes>
            <Route path="/signin" element={children} />
            <Route path="/" element={<p>Trang chủ</p>} />
          </Routes>
        </MemoryRouter>
      </SessionContext>
    </MockedProvider>
  );
  render(wrap(<SignInPage />));
  return {
    user: userEvent.setup(),
    username: screen.getByLabelText('Tên đăng nhập'),
    password: screen.getByLabelText('Mật khẩu'),
    submit: screen.getByRole('button', { name: 'Đăng nhập' }),
  };
}

beforeEach(() => localStorage.clear());

describe('SignInPage', () => {
  it('is in Vietnamese, with labelled fields', () => {
    renderSignIn();
    expect(screen.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByLabelText('Tên đăng nhập')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Mật khẩu')).toHaveAttribute('type', 'password');
  });

  it('validates the username as the user types', async () => {
    const { user, username } = renderSignIn();

    await user.type(username, 'ca');
    expect(await screen.findByText('Tên đăng nhập có ít nhất 3 ký tự')).toBeInTheDocument();

    await user.type(username, 'n bộ');
    expect(await screen.findByText(/Tên đăng nhập chỉ gồm chữ cái không dấu, số, dấu chấm/)).toBeInTheDocument();

    await user.clear(username);
    expect(await screen.findByText('Vui lòng nhập tên đăng nhập')).toBeInTheDocument();

    await user.type(username, 'canbo.ldg');
    await expectNoText('Vui lòng nhập tên đăng nhập');
    expect(screen.queryByText(/Tên đăng nhập chỉ gồm/)).not.toBeInTheDocument();
  });

  it('does not send an empty form and says what is missing', async () => {
    const { user, submit } = renderSignIn();
    await user.click(submit);
    expect(await screen.findByText('Vui lòng nhập tên đăng nhập')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mật khẩu')).toBeInTheDocument();
    expect(getToken()).toBeNull();
  });

  it("shows the server's message in place when the password is wrong, until the user edits", async () => {
    const message = 'Tên đăng nhập hoặc mật khẩu không đúng.';
    const { user, username, password, submit } = renderSignIn([
      {
        request: { query: LoginMutation, variables: { username: 'canbo.ldg', password: 'sai-mat-khau' } },
        result: { errors: [new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } })] },
      },
    ]);

    await user.type(username, 'canbo.ldg');
    await user.type(password, 'sai-mat-khau');
    await user.click(submit);

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(getToken()).toBeNull();

    await user.type(password, 'x');
    await expectNoText(message);
  });

  it('signs in with the username as the server stores it and opens the home page', async () => {
    const { user, username, password } = renderSignIn([
      {
        request: { query: LoginMutation, variables: { username: 'canbo.ldg', password: 'demo1234' } },
        result: {
          data: {
            login: {
              __typename: 'AuthPayload',
              token: 'jwt-token',
              user: { __typename: 'User', id: '7', fullName: 'Nguyễn Văn An' },
            },
          },
        },
      },
    ]);

    await user.type(username, ' CanBo.LDG ');
    await user.type(password, 'demo1234{Enter}');

    expect(await screen.findByText('Trang chủ')).toBeInTheDocument();
    expect(getToken()).toBe('jwt-token');
  });
});

async function expectNoText(text: string): Promise<void> {
  await waitFor(() => expect(screen.queryByText(text)).not.toBeInTheDocument());
}

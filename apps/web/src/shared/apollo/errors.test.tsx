import fs from 'node:fs';
import path from 'node:path';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError, buildSchema, isEnumType } from 'graphql';
import { MemoryRouter } from 'react-router';
import { i18n } from '@/i18n/i18n';
import errorsEn from '@/i18n/errors.en.json';
import errorsVi from '@/i18n/errors.vi.json';
import { SessionContext } from '@/shared/auth/session';
import { clearToken, setToken } from '@/shared/auth/token';
import { LoginMutation } from '@/features/auth/auth.operations';
import { SignInPage } from '@/features/auth/SignInPage';

const SCHEMA = path.resolve(__dirname, '../../../../../packages/schema/schema.graphql');

const throttled = {
  request: { query: LoginMutation, variables: { username: 'canbo.ldg', password: 'sai-mat-khau' } },
  result: {
    errors: [
      new GraphQLError('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 42 giây.', {
        extensions: { code: 'TOO_MANY_REQUESTS', reason: 'SIGN_IN_THROTTLED', retryAfterSeconds: 42 },
      }),
    ],
  },
};

async function signInThrottled(labels: { username: string; password: string; submit: string }) {
  render(
    <MockedProvider mocks={[throttled]}>
      <SessionContext value={{ start: setToken, end: clearToken }}>
        <MemoryRouter>
          <SignInPage />
        </MemoryRouter>
      </SessionContext>
    </MockedProvider>,
  );
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(labels.username), 'canbo.ldg');
  await user.type(screen.getByLabelText(labels.password), 'sai-mat-khau');
  await user.click(screen.getByRole('button', { name: labels.submit }));
  return screen.findByRole('alert');
}

afterEach(() => i18n.changeLanguage('vi'));

describe("the API's refusals as the user reads them", () => {
  it('are worded in English by their reason, with its details, when the app is in English', async () => {
    await i18n.changeLanguage('en');
    const alert = await signInThrottled({ username: 'Username', password: 'Password', submit: 'Sign in' });
    expect(alert).toHaveTextContent('Too many failed sign-ins. Try again in 42 seconds.');
    expect(alert).not.toHaveTextContent('Đăng nhập');
  });

  it("keep the server's own Vietnamese message when the app is in Vietnamese", async () => {
    const alert = await signInThrottled({ username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập' });
    expect(alert).toHaveTextContent('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 42 giây.');
  });

  it('have a Vietnamese and an English text for every reason the schema publishes, and nothing else', () => {
    const type = buildSchema(fs.readFileSync(SCHEMA, 'utf8')).getType('ErrorReason');
    if (!isEnumType(type)) throw new Error('schema.graphql has no enum ErrorReason');
    const reasons = type
      .getValues()
      .map((v) => v.name)
      .sort();
    const texts = (tree: { errors: Record<string, unknown> }) =>
      Object.entries(tree.errors)
        .filter(([key, value]) => key !== 'code' && typeof value === 'string' && value !== '')
        .map(([key]) => key)
        .sort();
    expect(texts(errorsVi)).toEqual(reasons);
    expect(texts(errorsEn)).toEqual(reasons);
  });
});

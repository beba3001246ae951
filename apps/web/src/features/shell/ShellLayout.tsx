import { useQuery } from '@apollo/client/react';
import { Alert, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '@/shared/apollo/errors';
import { useSession } from '@/shared/auth/session';
import { getToken } from '@/shared/auth/token';
import { AppHeader } from './AppHeader';
import { ShellQuery } from './shell.operations';

/** The frame of every signed-in page; without a token it sends the user to sign in. */
export function ShellLayout() {
  const location = useLocation();
  const hasToken = getToken() !== null;
  if (!hasToken) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  return <SignedInShell />;
}

function SignedInShell() {
  const { t } = useTranslation();
  const session = useSession();
  const { data, error } = useQuery(ShellQuery);

  return (
    <Layout className="app">
      <AppHeader viewer={data?.me} onSignOut={session.end} />
      <Layout.Content className="app-content">
        {error && <Alert type="error" showIcon title={errorMessage(error, t)} className="app-content__error" />}
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="app-footer">
        {t('app.title')} · {t('app.union')}
      </Layout.Footer>
    </Layout>
  );
}

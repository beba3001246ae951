import { useQuery } from '@apollo/client/react';
import { Alert, App, Layout } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LiveEventsProvider, useLiveEvents } from '@/features/live';
import '@/i18n/signedIn';
import { errorMessage } from '@/shared/apollo/errors';
import { useSession } from '@/shared/auth/session';
import { getToken } from '@/shared/auth/token';
import { useScrollRegions } from '@/shared/a11y/useScrollRegions';
import { AppHeader } from './AppHeader';
import { ShellQuery } from './shell.operations';

/** The frame of every signed-in page; without a token it sends the user to sign in. */
export function ShellLayout() {
  const location = useLocation();
  const hasToken = getToken() !== null;
  if (!hasToken) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  // antd's App gives the signed-in pages their message and notification context; the sign-in
  // page does without it and stays small.
  return (
    <App component={false}>
      <SignedInShell />
    </App>
  );
}

function SignedInShell() {
  const { data } = useQuery(ShellQuery);
  const me = data?.me;
  // Those the API lets follow trip events (not host units) follow their province (central: all).
  return (
    <LiveEventsProvider enabled={!!me?.can?.followTripEvents} viewerName={me?.fullName}>
      <ShellFrame />
    </LiveEventsProvider>
  );
}

function ShellFrame() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  const { data, error } = useQuery(ShellQuery);
  const { events } = useLiveEvents();
  const [seen, setSeen] = useState(0);
  const onFeed = pathname === '/feed';
  const main = useRef<HTMLElement>(null);
  useScrollRegions(main);
  useEffect(() => {
    if (onFeed) setSeen(events.length);
  }, [onFeed, events.length]);

  return (
    <Layout className="app">
      {/* The first tab stop: past the header and its menu, straight to the page. */}
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader viewer={data?.me} onSignOut={session.end} unseenEvents={onFeed ? 0 : events.length - seen} />
      <Layout.Content className="app-content" id="main" tabIndex={-1} ref={main}>
        {error && <Alert type="error" showIcon title={errorMessage(error, t)} className="app-content__error" />}
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="app-footer">
        {t('app.title')} · {t('app.union')}
      </Layout.Footer>
    </Layout>
  );
}

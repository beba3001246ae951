import { ApolloProvider } from '@apollo/client/react';
import { ConfigProvider } from 'antd';
// The ES build of the locales: `antd/locale/*` re-exports the CommonJS build into the bundle.
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createApiClient } from '@/shared/apollo/client';
import { LiveConnectionContext } from '@/shared/apollo/liveStatus';
import { SessionContext, type Session } from '@/shared/auth/session';
import { clearToken, setToken } from '@/shared/auth/token';
import { router } from './router';
import { theme } from './theme';

const api = createApiClient({ onUnauthenticated: () => endSession(true) });

function endSession(expired: boolean): void {
  clearToken();
  api.restartSocket();
  // The next user of this browser must not see the previous user's data.
  void api.client.clearStore();
  void router.navigate('/signin', { replace: true, state: { expired } });
}

const session: Session = {
  start: (token) => {
    setToken(token);
    api.restartSocket();
  },
  end: () => endSession(false),
};

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.resolvedLanguage === 'en' ? enUS : viVN} theme={theme}>
      <ApolloProvider client={api.client}>
        <LiveConnectionContext value={api.live}>
          <SessionContext value={session}>
            <RouterProvider router={router} />
          </SessionContext>
        </LiveConnectionContext>
      </ApolloProvider>
    </ConfigProvider>
  );
}

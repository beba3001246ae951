import { ApolloProvider } from '@apollo/client/react';
import { ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createApiClient } from '@/shared/apollo/client';
import { LiveConnectionContext } from '@/shared/apollo/liveStatus';
import { SessionContext, type Session } from '@/shared/auth/session';
import { clearToken, setToken } from '@/shared/auth/token';
import { router } from './router';
import { enUS, viVN } from './locale';
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

function popupContainer(trigger?: HTMLElement): HTMLElement {
  return trigger?.closest<HTMLElement>('[role="dialog"], main, header, nav, footer') ?? document.body;
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.resolvedLanguage === 'en' ? enUS : viVN}
      theme={theme}
      // Lists and calendars open inside the landmark of the field that opened them (the page's <main>, a
      // dialog), so every part of the page stays in a landmark for screen-reader users (WCAG 1.3.1).
      getPopupContainer={popupContainer}
    >
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

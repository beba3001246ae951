import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { getToken } from '@/shared/auth/token';
import { createCache } from './cache';
import { closedForGood, LiveConnection } from './liveStatus';

// The headers HttpLink sends, typed in the operation context instead of Apollo's open record.
declare module '@apollo/client' {
  interface DefaultContext {
    headers?: HttpLink.ContextOptions['headers'];
  }
}

export interface ApiClient {
  client: ApolloClient;
  /** The WebSocket's state, shown in the header. */
  live: LiveConnection;
  /** Reopens the WebSocket so the server sees the current token (after sign-in or sign-out). */
  restartSocket: () => void;
}

interface ApiClientOptions {
  /** Called when the server rejects the stored token: the session is over. */
  onUnauthenticated: () => void;
}

function bearer(): string | undefined {
  const token = getToken();
  return token ? `Bearer ${token}` : undefined;
}

function socketUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/graphql`;
}

/** graphql-ws's randomised exponential back-off, capped: after an hour offline it still retries every half minute. */
async function retryWait(retries: number): Promise<void> {
  const delay = Math.min(1000 * 2 ** retries, 30_000) + 300 + Math.random() * 2700;
  await new Promise((resolve) => setTimeout(resolve, delay));
}

function isCloseEvent(value: unknown): value is { code: number } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}

export function createApiClient({ onUnauthenticated }: ApiClientOptions): ApiClient {
  let activeSocket: WebSocket | null = null;
  let client: ApolloClient | null = null;

  // Events published while the socket was down are lost: catch up from the source of truth.
  const live = new LiveConnection(() => void client?.refetchObservableQueries());

  const wsClient = createClient({
    url: socketUrl(),
    connectionParams: () => {
      const authorization = bearer();
      return authorization ? { authorization } : {};
    },
    // A dropped connection (network gone, the server restarting: 1001, 1006, 1012, 1013…) is retried
    // without limit; the codes that mean "rejected" (4400, 4401, 4403 locked account…) stop it.
    retryAttempts: Infinity,
    shouldRetry: (errorOrClose) => !(isCloseEvent(errorOrClose) && closedForGood(errorOrClose.code)),
    retryWait,
    on: {
      connecting: (isRetry) => live.connecting(isRetry),
      opened: (socket) => {
        activeSocket = socket as WebSocket;
      },
      connected: () => live.connected(),
      closed: (event) => {
        activeSocket = null;
        live.closed(isCloseEvent(event) ? event.code : 1006);
      },
    },
  });

  const authLink = new SetContextLink((prevContext) => {
    const authorization = bearer();
    return authorization ? { headers: { ...prevContext.headers, authorization } } : {};
  });

  const errorLink = new ErrorLink(({ error }) => {
    const unauthenticated = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    // Without a stored token (signing in) the message belongs to the form, not to a redirect.
    if (unauthenticated && getToken()) onUnauthenticated();
  });

  const transport = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(wsClient),
    new HttpLink({ uri: '/graphql' }),
  );

  client = new ApolloClient({
    link: ApolloLink.from([errorLink, authLink, transport]),
    cache: createCache(),
  });

  return {
    client,
    live,
    restartSocket: () => {
      // 4205 is graphql-ws's conventional "client restart" code: the client reconnects at once.
      if (activeSocket?.readyState === WebSocket.OPEN) activeSocket.close(4205, 'Client Restart');
    },
  };
}

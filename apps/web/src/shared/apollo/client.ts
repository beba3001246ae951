import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { getToken } from '@/shared/auth/token';
import { createCache } from './cache';

export interface ApiClient {
  client: ApolloClient;
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

export function createApiClient({ onUnauthenticated }: ApiClientOptions): ApiClient {
  let activeSocket: WebSocket | null = null;
  let client: ApolloClient | null = null;

  const wsClient = createClient({
    url: socketUrl(),
    connectionParams: () => {
      const authorization = bearer();
      return authorization ? { authorization } : {};
    },
    // A dropped connection is retried with graphql-ws's randomised back-off, without limit;
    // close codes that mean "rejected" (4400, 4401, 4409…) still stop it.
    retryAttempts: Infinity,
    on: {
      opened: (socket) => {
        activeSocket = socket as WebSocket;
      },
      closed: () => {
        activeSocket = null;
      },
      connected: (_socket, _payload, wasRetry) => {
        // Events published while the socket was down are lost: catch up from the source of truth.
        if (wasRetry) void client?.refetchObservableQueries();
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
    restartSocket: () => {
      // 4205 is graphql-ws's conventional "client restart" code: the client reconnects at once.
      if (activeSocket?.readyState === WebSocket.OPEN) activeSocket.close(4205, 'Client Restart');
    },
  };
}

import { ApolloLink } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { MockLink, MockSubscriptionLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, render, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import type { Mocks } from './renderPage';
import { createCache } from '@/shared/apollo/cache';

export interface LiveFinding {
  id: string;
  kind: string;
  title: string;
  actorName: string;
}

/**
 * Renders a findings page whose queries are answered by `mocks` and whose FindingEvents
 * subscription stays open until the test delivers an event: the test, not a delay, decides that
 * the event comes after the pages it has loaded.
 */
export function renderLivePage(page: ReactElement, mocks: Mocks) {
  const live = new MockSubscriptionLink();
  const link = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    live,
    new MockLink(mocks),
  );
  render(
    <MockedProvider link={link} cache={createCache()}>
      <App>
        <MemoryRouter>{page}</MemoryRouter>
      </App>
    </MockedProvider>,
  );
  return {
    async deliver(event: LiveFinding) {
      await waitFor(() => expect(live.operation).toBeDefined());
      act(() =>
        live.simulateResult({
          result: {
            data: {
              findingEvents: {
                __typename: 'FindingEvent',
                at: '2026-11-28T09:00:00.000Z',
                provinceId: 68,
                ...event,
              },
            },
          },
        }),
      );
    },
  };
}

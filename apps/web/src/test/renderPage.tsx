import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createCache } from '@/shared/apollo/cache';

export type Mocks = ReadonlyArray<MockLink.MockedResponse>;

/**
 * Renders a page at a route with the app's cache and antd's App context; the network is the only
 * thing replaced, by MockedProvider's answers.
 */
export function renderPage(path: string, route: string, page: ReactElement, mocks: Mocks): RenderResult {
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <App>
        <MemoryRouter initialEntries={[route]}>
          <Routes>
            <Route path={path} element={page} />
            <Route path="/trips/:id" element={<p>Trang chuyến đi</p>} />
          </Routes>
        </MemoryRouter>
      </App>
    </MockedProvider>,
  );
}

/** Answers any variables, as many times as asked: for lookups the test does not care about. */
export const always = <T extends MockLink.MockedResponse>(mock: T): T => ({
  ...mock,
  request: { ...mock.request, variables: () => true },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

/**
 * A user for antd pages. Checking `pointer-events` walks every ancestor's computed style, which
 * jsdom recomputes from all of antd's injected styles: seconds per click, and nothing to learn.
 */
export function setupUser() {
  return userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
}

import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { lazyPage } from './lazyPage';
import { RouteError } from './RouteError';

// jsdom has no fetch API, and a data router builds a Request for each navigation; it reads only these.
class NavigationRequest {
  readonly method: string;
  readonly signal: AbortSignal | undefined;
  constructor(
    readonly url: string,
    init: { method?: string; signal?: AbortSignal } = {},
  ) {
    this.method = init.method ?? 'GET';
    this.signal = init.signal;
  }
}
if (typeof globalThis.Request === 'undefined') Object.assign(globalThis, { Request: NavigationRequest });

function Frame() {
  return (
    <>
      <header>Cơ Sở 1+2</header>
      <main>
        <Outlet />
      </main>
    </>
  );
}

function Broken(): never {
  throw new Error('Cannot read properties of undefined (reading "name")');
}

/** The app's shape: a frame route whose pages are lazy, each with the error element; the user opens `path`. */
async function navigateTo(path: string) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        Component: Frame,
        ErrorBoundary: RouteError,
        children: [
          { index: true, element: <p>Trang chủ</p> },
          {
            path: 'reports',
            // What Chrome throws when a page's chunk cannot be fetched (offline, or gone after a deploy).
            lazy: lazyPage(() =>
              Promise.reject(
                new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/ReportsPage-Ab12.js'),
              ),
            ),
            ErrorBoundary: RouteError,
          },
          { path: 'broken', Component: Broken, ErrorBoundary: RouteError },
        ],
      },
    ],
    { initialEntries: ['/'] },
  );
  render(<RouterProvider router={router} />);
  await screen.findByText('Trang chủ');
  await act(() => router.navigate(path));
}

describe('a page that cannot be shown', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('that could not be downloaded says so in Vietnamese inside the frame, with a reload button', async () => {
    await navigateTo('/reports');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không tải được trang này.');
    expect(alert).toHaveTextContent('Có thể mạng vừa bị gián đoạn hoặc hệ thống vừa được cập nhật.');
    expect(screen.getByRole('button', { name: /Tải lại/ })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('Cơ Sở 1+2');
    expect(document.body).not.toHaveTextContent(/Hey developer|Unexpected Application Error/);
  });

  it('that failed while rendering shows a Vietnamese message, not the developer screen', async () => {
    await navigateTo('/broken');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Trang này gặp lỗi khi hiển thị.');
    expect(screen.getByRole('button', { name: /Tải lại/ })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/Hey developer|Unexpected Application Error|reading "name"/);
  });
});

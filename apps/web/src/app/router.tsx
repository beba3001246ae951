import { createBrowserRouter, Navigate } from 'react-router';
import { RouteFallback } from './RouteFallback';

// Each page is its own chunk, so the sign-in page does not download the signed-in app.
export const router = createBrowserRouter([
  {
    path: '/signin',
    lazy: async () => ({ Component: (await import('@/features/auth/SignInPage')).SignInPage }),
    HydrateFallback: RouteFallback,
  },
  {
    path: '/',
    lazy: async () => ({ Component: (await import('@/features/shell/ShellLayout')).ShellLayout }),
    HydrateFallback: RouteFallback,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('@/features/home/HomePage')).HomePage }),
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);

import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { getToken } from '@/shared/auth/token';
import { lazyPage } from './lazyPage';
import { RouteError } from './RouteError';
import { RouteFallback } from './RouteFallback';

/**
 * react-router downloads the `lazy` code of every route an address matches before anything renders,
 * so the shell could only redirect a signed-out visit after the signed-in pages had come down. A
 * visit without a session goes to sign-in before the router reads the address; the shell still
 * sends there a session that ends later. (react-router keeps a location's state under `usr`.)
 */
function sendSignedOutVisitToSignIn(): void {
  const { pathname, search } = window.location;
  if (getToken() || pathname === '/signin') return;
  window.history.replaceState({ usr: { from: pathname + search }, key: 'signin', idx: 0 }, '', '/signin');
}

// Each page is its own chunk, so the sign-in page does not download the signed-in app. Each route
// has its own error element: a page that cannot load shows the message inside the app's frame.
const pages: RouteObject[] = [
  {
    index: true,
    lazy: lazyPage(async () => (await import('@/features/home/HomePage')).HomePage),
  },
  {
    path: 'trips/new',
    lazy: lazyPage(async () => (await import('@/features/trips/NewTripPage')).NewTripPage),
  },
  {
    path: 'trips/mine',
    lazy: lazyPage(async () => (await import('@/features/trips/MyTripsPage')).MyTripsPage),
  },
  {
    path: 'trips/:id',
    lazy: lazyPage(async () => (await import('@/features/trips/TripDetailPage')).TripDetailPage),
  },
  {
    path: 'trips/:id/edit',
    lazy: lazyPage(async () => (await import('@/features/trips/EditTripPage')).EditTripPage),
  },
  {
    path: 'notifications',
    lazy: lazyPage(async () => (await import('@/features/notifications/NotificationsPage')).NotificationsPage),
  },
  {
    path: 'approvals',
    lazy: lazyPage(async () => (await import('@/features/approvals/ApprovalsPage')).ApprovalsPage),
  },
  {
    path: 'incoming',
    lazy: lazyPage(async () => (await import('@/features/incoming/IncomingPage')).IncomingPage),
  },
  {
    path: 'dashboard',
    lazy: lazyPage(async () => (await import('@/features/compliance/DashboardPage')).DashboardPage),
  },
  {
    path: 'central',
    lazy: lazyPage(async () => (await import('@/features/compliance/CentralPage')).CentralPage),
  },
  {
    path: 'provinces',
    lazy: lazyPage(async () => (await import('@/features/provinces/ProvincesPage')).ProvincesPage),
  },
  {
    path: 'figures',
    lazy: lazyPage(async () => (await import('@/features/compliance/FiguresPage')).FiguresPage),
  },
  {
    path: 'organisation/roster',
    lazy: lazyPage(async () => (await import('@/features/organisation/RosterPage')).RosterPage),
  },
  {
    path: 'organisation/units',
    lazy: lazyPage(async () => (await import('@/features/organisation/UnitsPage')).UnitsPage),
  },
  {
    path: 'organisation/rules',
    lazy: lazyPage(async () => (await import('@/features/organisation/RulesPage')).RulesPage),
  },
  {
    path: 'organisation/planning',
    lazy: lazyPage(async () => (await import('@/features/organisation/PlanningPage')).PlanningPage),
  },
  {
    path: 'organisation/import',
    lazy: lazyPage(async () => (await import('@/features/transfer/ImportPage')).ImportPage),
  },
  {
    path: 'organisation/accounts',
    lazy: lazyPage(async () => (await import('@/features/organisation/AccountsPage')).AccountsPage),
  },
  {
    path: 'department/plan',
    lazy: lazyPage(async () => (await import('@/features/department/DepartmentPlanPage')).DepartmentPlanPage),
  },
  {
    path: 'reports',
    lazy: lazyPage(async () => (await import('@/features/reports/ReportsPage')).ReportsPage),
  },
  {
    path: 'inspections',
    lazy: lazyPage(async () => (await import('@/features/inspections/InspectionsPage')).InspectionsPage),
  },
  {
    path: 'models',
    lazy: lazyPage(async () => (await import('@/features/findings/ModelsPage')).ModelsPage),
  },
  {
    path: 'recommendations',
    lazy: lazyPage(async () => (await import('@/features/findings/RecommendationsPage')).RecommendationsPage),
  },
  {
    path: 'feedback',
    lazy: lazyPage(async () => (await import('@/features/findings/FeedbackPage')).FeedbackPage),
  },
  {
    path: 'meetings',
    lazy: lazyPage(async () => (await import('@/features/meetings/MeetingsPage')).MeetingsPage),
  },
  {
    path: 'feed',
    lazy: lazyPage(async () => (await import('@/features/live/FeedPage')).FeedPage),
  },
];

sendSignedOutVisitToSignIn();

export const router = createBrowserRouter([
  {
    path: '/signin',
    lazy: lazyPage(async () => (await import('@/features/auth/SignInPage')).SignInPage),
    HydrateFallback: RouteFallback,
    ErrorBoundary: RouteError,
  },
  {
    path: '/',
    lazy: lazyPage(async () => (await import('@/features/shell/ShellLayout')).ShellLayout),
    HydrateFallback: RouteFallback,
    ErrorBoundary: RouteError,
    children: pages.map((page) => ({ ...page, ErrorBoundary: RouteError })),
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);

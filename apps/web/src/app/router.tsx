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
      {
        path: 'trips/new',
        lazy: async () => ({ Component: (await import('@/features/trips/NewTripPage')).NewTripPage }),
      },
      {
        path: 'trips/mine',
        lazy: async () => ({ Component: (await import('@/features/trips/MyTripsPage')).MyTripsPage }),
      },
      {
        path: 'trips/:id',
        lazy: async () => ({ Component: (await import('@/features/trips/TripDetailPage')).TripDetailPage }),
      },
      {
        path: 'trips/:id/edit',
        lazy: async () => ({ Component: (await import('@/features/trips/EditTripPage')).EditTripPage }),
      },
      {
        path: 'approvals',
        lazy: async () => ({ Component: (await import('@/features/approvals/ApprovalsPage')).ApprovalsPage }),
      },
      {
        path: 'incoming',
        lazy: async () => ({ Component: (await import('@/features/incoming/IncomingPage')).IncomingPage }),
      },
      {
        path: 'dashboard',
        lazy: async () => ({ Component: (await import('@/features/compliance/DashboardPage')).DashboardPage }),
      },
      {
        path: 'central',
        lazy: async () => ({ Component: (await import('@/features/compliance/CentralPage')).CentralPage }),
      },
      {
        path: 'organisation/roster',
        lazy: async () => ({ Component: (await import('@/features/organisation/RosterPage')).RosterPage }),
      },
      {
        path: 'organisation/units',
        lazy: async () => ({ Component: (await import('@/features/organisation/UnitsPage')).UnitsPage }),
      },
      {
        path: 'organisation/rules',
        lazy: async () => ({ Component: (await import('@/features/organisation/RulesPage')).RulesPage }),
      },
      {
        path: 'organisation/planning',
        lazy: async () => ({ Component: (await import('@/features/organisation/PlanningPage')).PlanningPage }),
      },
      {
        path: 'organisation/import',
        lazy: async () => ({ Component: (await import('@/features/transfer/ImportPage')).ImportPage }),
      },
      {
        path: 'organisation/accounts',
        lazy: async () => ({ Component: (await import('@/features/organisation/AccountsPage')).AccountsPage }),
      },
      {
        path: 'department/plan',
        lazy: async () => ({ Component: (await import('@/features/department/DepartmentPlanPage')).DepartmentPlanPage }),
      },
      {
        path: 'reports',
        lazy: async () => ({ Component: (await import('@/features/reports/ReportsPage')).ReportsPage }),
      },
      {
        path: 'inspections',
        lazy: async () => ({ Component: (await import('@/features/inspections/InspectionsPage')).InspectionsPage }),
      },
      {
        path: 'models',
        lazy: async () => ({ Component: (await import('@/features/findings/ModelsPage')).ModelsPage }),
      },
      {
        path: 'recommendations',
        lazy: async () => ({ Component: (await import('@/features/findings/RecommendationsPage')).RecommendationsPage }),
      },
      {
        path: 'feedback',
        lazy: async () => ({ Component: (await import('@/features/findings/FeedbackPage')).FeedbackPage }),
      },
      {
        path: 'meetings',
        lazy: async () => ({ Component: (await import('@/features/meetings/MeetingsPage')).MeetingsPage }),
      },
      {
        path: 'feed',
        lazy: async () => ({ Component: (await import('@/features/live/FeedPage')).FeedPage }),
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);

import { InboxPage } from '@ecoute/web-feature-inbox';
import { Navigate, type RouteObject } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { LoginPage } from './login-page';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      { path: 'inbox', element: <InboxPage basePath="/inbox" /> },
      { path: 'inbox/:conversationId', element: <InboxPage basePath="/inbox" /> },
      {
        path: 'overview',
        // chart.js and the reports load on first visit
        lazy: async () => ({ Component: (await import('@ecoute/web-feature-reports')).OverviewPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

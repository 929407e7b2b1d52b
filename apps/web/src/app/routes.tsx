import { InboxPage, RoutingPage } from '@ecoute/web-feature-inbox';
import { Navigate, type RouteObject } from 'react-router-dom';
import { AppLayout } from './app-layout';
import { LoginPage } from './login-page';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';

type ListeningPage =
  'ListeningQueriesPage' | 'ListeningSourcesPage' | 'ListeningMentionsPage' | 'UnderstandingPage';

/** The Listening area loads on first visit, like the reports. */
function listening(page: ListeningPage): RouteObject['lazy'] {
  return async () => ({ Component: (await import('@ecoute/web-feature-listening'))[page] });
}

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
      // Routing: the rule and team editors are drawers over the page, addressable
      { path: 'inbox/routing', element: <RoutingPage basePath="/inbox/routing" /> },
      { path: 'inbox/routing/rules/new', element: <RoutingPage basePath="/inbox/routing" /> },
      { path: 'inbox/routing/rules/:ruleId', element: <RoutingPage basePath="/inbox/routing" /> },
      { path: 'inbox/routing/teams/new', element: <RoutingPage basePath="/inbox/routing" /> },
      { path: 'inbox/routing/teams/:teamId', element: <RoutingPage basePath="/inbox/routing" /> },
      {
        path: 'overview',
        // chart.js and the reports load on first visit
        lazy: async () => ({ Component: (await import('@ecoute/web-feature-reports')).OverviewPage }),
      },
      // Listening: the editor is a drawer over the query list, addressable (new, or one query)
      { path: 'listening', lazy: listening('ListeningQueriesPage') },
      { path: 'listening/queries/new', lazy: listening('ListeningQueriesPage') },
      { path: 'listening/queries/:queryId', lazy: listening('ListeningQueriesPage') },
      { path: 'listening/sources', lazy: listening('ListeningSourcesPage') },
      { path: 'listening/mentions', lazy: listening('ListeningMentionsPage') },
      { path: 'listening/understanding', lazy: listening('UnderstandingPage') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

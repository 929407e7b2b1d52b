// Helpers for the jsdom specs of the web app and its libraries (not shipped: nothing in src imports this file).
import './polyfills';
import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, useLocation, useRoutes, type Location, type RouteObject } from 'react-router-dom';
import { initI18n, type Language } from '../../../apps/web/src/i18n';
import { AppProviders } from '../../../apps/web/src/app/providers';

/** What jsdom lacks and Mantine uses. */
export function installDomPolyfills(): void {
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', { configurable: true, value: ResizeObserverStub });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}

export interface StubRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface StubResponse {
  status: number;
  body?: unknown;
}

export type FetchHandler = (req: StubRequest) => StubResponse | Promise<StubResponse>;

/** Replaces the global fetch with a handler; returns the jest mock to inspect the calls. */
export function stubFetch(handler: FetchHandler): jest.Mock {
  const mock = jest.fn(async (input: string, init: RequestInit = {}) => {
    const req: StubRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    const res = await handler(req);
    const text = res.body === undefined ? '' : JSON.stringify(res.body);
    return {
      ok: res.status >= 200 && res.status < 300,
      status: res.status,
      statusText: '',
      headers: { get: () => 'application/json' },
      text: async () => text,
    };
  });
  Object.defineProperty(globalThis, 'fetch', { configurable: true, writable: true, value: mock });
  return mock;
}

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Infinity, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export interface RenderRouteOptions {
  routes: RouteObject[];
  initialPath: string;
  queryClient?: QueryClient;
  /** the UI language (default English) */
  language?: Language;
}

function RoutesWithProbe({ routes, probe }: { routes: RouteObject[]; probe: { location: Location | null } }) {
  probe.location = useLocation();
  return useRoutes(routes);
}

/**
 * Renders routes inside the app's providers (Mantine in test mode, react-query, i18n in English unless told). A MemoryRouter,
 * not a data router: jsdom has no `Request`, which data routers need to navigate.
 */
export function renderRoutes({
  routes,
  initialPath,
  queryClient = createTestQueryClient(),
  language = 'en',
}: RenderRouteOptions): RenderResult & {
  location: () => Location;
  queryClient: QueryClient;
} {
  installDomPolyfills();
  initI18n(language);
  const probe: { location: Location | null } = { location: null };
  const result = render(
    <AppProviders queryClient={queryClient} env="test">
      <MemoryRouter initialEntries={[initialPath]}>
        <RoutesWithProbe routes={routes} probe={probe} />
      </MemoryRouter>
    </AppProviders>,
  );
  return {
    ...result,
    queryClient,
    location: () => {
      if (!probe.location) throw new Error('not rendered');
      return probe.location;
    },
  };
}

/** Renders one element inside the app's providers. */
export function renderWithProviders(
  ui: ReactElement,
  queryClient: QueryClient = createTestQueryClient(),
): RenderResult & { queryClient: QueryClient } {
  return renderRoutes({ routes: [{ path: '*', element: ui }], initialPath: '/', queryClient });
}

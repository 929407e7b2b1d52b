import { QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from './api-client';

/** The app's QueryClient: no retry on client errors (4xx, notably 401), up to two retries otherwise. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 2_000,
        retry: (failureCount, error) => {
          if (isApiRequestError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

import { useSyncExternalStore } from 'react';
import { getToken, subscribeToken } from '../token-store';

/** The current session token (null when signed out); re-renders when it changes, e.g. after a 401. */
export function useAuthToken(): string | null {
  return useSyncExternalStore(subscribeToken, getToken, () => null);
}

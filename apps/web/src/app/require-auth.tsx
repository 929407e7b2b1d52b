import { useAuthToken } from '@ecoute/web-data-access';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';

export interface LoginLocationState {
  /** where to go back after signing in */
  from?: string;
  /** the session ended on its own (a 401), as opposed to a sign-out */
  expired?: boolean;
}

/** Renders its children with a session, and sends the user to the login page without one (including after a 401). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useAuthToken();
  const location = useLocation();
  if (!token) {
    const state: LoginLocationState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return <>{children}</>;
}

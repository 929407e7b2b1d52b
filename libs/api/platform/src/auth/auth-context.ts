import type { Request } from 'express';
import type { Role } from '@ecoute/contracts';

export interface AuthContext {
  userId: string;
  workspaceId: string;
  role: Role;
  sessionId: string;
}

export interface AuthenticatedRequest extends Request {
  auth?: AuthContext;
}

/** Implemented by the identity library: turns a bearer token into the caller, or null. */
export interface SessionVerifier {
  verify(token: string): Promise<AuthContext | null>;
}
export const SESSION_VERIFIER = Symbol('SESSION_VERIFIER');

/**
 * The session token returned by `POST /api/auth/login`, kept in localStorage (so that it survives a reload and is
 * shared by tabs) and observable, so that the router can send the user back to the login page as soon as it is
 * cleared (sign-out, or any 401 from the API).
 */
const TOKEN_KEY = 'ecoute.token';
const EXPIRES_KEY = 'ecoute.tokenExpiresAt';

type Listener = () => void;
/** Why the last session ended: the user signed out, or the API refused the token (401). */
export type SessionEndReason = 'signed-out' | 'expired';
let lastEndReason: SessionEndReason | null = null;
const listeners = new Set<Listener>();
const memory = new Map<string, string>();

function storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    if (typeof globalThis.localStorage !== 'undefined') return globalThis.localStorage;
  } catch {
    // localStorage may throw when it is disabled (privacy settings): fall back to memory.
  }
  return {
    getItem: (k) => memory.get(k) ?? null,
    setItem: (k, v) => void memory.set(k, v),
    removeItem: (k) => void memory.delete(k),
  };
}

function emit(): void {
  for (const l of [...listeners]) l();
}

/** The current token, or null when there is none or it has expired. */
export function getToken(): string | null {
  const s = storage();
  const token = s.getItem(TOKEN_KEY);
  if (!token) return null;
  const expiresAt = s.getItem(EXPIRES_KEY);
  if (expiresAt && Date.parse(expiresAt) <= Date.now()) return null;
  return token;
}

export function setToken(token: string, expiresAt?: string): void {
  const s = storage();
  lastEndReason = null;
  s.setItem(TOKEN_KEY, token);
  if (expiresAt) s.setItem(EXPIRES_KEY, expiresAt);
  else s.removeItem(EXPIRES_KEY);
  emit();
}

export function clearToken(reason: SessionEndReason = 'signed-out'): void {
  const s = storage();
  const had = s.getItem(TOKEN_KEY) !== null;
  if (had) lastEndReason = reason;
  s.removeItem(TOKEN_KEY);
  s.removeItem(EXPIRES_KEY);
  if (had) emit();
}

/** Subscribe to token changes (in this tab, and in other tabs through the `storage` event). */
export function subscribeToken(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === TOKEN_KEY || e.key === EXPIRES_KEY) listener();
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}

/** Why the last session of this tab ended, if it did. */
export function sessionEndReason(): SessionEndReason | null {
  return lastEndReason;
}

import type { Role } from '@ecoute/contracts';
import { useHasPermission, useMe } from '@ecoute/web-data-access';

/**
 * Who may change the listening setup: roles with `listening.write` (admin, lead). Everyone else sees it read-only.
 * `role` is null until `/api/auth/me` answers (and write controls stay hidden until then).
 */
export function useListeningAccess(): { canWrite: boolean; role: Role | null; known: boolean } {
  const me = useMe();
  const canWrite = useHasPermission('listening.write');
  return { canWrite, role: me.data?.user.role ?? null, known: me.data !== undefined || me.isError };
}

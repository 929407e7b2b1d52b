import type { Role } from '@ecoute/contracts';
import { useHasPermission, useMe } from '@ecoute/web-data-access';

/**
 * Who may change the routing: roles with `routing.manage` (admin, lead). Everyone else who works the inbox sees it
 * read-only. `role` is null until `/api/auth/me` answers (and write controls stay hidden until then).
 */
export function useRoutingAccess(): { canManage: boolean; role: Role | null; known: boolean } {
  const me = useMe();
  const canManage = useHasPermission('routing.manage');
  return { canManage, role: me.data?.user.role ?? null, known: me.data !== undefined || me.isError };
}

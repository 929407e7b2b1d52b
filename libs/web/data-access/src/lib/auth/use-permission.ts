import { roleHasPermission, type Permission } from '@ecoute/contracts';
import { useMe } from './get-me';

/**
 * Whether the signed-in user's role holds a permission (from `GET /api/auth/me`). False until the user is known,
 * so that write controls never flash for a read-only user; the API enforces the same rule in any case.
 */
export function useHasPermission(permission: Permission): boolean {
  const me = useMe();
  return me.data ? roleHasPermission(me.data.user.role, permission) : false;
}

import type { Role } from './enums';

/** Every API route declares one of these; a role holds a fixed set (DESIGN §2, identity). */
export const PERMISSIONS = [
  'mentions.read',
  'inbox.read',
  'inbox.reply',
  'reports.read',
  'listening.read',
  'listening.write',
  'routing.manage',
  'workspace.admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  lead: ['mentions.read', 'inbox.read', 'inbox.reply', 'reports.read', 'listening.read', 'listening.write', 'routing.manage'],
  agent: ['mentions.read', 'inbox.read', 'inbox.reply', 'listening.read'],
  analyst: ['mentions.read', 'reports.read', 'listening.read', 'inbox.read'],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

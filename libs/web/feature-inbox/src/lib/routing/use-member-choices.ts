import { roleHasPermission, type MemberDto } from '@ecoute/contracts';
import { useMembers } from '@ecoute/web-data-access';
import { useMemo } from 'react';

/** A person a team or a rule can name: a member of the workspace who can work conversations. */
export type MemberChoice = MemberDto;

export interface MemberChoices {
  /** by name; only the members who can work conversations (analysts cannot join a team nor be assigned) */
  members: MemberChoice[];
  isPending: boolean;
  error: unknown;
  refetch: () => void;
}

/** Whom teams and rules can name, from `GET /api/members`. */
export function useMemberChoices(): MemberChoices {
  const query = useMembers();
  const members = useMemo(
    () => (query.data ?? []).filter((m) => roleHasPermission(m.role, 'inbox.reply')),
    [query.data],
  );
  return {
    members,
    isPending: query.isPending,
    error: query.error,
    refetch: () => void query.refetch(),
  };
}

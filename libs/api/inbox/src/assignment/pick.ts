import type { AssignStrategy } from '@ecoute/contracts';

export interface Candidate {
  userId: string;
  /** conversations held now */
  load: number;
  /** the most they may hold; null: no limit */
  capacity: number | null;
}

const hasRoom = (c: Candidate) => c.capacity === null || c.load < c.capacity;

/**
 * Pure. The agent a team's next conversation goes to, or null when every agent is at capacity (the conversation
 * waits in the team's queue). Candidates come in a fixed order (the team's members by user id), and `lastUserId`
 * is who got the previous one:
 * - round robin: the next member after the last one that has room, so every agent gets one in turn;
 * - least loaded: the member with the fewest conversations that has room; among equals, the next after the last
 *   one, so that ties are shared out in turn too.
 */
export function pickAgent(strategy: AssignStrategy, candidates: readonly Candidate[], lastUserId: string | null): Candidate | null {
  if (candidates.length === 0) return null;
  const last = lastUserId === null ? -1 : candidates.findIndex((c) => c.userId === lastUserId);
  // the members in turn order: after the last one, wrapping around
  const turn = candidates.map((_, k) => candidates[(last + 1 + k) % candidates.length]);
  if (strategy === 'round_robin') return turn.find(hasRoom) ?? null;
  let best: Candidate | null = null;
  for (const c of turn) if (hasRoom(c) && (best === null || c.load < best.load)) best = c;
  return best;
}

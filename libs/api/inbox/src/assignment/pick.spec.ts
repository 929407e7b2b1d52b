import { pickAgent, type Candidate } from './pick';

const team = (loads: number[], capacity: number | null = null): Candidate[] => loads.map((load, i) => ({ userId: `u${i}`, load, capacity }));

/** assigns `n` conversations one after the other, as the assigner does, and returns who got each */
function run(strategy: 'round_robin' | 'least_loaded', candidates: Candidate[], n: number): string[] {
  const got: string[] = [];
  let last: string | null = null;
  for (let i = 0; i < n; i++) {
    const c = pickAgent(strategy, candidates, last);
    got.push(c?.userId ?? '-');
    if (c) {
      c.load++;
      last = c.userId;
    }
  }
  return got;
}

describe('pickAgent', () => {
  it.each([
    { name: 'round robin takes turns from the first', strategy: 'round_robin' as const, loads: [0, 0, 0], capacity: null, n: 7, expected: 'u0 u1 u2 u0 u1 u2 u0' },
    { name: 'round robin ignores load', strategy: 'round_robin' as const, loads: [5, 0, 0], capacity: null, n: 3, expected: 'u0 u1 u2' },
    { name: 'round robin skips a full agent', strategy: 'round_robin' as const, loads: [2, 0, 1], capacity: 2, n: 4, expected: 'u1 u2 u1 -' },
    { name: 'least loaded fills the emptiest first', strategy: 'least_loaded' as const, loads: [3, 0, 1], capacity: null, n: 4, expected: 'u1 u2 u1 u2' },
    { name: 'least loaded shares ties in turn', strategy: 'least_loaded' as const, loads: [0, 0, 0], capacity: null, n: 6, expected: 'u0 u1 u2 u0 u1 u2' },
    { name: 'least loaded under a cap, then nobody', strategy: 'least_loaded' as const, loads: [1, 0], capacity: 2, n: 4, expected: 'u1 u0 u1 -' },
    { name: 'capacity 0 takes nothing', strategy: 'least_loaded' as const, loads: [0], capacity: 0, n: 1, expected: '-' },
    { name: 'an empty team', strategy: 'round_robin' as const, loads: [], capacity: null, n: 1, expected: '-' },
  ])('$name', ({ strategy, loads, capacity, n, expected }) => {
    expect(run(strategy, team(loads, capacity), n).join(' ')).toBe(expected);
  });

  it('starts after the last agent even when they left the team', () => {
    expect(pickAgent('round_robin', team([0, 0]), 'gone')?.userId).toBe('u0');
    expect(pickAgent('round_robin', team([0, 0]), 'u0')?.userId).toBe('u1');
  });

  it('is fair: 3 agents, 300 conversations, 100 each with either strategy', () => {
    for (const strategy of ['round_robin', 'least_loaded'] as const) {
      const counts = new Map<string, number>();
      for (const u of run(strategy, team([0, 0, 0]), 300)) counts.set(u, (counts.get(u) ?? 0) + 1);
      expect(Object.fromEntries(counts)).toEqual({ u0: 100, u1: 100, u2: 100 });
    }
  });
});

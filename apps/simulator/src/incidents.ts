/**
 * Incidents: now and then an outage (or a billing glitch, an app failure) hits one city, and people complain in a
 * burst. Which windows of time hold an incident is a pure function of the seed and the time, so a backfill of
 * past weeks and the live stream agree.
 */
import { DEMO_WORLD } from '@ecoute/contracts';
import { CITIES } from './names';
import { chance, float, int, pick, seededRng, weighted } from './random';

export type IncidentKind = 'outage' | 'billing' | 'app' | 'mobile';

export interface Incident {
  id: string;
  kind: IncidentKind;
  city: string;
  /** the brand the incident hits: the brand itself most of the time */
  brand: { name: string; handle: string };
  startMs: number;
  endMs: number;
}

/** incidents are planned per window of this length; at most one per window */
export const INCIDENT_WINDOW_MS = 45 * 60_000;
/** probability that a window holds an incident (about one every 2 to 3 hours) */
export const INCIDENT_PROBABILITY = 0.3;

export function incidentInWindow(seed: number, windowIndex: number): Incident | null {
  const rng = seededRng(seed, 0x1c1d + windowIndex);
  if (!chance(rng, INCIDENT_PROBABILITY)) return null;
  const windowStart = windowIndex * INCIDENT_WINDOW_MS;
  const durationMs = int(rng, 6, 18) * 60_000;
  const startMs = windowStart + Math.floor(float(rng) * (INCIDENT_WINDOW_MS - durationMs));
  const brand = chance(rng, 0.8) ? DEMO_WORLD.brand : pick(rng, DEMO_WORLD.competitors);
  return {
    id: `inc-${windowIndex}`,
    kind: weighted(rng, { outage: 6, mobile: 2, app: 1, billing: 1 }),
    city: pick(rng, CITIES).name,
    brand: { name: brand.name, handle: brand.handle },
    startMs,
    endMs: startMs + durationMs,
  };
}

/** the incident in progress at `timeMs`, if any */
export function incidentAt(seed: number, timeMs: number): Incident | null {
  const incident = incidentInWindow(seed, Math.floor(timeMs / INCIDENT_WINDOW_MS));
  return incident && timeMs >= incident.startMs && timeMs < incident.endMs ? incident : null;
}

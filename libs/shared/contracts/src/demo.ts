/**
 * The demo world shared by the simulator (which publishes posts about it) and the API's demo seed (which
 * listens for it). Fictional brands.
 */
export interface DemoBrand {
  name: string;
  handle: string;
  hashtags: string[];
}
export const DEMO_WORLD = {
  brand: { name: 'Lumio', handle: 'lumio', hashtags: ['Lumio'] } satisfies DemoBrand,
  competitors: [
    { name: 'Nordlink', handle: 'nordlink', hashtags: ['Nordlink'] },
    { name: 'Zapp', handle: 'zappmobile', hashtags: ['ZappMobile'] },
  ] satisfies DemoBrand[],
  campaign: { name: 'Lumio Fibre launch', hashtag: 'LumioFibre' },
  /** the brand's own account on X, which replies are posted from */
  replyAccount: { id: '1500000000000000001', username: 'lumio', name: 'Lumio' },
} as const;

export const DEMO_PASSWORD = 'ecoute-demo';
export const DEMO_USERS = [
  { email: 'admin@example.com', name: 'Alex Admin', role: 'admin' },
  { email: 'lead@example.com', name: 'Léa Lead', role: 'lead' },
  { email: 'agent@example.com', name: 'Sam Agent', role: 'agent' },
  { email: 'analyst@example.com', name: 'Ana Analyst', role: 'analyst' },
] as const;

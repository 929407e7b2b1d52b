import type { MentionDto } from './mentions';

/**
 * Interfaces where stage libraries meet without importing each other (DESIGN §1). The implementations are
 * bound by the app module or the pipeline.
 */
export interface MentionLookup {
  /** mentions of one workspace by id; ids of another workspace are simply absent */
  findByIds(workspaceId: string, ids: readonly string[]): Promise<Map<string, MentionDto>>;
}
export const MENTION_LOOKUP = 'ecoute:MentionLookup';

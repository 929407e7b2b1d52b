import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AssignStrategy, Platform, Priority } from '@ecoute/contracts';
import { ConversationAssigner } from './assignment/conversation-assigner';
import { SlaPoliciesService } from './sla/sla-policies.service';

export interface InboundMention {
  mentionId: string;
  externalId: string;
  authorId: string;
  threadKey: string;
  text: string;
  createdAt: Date;
  /** routing decided this mention opens a conversation when its thread has none */
  open: boolean;
  priority: Priority;
  /** tags the routing rules gave it (for a conversation it opens) */
  tags: readonly string[];
  ruleId: string | null;
  /** the team and agent routing asked for, for a conversation it opens */
  teamId: string | null;
  assign: { userId: string } | { strategy: AssignStrategy } | null;
  /** the rule that asked for them */
  assignedBy: string | null;
}

/**
 * The inbox's part of the pipeline transaction: opens conversations for routed mentions and threads
 * follow-ups into the active conversation of their thread, all in set-based statements.
 */
@Injectable()
export class ConversationBatchWriter {
  constructor(
    private readonly assigner: ConversationAssigner,
    private readonly sla: SlaPoliciesService,
  ) {}

  /** ids among `externalIds` that are our own posted replies (they are not mentions to answer) */
  async ownPostIds(m: EntityManager, workspaceId: string, platform: Platform, externalIds: readonly string[]): Promise<Set<string>> {
    if (externalIds.length === 0) return new Set();
    const rows: Array<{ platform_post_id: string }> = await m.query(
      `SELECT platform_post_id FROM reply_outbox WHERE workspace_id = $1 AND platform = $2 AND platform_post_id = ANY($3::text[])`,
      [workspaceId, platform, [...externalIds]],
    );
    return new Set(rows.map((r) => r.platform_post_id));
  }

  /** Returns the ids of the conversations that were opened or extended. */
  async apply(m: EntityManager, workspaceId: string, platform: Platform, mentions: readonly InboundMention[]): Promise<string[]> {
    if (mentions.length === 0) return [];
    const threadKeys = [...new Set(mentions.map((x) => x.threadKey))];
    // open one conversation per thread that routing wants and that has no active one (oldest mention first)
    const openers = new Map<string, InboundMention>();
    for (const x of [...mentions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
      if (x.open && !openers.has(x.threadKey)) openers.set(x.threadKey, x);
    }
    // in key order, so that concurrent pages lock conversations in one global order and never deadlock
    const o = [...openers.values()].sort((a, b) => (a.threadKey < b.threadKey ? -1 : a.threadKey > b.threadKey ? 1 : 0));
    if (o.length > 0) {
      const opened: Array<{ id: string; thread_key: string }> = await m.query(
        `INSERT INTO conversation (workspace_id, platform, thread_key, status, priority, author_id, subject_mention_id,
           routing_rule_id, opened_at, last_message_at, waiting_since, message_count, tags)
         SELECT $1, $2, u.thread_key, 'new', u.priority, u.author_id, u.mention_id, u.rule_id, u.created_at, u.created_at, u.created_at, 0,
           COALESCE(string_to_array(NULLIF(u.tags, ''), E'\\x1f'), '{}')
         FROM unnest($3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::timestamptz[], $9::text[])
           AS u(thread_key, priority, author_id, mention_id, rule_id, created_at, tags)
         ON CONFLICT (workspace_id, platform, thread_key) WHERE status NOT IN ('resolved', 'ignored') DO NOTHING
         RETURNING id, thread_key`,
        [
          workspaceId,
          platform,
          o.map((x) => x.threadKey),
          o.map((x) => x.priority),
          o.map((x) => x.authorId),
          o.map((x) => x.mentionId),
          o.map((x) => x.ruleId),
          o.map((x) => x.createdAt.toISOString()),
          o.map((x) => x.tags.join('\x1f')),
        ],
      );
      await this.assigner.assignNew(
        m,
        workspaceId,
        opened.flatMap((c) => {
          const x = openers.get(c.thread_key);
          return x ? [{ conversationId: c.id, teamId: x.teamId, assign: x.assign, ruleId: x.assignedBy }] : [];
        }),
      );
      await this.sla.redateConversations(m, workspaceId, opened.map((c) => c.id));
    }
    const active: Array<{ id: string; thread_key: string }> = await m.query(
      `SELECT id, thread_key FROM conversation
       WHERE workspace_id = $1 AND platform = $2 AND thread_key = ANY($3::text[]) AND status NOT IN ('resolved', 'ignored')
       ORDER BY thread_key FOR UPDATE`,
      [workspaceId, platform, threadKeys],
    );
    const byThread = new Map(active.map((r) => [r.thread_key, r.id]));
    const joined = mentions.filter((x) => byThread.has(x.threadKey));
    if (joined.length === 0) return [];
    await m.query(
      `INSERT INTO message (workspace_id, conversation_id, kind, body, mention_id, created_at)
       SELECT $1, u.conversation_id, 'inbound', u.body, u.mention_id, u.created_at
       FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[]) AS u(conversation_id, body, mention_id, created_at)`,
      [
        workspaceId,
        joined.map((x) => byThread.get(x.threadKey)),
        joined.map((x) => x.text),
        joined.map((x) => x.mentionId),
        joined.map((x) => x.createdAt.toISOString()),
      ],
    );
    // an UPDATE through TypeORM's query() answers [rows, affected]
    const [touched]: [Array<{ id: string }>, number] = await m.query(
      `UPDATE conversation c SET
         message_count = c.message_count + agg.n,
         last_message_at = GREATEST(c.last_message_at, agg.newest),
         waiting_since = COALESCE(c.waiting_since, agg.oldest),
         status = CASE WHEN c.status IN ('pending', 'snoozed') THEN 'open' ELSE c.status END,
         snoozed_until = NULL,
         -- a pending or snoozed conversation that comes back is a change a stale write must not undo
         version = CASE WHEN c.status IN ('pending', 'snoozed') THEN c.version + 1 ELSE c.version END
       FROM (SELECT conversation_id, count(*) AS n, min(created_at) AS oldest, max(created_at) AS newest
             FROM unnest($1::uuid[], $2::timestamptz[]) AS u(conversation_id, created_at) GROUP BY conversation_id) agg
       WHERE c.id = agg.conversation_id
       RETURNING c.id`,
      [joined.map((x) => byThread.get(x.threadKey)), joined.map((x) => x.createdAt.toISOString())],
    );
    return touched.map((r) => r.id);
  }
}

import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Observable, Subject, filter, interval, map, merge } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { MENTIONS_COMMITTED, type LiveEvent, type MentionsCommittedEvent, type PresenceDto } from '@ecoute/contracts';
import { DomainEvents } from '@ecoute/api-platform';

const CHANNEL = 'ecoute_inbox';
/** a presence fades this long after its last heartbeat */
export const PRESENCE_TTL_MS = 30_000;
/** NOTIFY payloads must stay under 8,000 bytes: ids go in chunks */
const IDS_PER_NOTIFY = 150;

/** what travels through NOTIFY: a live event and the workspace it belongs to */
interface Envelope {
  workspaceId: string;
  event: LiveEvent | { kind: 'presence-beat'; conversationId: string; userId: string; name: string; state: 'viewing' | 'typing' | 'left'; at: string };
}

interface SseMessage {
  data: string | LiveEvent;
  type?: string;
}

interface PgClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (msg: { channel: string; payload?: string }) => void): void;
  on(event: 'error', listener: (e: Error) => void): void;
  removeAllListeners(): void;
}

/**
 * Live updates across API processes (DESIGN §7): changes are announced with Postgres NOTIFY — inside the
 * transaction that makes them when there is one, so only committed changes are announced — and every process
 * LISTENs on one connection and streams the events of a workspace to its signed-in clients (server-sent events).
 * Presence (who views or types in a conversation) travels the same way and is kept by every process.
 */
@Injectable()
export class InboxLiveService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(InboxLiveService.name);
  private readonly events = new Subject<Envelope>();
  /** conversation → user → presence */
  private readonly presence = new Map<string, Map<string, PresenceDto & { workspaceId: string }>>();
  private listener: { client: PgClient; release: (e?: unknown) => void } | null = null;
  private stopped = false;
  private offCommitted: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    domainEvents: DomainEvents,
  ) {
    this.offCommitted = domainEvents.on<MentionsCommittedEvent>(MENTIONS_COMMITTED, (e) => {
      if (e.conversationIds.length > 0) void this.publish(e.workspaceId, { kind: 'conversations', conversationIds: e.conversationIds }).catch(() => undefined);
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.offCommitted?.();
    this.events.complete();
    const l = this.listener;
    this.listener = null;
    if (l) {
      l.client.removeAllListeners();
      await l.client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      l.release();
    }
  }

  /** Announces an event; with `m`, when (and if) its transaction commits. */
  async publish(workspaceId: string, event: Envelope['event'], m?: EntityManager): Promise<void> {
    const chunks =
      event.kind === 'conversations'
        ? Array.from({ length: Math.ceil(event.conversationIds.length / IDS_PER_NOTIFY) }, (_, i) => ({ ...event, conversationIds: event.conversationIds.slice(i * IDS_PER_NOTIFY, (i + 1) * IDS_PER_NOTIFY) }))
        : [event];
    for (const e of chunks) await (m ?? this.dataSource.manager).query(`SELECT pg_notify($1, $2)`, [CHANNEL, JSON.stringify({ workspaceId, event: e } satisfies Envelope)]);
  }

  /** A user's heartbeat in a conversation (or their leaving it). */
  async beat(workspaceId: string, conversationId: string, user: { id: string; name: string }, state: 'viewing' | 'typing' | 'left'): Promise<PresenceDto[]> {
    const at = new Date().toISOString();
    this.applyBeat(workspaceId, conversationId, user.id, user.name, state, at);
    await this.publish(workspaceId, { kind: 'presence-beat', conversationId, userId: user.id, name: user.name, state, at });
    return this.presenceOf(workspaceId, conversationId);
  }

  presenceOf(workspaceId: string, conversationId: string): PresenceDto[] {
    const now = Date.now();
    const users = this.presence.get(conversationId);
    if (!users) return [];
    for (const [id, p] of users) if (now - Date.parse(p.at) > PRESENCE_TTL_MS) users.delete(id);
    return [...users.values()].filter((p) => p.workspaceId === workspaceId).map(({ user, state, at }) => ({ user, state, at }));
  }

  /** The workspace's events for one signed-in user, with a comment every 20 s to keep proxies from closing the stream. */
  stream(workspaceId: string, userId: string): Observable<SseMessage> {
    const mine = this.events.pipe(
      filter((e) => e.workspaceId === workspaceId),
      filter((e) => e.event.kind !== 'notification' || e.event.userId === userId),
      map((e): SseMessage => {
        if (e.event.kind === 'presence-beat') return { data: { kind: 'presence', conversationId: e.event.conversationId, presence: this.presenceOf(workspaceId, e.event.conversationId) } };
        return { data: e.event };
      }),
    );
    return merge(mine, interval(20_000).pipe(map((): SseMessage => ({ type: 'ping', data: '{}' }))));
  }

  private applyBeat(workspaceId: string, conversationId: string, userId: string, name: string, state: 'viewing' | 'typing' | 'left', at: string): void {
    const users = this.presence.get(conversationId) ?? new Map<string, PresenceDto & { workspaceId: string }>();
    if (state === 'left') users.delete(userId);
    else users.set(userId, { workspaceId, user: { id: userId, name }, state, at });
    if (users.size === 0) this.presence.delete(conversationId);
    else this.presence.set(conversationId, users);
  }

  /** one connection of the pool kept for LISTEN; it reconnects after an error, backing off up to 30 s */
  private async listen(attempt = 0): Promise<void> {
    if (this.stopped) return;
    try {
      const [client, release] = (await (this.dataSource.driver as PostgresDriver).obtainMasterConnection()) as [PgClient, (e?: unknown) => void];
      client.on('notification', (msg) => {
        if (msg.channel !== CHANNEL || !msg.payload) return;
        try {
          const envelope = JSON.parse(msg.payload) as Envelope;
          const e = envelope.event;
          if (e.kind === 'presence-beat') this.applyBeat(envelope.workspaceId, e.conversationId, e.userId, e.name, e.state, e.at);
          this.events.next(envelope);
        } catch (err) {
          this.logger.warn(`ignored a malformed live event: ${err instanceof Error ? err.message : String(err)}`);
        }
      });
      client.on('error', (err) => {
        this.logger.warn(`live updates connection lost: ${err.message}`);
        client.removeAllListeners();
        release(err);
        this.listener = null;
        setTimeout(() => void this.listen(1), 1000).unref();
      });
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = { client, release };
    } catch (err) {
      const wait = Math.min(30_000, 1000 * 2 ** attempt);
      this.logger.warn(`live updates unavailable (${err instanceof Error ? err.message : String(err)}); retrying in ${wait} ms`);
      setTimeout(() => void this.listen(attempt + 1), wait).unref();
    }
  }
}

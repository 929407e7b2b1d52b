import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { REPLY_QUEUED, type ReplyQueuedEvent } from '@ecoute/contracts';
import { DomainEvents } from '@ecoute/api-platform';
import { ConversationEntity, MessageEntity, ReplyOutboxEntity } from './entities';
import { InboxLiveService } from './live/inbox-live.service';
import { ReplyCapability } from './reply-capability';

const IDEMPOTENCY_KEY = /^[\w-]{8,100}$/;

export interface QueuedReply {
  messageId: string;
  /** false when the idempotency key had already been used: nothing new was queued */
  created: boolean;
}

/**
 * Queues a reply: the message and its outbox row are written in one transaction, and the dispatcher posts
 * it afterwards. The same idempotency key never queues twice.
 */
@Injectable()
export class ReplyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly live: InboxLiveService,
    private readonly capability: ReplyCapability,
  ) {}

  async queue(
    workspaceId: string,
    userId: string,
    conversationId: string,
    text: string,
    idempotencyKey?: string,
    collision: { lastSeenMessageId?: string; confirm?: boolean } = {},
  ): Promise<QueuedReply> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new BadRequestException('Idempotency-Key must be 8 to 100 letters, digits, - or _');
    }
    const key = idempotencyKey ?? randomUUID();
    const result = await this.dataSource.transaction(async (m) => {
      const conversation = await m
        .createQueryBuilder(ConversationEntity, 'c')
        .setLock('pessimistic_write')
        .where('c.id = :id AND c.workspace_id = :workspaceId', { id: conversationId, workspaceId })
        .getOne();
      if (!conversation) throw new NotFoundException(`conversation ${conversationId} not found`);
      const refusal = this.capability.refusal(conversation.platform);
      if (refusal) throw new BadRequestException(`cannot reply here: ${refusal}`);
      const existing = await m.findOneBy(ReplyOutboxEntity, { workspaceId, idempotencyKey: key });
      if (existing) {
        const message = await m.findOneByOrFail(MessageEntity, { outboxId: existing.id });
        return { messageId: message.id, outboxId: existing.id, created: false };
      }
      if (collision.lastSeenMessageId && !collision.confirm) await this.refuseCollision(m, conversation.id, userId, collision.lastSeenMessageId);
      const target: Array<{ external_id: string }> = await m.query(
        `SELECT mn.external_id FROM message msg JOIN mention mn ON mn.id = msg.mention_id
         WHERE msg.conversation_id = $1 AND msg.kind = 'inbound' ORDER BY msg.created_at DESC LIMIT 1`,
        [conversation.id],
      );
      if (target.length === 0) throw new BadRequestException('this conversation has no inbound post to reply to');
      const now = new Date();
      const outbox = await m.save(ReplyOutboxEntity, {
        workspaceId,
        conversationId: conversation.id,
        idempotencyKey: key,
        platform: conversation.platform,
        body: text,
        inReplyToExternalId: target[0].external_id,
        threadKey: conversation.threadKey,
        state: 'queued',
      });
      const message = await m.save(MessageEntity, {
        workspaceId,
        conversationId: conversation.id,
        kind: 'reply',
        body: text,
        sentByUserId: userId,
        outboxId: outbox.id,
        createdAt: now,
      });
      await m.update(
        ConversationEntity,
        { id: conversation.id },
        {
          firstResponseAt: conversation.firstResponseAt ?? now,
          waitingSince: null,
          lastMessageAt: now,
          messageCount: conversation.messageCount + 1,
          status: conversation.status === 'new' ? 'open' : conversation.status,
          // a teammate holding an older version learns of the reply through a 409
          version: conversation.version + 1,
        },
      );
      return { messageId: message.id, outboxId: outbox.id, created: true };
    });
    if (result.created) {
      this.events.emit<ReplyQueuedEvent>(REPLY_QUEUED, { workspaceId, outboxId: result.outboxId });
      await this.live.publish(workspaceId, { kind: 'conversation', conversationId, version: null, byUserId: userId });
    }
    return { messageId: result.messageId, created: result.created };
  }

  /** 409 when a teammate replied after the newest message this agent saw: two answers to one customer look bad */
  private async refuseCollision(m: EntityManager, conversationId: string, userId: string, lastSeenMessageId: string): Promise<void> {
    const [other]: Array<{ name: string; body: string; seconds: number }> = await m.query(
      `SELECT u.name, msg.body, extract(epoch FROM now() - msg.created_at)::int AS seconds
       FROM message msg JOIN app_user u ON u.id = msg.sent_by_user_id
       WHERE msg.conversation_id = $1 AND msg.kind = 'reply' AND msg.sent_by_user_id <> $2
         AND msg.created_at > coalesce((SELECT created_at FROM message WHERE id = $3 AND conversation_id = $1), '-infinity')
       ORDER BY msg.created_at DESC LIMIT 1`,
      [conversationId, userId, lastSeenMessageId],
    );
    if (!other) return;
    const preview = other.body.length > 80 ? `${other.body.slice(0, 79)}…` : other.body;
    const ago = other.seconds < 90 ? `${other.seconds} seconds ago` : `${Math.round(other.seconds / 60)} minutes ago`;
    throw new ConflictException(`${other.name} replied ${ago}: "${preview}". Send yours anyway with confirm: true.`);
  }
}

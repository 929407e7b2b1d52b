import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import {
  ConversationListQuery,
  CreateReplyRequest,
  UpdateConversationRequest,
  EscalateConversationRequest,
  type ConversationDetailDto,
  type ConversationSummaryDto,
  type MessageDto,
  type Page,
} from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { ConversationActionsService } from './conversation-actions.service';
import { ConversationReadService } from './conversation-read.service';
import { ReplyService } from './reply.service';

class ConversationListQueryDto extends createZodDto(ConversationListQuery) {}
class CreateReplyDto extends createZodDto(CreateReplyRequest) {}
class UpdateConversationDto extends createZodDto(UpdateConversationRequest) {}
class EscalateConversationDto extends createZodDto(EscalateConversationRequest) {}

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationReadService,
    private readonly replies: ReplyService,
    private readonly actions: ConversationActionsService,
  ) {}

  @RequirePermission('inbox.read')
  @Get()
  list(@CurrentAuth() auth: AuthContext, @Query() query: ConversationListQueryDto): Promise<Page<ConversationSummaryDto>> {
    return this.conversations.list(auth.workspaceId, auth.userId, query);
  }

  @RequirePermission('inbox.read')
  @Get(':id')
  get(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<ConversationDetailDto> {
    return this.conversations.get(auth.workspaceId, id);
  }

  /**
   * Status (snooze with snoozedUntil), priority, assignee, team, tags. Send the version you loaded: if someone
   * changed the conversation since, the answer is 409 with who and what, and nothing changes.
   */
  @RequirePermission('inbox.reply')
  @Patch(':id')
  async update(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: UpdateConversationDto): Promise<ConversationDetailDto> {
    await this.actions.update(auth.workspaceId, auth.userId, id, body);
    return this.conversations.get(auth.workspaceId, id);
  }

  /** Hands the conversation to a lead or a team with a reason; it lands in their escalated view. */
  @RequirePermission('inbox.reply')
  @Post(':id/escalate')
  @HttpCode(200)
  async escalate(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: EscalateConversationDto): Promise<ConversationDetailDto> {
    await this.actions.escalate(auth.workspaceId, auth.userId, id, body);
    return this.conversations.get(auth.workspaceId, id);
  }

  /** Queues a reply; it is posted to the platform once, even if this request is retried with the same Idempotency-Key. */
  @RequirePermission('inbox.reply')
  @Post(':id/replies')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'repeat a request safely: the same key posts once' })
  async reply(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() body: CreateReplyDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageDto> {
    const queued = await this.replies.queue(auth.workspaceId, auth.userId, id, body.text, idempotencyKey, { lastSeenMessageId: body.lastSeenMessageId, confirm: body.confirm });
    if (!queued.created) res.status(200);
    return this.conversations.message(auth.workspaceId, id, queued.messageId);
  }
}

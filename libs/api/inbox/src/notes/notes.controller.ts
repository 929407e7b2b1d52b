import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CreateNoteRequest, SavedReplyRequest, type MessageDto, type NotificationDto, type RenderedReplyDto, type SavedReplyDto } from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { ConversationReadService } from '../conversation-read.service';
import { NotesService } from './notes.service';
import { SavedRepliesService } from './saved-replies.service';

class CreateNoteDto extends createZodDto(CreateNoteRequest) {}
class SavedReplyDtoIn extends createZodDto(SavedReplyRequest) {}
class MarkReadDto extends createZodDto(z.object({ ids: z.array(z.string().uuid('a notification id is a UUID')).max(500).optional() })) {}
class NotificationsQueryDto extends createZodDto(z.object({ unread: z.enum(['true', 'false']).default('false') })) {}
class RenderDto extends createZodDto(z.object({ savedReplyId: z.string().uuid('savedReplyId is a saved reply id') })) {}

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

@ApiTags('inbox')
@ApiBearerAuth()
@Controller()
export class NotesController {
  constructor(
    private readonly notes: NotesService,
    private readonly savedReplies: SavedRepliesService,
    private readonly conversations: ConversationReadService,
  ) {}

  /** An internal note, never posted to the platform; the teammates mentioned are notified. */
  @RequirePermission('inbox.reply')
  @Post('conversations/:id/notes')
  @HttpCode(201)
  async createNote(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: CreateNoteDto): Promise<MessageDto> {
    const messageId = await this.notes.create(auth.workspaceId, auth.userId, id, body);
    return this.conversations.message(auth.workspaceId, id, messageId);
  }

  /** Fills a saved reply in for this conversation ({{author.name}}, {{agent.first_name}}…); posts nothing. */
  @RequirePermission('inbox.reply')
  @Post('conversations/:id/render-reply')
  @HttpCode(200)
  render(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: RenderDto): Promise<RenderedReplyDto> {
    return this.savedReplies.render(auth.workspaceId, auth.userId, id, body.savedReplyId);
  }

  @RequirePermission('inbox.read')
  @Get('notifications')
  notifications(@CurrentAuth() auth: AuthContext, @Query() query: NotificationsQueryDto): Promise<NotificationDto[]> {
    return this.notes.list(auth.workspaceId, auth.userId, query.unread === 'true');
  }

  /** Marks these notifications (or all of them) read. */
  @RequirePermission('inbox.read')
  @Post('notifications/read')
  @HttpCode(200)
  async markRead(@CurrentAuth() auth: AuthContext, @Body() body: MarkReadDto): Promise<{ updated: number }> {
    return { updated: await this.notes.markRead(auth.workspaceId, auth.userId, body.ids) };
  }

  @RequirePermission('inbox.read')
  @Get('saved-replies')
  listSaved(@CurrentAuth() auth: AuthContext): Promise<SavedReplyDto[]> {
    return this.savedReplies.list(auth.workspaceId);
  }

  @RequirePermission('inbox.reply')
  @Post('saved-replies')
  @HttpCode(201)
  createSaved(@CurrentAuth() auth: AuthContext, @Body() body: SavedReplyDtoIn): Promise<SavedReplyDto> {
    return this.savedReplies.create(auth.workspaceId, auth.userId, body);
  }

  @RequirePermission('inbox.reply')
  @Put('saved-replies/:id')
  updateSaved(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: SavedReplyDtoIn): Promise<SavedReplyDto> {
    return this.savedReplies.update(auth.workspaceId, id, body);
  }

  @RequirePermission('inbox.reply')
  @Delete('saved-replies/:id')
  @HttpCode(204)
  removeSaved(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    return this.savedReplies.remove(auth.workspaceId, id);
  }
}

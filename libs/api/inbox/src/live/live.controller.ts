import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import type { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { PresenceRequest, type PresenceDto } from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { InboxLiveService } from './inbox-live.service';

class PresenceDtoIn extends createZodDto(PresenceRequest) {}

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

@ApiTags('inbox')
@ApiBearerAuth()
@Controller()
export class LiveController {
  constructor(
    private readonly live: InboxLiveService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Server-sent events of the workspace, from every API process: conversation changes, new conversations,
   * presence, the user's notifications (see LiveEvent). Read it with fetch and the Authorization header.
   */
  @RequirePermission('inbox.read')
  @Sse('live')
  stream(@CurrentAuth() auth: AuthContext): Observable<{ data: unknown; type?: string }> {
    return this.live.stream(auth.workspaceId, auth.userId);
  }

  /** A heartbeat while viewing or typing in a conversation (every 10–20 s), or "left"; answers who is there now. */
  @RequirePermission('inbox.read')
  @Post('conversations/:id/presence')
  @HttpCode(200)
  async beat(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: PresenceDtoIn): Promise<PresenceDto[]> {
    const [row]: Array<{ name: string }> = await this.dataSource.query(
      `SELECT u.name FROM conversation c JOIN app_user u ON u.id = $3 WHERE c.workspace_id = $1 AND c.id = $2`,
      [auth.workspaceId, id, auth.userId],
    );
    if (!row) return [];
    return this.live.beat(auth.workspaceId, id, { id: auth.userId, name: row.name }, body.state);
  }

  @RequirePermission('inbox.read')
  @Get('conversations/:id/presence')
  presence(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): PresenceDto[] {
    return this.live.presenceOf(auth.workspaceId, id);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { MentionListQuery, type MentionDto, type Page } from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { MentionReadService } from './mention-read.service';

class MentionListQueryDto extends createZodDto(MentionListQuery) {}

@ApiTags('mentions')
@ApiBearerAuth()
@Controller('mentions')
export class MentionsController {
  constructor(private readonly mentions: MentionReadService) {}

  /** Newest first, keyset-paginated: pass `nextCursor` back as `cursor`. */
  @RequirePermission('mentions.read')
  @Get()
  list(@CurrentAuth() auth: AuthContext, @Query() query: MentionListQueryDto): Promise<Page<MentionDto>> {
    return this.mentions.list(auth.workspaceId, query);
  }
}

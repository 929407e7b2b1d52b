import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  AnalyzeTextRequest,
  CorrectionListQuery,
  CorrectMentionRequest,
  ReviewCorrectionRequest,
  type CorrectionListDto,
  type Enrichment,
} from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { CorrectionsService } from './corrections.service';

class CorrectMentionDto extends createZodDto(CorrectMentionRequest) {}
class ReviewCorrectionDto extends createZodDto(ReviewCorrectionRequest) {}
class CorrectionListQueryDto extends createZodDto(CorrectionListQuery) {}
class AnalyzeTextDto extends createZodDto(AnalyzeTextRequest) {}

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

@ApiTags('understanding')
@ApiBearerAuth()
@Controller()
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  /** An agent corrects a mention's sentiment or intents; it applies at once and waits for an admin's review. */
  @RequirePermission('inbox.reply')
  @Post('mentions/:id/corrections')
  @HttpCode(204)
  correct(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: CorrectMentionDto): Promise<void> {
    return this.corrections.correct(auth.workspaceId, auth.userId, id, body);
  }

  @RequirePermission('workspace.admin')
  @Get('corrections')
  list(@CurrentAuth() auth: AuthContext, @Query() query: CorrectionListQueryDto): Promise<CorrectionListDto> {
    return this.corrections.list(auth.workspaceId, query);
  }

  @RequirePermission('workspace.admin')
  @Post('corrections/:id/review')
  @HttpCode(204)
  review(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: ReviewCorrectionDto): Promise<void> {
    return this.corrections.review(auth.workspaceId, auth.userId, id, body);
  }

  /** How this workspace would score a text (with its tuning): for trying lexicon words before adding them. */
  @RequirePermission('mentions.read')
  @Post('understanding/analyze')
  @HttpCode(200)
  analyze(@CurrentAuth() auth: AuthContext, @Body() body: AnalyzeTextDto): Promise<Enrichment> {
    return this.corrections.analyze(auth.workspaceId, body);
  }
}

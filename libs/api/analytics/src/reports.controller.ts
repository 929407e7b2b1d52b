import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { OverviewQuery, type OverviewResponse } from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { OverviewService } from './overview.service';

class OverviewQueryDto extends createZodDto(OverviewQuery) {}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly overviews: OverviewService) {}

  /** Mention volume and sentiment per hour or day; net sentiment = (positive − negative) ÷ (positive + negative). */
  @RequirePermission('mentions.read')
  @Get('overview')
  overview(@CurrentAuth() auth: AuthContext, @Query() query: OverviewQueryDto): Promise<OverviewResponse> {
    return this.overviews.overview(auth.workspaceId, query);
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { PreviewListeningQueryRequest, type PreviewResultDto } from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { PreviewService } from './preview.service';

class PreviewQueryDto extends createZodDto(PreviewListeningQueryRequest) {}

@ApiTags('listening')
@ApiBearerAuth()
@Controller('listening')
export class PreviewController {
  constructor(private readonly previews: PreviewService) {}

  /** Runs the query once on each platform and returns what would match; nothing is stored. */
  @RequirePermission('listening.read')
  @Post('preview')
  @HttpCode(200)
  preview(@CurrentAuth() auth: AuthContext, @Body() body: PreviewQueryDto): Promise<PreviewResultDto> {
    return this.previews.preview(auth.workspaceId, body);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { CreateSentimentTermRequest, type SentimentTermDto } from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { SentimentTermsService } from './sentiment-terms.service';

class CreateTermDto extends createZodDto(CreateSentimentTermRequest) {}

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

/** Per-workspace sentiment tuning: everyone who reads mentions sees it; admins change it. */
@ApiTags('sentiment tuning')
@ApiBearerAuth()
@Controller('sentiment-terms')
export class SentimentTermsController {
  constructor(private readonly terms: SentimentTermsService) {}

  @RequirePermission('mentions.read')
  @Get()
  list(@CurrentAuth() auth: AuthContext): Promise<SentimentTermDto[]> {
    return this.terms.list(auth.workspaceId);
  }

  @RequirePermission('workspace.admin')
  @Post()
  @HttpCode(201)
  async create(@CurrentAuth() auth: AuthContext, @Body() body: CreateTermDto): Promise<SentimentTermDto> {
    const id = await this.terms.create(auth.workspaceId, auth.userId, body);
    const [created] = await this.terms.list(auth.workspaceId, id);
    if (!created) throw new Error(`sentiment term ${id} vanished after its insert`);
    return created;
  }

  @RequirePermission('workspace.admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    return this.terms.remove(auth.workspaceId, id);
  }
}

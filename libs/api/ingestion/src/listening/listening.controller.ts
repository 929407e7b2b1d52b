import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  CompileListeningQueryRequest,
  CreateListeningQueryRequest,
  UpdateListeningQueryRequest,
  UpdateSourceRequest,
  type CompiledQueryDto,
  type ListeningQueryDto,
  type SourceDto,
} from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { ListeningQueryService } from './listening-query.service';
import { QueryCompiler } from './query-compiler';
import { SourceHealthService } from './source-health.service';

class CreateQueryDto extends createZodDto(CreateListeningQueryRequest) {}
class UpdateQueryDto extends createZodDto(UpdateListeningQueryRequest) {}
class CompileQueryDto extends createZodDto(CompileListeningQueryRequest) {}
class UpdateSourceDto extends createZodDto(UpdateSourceRequest) {}

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

@ApiTags('listening')
@ApiBearerAuth()
@Controller('listening')
export class ListeningController {
  constructor(
    private readonly queries: ListeningQueryService,
    private readonly sources: SourceHealthService,
    private readonly compiler: QueryCompiler,
  ) {}

  @RequirePermission('listening.read')
  @Get('queries')
  list(@CurrentAuth() auth: AuthContext): Promise<ListeningQueryDto[]> {
    return this.queries.list(auth.workspaceId);
  }

  @RequirePermission('listening.read')
  @Get('queries/:id')
  get(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<ListeningQueryDto> {
    return this.queries.get(auth.workspaceId, id);
  }

  @RequirePermission('listening.write')
  @Post('queries')
  @HttpCode(201)
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateQueryDto): Promise<ListeningQueryDto> {
    return this.queries.create(auth.workspaceId, body);
  }

  @RequirePermission('listening.write')
  @Patch('queries/:id')
  update(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: UpdateQueryDto): Promise<ListeningQueryDto> {
    return this.queries.update(auth.workspaceId, id, body);
  }

  @RequirePermission('listening.write')
  @Delete('queries/:id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    return this.queries.remove(auth.workspaceId, id);
  }

  /** The query in each platform's syntax, or why it cannot be compiled; for the editor, stores nothing. */
  @RequirePermission('listening.read')
  @Post('compile')
  @HttpCode(200)
  compile(@Body() body: CompileQueryDto): CompiledQueryDto[] {
    return this.compiler.describe(body.spec, body.platforms);
  }

  @RequirePermission('listening.read')
  @Get('sources')
  listSources(@CurrentAuth() auth: AuthContext): Promise<SourceDto[]> {
    return this.sources.list(auth.workspaceId);
  }

  @RequirePermission('listening.write')
  @Patch('sources/:id')
  updateSource(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: UpdateSourceDto): Promise<SourceDto> {
    return this.sources.update(auth.workspaceId, id, body);
  }
}

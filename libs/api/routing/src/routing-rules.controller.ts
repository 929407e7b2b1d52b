import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  CreateRoutingRuleRequest,
  DryRunRoutingRuleRequest,
  ReorderRoutingRulesRequest,
  UpdateRoutingRuleRequest,
  type DryRunRoutingRuleResult,
  type RoutingRuleDto,
} from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { RoutingDryRunService } from './routing-dry-run.service';
import { RoutingRulesService } from './routing-rules.service';

class CreateRuleDto extends createZodDto(CreateRoutingRuleRequest) {}
class UpdateRuleDto extends createZodDto(UpdateRoutingRuleRequest) {}
class ReorderRulesDto extends createZodDto(ReorderRoutingRulesRequest) {}
class DryRunDto extends createZodDto(DryRunRoutingRuleRequest) {}

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing-rules')
export class RoutingRulesController {
  constructor(
    private readonly rules: RoutingRulesService,
    private readonly dryRuns: RoutingDryRunService,
  ) {}

  /** Everyone who works the inbox may see why a conversation landed there. */
  @RequirePermission('inbox.read')
  @Get()
  list(@CurrentAuth() auth: AuthContext): Promise<RoutingRuleDto[]> {
    return this.rules.list(auth.workspaceId);
  }

  @RequirePermission('routing.manage')
  @Post()
  @HttpCode(201)
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateRuleDto): Promise<RoutingRuleDto> {
    return this.rules.create(auth.workspaceId, body);
  }

  @RequirePermission('routing.manage')
  @Post('reorder')
  @HttpCode(200)
  reorder(@CurrentAuth() auth: AuthContext, @Body() body: ReorderRulesDto): Promise<RoutingRuleDto[]> {
    return this.rules.reorder(auth.workspaceId, body.ids);
  }

  /** Replays a rule, saved or not, over the last days' mentions; stores nothing. */
  @RequirePermission('routing.manage')
  @Post('dry-run')
  @HttpCode(200)
  dryRun(@CurrentAuth() auth: AuthContext, @Body() body: DryRunDto): Promise<DryRunRoutingRuleResult> {
    return this.dryRuns.run(auth.workspaceId, body);
  }

  @RequirePermission('routing.manage')
  @Patch(':id')
  update(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: UpdateRuleDto): Promise<RoutingRuleDto> {
    return this.rules.update(auth.workspaceId, id, body);
  }

  @RequirePermission('routing.manage')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    return this.rules.remove(auth.workspaceId, id);
  }
}

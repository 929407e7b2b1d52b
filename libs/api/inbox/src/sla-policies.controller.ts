import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { Priority, SlaPolicyRequest, type SlaPolicyDto } from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { PriorityPipe } from './priority.pipe';
import { SlaPoliciesService } from './sla/sla-policies.service';

class SlaPolicyDtoIn extends createZodDto(SlaPolicyRequest) {}

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  /** One policy per priority at most: first-response and resolution targets, on business hours or calendar time. */
  @RequirePermission('inbox.read')
  @Get()
  list(@CurrentAuth() auth: AuthContext): Promise<SlaPolicyDto[]> {
    return this.policies.list(auth.workspaceId);
  }

  /** Sets the policy of a priority; the active conversations of that priority get their due dates again. */
  @RequirePermission('routing.manage')
  @Put(':priority')
  put(@CurrentAuth() auth: AuthContext, @Param('priority', PriorityPipe) priority: Priority, @Body() body: SlaPolicyDtoIn): Promise<SlaPolicyDto> {
    return this.policies.put(auth.workspaceId, priority, body);
  }

  @RequirePermission('routing.manage')
  @Delete(':priority')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param('priority', PriorityPipe) priority: Priority): Promise<void> {
    return this.policies.remove(auth.workspaceId, priority);
  }
}

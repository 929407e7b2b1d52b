import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { CreateTeamRequest, SetCapacityRequest, UpdateTeamRequest, type MemberDto, type TeamDto } from '@ecoute/contracts';
import { CurrentAuth, RequirePermission, type AuthContext } from '@ecoute/api-platform';
import { TeamsService } from './teams.service';

class CreateTeamDto extends createZodDto(CreateTeamRequest) {}
class UpdateTeamDto extends createZodDto(UpdateTeamRequest) {}
class SetCapacityDto extends createZodDto(SetCapacityRequest) {}

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

@ApiTags('inbox')
@ApiBearerAuth()
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @RequirePermission('inbox.read')
  @Get('teams')
  list(@CurrentAuth() auth: AuthContext): Promise<TeamDto[]> {
    return this.teams.list(auth.workspaceId);
  }

  @RequirePermission('routing.manage')
  @Post('teams')
  @HttpCode(201)
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateTeamDto): Promise<TeamDto> {
    return this.teams.create(auth.workspaceId, body);
  }

  @RequirePermission('routing.manage')
  @Patch('teams/:id')
  update(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: UpdateTeamDto): Promise<TeamDto> {
    return this.teams.update(auth.workspaceId, id, body);
  }

  @RequirePermission('routing.manage')
  @Delete('teams/:id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    return this.teams.remove(auth.workspaceId, id);
  }

  /** The workspace's members, for assignment and teams: role, teams, open conversations held, capacity. */
  @RequirePermission('inbox.read')
  @Get('members')
  members(@CurrentAuth() auth: AuthContext): Promise<MemberDto[]> {
    return this.teams.members(auth.workspaceId);
  }

  /** The most open conversations auto-assignment gives this member at once (null: no limit). */
  @RequirePermission('routing.manage')
  @Put('members/:userId/capacity')
  @HttpCode(204)
  setCapacity(@CurrentAuth() auth: AuthContext, @Param('userId', uuid) userId: string, @Body() body: SetCapacityDto): Promise<void> {
    return this.teams.setCapacity(auth.workspaceId, userId, body.capacity);
  }
}

import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ComponentStatus, HealthResponse } from '@ecoute/contracts';
import { Public } from '../auth/decorators';
import { HealthRegistry } from './health.registry';

const startedAt = Date.now();
const version = process.env['npm_package_version'] ?? '0.1.0';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Public()
  @Get()
  @HttpCode(200)
  @ApiOkResponse({ description: 'Database and scheduler state; 503 when a component is down' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const components = await this.registry.run();
    const states = Object.values(components).map((c) => c.status);
    const status: ComponentStatus = states.includes('down') ? 'down' : states.includes('degraded') ? 'degraded' : 'ok';
    if (status === 'down') res.status(503);
    return { status, version, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), components };
  }
}

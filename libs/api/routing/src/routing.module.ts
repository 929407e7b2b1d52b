import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ROUTING_ENTITIES } from './entities';
import { RoutingDryRunService } from './routing-dry-run.service';
import { RoutingRulesController } from './routing-rules.controller';
import { RoutingRulesService } from './routing-rules.service';

@Module({
  imports: [TypeOrmModule.forFeature(ROUTING_ENTITIES)],
  controllers: [RoutingRulesController],
  providers: [RoutingRulesService, RoutingDryRunService],
  exports: [RoutingRulesService],
})
export class RoutingModule {}

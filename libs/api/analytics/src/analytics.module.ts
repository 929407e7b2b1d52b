import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ANALYTICS_ENTITIES } from './entities';
import { OverviewService } from './overview.service';
import { ReportsController } from './reports.controller';
import { RollupWriter } from './rollup-writer';

@Module({
  imports: [TypeOrmModule.forFeature(ANALYTICS_ENTITIES)],
  controllers: [ReportsController],
  providers: [RollupWriter, OverviewService],
  exports: [RollupWriter],
})
export class AnalyticsModule {}

import { Module } from '@nestjs/common';
import { ConnectorsModule } from '@ecoute/api-connectors';
import { IngestionModule, MentionReadService } from '@ecoute/api-ingestion';
import { RoutingModule } from '@ecoute/api-routing';
import { InboxModule } from '@ecoute/api-inbox';
import { AnalyticsModule } from '@ecoute/api-analytics';
import { PollScheduler } from './poll-scheduler';
import { PollSourceJob } from './poll-source.job';

/** Composes the stages; the only library that knows their order. */
@Module({
  imports: [
    ConnectorsModule,
    IngestionModule,
    RoutingModule,
    InboxModule.forRoot({ imports: [IngestionModule], mentionLookup: MentionReadService }),
    AnalyticsModule,
  ],
  providers: [PollSourceJob, PollScheduler],
  exports: [PollSourceJob, PollScheduler],
})
export class PipelineModule {}

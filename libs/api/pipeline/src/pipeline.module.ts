import { Module } from '@nestjs/common';
import { ConnectorsModule } from '@ecoute/api-connectors';
import { IngestionModule, MentionReadService } from '@ecoute/api-ingestion';
import { RoutingModule } from '@ecoute/api-routing';
import { InboxModule } from '@ecoute/api-inbox';
import { AnalyticsModule } from '@ecoute/api-analytics';
import { BackfillRunner } from './backfill.runner';
import { PageCommitter } from './page-committer';
import { PollScheduler } from './poll-scheduler';
import { PollSourceJob } from './poll-source.job';
import { PreviewController } from './preview.controller';
import { PreviewService } from './preview.service';
import { CorrectionsController } from './corrections.controller';
import { CorrectionsService } from './corrections.service';
import { WorkspaceTuning } from './workspace-tuning';

/** Composes the stages; the only library that knows their order. */
@Module({
  imports: [
    ConnectorsModule,
    IngestionModule,
    RoutingModule,
    InboxModule.forRoot({ imports: [IngestionModule], mentionLookup: MentionReadService }),
    AnalyticsModule,
  ],
  controllers: [PreviewController, CorrectionsController],
  providers: [PageCommitter, PollSourceJob, PollScheduler, PreviewService, BackfillRunner, WorkspaceTuning, CorrectionsService],
  exports: [PageCommitter, PollSourceJob, PollScheduler, BackfillRunner, WorkspaceTuning],
})
export class PipelineModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectorsModule } from '@ecoute/api-connectors';
import { BackfillJobs } from './backfill-jobs';
import { INGESTION_ENTITIES } from './entities';
import { ListeningController } from './listening/listening.controller';
import { ListeningQueryService } from './listening/listening-query.service';
import { QueryCompiler } from './listening/query-compiler';
import { SourceHealthService } from './listening/source-health.service';
import { ListeningSetupService } from './listening-setup.service';
import { MentionBatchWriter } from './mention-batch-writer';
import { MentionReadService } from './mention-read.service';
import { MentionsController } from './mentions.controller';
import { SourceLeases } from './source-leases';
import { MentionCorrections } from './understanding/mention-corrections';
import { SentimentTermsController } from './understanding/sentiment-terms.controller';
import { SentimentTermsService } from './understanding/sentiment-terms.service';

@Module({
  imports: [TypeOrmModule.forFeature(INGESTION_ENTITIES), ConnectorsModule],
  controllers: [MentionsController, ListeningController, SentimentTermsController],
  providers: [
    MentionBatchWriter,
    SourceLeases,
    BackfillJobs,
    ListeningSetupService,
    MentionReadService,
    QueryCompiler,
    ListeningQueryService,
    SourceHealthService,
    SentimentTermsService,
    MentionCorrections,
  ],
  exports: [
    MentionBatchWriter,
    SourceLeases,
    BackfillJobs,
    ListeningSetupService,
    MentionReadService,
    QueryCompiler,
    SentimentTermsService,
    MentionCorrections,
  ],
})
export class IngestionModule {}

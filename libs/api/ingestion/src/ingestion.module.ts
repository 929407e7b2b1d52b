import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { INGESTION_ENTITIES } from './entities';
import { ListeningSetupService } from './listening-setup.service';
import { MentionBatchWriter } from './mention-batch-writer';
import { MentionReadService } from './mention-read.service';
import { MentionsController } from './mentions.controller';
import { SourceLeases } from './source-leases';

@Module({
  imports: [TypeOrmModule.forFeature(INGESTION_ENTITIES)],
  controllers: [MentionsController],
  providers: [MentionBatchWriter, SourceLeases, ListeningSetupService, MentionReadService],
  exports: [MentionBatchWriter, SourceLeases, ListeningSetupService, MentionReadService],
})
export class IngestionModule {}

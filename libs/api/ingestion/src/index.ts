export * from './entities';
export * from './ingestion.module';
export * from './mention-batch-writer';
export * from './source-leases';
export * from './listening-setup.service';
export * from './mention-read.service';
export * from './term-matcher';

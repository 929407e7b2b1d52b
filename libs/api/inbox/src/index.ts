export * from './entities';
export * from './inbox.module';
export * from './conversation-batch-writer';
export * from './reply-dispatcher';

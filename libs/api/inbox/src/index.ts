export * from './entities';
export * from './inbox.module';
export * from './conversation-batch-writer';
export * from './reply-dispatcher';
export * from './sla';
export * from './assignment/pick';
export * from './assignment/conversation-assigner';
export * from './snooze-waker';

export * from './rule';
export * from './entities';
export * from './routing-rules.service';
export * from './routing-dry-run.service';
export * from './routing.module';

export * from './pipeline.module';
export * from './poll-source.job';
export * from './poll-scheduler';
export * from './page-committer';
export * from './backfill.runner';
export * from './workspace-tuning';

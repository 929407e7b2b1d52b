export * from './pipeline.module';
export * from './poll-source.job';
export * from './poll-scheduler';

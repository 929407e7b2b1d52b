export * from './entities';
export * from './analytics.module';
export * from './rollup-writer';
export * from './engagement';

export * from './types';
export * from './connector-error';
export * from './connectors.module';
export { compileXQuery, X_QUERY_MAX_LENGTH } from './adapters/x/x-query';
export { XMentionSource } from './adapters/x/x-mention-source';
export { XReplyTarget } from './adapters/x/x-reply-target';
export { baseUrlPlugin } from './adapters/x/x-client';
export { mapXSearchBody } from './adapters/x/x-mapper';

// The Écoute API client: one module per operation (fetcher + queryOptions + hook), DESIGN §7.
export * from './lib/api-client';
export * from './lib/token-store';
export * from './lib/idempotency-key';
export * from './lib/query-client';
export * from './lib/auth/get-me';
export * from './lib/auth/login';
export * from './lib/auth/logout';
export * from './lib/auth/use-auth-token';
export * from './lib/conversations/keys';
export * from './lib/conversations/get-conversations';
export * from './lib/conversations/get-conversation';
export * from './lib/conversations/create-reply';
export * from './lib/mentions/get-mentions';
export * from './lib/reports/get-overview';
export { useErrorMessage } from './lib/use-error-message';

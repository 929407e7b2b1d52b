export * from './enrich';
export { analyzeSentiment } from './sentiment-analyzer';
export { classifyIntents } from './intent-classifier';
export { detectLanguage } from './language';

export * from './enrich';
export { classifyIntents, type IntentInput, type IntentResult } from './intent-classifier';
export { detectLanguage, type DetectedLanguage } from './language';
export { analyzeText, compileTuning, type CompiledTuning, type TextAnalysis } from './sentiment';

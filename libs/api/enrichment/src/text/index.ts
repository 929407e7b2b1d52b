export * from './tokenizer';
export * from './hash';

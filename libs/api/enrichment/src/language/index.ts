export { detectLanguage, detectWithEld, type DetectedLanguage } from './detect';

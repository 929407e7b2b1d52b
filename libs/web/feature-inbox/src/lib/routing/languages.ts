/**
 * The languages a rule can pick (ISO 639-1 codes, as the language detector gives them). English and French
 * first: the languages of the product. A rule read from the API may name others; the editor keeps them.
 */
export const RULE_LANGUAGES = [
  'en',
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'ca',
  'da',
  'sv',
  'no',
  'fi',
  'pl',
  'cs',
  'ro',
  'el',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'hi',
  'ja',
  'ko',
  'zh',
  'id',
  'vi',
  'th',
] as const;

/** "French (fr)" / "français (fr)", in the UI language. */
export function languageOptionLabel(code: string, locale: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${name} (${code})` : code;
}

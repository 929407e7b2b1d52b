/**
 * The languages offered where a query or a routing rule picks some (ISO 639-1 codes, as the platforms and the
 * language detector use them). English and French first: the languages of the product. Names come from Intl in
 * the UI language, so this needs no translation.
 */
export const LANGUAGE_CODES = [
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

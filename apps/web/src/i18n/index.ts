import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  en: { translation: en },
  fr: { translation: fr },
} as const;

const STORAGE_KEY = 'ecoute.lang';

function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The saved choice, else the browser's first supported language, else English. */
export function detectLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage disabled
  }
  const preferred = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  for (const tag of preferred) {
    const base = tag?.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'en';
}

export async function changeLanguage(lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // storage disabled: the choice lasts until the next reload
  }
  await i18n.changeLanguage(lng);
}

let initialised = false;

/**
 * Initialises the shared i18next instance once (synchronously: the resources are bundled) in the given language,
 * or the detected one. Later calls only switch language, when one is given.
 */
export function initI18n(language?: Language): typeof i18n {
  if (!initialised) {
    initialised = true;
    const lng = language ?? detectLanguage();
    void i18n.use(initReactI18next).init({
      resources,
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    const syncHtmlLang = (l: string) => {
      if (typeof document !== 'undefined') document.documentElement.lang = l;
    };
    syncHtmlLang(lng);
    i18n.on('languageChanged', syncHtmlLang);
  } else if (language && i18n.language !== language) {
    void i18n.changeLanguage(language);
  }
  return i18n;
}

export { i18n };

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ApiError } from './api/request';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales/meta';
import { bootMessagesOf } from './locales/boot';
import { loadMessages } from './locales/load';

const STORAGE_KEY = 'chorus.locale';

export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (isLocale(value)) return value;
  } catch {
    /* storage unavailable */
  }
  return DEFAULT_LOCALE;
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* storage unavailable */
  }
}

const initial = storedLocale();

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: bootMessagesOf('zh-CN') },
    'en-US': { translation: bootMessagesOf('en-US') },
  },
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLocale(initial);

/** Switches the interface language and remembers it in this browser. */
const loaded = new Set<Locale>();
let everyNamespace = false;

async function ensureMessages(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return;
  i18n.addResources(locale, 'translation', await loadMessages(locale));
  loaded.add(locale);
}

/**
 * Called by the signed-in shell: from now on the console speaks every namespace of the language in use
 * (fetched now) and of any language switched to (fetched on the switch). The login page keeps to the boot set.
 */
export async function loadEveryNamespace(): Promise<void> {
  everyNamespace = true;
  await ensureMessages(currentLocale());
}

export async function changeLocale(locale: Locale): Promise<void> {
  if (everyNamespace) await ensureMessages(locale);
  applyLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** The user-facing text for any thrown error: `errors.<code>`, else the server's message. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`;
    if (i18n.exists(key)) return i18n.t(key);
    if (err.status === 401) return i18n.t('errors.unauthorized');
    if (err.status === 403) return i18n.t('errors.forbidden');
    if (err.status === 404) return i18n.t('errors.not_found');
    return err.message || i18n.t('errors.unknown');
  }
  return i18n.t('errors.unknown');
}

export default i18n;

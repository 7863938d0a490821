import zh from './zh-CN/index';
import en from './en-US/index';
import type { Locale } from './meta';

export { LOCALES, DEFAULT_LOCALE, isLocale, type Locale } from './meta';

/**
 * Namespace files per locale; every key is already prefixed with its namespace (`members.invite.title`).
 * Tests read both languages here; the console loads one language at a time (`loadMessages`).
 */
export const namespaces: Record<Locale, Record<string, Record<string, string>>> = { 'zh-CN': zh, 'en-US': en };

/** All keys of a locale flattened into one dictionary. */
export function messagesOf(locale: Locale): Record<string, string> {
  return Object.assign({}, ...Object.values(namespaces[locale]));
}

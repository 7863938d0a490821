/**
 * The label registry: the one place that turns a key the server sends (a platform, a role, an audit
 * action, a rule id …) into a name a person reads, in the current language. Pages call
 * `useLabels()` and never print such a key themselves; `labels.test.ts` fails on any key of the
 * server's enums without a name in both locales.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';

import { LABEL_PREFIXES, labelKey, type LabelKind } from './registry';

export { LABEL_PREFIXES, labelKey, type LabelKind };

/** Kinds whose values people may also type themselves (a planner's own 内容形式): shown as typed. */
const FREE_TEXT: ReadonlySet<LabelKind> = new Set(['format']);

/** The name of `value`; a key nobody registered shows as "unlisted", never as itself. */
export function labelOf(kind: LabelKind, value: string): string {
  const key = labelKey(kind, value);
  if (i18n.exists(key)) return i18n.t(key);
  return FREE_TEXT.has(kind) ? value : i18n.t('labels.unknown');
}

/** Every registered value of a kind (e.g. the audit actions a filter may offer). */
export function registeredValues(kind: LabelKind): string[] {
  const prefix = `${LABEL_PREFIXES[kind]}.`;
  const store = i18n.getResourceBundle(i18n.language, 'translation') as Record<string, string> | undefined;
  return Object.keys(store ?? {}).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}

/** `label(kind, value)` that re-renders when the language changes. */
export function useLabels(): (kind: LabelKind, value: string) => string {
  const { t, i18n: instance } = useTranslation();
  return useCallback((kind: LabelKind, value: string) => {
    const key = labelKey(kind, value);
    if (instance.exists(key)) return t(key);
    return FREE_TEXT.has(kind) ? value : t('labels.unknown');
  }, [t, instance]);
}

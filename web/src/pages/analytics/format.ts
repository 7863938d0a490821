/** Number and label formatting shared by the analytics pages; unknown (null) shows as a dash, never 0. */
import { useTranslation } from 'react-i18next';
import { labelKey, useLabels } from '../../labels';

export const fmtCount = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString());
export const fmtPct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
export const fmtChange = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${Math.round(v)}%`);

export function usePlatformLabel() {
  const { t, i18n } = useTranslation();
  const label = useLabels();
  // Imported posts may name a platform we do not connect to; such a name is shown as written.
  return (slug: string) => (i18n.exists(labelKey('platform', slug)) ? label('platform', slug) : i18n.exists(`analytics.platform.${slug}`) ? t(`analytics.platform.${slug}`) : slug);
}

export function useThemeLabel() {
  const { t, i18n } = useTranslation();
  return (slug: string | null) => (slug === null ? t('analytics.theme.none') : i18n.exists(`analytics.theme.${slug}`) ? t(`analytics.theme.${slug}`) : slug);
}

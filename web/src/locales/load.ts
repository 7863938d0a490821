import type { Locale } from './meta';

const loaders: Record<Locale, () => Promise<{ default: Record<string, Record<string, string>> }>> = {
  'zh-CN': () => import('./zh-CN/index'),
  'en-US': () => import('./en-US/index'),
};

/** One language's messages, fetched on demand: the console never downloads the language it does not show. */
export async function loadMessages(locale: Locale): Promise<Record<string, string>> {
  const { default: namespaces } = await loaders[locale]();
  return Object.assign({}, ...Object.values(namespaces));
}

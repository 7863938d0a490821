/**
 * The messages the login page and the first paint need (common, auth, errors, menu). Every other namespace
 * arrives with the signed-in shell (`app/shell.tsx` adds them), which keeps the login page's download small.
 */
import zhCommon from './zh-CN/common';
import zhAuth from './zh-CN/auth';
import zhErrors from './zh-CN/errors';
import zhMenu from './zh-CN/menu';
import enCommon from './en-US/common';
import enAuth from './en-US/auth';
import enErrors from './en-US/errors';
import enMenu from './en-US/menu';
import type { Locale } from './meta';

const boot: Record<Locale, Record<string, string>[]> = {
  'zh-CN': [zhCommon, zhAuth, zhErrors, zhMenu],
  'en-US': [enCommon, enAuth, enErrors, enMenu],
};

export function bootMessagesOf(locale: Locale): Record<string, string> {
  return Object.assign({}, ...boot[locale]);
}

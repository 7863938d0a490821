import zhCommon from './zh-CN/common';
import zhMenu from './zh-CN/menu';
import zhAuth from './zh-CN/auth';
import zhDashboard from './zh-CN/dashboard';
import zhSettings from './zh-CN/settings';
import zhMembers from './zh-CN/members';
import zhTokens from './zh-CN/tokens';
import zhAudit from './zh-CN/audit';
import zhErrors from './zh-CN/errors';
import zhReview from './zh-CN/review';
import zhPublishing from './zh-CN/publishing';
import zhAccounts from './zh-CN/accounts';
import zhContent from './zh-CN/content';
import zhCompliance from './zh-CN/compliance';
import zhInbox from './zh-CN/inbox';
import zhNotifications from './zh-CN/notifications';
import zhText from './zh-CN/text';
import zhAnalytics from './zh-CN/analytics';
import zhLabels from './zh-CN/labels';
import zhAccountsManage from './zh-CN/accountsManage';
import zhReviewPolicy from './zh-CN/reviewPolicy';
import zhTodos from './zh-CN/todos';
import zhEditorExtra from './zh-CN/editorExtra';
import enCommon from './en-US/common';
import enMenu from './en-US/menu';
import enAuth from './en-US/auth';
import enDashboard from './en-US/dashboard';
import enSettings from './en-US/settings';
import enMembers from './en-US/members';
import enTokens from './en-US/tokens';
import enAudit from './en-US/audit';
import enErrors from './en-US/errors';
import enReview from './en-US/review';
import enPublishing from './en-US/publishing';
import enAccounts from './en-US/accounts';
import enContent from './en-US/content';
import enCompliance from './en-US/compliance';
import enInbox from './en-US/inbox';
import enNotifications from './en-US/notifications';
import enText from './en-US/text';
import enAnalytics from './en-US/analytics';
import enLabels from './en-US/labels';
import enAccountsManage from './en-US/accountsManage';
import enReviewPolicy from './en-US/reviewPolicy';
import enTodos from './en-US/todos';
import enEditorExtra from './en-US/editorExtra';

import type { Locale } from './meta';

export { LOCALES, DEFAULT_LOCALE, isLocale, type Locale } from './meta';

/** Namespace files per locale; every key is already prefixed with its namespace (`members.invite.title`). */
export const namespaces: Record<Locale, Record<string, Record<string, string>>> = {
  'zh-CN': {
    analytics: zhAnalytics,
    labels: zhLabels,
    accountsManage: zhAccountsManage,
    reviewPolicy: zhReviewPolicy,
    todos: zhTodos,
    editorExtra: zhEditorExtra,
    common: zhCommon, menu: zhMenu, auth: zhAuth, dashboard: zhDashboard, settings: zhSettings,
    members: zhMembers, tokens: zhTokens, audit: zhAudit, errors: zhErrors, review: zhReview, publishing: zhPublishing, accounts: zhAccounts,
    content: zhContent,
    compliance: zhCompliance, inbox: zhInbox, notifications: zhNotifications, text: zhText,
  },
  'en-US': {
    analytics: enAnalytics,
    labels: enLabels,
    accountsManage: enAccountsManage,
    reviewPolicy: enReviewPolicy,
    todos: enTodos,
    editorExtra: enEditorExtra,
    common: enCommon, menu: enMenu, auth: enAuth, dashboard: enDashboard, settings: enSettings,
    members: enMembers, tokens: enTokens, audit: enAudit, errors: enErrors, review: enReview, publishing: enPublishing, accounts: enAccounts,
    content: enContent,
    compliance: enCompliance, inbox: enInbox, notifications: enNotifications, text: enText,
  },
};

/** All keys of a locale flattened into one dictionary. */
export function messagesOf(locale: Locale): Record<string, string> {
  return Object.assign({}, ...Object.values(namespaces[locale]));
}

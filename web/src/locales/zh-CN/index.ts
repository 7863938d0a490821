/** Every namespace of this language, loaded with the signed-in shell (only the language in use is fetched). */
import zhCommon from './common';
import zhMenu from './menu';
import zhAuth from './auth';
import zhDashboard from './dashboard';
import zhSettings from './settings';
import zhMembers from './members';
import zhTokens from './tokens';
import zhAudit from './audit';
import zhErrors from './errors';
import zhReview from './review';
import zhPublishing from './publishing';
import zhAccounts from './accounts';
import zhContent from './content';
import zhCompliance from './compliance';
import zhInbox from './inbox';
import zhNotifications from './notifications';
import zhText from './text';
import zhAnalytics from './analytics';
import zhLabels from './labels';
import zhAccountsManage from './accountsManage';
import zhReviewPolicy from './reviewPolicy';
import zhTodos from './todos';
import zhEditorExtra from './editorExtra';

const namespaces: Record<string, Record<string, string>> = {
  common: zhCommon,
  menu: zhMenu,
  auth: zhAuth,
  dashboard: zhDashboard,
  settings: zhSettings,
  members: zhMembers,
  tokens: zhTokens,
  audit: zhAudit,
  errors: zhErrors,
  review: zhReview,
  publishing: zhPublishing,
  accounts: zhAccounts,
  content: zhContent,
  compliance: zhCompliance,
  inbox: zhInbox,
  notifications: zhNotifications,
  text: zhText,
  analytics: zhAnalytics,
  labels: zhLabels,
  accountsManage: zhAccountsManage,
  reviewPolicy: zhReviewPolicy,
  todos: zhTodos,
  editorExtra: zhEditorExtra,
};

export default namespaces;

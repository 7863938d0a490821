/** Every namespace of this language, loaded with the signed-in shell (only the language in use is fetched). */
import enCommon from './common';
import enMenu from './menu';
import enAuth from './auth';
import enDashboard from './dashboard';
import enSettings from './settings';
import enMembers from './members';
import enTokens from './tokens';
import enAudit from './audit';
import enErrors from './errors';
import enReview from './review';
import enPublishing from './publishing';
import enAccounts from './accounts';
import enContent from './content';
import enCompliance from './compliance';
import enInbox from './inbox';
import enNotifications from './notifications';
import enText from './text';
import enAnalytics from './analytics';
import enLabels from './labels';
import enAccountsManage from './accountsManage';
import enReviewPolicy from './reviewPolicy';
import enTodos from './todos';
import enEditorExtra from './editorExtra';

const namespaces: Record<string, Record<string, string>> = {
  common: enCommon,
  menu: enMenu,
  auth: enAuth,
  dashboard: enDashboard,
  settings: enSettings,
  members: enMembers,
  tokens: enTokens,
  audit: enAudit,
  errors: enErrors,
  review: enReview,
  publishing: enPublishing,
  accounts: enAccounts,
  content: enContent,
  compliance: enCompliance,
  inbox: enInbox,
  notifications: enNotifications,
  text: enText,
  analytics: enAnalytics,
  labels: enLabels,
  accountsManage: enAccountsManage,
  reviewPolicy: enReviewPolicy,
  todos: enTodos,
  editorExtra: enEditorExtra,
};

export default namespaces;

/**
 * The console's module registry. A module adds its page to the router and the side menu by
 * adding ONE object here: { key, path, icon, labelKey, element, access }.
 * - `access` names a key of the access map (src/access.ts); without it every member may enter.
 * - `group` puts the entry under a menu group (see `menuGroups`); `hideInMenu` keeps it routable only.
 * - `descKey` makes it appear as a card on the dashboard.
 */
import { lazy, type ReactNode } from 'react';
import {
  ApiOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  TableOutlined,
  ClusterOutlined,
  FileProtectOutlined,
  AuditOutlined,
  SendOutlined,
  DashboardOutlined,
  SettingOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
  BellOutlined,
  ExperimentOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { AimOutlined, CloudUploadOutlined, FileTextOutlined, FundOutlined, LineChartOutlined } from '@ant-design/icons';
import type { AccessKey } from '../access';

export interface ConsoleModule {
  key: string;
  path: string;
  icon: ReactNode;
  labelKey: string;
  element: ReactNode;
  access?: AccessKey;
  group?: MenuGroupKey;
  hideInMenu?: boolean;
  descKey?: string;
}

export type MenuGroupKey = 'settings';

export interface MenuGroup {
  key: MenuGroupKey;
  labelKey: string;
  icon: ReactNode;
}

/** Groups appear in the menu after the top-level modules, in this order. */
export const menuGroups: MenuGroup[] = [
  { key: 'settings', labelKey: 'menu.settings', icon: <SettingOutlined /> },
];

const Dashboard = lazy(() => import('../pages/dashboard/workplace'));
const WorkspaceSettings = lazy(() => import('../pages/settings/workspace'));
const Members = lazy(() => import('../pages/settings/members'));
const Tokens = lazy(() => import('../pages/settings/tokens'));
const Audit = lazy(() => import('../pages/settings/audit'));
const Profile = lazy(() => import('../pages/account/profile'));
const ReviewQueue = lazy(() => import('../pages/review/queue'));
const PublishingMonitor = lazy(() => import('../pages/publishing/monitor'));
const AccountMatrix = lazy(() => import('../pages/accounts/matrix'));
const AccountFilings = lazy(() => import('../pages/accounts/filings'));
const AccountSettings = lazy(() => import('../pages/accounts/settings'));
const ReviewPolicy = lazy(() => import('../pages/review/policy'));
const ContentCalendar = lazy(() => import('../pages/content/calendar'));
const ContentTable = lazy(() => import('../pages/content/table'));
const ContentBestTimes = lazy(() => import('../pages/content/best-times'));
const InboxList = lazy(() => import('../pages/inbox/list'));
const ComplianceCheck = lazy(() => import('../pages/compliance/check'));
const TextPlayground = lazy(() => import('../pages/text/playground'));
const NotificationSettings = lazy(() => import('../pages/notifications/settings'));

const AnalyticsDashboard = lazy(() => import('../pages/analytics/dashboard'));
const AnalyticsReports = lazy(() => import('../pages/analytics/reports'));
const AnalyticsImport = lazy(() => import('../pages/analytics/import'));
const AnalyticsGoals = lazy(() => import('../pages/analytics/goals'));
const AnalyticsCompetitors = lazy(() => import('../pages/analytics/competitors'));

export const modules: ConsoleModule[] = [
  { key: 'dashboard', path: '/dashboard', icon: <DashboardOutlined />, labelKey: 'menu.dashboard', element: <Dashboard /> },
  { key: 'accounts.matrix', path: '/accounts/matrix', icon: <ClusterOutlined />, labelKey: 'accounts.menu.matrix', element: <AccountMatrix /> },
  { key: 'accounts.filings', path: '/accounts/filings', icon: <FileProtectOutlined />, labelKey: 'accounts.menu.filings', element: <AccountFilings /> },
  { key: 'review.queue', path: '/review/queue', icon: <AuditOutlined />, labelKey: 'review.menu.queue', element: <ReviewQueue /> },
  { key: 'publishing.monitor', path: '/publishing/monitor', icon: <SendOutlined />, labelKey: 'publishing.menu.monitor', element: <PublishingMonitor /> },
  { key: 'content.calendar', path: '/content/calendar', icon: <CalendarOutlined />, labelKey: 'content.menu.calendar', element: <ContentCalendar />, descKey: 'content.dashboard.card' },
  { key: 'content.table', path: '/content/table', icon: <TableOutlined />, labelKey: 'content.menu.table', element: <ContentTable /> },
  { key: 'content.best-times', path: '/content/best-times', icon: <ClockCircleOutlined />, labelKey: 'content.menu.bestTimes', element: <ContentBestTimes /> },
  { key: 'inbox.list', path: '/inbox', icon: <MessageOutlined />, labelKey: 'inbox.menu.list', element: <InboxList />, access: 'canReadInbox', descKey: 'inbox.dashboard.card' },
  { key: 'compliance.check', path: '/compliance/check', icon: <SafetyCertificateOutlined />, labelKey: 'compliance.menu.check', element: <ComplianceCheck />, access: 'canCheckCompliance', descKey: 'compliance.dashboard.card' },
  { key: 'text.playground', path: '/text/playground', icon: <ExperimentOutlined />, labelKey: 'text.menu.playground', element: <TextPlayground />, access: 'canAnalyzeText' },
  { key: 'analytics.dashboard', path: '/analytics/dashboard', icon: <LineChartOutlined />, labelKey: 'analytics.menu.dashboard', element: <AnalyticsDashboard />, descKey: 'analytics.dashboard.card' },
  { key: 'analytics.reports', path: '/analytics/reports', icon: <FileTextOutlined />, labelKey: 'analytics.menu.reports', element: <AnalyticsReports /> },
  { key: 'analytics.import', path: '/analytics/import', icon: <CloudUploadOutlined />, labelKey: 'analytics.menu.import', element: <AnalyticsImport /> },
  { key: 'analytics.goals', path: '/analytics/goals', icon: <AimOutlined />, labelKey: 'analytics.menu.goals', element: <AnalyticsGoals /> },
  { key: 'analytics.competitors', path: '/analytics/competitors', icon: <FundOutlined />, labelKey: 'analytics.menu.competitors', element: <AnalyticsCompetitors /> },
  {
    key: 'settings.workspace', path: '/settings/workspace', icon: <ToolOutlined />, labelKey: 'menu.settings.workspace',
    element: <WorkspaceSettings />, access: 'canViewWorkspace', group: 'settings', descKey: 'dashboard.card.workspace',
  },
  {
    key: 'settings.members', path: '/settings/members', icon: <TeamOutlined />, labelKey: 'menu.settings.members',
    element: <Members />, access: 'canViewMembers', group: 'settings', descKey: 'dashboard.card.members',
  },
  {
    key: 'settings.tokens', path: '/settings/tokens', icon: <ApiOutlined />, labelKey: 'menu.settings.tokens',
    element: <Tokens />, access: 'canManageTokens', group: 'settings', descKey: 'dashboard.card.tokens',
  },
  {
    key: 'review.policy', path: '/review/policy', icon: <AuditOutlined />, labelKey: 'reviewPolicy.menu',
    element: <ReviewPolicy />, group: 'settings',
  },
  {
    key: 'accounts.settings', path: '/accounts/settings', icon: <ClusterOutlined />, labelKey: 'accountsManage.menu.settings',
    element: <AccountSettings />, group: 'settings',
  },
  {
    key: 'notifications.settings', path: '/settings/notifications', icon: <BellOutlined />, labelKey: 'notifications.menu.settings',
    element: <NotificationSettings />, group: 'settings',
  },
  {
    key: 'settings.audit', path: '/settings/audit', icon: <AuditOutlined />, labelKey: 'menu.settings.audit',
    element: <Audit />, access: 'canViewAudit', group: 'settings', descKey: 'dashboard.card.audit',
  },
  {
    key: 'account.profile', path: '/account/profile', icon: <UserOutlined />, labelKey: 'menu.account.profile',
    element: <Profile />, hideInMenu: true, descKey: 'dashboard.card.profile',
  },
];

export { HOME_PATH } from './paths';

/** The module whose path is the longest prefix of `pathname`. */
export function moduleForPath(pathname: string): ConsoleModule | undefined {
  return modules
    .filter((m) => pathname === m.path || pathname.startsWith(`${m.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

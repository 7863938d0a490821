import type zh from '../zh-CN/menu';

const en: Record<keyof typeof zh, string> = {
  'menu.dashboard': 'Dashboard',
  'menu.settings': 'Settings',
  'menu.settings.workspace': 'Workspace',
  'menu.settings.members': 'Members & roles',
  'menu.settings.tokens': 'API tokens',
  'menu.settings.audit': 'Audit log',
  'menu.account.profile': 'Profile',
  'menu.login': 'Sign in',
};

export default en;

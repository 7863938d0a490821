export default {
  'menu.dashboard': '工作台',
  'menu.settings': '系统设置',
  'menu.settings.workspace': '工作区设置',
  'menu.settings.members': '成员与角色',
  'menu.settings.tokens': 'API 令牌',
  'menu.settings.audit': '审计日志',
  'menu.account.profile': '个人资料',
  'menu.login': '登录',
};

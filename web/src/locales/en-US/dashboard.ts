import type zh from '../zh-CN/dashboard';

const en: Record<keyof typeof zh, string> = {
  'dashboard.greeting.morning': 'Good morning, {{name}}',
  'dashboard.greeting.afternoon': 'Good afternoon, {{name}}',
  'dashboard.greeting.evening': 'Good evening, {{name}}',
  'dashboard.role': 'Your role in this workspace: {{role}}',
  'dashboard.workspace': 'Current workspace',
  'dashboard.timeZone': 'Time zone',
  'dashboard.localTime': 'Workspace time',
  'dashboard.workingNow': 'Within working hours',
  'dashboard.offHours': 'Outside working hours',
  'dashboard.holidayToday': 'Holiday today: {{name}}',
  'dashboard.workingDays': 'Working days',
  'dashboard.modules': 'Modules',
  'dashboard.modules.desc': 'What your role can use in this workspace.',
  'dashboard.card.workspace': 'Time zone, working hours and holidays',
  'dashboard.card.members': 'Who is in the workspace, and their roles',
  'dashboard.card.tokens': 'Tokens for scripts and other systems',
  'dashboard.card.audit': 'Review key actions and verify integrity',
  'dashboard.card.profile': 'Your name, language and password',
};

export default en;

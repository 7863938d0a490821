import type zh from '../zh-CN/auth';

const en: Record<keyof typeof zh, string> = {
  'auth.login.title': 'Sign in to Chorus',
  'auth.login.subtitle': 'Social-media operations · Weibo / WeChat / Douyin / Xiaohongshu',
  'auth.login.email': 'Email',
  'auth.login.email.placeholder': 'Your work email',
  'auth.login.email.required': 'Please enter your email',
  'auth.login.email.invalid': 'This is not a valid email',
  'auth.login.password': 'Password',
  'auth.login.password.placeholder': 'Your password',
  'auth.login.password.required': 'Please enter your password',
  'auth.login.submit': 'Sign in',
  'auth.login.success': 'Signed in',
  'auth.login.forgot': 'Forgot your password? Ask a workspace owner to reset it.',
  'auth.login.feature.plan': 'Content planning and scheduling',
  'auth.login.feature.review': 'Multi-step review and compliance checks',
  'auth.login.feature.engage': 'One inbox for comments and messages',
  'auth.login.feature.insight': 'Analytics and opinion monitoring',
  'auth.logout.success': 'Signed out',
};

export default en;

import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Typography, theme } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { login } from './api';
import { BrandPanel } from './components/brand-panel';
import { useSession } from '../../../app/session';
import { LanguageSwitch } from '../../../app/layout/language-switch';
import { LogoMark } from '../../../app/layout/logo';
import { HOME_PATH } from '../../../app/modules';
import { changeLocale, errorText } from '../../../i18n';
import { updateMe } from '../../../api/session';
import type { Locale } from '../../../locales';

interface Values {
  email: string;
  password: string;
}

/** Only same-site paths are followed after login. */
function safeRedirect(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : HOME_PATH;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { status, reload } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A language picked here, before signing in, is saved to the account once signed in.
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const target = safeRedirect(params.get('redirect'));

  useEffect(() => {
    document.title = `${t('menu.login')} · ${t('common.app.fullName')}`;
  }, [t]);

  if (status === 'ready') return <Navigate to={target} replace />;

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await login({ email: values.email.trim(), password: values.password });
      if (chosenLocale && chosenLocale !== user.locale) await updateMe({ locale: chosenLocale }).catch(() => undefined);
      await reload();
      navigate(target, { replace: true });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', background: token.colorBgContainer }}>
      <BrandPanel />
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
          <LanguageSwitch onChange={async (l) => { setChosenLocale(l); await changeLocale(l); }} />
        </div>
        <div style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
          <div style={{ width: '100%', maxWidth: 380 }}>
            <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
              <LogoMark size={36} />
              <Typography.Title level={3} style={{ margin: 0 }}>{t('auth.login.title')}</Typography.Title>
            </div>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 32 }}>
              {t('auth.login.subtitle')}
            </Typography.Paragraph>
            {error && (
              <Alert type="error" showIcon message={error} style={{ marginBottom: 24 }} data-testid="login-error" />
            )}
            <Form<Values> form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => void onFinish(v)} data-testid="login-form">
              <Form.Item
                name="email"
                label={t('auth.login.email')}
                rules={[
                  { required: true, message: t('auth.login.email.required') },
                  { type: 'email', message: t('auth.login.email.invalid') },
                ]}
              >
                <Input
                  prefix={<MailOutlined style={{ color: token.colorTextTertiary }} />}
                  placeholder={t('auth.login.email.placeholder')}
                  autoComplete="username"
                  autoFocus
                  data-testid="login-email"
                />
              </Form.Item>
              <Form.Item name="password" label={t('auth.login.password')} rules={[{ required: true, message: t('auth.login.password.required') }]}>
                <Input.Password
                  prefix={<LockOutlined style={{ color: token.colorTextTertiary }} />}
                  placeholder={t('auth.login.password.placeholder')}
                  autoComplete="current-password"
                  data-testid="login-password"
                />
              </Form.Item>
              <Form.Item style={{ marginBottom: 12 }}>
                <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
                  {t('auth.login.submit')}
                </Button>
              </Form.Item>
            </Form>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('auth.login.forgot')}</Typography.Text>
          </div>
        </div>
        <div style={{ textAlign: 'center', padding: 16 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('common.footer')}</Typography.Text>
        </div>
      </div>
    </div>
  );
}

import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Input, Typography, theme } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { login } from './api';
import { BrandPanel } from './components/brand-panel';
import { useSession } from '../../../app/session';
import { LogoMark } from '../../../app/layout/logo';
import { HOME_PATH } from '../../../app/paths';
import { changeLocale, errorText } from '../../../i18n';
import { updateMe } from '../../../api/session';
import { LOCALES, type Locale } from '../../../locales/meta';

interface Values {
  email: string;
  password: string;
}

type Problems = Partial<Record<keyof Values, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The sign-in form is plain: the login page loads no form library (see the console bundle budgets). */
function validate(v: Values, t: (k: string) => string): Problems {
  const p: Problems = {};
  if (!v.email.trim()) p.email = t('auth.login.email.required');
  else if (!EMAIL.test(v.email.trim())) p.email = t('auth.login.email.invalid');
  if (!v.password) p.password = t('auth.login.password.required');
  return p;
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
  const [values, setValues] = useState<Values>({ email: '', password: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A language picked here, before signing in, is saved to the account once signed in.
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const target = safeRedirect(params.get('redirect'));

  useEffect(() => {
    document.title = `${t('menu.login')} · ${t('common.app.fullName')}`;
  }, [t]);

  if (status === 'ready') return <Navigate to={target} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values, t);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
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
          {LOCALES.map((l) => (
            <Button key={l} type="text" size="small" data-testid={`login-language-${l}`}
              onClick={() => { setChosenLocale(l); void changeLocale(l); }}>
              {t(`common.language.${l}`)}
            </Button>
          ))}
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
            <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="login-form">
              <Field label={t('auth.login.email')} problem={problems.email} htmlFor="login-email">
                <Input
                  id="login-email"
                  size="large"
                  status={problems.email ? 'error' : undefined}
                  value={values.email}
                  onChange={(e) => setValues({ ...values, email: e.target.value })}
                  prefix={<MailOutlined style={{ color: token.colorTextTertiary }} />}
                  placeholder={t('auth.login.email.placeholder')}
                  autoComplete="username"
                  autoFocus
                  data-testid="login-email"
                />
              </Field>
              <Field label={t('auth.login.password')} problem={problems.password} htmlFor="login-password">
                <Input.Password
                  id="login-password"
                  size="large"
                  status={problems.password ? 'error' : undefined}
                  value={values.password}
                  onChange={(e) => setValues({ ...values, password: e.target.value })}
                  prefix={<LockOutlined style={{ color: token.colorTextTertiary }} />}
                  placeholder={t('auth.login.password.placeholder')}
                  autoComplete="current-password"
                  data-testid="login-password"
                />
              </Field>
              <Button type="primary" size="large" htmlType="submit" block loading={submitting} data-testid="login-submit" style={{ marginBottom: 12 }}>
                {t('auth.login.submit')}
              </Button>
            </form>
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

function Field({ label, problem, htmlFor, children }: { label: string; problem?: string; htmlFor: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: 24 }}>
      <label htmlFor={htmlFor} style={{ display: 'block', marginBottom: 8, fontSize: 16 }}>{label}</label>
      {children}
      {problem && <div role="alert" style={{ color: token.colorError, marginTop: 4 }}>{problem}</div>}
    </div>
  );
}

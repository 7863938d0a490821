import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './session';
import { Exception } from '../components/exception';
import { errorText } from '../i18n';
import type { AccessKey } from '../access';

function FullPageSpin() {
  return (
    <div style={{ height: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Signed-in users with a workspace only; others go to /login (with a way back). */
export function AuthGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status, loggedOut, error, workspace, reload, logout } = useSession();
  const location = useLocation();

  if (status === 'loading') return <FullPageSpin />;
  if (status === 'anonymous') {
    const back = location.pathname + location.search;
    const to = back === '/' || loggedOut ? '/login' : `/login?redirect=${encodeURIComponent(back)}`;
    return <Navigate to={to} replace />;
  }
  if (status === 'error') {
    return (
      <Result
        status="error"
        title={errorText(error)}
        extra={<Button type="primary" onClick={() => void reload()}>{t('common.action.refresh')}</Button>}
      />
    );
  }
  if (!workspace) {
    return <Exception kind="noWorkspace" extra={<Button onClick={() => void logout()}>{t('common.header.logout')}</Button>} />;
  }
  return <>{children}</>;
}

/** A route that needs one key of the access map; shows 403 otherwise. */
export function AccessRoute({ access, children }: { access?: AccessKey; children: ReactNode }) {
  const { access: granted } = useSession();
  if (access && !granted[access]) return <Exception kind="403" />;
  return <>{children}</>;
}

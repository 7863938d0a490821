import { theme } from 'antd';
import { useTranslation } from 'react-i18next';

export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden>
      <rect width="64" height="64" rx="14" fill="#1a5cff" />
      <path d="M14 38c6-14 12-14 18 0s12 14 18 0" fill="none" stroke="#fff" strokeWidth="6" strokeLinecap="round" />
      <path d="M14 26c6-10 12-10 18 0s12 10 18 0" fill="none" stroke="#9ec0ff" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}

export function Logo({ collapsed }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <div style={{ height: 56, display: 'flex', alignItems: 'center', gap: 10, padding: collapsed ? '0 26px' : '0 20px', overflow: 'hidden' }}>
      <LogoMark />
      {!collapsed && (
        <span style={{ fontSize: 18, fontWeight: 600, color: token.colorText, whiteSpace: 'nowrap', letterSpacing: 1 }}>
          {t('common.app.fullName')}
        </span>
      )}
    </div>
  );
}

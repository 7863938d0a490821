import { Typography } from 'antd';
import { BarChartOutlined, CalendarOutlined, MessageOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const FEATURES = [
  { key: 'auth.login.feature.plan', icon: <CalendarOutlined /> },
  { key: 'auth.login.feature.review', icon: <SafetyCertificateOutlined /> },
  { key: 'auth.login.feature.engage', icon: <MessageOutlined /> },
  { key: 'auth.login.feature.insight', icon: <BarChartOutlined /> },
];

/** The left half of the sign-in page: the product in one glance. Hidden on narrow screens. */
export function BrandPanel() {
  const { t } = useTranslation();
  return (
    <div className="chorus-brand-panel">
      <style>{`
        .chorus-brand-panel { width: 44%; max-width: 640px; min-height: 100vh; box-sizing: border-box; padding: 56px 64px;
          display: flex; flex-direction: column; justify-content: space-between; color: #fff; position: relative; overflow: hidden;
          background: radial-gradient(circle at 85% 10%, rgba(120,170,255,.45), transparent 45%),
                      linear-gradient(150deg, #0f3bd1 0%, #1a5cff 55%, #3b7bff 100%); }
        .chorus-brand-panel::after { content: ''; position: absolute; inset: auto -20% -30% -20%; height: 60%;
          background: repeating-radial-gradient(ellipse at 50% 100%, rgba(255,255,255,.08) 0 2px, transparent 2px 28px); }
        .chorus-brand-features { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 40px; }
        @media (max-width: 1280px) { .chorus-brand-panel { padding: 48px 40px; } .chorus-brand-features { grid-template-columns: 1fr; } }
        @media (max-width: 900px) { .chorus-brand-panel { display: none; } }
      `}</style>
      <div style={{ fontSize: 22, fontWeight: 600, letterSpacing: 2 }}>{t('common.app.fullName')}</div>
      <div style={{ position: 'relative', zIndex: 1 }}>
        <Typography.Title level={2} style={{ color: '#fff', marginBottom: 12 }}>{t('common.app.slogan')}</Typography.Title>
        <div className="chorus-brand-features">
          {FEATURES.map((f) => (
            <div key={f.key} style={{ display: 'flex', alignItems: 'center', gap: 10, padding: '14px 16px', borderRadius: 10,
              background: 'rgba(255,255,255,.12)', backdropFilter: 'blur(4px)' }}>
              <span style={{ fontSize: 18 }}>{f.icon}</span>
              <span>{t(f.key)}</span>
            </div>
          ))}
        </div>
      </div>
      <div />
    </div>
  );
}

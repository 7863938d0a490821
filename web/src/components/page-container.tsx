import type { ReactNode } from 'react';
import { Typography, theme } from 'antd';

interface Props {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}

/** A page: a white header band (title, description, actions) above the page's cards. */
export function PageContainer({ title, description, extra, children }: Props) {
  const { token } = theme.useToken();
  return (
    <div>
      <div
        style={{
          background: token.colorBgContainer,
          padding: `${token.paddingMD}px ${token.paddingLG}px`,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          display: 'flex',
          alignItems: 'flex-start',
          justifyContent: 'space-between',
          gap: token.margin,
        }}
      >
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>
          {description && (
            <Typography.Paragraph type="secondary" style={{ margin: `${token.marginXXS}px 0 0` }}>
              {description}
            </Typography.Paragraph>
          )}
        </div>
        {extra && <div style={{ flex: 'none' }}>{extra}</div>}
      </div>
      <div style={{ padding: token.paddingLG, display: 'flex', flexDirection: 'column', gap: token.marginMD }}>
        {children}
      </div>
    </div>
  );
}

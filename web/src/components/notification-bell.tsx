import { useState } from 'react';
import { App, Badge, Button, Dropdown, Empty, List, Typography, theme } from 'antd';
import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../labels';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../app/session';
import { errorText } from '../i18n';
import type { Notification } from '../pages/notifications/settings/api';
import { relativeTime } from './relative-time';
import { useNotificationFeed } from './use-notification-feed';

/** The header bell: unread count (long-polled) and the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const { workspace } = useSession();
  const navigate = useNavigate();
  const { items, unread, read } = useNotificationFeed(workspace?.id);
  const [open, setOpen] = useState(false);
  if (!workspace) return null;

  const colors: Record<string, string> = { info: token.colorPrimary, warning: token.colorWarning, critical: token.colorError };
  const safe = (run: () => Promise<void>) => run().catch((err) => message.error(errorText(err)));

  const openItem = (n: Notification) => {
    setOpen(false);
    if (!n.readAt) void safe(() => read([n.id]));
    if (!n.link) return;
    if (n.link.startsWith('/')) navigate(n.link);
    else window.open(n.link, '_blank', 'noopener');
  };

  const panel = (
    <div
      data-testid="notification-panel"
      style={{ width: 380, background: token.colorBgElevated, borderRadius: token.borderRadiusLG, boxShadow: token.boxShadowSecondary }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '10px 16px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Typography.Text strong>{t('notifications.bell.title')}{unread > 0 ? ` · ${t('notifications.bell.unread', { count: unread })}` : ''}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => void safe(() => read('all'))} data-testid="notification-read-all">
          {t('notifications.bell.readAll')}
        </Button>
      </div>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.bell.empty')} style={{ padding: '24px 0' }} /> : (
          <List
            size="small" dataSource={items}
            renderItem={(n) => (
              <List.Item
                key={n.id} onClick={() => openItem(n)} data-testid="notification-item"
                style={{ cursor: 'pointer', padding: '10px 16px', background: n.readAt ? undefined : token.colorPrimaryBg, alignItems: 'flex-start' }}
              >
                <span style={{ width: 8, height: 8, borderRadius: 4, marginTop: 7, marginRight: 10, flex: 'none', background: colors[n.severity] ?? token.colorTextQuaternary }} />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text strong={!n.readAt} ellipsis style={{ display: 'block' }}>{n.title}</Typography.Text>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>{n.body}</Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} title={relativeTime(n.createdAt, workspace.timeZone).absolute}>
                    {label('event', n.event)} · {relativeTime(n.createdAt, workspace.timeZone).label}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
      </div>
      <div style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, textAlign: 'center', padding: 6 }}>
        <Button type="link" size="small" icon={<SettingOutlined />} onClick={() => { setOpen(false); navigate('/settings/notifications'); }} data-testid="notification-settings-link">
          {t('notifications.bell.settings')}
        </Button>
      </div>
    </div>
  );

  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight" popupRender={() => panel}>
      <Button type="text" aria-label={t('notifications.bell.title')} data-testid="notification-bell" style={{ paddingInline: 8 }}>
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-unread">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}

import { App, Avatar, Dropdown, Space, Tag, Typography, theme } from 'antd';
import { CheckOutlined, DownOutlined, LogoutOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../session';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from '../../components/notification-bell';
import { errorText } from '../../i18n';

function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const { me, workspace, selectWorkspace } = useSession();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  if (!me || !workspace) return null;
  const many = me.workspaces.length > 1;

  return (
    <Dropdown
      trigger={['click']}
      disabled={!many}
      menu={{
        items: [
          { key: 'title', type: 'group', label: t('common.header.switchWorkspace'), children: me.workspaces.map((w) => ({
            key: w.id,
            label: (
              <Space style={{ minWidth: 200, justifyContent: 'space-between', width: '100%' }}>
                <span>{w.name}</span>
                {w.id === workspace.id ? <CheckOutlined style={{ color: token.colorPrimary }} /> : <Tag>{t(`common.role.${w.role}`)}</Tag>}
              </Space>
            ),
          })) },
        ],
        onClick: ({ key }) => {
          if (key === workspace.id) return;
          selectWorkspace(key);
          navigate('/dashboard');
        },
      }}
    >
      <div
        data-testid="workspace-switcher"
        style={{
          display: 'flex', alignItems: 'center', gap: 8, padding: '4px 12px', borderRadius: token.borderRadius,
          border: `1px solid ${token.colorBorderSecondary}`, cursor: many ? 'pointer' : 'default', lineHeight: '22px',
        }}
      >
        <SwapOutlined style={{ color: token.colorTextSecondary }} />
        <Typography.Text strong ellipsis style={{ maxWidth: 220 }}>{workspace.name}</Typography.Text>
        <Tag color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>{t(`common.role.${workspace.role}`)}</Tag>
        {many && <DownOutlined style={{ fontSize: 10, color: token.colorTextTertiary }} />}
      </div>
    </Dropdown>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  if (!user) return null;

  const onClick = async ({ key }: { key: string }) => {
    if (key === 'profile') navigate('/account/profile');
    if (key === 'logout') {
      try {
        await logout();
        message.success(t('auth.logout.success'));
      } catch (err) {
        message.error(errorText(err));
      }
      navigate('/login', { replace: true });
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', type: 'group', label: user.email },
          { key: 'profile', icon: <UserOutlined />, label: t('common.header.profile'), 'data-testid': 'user-menu-profile' } as never,
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('common.header.logout'), danger: true, 'data-testid': 'user-menu-logout' } as never,
        ],
        onClick: (info) => void onClick(info),
      }}
    >
      <Space data-testid="user-menu" style={{ cursor: 'pointer', padding: '0 8px' }}>
        <Avatar size="small" style={{ background: token.colorPrimary }}>{user.name.slice(0, 1).toUpperCase()}</Avatar>
        <span>{user.name}</span>
      </Space>
    </Dropdown>
  );
}

export function HeaderActions() {
  const { setLocale } = useSession();
  return (
    <Space size={12} align="center">
      <WorkspaceSwitcher />
      <NotificationBell />
      <LanguageSwitch onChange={setLocale} />
      <UserMenu />
    </Space>
  );
}

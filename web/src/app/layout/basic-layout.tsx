import { Suspense, useEffect, useMemo, useState } from 'react';
import { Button, Layout, Menu, Spin, Typography, theme, type MenuProps } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { menuGroups, moduleForPath, modules } from '../modules';
import { useSession } from '../session';
import { HeaderActions } from './header-actions';
import { Logo } from './logo';
import { ErrorBoundary } from '../../components/error-boundary';

const COLLAPSE_KEY = 'chorus.siderCollapsed';

function useMenuItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const { access } = useSession();
  return useMemo(() => {
    const visible = modules.filter((m) => !m.hideInMenu && (!m.access || access[m.access]));
    const item = (m: (typeof visible)[number]) => ({ key: m.path, icon: m.icon, label: t(m.labelKey), 'data-testid': `menu-${m.key}` });
    const top = visible.filter((m) => !m.group).map(item);
    const groups = menuGroups
      .map((g) => ({ key: `group:${g.key}`, icon: g.icon, label: t(g.labelKey), children: visible.filter((m) => m.group === g.key).map(item) }))
      .filter((g) => g.children.length > 0);
    return [...top, ...groups];
  }, [t, access]);
}

export function BasicLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { workspace } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  const items = useMenuItems();
  const current = moduleForPath(location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => menuGroups.map((g) => `group:${g.key}`));

  useEffect(() => {
    const app = t('common.app.fullName');
    document.title = current ? `${t(current.labelKey)} · ${app}` : app;
  }, [current, t]);

  const toggle = () => {
    setCollapsed(!collapsed);
    localStorage.setItem(COLLAPSE_KEY, collapsed ? '0' : '1');
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={220}
        collapsedWidth={80}
        collapsed={collapsed}
        breakpoint="lg"
        onBreakpoint={(narrow) => { if (narrow) setCollapsed(true); }}
        theme="light"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Logo collapsed={collapsed} />
        <Menu
          data-testid="layout-menu"
          mode="inline"
          items={items}
          selectedKeys={current ? [current.path] : []}
          {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
          onClick={({ key }) => navigate(key)}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer, padding: '0 16px 0 8px', height: 56, lineHeight: '56px',
            display: 'flex', alignItems: 'center', justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: 0, zIndex: 10,
          }}
        >
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={toggle}
            aria-label={t(collapsed ? 'common.header.expand' : 'common.header.collapse')}
            data-testid="layout-collapse"
          />
          <HeaderActions />
        </Layout.Header>
        <Layout.Content data-testid="layout-content">
          <ErrorBoundary resetKey={`${location.pathname}|${workspace?.id}`}>
            <Suspense fallback={<div style={{ padding: 80, textAlign: 'center' }}><Spin /></div>}>
              {/* Re-mount pages when the workspace changes so no page shows another workspace's data. */}
              <div key={workspace?.id}>
                <Outlet />
              </div>
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', padding: '16px 24px' }}>
          <Typography.Text type="secondary">{t('common.footer')}</Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}

import { ConfigProvider, theme } from 'antd';
// The ES build: `antd/locale/*` is CommonJS and arrives as `{ default }` in the bundle.
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { router } from './router';
import { SessionProvider } from './session';

const themeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1a5cff',
    colorInfo: '#1a5cff',
    borderRadius: 6,
    colorBgLayout: '#f5f7fa',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerHeight: 56, siderBg: '#ffffff', headerBg: '#ffffff' },
    Menu: { itemBorderRadius: 6, itemMarginInline: 8, subMenuItemBg: 'transparent' },
  },
};

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN} theme={themeConfig} button={{ autoInsertSpace: false }}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ConfigProvider>
  );
}

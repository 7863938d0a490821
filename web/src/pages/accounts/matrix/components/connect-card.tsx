import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONNECT_KIND, connectUrl, disconnect, storeCredentials, type Account, type CredentialsBody } from '../api';
import { errorText } from '../../../../i18n';
import { formatInZone } from '../../../../utils/time';

interface Props {
  account: Account;
  workspaceId: string;
  timeZone: string;
  canManage: boolean;
  onChanged: (account: Account) => void;
}

/**
 * Connecting an account, the way its platform allows: OAuth with the team's app id and secret
 * (redirects to the platform and back), app credentials alone (公众号), a token or app password
 * (the sandbox's printed token, Bluesky, Telegram), or nothing — an assisted platform.
 */
export function ConnectCard({ account, workspaceId, timeZone, canManage, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const kind = CONNECT_KIND[account.platform];

  const run = async (work: () => Promise<{ account: Account } | void>, done?: string) => {
    setBusy(true);
    try {
      const r = await work();
      if (r) onChanged(r.account);
      if (done) message.success(done);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const save = (body: CredentialsBody) => run(() => storeCredentials(workspaceId, account.id, body), t('accountsManage.connect.saved'));
  const authorize = () => run(async () => {
    const { authorizeUrl } = await connectUrl(workspaceId, account.id);
    window.location.assign(authorizeUrl);
  });

  if (kind === 'none') return <Alert type="info" showIcon data-testid="connect-assisted" message={t('accountsManage.connect.assisted.title')} description={t('accountsManage.connect.assisted.desc')} />;
  if (account.status !== 'active') return <Alert type="info" showIcon message={t('accountsManage.connect.notActive')} />;

  if (account.connection.connected) {
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="connect-connected">
        <Alert type="success" showIcon message={t('accountsManage.connect.connected')} />
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('accountsManage.connect.since')}>{formatInZone(account.connection.connectedAt, timeZone)}</Descriptions.Item>
          <Descriptions.Item label={t('accountsManage.connect.expires')}>
            {account.connection.tokenExpiresAt ? formatInZone(account.connection.tokenExpiresAt, timeZone) : t('accountsManage.connect.noExpiry')}
          </Descriptions.Item>
        </Descriptions>
        {canManage ? (
          <Popconfirm title={t('accountsManage.connect.disconnect.confirm')} onConfirm={() => void run(() => disconnect(workspaceId, account.id), t('accountsManage.connect.disconnected'))}>
            <Button danger loading={busy}>{t('accountsManage.connect.disconnect')}</Button>
          </Popconfirm>
        ) : null}
      </Space>
    );
  }
  if (!canManage) return <Alert type="warning" showIcon message={t('accountsManage.connect.askManager')} />;

  const tokenForm = (
    <Form layout="vertical" onFinish={(v: { accessToken: string; refreshToken?: string }) => void save({ accessToken: v.accessToken.trim(), ...(v.refreshToken?.trim() ? { refreshToken: v.refreshToken.trim() } : {}) })}>
      <Typography.Paragraph type="secondary">{t(`accountsManage.connect.token.hint.${kind === 'oauth' && account.platform !== 'sandbox' ? 'oauth' : account.platform === 'sandbox' ? 'sandbox' : kind}`)}</Typography.Paragraph>
      <Form.Item name="accessToken" label={t(kind === 'app_password' ? 'accountsManage.connect.appPassword' : 'accountsManage.connect.accessToken')} rules={[{ required: true, whitespace: true, message: t('accountsManage.required') }]}>
        <Input.Password autoComplete="off" maxLength={4000} data-testid="connect-token" />
      </Form.Item>
      {kind === 'oauth' ? <Form.Item name="refreshToken" label={t('accountsManage.connect.refreshToken')}><Input.Password autoComplete="off" maxLength={4000} /></Form.Item> : null}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="connect-token-save">{t('accountsManage.connect.save')}</Button>
    </Form>
  );
  const appForm = (
    <Form layout="vertical" onFinish={(v: { appId: string; appSecret: string }) => void save({ appId: v.appId.trim(), appSecret: v.appSecret })}>
      <Typography.Paragraph type="secondary">{t(kind === 'oauth' ? 'accountsManage.connect.app.hint.oauth' : 'accountsManage.connect.app.hint.credentials')}</Typography.Paragraph>
      <Form.Item name="appId" label={t('accountsManage.connect.appId')} rules={[{ required: true, whitespace: true, message: t('accountsManage.required') }]}>
        <Input autoComplete="off" maxLength={200} data-testid="connect-app-id" />
      </Form.Item>
      <Form.Item name="appSecret" label={t('accountsManage.connect.appSecret')} rules={[{ required: true, message: t('accountsManage.required') }]}>
        <Input.Password autoComplete="off" maxLength={1000} data-testid="connect-app-secret" />
      </Form.Item>
      <Space>
        <Button htmlType="submit" loading={busy}>{t('accountsManage.connect.saveApp')}</Button>
        {kind === 'oauth' ? <Button type="primary" loading={busy} onClick={() => void authorize()} data-testid="connect-authorize">{t('accountsManage.connect.authorize')}</Button> : null}
      </Space>
    </Form>
  );

  if (kind === 'app_credentials') return appForm;
  if (kind !== 'oauth') return tokenForm;
  // The sandbox prints a token per account, so its token form comes first; real platforms start with OAuth.
  const tabs = [
    { key: 'oauth', label: t('accountsManage.connect.tab.oauth'), children: appForm },
    { key: 'token', label: t('accountsManage.connect.tab.token'), children: tokenForm },
  ];
  return <Tabs items={account.platform === 'sandbox' ? tabs.reverse() : tabs} />;
}

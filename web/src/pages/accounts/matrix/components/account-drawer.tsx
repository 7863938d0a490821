import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Input, Modal, Popconfirm, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConnectCard } from './connect-card';
import { GrantsCard } from './grants-card';
import { fetchAccount, pauseAccount, recordSecurityCheck, resumeAccount, retireAccount, type Account } from '../api';
import type { Member } from '../../../../api/types';
import { errorText } from '../../../../i18n';
import { useLabels } from '../../../../labels';
import { formatInZone } from '../../../../utils/time';
import { useAsync } from '../../../../utils/use-async';

interface Props {
  accountId: string | null;
  workspaceId: string;
  timeZone: string;
  members: Member[];
  canManage: boolean;
  onClose: () => void;
  onChanged: () => void;
}

/** One account: its record, its connection and its grants; pause, resume, retire and the security check. */
export function AccountDrawer({ accountId, workspaceId, timeZone, members, canManage, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const loaded = useAsync(() => (accountId ? fetchAccount(workspaceId, accountId) : Promise.resolve(null)), [workspaceId, accountId]);
  const [retiring, setRetiring] = useState(false);
  const [reason, setReason] = useState('');
  const account = loaded.data?.account ?? null;

  const apply = (a: Account) => { loaded.setData({ account: a }); onChanged(); };
  const run = async (work: () => Promise<{ account: Account }>, done: string) => {
    try {
      apply((await work()).account);
      message.success(done);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const summary = account ? (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('accounts.col.platform')}>{label('platform', account.platform)}</Descriptions.Item>
        <Descriptions.Item label={t('accounts.col.type')}>{label('accountType', account.type)}</Descriptions.Item>
        <Descriptions.Item label={t('accounts.col.status')}><Tag data-testid="account-status">{label('accountStatus', account.status)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('accountsManage.field.handle')}>{`@${account.handle}`}</Descriptions.Item>
        <Descriptions.Item label={t('accountsManage.field.function')}>{account.function}</Descriptions.Item>
        <Descriptions.Item label={t('accounts.col.owner')}>{account.owner.name}</Descriptions.Item>
        <Descriptions.Item label={t('accountsManage.field.verification')}>{label('verification', account.verification)}</Descriptions.Item>
        <Descriptions.Item label={t('accountsManage.field.lastSecurityCheck')}>
          {account.health.lastSecurityCheckAt ? formatInZone(account.health.lastSecurityCheckAt, timeZone) : t('accountsManage.never')}
        </Descriptions.Item>
        <Descriptions.Item label={t('accounts.col.health')}>
          {account.health.flags.length ? account.health.flags.map((f) => <Tag key={f} color="warning">{label('healthFlag', f)}</Tag>) : <Tag color="success">{t('accounts.health.ok')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      {account.status === 'filing' ? <Alert type="info" showIcon message={t('accountsManage.filingPending')} /> : null}
      {canManage && account.status !== 'retired' ? (
        <Space wrap>
          {account.status === 'active' ? <Button onClick={() => void run(() => pauseAccount(workspaceId, account.id), t('accountsManage.paused'))}>{t('accountsManage.pause')}</Button> : null}
          {account.status === 'paused' ? <Button onClick={() => void run(() => resumeAccount(workspaceId, account.id), t('accountsManage.resumed'))}>{t('accountsManage.resume')}</Button> : null}
          {account.status !== 'filing' ? (
            <Popconfirm title={t('accountsManage.securityCheck.confirm')} onConfirm={() => void run(() => recordSecurityCheck(workspaceId, account.id), t('accountsManage.securityCheck.done'))}>
              <Button data-testid="security-check">{t('accountsManage.securityCheck')}</Button>
            </Popconfirm>
          ) : null}
          <Button danger onClick={() => { setReason(''); setRetiring(true); }}>{t('accountsManage.retire')}</Button>
        </Space>
      ) : null}
    </Space>
  ) : null;

  return (
    <Drawer open={accountId !== null} width={620} onClose={onClose} title={account ? account.displayName : t('accountsManage.loading')} destroyOnHidden data-testid="account-drawer">
      {loaded.error ? <Alert type="error" showIcon message={errorText(loaded.error)} /> : null}
      {account ? (
        <Tabs items={[
          { key: 'summary', label: t('accountsManage.tab.summary'), children: summary },
          { key: 'connect', label: <span data-testid="tab-connect">{t('accountsManage.tab.connect')}</span>, children: <ConnectCard account={account} workspaceId={workspaceId} timeZone={timeZone} canManage={canManage} onChanged={apply} /> },
          { key: 'grants', label: <span data-testid="tab-grants">{t('accountsManage.tab.grants')}</span>, children: <GrantsCard accountId={account.id} workspaceId={workspaceId} members={members} canManage={canManage} /> },
        ]} />
      ) : null}
      <Modal open={retiring} title={t('accountsManage.retire.title')} okText={t('accountsManage.retire')} okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onCancel={() => setRetiring(false)}
        onOk={() => { setRetiring(false); if (account) void run(() => retireAccount(workspaceId, account.id, reason.trim()), t('accountsManage.retired')); }}>
        <Input.TextArea rows={3} maxLength={500} value={reason} placeholder={t('accountsManage.retire.placeholder')} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Drawer>
  );
}

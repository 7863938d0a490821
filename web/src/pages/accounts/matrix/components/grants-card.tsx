import { useState } from 'react';
import { App, Button, Checkbox, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRANT_ACTIONS, fetchGrants, removeGrant, setGrant, type Grant } from '../api';
import type { Member } from '../../../../api/types';
import { errorText } from '../../../../i18n';
import { useLabels } from '../../../../labels';
import { useAsync } from '../../../../utils/use-async';

interface Props {
  accountId: string;
  workspaceId: string;
  members: Member[];
  canManage: boolean;
}

/** Who may draft, publish or reply for this account besides its owner, the owners and the managers. */
export function GrantsCard({ accountId, workspaceId, members, canManage }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const grants = useAsync(() => fetchGrants(workspaceId, accountId), [workspaceId, accountId]);
  const [userId, setUserId] = useState<string>();
  const [actions, setActions] = useState<Grant['actions']>(['draft']);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await grants.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const items = grants.data?.items ?? [];
  const candidates = members.filter((m) => !['owner', 'manager'].includes(m.role) && !items.some((g) => g.userId === m.userId));
  const options = GRANT_ACTIONS.map((a) => ({ value: a, label: label('grant', a) }));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('accountsManage.grants.desc')}</Typography.Paragraph>
      <Table<Grant> rowKey="userId" size="small" pagination={false} loading={grants.loading && !grants.data} dataSource={items} data-testid="grants-table"
        locale={{ emptyText: t('accountsManage.grants.empty') }}
        columns={[
          { title: t('accountsManage.grants.member'), dataIndex: 'userName' },
          {
            title: t('accountsManage.grants.actions'),
            render: (_, g) => (
              <Checkbox.Group options={options} value={g.actions} disabled={!canManage}
                onChange={(v) => void run(() => (v.length ? setGrant(workspaceId, accountId, g.userId, v as Grant['actions']) : removeGrant(workspaceId, accountId, g.userId)))} />
            ),
          },
          {
            title: '', width: 80,
            render: (_, g) => (canManage ? (
              <Popconfirm title={t('accountsManage.grants.remove.confirm')} onConfirm={() => void run(() => removeGrant(workspaceId, accountId, g.userId))}>
                <Button type="link" danger size="small">{t('accountsManage.grants.remove')}</Button>
              </Popconfirm>
            ) : null),
          },
        ]} />
      {canManage ? (
        <Space wrap>
          <Select showSearch optionFilterProp="label" style={{ width: 200 }} placeholder={t('accountsManage.grants.pick')} value={userId} onChange={setUserId} data-testid="grant-member"
            options={candidates.map((m) => ({ value: m.userId, label: `${m.name}（${label('role', m.role)}）` }))}
            notFoundContent={t('accountsManage.grants.noCandidates')} />
          <Checkbox.Group options={options} value={actions} onChange={(v) => setActions(v as Grant['actions'])} />
          <Button type="primary" disabled={!userId || actions.length === 0} data-testid="grant-add"
            onClick={() => void run(async () => { await setGrant(workspaceId, accountId, userId!, actions); setUserId(undefined); })}>
            {t('accountsManage.grants.add')}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}

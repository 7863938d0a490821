import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import type { MatrixRow } from '../api';

const STATUS_COLOR: Record<MatrixRow['status'], string> = { filing: 'processing', active: 'success', paused: 'warning', retired: 'default' };
const FLAG_COLOR: Record<string, string> = { token_expired: 'error', filing_overdue: 'error', token_expiring: 'warning', sync_stale: 'warning', security_check_due: 'warning' };

/** One row per account: platform, type, owner, status, health flags and cadence. */
export function MatrixTable({ items, loading, onOpen, emptyText }: { items: MatrixRow[]; loading: boolean; onOpen: (id: string) => void; emptyText: string }) {
  const { t } = useTranslation();
  const label = useLabels();
  return (
    <Table<MatrixRow>
      rowKey="id"
      data-testid="accounts-matrix-table"
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText }}
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' }, 'data-testid': `account-row-${r.handle}` } as object)}
      columns={[
        { title: t('accounts.col.name'), render: (_, r) => <Space direction="vertical" size={0}><strong>{r.displayName}</strong><span>{`@${r.handle}`}</span></Space> },
        { title: t('accounts.col.platform'), render: (_, r) => label('platform', r.platform) },
        { title: t('accounts.col.type'), render: (_, r) => label('accountType', r.type) },
        { title: t('accounts.col.owner'), render: (_, r) => r.owner.name },
        { title: t('accounts.col.status'), render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`accounts.status.${r.status}`)}</Tag> },
        { title: t('accounts.col.connected'), render: (_, r) => (r.connected ? t('accounts.connected.yes') : t('accounts.connected.no')) },
        {
          title: t('accounts.col.health'),
          render: (_, r) => (r.health.length === 0
            ? <Tag color="success">{t('accounts.health.ok')}</Tag>
            : <Space wrap>{r.health.map((f) => <Tag key={f} color={FLAG_COLOR[f]}>{t(`accounts.flag.${f}`)}</Tag>)}</Space>),
        },
        {
          title: t('accounts.col.cadence'),
          render: (_, r) => (r.cadence ? t('accounts.cadence.rule', { n: r.cadence.minPosts, per: t(`accounts.per.${r.cadence.per}`) }) : t('accounts.cadence.none')),
        },
      ]}
    />
  );
}

import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import type { Filing } from '../api';
import { formatInZone } from '../../../../utils/time';

interface Props {
  items: Filing[];
  loading: boolean;
  timeZone: string;
  role: string;
  busy: string | null;
  onApprove: (f: Filing) => void;
  onReject: (f: Filing) => void;
}

const STATUS_COLOR: Record<Filing['status'], string> = { pending: 'processing', approved: 'success', rejected: 'default' };

/** Filings with what was filed, which roles have confirmed, and the reporting deadline. */
export function FilingsTable({ items, loading, timeZone, role, busy, onApprove, onReject }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  // The owner is offered the decision too: while nobody else may approve, the server lets the owner (a one-person team).
  const mine = (f: Filing) => f.status === 'pending' && (f.requiredRoles.includes(role) || role === 'owner') && !f.approvals.some((a) => a.role === role);
  return (
    <Table<Filing>
      rowKey="id"
      data-testid="accounts-filings-table"
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('accounts.filings.empty') }}
      columns={[
        { title: t('accounts.filing.col.account'), render: (_, f) => `${f.accountName} · ${label('platform', f.platform)}` },
        { title: t('accounts.filing.col.kind'), render: (_, f) => label('filingKind', f.kind) },
        {
          title: t('accounts.filing.col.form'),
          render: (_, f) => (
            <Space direction="vertical" size={0}>
              {Object.keys(f.changes).length === 0
                ? <Typography.Text>{t('accounts.filing.purpose', { purpose: f.form.purpose })}</Typography.Text>
                : Object.entries(f.changes).map(([field, c]) => (
                  <Typography.Text key={field}>{t('accounts.filing.change', { field: t(`accounts.field.${field}`), from: c.from, to: c.to })}</Typography.Text>
                ))}
              <Typography.Text type="secondary">{t('accounts.filing.function', { fn: f.form.function })}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t('accounts.filing.col.approvals'),
          render: (_, f) => (
            <Space wrap>
              {f.requiredRoles.map((r) => <Tag key={r} color={f.approvals.some((a) => a.role === r) ? 'success' : 'default'}>{label('role', r)}</Tag>)}
            </Space>
          ),
        },
        {
          title: t('accounts.filing.col.due'),
          render: (_, f) => (f.dueAt ? <Space>{formatInZone(f.dueAt, timeZone)}{f.overdue ? <Tag color="error">{t('accounts.filings.overdue')}</Tag> : null}</Space> : null),
        },
        { title: t('accounts.filing.col.status'), render: (_, f) => <Tag color={STATUS_COLOR[f.status]} data-testid="filing-status">{label('filingStatus', f.status)}</Tag> },
        {
          title: t('accounts.filing.col.actions'),
          render: (_, f) => (mine(f) ? (
            <Space>
              <Button size="small" type="primary" loading={busy === f.id} onClick={() => onApprove(f)} data-testid={`filing-approve-${f.accountName}`}>{t('accounts.action.approve')}</Button>
              {f.kind !== 'retirement' ? <Button size="small" danger disabled={busy === f.id} onClick={() => onReject(f)}>{t('accounts.action.reject')}</Button> : null}
            </Space>
          ) : null),
        },
      ]}
    />
  );
}

import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import type { AuditEntry, Member } from '../../../../api/types';
import { DATE_TIME, formatInZone } from '../../../../utils/time';

interface Props {
  entries: AuditEntry[];
  loading: boolean;
  timeZone: string;
  members: Member[];
}

const SHOWN_ITEMS = 5;

function DetailValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (Array.isArray(value)) {
    const all = value.map((v) => String(v));
    if (all.length <= SHOWN_ITEMS) return <>{all.join(', ')}</>;
    return (
      <Tooltip title={all.join(', ')}>
        <span>{all.slice(0, SHOWN_ITEMS).join(', ')} <Typography.Link>{t('audit.details.items', { count: all.length })}</Typography.Link></span>
      </Tooltip>
    );
  }
  if (value && typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details ?? {});
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={0} style={{ fontSize: 12 }}>
      {entries.map(([k, v]) => (
        <span key={k}>
          <Typography.Text type="secondary">{k}: </Typography.Text>
          <DetailValue value={v} />
        </span>
      ))}
    </Space>
  );
}

export function AuditTable({ entries, loading, timeZone, members }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  const names = new Map(members.map((m) => [m.userId, m.name]));

  return (
    <Table<AuditEntry>
      rowKey="id"
      data-testid="audit-table"
      size="middle"
      loading={loading}
      dataSource={entries}
      pagination={false}
      locale={{ emptyText: t('audit.empty') }}
      columns={[
        {
          title: t('audit.col.at'), dataIndex: 'at', width: 180,
          render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatInZone(v, timeZone, DATE_TIME)}</span>,
        },
        {
          title: t('audit.col.actor'), dataIndex: 'actor', width: 140,
          render: (actor: AuditEntry['actor']) => actor ? actor.name || actor.id : <Tag>{t('common.label.system')}</Tag>,
        },
        {
          title: t('audit.col.action'), dataIndex: 'action', width: 200,
          render: (a: string) => <span data-testid="audit-action">{label('auditAction', a)}</span>,
        },
        {
          title: t('audit.col.target'), key: 'target', width: 220,
          render: (_, e) => {
            const name = e.targetType === 'user' && e.targetId ? names.get(e.targetId) : undefined;
            return (
              <Space size={4}>
                <Tag bordered={false}>{label('auditTarget', e.targetType)}</Tag>
                {e.targetId && (
                  <Tooltip title={e.targetId}>
                    <Typography.Text>{name ?? `${e.targetId.slice(0, 8)}…`}</Typography.Text>
                  </Tooltip>
                )}
              </Space>
            );
          },
        },
        { title: t('audit.col.details'), dataIndex: 'details', render: (d: Record<string, unknown>) => <Details details={d} /> },
      ]}
    />
  );
}

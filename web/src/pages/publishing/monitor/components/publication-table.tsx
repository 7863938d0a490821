import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import type { Publication, Tab } from '../api';
import { Instant } from './times';

export const STATE_COLORS: Record<string, string> = {
  scheduled: 'blue', publishing: 'processing', pending: 'processing', published: 'green', failed: 'red',
  unconfirmed: 'orange', handoff: 'purple', waiting_auth: 'volcano', cancelled: 'default',
};

interface Props {
  tab: Tab;
  items: Publication[];
  loading: boolean;
  timeZone: string;
  canManage: boolean;
  busy: string | null;
  onOpen: (p: Publication) => void;
  onRetry: (p: Publication) => void;
  onCancel: (p: Publication) => void;
  onConfirm: (p: Publication) => void;
}

/** One row per publication of the current tab; actions depend on its state. */
export function PublicationTable({ tab, items, loading, timeZone, canManage, busy, onOpen, onRetry, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  return (
    <Table<Publication>
      rowKey="id"
      dataSource={items}
      loading={loading}
      pagination={false}
      size="middle"
      locale={{ emptyText: t(`publishing.empty.${tab}`) }}
      onRow={(r) => ({ 'data-testid': `publication-${r.id}` }) as never}
      columns={[
        {
          title: t('publishing.col.post'),
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              <Typography.Link onClick={() => onOpen(r)} data-testid={`open-${r.id}`}>{r.title || r.text.slice(0, 40) || r.variantId}</Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.variantId}</Typography.Text>
            </Space>
          ),
        },
        { title: t('publishing.col.platform'), dataIndex: 'platform', render: (p: string) => <Tag>{label('platform', p)}</Tag> },
        { title: t('publishing.col.due'), render: (_, r) => <Instant iso={r.dueAt} timeZone={timeZone} /> },
        {
          title: t('publishing.col.state'),
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              <Tag color={STATE_COLORS[r.state]}>{t(`publishing.state.${r.state}`)}</Tag>
              {r.lastError && r.state !== 'published' ? <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: r.lastError }}>{r.lastError}</Typography.Text> : null}
            </Space>
          ),
        },
        { title: t('publishing.col.attempts'), dataIndex: 'attempts', width: 80 },
        {
          title: t('publishing.col.actions'),
          render: (_, r) => (
            <Space>
              <Button size="small" onClick={() => onOpen(r)}>{t('publishing.action.history')}</Button>
              {canManage && ['failed', 'unconfirmed', 'waiting_auth'].includes(r.state) ? (
                <Button size="small" type="primary" loading={busy === r.id} onClick={() => onRetry(r)} data-testid={`retry-${r.id}`}>{t('publishing.action.retry')}</Button>
              ) : null}
              {canManage && ['handoff', 'unconfirmed'].includes(r.state) ? (
                <Button size="small" onClick={() => onConfirm(r)} data-testid={`confirm-${r.id}`}>{t('publishing.action.confirm')}</Button>
              ) : null}
              {canManage && ['scheduled', 'waiting_auth', 'handoff', 'failed'].includes(r.state) ? (
                <Popconfirm title={t('publishing.cancel.confirm')} onConfirm={() => onCancel(r)}>
                  <Button size="small" danger disabled={busy === r.id}>{t('publishing.action.cancel')}</Button>
                </Popconfirm>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

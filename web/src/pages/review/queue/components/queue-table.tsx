import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import type { QueueItem } from '../api';
import { formatInZone } from '../../../../utils/time';

interface Props {
  items: QueueItem[];
  loading: boolean;
  timeZone: string;
  busy: string | null;
  onApprove: (item: QueueItem) => void;
  onReject: (item: QueueItem) => void;
}

/** One row per item waiting on the caller: its variants, their stages and due times. */
export function QueueTable({ items, loading, timeZone, busy, onApprove, onReject }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  return (
    <Table<QueueItem>
      rowKey={(r) => `${r.subjectType}:${r.subjectId}`}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('review.queue.empty') }}
      columns={[
        {
          title: t('review.queue.col.subject'),
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              <strong data-testid="review-title">{r.title}</strong>
              {r.authorName ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reviewPolicy.queue.author', { name: r.authorName })}</Typography.Text> : null}
              {r.selfReview ? <Tag color="gold" data-testid="review-self">{t('reviewPolicy.queue.selfReview')}</Tag> : null}
            </Space>
          ),
        },
        { title: t('review.queue.col.type'), render: (_, r) => label('contentType', r.contentType) },
        {
          title: t('review.queue.col.variants'),
          render: (_, r) => (
            <Space wrap>
              {r.variants.map((v) => (
                <Space key={v.variantId} direction="vertical" size={0} style={{ maxWidth: 420 }}>
                  <Space size={4} wrap>
                    <Tag>{`${v.accountName ?? label('platform', v.platform)} · ${v.stageName}`}</Tag>
                    {v.findings.length ? <Tag color="warning">{t('reviewPolicy.queue.findings', { n: v.findings.length })}</Tag> : null}
                    {v.changes ? <Tag color="blue">{t('reviewPolicy.queue.changed')}</Tag> : null}
                  </Space>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>{v.preview}</Typography.Paragraph>
                </Space>
              ))}
            </Space>
          ),
        },
        {
          title: t('review.queue.col.due'),
          render: (_, r) => (
            <Space>
              {formatInZone(r.dueAt, timeZone)}
              {r.overdue && <Tag color="red">{t('review.queue.overdue')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('review.queue.col.actions'),
          render: (_, r) => {
            const key = `${r.subjectType}:${r.subjectId}`;
            return (
              <Space>
                <Button type="primary" size="small" loading={busy === key} onClick={() => onApprove(r)} data-testid={`review-approve-${r.subjectId}`}>
                  {t('review.action.approve')}
                </Button>
                <Button danger size="small" disabled={busy === key} onClick={() => onReject(r)}>{t('review.action.reject')}</Button>
              </Space>
            );
          },
        },
      ]}
    />
  );
}

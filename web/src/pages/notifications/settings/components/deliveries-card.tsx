import { forwardRef, useImperativeHandle } from 'react';
import { Alert, Badge, Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import { useWorkspace } from '../../../../app/session';
import { errorText } from '../../../../i18n';
import { useAsync } from '../../../../utils/use-async';
import { DATE_TIME, formatInZone } from '../../../../utils/time';
import { fetchDeliveries, type Delivery } from '../api';
import { KIND_COLOR } from './channels-card';

const STATUS: Record<string, 'success' | 'processing' | 'warning' | 'error' | 'default'> = {
  sent: 'success', pending: 'processing', retrying: 'warning', failed: 'error',
};

export interface DeliveriesHandle {
  reload: () => void;
}

/** 投递记录: the last 100 deliveries to robots, mailboxes and webhooks, with retries and errors. */
export const DeliveriesCard = forwardRef<DeliveriesHandle>(function DeliveriesCard(_props, ref) {
  const { t } = useTranslation();
  const label = useLabels();
  const workspace = useWorkspace();
  const log = useAsync(() => fetchDeliveries(workspace.id), [workspace.id]);
  useImperativeHandle(ref, () => ({ reload: () => void log.reload() }), [log.reload]);
  const at = (iso: string | null) => (iso ? formatInZone(iso, workspace.timeZone, DATE_TIME) : '—');

  return (
    <Card
      title={t('notifications.deliveries.title')} data-testid="notify-deliveries"
      extra={<Button icon={<ReloadOutlined />} onClick={() => void log.reload()}>{t('common.action.refresh')}</Button>}
    >
      {log.error ? <Alert type="error" showIcon message={errorText(log.error)} /> : (
        <Table<Delivery>
          rowKey="id" size="small" loading={log.loading} dataSource={log.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('notifications.deliveries.empty') }}
          columns={[
            { title: t('notifications.deliveries.createdAt'), dataIndex: 'createdAt', width: 170, render: at },
            { title: t('notifications.deliveries.kind'), dataIndex: 'kind', width: 110, render: (k: string) => <Tag color={KIND_COLOR[k]} bordered={false}>{label('channel', k)}</Tag> },
            { title: t('notifications.deliveries.recipient'), dataIndex: 'recipient', ellipsis: true },
            { title: t('notifications.deliveries.event'), dataIndex: 'event', width: 150, render: (e: string) => label('event', e) },
            {
              title: t('notifications.deliveries.status'), dataIndex: 'status', width: 120,
              render: (s: string, d) => (
                <Tooltip title={d.lastError ?? undefined}>
                  <Badge status={STATUS[s] ?? 'default'} text={t(`notifications.deliveryStatus.${s}`, { defaultValue: s })} />
                </Tooltip>
              ),
            },
            { title: t('notifications.deliveries.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
            { title: t('notifications.deliveries.response'), dataIndex: 'responseStatus', width: 90, render: (s: number | null) => s ?? '—' },
            {
              title: t('notifications.deliveries.sentAt'), dataIndex: 'sentAt', width: 170,
              render: (s: string | null, d) => (s ? at(s) : d.lastError ? <Typography.Text type="danger" ellipsis style={{ maxWidth: 160 }}>{d.lastError}</Typography.Text> : '—'),
            },
          ]}
        />
      )}
    </Card>
  );
});

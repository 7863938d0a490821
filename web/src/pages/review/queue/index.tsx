import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Card, Input, Modal, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../labels';
import { approveItem, fetchQueue, rejectItem, type QueueItem } from './api';
import { QueueTable } from './components/queue-table';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { useAsync } from '../../../utils/use-async';

const keyOf = (q: QueueItem) => `${q.subjectType}:${q.subjectId}`;

export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const queue = useAsync(() => fetchQueue(workspace.id), [workspace.id]);
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<QueueItem | null>(null);
  const [reason, setReason] = useState('');

  const act = async (q: QueueItem, run: () => Promise<unknown>, done: string) => {
    setBusy(keyOf(q));
    try {
      await run();
      message.success(done);
      await queue.reload();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const data = queue.data;
  // A stage's name as the policy calls it (from the queued versions), else the default stages' names.
  const stageName = (key: string) => data?.items.flatMap((i) => i.variants).find((v) => v.stageKey === key)?.stageName ?? label('reviewStage', key);
  return (
    <PageContainer title={t('review.queue.title')} description={t('review.queue.desc')} extra={<Link to="/review/policy">{t('reviewPolicy.menu')}</Link>}>
      {queue.error ? <Alert type="error" showIcon message={errorText(queue.error)} /> : null}
      <Card>
        <Space size="large" wrap>
          <Statistic title={t('review.queue.total')} value={data?.total ?? 0} />
          <Statistic title={t('review.queue.overdue')} value={data?.overdue ?? 0} valueStyle={data?.overdue ? { color: '#cf1322' } : undefined} />
          {Object.entries(data?.counts ?? {}).map(([stage, n]) => <Tag key={stage}>{`${stageName(stage)}: ${n}`}</Tag>)}
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <QueueTable
          items={data?.items ?? []}
          loading={queue.loading && !data}
          timeZone={workspace.timeZone}
          busy={busy}
          onApprove={(q) => void act(q, () => approveItem(workspace.id, q), t('review.action.approved'))}
          onReject={(q) => { setReason(''); setRejecting(q); }}
        />
      </Card>
      <Modal
        open={rejecting !== null}
        title={t('review.reject.title')}
        okText={t('review.action.reject')}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0 }}
        onCancel={() => setRejecting(null)}
        onOk={() => {
          const q = rejecting!;
          setRejecting(null);
          void act(q, () => rejectItem(workspace.id, q, reason.trim()), t('review.action.rejected'));
        }}
      >
        <Input.TextArea rows={4} maxLength={2000} value={reason} placeholder={t('review.reject.placeholder')} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </PageContainer>
  );
}

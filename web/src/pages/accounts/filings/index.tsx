import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Card, Input, List, Modal, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../labels';
import { approveFiling, fetchFilings, fetchReminders, rejectFiling, type Filing } from './api';
import { FilingsTable } from './components/filings-table';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { formatInZone } from '../../../utils/time';
import { useAsync } from '../../../utils/use-async';

export default function AccountFilingsPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const filings = useAsync(() => fetchFilings(workspace.id), [workspace.id]);
  const reminders = useAsync(() => fetchReminders(workspace.id), [workspace.id]);
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Filing | null>(null);
  const [reason, setReason] = useState('');

  const act = async (f: Filing, run: () => Promise<unknown>, done: string) => {
    setBusy(f.id);
    try {
      await run();
      message.success(done);
      await filings.reload();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const items = filings.data?.items ?? [];
  const reminderText = (filingId: string) => {
    const f = items.find((x) => x.id === filingId);
    if (!f) return null;
    const waiting = f.requiredRoles.filter((r) => !f.approvals.some((a) => a.role === r)).map((r) => label('role', r)).join('、');
    return t('accountsManage.reminder', { account: f.accountName, platform: label('platform', f.platform), kind: label('filingKind', f.kind), waiting });
  };
  return (
    <PageContainer title={t('accounts.filings.title')} description={t('accounts.filings.desc')}
      extra={<Link to="/accounts/matrix">{t('accountsManage.register')}</Link>}>
      {filings.error ? <Alert type="error" showIcon message={errorText(filings.error)} /> : null}
      <Card>
        <Space size="large" wrap>
          <Statistic title={t('accounts.filings.pending')} value={items.filter((f) => f.status === 'pending').length} />
          <Statistic title={t('accounts.filings.overdue')} value={items.filter((f) => f.overdue).length} valueStyle={items.some((f) => f.overdue) ? { color: '#cf1322' } : undefined} />
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <FilingsTable
          items={items}
          loading={filings.loading && !filings.data}
          timeZone={workspace.timeZone}
          role={workspace.role}
          busy={busy}
          onApprove={(f) => void act(f, () => approveFiling(workspace.id, f.id), t('accounts.action.approved'))}
          onReject={(f) => { setReason(''); setRejecting(f); }}
        />
      </Card>
      {reminders.data?.items.length ? (
        <Card title={t('accounts.filings.reminders')}>
          <List size="small" dataSource={reminders.data.items} renderItem={(r) => <List.Item>{`${formatInZone(r.createdAt, workspace.timeZone)} · ${reminderText(r.filingId) ?? t('accountsManage.reminder.generic')}`}</List.Item>} />
        </Card>
      ) : null}
      <Modal
        open={rejecting !== null}
        title={t('accounts.reject.title')}
        okText={t('accounts.action.reject')}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0 }}
        onCancel={() => setRejecting(null)}
        onOk={() => {
          const f = rejecting!;
          setRejecting(null);
          void act(f, () => rejectFiling(workspace.id, f.id, reason.trim()), t('accounts.action.rejected'));
        }}
      >
        <Input.TextArea rows={4} maxLength={500} value={reason} placeholder={t('accounts.reject.placeholder')} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </PageContainer>
  );
}

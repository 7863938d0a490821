import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Space, Statistic, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { fetchMatrix } from './api';
import { AccountDrawer } from './components/account-drawer';
import { MatrixTable } from './components/matrix-table';
import { RegisterModal } from './components/register-modal';
import { listMembers } from '../../settings/members/api';
import { PageContainer } from '../../../components/page-container';
import { useAccess, useSession, useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { useLabels } from '../../../labels';
import { useAsync } from '../../../utils/use-async';

export default function AccountMatrixPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const access = useAccess();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const matrix = useAsync(() => fetchMatrix(workspace.id), [workspace.id]);
  const members = useAsync(() => listMembers(workspace.id).then((r) => r.items), [workspace.id]);
  const [registering, setRegistering] = useState(false);
  const [open, setOpen] = useState<string | null>(params.get('account') ?? params.get('connected'));
  const data = matrix.data;

  // Back from the platform's OAuth consent page (the callback redirects here with ?connected=<id>).
  useEffect(() => {
    if (params.get('connected')) {
      message.success(t('accountsManage.connect.oauthDone'));
      params.delete('connected');
      setParams(params, { replace: true });
    }
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const extra = access.canFileAccounts
    ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="account-register">{t('accountsManage.register')}</Button>
    : null;
  return (
    <PageContainer title={t('accounts.matrix.title')} description={t('accounts.matrix.desc')} extra={extra}>
      {matrix.error ? <Alert type="error" showIcon message={errorText(matrix.error)} /> : null}
      <Card>
        <Space size="large" wrap>
          <Statistic title={t('accounts.matrix.total')} value={data?.summary.total ?? 0} />
          <Statistic title={t('accounts.matrix.withIssues')} value={data?.summary.withIssues ?? 0} valueStyle={data?.summary.withIssues ? { color: '#d46b08' } : undefined} />
          {Object.entries(data?.summary.byStatus ?? {}).map(([status, n]) => <Tag key={status}>{`${label('accountStatus', status)}: ${n}`}</Tag>)}
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <MatrixTable items={data?.items ?? []} loading={matrix.loading && !data} onOpen={(id) => setOpen(id)}
          emptyText={access.canFileAccounts ? t('accountsManage.empty.canFile') : t('accounts.matrix.empty')} />
      </Card>
      <RegisterModal open={registering} workspaceId={workspace.id} members={members.data ?? []} meId={user?.id ?? ''}
        onClose={() => setRegistering(false)}
        onRegistered={() => { setRegistering(false); void matrix.reload(); navigate('/accounts/filings'); }} />
      <AccountDrawer accountId={open} workspaceId={workspace.id} timeZone={workspace.timeZone} members={members.data ?? []}
        canManage={access.canManageAccounts} onClose={() => setOpen(null)} onChanged={() => void matrix.reload()} />
    </PageContainer>
  );
}

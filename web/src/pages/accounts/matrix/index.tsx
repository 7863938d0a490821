import { Alert, Card, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchMatrix } from './api';
import { MatrixTable } from './components/matrix-table';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { useAsync } from '../../../utils/use-async';

export default function AccountMatrixPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const matrix = useAsync(() => fetchMatrix(workspace.id), [workspace.id]);
  const data = matrix.data;
  return (
    <PageContainer title={t('accounts.matrix.title')} description={t('accounts.matrix.desc')}>
      {matrix.error ? <Alert type="error" showIcon message={errorText(matrix.error)} /> : null}
      <Card>
        <Space size="large" wrap>
          <Statistic title={t('accounts.matrix.total')} value={data?.summary.total ?? 0} />
          <Statistic title={t('accounts.matrix.withIssues')} value={data?.summary.withIssues ?? 0} valueStyle={data?.summary.withIssues ? { color: '#d46b08' } : undefined} />
          {Object.entries(data?.summary.byStatus ?? {}).map(([status, n]) => <Tag key={status}>{`${t(`accounts.status.${status}`)}: ${n}`}</Tag>)}
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <MatrixTable items={data?.items ?? []} loading={matrix.loading && !data} />
      </Card>
    </PageContainer>
  );
}

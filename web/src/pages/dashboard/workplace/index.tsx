import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../labels';
import { PageContainer } from '../../../components/page-container';
import { useSession, useWorkspace } from '../../../app/session';
import { nowInZone } from '../../../utils/time';
import { ModuleCards } from './components/module-cards';
import { MyTodos } from './components/my-todos';
import { WorkspaceSummary } from './components/workspace-summary';

function greetingKey(hour: number): string {
  if (hour < 12) return 'dashboard.greeting.morning';
  if (hour < 18) return 'dashboard.greeting.afternoon';
  return 'dashboard.greeting.evening';
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { user } = useSession();
  const workspace = useWorkspace();
  const hour = nowInZone(workspace.timeZone).hour();

  return (
    <PageContainer
      title={t(greetingKey(hour), { name: user?.name ?? '' })}
      description={
        <Typography.Text type="secondary" data-testid="dashboard-role">
          {t('dashboard.role', { role: label('role', workspace.role) })}
        </Typography.Text>
      }
    >
      <MyTodos />
      <WorkspaceSummary workspace={workspace} />
      <ModuleCards />
    </PageContainer>
  );
}

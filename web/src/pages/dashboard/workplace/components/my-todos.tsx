import { Alert, Badge, Card, Col, List, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { todoSources, type TodoGroup, type TodoSource } from '../todos';
import { useSession, useWorkspace } from '../../../../app/session';
import { errorText } from '../../../../i18n';
import { formatInZone } from '../../../../utils/time';
import { useAsync } from '../../../../utils/use-async';

function TodoCard({ source }: { source: TodoSource }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { user } = useSession();
  const group = useAsync<TodoGroup>(() => source.load({ workspace, userId: user?.id ?? '', now: new Date() }), [workspace.id, user?.id]);
  const count = group.data?.count ?? 0;
  return (
    <Card size="small" loading={group.loading && !group.data} data-testid={`todo-${source.key}`}
      title={<Space>{t(source.titleKey)}<Badge count={count} showZero={false} data-testid={`todo-count-${source.key}`} /></Space>}
      extra={<Link to={source.href}>{t('todos.all')}</Link>}>
      {group.error ? <Alert type="error" showIcon message={errorText(group.error)} /> : null}
      {group.data && count === 0 ? <Typography.Text type="secondary">{t(source.emptyKey)}</Typography.Text> : null}
      {group.data && count > 0 ? (
        <List size="small" split={false} dataSource={group.data.entries}
          renderItem={(e) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Link to={e.href}>{e.textKey ? t(e.textKey, e.values) : e.text}</Link>
                {e.dueAt ? (
                  <Typography.Text type={e.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {t(e.overdue ? 'todos.overdue' : 'todos.due', { at: formatInZone(e.dueAt, workspace.timeZone) })}
                  </Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          )} />
      ) : null}
    </Card>
  );
}

/** 我的待办: what waits for the signed-in person, each group with what to do when it is empty. */
export function MyTodos() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const sources = todoSources.filter((s) => workspace.permissions.includes(s.permission));
  return (
    <Card title={t('todos.title')} data-testid="dashboard-todos">
      <Row gutter={[16, 16]}>
        {sources.map((s) => <Col key={s.key} xs={24} md={12} xl={8}><TodoCard source={s} /></Col>)}
      </Row>
    </Card>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Popconfirm, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { applyFieldErrors } from '../../../utils/form-errors';
import { useAsync } from '../../../utils/use-async';
import { createGoal, deleteGoal, listGoals, type Goal } from '../api';
import { fmtCount, usePlatformLabel } from '../format';

const METRICS = ['exposure', 'interactions', 'conversions', 'new_followers', 'net_followers', 'posts', 'interaction_rate', 'conversion_rate', 'follower_growth_rate'] as const;
const PLATFORMS = ['weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu', 'linkedin', 'mastodon', 'bluesky', 'telegram', 'sandbox'] as const;
const STATUS_COLOR = { on_track: 'green', at_risk: 'orange', off_track: 'red' } as const;

interface GoalForm { name: string; metric: (typeof METRICS)[number]; target: number; platforms?: string[]; period: [Dayjs, Dayjs] }

export default function GoalsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const platformLabel = usePlatformLabel();
  const canManage = workspace.permissions.includes('analytics.manage');
  const goals = useAsync(() => listGoals(workspace.id), [workspace.id]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<GoalForm>();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await createGoal(workspace.id, {
        name: v.name, metric: v.metric, target: v.target, scope: v.platforms?.length ? { platforms: v.platforms as never } : {},
        start: v.period[0].format('YYYY-MM-DD'), end: v.period[1].format('YYYY-MM-DD'),
      });
      setOpen(false);
      form.resetFields();
      await goals.reload();
    } catch (err) {
      const left = applyFieldErrors(form, err, ['name', 'metric', 'target']);
      if (left) message.error(left);
    }
  };
  const remove = async (id: string) => {
    try {
      await deleteGoal(workspace.id, id);
      await goals.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <PageContainer
      title={t('analytics.goals.title')} description={t('analytics.goals.description')}
      extra={canManage ? <Button type="primary" icon={<PlusOutlined />} data-testid="goal-add" onClick={() => setOpen(true)}>{t('analytics.goals.add')}</Button> : null}
    >
      <div style={{ padding: 24 }}>
        {goals.error ? <Alert type="error" message={errorText(goals.error)} /> : null}
        <Card>
          <Table<Goal>
            data-testid="goals-table" rowKey="id" loading={goals.loading} dataSource={goals.data?.items ?? []} pagination={false}
            locale={{ emptyText: <Empty description={t('analytics.goals.empty')} /> }}
            columns={[
              { title: t('analytics.goals.name'), dataIndex: 'name' },
              { title: t('analytics.goals.metric'), dataIndex: 'metric', render: (m: string) => t(`analytics.goal.metric.${m}`) },
              { title: t('analytics.goals.target'), dataIndex: 'target', align: 'right', render: fmtCount },
              { title: t('analytics.goals.platforms'), key: 'scope', render: (_: unknown, g) => (g.scope.platforms ?? []).map((p) => <Tag key={p}>{platformLabel(p)}</Tag>) },
              { title: t('analytics.goals.period'), key: 'period', render: (_: unknown, g) => `${g.start} ~ ${g.end}` },
              {
                title: t('analytics.goals.progress'), key: 'progress', width: 260,
                render: (_: unknown, g) => (
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <Progress percent={Math.round(g.progress.progress ?? 0)} size="small" status={g.progress.status === 'off_track' ? 'exception' : undefined} />
                    <Typography.Text type="secondary">
                      {t('analytics.goals.elapsed', { value: Math.round(g.progress.elapsed) })}
                      {g.progress.projected !== null ? ` · ${t('analytics.goals.projected', { value: fmtCount(Math.round(g.progress.projected)) })}` : ''}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                key: 'status', dataIndex: ['progress', 'status'],
                render: (s: Goal['progress']['status']) => (s ? <Tag color={STATUS_COLOR[s]}>{t(`analytics.goals.status.${s}`)}</Tag> : <Tag>{t('analytics.goals.status.none')}</Tag>),
              },
              {
                key: 'actions', render: (_: unknown, g) => canManage && (
                  <Popconfirm title={t('analytics.goals.deleteConfirm')} onConfirm={() => remove(g.id)}>
                    <Button size="small" danger>{t('analytics.goals.delete')}</Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      </div>
      <Modal open={open} title={t('analytics.goals.add')} onOk={submit} onCancel={() => setOpen(false)} okText={t('analytics.action.save')} cancelText={t('analytics.action.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ metric: 'exposure' }}>
          <Form.Item name="name" label={t('analytics.goals.name')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="metric" label={t('analytics.goals.metric')}>
            <Select options={METRICS.map((m) => ({ value: m, label: t(`analytics.goal.metric.${m}`) }))} />
          </Form.Item>
          <Form.Item name="target" label={t('analytics.goals.target')} rules={[{ required: true }]}><InputNumber min={0.01} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="platforms" label={t('analytics.goals.platforms')}>
            <Select mode="multiple" options={PLATFORMS.map((p) => ({ value: p, label: platformLabel(p) }))} />
          </Form.Item>
          <Form.Item name="period" label={t('analytics.goals.period')} rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import dayjs, { type Dayjs } from 'dayjs';
import { addDays, todayIn } from '../../../utils/calendar-days';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { applyFieldErrors } from '../../../utils/form-errors';
import { useAsync } from '../../../utils/use-async';
import { createCompetitor, getCompetitorBoard, listCompetitors, recordSnapshot, type Competitor, type CompetitorBoard } from '../api';
import { competitorOption, rankingOption } from '../charts';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { fmtCount, fmtPct, usePlatformLabel } from '../format';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const PLATFORMS = ['weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu', 'linkedin', 'mastodon', 'bluesky', 'telegram', 'sandbox'] as const;
type Ranked = CompetitorBoard['ranking'][number];
interface SnapshotForm { date: Dayjs; followers?: number; posts?: number; interactionRate?: number }

export default function CompetitorsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const platformLabel = usePlatformLabel();
  const canManage = workspace.permissions.includes('analytics.manage');
  const today = todayIn(workspace.timeZone);
  const [range, setRange] = useState<[string, string]>([addDays(today, -29), today]);
  const list = useAsync(() => listCompetitors(workspace.id), [workspace.id]);
  const board = useAsync(() => getCompetitorBoard(workspace.id, range[0], range[1]), [workspace.id, range[0], range[1]]);
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState<Competitor | null>(null);
  const [addForm] = Form.useForm<{ name: string; platform: string; handle?: string; notes?: string }>();
  const [snapForm] = Form.useForm<SnapshotForm>();

  const add = async () => {
    const v = await addForm.validateFields();
    try {
      await createCompetitor(workspace.id, v as never);
      setAdding(false);
      addForm.resetFields();
      await Promise.all([list.reload(), board.reload()]);
    } catch (err) {
      const left = applyFieldErrors(addForm, err, ['name', 'platform', 'handle', 'notes']);
      if (left) message.error(left);
    }
  };
  const record = async () => {
    const v = await snapForm.validateFields();
    try {
      await recordSnapshot(workspace.id, recording!.id, {
        date: v.date.format('YYYY-MM-DD'), followers: v.followers ?? null, posts: v.posts ?? null, interactionRate: v.interactionRate ?? null,
      });
      setRecording(null);
      snapForm.resetFields();
      message.success(t('analytics.competitors.saved'));
      await board.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const b = board.data;

  return (
    <PageContainer
      title={t('analytics.competitors.title')} description={t('analytics.competitors.description')}
      extra={(
        <Space wrap>
          <DatePicker.RangePicker allowClear={false} value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])} />
          {canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('analytics.competitors.add')}</Button> : null}
        </Space>
      )}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%', padding: 24 }}>
        {board.error ? <Alert type="error" message={errorText(board.error)} /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title={t('analytics.competitors.followersChart')} data-testid="competitors-followers">
              {b ? <ReactEChartsCore echarts={echarts} option={competitorOption(b, 'followers', t)} style={{ height: 300 }} notMerge /> : null}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('analytics.competitors.rateChart')}>
              {b ? <ReactEChartsCore echarts={echarts} option={competitorOption(b, 'interactionRate', t)} style={{ height: 300 }} notMerge /> : null}
            </Card>
          </Col>
        </Row>
        <Card title={t('analytics.competitors.ranking')}>
          {b && b.ranking.length ? <ReactEChartsCore echarts={echarts} option={rankingOption(b, t)} style={{ height: 60 + 40 * b.ranking.length }} notMerge /> : null}
          <Table<Ranked>
            data-testid="competitors-ranking" size="small" rowKey={(r) => `${r.platform}/${r.name}`} loading={board.loading} dataSource={b?.ranking ?? []} pagination={false}
            columns={[
              { title: t('analytics.competitors.rank'), dataIndex: 'overallRank', width: 70 },
              { title: t('analytics.competitors.name'), dataIndex: 'name', render: (v: string, r) => <Space>{v}{r.own ? <Tag color="blue">{t('analytics.competitors.own')}</Tag> : null}</Space> },
              { title: t('analytics.col.platform'), dataIndex: 'platform', render: (v: string) => platformLabel(v) },
              { title: t('analytics.competitors.followers'), dataIndex: 'followers', align: 'right', render: fmtCount },
              { title: t('analytics.competitors.postsPerWeek'), dataIndex: 'postsPerWeek', align: 'right', render: fmtCount },
              { title: t('analytics.metric.interactionRate'), dataIndex: 'interactionRate', align: 'right', render: fmtPct },
              { title: t('analytics.competitors.growth'), dataIndex: 'growth', align: 'right', render: fmtPct },
            ]}
          />
        </Card>
        <Card>
          <Table<Competitor>
            size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} pagination={false}
            columns={[
              { title: t('analytics.competitors.name'), dataIndex: 'name' },
              { title: t('analytics.col.platform'), dataIndex: 'platform', render: (v: string) => platformLabel(v) },
              { title: t('analytics.competitors.handle'), dataIndex: 'handle' },
              { title: t('analytics.competitors.notes'), dataIndex: 'notes', ellipsis: true },
              { key: 'a', render: (_: unknown, c) => canManage && <Button size="small" onClick={() => { snapForm.setFieldsValue({ date: dayjs(today) }); setRecording(c); }}>{t('analytics.competitors.record')}</Button> },
            ]}
          />
        </Card>
      </Space>
      <Modal open={adding} title={t('analytics.competitors.add')} onOk={add} onCancel={() => setAdding(false)} okText={t('analytics.action.save')} cancelText={t('analytics.action.cancel')} destroyOnHidden>
        <Form form={addForm} layout="vertical">
          <Form.Item name="name" label={t('analytics.competitors.name')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="platform" label={t('analytics.col.platform')} rules={[{ required: true }]}>
            <Select options={PLATFORMS.map((p) => ({ value: p, label: platformLabel(p) }))} />
          </Form.Item>
          <Form.Item name="handle" label={t('analytics.competitors.handle')}><Input maxLength={100} /></Form.Item>
          <Form.Item name="notes" label={t('analytics.competitors.notes')}><Input.TextArea maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={recording !== null} title={`${t('analytics.competitors.record')} · ${recording?.name ?? ''}`} onOk={record} onCancel={() => setRecording(null)} okText={t('analytics.action.save')} cancelText={t('analytics.action.cancel')}>
        <Form form={snapForm} layout="vertical">
          <Form.Item name="date" label={t('analytics.competitors.date')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="followers" label={t('analytics.competitors.followers')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="posts" label={t('analytics.competitors.postsCount')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="interactionRate" label={t('analytics.competitors.rate')}><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

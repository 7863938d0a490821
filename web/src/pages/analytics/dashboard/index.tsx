import { useMemo, useState } from 'react';
import { Alert, Breadcrumb, Card, Col, DatePicker, Descriptions, Empty, Modal, Row, Space, Spin, Statistic, Switch, Table, Typography } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import dayjs, { type Dayjs } from 'dayjs';
import { addDays, daysBetween, todayIn } from '../../../utils/calendar-days';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { useAsync } from '../../../utils/use-async';
import { getDashboard, type Dashboard } from '../api';
import { breakdownOption, heatmapOption, themeOption, trendOption } from '../charts';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { fmtCount, fmtPct, usePlatformLabel, useThemeLabel } from '../format';

echarts.use([BarChart, HeatmapChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type Post = Dashboard['posts'][number];

/** The comparison period: the same number of days just before the range. */
function previousRange(from: string, to: string) {
  const days = daysBetween(from, to) + 1;
  const end = addDays(from, -1);
  return { compareFrom: addDays(end, -(days - 1)), compareTo: end };
}

export default function AnalyticsDashboardPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const platformLabel = usePlatformLabel();
  const themeLabel = useThemeLabel();
  const [params] = useSearchParams();
  const today = todayIn(workspace.timeZone);
  const [range, setRange] = useState<[string, string]>([
    params.get('from') ?? addDays(today, -27), params.get('to') ?? today,
  ]);
  const [compare, setCompare] = useState(true);
  const [scope, setScope] = useState<{ platform?: string; account?: string }>({});
  const [post, setPost] = useState<Post | null>(null);
  const q = { from: range[0], to: range[1], ...(compare ? previousRange(range[0], range[1]) : {}), ...scope };
  const data = useAsync(() => getDashboard(workspace.id, q), [workspace.id, JSON.stringify(q)]);
  const d = data.data;

  const drill = (key: string) => {
    if (!d || d.level === 'account') return;
    setScope(d.level === 'workspace' ? { platform: key } : { platform: scope.platform, account: key });
  };
  const onEvents = useMemo(() => ({ click: (p: { dataIndex: number }) => d && drill(d.breakdown[p.dataIndex]!.key) }), [d]);

  const kpis = d && [
    { key: 'exposure', value: d.totals.exposure, change: d.change?.exposure },
    { key: 'interactions', value: d.totals.interactions, change: d.change?.interactions },
    { key: 'interactionRate', value: d.totals.interactionRate, pct: true },
    { key: 'newFollowers', value: d.totals.newFollowers, change: d.change?.newFollowers },
    { key: 'conversions', value: d.totals.conversions, change: d.change?.conversions },
    { key: 'posts', value: d.totals.posts },
  ];
  const empty = d && d.totals.posts === 0 && d.totals.exposure === null && d.totals.newFollowers === null;

  return (
    <PageContainer
      title={t('analytics.dashboard.title')}
      description={t('analytics.dashboard.description')}
      extra={(
        <Space wrap>
          <DatePicker.RangePicker
            data-testid="analytics-range" allowClear={false} value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(v) => v?.[0] && v[1] && setRange([(v[0] as Dayjs).format('YYYY-MM-DD'), (v[1] as Dayjs).format('YYYY-MM-DD')])}
          />
          <Space><Switch data-testid="analytics-compare" checked={compare} onChange={setCompare} />{t('analytics.dashboard.compare')}</Space>
        </Space>
      )}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%', padding: 24 }}>
        <Breadcrumb
          data-testid="analytics-breadcrumb"
          items={[
            { title: <a onClick={() => setScope({})}>{t('analytics.dashboard.all')}</a> },
            ...(scope.platform ? [{ title: <a onClick={() => setScope({ platform: scope.platform })}>{platformLabel(scope.platform)}</a> }] : []),
            ...(scope.account ? [{ title: scope.account }] : []),
          ]}
        />
        {data.error ? <Alert type="error" message={errorText(data.error)} /> : null}
        {!d ? <Spin /> : (
          <>
            {empty ? <Alert type="info" showIcon message={t('analytics.dashboard.empty')} /> : null}
            <Row gutter={[16, 16]}>
              {kpis!.map((k) => (
                <Col key={k.key} xs={12} md={8} xl={4}>
                  <Card size="small">
                    <Statistic title={t(`analytics.metric.${k.key}`)} value={k.pct ? fmtPct(k.value) : fmtCount(k.value)} />
                    {k.change !== undefined && k.change !== null
                      ? <Typography.Text type={k.change >= 0 ? 'success' : 'danger'}>{t('analytics.metric.change', { value: `${k.change > 0 ? '+' : ''}${k.change}%` })}</Typography.Text>
                      : null}
                  </Card>
                </Col>
              ))}
            </Row>
            <Card title={t('analytics.dashboard.trend')} data-testid="analytics-trend">
              <ReactEChartsCore echarts={echarts} option={trendOption(d, t)} style={{ height: 320 }} notMerge />
            </Card>
            <Row gutter={[16, 16]}>
              {d.level !== 'account' ? (
                <Col xs={24} xl={14}>
                  <Card title={t(d.level === 'workspace' ? 'analytics.dashboard.byPlatform' : 'analytics.dashboard.byAccount')} extra={t('analytics.dashboard.drillHint')} data-testid="analytics-breakdown">
                    <ReactEChartsCore echarts={echarts} option={breakdownOption(d, d.level === 'workspace' ? platformLabel : (k) => k, t)} style={{ height: 300 }} notMerge onEvents={onEvents} />
                  </Card>
                </Col>
              ) : null}
              <Col xs={24} xl={d.level === 'account' ? 12 : 10}>
                <Card title={t('analytics.dashboard.themes')} data-testid="analytics-themes">
                  {d.themes.length ? <ReactEChartsCore echarts={echarts} option={themeOption(d, themeLabel)} style={{ height: 300 }} notMerge /> : <Empty />}
                </Card>
              </Col>
              <Col xs={24} xl={d.level === 'account' ? 12 : 24}>
                <Card title={t('analytics.dashboard.heatmap')} data-testid="analytics-heatmap">
                  <ReactEChartsCore echarts={echarts} option={heatmapOption(d, t)} style={{ height: 300 }} notMerge />
                </Card>
              </Col>
            </Row>
            <Card title={t('analytics.dashboard.posts')}>
              <Table<Post>
                data-testid="analytics-posts" size="small" rowKey={(p) => `${p.platform}/${p.account}/${p.postId}`} dataSource={d.posts} pagination={{ pageSize: 10 }}
                onRow={(p) => ({ onClick: () => setPost(p), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('analytics.col.title'), dataIndex: 'title', ellipsis: true },
                  { title: t('analytics.col.platform'), dataIndex: 'platform', render: (v: string) => platformLabel(v) },
                  { title: t('analytics.col.account'), dataIndex: 'account' },
                  { title: t('analytics.metric.exposure'), dataIndex: 'exposure', align: 'right', render: fmtCount },
                  { title: t('analytics.metric.interactions'), dataIndex: 'interactions', align: 'right', render: fmtCount },
                  { title: t('analytics.metric.interactionRate'), dataIndex: 'interactionRate', align: 'right', render: fmtPct },
                ]}
              />
            </Card>
          </>
        )}
      </Space>
      <Modal open={post !== null} title={t('analytics.dashboard.post')} footer={null} onCancel={() => setPost(null)}>
        {post ? (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('analytics.col.title')}>{post.title}</Descriptions.Item>
            <Descriptions.Item label={t('analytics.col.platform')}>{platformLabel(post.platform)}</Descriptions.Item>
            <Descriptions.Item label={t('analytics.col.account')}>{post.account}</Descriptions.Item>
            <Descriptions.Item label={t('analytics.col.theme')}>{themeLabel(post.theme)}</Descriptions.Item>
            <Descriptions.Item label={t('analytics.col.format')}>{post.format ?? t('analytics.unknown')}</Descriptions.Item>
            <Descriptions.Item label={t('analytics.metric.exposure')}>{fmtCount(post.exposure)}</Descriptions.Item>
            <Descriptions.Item label={t('analytics.metric.interactions')}>{fmtCount(post.interactions)}</Descriptions.Item>
            <Descriptions.Item label={t('analytics.metric.interactionRate')}>{fmtPct(post.interactionRate)}</Descriptions.Item>
            <Descriptions.Item label={t('analytics.metric.conversions')}>{fmtCount(post.conversions)}</Descriptions.Item>
          </Descriptions>
        ) : null}
      </Modal>
    </PageContainer>
  );
}

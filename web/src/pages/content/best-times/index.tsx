import { useEffect, useState } from 'react';
import { Alert, Card, Descriptions, Empty, Select, Space, Tag } from 'antd';
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../labels';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { useAsync } from '../../../utils/use-async';
import { fetchAccounts, fetchBestTimes } from '../api';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export default function BestTimesPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const workspace = useWorkspace();
  const accounts = useAsync(() => fetchAccounts(workspace.id), [workspace.id]);
  const [accountId, setAccountId] = useState<string>();
  useEffect(() => { if (!accountId && accounts.data?.items[0]) setAccountId(accounts.data.items[0].id); }, [accounts.data]);
  const grid = useAsync(async () => (accountId ? fetchBestTimes(workspace.id, accountId) : undefined), [workspace.id, accountId]);
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => t(`content.weekday.${d}`));
  const g = grid.data;
  const option = g ? {
    tooltip: { formatter: (p: { value: [number, number, number, number] }) => `${days[p.value[1]]} ${p.value[0]}:00 · ${Math.round(p.value[2] * 100)}% · n=${p.value[3]}` },
    grid: { left: 60, right: 20, top: 10, bottom: 70 },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => `${h}`) },
    yAxis: { type: 'category', data: days, inverse: true },
    visualMap: { min: 0, max: 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f0f5ff', '#1677ff', '#002c8c'] } },
    series: [{ type: 'heatmap', data: g.cells.map((c) => [c.hour, c.weekday - 1, c.score, c.samples]) }],
  } : null;
  return (
    <PageContainer title={t('content.best.title')} description={t('content.best.desc')}
      extra={<Select style={{ width: 260 }} value={accountId} onChange={setAccountId} placeholder={t('content.field.accounts')}
        options={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${label('platform', a.platform)} · ${a.displayName}` }))} />}>
      {grid.error ? <Alert type="error" showIcon message={errorText(grid.error)} /> : null}
      {!g ? <Card><Empty description={t('content.best.noAccount')} /></Card> : (
        <>
          <Card size="small">
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('content.best.source')}>{t(`content.best.source.${g.source}`)}</Descriptions.Item>
              <Descriptions.Item label={t('content.best.confidence')}>{`${Math.round(g.confidence * 100)}%`}</Descriptions.Item>
              <Descriptions.Item label={t('content.best.samples')}>{g.samples}</Descriptions.Item>
            </Descriptions>
            <Space wrap>{t('content.best.suggestions')}{g.suggestions.map((s) => <Tag color="blue" key={s.at}>{DateTime.fromISO(s.at).setZone(g.timeZone).toFormat('MM-dd HH:mm')}</Tag>)}</Space>
          </Card>
          <Card data-testid="best-times-heatmap"><ReactEChartsCore echarts={echarts} option={option!} style={{ height: 360 }} notMerge /></Card>
        </>
      )}
    </PageContainer>
  );
}

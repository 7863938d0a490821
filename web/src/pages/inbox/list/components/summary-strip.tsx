import { useMemo } from 'react';
import { Card, Col, Row, Space, Statistic, Tag, Typography, theme } from 'antd';
import * as echarts from 'echarts/core';
import { PieChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { INTENTS, SENTIMENTS, type InboxSummary } from '../api';
import { INTENT_COLOR } from '../../../../components/analysis-tags';

echarts.use([PieChart, TooltipComponent, CanvasRenderer]);

/** Counts by 情感 and 意图 of what is loaded, with a small sentiment donut. */
export function SummaryStrip({ summary }: { summary: InboxSummary }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colors: Record<string, string> = { positive: token.colorSuccess, neutral: token.colorTextQuaternary, negative: token.colorError };

  const option = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [{
      type: 'pie', radius: ['48%', '78%'], avoidLabelOverlap: true, label: { show: false },
      data: SENTIMENTS.map((s) => ({ name: t(`text.sentiment.${s}`), value: summary.sentiment[s], itemStyle: { color: colors[s] } })),
    }],
  }), [summary, t, token]);

  return (
    <Card data-testid="inbox-summary" styles={{ body: { padding: '12px 24px' } }}>
      <Row gutter={24} align="middle" wrap>
        <Col flex="120px">
          {summary.analysed > 0
            ? <ReactEChartsCore echarts={echarts} option={option} style={{ height: 96, width: 110 }} notMerge />
            : <div style={{ height: 96, width: 96, borderRadius: '50%', border: `14px solid ${token.colorFillSecondary}` }} />}
        </Col>
        <Col flex="140px">
          <Statistic title={t('inbox.summary.total')} value={summary.total} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('inbox.summary.loaded')}</Typography.Text>
        </Col>
        <Col flex="auto">
          <Space direction="vertical" size={8}>
            <Space size={4} wrap>
              <Typography.Text type="secondary" style={{ minWidth: 56, display: 'inline-block', whiteSpace: 'nowrap' }}>{t('inbox.summary.sentiment')}</Typography.Text>
              {SENTIMENTS.map((s) => (
                <Tag key={s} bordered={false} color={s === 'positive' ? 'green' : s === 'negative' ? 'red' : 'default'} data-testid={`summary-sentiment-${s}`}>
                  {t(`text.sentiment.${s}`)} {summary.sentiment[s]}
                </Tag>
              ))}
            </Space>
            <Space size={4} wrap>
              <Typography.Text type="secondary" style={{ minWidth: 56, display: 'inline-block', whiteSpace: 'nowrap' }}>{t('inbox.summary.intent')}</Typography.Text>
              {INTENTS.map((i) => (
                <Tag key={i} bordered={false} color={INTENT_COLOR[i]} data-testid={`summary-intent-${i}`}>
                  {t(`text.intent.${i}`)} {summary.intent[i]}
                </Tag>
              ))}
            </Space>
          </Space>
        </Col>
      </Row>
    </Card>
  );
}

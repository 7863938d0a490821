import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../api';
import { IntentTag, KeywordTags, SentimentTag, SpamTag } from '../../../../components/analysis-tags';

export interface Row extends Analysis {
  key: number;
  text: string;
}

/** One row per analysed line: the text, 情感, 意图, 垃圾 and 关键词. */
export function ResultsTable({ rows, loading }: { rows: Row[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: ColumnsType<Row> = [
    { title: '#', dataIndex: 'key', width: 56, render: (k: number) => k + 1 },
    { title: t('text.col.text'), dataIndex: 'text', render: (s: string) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>{s}</Typography.Paragraph> },
    {
      title: t('text.col.sentiment'), key: 'sentiment', width: 130,
      filters: ['positive', 'neutral', 'negative'].map((v) => ({ text: t(`text.sentiment.${v}`), value: v })),
      onFilter: (v, r) => r.sentiment === v,
      sorter: (a, b) => a.score - b.score,
      render: (_, r) => <SentimentTag value={r.sentiment} score={r.score} />,
    },
    {
      title: t('text.col.intent'), dataIndex: 'intent', width: 100,
      filters: ['inquiry', 'complaint', 'praise', 'spam', 'other'].map((v) => ({ text: t(`text.intent.${v}`), value: v })),
      onFilter: (v, r) => r.intent === v,
      render: (v: string) => <IntentTag value={v} />,
    },
    { title: t('text.col.spam'), dataIndex: 'spam', width: 90, render: (v: boolean) => (v ? <SpamTag spam /> : <Typography.Text type="secondary">{t('text.spam.no')}</Typography.Text>) },
    { title: t('text.col.keywords'), dataIndex: 'keywords', width: 260, render: (w: string[]) => <KeywordTags words={w} /> },
  ];
  return (
    <Table<Row>
      data-testid="text-results" rowKey="key" size="small" columns={columns} dataSource={rows} loading={loading}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
    />
  );
}

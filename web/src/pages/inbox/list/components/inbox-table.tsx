import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { IntentTag, KeywordTags, SentimentTag, SpamTag } from '../../../../components/analysis-tags';
import { DATE_TIME, formatInZone } from '../../../../utils/time';
import type { Account, InboundItem } from '../api';

const TYPE_COLOR: Record<string, string> = { comment: 'blue', dm: 'purple', mention: 'cyan', follow: 'geekblue', publish_result: 'default' };

interface Props {
  items: InboundItem[];
  accounts: Map<string, Account>;
  timeZone: string;
  loading: boolean;
}

/** 评论、私信、@提及 with what the text service concluded about each. */
export function InboxTable({ items, accounts, timeZone, loading }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<InboundItem> = [
    {
      title: t('inbox.col.time'), dataIndex: 'occurredAt', width: 100,
      render: (iso: string) => <Tooltip title={formatInZone(iso, timeZone, DATE_TIME)}>{formatInZone(iso, timeZone, 'MM-DD HH:mm')}</Tooltip>,
    },
    { title: t('inbox.col.type'), dataIndex: 'type', width: 80, render: (v: string) => <Tag color={TYPE_COLOR[v]} bordered={false}>{t(`inbox.type.${v}`, { defaultValue: v })}</Tag> },
    {
      title: t('inbox.col.account'), dataIndex: 'accountId', width: 160,
      render: (id: string, r) => {
        const a = accounts.get(id);
        return (
          <Space direction="vertical" size={0}>
            <Typography.Text ellipsis style={{ maxWidth: 160 }}>{a?.displayName ?? '—'}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`inbox.platform.${r.platform}`, { defaultValue: r.platform })}</Typography.Text>
          </Space>
        );
      },
    },
    { title: t('inbox.col.author'), dataIndex: 'author', width: 120, ellipsis: true, render: (a: InboundItem['author']) => a?.name ?? a?.id ?? '—' },
    {
      title: t('inbox.col.text'), dataIndex: 'text',
      render: (text: string | null) => (text
        ? <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>{text}</Typography.Paragraph>
        : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('inbox.col.analysis'), key: 'analysis', width: 150,
      render: (_, r) => (r.analysis ? (
        <Space size={0} wrap>
          <SentimentTag value={r.analysis.sentiment} />
          {r.analysis.intent && <IntentTag value={r.analysis.intent} />}
          <SpamTag spam={r.analysis.spam} />
        </Space>
      ) : <Typography.Text type="secondary">{t('inbox.notAnalysed')}</Typography.Text>),
    },
    { title: t('inbox.col.keywords'), key: 'keywords', width: 170, render: (_, r) => <KeywordTags words={r.analysis?.keywords ?? []} /> },
  ];
  return (
    <Table<InboundItem>
      data-testid="inbox-table" rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false}
      locale={{ emptyText: t('inbox.empty') }}
    />
  );
}

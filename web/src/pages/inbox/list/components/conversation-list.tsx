import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { IntentTag, SentimentTag } from '../../../../components/analysis-tags';
import type { Conversation, Member } from '../api';

export const PRIORITY_COLOR: Record<string, string> = { critical: 'red', high: 'volcano', normal: 'blue', low: 'default' };
export const STATUS_COLOR: Record<string, string> = { open: 'gold', pending: 'processing', resolved: 'success', spam: 'default' };
const SLA_COLOR: Record<string, string> = { ok: 'default', warning: 'warning', breached: 'error' };

interface Props {
  items: Conversation[]; loading: boolean; activeId: string | null; members: Map<string, Member>; timeZone: string;
  selected: string[]; onSelect(ids: string[]): void; onOpen(id: string): void;
}

export function ConversationList({ items, loading, activeId, members, timeZone, selected, onSelect, onOpen }: Props) {
  const { t } = useTranslation();
  const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const columns: ColumnsType<Conversation> = [
    { title: t('inbox.col.priority'), dataIndex: 'priority', width: 80, render: (v: string) => <Tag color={PRIORITY_COLOR[v]} data-testid={`priority-${v}`}>{t(`inbox.priority.${v}`)}</Tag> },
    { title: t('inbox.col.type'), dataIndex: 'kind', width: 72, render: (v: string) => <Tag bordered={false}>{t(`inbox.type.${v}`)}</Tag> },
    { title: t('inbox.col.author'), key: 'author', width: 120, ellipsis: true, render: (_, r) => r.author.name || r.author.id },
    {
      title: t('inbox.col.text'), key: 'text',
      render: (_, r) => (
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Typography.Text ellipsis={{ tooltip: r.lastMessage.text }} style={{ maxWidth: 480 }}>{r.lastMessage.text}</Typography.Text>
          <Space size={4} wrap>
            {r.lastMessage.sentiment ? <SentimentTag value={r.lastMessage.sentiment} /> : null}
            {r.lastMessage.intent ? <IntentTag value={r.lastMessage.intent} /> : null}
            {r.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{time(r.lastMessage.at)}</Typography.Text>
          </Space>
        </Space>
      ),
    },
    { title: t('inbox.col.messages'), dataIndex: 'messageCount', width: 64 },
    { title: t('inbox.col.status'), dataIndex: 'status', width: 88, render: (v: string) => <Tag color={STATUS_COLOR[v]} data-testid={`status-${v}`}>{t(`inbox.status.${v}`)}</Tag> },
    { title: t('inbox.col.assignee'), dataIndex: 'assigneeUserId', width: 100, render: (v: string | null) => (v ? members.get(v)?.name ?? '—' : <Typography.Text type="secondary">{t('inbox.detail.unassigned')}</Typography.Text>) },
    {
      title: t('inbox.col.sla'), key: 'sla', width: 130,
      render: (_, r) => (r.firstResponseAt
        ? <Tag color={SLA_COLOR[r.slaState]}>{t(r.slaState === 'breached' ? 'inbox.sla.breached' : 'inbox.sla.answered')}</Tag>
        : r.slaDueAt && (r.status === 'open' || r.status === 'pending')
          ? <Tooltip title={t('inbox.sla.due', { time: time(r.slaDueAt) })}><Tag color={SLA_COLOR[r.slaState]} data-testid={`sla-${r.slaState}`}>{r.slaState === 'ok' ? time(r.slaDueAt) : t(`inbox.sla.${r.slaState}`)}</Tag></Tooltip>
          : null),
    },
  ];
  return (
    <Table<Conversation>
      data-testid="inbox-table" rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false}
      locale={{ emptyText: t('inbox.emptyConversations') }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys as string[]) }}
      rowClassName={(r) => (r.id === activeId ? 'ant-table-row-selected inbox-active' : '')}
      onRow={(r) => ({ onClick: () => onOpen(r.id), 'data-conversation': r.id } as React.HTMLAttributes<HTMLElement>)}
    />
  );
}

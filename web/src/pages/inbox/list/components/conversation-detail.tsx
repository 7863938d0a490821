import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Drawer, Empty, Input, Select, Space, Tag, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/request';
import { errorText } from '../../../../i18n';
import { IntentTag, SentimentTag } from '../../../../components/analysis-tags';
import {
  PRIORITIES, moderate, patchConversation, retryReply, sendReply, type Conversation, type Finding, type Member, type Message,
} from '../api';
import { PRIORITY_COLOR, STATUS_COLOR } from './conversation-list';

interface Props {
  workspaceId: string; timeZone: string; data: { conversation: Conversation; messages: Message[] } | null;
  members: Member[]; canReply: boolean; onClose(): void; onChanged(): void;
}

export interface DetailHandle { focusReply(): void }

/** One conversation: the thread, triage controls and the reply box (compliance findings shown when blocked). */
export const ConversationDetail = forwardRef<DetailHandle, Props>(function ConversationDetail({ workspaceId, timeZone, data, members, canReply, onClose, onChanged }, ref) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [asDm, setAsDm] = useState(false);
  const [sending, setSending] = useState(false);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const input = useRef<InputRef>(null);
  useImperativeHandle(ref, () => ({ focusReply: () => input.current?.focus() }), []);
  const c = data?.conversation;
  const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone });

  const run = async (fn: () => Promise<unknown>, ok?: string) => {
    try {
      await fn();
      if (ok) message.success(ok);
      onChanged();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const patch = (p: Parameters<typeof patchConversation>[2]) => run(() => patchConversation(workspaceId, c!.id, p));

  const send = async () => {
    if (!c || !text.trim()) return;
    setSending(true);
    setFindings(null);
    try {
      await sendReply(workspaceId, c.id, { text, private: asDm || undefined });
      setText('');
      message.success(t('inbox.reply.queued'));
      onChanged();
    } catch (err) {
      const body = err instanceof ApiError ? (err.body as { code: string; findings?: Finding[] }) : null;
      if (body?.code === 'compliance.blocked') setFindings(body.findings ?? []);
      else message.error(errorText(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Drawer open={!!data} onClose={onClose} width={640} title={t('inbox.detail.title')} destroyOnHidden data-testid="inbox-detail" mask={false}>
      {c ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={STATUS_COLOR[c.status]} data-testid="detail-status">{t(`inbox.status.${c.status}`)}</Tag>
            <Typography.Text strong>{c.author.name || c.author.id}</Typography.Text>
            <Tag bordered={false}>{t(`inbox.type.${c.kind}`)}</Tag>
            <Tag bordered={false}>{t(`inbox.platform.${c.platform}`, { defaultValue: c.platform })}</Tag>
            {c.slaDueAt && !c.firstResponseAt ? <Typography.Text type={c.slaState === 'ok' ? 'secondary' : 'danger'}>{t('inbox.sla.due', { time: time(c.slaDueAt) })}</Typography.Text> : null}
          </Space>
          <Space wrap>
            <Select
              data-testid="detail-assignee" style={{ width: 160 }} value={c.assigneeUserId ?? ''} disabled={!canReply}
              options={[{ value: '', label: t('inbox.detail.unassigned') }, ...members.map((m) => ({ value: m.userId, label: m.name }))]}
              onChange={(v) => void patch({ assigneeUserId: v || null })}
            />
            <Select
              data-testid="detail-priority" style={{ width: 100 }} value={c.priority} disabled={!canReply}
              options={PRIORITIES.map((p) => ({ value: p, label: <Tag color={PRIORITY_COLOR[p]}>{t(`inbox.priority.${p}`)}</Tag> }))}
              onChange={(v) => void patch({ priority: v })}
            />
            {c.status === 'resolved' || c.status === 'spam'
              ? <Button disabled={!canReply} onClick={() => void patch({ status: 'open' })} data-testid="detail-reopen">{t('inbox.detail.reopen')}</Button>
              : (
                <>
                  <Button disabled={!canReply || c.status === 'pending'} onClick={() => void patch({ status: 'pending' })}>{t('inbox.detail.pending')}</Button>
                  <Button type="primary" disabled={!canReply} onClick={() => void patch({ status: 'resolved' })} data-testid="detail-resolve">{t('inbox.detail.resolve')}</Button>
                </>
              )}
            {c.kind === 'comment' && canReply ? (
              <Button danger onClick={() => void run(() => moderate(workspaceId, c.id, 'hide'), t('inbox.detail.moderated', { count: 1 }))}>{t('inbox.detail.hide')}</Button>
            ) : null}
          </Space>
          <Select
            mode="tags" style={{ width: '100%' }} value={c.tags} placeholder={t('inbox.detail.tagsPlaceholder')} disabled={!canReply}
            onChange={(tags: string[]) => void patch({ tags })} data-testid="detail-tags" open={false} suffixIcon={null}
          />
          <div data-testid="detail-thread" style={{ maxHeight: 420, overflowY: 'auto' }}>
            {data!.messages.length === 0 ? <Empty description={t('inbox.detail.noMessages')} /> : data!.messages.map((m) => (
              <div key={m.id} data-testid={`message-${m.direction}`} style={{ display: 'flex', justifyContent: m.direction === 'out' ? 'flex-end' : 'flex-start', marginBottom: 12 }}>
                <div style={{ maxWidth: '80%', padding: '8px 12px', borderRadius: 8, background: m.direction === 'out' ? '#e6f4ff' : '#f5f5f5' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.direction === 'out' ? t('inbox.msg.we') : m.author?.name ?? ''} · {time(m.at)}
                    {m.private ? ` · ${t('inbox.msg.private')}` : ''}
                  </Typography.Text>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{m.text}</div>
                  <Space size={4} wrap>
                    {m.sentiment ? <SentimentTag value={m.sentiment} /> : null}
                    {m.intent ? <IntentTag value={m.intent} /> : null}
                    {m.moderation ? <Tag>{t(`inbox.detail.${m.moderation}`)}</Tag> : null}
                    {m.status ? <Tag color={m.status === 'failed' ? 'error' : m.status === 'sent' ? 'success' : 'processing'} data-testid={`reply-${m.status}`}>{t(`inbox.msg.${m.status}`)}</Tag> : null}
                    {m.status === 'failed' && canReply ? <Button size="small" onClick={() => void run(() => retryReply(workspaceId, c.id, m.id))}>{t('inbox.msg.retry')}</Button> : null}
                  </Space>
                  {m.error && m.status === 'failed' ? <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>{m.error}</Typography.Text> : null}
                </div>
              </div>
            ))}
          </div>
          {canReply ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              {findings ? (
                <Alert
                  type="error" showIcon data-testid="reply-findings" message={t('inbox.reply.blocked')}
                  description={<ul style={{ margin: 0, paddingLeft: 16 }}>{findings.map((f, i) => <li key={i}>「{f.match}」{f.message}{f.suggestion ? ` — ${f.suggestion}` : ''}</li>)}</ul>}
                />
              ) : null}
              <Input.TextArea
                ref={input as never} data-testid="reply-text" rows={3} maxLength={2000} value={text} placeholder={t('inbox.reply.placeholder')}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void send(); }}
              />
              <Space>
                {c.kind !== 'dm' ? <Checkbox checked={asDm} onChange={(e) => setAsDm(e.target.checked)}>{t('inbox.reply.private')}</Checkbox> : null}
                <Button type="primary" loading={sending} disabled={!text.trim()} onClick={() => void send()} data-testid="reply-send">{t('inbox.reply.send')}</Button>
              </Space>
            </Space>
          ) : <Typography.Text type="secondary">{t('inbox.reply.noPermission')}</Typography.Text>}
        </Space>
      ) : null}
    </Drawer>
  );
});

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Badge, Button, Card, Input, Select, Space, Typography } from 'antd';
import { CloudDownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/page-container';
import { Exception } from '../../../components/exception';
import { useSession, useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import {
  KINDS, PRIORITIES, SENTIMENTS, SLA_STATES, STATUSES, collectNow, fetchAccounts, fetchConversation, fetchConversations, fetchMembers,
  fetchSummary, filtersFromParams, filtersToParams, patchConversation, step, streamUrl,
  type Account, type Conversation, type InboxFilters, type Member, type Message, type Summary,
} from './api';
import { ConversationDetail, type DetailHandle } from './components/conversation-detail';
import { ConversationList } from './components/conversation-list';
import { SummaryStrip } from './components/summary-strip';

/** 互动收件箱: conversations from every account, triaged by keyboard, answered through the platforms, live. */
export default function InboxPage() {
  const workspace = useWorkspace();
  if (!workspace.permissions.includes('inbox.read')) return <Exception kind="403" />;
  return <Inbox />;
}

function Inbox() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const me = useSession().user?.id ?? '';
  const canReply = workspace.permissions.includes('inbox.reply');
  const [params, setParams] = useSearchParams();
  // Filters and the open conversation live in the address, so a notification or a colleague can link to them.
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const openId = params.get('conversation');
  const setAddress = (next: InboxFilters, conversation: string | null = openId) =>
    setParams(filtersToParams(next, { conversation: conversation ?? undefined }), { replace: true });

  const [items, setItems] = useState<Conversation[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [detail, setDetail] = useState<{ conversation: Conversation; messages: Message[] } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [collectAccount, setCollectAccount] = useState<string>();
  const [version, setVersion] = useState(0);
  const [live, setLive] = useState(false);
  const detailRef = useRef<DetailHandle>(null);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    fetchAccounts(workspace.id).then((r) => setAccounts(r.items.filter((a) => a.status !== 'retired')), () => setAccounts([]));
    fetchMembers(workspace.id).then((r) => setMembers(r.items), () => setMembers([]));
  }, [workspace.id]);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    Promise.all([fetchConversations(workspace.id, filters), fetchSummary(workspace.id)])
      .then(([list, s]) => {
        if (!alive) return;
        setItems(list.items);
        setNextCursor(list.nextCursor);
        setSummary(s);
        setError(null);
      })
      .catch((err) => alive && setError(err))
      .finally(() => alive && setLoading(false));
    return () => { alive = false; };
  }, [workspace.id, filters, version]);

  useEffect(() => {
    if (!openId) { setDetail(null); return; }
    let alive = true;
    fetchConversation(workspace.id, openId).then((d) => alive && setDetail(d), (err) => alive && message.error(errorText(err)));
    return () => { alive = false; };
  }, [workspace.id, openId, version, message]);

  // Live updates: the server pushes the ids of changed conversations; reload once per burst.
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(streamUrl(workspace.id), { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener('ready', () => setLive(true));
    source.addEventListener('conversation', () => {
      clearTimeout(timer);
      timer = setTimeout(reload, 400);
    });
    source.onerror = () => setLive(false);
    return () => { clearTimeout(timer); source.close(); };
  }, [workspace.id, reload]);

  const open = (id: string | null) => { setActiveId(id); setAddress(filters, id); };
  const loadMore = async () => {
    if (!nextCursor) return;
    try {
      const r = await fetchConversations(workspace.id, filters, nextCursor);
      setItems((prev) => [...prev, ...r.items.filter((i) => !prev.some((p) => p.id === i.id))]);
      setNextCursor(r.nextCursor);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const bulk = async (ids: string[], patch: Parameters<typeof patchConversation>[2]) => {
    if (!canReply || ids.length === 0) return;
    try {
      for (const id of ids) await patchConversation(workspace.id, id, patch);
      message.success(t('inbox.bulk.done', { count: ids.length }));
      setSelected([]);
      reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const collect = async () => {
    if (!collectAccount) return;
    try {
      const r = await collectNow(workspace.id, collectAccount);
      message.success(t('inbox.collect.done', { received: r.received, stored: r.stored }));
      reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  // Keyboard triage: j/k move, Enter open, r reply, a assign to me, e resolve (not while typing).
  const keyState = useRef({ items, activeId, openId });
  keyState.current = { items, activeId, openId };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.metaKey || e.ctrlKey || e.altKey || (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)))) return;
      const { items: list, activeId: cur, openId: opened } = keyState.current;
      const target = cur ?? opened;
      if (e.key === 'j' || e.key === 'k') { setActiveId(step(list.map((i) => i.id), target, e.key === 'j' ? 1 : -1)); e.preventDefault(); }
      else if (e.key === 'Enter' && target) open(target);
      else if (e.key === 'r' && target) { open(target); setTimeout(() => detailRef.current?.focusReply(), 300); e.preventDefault(); }
      else if (e.key === 'a' && target) void bulk([target], { assigneeUserId: me });
      else if (e.key === 'e' && target) void bulk([target], { status: 'resolved' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const memberById = useMemo(() => new Map(members.map((m) => [m.userId, m])), [members]);
  const select = <K extends keyof InboxFilters>(key: K, values: readonly string[], label: (v: string) => string, placeholder: string, width = 130) => (
    <Select
      allowClear data-testid={`inbox-filter-${key}`} placeholder={placeholder} style={{ width }} value={filters[key]}
      onChange={(v) => setAddress({ ...filters, [key]: v || undefined })} options={values.map((v) => ({ value: v, label: label(v) }))}
    />
  );

  return (
    <PageContainer
      title={t('inbox.title')}
      description={t('inbox.desc')}
      extra={(
        <Space>
          <Badge status={live ? 'processing' : 'default'} text={t('inbox.live')} />
          <Space.Compact>
            <Select
              data-testid="inbox-collect-account" placeholder={t('inbox.collect.pick')} style={{ width: 220 }} value={collectAccount}
              onChange={setCollectAccount} showSearch optionFilterProp="label" notFoundContent={t('inbox.collect.noAccounts')}
              options={accounts.filter((a) => a.status === 'active').map((a) => ({ value: a.id, label: `${t(`inbox.platform.${a.platform}`, { defaultValue: a.platform })} · ${a.displayName}` }))}
            />
            <Button type="primary" icon={<CloudDownloadOutlined />} disabled={!collectAccount} onClick={() => void collect()} data-testid="inbox-collect">{t('inbox.collect.now')}</Button>
          </Space.Compact>
        </Space>
      )}
    >
      <SummaryStrip summary={summary} onPick={(f) => setAddress(f, null)} />
      <Card
        title={(
          <Space wrap style={{ padding: '8px 0' }}>
            {select('status', STATUSES, (v) => t(`inbox.status.${v}`), t('inbox.filter.status'), 110)}
            {select('assigneeUserId', ['me', 'none', ...members.map((m) => m.userId)], (v) => (v === 'me' ? t('inbox.filter.me') : v === 'none' ? t('inbox.filter.none') : memberById.get(v)?.name ?? v), t('inbox.filter.assignee'))}
            {select('priority', PRIORITIES, (v) => t(`inbox.priority.${v}`), t('inbox.filter.priority'), 110)}
            {select('slaState', SLA_STATES, (v) => t(`inbox.sla.${v}`), t('inbox.filter.sla'), 110)}
            {select('kind', KINDS, (v) => t(`inbox.type.${v}`), t('inbox.filter.type'), 110)}
            {select('sentiment', SENTIMENTS, (v) => t(`text.sentiment.${v}`), t('inbox.filter.sentiment'), 110)}
            {select('accountId', accounts.map((a) => a.id), (v) => accounts.find((a) => a.id === v)?.displayName ?? v, t('inbox.filter.account'), 160)}
            <Input.Search
              allowClear data-testid="inbox-search" placeholder={t('inbox.filter.search')} style={{ width: 200 }} defaultValue={filters.q}
              onSearch={(q) => setAddress({ ...filters, q: q.trim() || undefined })}
            />
          </Space>
        )}
        extra={<Button icon={<ReloadOutlined />} onClick={reload}>{t('common.action.refresh')}</Button>}
      >
        {error ? <Alert type="error" showIcon message={errorText(error)} style={{ marginBottom: 16 }} /> : null}
        <Space style={{ marginBottom: 12 }} wrap>
          {selected.length > 0 && canReply ? (
            <>
              <Typography.Text>{t('inbox.bulk.selected', { count: selected.length })}</Typography.Text>
              <Button size="small" data-testid="bulk-assign-me" onClick={() => void bulk(selected, { assigneeUserId: me })}>{t('inbox.bulk.assignMe')}</Button>
              <Button size="small" data-testid="bulk-resolve" onClick={() => void bulk(selected, { status: 'resolved' })}>{t('inbox.bulk.resolve')}</Button>
              <Button size="small" onClick={() => void bulk(selected, { status: 'spam' })}>{t('inbox.bulk.spam')}</Button>
            </>
          ) : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('inbox.keys.hint')}</Typography.Text>}
        </Space>
        <ConversationList
          items={items} loading={loading} activeId={activeId ?? openId} members={memberById} timeZone={workspace.timeZone}
          selected={selected} onSelect={setSelected} onOpen={open}
        />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {nextCursor
            ? <Button onClick={() => void loadMore()} data-testid="inbox-load-more">{t('common.action.loadMore')}</Button>
            : items.length > 0 && <Typography.Text type="secondary">{t('common.action.noMore')}</Typography.Text>}
        </div>
      </Card>
      <ConversationDetail
        ref={detailRef} workspaceId={workspace.id} timeZone={workspace.timeZone} data={detail} members={members} canReply={canReply}
        onClose={() => open(null)} onChanged={reload}
      />
    </PageContainer>
  );
}

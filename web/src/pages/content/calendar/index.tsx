import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Select, Space } from 'antd';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin from '@fullcalendar/interaction';
import type { DatesSetArg, EventDropArg, EventInput } from '@fullcalendar/core';
import { useTranslation } from 'react-i18next';
import { useLabels, type LabelKind } from '../../../labels';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { useAsync } from '../../../utils/use-async';
import { nowInZone } from '../../../utils/time';
import { fetchAccounts, fetchCalendar, fetchMembers, moveItem } from '../api';
import { ItemEditor } from '../components/item-editor';

const STATUS_COLOR: Record<string, string> = {
  idea: '#bfbfbf', draft: '#8c8c8c', in_review: '#faad14', approved: '#52c41a', scheduled: '#1677ff', published: '#722ed1', cancelled: '#d9d9d9',
};
const NODE_COLOR: Record<string, string> = { festival: '#fff1f0', commerce: '#fff7e6', industry: '#e6f4ff', workspace: '#f6ffed' };

export default function ContentCalendarPage() {
  const { t, i18n } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [filter, setFilter] = useState<Record<string, string | undefined>>(() => {
    const q = new URLSearchParams(window.location.search);
    return { accountId: q.get('accountId') ?? undefined };
  });
  // ?item=<id> (a link from the 工作台 to-dos) opens that item's editor.
  const [editing, setEditing] = useState<{ id: string | null; date?: string } | null>(() => {
    const item = new URLSearchParams(window.location.search).get('item');
    return item ? { id: item } : null;
  });
  const accounts = useAsync(() => fetchAccounts(workspace.id), [workspace.id]);
  const members = useAsync(() => fetchMembers(workspace.id), [workspace.id]);
  const cal = useAsync(async () => (range ? fetchCalendar(workspace.id, { ...range, ...filter }) : undefined), [workspace.id, range?.from, range?.to, JSON.stringify(filter)]);

  const events = useMemo<EventInput[]>(() => {
    const d = cal.data;
    if (!d) return [];
    const items: EventInput[] = d.items.filter((i) => i.date).map((i) => ({
      id: i.id, title: `${i.platforms.map((p) => label('platform', p)).join('/')} · ${i.topic}`, start: `${i.date}T${i.time}:00`,
      backgroundColor: STATUS_COLOR[i.status], borderColor: STATUS_COLOR[i.status], editable: i.status !== 'published' && i.status !== 'cancelled',
      extendedProps: { status: i.status },
    }));
    const nodes: EventInput[] = d.nodes.map((n) => ({ start: n.date, allDay: true, display: 'background', title: n.name, backgroundColor: NODE_COLOR[n.kind] }));
    const labels: EventInput[] = d.nodes.map((n) => ({ start: n.date, allDay: true, title: `🎉 ${n.name}`, editable: false, backgroundColor: 'transparent', borderColor: 'transparent', textColor: '#cf1322', classNames: ['content-node'] }));
    return [...nodes, ...labels, ...items];
  }, [cal.data, t]);

  const onDatesSet = (arg: DatesSetArg) => {
    const from = arg.startStr.slice(0, 10);
    const to = new Date(arg.end.getTime() - 86_400_000).toISOString().slice(0, 10);
    if (from !== range?.from || to !== range?.to) setRange({ from, to });
  };

  const onDrop = async (arg: EventDropArg) => {
    const date = arg.event.start!.toISOString().slice(0, 10);
    try {
      await moveItem(workspace.id, arg.event.id, date);
      message.success(t('content.calendar.moved', { date }));
      await cal.reload();
    } catch (err) {
      arg.revert();
      message.error(t('content.calendar.refused', { reason: errorText(err) }));
    }
  };

  const opt = (xs: string[], kind: LabelKind) => xs.map((x) => ({ value: x, label: label(kind, x) }));
  const warnings = cal.data?.cadence ?? [];
  return (
    <PageContainer title={t('content.calendar.title')} description={t('content.calendar.desc')}
      extra={<Button type="primary" data-testid="calendar-new" onClick={() => setEditing({ id: null })}>{t('content.editor.new')}</Button>}>
      <Card size="small">
        <Space wrap data-testid="calendar-filters">
          <Select allowClear placeholder={t('content.field.platform')} style={{ width: 140 }} value={filter.platform} onChange={(v) => setFilter({ ...filter, platform: v })}
            options={opt(['weibo', 'wechat', 'douyin', 'kuaishou', 'xiaohongshu', 'bilibili', 'zhihu', 'linkedin', 'mastodon', 'bluesky', 'telegram', 'sandbox'], 'platform')} />
          <Select allowClear placeholder={t('content.field.accounts')} style={{ width: 200 }} value={filter.accountId} onChange={(v) => setFilter({ ...filter, accountId: v })}
            options={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.displayName }))} />
          <Select allowClear placeholder={t('content.field.themeClass')} style={{ width: 140 }} value={filter.themeClass} onChange={(v) => setFilter({ ...filter, themeClass: v })}
            options={opt(['brand', 'product', 'industry', 'interactive', 'trending'], 'theme')} />
          <Select allowClear placeholder={t('content.field.owner')} style={{ width: 140 }} value={filter.ownerId} onChange={(v) => setFilter({ ...filter, ownerId: v })}
            options={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))} />
          <Select allowClear placeholder={t('content.field.status')} style={{ width: 140 }} value={filter.status} onChange={(v) => setFilter({ ...filter, status: v })}
            options={opt(['idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'cancelled'], 'contentStatus')} />
        </Space>
      </Card>
      {cal.data?.thinWeek ? <Alert type="warning" showIcon data-testid="calendar-thin" message={t('content.calendar.thin')} /> : null}
      {warnings.length ? (
        <Alert type="info" showIcon message={t('content.calendar.cadence')} description={warnings.slice(0, 6).map((w) => (
          <div key={w.accountId}>{t('content.calendar.cadenceRow', { account: w.accountName, gaps: w.gaps.length, planned: w.planAhead.planned, expected: w.planAhead.expected })}</div>
        ))} />
      ) : null}
      <Card data-testid="content-calendar">
        <FullCalendar
          plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
          initialView="dayGridMonth" timeZone="UTC" now={() => nowInZone(workspace.timeZone).format('YYYY-MM-DDTHH:mm:ss')} locale={i18n.language === 'zh-CN' ? 'zh-cn' : 'en'} firstDay={1} height="auto"
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listWeek' }}
          buttonText={{ today: t('content.calendar.today'), month: t('content.calendar.month'), week: t('content.calendar.week'), list: t('content.calendar.list') }}
          events={events} editable eventDurationEditable={false} datesSet={onDatesSet}
          eventDrop={(arg) => void onDrop(arg)}
          eventClick={(arg) => { if (arg.event.id) setEditing({ id: arg.event.id }); }}
          dateClick={(arg) => setEditing({ id: null, date: arg.dateStr.slice(0, 10) })}
        />
      </Card>
      <ItemEditor open={editing !== null} itemId={editing?.id ?? null} defaultDate={editing?.date} accounts={accounts.data?.items ?? []}
        members={members.data?.items ?? []} onClose={() => setEditing(null)} onSaved={() => void cal.reload()} />
    </PageContainer>
  );
}

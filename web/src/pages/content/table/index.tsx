import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Table, Upload } from 'antd';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../labels';
import { ApiError } from '../../../api/request';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { useAsync } from '../../../utils/use-async';
import { importSheet, listItems, sheetUrl, updateItem, type Item } from '../api';

type Editable = 'topic' | 'format' | 'goal' | 'summary' | 'mediaNotes' | 'engagementPrompt' | 'notes';

/** A cell that turns into an input on click and saves on blur/enter (the sheet-like editing). */
function EditableCell({ value, onSave }: { value: string | null; onSave: (v: string) => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value ?? '');
  if (!editing) return <div style={{ minHeight: 22, cursor: 'text' }} onClick={() => { setDraft(value ?? ''); setEditing(true); }}>{value}</div>;
  const done = async () => { setEditing(false); if (draft !== (value ?? '')) await onSave(draft); };
  return <Input size="small" autoFocus value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={() => void done()} onPressEnter={() => void done()} />;
}

const toBase64 = (buf: ArrayBuffer) => { let s = ''; new Uint8Array(buf).forEach((b) => { s += String.fromCharCode(b); }); return btoa(s); };

export default function ContentTablePage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const today = DateTime.now().setZone(workspace.timeZone);
  const [from, setFrom] = useState(today.startOf('week').toISODate()!);
  const [to, setTo] = useState(today.startOf('week').plus({ days: 13 }).toISODate()!);
  const [problems, setProblems] = useState<Record<string, string> | null>(null);
  const canWrite = workspace.permissions.includes('content.write');
  const range = { from: DateTime.fromISO(from, { zone: workspace.timeZone }).toUTC().toISO()!, to: DateTime.fromISO(to, { zone: workspace.timeZone }).plus({ days: 1 }).toUTC().toISO()! };
  const items = useAsync(() => listItems(workspace.id, range), [workspace.id, from, to]);

  const save = (item: Item, field: Editable) => async (v: string) => {
    try {
      await updateItem(workspace.id, item.id, { [field]: field === 'topic' ? v : v || null });
      await items.reload();
    } catch (err) { message.error(errorText(err)); }
  };
  const cell = (field: Editable) => (_: unknown, r: Item) => (canWrite ? <EditableCell value={r[field]} onSave={save(r, field)} /> : r[field]);

  const upload = async (file: File) => {
    const xlsx = file.name.toLowerCase().endsWith('.xlsx');
    try {
      const data = xlsx ? toBase64(await file.arrayBuffer()) : await file.text();
      const r = await importSheet(workspace.id, xlsx ? 'xlsx' : 'csv', data);
      setProblems(null);
      message.success(t('content.table.imported', { n: r.created }));
      await items.reload();
    } catch (err) {
      if (err instanceof ApiError && err.fields) setProblems(err.fields);
      message.error(errorText(err));
    }
    return false;
  };

  const columns = [
    { title: '日期', key: 'date', width: 140, render: (_: unknown, r: Item) => (r.date ? `${r.date} ${r.time}` : '') },
    { title: '星期', dataIndex: 'weekday', width: 60 },
    { title: '发布平台', key: 'platforms', width: 120, render: (_: unknown, r: Item) => r.platforms.map((p) => label('platform', p)).join('、') },
    { title: '内容主题', key: 'topic', width: 180, render: cell('topic') },
    { title: '内容形式', key: 'format', width: 90, render: cell('format') },
    { title: '核心目标', key: 'goal', width: 100, render: cell('goal') },
    { title: '负责人', key: 'owner', width: 90, render: (_: unknown, r: Item) => r.owner?.name },
    { title: '文案摘要', key: 'summary', width: 220, render: cell('summary') },
    { title: '配图/视频说明', key: 'mediaNotes', width: 160, render: cell('mediaNotes') },
    { title: '互动引导话术', key: 'engagementPrompt', width: 160, render: cell('engagementPrompt') },
    { title: '预期数据(曝光/互动)', key: 'expected', width: 130, render: (_: unknown, r: Item) => (r.expectedExposure ?? r.expectedInteractions) !== null ? `${r.expectedExposure ?? ''}/${r.expectedInteractions ?? ''}` : '' },
    { title: '实际数据', key: 'actual', width: 110, render: (_: unknown, r: Item) => (r.actualExposure ?? r.actualInteractions) !== null ? `${r.actualExposure ?? ''}/${r.actualInteractions ?? ''}` : '' },
    { title: '备注', key: 'notes', width: 140, render: cell('notes') },
    { title: t('content.field.status'), key: 'status', width: 90, fixed: 'right' as const, render: (_: unknown, r: Item) => label('contentStatus', r.status) },
  ];

  return (
    <PageContainer title={t('content.table.title')} description={t('content.table.desc')}
      extra={<Space>
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 150 }} />
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 150 }} />
        <Button href={sheetUrl(workspace.id, 'xlsx', from, to)}>{t('content.table.exportXlsx')}</Button>
        <Button href={sheetUrl(workspace.id, 'csv', from, to)}>{t('content.table.exportCsv')}</Button>
        {canWrite ? <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => upload(f)}><Button type="primary">{t('content.table.import')}</Button></Upload> : null}
      </Space>}>
      {problems ? <Alert type="error" showIcon closable onClose={() => setProblems(null)} message={t('content.table.importRefused')}
        description={<ul style={{ margin: 0 }}>{Object.entries(problems).map(([k, v]) => <li key={k}>{`${k}：${v}`}</li>)}</ul>} /> : null}
      {items.error ? <Alert type="error" showIcon message={errorText(items.error)} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table data-testid="content-table" rowKey="id" size="small" loading={items.loading && !items.data} dataSource={items.data?.items ?? []}
          columns={columns} pagination={false} scroll={{ x: 1900 }} />
      </Card>
    </PageContainer>
  );
}

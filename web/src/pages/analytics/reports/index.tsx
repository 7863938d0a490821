import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Input, Space, Spin, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { useAsync } from '../../../utils/use-async';
import { downloadReport, getWeeklyReview, getWeeklyTable, type FileFormat, type ReportDocument, type WeeklyTable } from '../api';
import { fmtChange, fmtCount, fmtPct, usePlatformLabel } from '../format';
import { Schedules } from './components/schedules';

type Row = WeeklyTable['rows'][number];
const FORMATS: FileFormat[] = ['xlsx', 'pdf', 'md', 'csv'];
const weekOf = (d: DateTime) => `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;

export default function WeeklyReportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const platformLabel = usePlatformLabel();
  const [params, setParams] = useSearchParams();
  const lastWeek = weekOf(DateTime.now().setZone(workspace.timeZone).minus({ weeks: 1 }));
  const week = params.get('week') ?? lastWeek;
  const table = useAsync(() => getWeeklyTable(workspace.id, week), [workspace.id, week]);
  const review = useAsync(() => getWeeklyReview(workspace.id, week), [workspace.id, week]);
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [busy, setBusy] = useState<FileFormat | null>(null);
  useEffect(() => { setDoc(review.data ?? null); }, [review.data]);

  const monday = DateTime.fromObject({ weekYear: Number(week.slice(0, 4)), weekNumber: Number(week.slice(6)), weekday: 1 });
  const editSection = (i: number, patch: Partial<ReportDocument['sections'][number]>) =>
    setDoc((d) => d && { ...d, sections: d.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const download = async (format: FileFormat) => {
    if (!doc) return;
    setBusy(format);
    try {
      message.success(t('analytics.reports.downloaded', { file: await downloadReport(workspace.id, doc, format) }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  const rows: Array<Row | (WeeklyTable['totals'] & { platform: string; total: true })> = table.data
    ? [...table.data.rows, { ...table.data.totals, platform: t('analytics.reports.total'), total: true }] : [];

  return (
    <PageContainer
      title={t('analytics.reports.title')}
      description={t('analytics.reports.description')}
      extra={(
        <Space wrap>
          <Typography.Text>{t('analytics.reports.week')}</Typography.Text>
          <DatePicker
            picker="week" allowClear={false} data-testid="report-week" value={dayjs(monday.toISODate()!)}
            onChange={(v) => v && setParams({ week: weekOf(DateTime.fromISO(v.format('YYYY-MM-DD'))) })}
          />
          <Tag>{week}</Tag>
        </Space>
      )}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%', padding: 24 }}>
        {table.error || review.error ? <Alert type="error" message={errorText(table.error ?? review.error)} /> : null}
        <Card title={t('analytics.reports.table')}>
          <Table
            data-testid="weekly-table" size="small" rowKey="platform" loading={table.loading} dataSource={rows} pagination={false} scroll={{ x: 1100 }}
            onRow={(r) => ({ style: 'total' in r ? { fontWeight: 600 } : {} })}
            columns={[
              { title: t('analytics.col.platform'), dataIndex: 'platform', fixed: 'left', render: (v: string, r) => ('total' in r ? v : platformLabel(v)) },
              { title: t('analytics.reports.col.exposure'), dataIndex: 'exposure', align: 'right', render: fmtCount },
              { title: t('analytics.reports.col.exposureWoW'), dataIndex: 'exposureWoW', align: 'right', render: fmtChange },
              { title: t('analytics.reports.col.interactions'), dataIndex: 'interactions', align: 'right', render: fmtCount },
              { title: t('analytics.metric.interactionRate'), dataIndex: 'interactionRate', align: 'right', render: fmtPct },
              { title: t('analytics.reports.col.newFollowers'), dataIndex: 'newFollowers', align: 'right', render: fmtCount },
              { title: t('analytics.reports.col.newFollowersWoW'), dataIndex: 'newFollowersWoW', align: 'right', render: fmtChange },
              { title: t('analytics.reports.col.conversions'), dataIndex: 'conversions', align: 'right', render: fmtCount },
              {
                title: t('analytics.reports.col.topItem'), key: 'top',
                render: (_: unknown, r) => ('topItem' in r && r.topItem ? `${r.topItem.title}（${fmtPct(r.topItem.interactionRate)}）` : '—'),
              },
              { title: t('analytics.reports.col.issues'), key: 'issues', width: 320, render: (_: unknown, r) => ('issues' in r ? r.issues.map((i) => i.text).join('；') || '—' : '') },
            ]}
          />
        </Card>
        <Card
          title={t('analytics.reports.review')}
          extra={(
            <Space wrap>
              <Button icon={<UndoOutlined />} onClick={() => setDoc(review.data ?? null)} disabled={!review.data}>{t('analytics.reports.reset')}</Button>
              {FORMATS.map((f) => (
                <Button key={f} data-testid={`report-download-${f}`} icon={<DownloadOutlined />} loading={busy === f} disabled={!doc} onClick={() => download(f)}>
                  {t('analytics.reports.download', { format: f.toUpperCase() })}
                </Button>
              ))}
            </Space>
          )}
        >
          {!doc ? <Spin /> : (
            <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="weekly-review">
              <Input value={doc.title} onChange={(e) => setDoc({ ...doc, title: e.target.value })} size="large" />
              {doc.sections.map((s, i) => (
                <Card key={s.key} size="small" type="inner" title={<Input variant="borderless" aria-label={t('analytics.reports.heading')} value={s.heading} onChange={(e) => editSection(i, { heading: e.target.value })} />}>
                  <Input.TextArea
                    aria-label={t('analytics.reports.paragraphs')} data-testid={`review-section-${s.key}`} autoSize={{ minRows: 2, maxRows: 12 }}
                    value={s.paragraphs.join('\n')} onChange={(e) => editSection(i, { paragraphs: e.target.value.split('\n') })}
                  />
                </Card>
              ))}
            </Space>
          )}
        </Card>
        <Schedules />
      </Space>
    </PageContainer>
  );
}

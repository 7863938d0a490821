import { useState } from 'react';
import { Alert, App, Button, Card, Result, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { ApiError } from '../../../api/request';
import { fileToBase64, importMetrics, previewImport, type ImportSummary, type Preview } from '../api';

type Kind = 'posts' | 'accounts';
interface Chosen { filename: string; contentBase64: string }

export default function ImportMetricsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const [file, setFile] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null> | null>(null);
  const [kind, setKind] = useState<Kind | undefined>();
  const [edited, setEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [serverErrors, setServerErrors] = useState<Preview['errors']>([]);

  const check = async (chosen: Chosen, opts: { mapping?: Record<string, number | null>; kind?: Kind } = {}) => {
    setBusy(true);
    try {
      const p = await previewImport(workspace.id, { ...chosen, ...opts });
      setPreview(p);
      setMapping(p.mapping);
      setKind(p.kind);
      setServerErrors([]);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const choose = async (f: File) => {
    const chosen = { filename: f.name, contentBase64: await fileToBase64(f) };
    setFile(chosen);
    setSummary(null);
    setEdited(false);
    await check(chosen);
    return false;
  };
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      setSummary(await importMetrics(workspace.id, { ...file, ...(edited && mapping ? { mapping, kind } : {}) }));
    } catch (err) {
      const details = err instanceof ApiError ? err.fields : undefined;
      if (details) setServerErrors(Object.entries(details).map(([k, v]) => ({ line: Number(/line (\d+)/.exec(k)?.[1] ?? 0), field: k.split('.').slice(1).join('.'), code: '', message: v })));
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const errors = serverErrors.length ? serverErrors : preview?.errors ?? [];

  return (
    <PageContainer title={t('analytics.import.title')} description={t('analytics.import.description')}>
      <Space direction="vertical" size="middle" style={{ width: '100%', padding: 24 }}>
        <Card>
          <Upload.Dragger accept=".csv,.xlsx" maxCount={1} showUploadList={false} beforeUpload={choose} data-testid="import-upload">
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{file ? file.filename : t('analytics.import.upload')}</p>
            <p className="ant-upload-hint">{t('analytics.import.uploadHint')}</p>
          </Upload.Dragger>
        </Card>
        {summary ? (
          <div data-testid="import-summary">
            <Result
              status="success" title={t('analytics.import.done')}
              subTitle={t('analytics.import.summary', { rows: summary.rows, from: summary.from, to: summary.to, accounts: summary.accounts, platforms: summary.platforms.join('、') })}
            />
          </div>
        ) : null}
        {preview && mapping && !summary ? (
          <>
            <Card
              title={t('analytics.import.mapping')}
              extra={(
                <Space>
                  <Tag>{t('analytics.import.rows', { count: preview.rows })}</Tag>
                  <Select<Kind> value={kind} style={{ width: 260 }} onChange={(k) => { setKind(k); setEdited(true); }}
                    options={(['posts', 'accounts'] as const).map((k) => ({ value: k, label: t(`analytics.import.kind.${k}`) }))} />
                </Space>
              )}
            >
              <Table
                size="small" rowKey="field" pagination={false} data-testid="import-mapping"
                dataSource={Object.entries(mapping).map(([field, index]) => ({ field, index }))}
                columns={[
                  { title: t('analytics.import.field'), dataIndex: 'field', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
                  {
                    title: t('analytics.import.column'), dataIndex: 'index',
                    render: (v: number | null, r) => (
                      <Select
                        style={{ width: 260 }} value={v ?? -1}
                        onChange={(i: number) => { setMapping({ ...mapping, [r.field]: i < 0 ? null : i }); setEdited(true); }}
                        options={[{ value: -1, label: t('analytics.import.notInFile') }, ...preview.headers.map((h, i) => ({ value: i, label: h || `#${i + 1}` }))]}
                      />
                    ),
                  },
                ]}
              />
              <Space style={{ marginTop: 16 }}>
                <Button disabled={!edited} loading={busy} onClick={() => file && check(file, { mapping, kind })}>{t('analytics.import.recheck')}</Button>
                <Button type="primary" data-testid="import-submit" loading={busy} disabled={errors.length > 0} onClick={submit}>{t('analytics.import.submit')}</Button>
              </Space>
            </Card>
            <Card title={t('analytics.import.errors', { count: errors.length })}>
              {errors.length === 0 ? <Alert type="success" showIcon message={t('analytics.import.noErrors')} /> : (
                <Table
                  size="small" data-testid="import-errors" rowKey={(e) => `${e.line}/${e.field}/${e.message}`} dataSource={errors} pagination={{ pageSize: 20 }}
                  columns={[
                    { title: t('analytics.import.line'), dataIndex: 'line', width: 80 },
                    { title: t('analytics.import.field'), dataIndex: 'field', width: 160 },
                    { title: t('analytics.import.problem'), dataIndex: 'message' },
                  ]}
                />
              )}
            </Card>
          </>
        ) : null}
      </Space>
    </PageContainer>
  );
}

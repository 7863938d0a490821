import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/page-container';
import { Exception } from '../../../components/exception';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { analyzeTexts, linesOf } from './api';
import { DictionaryCard } from './components/dictionary-card';
import { ResultsTable, type Row } from './components/results-table';

/** 文本分析: paste comments one per line and see what the inbox would conclude about each. */
export default function TextPlaygroundPage() {
  const workspace = useWorkspace();
  if (!workspace.permissions.includes('text.analyze')) return <Exception kind="403" />;
  return <TextPlayground />;
}

function TextPlayground() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [input, setInput] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const lines = linesOf(input);

  const run = async () => {
    if (lines.length === 0) return;
    setLoading(true);
    setError(null);
    try {
      const { results } = await analyzeTexts(workspace.id, lines);
      setRows(results.map((r, i) => ({ ...r, key: i, text: lines[i] })));
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  return (
    <PageContainer title={t('text.playground.title')} description={t('text.playground.desc')}>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Input.TextArea
            data-testid="text-input" value={input} onChange={(e) => setInput(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 16 }} placeholder={t('text.playground.placeholder')}
          />
          <Space>
            <Button type="primary" icon={<ExperimentOutlined />} onClick={() => void run()} loading={loading} disabled={lines.length === 0} data-testid="text-analyze">
              {t('text.playground.analyze')}
            </Button>
            <Typography.Text type="secondary">{t('text.playground.lines', { count: lines.length })}</Typography.Text>
          </Space>
          {error ? <Alert type="error" showIcon message={errorText(error)} /> : null}
        </Space>
      </Card>
      {(rows.length > 0 || loading) && <Card title={t('text.playground.results')}><ResultsTable rows={rows} loading={loading} /></Card>}
      <DictionaryCard />
    </PageContainer>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Card, Col, Form, Input, Row, Select, Space, Spin, Typography, type InputRef } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/page-container';
import { Exception } from '../../../components/exception';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { PLATFORMS, checkCopy, type Finding, type Platform } from './api';
import { FindingsList } from './components/findings-list';
import { MarkedText } from './components/marked-text';
import { PacksCard } from './components/packs-card';
import { rebase, replaceSpan } from './components/marks';

const DEBOUNCE_MS = 350;

interface Checked {
  text: string;
  title: string;
  findings: Finding[];
}

/** 合规自检: type copy, see the findings underlined as you type, apply the suggested rewrites. */
export default function ComplianceCheckPage() {
  const workspace = useWorkspace();
  if (!workspace.permissions.includes('compliance.check')) return <Exception kind="403" />;
  return <ComplianceCheck />;
}

function ComplianceCheck() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const [platform, setPlatform] = useState<Platform>('weibo');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [hovered, setHovered] = useState<Finding | null>(null);
  const textRef = useRef<TextAreaRef>(null);
  const titleRef = useRef<InputRef>(null);

  useEffect(() => {
    if (!text.trim() && !title.trim()) {
      setChecked(null);
      setError(null);
      return undefined;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      checkCopy(workspace.id, { text, platform, ...(title.trim() ? { title } : {}) }, ctrl.signal)
        .then((r) => {
          setChecked({ text, title, findings: r.findings });
          setError(null);
        })
        .catch((err: unknown) => {
          if ((err as Error)?.name !== 'AbortError') setError(err);
        })
        .finally(() => {
          if (!ctrl.signal.aborted) setChecking(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [workspace.id, text, title, platform]);

  // Findings of the last answer, moved onto what is typed now until the next answer arrives.
  const { textFindings, titleFindings, all } = useMemo(() => {
    const of = (field: Finding['field']) => (checked?.findings ?? []).filter((f) => f.field === field);
    const body = checked ? rebase(checked.text, text, of('text')) : [];
    const head = checked ? rebase(checked.title, title, of('title')) : [];
    const rest = (checked?.findings ?? []).filter((f) => f.field !== 'text' && f.field !== 'title');
    return { textFindings: body, titleFindings: head, all: [...head, ...body, ...rest] };
  }, [checked, text, title]);

  const block = all.filter((f) => f.severity === 'block').length;
  const warn = all.length - block;

  const apply = (f: Finding) => {
    if (f.replacement === null) return;
    if (f.field === 'title') setTitle(replaceSpan(title, f, f.replacement));
    else setText(replaceSpan(text, f, f.replacement));
    setHovered(null);
    message.success(t('compliance.findings.applied', { value: f.replacement }));
  };

  const locate = (f: Finding) => {
    const el = f.field === 'title' ? titleRef.current?.input : f.field === 'text' ? textRef.current?.resizableTextArea?.textArea : null;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.start, f.end);
  };

  const summary = !checked ? null : all.length === 0
    ? <Alert type="success" showIcon message={t('compliance.summary.clean')} data-testid="compliance-summary" />
    : (
      <Alert
        type={block > 0 ? 'error' : 'warning'} showIcon data-testid="compliance-summary"
        message={block === 0 ? t('compliance.summary.warn', { warn }) : warn === 0 ? t('compliance.summary.blockOnly', { block }) : t('compliance.summary.blocked', { block, warn })}
      />
    );

  return (
    <PageContainer title={t('compliance.check.title')} description={t('compliance.check.desc')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card style={{ height: '100%' }}>
            <Form layout="vertical" requiredMark={false}>
              <Form.Item label={t('compliance.form.platform')}>
                <Select
                  data-testid="compliance-platform"
                  value={platform}
                  onChange={setPlatform}
                  options={PLATFORMS.map((p) => ({ value: p, label: t(`compliance.platform.${p}`) }))}
                  style={{ maxWidth: 240 }}
                />
              </Form.Item>
              <Form.Item label={t('compliance.form.title')}>
                <Input
                  ref={titleRef} data-testid="compliance-title" value={title} maxLength={1000}
                  placeholder={t('compliance.form.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)}
                />
              </Form.Item>
              <Form.Item label={t('compliance.form.text')} extra={t('compliance.form.count', { count: [...text].length })} style={{ marginBottom: 0 }}>
                <Input.TextArea
                  ref={textRef} data-testid="compliance-text" value={text} autoSize={{ minRows: 10, maxRows: 24 }}
                  placeholder={t('compliance.form.textPlaceholder')} onChange={(e) => setText(e.target.value)}
                />
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('compliance.preview.title')} style={{ height: '100%' }}
            extra={checking ? <Space size={6}><Spin size="small" /><Typography.Text type="secondary">{t('compliance.preview.checking')}</Typography.Text></Space>
              : <Typography.Text type="secondary">{t('compliance.preview.hint')}</Typography.Text>}
          >
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              {error ? <Alert type="error" showIcon message={errorText(error)} /> : summary}
              {title && (
                <Typography.Title level={5} style={{ margin: 0 }}>
                  <MarkedText text={title} findings={titleFindings} active={hovered} testId="compliance-title-preview" />
                </Typography.Title>
              )}
              <MarkedText text={text} findings={textFindings} active={hovered} testId="compliance-preview" />
            </Space>
          </Card>
        </Col>
      </Row>
      <Card title={t('compliance.findings.title')} extra={all.length > 0 && <Typography.Text type="secondary">{all.length}</Typography.Text>}>
        <FindingsList findings={all} onApply={apply} onHover={setHovered} onLocate={locate} />
      </Card>
      <PacksCard />
    </PageContainer>
  );
}

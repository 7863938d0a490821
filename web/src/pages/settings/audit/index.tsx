import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { listAudit, listMembers, verifyAudit, type VerifyResult } from './api';
import { AuditFilters, type AuditFilterValues } from './components/audit-filters';
import { AuditTable } from './components/audit-table';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import type { AuditEntry, AuditQuery } from '../../../api/types';
import { errorText } from '../../../i18n';
import { registeredValues } from '../../../labels';
import { useAsync } from '../../../utils/use-async';
import { endOfDayIso, startOfDayIso } from '../../../utils/time';

const PAGE_SIZE = 50;


function toQuery(v: AuditFilterValues, timeZone: string): AuditQuery {
  const [from, to] = v.range ?? [];
  return {
    action: v.action?.trim() || undefined,
    actorId: v.actorId || undefined,
    from: from ? startOfDayIso(from, timeZone) : undefined,
    to: to ? endOfDayIso(to, timeZone) : undefined,
  };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const members = useAsync(() => listMembers(workspace.id).then((r) => r.items), [workspace.id]);
  const actions = useMemo(() => registeredValues('auditAction'), []);
  const [query, setQuery] = useState<AuditQuery>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<VerifyResult | null>(null);
  const abort = useRef<AbortController | null>(null);

  const load = useCallback(async (q: AuditQuery, after: string | null) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setLoading(true);
    try {
      const page = await listAudit(workspace.id, { ...q, limit: PAGE_SIZE, cursor: after ?? undefined }, controller.signal);
      setEntries((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (err) {
      if ((err as Error)?.name !== 'AbortError') setError(err);
    } finally {
      if (abort.current === controller) setLoading(false);
    }
  }, [workspace.id]);

  useEffect(() => {
    void load(query, null);
    return () => abort.current?.abort();
  }, [load, query]);

  const verify = async () => {
    setVerifying(true);
    try {
      const result = await verifyAudit(workspace.id);
      setVerdict(result);
      if (result.ok) message.success(t('audit.verify.ok', { count: result.checked }));
      else message.error(t('audit.verify.broken', { at: result.brokenAt, count: result.checked }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <PageContainer
      title={t('audit.title')}
      description={t('audit.desc')}
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      }
    >
      {verdict && (
        <Alert
          showIcon
          closable
          onClose={() => setVerdict(null)}
          type={verdict.ok ? 'success' : 'error'}
          message={verdict.ok
            ? t('audit.verify.ok', { count: verdict.checked })
            : t('audit.verify.broken', { at: verdict.brokenAt, count: verdict.checked })}
          data-testid="audit-verify-result"
        />
      )}
      <Card>
        <AuditFilters members={members.data ?? []} actions={actions} onSearch={(v) => setQuery(toQuery(v, workspace.timeZone))} />
      </Card>
      {error ? <Alert type="error" showIcon message={errorText(error)} /> : null}
      <Card
        styles={{ body: { padding: 0 } }}
        title={<Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
          {t('audit.timeZoneHint', { tz: workspace.timeZone })}
        </Typography.Text>}
        extra={<Typography.Text type="secondary">{t('audit.loaded', { count: entries.length })}</Typography.Text>}
      >
        <AuditTable entries={entries} loading={loading && entries.length === 0} timeZone={workspace.timeZone} members={members.data ?? []} />
        <Space style={{ width: '100%', justifyContent: 'center', padding: 16 }}>
          {cursor ? (
            <Button loading={loading} onClick={() => void load(query, cursor)} data-testid="audit-load-more">
              {t('common.action.loadMore')}
            </Button>
          ) : entries.length > 0 && <Typography.Text type="secondary">{t('common.action.noMore')}</Typography.Text>}
        </Space>
      </Card>
    </PageContainer>
  );
}

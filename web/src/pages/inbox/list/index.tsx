import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Typography } from 'antd';
import { CloudDownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/page-container';
import { Exception } from '../../../components/exception';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { collectNow, fetchAccounts, fetchInbound, filtersFromParams, filtersToParams, summarize, type Account, type InboundItem } from './api';
import { InboxFilterBar } from './components/inbox-filters';
import { InboxTable } from './components/inbox-table';
import { SummaryStrip } from './components/summary-strip';

/** 互动收件箱: comments, DMs and mentions from every account, analysed, filterable, collectable now. */
export default function InboxPage() {
  const workspace = useWorkspace();
  if (!workspace.permissions.includes('inbox.read')) return <Exception kind="403" />;
  return <Inbox />;
}

function Inbox() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  // Filters live in the address, so a notification or a colleague can link to "negative complaints".
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const setFilters = (next: typeof filters) => setParams(filtersToParams(next), { replace: true });
  const [items, setItems] = useState<InboundItem[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [collectAccount, setCollectAccount] = useState<string>();
  const [collecting, setCollecting] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    fetchAccounts(workspace.id).then((r) => setAccounts(r.items.filter((a) => a.status !== 'retired')), () => setAccounts([]));
  }, [workspace.id]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    fetchInbound(workspace.id, filters)
      .then((r) => {
        if (!live) return;
        setItems(r.items);
        setNextBefore(r.nextBefore);
        setError(null);
      })
      .catch((err) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => { live = false; };
  }, [workspace.id, filters, version]);

  const loadMore = async () => {
    if (!nextBefore) return;
    setLoading(true);
    try {
      const r = await fetchInbound(workspace.id, filters, nextBefore);
      setItems((prev) => [...prev, ...r.items.filter((i) => !prev.some((p) => p.id === i.id))]);
      setNextBefore(r.nextBefore);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setLoading(false);
    }
  };

  const collect = async () => {
    if (!collectAccount) return;
    setCollecting(true);
    try {
      const r = await collectNow(workspace.id, collectAccount);
      message.success(t('inbox.collect.done', { received: r.received, stored: r.stored }));
      setVersion((v) => v + 1);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setCollecting(false);
    }
  };

  const byId = useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts]);
  const summary = useMemo(() => summarize(items), [items]);
  const connectable = accounts.filter((a) => a.status === 'active');

  return (
    <PageContainer
      title={t('inbox.title')}
      description={t('inbox.desc')}
      extra={(
        <Space.Compact>
          <Select
            data-testid="inbox-collect-account" placeholder={t('inbox.collect.pick')} style={{ width: 220 }} value={collectAccount}
            onChange={setCollectAccount} showSearch optionFilterProp="label"
            notFoundContent={t('inbox.collect.noAccounts')}
            options={connectable.map((a) => ({ value: a.id, label: `${t(`inbox.platform.${a.platform}`)} · ${a.displayName}` }))}
          />
          <Button type="primary" icon={<CloudDownloadOutlined />} loading={collecting} disabled={!collectAccount} onClick={() => void collect()} data-testid="inbox-collect">
            {t('inbox.collect.now')}
          </Button>
        </Space.Compact>
      )}
    >
      <SummaryStrip summary={summary} />
      <Card
        title={<InboxFilterBar value={filters} accounts={accounts} onChange={setFilters} />}
        extra={<Button icon={<ReloadOutlined />} onClick={() => setVersion((v) => v + 1)}>{t('common.action.refresh')}</Button>}
      >
        {error ? <Alert type="error" showIcon message={errorText(error)} style={{ marginBottom: 16 }} /> : null}
        <InboxTable items={items} accounts={byId} timeZone={workspace.timeZone} loading={loading} />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {nextBefore
            ? <Button onClick={() => void loadMore()} loading={loading} data-testid="inbox-load-more">{t('common.action.loadMore')}</Button>
            : items.length > 0 && <Typography.Text type="secondary">{t('common.action.noMore')}</Typography.Text>}
        </div>
      </Card>
    </PageContainer>
  );
}

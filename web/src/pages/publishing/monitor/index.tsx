import { useEffect, useState } from 'react';
import { Alert, App, Badge, Card, Input, Modal, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../components/page-container';
import { useWorkspace } from '../../../app/session';
import { errorText } from '../../../i18n';
import { useAsync } from '../../../utils/use-async';
import { utcOffsetLabel } from '../../../utils/time';
import { TABS, cancelPublication, confirmPublication, fetchDetail, fetchMonitor, retryPublication, type Publication, type Tab } from './api';
import { AttemptDrawer } from './components/attempt-drawer';
import { PublicationTable } from './components/publication-table';
import { viewerZone } from './components/times';

const REFRESH_MS = 5_000;

/** 发布监控: what goes out soon, what is in flight, and what needs a person (failed, unconfirmed, hand-off). */
export default function PublishingMonitorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const canManage = workspace.permissions.includes('publishing.manage');
  const [params, setParams] = useSearchParams();
  const tab = (TABS.includes(params.get('tab') as Tab) ? params.get('tab') : 'due') as Tab;
  const openId = params.get('publication');
  const list = useAsync(() => fetchMonitor(workspace.id, tab), [workspace.id, tab]);
  const detail = useAsync(() => (openId ? fetchDetail(workspace.id, openId) : Promise.resolve(undefined)), [workspace.id, openId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Publication | null>(null);
  const [url, setUrl] = useState('');

  useEffect(() => {
    const timer = setInterval(() => { void list.reload(); }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [list.reload]);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const act = async (p: Publication, run: () => Promise<unknown>, done: string) => {
    setBusy(p.id);
    try {
      await run();
      message.success(done);
      await Promise.all([list.reload(), openId === p.id ? detail.reload() : Promise.resolve()]);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const counts = list.data?.counts;
  const tz = list.data?.timeZone ?? workspace.timeZone;
  return (
    <PageContainer title={t('publishing.monitor.title')} description={t('publishing.monitor.desc')}>
      <Typography.Text type="secondary" data-testid="zones">
        {t('publishing.time.zones', { workspace: `${tz} (${utcOffsetLabel(tz)})`, viewer: `${viewerZone()} (${utcOffsetLabel(viewerZone())})` })}
      </Typography.Text>
      {list.error ? <Alert type="error" showIcon message={errorText(list.error)} /> : null}
      {list.data?.waitingAuth ? (
        <Alert
          type="error" showIcon data-testid="waiting-auth-banner"
          message={t('publishing.banner.waitingAuth', { count: list.data.waitingAuth })}
          description={t('publishing.banner.waitingAuthDesc')}
          action={<Link to="/accounts/matrix">{t('publishing.banner.toAccounts')}</Link>}
        />
      ) : null}
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParam('tab', k)}
          items={TABS.map((k) => ({
            key: k,
            label: (
              <Space size={4} data-testid={`tab-${k}`}>
                {t(`publishing.tab.${k}`)}
                <Badge count={counts?.[k] ?? 0} showZero={false} color={k === 'failed' ? 'red' : k === 'unconfirmed' ? 'orange' : k === 'handoff' ? 'purple' : 'blue'} overflowCount={9999} />
              </Space>
            ),
          }))}
        />
        <PublicationTable
          tab={tab} items={list.data?.items ?? []} loading={list.loading && !list.data} timeZone={tz} canManage={canManage} busy={busy}
          onOpen={(p) => setParam('publication', p.id)}
          onRetry={(p) => void act(p, () => retryPublication(workspace.id, p.id), t('publishing.action.retried'))}
          onCancel={(p) => void act(p, () => cancelPublication(workspace.id, p.id), t('publishing.action.cancelled'))}
          onConfirm={(p) => { setUrl(''); setConfirming(p); }}
        />
      </Card>
      <AttemptDrawer open={Boolean(openId)} detail={detail.data} loading={detail.loading && !detail.data} onClose={() => setParam('publication', null)} />
      <Modal
        open={confirming !== null}
        title={t('publishing.confirm.title')}
        okText={t('publishing.action.confirm')}
        okButtonProps={{ disabled: url.trim().length < 8 }}
        onCancel={() => setConfirming(null)}
        onOk={() => {
          const p = confirming!;
          setConfirming(null);
          void act(p, () => confirmPublication(workspace.id, p.id, url.trim()), t('publishing.action.confirmed'));
        }}
      >
        <Typography.Paragraph type="secondary">{t('publishing.confirm.desc')}</Typography.Paragraph>
        <Input value={url} placeholder={t('publishing.confirm.placeholder')} onChange={(e) => setUrl(e.target.value)} data-testid="confirm-url" />
      </Modal>
    </PageContainer>
  );
}

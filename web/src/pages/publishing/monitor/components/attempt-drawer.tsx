import { Alert, Descriptions, Drawer, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Detail } from '../api';
import { STATE_COLORS } from './publication-table';
import { Instant } from './times';

const OUTCOME_COLORS: Record<string, string> = {
  published: 'green', found_existing: 'green', confirmed_by_url: 'green', pending: 'blue', still_pending: 'blue', handoff: 'purple',
  retryable: 'orange', not_found: 'gray', unconfirmed: 'orange', interrupted: 'orange', check_failed: 'orange',
  reauthorize: 'red', bad_content: 'red', permanent: 'red', account_unavailable: 'red',
};

interface Props { detail: Detail | undefined; loading: boolean; open: boolean; onClose: () => void }

/** A publication's copy, its hand-off kit when it has one, and every attempt with the platform's raw answer. */
export function AttemptDrawer({ detail, loading, open, onClose }: Props) {
  const { t } = useTranslation();
  const p = detail?.publication;
  const tz = detail?.timeZone ?? 'Asia/Shanghai';
  const handoff = p?.handoff as { text?: string; title?: string; checklist?: string[]; warnings?: string[]; media?: Array<{ id: string; kind: string; url: string }> } | null | undefined;
  return (
    <Drawer open={open} onClose={onClose} width={640} title={p ? (p.title || p.text.slice(0, 30)) : t('publishing.drawer.title')} loading={loading} data-testid="attempt-drawer">
      {p ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('publishing.col.state')}><Tag color={STATE_COLORS[p.state]}>{t(`publishing.state.${p.state}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('publishing.col.platform')}>{t(`publishing.platform.${p.platform}`, { defaultValue: p.platform })}</Descriptions.Item>
            <Descriptions.Item label={t('publishing.col.due')}><Instant iso={p.dueAt} timeZone={tz} /></Descriptions.Item>
            <Descriptions.Item label={t('publishing.drawer.publishedAt')}><Instant iso={p.publishedAt} timeZone={tz} /></Descriptions.Item>
            <Descriptions.Item label={t('publishing.drawer.url')}>{p.url ? <Typography.Link href={p.url} target="_blank" rel="noreferrer">{p.url}</Typography.Link> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('publishing.drawer.text')}><Typography.Paragraph copyable style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{p.text}</Typography.Paragraph></Descriptions.Item>
          </Descriptions>
          {p.lastError && p.state !== 'published' ? <Alert type={p.state === 'failed' || p.state === 'waiting_auth' ? 'error' : 'warning'} showIcon message={t(`publishing.hint.${p.state}`, { defaultValue: '' }) || p.lastError} description={p.lastError} /> : null}
          {handoff ? (
            <Alert type="info" showIcon message={t('publishing.drawer.handoff')} description={
              <Space direction="vertical" style={{ width: '100%' }}>
                {handoff.title ? <Typography.Text copyable strong>{handoff.title}</Typography.Text> : null}
                {handoff.text ? <Typography.Paragraph copyable style={{ whiteSpace: 'pre-wrap' }}>{handoff.text}</Typography.Paragraph> : null}
                {handoff.media?.length ? <List size="small" dataSource={handoff.media} renderItem={(m) => <List.Item><a href={m.url} download>{`${m.kind} · ${m.id}`}</a></List.Item>} /> : null}
                {(handoff.checklist ?? []).map((c, i) => <Typography.Text key={i}>{`${i + 1}. ${c}`}</Typography.Text>)}
                {(handoff.warnings ?? []).map((w, i) => <Typography.Text key={`w${i}`} type="warning">{w}</Typography.Text>)}
              </Space>
            } />
          ) : null}
          <Typography.Title level={5}>{t('publishing.drawer.attempts')}</Typography.Title>
          {detail!.attempts.length === 0 ? <Empty description={t('publishing.drawer.noAttempts')} /> : (
            <Timeline items={detail!.attempts.map((a) => ({
              color: OUTCOME_COLORS[a.outcome] ?? 'gray',
              children: (
                <Space direction="vertical" size={0} style={{ width: '100%' }} data-testid="attempt-row">
                  <Space wrap>
                    <Tag color={OUTCOME_COLORS[a.outcome]}>{t(`publishing.outcome.${a.outcome}`)}</Tag>
                    <Typography.Text>{`#${a.number} · ${t(`publishing.kind.${a.kind}`, { defaultValue: a.kind })} · ${a.durationMs} ms`}</Typography.Text>
                  </Space>
                  <Instant iso={a.startedAt} timeZone={tz} />
                  {a.message ? <Typography.Text type="secondary">{a.message}</Typography.Text> : null}
                  {a.retryAfterMs ? <Typography.Text type="secondary">{t('publishing.drawer.retryAfter', { seconds: Math.round(a.retryAfterMs / 100) / 10 })}</Typography.Text> : null}
                  {a.raw ? (
                    <details>
                      <summary>{t('publishing.drawer.raw')}</summary>
                      <pre style={{ maxHeight: 200, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(a.raw, null, 2)}</pre>
                    </details>
                  ) : null}
                </Space>
              ),
            }))} />
          )}
        </Space>
      ) : null}
    </Drawer>
  );
}

import { Alert, Card, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import { useWorkspace } from '../../../../app/session';
import { errorText } from '../../../../i18n';
import { useAsync } from '../../../../utils/use-async';
import { PLATFORMS, fetchPacks, type Rule } from '../api';
import { SEVERITY_COLOR } from './finding-text';

/** 规则库: the packs in force (Advertising Law, platform rules, sensitive words) and their rules. */
export function PacksCard() {
  const { t, i18n } = useTranslation();
  const label = useLabels();
  const workspace = useWorkspace();
  const packs = useAsync(() => fetchPacks(workspace.id), [workspace.id]);
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

  const columns: ColumnsType<Rule> = [
    {
      title: t('compliance.packs.col.rule'), key: 'rule',
      render: (_, r) => (
        <div>
          <div>{r.message[lang]}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.id}</Typography.Text>
        </div>
      ),
    },
    { title: t('compliance.packs.col.category'), dataIndex: 'category', width: 120, render: (c: string) => <Tag bordered={false}>{label('category', c)}</Tag> },
    {
      title: t('compliance.packs.col.severity'), key: 'severity', width: 150,
      render: (_, r) => (
        <>
          <Tag color={SEVERITY_COLOR[r.severity]} bordered={false}>{t(`compliance.severity.${r.severity}`)}</Tag>
          {Object.entries(r.severityByPlatform).map(([p, s]) => (
            <Tag key={p} color={SEVERITY_COLOR[s!]} style={{ marginTop: 4 }}>{label('platform', p)}·{t(`compliance.severity.${s}`)}</Tag>
          ))}
        </>
      ),
    },
    {
      title: t('compliance.packs.col.platforms'), dataIndex: 'platforms', width: 180,
      render: (ps: string[]) => (ps.length === PLATFORMS.length
        ? <Typography.Text type="secondary">{t('compliance.packs.allPlatforms')}</Typography.Text>
        : ps.map((p) => <Tag key={p}>{label('platform', p)}</Tag>)),
    },
    {
      title: t('compliance.packs.col.terms'), dataIndex: 'terms', width: 110,
      render: (terms: string[]) => (terms.length === 0 ? '—' : (
        <Tooltip title={terms.slice(0, 60).join('、') + (terms.length > 60 ? '…' : '')}>
          <Typography.Link>{t('compliance.packs.termCount', { count: terms.length })}</Typography.Link>
        </Tooltip>
      )),
    },
    { title: t('compliance.packs.col.source'), dataIndex: 'source', width: 240, render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text> },
  ];

  return (
    <Card
      title={t('compliance.packs.title')}
      extra={packs.data && <Typography.Text type="secondary">{t('compliance.packs.version', { version: packs.data.packVersion })}</Typography.Text>}
      data-testid="compliance-packs"
    >
      {packs.error ? <Alert type="error" showIcon message={errorText(packs.error)} /> : (
        <Tabs
          items={(packs.data?.packs ?? []).map((p) => ({
            key: p.id,
            label: `${p.title}（${p.rules.length}）`,
            children: <Table rowKey="id" size="small" columns={columns} dataSource={p.rules} pagination={false} loading={packs.loading} />,
          }))}
        />
      )}
    </Card>
  );
}

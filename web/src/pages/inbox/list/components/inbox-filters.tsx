import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { INTENTS, SENTIMENTS, TYPES, type Account, type InboxFilters } from '../api';

interface Props {
  value: InboxFilters;
  accounts: Account[];
  onChange: (next: InboxFilters) => void;
}

/** 类型 · 账号 · 情感 · 意图; empty means all. */
export function InboxFilterBar({ value, accounts, onChange }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof InboxFilters>(key: K, v: InboxFilters[K] | undefined) => onChange({ ...value, [key]: v || undefined });
  const width = 150;
  return (
    <Space wrap data-testid="inbox-filters">
      <Select
        allowClear placeholder={t('inbox.filter.type')} style={{ width }} value={value.type} data-testid="inbox-filter-type"
        options={TYPES.map((v) => ({ value: v, label: t(`inbox.type.${v}`) }))} onChange={(v) => set('type', v)}
      />
      <Select
        allowClear showSearch optionFilterProp="label" placeholder={t('inbox.filter.account')} style={{ width: 220 }} value={value.accountId}
        options={accounts.map((a) => ({ value: a.id, label: `${t(`inbox.platform.${a.platform}`)} · ${a.displayName}` }))}
        onChange={(v) => set('accountId', v)}
      />
      <Select
        allowClear placeholder={t('inbox.filter.sentiment')} style={{ width }} value={value.sentiment} data-testid="inbox-filter-sentiment"
        options={SENTIMENTS.map((v) => ({ value: v, label: t(`text.sentiment.${v}`) }))} onChange={(v) => set('sentiment', v)}
      />
      <Select
        allowClear placeholder={t('inbox.filter.intent')} style={{ width }} value={value.intent} data-testid="inbox-filter-intent"
        options={INTENTS.map((v) => ({ value: v, label: t(`text.intent.${v}`) }))} onChange={(v) => set('intent', v)}
      />
    </Space>
  );
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Colours shared by the text playground and the inbox: the same verdicts look the same everywhere. */
export const SENTIMENT_COLOR: Record<string, string> = { positive: 'green', neutral: 'default', negative: 'red' };
export const INTENT_COLOR: Record<string, string> = { inquiry: 'blue', complaint: 'volcano', praise: 'green', spam: 'default', other: 'default' };

export function SentimentTag({ value, score }: { value: string; score?: number | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={SENTIMENT_COLOR[value] ?? 'default'} bordered={false} data-testid={`sentiment-${value}`}>
      {t(`text.sentiment.${value}`, { defaultValue: value })}{typeof score === 'number' ? ` ${score.toFixed(2)}` : ''}
    </Tag>
  );
}

export function IntentTag({ value }: { value: string }) {
  const { t } = useTranslation();
  return <Tag color={INTENT_COLOR[value] ?? 'default'} bordered={false}>{t(`text.intent.${value}`, { defaultValue: value })}</Tag>;
}

export function SpamTag({ spam }: { spam: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (!spam) return null;
  return <Tag color="magenta">{t('text.spam.yes')}</Tag>;
}

export function KeywordTags({ words }: { words: string[] }) {
  return <>{words.map((w) => <Tag key={w} style={{ marginBottom: 2 }}>{w}</Tag>)}</>;
}

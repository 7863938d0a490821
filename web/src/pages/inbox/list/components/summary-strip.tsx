import { Card, Col, Row, Statistic, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxFilters, Summary } from '../api';

interface Props { summary: Summary | null; onPick(filters: InboxFilters): void }

/** The server's counts over every conversation; each figure opens the matching list. */
export function SummaryStrip({ summary, onPick }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const figures: Array<{ key: string; value: number; filters: InboxFilters; color?: string }> = summary ? [
    { key: 'open', value: summary.byStatus.open, filters: { status: 'open' } },
    { key: 'pending', value: summary.byStatus.pending, filters: { status: 'pending' } },
    { key: 'unassigned', value: summary.unassigned, filters: { assigneeUserId: 'none', status: 'open' } },
    { key: 'slaWarning', value: summary.slaWarning, filters: { slaState: 'warning' }, color: token.colorWarning },
    { key: 'slaBreached', value: summary.slaBreached, filters: { slaState: 'breached' }, color: token.colorError },
    { key: 'resolved', value: summary.byStatus.resolved, filters: { status: 'resolved' } },
    { key: 'spam', value: summary.byStatus.spam, filters: { status: 'spam' } },
  ] : [];
  return (
    <Card data-testid="inbox-summary" styles={{ body: { padding: '12px 24px' } }} style={{ marginBottom: 16 }} loading={!summary}>
      <Row gutter={24} wrap>
        {figures.map((f) => (
          <Col key={f.key} flex="120px" style={{ cursor: 'pointer' }} onClick={() => onPick(f.filters)} data-testid={`inbox-sum-${f.key}`}>
            <Statistic title={t(`inbox.sum.${f.key}`)} value={f.value} valueStyle={f.color && f.value > 0 ? { color: f.color } : undefined} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

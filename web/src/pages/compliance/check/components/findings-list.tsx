import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import type { Finding } from '../api';
import { SEVERITY_COLOR, findingText } from './finding-text';

interface Props {
  findings: Finding[];
  onApply: (f: Finding) => void;
  onHover: (f: Finding | null) => void;
  /** Selects the finding's words in the editor. */
  onLocate: (f: Finding) => void;
}

/** Every finding with its rule, the words it matched, the suggestion and 一键替换 when there is one. */
export function FindingsList({ findings, onApply, onHover, onLocate }: Props) {
  const { t, i18n } = useTranslation();
  const label = useLabels();
  if (findings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compliance.findings.empty')} />;

  return (
    <List
      data-testid="findings-list"
      size="small"
      dataSource={findings}
      renderItem={(f, i) => {
        const { message, suggestion } = findingText(f, i18n.language);
        return (
          <List.Item
            key={`${f.rule}:${f.field}:${f.start}`}
            data-testid={`finding-${i}`}
            onMouseEnter={() => onHover(f)}
            onMouseLeave={() => onHover(null)}
            onClick={() => onLocate(f)}
            style={{ cursor: f.field === 'text' || f.field === 'title' ? 'pointer' : undefined }}
            actions={f.replacement !== null && (f.field === 'text' || f.field === 'title') ? [
              <Button key="apply" size="small" icon={<SwapOutlined />} data-testid={`finding-apply-${i}`} onClick={(e) => { e.stopPropagation(); onApply(f); }}>
                {t('compliance.findings.apply')}
              </Button>,
            ] : []}
          >
            <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
              <Space size={4} wrap>
                <Tag color={SEVERITY_COLOR[f.severity]} bordered={false}>{t(`compliance.severity.${f.severity}`)}</Tag>
                <Tag bordered={false}>{label('category', f.category)}</Tag>
                {f.field !== 'text' && <Tag bordered={false}>{t(`compliance.findings.field.${f.field}`)}</Tag>}
                {f.match && <Typography.Text code>{f.match}</Typography.Text>}
              </Space>
              <Typography.Text>{message}</Typography.Text>
              {suggestion && <Typography.Text type="success">{t('compliance.findings.suggestion', { text: suggestion })}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('compliance.findings.source', { text: f.source })}</Typography.Text>
            </Space>
          </List.Item>
        );
      }}
    />
  );
}

import { List, Space, Tag, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Variant } from '../api';
import { useLabels } from '../../../labels';

const REVIEW_COLOR: Record<Variant['review'], string> = { not_submitted: 'default', changed: 'warning', in_review: 'processing', changes_requested: 'error', approved: 'success' };

/** Per platform version: its review and publishing state, and the post's live link once it is out. */
export function VariantStates({ variants }: { variants: Variant[] }) {
  const { t } = useTranslation();
  const label = useLabels();
  return (
    <List size="small" bordered header={t('editorExtra.variants')} dataSource={variants} data-testid="editor-variants" style={{ marginBottom: 16 }}
      renderItem={(v) => (
        <List.Item>
          <Space wrap>
            <strong>{v.accountName ?? label('platform', v.platform)}</strong>
            <Tag color={REVIEW_COLOR[v.review]}>{t(`editorExtra.review.${v.review}`)}</Tag>
            {v.publish ? <Tag>{label('publication', v.publish.state)}</Tag> : null}
            {v.publish?.url ? (
              <Typography.Link href={v.publish.url} target="_blank" rel="noreferrer" data-testid="editor-live-link"><LinkOutlined /> {t('editorExtra.liveLink')}</Typography.Link>
            ) : null}
          </Space>
        </List.Item>
      )} />
  );
}

import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInZone } from '../../../../utils/time';

export const viewerZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

/** An instant in the workspace's zone, and in the viewer's when they differ. */
export function Instant({ iso, timeZone }: { iso: string | null; timeZone: string }) {
  const { t } = useTranslation();
  if (!iso) return <Typography.Text type="secondary">—</Typography.Text>;
  const mine = viewerZone();
  const main = formatInZone(iso, timeZone, 'YYYY-MM-DD HH:mm:ss');
  return (
    <Tooltip title={`UTC ${formatInZone(iso, 'UTC', 'YYYY-MM-DD HH:mm:ss')}`}>
      <span>
        {main}
        {mine !== timeZone ? (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('publishing.time.viewer', { time: formatInZone(iso, mine, 'MM-DD HH:mm'), zone: mine })}
          </Typography.Text>
        ) : null}
      </span>
    </Tooltip>
  );
}

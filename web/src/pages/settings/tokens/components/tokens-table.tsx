import { Badge, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../api/types';
import { formatInZone } from '../../../../utils/time';

type Status = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: ApiToken, now = Date.now()): Status {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

const BADGE: Record<Status, 'success' | 'default' | 'warning'> = { active: 'success', revoked: 'default', expired: 'warning' };
const SHOWN_SCOPES = 3;

interface Props {
  tokens: ApiToken[];
  loading: boolean;
  timeZone: string;
  busyId: string | null;
  onRevoke: (token: ApiToken) => void;
}

export function TokensTable({ tokens, loading, timeZone, busyId, onRevoke }: Props) {
  const { t } = useTranslation();
  const when = (iso: string | null, empty: string) => (iso ? formatInZone(iso, timeZone) : <Typography.Text type="secondary">{empty}</Typography.Text>);

  return (
    <Table<ApiToken>
      rowKey="id"
      data-testid="tokens-table"
      loading={loading}
      dataSource={tokens}
      pagination={tokens.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('tokens.empty') }}
      columns={[
        { title: t('tokens.col.name'), dataIndex: 'name', width: 200, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
        {
          title: t('tokens.col.scopes'), dataIndex: 'scopes',
          render: (scopes: string[]) => (
            <Tooltip title={scopes.length > SHOWN_SCOPES ? scopes.join(', ') : undefined}>
              <Space size={[4, 4]} wrap>
                {scopes.slice(0, SHOWN_SCOPES).map((s) => <Tag key={s} bordered={false}>{s}</Tag>)}
                {scopes.length > SHOWN_SCOPES && (
                  <Typography.Text type="secondary">{t('tokens.scopes.more', { count: scopes.length - SHOWN_SCOPES })}</Typography.Text>
                )}
              </Space>
            </Tooltip>
          ),
        },
        {
          title: t('tokens.col.status'), key: 'status', width: 110,
          render: (_, tk) => {
            const s = tokenStatus(tk);
            return <Badge status={BADGE[s]} text={t(`tokens.status.${s}`)} />;
          },
        },
        { title: t('tokens.col.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => when(v, '') },
        { title: t('tokens.col.expiresAt'), dataIndex: 'expiresAt', width: 160, render: (v: string | null) => when(v, t('common.label.never')) },
        { title: t('tokens.col.lastUsedAt'), dataIndex: 'lastUsedAt', width: 160, render: (v: string | null) => when(v, t('common.label.never')) },
        {
          title: t('common.label.operations'), key: 'op', width: 90,
          render: (_, tk) => tokenStatus(tk) !== 'revoked' && (
            <Popconfirm
              title={t('tokens.revoke.confirm', { name: tk.name })}
              description={t('tokens.revoke.confirmDesc')}
              okText={t('tokens.revoke')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.action.cancel')}
              onConfirm={() => onRevoke(tk)}
            >
              <Button type="link" danger size="small" loading={busyId === tk.id} data-testid={`token-revoke-${tk.id}`}>
                {t('tokens.revoke')}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}

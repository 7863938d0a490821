import { Avatar, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member, Role } from '../../../../api/types';
import { formatInZone } from '../../../../utils/time';
import { ROLE_COLORS } from './role-colors';

interface Props {
  members: Member[];
  loading: boolean;
  meId: string;
  myRole: Role;
  canManage: boolean;
  assignable: Role[];
  timeZone: string;
  busyId: string | null;
  onChangeRole: (member: Member, role: Role) => void;
  onRemove: (member: Member) => void;
}

export function MembersTable(p: Props) {
  const { t } = useTranslation();
  // Only owners may touch owners; nobody edits their own row here.
  const editable = (m: Member) => p.canManage && m.userId !== p.meId && (p.myRole === 'owner' || m.role !== 'owner');

  return (
    <Table<Member>
      rowKey="userId"
      data-testid="members-table"
      loading={p.loading}
      dataSource={p.members}
      pagination={p.members.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        {
          title: t('members.col.name'), dataIndex: 'name',
          render: (_, m) => (
            <Space>
              <Avatar size="small" style={{ background: '#e6efff', color: '#1a5cff' }}>{m.name.slice(0, 1).toUpperCase()}</Avatar>
              <span>{m.name}</span>
              {m.userId === p.meId && <Typography.Text type="secondary">{t('common.label.you')}</Typography.Text>}
            </Space>
          ),
        },
        { title: t('members.col.email'), dataIndex: 'email' },
        {
          title: t('members.col.role'), dataIndex: 'role', width: 220,
          filters: [...new Set(p.members.map((m) => m.role))].map((r) => ({ text: t(`common.role.${r}`), value: r })),
          onFilter: (value, m) => m.role === value,
          render: (role: Role, m) => editable(m) ? (
            <Select<Role>
              value={role}
              size="small"
              style={{ width: 160 }}
              loading={p.busyId === m.userId}
              disabled={p.busyId === m.userId}
              onChange={(next) => p.onChangeRole(m, next)}
              options={p.assignable.map((r) => ({ value: r, label: t(`common.role.${r}`) }))}
              data-testid={`member-role-${m.email}`}
            />
          ) : <Tag color={ROLE_COLORS[role]}>{t(`common.role.${role}`)}</Tag>,
        },
        {
          title: t('members.col.joinedAt'), dataIndex: 'joinedAt', width: 180,
          sorter: (a, b) => a.joinedAt.localeCompare(b.joinedAt),
          render: (v: string) => formatInZone(v, p.timeZone),
        },
        ...(p.canManage ? [{
          title: t('common.label.operations'), key: 'op', width: 100,
          render: (_: unknown, m: Member) => editable(m) && (
            <Popconfirm
              title={t('members.remove.confirm', { name: m.name })}
              description={t('members.remove.confirmDesc')}
              okText={t('common.action.remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.action.cancel')}
              onConfirm={() => p.onRemove(m)}
            >
              <Button type="link" danger size="small" data-testid={`member-remove-${m.email}`}>{t('common.action.remove')}</Button>
            </Popconfirm>
          ),
        }] : []),
      ]}
    />
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { changeRole, fetchRoles, listMembers, removeMember } from './api';
import { InviteModal } from './components/invite-modal';
import { MembersTable } from './components/members-table';
import { RolesCard } from './components/roles-card';
import { PageContainer } from '../../../components/page-container';
import { OneTimeSecretModal } from '../../../components/one-time-secret-modal';
import { useAccess, useSession, useWorkspace } from '../../../app/session';
import { assignableRoles } from '../../../access';
import { ROLE_KEYS, type InviteResponse, type Member, type Role } from '../../../api/types';
import { errorText } from '../../../i18n';
import { useAsync } from '../../../utils/use-async';

export default function MembersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const { user } = useSession();
  const { canManageMembers } = useAccess();
  const members = useAsync(() => listMembers(workspace.id).then((r) => r.items), [workspace.id]);
  const roles = useAsync(() => fetchRoles().then((r) => r.roles), []);
  const [inviteOpen, setInviteOpen] = useState(false);
  const [invited, setInvited] = useState<InviteResponse | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const assignable = assignableRoles(workspace.role, ROLE_KEYS);

  const onChangeRole = async (m: Member, role: Role) => {
    setBusyId(m.userId);
    try {
      const { member } = await changeRole(workspace.id, m.userId, role);
      members.setData((prev = []) => prev.map((x) => (x.userId === member.userId ? member : x)));
      message.success(t('members.role.changed', { name: member.name, role: t(`common.role.${member.role}`) }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusyId(null);
    }
  };

  const onRemove = async (m: Member) => {
    setBusyId(m.userId);
    try {
      await removeMember(workspace.id, m.userId);
      members.setData((prev = []) => prev.filter((x) => x.userId !== m.userId));
      message.success(t('members.remove.success', { name: m.name }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusyId(null);
    }
  };

  const onInvited = (result: InviteResponse) => {
    setInviteOpen(false);
    members.setData((prev = []) => [...prev.filter((x) => x.userId !== result.member.userId), result.member]);
    if (result.temporaryPassword) setInvited(result);
  };

  return (
    <PageContainer
      title={t('members.title')}
      description={t('members.desc')}
      extra={canManageMembers && (
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviteOpen(true)} data-testid="members-invite">
          {t('members.invite')}
        </Button>
      )}
    >
      {members.error ? <Alert type="error" showIcon message={errorText(members.error)} /> : null}
      <Card
        title={t('members.count', { count: members.data?.length ?? 0 })}
        extra={<Typography.Link onClick={() => void members.reload()}>{t('common.action.refresh')}</Typography.Link>}
        styles={{ body: { padding: 0 } }}
      >
        <MembersTable
          members={members.data ?? []}
          loading={members.loading}
          meId={user?.id ?? ''}
          myRole={workspace.role}
          canManage={canManageMembers}
          assignable={assignable}
          timeZone={workspace.timeZone}
          busyId={busyId}
          onChangeRole={(m, r) => void onChangeRole(m, r)}
          onRemove={(m) => void onRemove(m)}
        />
      </Card>
      {roles.data && <RolesCard roles={roles.data} />}
      <InviteModal
        open={inviteOpen}
        workspaceId={workspace.id}
        roles={assignable}
        onClose={() => setInviteOpen(false)}
        onInvited={onInvited}
      />
      <OneTimeSecretModal
        open={!!invited}
        testId="temp-password"
        title={t('members.tempPassword.title')}
        description={t('members.tempPassword.desc', { name: invited?.member.name ?? '', email: invited?.member.email ?? '' })}
        secret={invited?.temporaryPassword ?? ''}
        doneText={t('members.tempPassword.done')}
        onDone={() => setInvited(null)}
      />
    </PageContainer>
  );
}

import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { inviteMember } from '../api';
import type { InviteResponse, Role } from '../../../../api/types';
import { applyFieldErrors } from '../../../../utils/form-errors';

interface Props {
  open: boolean;
  workspaceId: string;
  roles: Role[];
  onClose: () => void;
  onInvited: (result: InviteResponse) => void;
}

interface Values {
  email: string;
  name: string;
  role: Role;
}

export function InviteModal({ open, workspaceId, roles, onClose, onInvited }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const result = await inviteMember(workspaceId, { email: values.email.trim(), name: values.name.trim(), role: values.role });
      message.success(t('members.invite.success', { name: result.member.name }));
      form.resetFields();
      onInvited(result);
    } catch (err) {
      const text = applyFieldErrors(form, err, ['email', 'name', 'role']);
      if (text) message.error(text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('members.invite.title')}
      okText={t('members.invite')}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ role: 'creator' }} data-testid="invite-form" preserve={false}>
        <Form.Item name="email" label={t('members.invite.email')} rules={[{ required: true, type: 'email', message: t('members.invite.email.required') }]}>
          <Input autoComplete="off" maxLength={254} data-testid="invite-email" />
        </Form.Item>
        <Form.Item name="name" label={t('members.invite.name')} rules={[{ required: true, whitespace: true, message: t('members.invite.name.required') }]}>
          <Input maxLength={80} data-testid="invite-name" />
        </Form.Item>
        <Form.Item name="role" label={t('members.invite.role')} rules={[{ required: true, message: t('members.invite.role.required') }]}>
          <Select
            data-testid="invite-role"
            options={roles.map((r) => ({
              value: r,
              label: `${t(`common.role.${r}`)} · ${t(`members.roleDesc.${r}`)}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

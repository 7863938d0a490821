import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_TYPES, PLATFORMS, createAccount, type Account, type Platform } from '../api';
import type { Member } from '../../../../api/types';
import { useLabels } from '../../../../labels';
import { applyFieldErrors } from '../../../../utils/form-errors';

interface Props {
  open: boolean;
  workspaceId: string;
  members: Member[];
  meId: string;
  onClose: () => void;
  onRegistered: (account: Account) => void;
}

interface Values {
  platform: Platform;
  type: Account['type'];
  displayName: string;
  handle: string;
  function: string;
  ownerId: string;
  apiBaseUrl?: string;
  purpose: string;
  operators: string[];
  verificationPlan?: string;
}

/** Platforms whose server address belongs to the account (a self-hosted instance, the sandbox network). */
const NEEDS_BASE_URL: ReadonlySet<Platform> = new Set(['mastodon', 'sandbox']);

/** 登记账号: the account and its filing (《官方微博、微信公众账号报备表》) in one form. */
export function RegisterModal({ open, workspaceId, members, meId, onClose, onRegistered }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const platform = Form.useWatch('platform', form);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const { account } = await createAccount(workspaceId, {
        platform: v.platform, type: v.type, displayName: v.displayName.trim(), handle: v.handle.trim(), function: v.function.trim(),
        ownerId: v.ownerId, ...(v.apiBaseUrl?.trim() ? { apiBaseUrl: v.apiBaseUrl.trim() } : {}),
        filing: { purpose: v.purpose.trim(), operators: v.operators ?? [], verificationPlan: v.verificationPlan?.trim() ?? '' },
      });
      message.success(t('accountsManage.register.done', { name: account.displayName }));
      form.resetFields();
      onRegistered(account);
    } catch (err) {
      const text = applyFieldErrors(form, err, ['platform', 'type', 'displayName', 'handle', 'function', 'ownerId', 'apiBaseUrl']);
      if (text) message.error(text);
    } finally {
      setSaving(false);
    }
  };

  const people = members.map((m) => ({ value: m.userId, label: `${m.name}（${label('role', m.role)}）` }));
  const required = { required: true, whitespace: true, message: t('accountsManage.required') };
  return (
    <Modal open={open} title={t('accountsManage.register.title')} okText={t('accountsManage.register.submit')} width={640}
      confirmLoading={saving} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} destroyOnHidden forceRender
      okButtonProps={{ 'data-testid': 'register-submit' } as Record<string, string>}>
      <Form<Values> form={form} layout="vertical" preserve={false} data-testid="register-form"
        initialValues={{ type: 'official', ownerId: meId, operators: [] }}>
        <Form.Item name="platform" label={t('accountsManage.field.platform')} rules={[{ required: true, message: t('accountsManage.required') }]}>
          <Select showSearch optionFilterProp="label" data-testid="register-platform" options={PLATFORMS.map((p) => ({ value: p, label: label('platform', p) }))} />
        </Form.Item>
        <Form.Item name="type" label={t('accountsManage.field.type')} rules={[{ required: true }]}>
          <Select options={ACCOUNT_TYPES.map((x) => ({ value: x, label: label('accountType', x) }))} />
        </Form.Item>
        <Form.Item name="displayName" label={t('accountsManage.field.displayName')} extra={t('accountsManage.field.displayName.hint')} rules={[required]}>
          <Input maxLength={60} data-testid="register-name" />
        </Form.Item>
        <Form.Item name="handle" label={t('accountsManage.field.handle')} rules={[required]}>
          <Input maxLength={100} data-testid="register-handle" />
        </Form.Item>
        <Form.Item name="function" label={t('accountsManage.field.function')} rules={[required]}>
          <Input maxLength={200} data-testid="register-function" />
        </Form.Item>
        {platform && NEEDS_BASE_URL.has(platform) ? (
          <Form.Item name="apiBaseUrl" label={t('accountsManage.field.apiBaseUrl')} extra={t(`accountsManage.field.apiBaseUrl.hint.${platform}`)}
            rules={[{ required: true, type: 'url', message: t('accountsManage.field.apiBaseUrl.invalid') }]}>
            <Input maxLength={500} placeholder="https://" data-testid="register-base-url" />
          </Form.Item>
        ) : null}
        <Form.Item name="ownerId" label={t('accountsManage.field.owner')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={people} />
        </Form.Item>
        <Form.Item name="purpose" label={t('accountsManage.field.purpose')} extra={t('accountsManage.field.purpose.hint')} rules={[required]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="register-purpose" />
        </Form.Item>
        <Form.Item name="operators" label={t('accountsManage.field.operators')}>
          <Select mode="multiple" optionFilterProp="label" options={people} />
        </Form.Item>
        <Form.Item name="verificationPlan" label={t('accountsManage.field.verificationPlan')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

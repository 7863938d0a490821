import { useMemo, useState } from 'react';
import { App, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createToken } from '../api';
import type { ApiToken, ScopeInfo } from '../../../../api/types';
import { applyFieldErrors } from '../../../../utils/form-errors';
import { dayjs, endOfDayIso } from '../../../../utils/time';

interface Props {
  open: boolean;
  workspaceId: string;
  timeZone: string;
  scopes: ScopeInfo[];
  /** Scopes the creator's role holds; others are shown but cannot be chosen. */
  allowed: string[];
  onClose: () => void;
  onCreated: (token: ApiToken, secret: string) => void;
}

interface Values {
  name: string;
  scopes: string[];
  expiresAt?: Dayjs | null;
}

/** Scopes grouped by module (`content.write` → content). */
function groupScopes(scopes: ScopeInfo[]): Array<[string, ScopeInfo[]]> {
  const groups = new Map<string, ScopeInfo[]>();
  for (const s of scopes) {
    const mod = s.key.split('.')[0];
    groups.set(mod, [...(groups.get(mod) ?? []), s]);
  }
  return [...groups.entries()];
}

export function CreateTokenModal({ open, workspaceId, timeZone, scopes, allowed, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const grouped = useMemo(() => groupScopes(scopes), [scopes]);
  // The server's labels read "content · 编辑"; the module is already the row's heading.
  const label = (s: ScopeInfo) => (i18n.language === 'en-US' ? s.labelEn : s.labelZh).split(' · ').pop();
  const moduleLabel = (mod: string) => (i18n.exists(`tokens.module.${mod}`) ? t(`tokens.module.${mod}`) : mod);
  const chosen = Form.useWatch('scopes', form) ?? [];
  const allChecked = allowed.length > 0 && allowed.every((k) => chosen.includes(k));

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const { token, secret } = await createToken(workspaceId, {
        name: v.name.trim(),
        scopes: v.scopes,
        ...(v.expiresAt ? { expiresAt: endOfDayIso(v.expiresAt, timeZone) } : {}),
      });
      form.resetFields();
      onCreated(token, secret);
    } catch (err) {
      const text = applyFieldErrors(form, err, ['name', 'scopes', 'expiresAt']);
      if (text) message.error(text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('tokens.create.title')}
      okText={t('common.action.create')}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" preserve={false} data-testid="token-form">
        <Form.Item name="name" label={t('tokens.form.name')} rules={[{ required: true, whitespace: true, message: t('tokens.form.name.required') }]}>
          <Input maxLength={80} placeholder={t('tokens.form.name.placeholder')} data-testid="token-name" />
        </Form.Item>
        <Form.Item
          label={
            <span>
              {t('tokens.form.scopes')}
              <Checkbox
                style={{ marginInlineStart: 16, fontWeight: 'normal' }}
                checked={allChecked}
                indeterminate={!allChecked && chosen.length > 0}
                onChange={(e) => form.setFieldValue('scopes', e.target.checked ? allowed : [])}
              >
                {t('tokens.form.scopes.selectAll')}
              </Checkbox>
            </span>
          }
          required
        >
          <Form.Item name="scopes" noStyle rules={[{ required: true, type: 'array', min: 1, message: t('tokens.form.scopes.required') }]}>
            <Checkbox.Group style={{ display: 'block', maxHeight: 300, overflow: 'auto' }} data-testid="token-scopes">
              {grouped.map(([mod, items]) => (
                <div key={mod} style={{ display: 'flex', gap: 12, padding: '6px 0', borderBottom: '1px dashed #f0f0f0' }}>
                  <Typography.Text type="secondary" style={{ width: 96, flex: 'none' }}>{moduleLabel(mod)}</Typography.Text>
                  <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 0' }}>
                    {items.map((s) => (
                      <Checkbox key={s.key} value={s.key} disabled={!allowed.includes(s.key)} style={{ minWidth: 120 }}>
                        {label(s)}
                      </Checkbox>
                    ))}
                  </div>
                </div>
              ))}
            </Checkbox.Group>
          </Form.Item>
        </Form.Item>
        <Form.Item name="expiresAt" label={t('tokens.form.expiresAt')} extra={t('tokens.form.expiresAt.help')} style={{ marginBottom: 0 }}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} style={{ width: 220 }} data-testid="token-expires" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

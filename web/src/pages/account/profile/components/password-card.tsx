import { useState } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api';
import { applyFieldErrors } from '../../../../utils/form-errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The server's rule, checked early: ≥ 10 characters with three of four classes. */
export function strongEnough(password: string): boolean {
  if (password.length < 10) return false;
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length >= 3;
}

export function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      message.success(t('settings.profile.password.changed'));
    } catch (err) {
      const text = applyFieldErrors(form, err, ['currentPassword', 'newPassword']);
      if (text) {
        // Put the two password errors where the user will look for them.
        const code = (err as { code?: string }).code;
        if (code === 'auth.wrong_password') form.setFields([{ name: 'currentPassword', errors: [text] }]);
        else if (code === 'auth.weak_password') form.setFields([{ name: 'newPassword', errors: [text] }]);
        else message.error(text);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('settings.profile.password')} extra={t('settings.profile.password.desc')}>
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 400 }} onFinish={(v) => void onFinish(v)} data-testid="password-form">
        <Form.Item name="currentPassword" label={t('settings.profile.password.current')} rules={[{ required: true, message: t('settings.profile.password.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('settings.profile.password.new')}
          extra={t('settings.profile.password.rule')}
          rules={[
            { required: true, message: t('settings.profile.password.required') },
            { validator: (_, v: string) => (!v || strongEnough(v) ? Promise.resolve() : Promise.reject(new Error(t('settings.profile.password.rule')))) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('settings.profile.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('settings.profile.password.required') },
            ({ getFieldValue }) => ({
              validator: (_, v: string) => (!v || v === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('settings.profile.password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>{t('settings.profile.password.submit')}</Button>
      </Form>
    </Card>
  );
}

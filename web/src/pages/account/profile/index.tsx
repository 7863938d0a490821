import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, Input, Row, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { updateMe } from './api';
import { PasswordCard } from './components/password-card';
import { PageContainer } from '../../../components/page-container';
import { useSession } from '../../../app/session';
import { LOCALES, isLocale, type Locale } from '../../../locales/meta';
import { changeLocale } from '../../../i18n';
import { applyFieldErrors } from '../../../utils/form-errors';

interface Values {
  name: string;
  locale: Locale;
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user, me, setUser } = useSession();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (user) form.setFieldsValue({ name: user.name, locale: isLocale(user.locale) ? user.locale : 'zh-CN' });
  }, [user, form]);

  if (!user || !me) return null;

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      const { user: next } = await updateMe({ name: v.name.trim(), locale: v.locale });
      setUser(next);
      if (isLocale(next.locale)) await changeLocale(next.locale);
      message.success(t('common.message.saved'));
    } catch (err) {
      const text = applyFieldErrors(form, err, ['name', 'locale']);
      if (text) message.error(text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title={t('settings.profile.title')} description={t('settings.profile.desc')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('settings.profile.basic')} style={{ height: '100%' }}>
            <Form<Values> form={form} layout="vertical" style={{ maxWidth: 400 }} onFinish={(v) => void onFinish(v)} data-testid="profile-form">
              <Form.Item label={t('settings.profile.email')}>
                <Input value={user.email} disabled />
              </Form.Item>
              <Form.Item name="name" label={t('settings.profile.name')} rules={[{ required: true, whitespace: true, message: t('settings.profile.name.required') }]}>
                <Input maxLength={80} data-testid="profile-name" />
              </Form.Item>
              <Form.Item name="locale" label={t('settings.profile.locale')}>
                <Select options={LOCALES.map((l) => ({ value: l, label: t(`common.language.${l}`) }))} data-testid="profile-locale" />
              </Form.Item>
              <Form.Item label={t('settings.profile.workspaces')}>
                <Space size={[8, 8]} wrap>
                  {me.workspaces.map((w) => <Tag key={w.id}>{w.name} · {t(`common.role.${w.role}`)}</Tag>)}
                </Space>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="profile-save">{t('common.action.save')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <PasswordCard />
        </Col>
      </Row>
    </PageContainer>
  );
}

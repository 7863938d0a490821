import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchSettings, saveSettings, type AccountSettings } from './api';
import { ACCOUNT_TYPES } from '../matrix/api';
import { PageContainer } from '../../../components/page-container';
import { useAccess, useWorkspace } from '../../../app/session';
import { ROLE_KEYS } from '../../../api/types';
import { errorText } from '../../../i18n';
import { useLabels } from '../../../labels';
import { applyFieldErrors } from '../../../utils/form-errors';
import { useAsync } from '../../../utils/use-async';

/** 账号管理设置: who approves filings, the naming policy (命名规范) and the health thresholds. */
export default function AccountSettingsPage() {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const access = useAccess();
  const loaded = useAsync(() => fetchSettings(workspace.id), [workspace.id]);
  const [form] = Form.useForm<AccountSettings>();
  const [saving, setSaving] = useState(false);

  useEffect(() => { if (loaded.data) form.setFieldsValue(loaded.data.settings); }, [loaded.data, form]);

  const submit = async (v: AccountSettings) => {
    setSaving(true);
    try {
      const pattern = v.naming.pattern?.trim() ? v.naming.pattern.trim() : null;
      const { settings } = await saveSettings(workspace.id, { ...v, naming: { ...v.naming, pattern } });
      loaded.setData({ settings });
      message.success(t('accountsManage.settings.saved'));
    } catch (err) {
      const text = applyFieldErrors(form, err, ['approverRoles', 'reportWorkingDays', 'securityCheckDays', 'tokenWarningDays', 'syncStaleHours']);
      if (text) message.error(text);
    } finally {
      setSaving(false);
    }
  };

  const tags = (max: number) => <Select mode="tags" tokenSeparators={[',', '，']} maxCount={max} open={false} suffixIcon={null} />;
  const days = (name: keyof AccountSettings, max: number, unit: string) => (
    <Form.Item name={name} label={t(`accountsManage.settings.${name}`)} extra={t(`accountsManage.settings.${name}.hint`)} rules={[{ required: true }]}>
      <InputNumber min={1} max={max} addonAfter={t(unit)} />
    </Form.Item>
  );
  return (
    <PageContainer title={t('accountsManage.settings.title')} description={t('accountsManage.settings.desc')}>
      {loaded.error ? <Alert type="error" showIcon message={errorText(loaded.error)} /> : null}
      <Form<AccountSettings> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={!access.canManageAccounts} data-testid="account-settings-form">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card title={t('accountsManage.settings.filing')}>
            <Form.Item name="approverRoles" label={t('accountsManage.settings.approverRoles')} extra={t('accountsManage.settings.approverRoles.hint')} rules={[{ required: true, message: t('accountsManage.required') }]}>
              <Select mode="multiple" options={ROLE_KEYS.filter((r) => r !== 'viewer').map((r) => ({ value: r, label: label('role', r) }))} />
            </Form.Item>
            {days('reportWorkingDays', 30, 'accountsManage.unit.workingDays')}
          </Card>
          <Card title={t('accountsManage.settings.naming')} data-testid="naming-policy">
            <Form.Item name={['naming', 'prefixes']} label={t('accountsManage.settings.prefixes')} extra={t('accountsManage.settings.prefixes.hint')}>{tags(20)}</Form.Item>
            <Form.Item name={['naming', 'companyNames']} label={t('accountsManage.settings.companyNames')} extra={t('accountsManage.settings.companyNames.hint')}>{tags(50)}</Form.Item>
            <Form.Item name={['naming', 'pattern']} label={t('accountsManage.settings.pattern')} extra={t('accountsManage.settings.pattern.hint')}>
              <Input maxLength={200} placeholder="^星河咖啡.+$" />
            </Form.Item>
            <Form.Item name={['naming', 'appliesTo']} label={t('accountsManage.settings.appliesTo')} extra={t('accountsManage.settings.appliesTo.hint')}>
              <Select mode="multiple" options={ACCOUNT_TYPES.map((x) => ({ value: x, label: label('accountType', x) }))} />
            </Form.Item>
          </Card>
          <Card title={t('accountsManage.settings.health')}>
            {days('securityCheckDays', 365, 'accountsManage.unit.days')}
            {days('tokenWarningDays', 60, 'accountsManage.unit.days')}
            {days('syncStaleHours', 720, 'accountsManage.unit.hours')}
          </Card>
          {access.canManageAccounts ? <Button type="primary" htmlType="submit" loading={saving} data-testid="account-settings-save">{t('accountsManage.settings.save')}</Button> : null}
        </Space>
      </Form>
    </PageContainer>
  );
}

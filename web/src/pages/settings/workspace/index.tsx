import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Skeleton, Space } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { getWorkspace, updateWorkspace } from './api';
import { HolidaysEditor } from './components/holidays-editor';
import { TimeZoneSelect } from './components/time-zone-select';
import { validWorkingDays, WorkingHoursEditor } from './components/working-hours-editor';
import { PageContainer } from '../../../components/page-container';
import { useAccess, useSession, useWorkspace } from '../../../app/session';
import type { Holiday, WorkingHours } from '../../../api/types';
import { LOCALES } from '../../../locales/meta';
import { errorText } from '../../../i18n';
import { applyFieldErrors } from '../../../utils/form-errors';
import { useAsync } from '../../../utils/use-async';
import { formatInZone } from '../../../utils/time';

interface Values {
  name: string;
  timeZone: string;
  locale: 'zh-CN' | 'en-US';
  days: WorkingHours['days'];
  holidays: Holiday[];
}

const FIELDS = ['name', 'timeZone', 'locale', 'holidays'];

export default function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useWorkspace();
  const { patchWorkspace } = useSession();
  const { canEditWorkspace } = useAccess();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { data, error, loading } = useAsync(() => getWorkspace(id), [id]);
  const timeZone = Form.useWatch('timeZone', form);

  useEffect(() => {
    if (!data) return;
    const w = data.workspace;
    form.setFieldsValue({
      name: w.name, timeZone: w.timeZone, locale: w.locale === 'en-US' ? 'en-US' : 'zh-CN',
      days: w.workingHours.days, holidays: w.holidays,
    });
  }, [data, form]);

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      const { workspace } = await updateWorkspace(id, {
        name: v.name.trim(), timeZone: v.timeZone, locale: v.locale,
        workingHours: { days: v.days ?? [] }, holidays: v.holidays ?? [],
      });
      patchWorkspace({ ...workspace, id });
      message.success(t('common.message.saved'));
    } catch (err) {
      const text = applyFieldErrors(form, err, FIELDS);
      if (text) message.error(text);
    } finally {
      setSaving(false);
    }
  };

  const save = canEditWorkspace && (
    <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => form.submit()} data-testid="workspace-save">
      {t('common.action.save')}
    </Button>
  );

  return (
    <PageContainer title={t('settings.workspace.title')} description={t('settings.workspace.desc')} extra={save}>
      {error ? <Alert type="error" showIcon message={errorText(error)} /> : null}
      {!canEditWorkspace && <Alert type="info" showIcon message={t('settings.workspace.readonly')} />}
      {loading && !data ? <Card><Skeleton active paragraph={{ rows: 8 }} /></Card> : (
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={!canEditWorkspace}
          onFinish={(v) => void onFinish(v)}
          style={{ display: 'flex', flexDirection: 'column', gap: 16 }}
          data-testid="workspace-form"
        >
          <Card title={t('settings.workspace.basic')}>
            <Form.Item name="name" label={t('settings.workspace.name')} rules={[{ required: true, whitespace: true, message: t('settings.workspace.name.required') }]}>
              <Input maxLength={80} style={{ maxWidth: 360 }} data-testid="workspace-name" />
            </Form.Item>
            <Form.Item
              name="timeZone"
              label={t('settings.workspace.timeZone')}
              extra={<Space direction="vertical" size={0}>
                <span>{t('settings.workspace.timeZone.help')}</span>
                {timeZone && <span>{t('settings.workspace.timeZone.now', { time: formatInZone(new Date().toISOString(), timeZone) })}</span>}
              </Space>}
              rules={[{ required: true }]}
            >
              <TimeZoneSelect />
            </Form.Item>
            <Form.Item name="locale" label={t('settings.workspace.locale')} extra={t('settings.workspace.locale.help')} style={{ marginBottom: 0 }}>
              <Select style={{ maxWidth: 360 }} options={LOCALES.map((l) => ({ value: l, label: t(`common.language.${l}`) }))} />
            </Form.Item>
          </Card>
          <Card title={t('settings.workspace.workingHours')} extra={t('settings.workspace.workingHours.desc')}>
            <Form.Item
              name="days"
              style={{ marginBottom: 0 }}
              rules={[{ validator: (_, days) => (validWorkingDays(days) ? Promise.resolve() : Promise.reject(new Error(t('settings.workspace.workingHours.invalid')))) }]}
            >
              <WorkingHoursEditor disabled={!canEditWorkspace} />
            </Form.Item>
          </Card>
          <Card title={t('settings.workspace.holidays')} extra={t('settings.workspace.holidays.desc')}>
            <Form.Item name="holidays" style={{ marginBottom: 0 }}>
              <HolidaysEditor disabled={!canEditWorkspace} />
            </Form.Item>
          </Card>
          {canEditWorkspace && <div>{save}</div>}
        </Form>
      )}
    </PageContainer>
  );
}

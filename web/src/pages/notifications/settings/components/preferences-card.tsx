import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Select, Switch, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import { useWorkspace } from '../../../../app/session';
import { errorText } from '../../../../i18n';
import { useAsync } from '../../../../utils/use-async';
import type { Dayjs } from 'dayjs';
import { dayjs, utcOffsetLabel } from '../../../../utils/time';
import { EVENTS, fetchPreferences, savePreferences } from '../api';

interface Values {
  emailEnabled: boolean;
  mutedEvents: string[];
  quiet: boolean;
  quietRange?: [Dayjs, Dayjs];
}

const HHMM = 'HH:mm';

/** 我的通知偏好: muted events, e-mail on/off, quiet hours (critical messages still come through). */
export function PreferencesCard() {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const prefs = useAsync(() => fetchPreferences(workspace.id), [workspace.id]);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const quiet = Form.useWatch('quiet', form);

  useEffect(() => {
    if (!prefs.data) return;
    const q = prefs.data.quietHours;
    form.setFieldsValue({
      emailEnabled: prefs.data.emailEnabled,
      mutedEvents: prefs.data.mutedEvents,
      quiet: q !== null,
      quietRange: q ? [dayjs(q.start, HHMM), dayjs(q.end, HHMM)] : [dayjs('22:00', HHMM), dayjs('08:00', HHMM)],
    });
  }, [prefs.data, form]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      const range = v.quiet && v.quietRange ? { start: v.quietRange[0].format(HHMM), end: v.quietRange[1].format(HHMM) } : null;
      prefs.setData(await savePreferences(workspace.id, { emailEnabled: v.emailEnabled, mutedEvents: v.mutedEvents ?? [], quietHours: range }));
      message.success(t('common.message.saved'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('notifications.prefs.title')} loading={prefs.loading && !prefs.data} data-testid="notify-preferences">
      {prefs.error ? <Alert type="error" showIcon message={errorText(prefs.error)} /> : (
        <Form form={form} layout="horizontal" labelCol={{ flex: '140px' }} wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }} onFinish={(v) => void save(v)} style={{ maxWidth: 720 }}>
          <Form.Item name="emailEnabled" label={t('notifications.prefs.email')} valuePropName="checked" extra={t('notifications.prefs.emailHint')}>
            <Switch data-testid="prefs-email" />
          </Form.Item>
          <Form.Item name="mutedEvents" label={t('notifications.prefs.muted')} extra={t('notifications.prefs.mutedHint')}>
            <Select mode="multiple" allowClear placeholder={t('notifications.prefs.mutedPlaceholder')} options={EVENTS.map((e) => ({ value: e, label: label('event', e) }))} />
          </Form.Item>
          <Form.Item name="quiet" label={t('notifications.prefs.quiet')} valuePropName="checked" extra={t('notifications.prefs.quietHint', { zone: `${workspace.timeZone} ${utcOffsetLabel(workspace.timeZone)}` })}>
            <Switch data-testid="prefs-quiet" />
          </Form.Item>
          {quiet && (
            <Form.Item name="quietRange" label={t('notifications.prefs.quietRange')} rules={[{ required: true, message: t('notifications.prefs.quietRequired') }]}>
              <TimePicker.RangePicker format={HHMM} order={false} minuteStep={5} />
            </Form.Item>
          )}
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="prefs-save">{t('common.action.save')}</Button>
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>{t('notifications.prefs.criticalNote')}</Typography.Text>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}

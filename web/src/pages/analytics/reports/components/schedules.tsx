import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Typography } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../../app/session';
import { errorText } from '../../../../i18n';
import { applyFieldErrors } from '../../../../utils/form-errors';
import { useAsync } from '../../../../utils/use-async';
import { createSchedule, deleteSchedule, listChannels, listSchedules, sendSchedule, updateSchedule, type Schedule, type ScheduleBody } from '../../api';

/** 定时推送: which report, in which format, when (workspace zone) and to which channels. */
export function Schedules() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const canManage = workspace.permissions.includes('analytics.manage');
  const schedules = useAsync(() => listSchedules(workspace.id), [workspace.id]);
  const channels = useAsync(() => (canManage ? listChannels(workspace.id) : Promise.resolve({ items: [] })), [workspace.id, canManage]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ScheduleBody>();
  const report = Form.useWatch('report', form);

  const run = async (f: () => Promise<unknown>, ok?: string) => {
    try {
      await f();
      if (ok) message.success(ok);
      await schedules.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await createSchedule(workspace.id, values);
      setOpen(false);
      form.resetFields();
      await schedules.reload();
    } catch (err) {
      const left = applyFieldErrors(form, err, ['name', 'report', 'format', 'day', 'time', 'channelIds']);
      if (left) message.error(left);
    }
  };
  const when = (s: Schedule) => (s.report === 'weekly'
    ? t('analytics.schedules.weeklyAt', { day: t(`analytics.weekday.${s.day}`), time: s.time })
    : t('analytics.schedules.monthlyAt', { day: s.day, time: s.time }));

  return (
    <Card
      title={t('analytics.schedules.title')}
      extra={canManage ? <Button data-testid="schedule-add" icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('analytics.schedules.add')}</Button> : null}
    >
      <Typography.Paragraph type="secondary">{t('analytics.schedules.hint')}</Typography.Paragraph>
      <Table<Schedule>
        data-testid="schedules-table" size="small" rowKey="id" loading={schedules.loading} dataSource={schedules.data?.items ?? []} pagination={false}
        columns={[
          { title: t('analytics.schedules.name'), dataIndex: 'name' },
          { title: t('analytics.schedules.report'), dataIndex: 'report', render: (v: string) => t(`analytics.schedules.report.${v}`) },
          { title: t('analytics.schedules.format'), dataIndex: 'format', render: (v: string) => v.toUpperCase() },
          { title: t('analytics.schedules.when'), key: 'when', render: (_: unknown, s) => when(s) },
          { title: t('analytics.schedules.last'), dataIndex: 'lastSentAt', render: (v: string | null, s) => (v ? `${s.lastPeriod ?? ''} · ${new Date(v).toLocaleString()}` : t('analytics.schedules.never')) },
          {
            title: t('analytics.schedules.enabled'), dataIndex: 'enabled',
            render: (v: boolean, s) => <Switch size="small" checked={v} disabled={!canManage} onChange={(on) => run(() => updateSchedule(workspace.id, s.id, { enabled: on }))} />,
          },
          {
            key: 'actions', render: (_: unknown, s) => canManage && (
              <Space>
                <Button size="small" icon={<SendOutlined />} onClick={() => run(async () => {
                  const r = await sendSchedule(workspace.id, s.id);
                  message.success(t('analytics.schedules.sent', { period: r.period }));
                })}>{t('analytics.schedules.sendNow')}</Button>
                <Popconfirm title={t('analytics.schedules.deleteConfirm')} onConfirm={() => run(() => deleteSchedule(workspace.id, s.id))}>
                  <Button size="small" danger>{t('analytics.schedules.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={open} title={t('analytics.schedules.add')} onOk={submit} onCancel={() => setOpen(false)} okText={t('analytics.action.save')} cancelText={t('analytics.action.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ report: 'weekly', format: 'pdf', day: 1, time: '09:00', channelIds: [], enabled: true }}>
          <Form.Item name="name" label={t('analytics.schedules.name')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="report" label={t('analytics.schedules.report')}>
            <Select options={['weekly', 'monthly'].map((v) => ({ value: v, label: t(`analytics.schedules.report.${v}`) }))} />
          </Form.Item>
          <Form.Item name="format" label={t('analytics.schedules.format')}>
            <Select options={['pdf', 'xlsx', 'md'].map((v) => ({ value: v, label: v.toUpperCase() }))} />
          </Form.Item>
          <Space>
            <Form.Item name="day" label={t('analytics.schedules.day')}>
              {report === 'monthly'
                ? <InputNumber min={1} max={28} />
                : <Select style={{ width: 120 }} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`analytics.weekday.${d}`) }))} />}
            </Form.Item>
            <Form.Item name="time" label={t('analytics.schedules.time')} rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/ }]}><Input style={{ width: 100 }} placeholder="09:00" /></Form.Item>
          </Space>
          <Form.Item name="channelIds" label={t('analytics.schedules.channels')}>
            <Select mode="multiple" options={(channels.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.kind}）` }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

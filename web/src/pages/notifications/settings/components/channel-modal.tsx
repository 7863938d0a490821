import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import { ApiError } from '../../../../api/request';
import { useWorkspace } from '../../../../app/session';
import { errorText } from '../../../../i18n';
import { CHANNEL_KINDS, EVENT_PATTERNS, createChannel, updateChannel, type Channel, type ChannelKind } from '../api';
import { ChannelConfigFields } from './channel-config-fields';

interface Values {
  kind: ChannelKind;
  name: string;
  events: string[];
  enabled: boolean;
  config?: Record<string, unknown>;
}

interface Props {
  open: boolean;
  /** The channel being edited; null adds one. */
  channel: Channel | null;
  onClose: () => void;
  onSaved: (c: Channel) => void;
}

/** Drops empty fields so an untouched secret on edit is not sent (and the server keeps nothing half-set). */
function cleanConfig(config: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config ?? {})) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

export function ChannelModal({ open, channel, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? channel?.kind ?? 'wecom';
  const editing = channel !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(channel
      ? { kind: channel.kind, name: channel.name, events: channel.events, enabled: channel.enabled, config: {} }
      : { kind: 'wecom', name: '', events: ['*'], enabled: true, config: {} });
  }, [open, channel, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const config = cleanConfig(v.config);
    setSaving(true);
    try {
      const saved = editing
        ? await updateChannel(workspace.id, channel.id, { name: v.name, events: v.events, enabled: v.enabled, ...(Object.keys(config).length ? { config } : {}) })
        : await createChannel(workspace.id, { kind: v.kind, name: v.name, events: v.events, enabled: v.enabled, config });
      message.success(t('common.message.saved'));
      onSaved(saved.channel);
    } catch (err) {
      if (err instanceof ApiError && err.fields) {
        form.setFields(Object.entries(err.fields).map(([path, text]) => ({ name: path.split('.'), errors: [text] })) as never);
      }
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden width={620}
      title={t(editing ? 'notifications.channel.edit' : 'notifications.channel.add')}
      okButtonProps={{ 'data-testid': 'channel-save' } as never}
    >
      <Form form={form} layout="vertical" requiredMark={false} preserve={false} data-testid="channel-form">
        <Form.Item name="kind" label={t('notifications.channel.kind')}>
          <Select disabled={editing} options={CHANNEL_KINDS.map((k) => ({ value: k, label: label('channel', k) }))} data-testid="channel-kind" />
        </Form.Item>
        <Form.Item name="name" label={t('notifications.channel.name')} rules={[{ required: true, whitespace: true, message: t('notifications.channel.required') }, { max: 60 }]}>
          <Input placeholder={t('notifications.channel.namePlaceholder')} data-testid="channel-name" />
        </Form.Item>
        <Form.Item name="events" label={t('notifications.channel.events')} extra={t('notifications.channel.eventsHint')} rules={[{ required: true, message: t('notifications.channel.required') }]}>
          <Select mode="tags" options={EVENT_PATTERNS.map((e) => ({ value: e, label: label('event', e) }))} />
        </Form.Item>
        {editing && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('notifications.channel.keepHint', { target: channel.target })} />}
        <ChannelConfigFields kind={kind} editing={editing} />
        <Form.Item name="enabled" label={t('notifications.channel.enabled')} valuePropName="checked" style={{ marginBottom: 0 }}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

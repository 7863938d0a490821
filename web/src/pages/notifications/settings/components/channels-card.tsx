import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../../labels';
import { useWorkspace } from '../../../../app/session';
import { errorText } from '../../../../i18n';
import { useAsync } from '../../../../utils/use-async';
import { formatInZone } from '../../../../utils/time';
import { deleteChannel, fetchChannels, testChannel, type Channel } from '../api';
import { ChannelModal } from './channel-modal';

export const KIND_COLOR: Record<string, string> = { wecom: 'green', dingtalk: 'blue', feishu: 'cyan', email: 'gold', webhook: 'purple' };

/** 通知渠道 (notify.manage): group robots, SMTP e-mail and signed webhooks; test-send; edit; delete. */
export function ChannelsCard({ onTested }: { onTested: () => void }) {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const workspace = useWorkspace();
  const channels = useAsync(() => fetchChannels(workspace.id), [workspace.id]);
  const [editing, setEditing] = useState<Channel | null | undefined>(undefined);
  const [testing, setTesting] = useState<string | null>(null);

  const test = async (c: Channel) => {
    setTesting(c.id);
    try {
      const r = await testChannel(workspace.id, c.id);
      message.success(t('notifications.channel.testOk', { status: r.responseStatus }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setTesting(null);
      onTested();
    }
  };

  const remove = async (c: Channel) => {
    try {
      await deleteChannel(workspace.id, c.id);
      message.success(t('notifications.channel.deleted', { name: c.name }));
      channels.setData((prev) => ({ items: (prev?.items ?? []).filter((x) => x.id !== c.id) }));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Card
      title={t('notifications.channels.title')} data-testid="notify-channels"
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="channel-add">{t('notifications.channel.add')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('notifications.channels.desc')}</Typography.Paragraph>
      {channels.error ? <Alert type="error" showIcon message={errorText(channels.error)} /> : (
        <Table<Channel>
          rowKey="id" size="middle" loading={channels.loading} dataSource={channels.data?.items ?? []} pagination={false}
          data-testid="channels-table" locale={{ emptyText: t('notifications.channels.empty') }}
          columns={[
            {
              title: t('notifications.channel.name'), dataIndex: 'name',
              render: (name: string, c) => (
                <Space direction="vertical" size={0}>
                  <Space size={6}>
                    <Tag color={KIND_COLOR[c.kind]} bordered={false}>{label('channel', c.kind)}</Tag>
                    <Typography.Text strong>{name}</Typography.Text>
                    {!c.enabled && <Tag>{t('notifications.channel.disabled')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={false}>{c.target}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('notifications.channel.events'), dataIndex: 'events',
              render: (events: string[]) => events.map((e) => <Tag key={e} style={{ marginBottom: 2 }}>{label('event', e)}</Tag>),
            },
            { title: t('notifications.channel.createdAt'), dataIndex: 'createdAt', width: 150, render: (d: string) => formatInZone(d, workspace.timeZone) },
            {
              title: t('common.label.operations'), key: 'op', width: 220,
              render: (_, c) => (
                <Space size={0}>
                  <Tooltip title={t('notifications.channel.testHint')}>
                    <Button type="link" size="small" icon={<SendOutlined />} loading={testing === c.id} onClick={() => void test(c)} data-testid={`channel-test-${c.id}`}>
                      {t('notifications.channel.test')}
                    </Button>
                  </Tooltip>
                  <Button type="link" size="small" onClick={() => setEditing(c)}>{t('notifications.channel.editShort')}</Button>
                  <Popconfirm title={t('notifications.channel.confirmDelete', { name: c.name })} onConfirm={() => remove(c)}>
                    <Button type="link" size="small" danger>{t('common.action.delete')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <ChannelModal
        open={editing !== undefined} channel={editing ?? null} onClose={() => setEditing(undefined)}
        onSaved={() => { setEditing(undefined); void channels.reload(); }}
      />
    </Card>
  );
}

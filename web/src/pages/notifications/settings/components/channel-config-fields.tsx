import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '../api';

/** The config form of each channel kind. Secrets are write-only: on edit every field starts empty. */
export function ChannelConfigFields({ kind, editing }: { kind: ChannelKind; editing: boolean }) {
  const { t } = useTranslation();
  const required = !editing;
  const url = (name: string, label: string, placeholder: string) => (
    <Form.Item name={['config', name]} label={label} rules={[{ required, message: t('notifications.channel.required') }, { type: 'url', message: t('notifications.channel.badUrl') }]}>
      <Input placeholder={placeholder} data-testid={`channel-config-${name}`} autoComplete="off" />
    </Form.Item>
  );
  const secret = (label: string, hint: string, min?: number) => (
    <Form.Item
      name={['config', 'secret']} label={label} extra={hint}
      rules={[{ required: required && min !== undefined, message: t('notifications.channel.required') }, ...(min ? [{ min, message: t('notifications.channel.secretMin', { min }) }] : [])]}
    >
      <Input.Password placeholder={editing ? t('notifications.channel.secretKeep') : ''} autoComplete="new-password" data-testid="channel-config-secret" />
    </Form.Item>
  );

  switch (kind) {
    case 'wecom':
      return url('webhookUrl', t('notifications.channel.wecomUrl'), 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…');
    case 'dingtalk':
      return (
        <>
          {url('webhookUrl', t('notifications.channel.dingtalkUrl'), 'https://oapi.dingtalk.com/robot/send?access_token=…')}
          {secret(t('notifications.channel.dingtalkSecret'), t('notifications.channel.dingtalkSecretHint'))}
        </>
      );
    case 'feishu':
      return (
        <>
          {url('webhookUrl', t('notifications.channel.feishuUrl'), 'https://open.feishu.cn/open-apis/bot/v2/hook/…')}
          {secret(t('notifications.channel.feishuSecret'), t('notifications.channel.feishuSecretHint'))}
        </>
      );
    case 'webhook':
      return (
        <>
          {url('url', t('notifications.channel.webhookUrl'), 'https://example.com/hooks/chorus')}
          {secret(t('notifications.channel.webhookSecret'), t('notifications.channel.webhookSecretHint'), 16)}
        </>
      );
    case 'email':
      return (
        <>
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item name={['config', 'host']} label={t('notifications.channel.smtpHost')} rules={[{ required, message: t('notifications.channel.required') }]}>
                <Input placeholder="smtp.exmail.qq.com" data-testid="channel-config-host" />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={['config', 'port']} label={t('notifications.channel.smtpPort')} rules={[{ required, message: t('notifications.channel.required') }]}>
                <InputNumber min={1} max={65535} style={{ width: '100%' }} placeholder="465" />
              </Form.Item>
            </Col>
            <Col span={3}>
              <Form.Item name={['config', 'secure']} label="SSL" valuePropName="checked"><Switch size="small" /></Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name={['config', 'user']} label={t('notifications.channel.smtpUser')}><Input autoComplete="off" /></Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['config', 'pass']} label={t('notifications.channel.smtpPass')}>
                <Input.Password autoComplete="new-password" placeholder={editing ? t('notifications.channel.secretKeep') : ''} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={['config', 'from']} label={t('notifications.channel.smtpFrom')} rules={[{ required, message: t('notifications.channel.required') }]}>
            <Input placeholder="合声通知 <notice@example.cn>" />
          </Form.Item>
          <Form.Item name={['config', 'to']} label={t('notifications.channel.smtpTo')} extra={t('notifications.channel.smtpToHint')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ', ';']} open={false} suffixIcon={null} placeholder="ops@example.cn" />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

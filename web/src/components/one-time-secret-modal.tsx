import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { CopyOutlined, CheckOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: ReactNode;
  description: ReactNode;
  secret: string;
  doneText: ReactNode;
  footnote?: ReactNode;
  onDone: () => void;
  testId?: string;
}

/** Shows a secret exactly once, with a copy button; it only closes through the explicit "done" button. */
export function OneTimeSecretModal({ open, title, description, secret, doneText, footnote, onDone, testId }: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      afterClose={() => setCopied(false)}
      footer={<Button type="primary" onClick={onDone} data-testid={testId ? `${testId}-done` : undefined}>{doneText}</Button>}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="warning" showIcon message={description} />
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={secret} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
            onFocus={(e) => e.target.select()} data-testid={testId ? `${testId}-value` : undefined} />
          <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()}>
            {t(copied ? 'common.action.copied' : 'common.action.copy')}
          </Button>
        </Space.Compact>
        {footnote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{footnote}</Typography.Text>}
      </Space>
    </Modal>
  );
}

import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../labels';
import type { Adapted } from '../api';

const SKIN: Record<string, { bg: string; fg: string }> = {
  weibo: { bg: '#ff8200', fg: '#fff' }, wechat: { bg: '#07c160', fg: '#fff' }, douyin: { bg: '#161823', fg: '#fff' },
  kuaishou: { bg: '#ff4906', fg: '#fff' }, xiaohongshu: { bg: '#ff2442', fg: '#fff' }, bilibili: { bg: '#fb7299', fg: '#fff' },
  zhihu: { bg: '#1772f6', fg: '#fff' }, linkedin: { bg: '#0a66c2', fg: '#fff' },
};

/** Topics and mentions coloured the way the platform shows them. */
function Rich({ text }: { text: string }) {
  const parts = text.split(/(#[^#\s]+#?|@[\p{L}\p{N}_\-·]+)/u);
  return <>{parts.map((p, i) => (/^[#@]/.test(p) ? <span key={i} style={{ color: '#eb7350' }}>{p}</span> : <span key={i}>{p}</span>))}</>;
}

/** A phone-like card per platform: header in the platform's colour, title, text, length and warnings. */
export function PhonePreview({ a }: { a: Adapted }) {
  const { t } = useTranslation();
  const label = useLabels();
  const skin = SKIN[a.platform] ?? { bg: '#595959', fg: '#fff' };
  const over = a.length > a.limit;
  return (
    <Card
      size="small" data-testid={`preview-${a.platform}`}
      style={{ width: 260, borderRadius: 24, border: '6px solid #1f1f1f', overflow: 'hidden' }}
      styles={{ header: { background: skin.bg, color: skin.fg, borderRadius: 0 }, body: { minHeight: 180, background: '#fafafa' } }}
      title={label('platform', a.platform)}
      extra={<span style={{ color: skin.fg, fontSize: 12 }}>{`${a.length}/${a.limit}`}</span>}
    >
      {a.title ? <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>{a.title}</Typography.Text> : null}
      <div style={{ whiteSpace: 'pre-wrap', fontSize: 13, maxHeight: 220, overflow: 'auto', color: over ? '#cf1322' : undefined }}><Rich text={a.text} /></div>
      {a.tags.length ? <div style={{ marginTop: 6 }}>{a.tags.map((x) => <Tag key={x}>{x}</Tag>)}</div> : null}
      {a.warnings.length ? (
        <Space direction="vertical" size={2} style={{ marginTop: 8 }}>
          {a.warnings.map((w) => <Tag key={w.code} color={w.severity === 'error' ? 'red' : w.severity === 'warn' ? 'orange' : 'blue'}>{w.message}</Tag>)}
        </Space>
      ) : null}
    </Card>
  );
}

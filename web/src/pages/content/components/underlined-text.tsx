import { Tooltip } from 'antd';
import type { Finding } from '../api';

/** The copy with compliance findings underlined (red: blocks, orange: warns), each with its message. */
export function UnderlinedText({ text, findings }: { text: string; findings: Finding[] }) {
  const marks = findings.filter((f) => f.field === 'text' && f.end > f.start).sort((a, b) => a.start - b.start);
  const out: React.ReactNode[] = [];
  let at = 0;
  marks.forEach((f, i) => {
    if (f.start < at) return;
    out.push(<span key={`t${i}`}>{text.slice(at, f.start)}</span>);
    out.push(
      <Tooltip key={`f${i}`} title={f.message}>
        <span data-testid="compliance-mark" style={{ textDecoration: 'underline wavy', textDecorationColor: f.severity === 'block' ? '#cf1322' : '#fa8c16' }}>
          {text.slice(f.start, f.end)}
        </span>
      </Tooltip>,
    );
    at = f.end;
  });
  out.push(<span key="rest">{text.slice(at)}</span>);
  return <div style={{ whiteSpace: 'pre-wrap', padding: 8, background: '#fafafa', borderRadius: 6, minHeight: 40 }}>{out}</div>;
}

import { Fragment, useMemo } from 'react';
import { Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../api';
import { findingText } from './finding-text';
import { segment } from './marks';

interface Props {
  text: string;
  findings: Finding[];
  /** Highlights the findings of this index in the list (hovered there). */
  active?: Finding | null;
  testId?: string;
}

/** The copy with every finding underlined (red: must fix, orange: warning); hover shows why. */
export function MarkedText({ text, findings, active, testId }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const pieces = useMemo(() => segment(text, findings), [text, findings]);

  return (
    <div
      data-testid={testId}
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', lineHeight: 1.9, fontSize: token.fontSize + 1 }}
    >
      {pieces.map((p, i) => {
        if (p.findings.length === 0) return <Fragment key={i}>{p.text}</Fragment>;
        const blocking = p.findings.some((f) => f.severity === 'block');
        const color = blocking ? token.colorError : token.colorWarning;
        const isActive = active ? p.findings.includes(active) : false;
        const tip = (
          <div style={{ maxWidth: 320 }}>
            {p.findings.map((f) => {
              const { message, suggestion } = findingText(f, i18n.language);
              return (
                <div key={`${f.rule}:${f.start}`} style={{ marginBottom: 4 }}>
                  <strong>{t(`compliance.severity.${f.severity}`)}</strong> · {message}
                  {suggestion && <div style={{ opacity: 0.85 }}>{t('compliance.findings.suggestion', { text: suggestion })}</div>}
                </div>
              );
            })}
          </div>
        );
        return (
          <Tooltip key={i} title={tip} placement="bottom">
            <span
              data-testid="finding-mark"
              data-severity={blocking ? 'block' : 'warn'}
              style={{
                textDecoration: `underline wavy ${color}`,
                textUnderlineOffset: 4,
                background: isActive ? (blocking ? token.colorErrorBgHover : token.colorWarningBgHover) : (blocking ? token.colorErrorBg : token.colorWarningBg),
                borderRadius: 2,
                cursor: 'help',
              }}
            >
              {p.text}
            </span>
          </Tooltip>
        );
      })}
      {text.length === 0 && <Typography.Text type="secondary">{t('compliance.preview.empty')}</Typography.Text>}
    </div>
  );
}

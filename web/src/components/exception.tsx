import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

type Kind = '403' | '404' | 'noWorkspace' | 'crash';

const STATUS = { '403': '403', '404': '404', noWorkspace: 'info', crash: 'error' } as const;

export function Exception({ kind, extra }: { kind: Kind; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status={STATUS[kind]}
      title={t(`common.exception.${kind}.title`)}
      subTitle={t(`common.exception.${kind}.desc`)}
      extra={extra ?? (kind === '403' || kind === '404'
        ? <Button type="primary" onClick={() => navigate('/dashboard')}>{t('common.action.backHome')}</Button>
        : null)}
    />
  );
}

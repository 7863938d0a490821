import { Button, Dropdown, App } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../locales/meta';
import { changeLocale, currentLocale, errorText } from '../../i18n';

interface Props {
  /** Persists the choice to the account (PATCH /api/v1/me) when signed in. */
  onChange?: (locale: Locale) => Promise<void>;
  size?: 'small' | 'middle';
}

export function LanguageSwitch({ onChange, size = 'middle' }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const active = currentLocale();

  const select = async (locale: Locale) => {
    try {
      if (onChange) await onChange(locale);
      else await changeLocale(locale);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [active],
        items: LOCALES.map((l) => ({ key: l, label: t(`common.language.${l}`), 'data-testid': `language-option-${l}` })),
        onClick: ({ key }) => void select(key as Locale),
      }}
    >
      <Button type="text" size={size} icon={<TranslationOutlined />} data-testid="language-switch" aria-label={t('common.language.label')}>
        {t(`common.language.${active}`)}
      </Button>
    </Dropdown>
  );
}

import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, setLanguage } from './i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      aria-label={t('language.label')}
      value={i18n.resolvedLanguage}
      onChange={(value) => {
        if (isLanguage(value)) setLanguage(value);
      }}
      options={LANGUAGES.map((language) => ({
        value: language,
        label: (
          <span lang={language} title={t(`language.${language}`)}>
            {language.toUpperCase()}
          </span>
        ),
      }))}
    />
  );
}

import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function RouteFallback() {
  const { t } = useTranslation();
  return (
    <div className="route-fallback">
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

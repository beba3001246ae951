import { useQuery } from '@apollo/client/react';
import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/apollo/errors';
import { ProvincesTable } from './ProvincesTable';
import { ProvincesPageQuery } from './provinces.operations';

/** The provinces, current and merged into others by the 2025 reform: a page of its own, off every home. */
export function ProvincesPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(ProvincesPageQuery);
  return (
    <Card>
      <Typography.Title level={1} className="visually-hidden">
        {t('nav.provinces')}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      <ProvincesTable provinces={data?.provinces ?? []} loading={loading && !data} />
    </Card>
  );
}

import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProvincesTable } from '@/features/provinces/ProvincesTable';
import { errorMessage } from '@/shared/apollo/errors';
import { AccountCard } from './AccountCard';
import { HomeQuery } from './home.operations';

export function HomePage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(HomeQuery);

  return (
    <Row gutter={[16, 16]}>
      {error && (
        <Col span={24}>
          <Alert type="error" showIcon title={errorMessage(error, t)} />
        </Col>
      )}
      <Col xs={24} lg={9} xl={8}>
        <AccountCard viewer={data?.me} loading={loading && !data} />
      </Col>
      <Col xs={24} lg={15} xl={16}>
        <Card>
          <ProvincesTable provinces={data?.provinces ?? []} loading={loading && !data} />
        </Card>
      </Col>
    </Row>
  );
}

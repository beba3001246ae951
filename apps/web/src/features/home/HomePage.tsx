import { useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MyComplianceCard, ComplianceChangedSubscription } from '@/features/compliance';
import { ProvincesTable } from '@/features/provinces';
import { CalendarFeedCard } from '@/features/transfer';
import { useViewerCan } from '@/features/shell';
import { errorMessage } from '@/shared/apollo/errors';
import { AccountCard } from './AccountCard';
import { HomeQuery, MyComplianceQuery } from './home.operations';

export function HomePage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(HomeQuery);
  const currentYear = new Date().getFullYear();
  const [year, setYear] = useState(currentYear);
  // Only someone on the cadre list has days of their own to count: the API says so in me.can.
  const { can } = useViewerCan();
  const hasOwnResults = !!can?.seeOwnTrips;
  const mine = useQuery(MyComplianceQuery, { variables: { year }, skip: !hasOwnResults });
  // An approval, a report accepted, an exemption: the card follows without a reload.
  useSubscription(ComplianceChangedSubscription, {
    variables: { year },
    skip: !hasOwnResults,
    onData: ({ data: pushed }) => {
      const cadreId = data?.me.cadreId;
      if (pushed.data?.complianceChanged.cadres.some((c) => c.cadreId === cadreId)) void mine.refetch();
    },
  });

  return (
    <Row gutter={[16, 16]}>
      {/* The page's heading for screen readers; the cards under it carry the visible titles. */}
      <Typography.Title level={1} className="visually-hidden">
        {t('nav.home')}
      </Typography.Title>
      {error && (
        <Col span={24}>
          <Alert type="error" showIcon title={errorMessage(error, t)} />
        </Col>
      )}
      <Col xs={24} lg={9} xl={8}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <AccountCard viewer={data?.me} loading={loading && !data} />
          </Col>
          {hasOwnResults && (
            <Col span={24}>
              <MyComplianceCard
                compliance={mine.data?.myCompliance}
                year={year}
                years={[currentYear + 1, currentYear]}
                onYearChange={setYear}
                loading={mine.loading && !mine.data}
              />
            </Col>
          )}
          {hasOwnResults && (
            <Col span={24}>
              <CalendarFeedCard owner="CADRE" />
            </Col>
          )}
        </Row>
      </Col>
      <Col xs={24} lg={15} xl={16}>
        <Card>
          <ProvincesTable provinces={data?.provinces ?? []} loading={loading && !data} />
        </Card>
      </Col>
    </Row>
  );
}

import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProvincesTable } from '@/features/provinces';
import { useViewerCan } from '@/features/shell';
import { errorMessage } from '@/shared/apollo/errors';
import { AccountCard } from './AccountCard';
import { CadreHome } from './CadreHome';
import { HostHome } from './HostHome';
import { HomeProvincesQuery, HomeQuery } from './home.operations';
import './home.css';

/**
 * What the signed-in user sees first follows what the API says they do (`me.can`): someone with trips
 * of their own sees their progress and next steps, a host unit the delegations coming to it; others
 * keep the provinces' table.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(HomeQuery);
  const { can } = useViewerCan();
  const cadreId = can?.seeOwnTrips ? data?.me.cadreId : null;
  const hosting = !!can?.seeIncoming;
  const provincesHome = !!can && !can.seeOwnTrips && !hosting;
  const provinces = useQuery(HomeProvincesQuery, { skip: !provincesHome });

  return (
    <Row gutter={[16, 16]} className="home-page">
      {/* The page's heading for screen readers; the cards under it carry the visible titles. */}
      <Typography.Title level={1} className="visually-hidden">
        {t('nav.home')}
      </Typography.Title>
      {error && (
        <Col span={24}>
          <Alert type="error" showIcon title={errorMessage(error, t)} />
        </Col>
      )}
      {cadreId && <CadreHome cadreId={cadreId} />}
      {hosting && <HostHome />}
      {!can ? null : provincesHome ? (
        <>
          <Col xs={24} lg={9} xl={8}>
            <AccountCard viewer={data?.me} loading={loading && !data} />
          </Col>
          <Col xs={24} lg={15} xl={16}>
            <Card>
              <ProvincesTable provinces={provinces.data?.provinces ?? []} loading={provinces.loading && !provinces.data} />
            </Card>
          </Col>
        </>
      ) : (
        <Col xs={24} lg={10} xl={9}>
          <AccountCard viewer={data?.me} loading={loading && !data} />
        </Col>
      )}
    </Row>
  );
}

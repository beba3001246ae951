import { useQuery } from '@apollo/client/react';
import { Alert, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewerCan, type ViewerCan } from '@/features/shell';
import { errorMessage } from '@/shared/apollo/errors';
import { AccountCard } from './AccountCard';
import { BoardHome } from './BoardHome';
import { CadreHome } from './CadreHome';
import { CentralHome } from './CentralHome';
import { DepartmentHome } from './DepartmentHome';
import { HomeQuery } from './home.operations';
import { HostHome } from './HostHome';
import { OrganisationHome } from './OrganisationHome';
import './home.css';

/**
 * Which home the viewer lands on, from what the API says they do (`me.can`), the first that applies:
 * the central union compares provinces, the standing board decides trips, the organisation department
 * keeps the roster, a department head accepts members' reports, a host unit receives delegations, a
 * cadre travels. Anyone else sees their account.
 */
function homeFor(can: ViewerCan, cadreId: string | null): ReactNode {
  if (can.readCentralComparison) return <CentralHome />;
  if (can.decideTrips) return <BoardHome />;
  if (can.manageRoster) return <OrganisationHome />;
  if (can.acceptReports && cadreId) return <DepartmentHome cadreId={cadreId} />;
  if (can.seeIncoming) return <HostHome />;
  if (can.seeOwnTrips && cadreId) return <CadreHome cadreId={cadreId} />;
  return null;
}

export function HomePage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(HomeQuery);
  const { can } = useViewerCan();
  const home = can && data ? homeFor(can, data.me.cadreId ?? null) : null;

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
      {home}
      {can && data && !home && (
        <Col xs={24} lg={10} xl={9}>
          <AccountCard viewer={data.me} loading={loading && !data} />
        </Col>
      )}
    </Row>
  );
}

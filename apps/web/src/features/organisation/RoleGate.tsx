import { useQuery } from '@apollo/client/react';
import { Card, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { OrgViewerQuery as OrgViewer, Role } from '@/gql/graphql';
import { OrgViewerQuery } from './organisation.operations';
import { useOrgTranslation } from './orgI18n';

type Viewer = OrgViewer['me'];

/** Renders the page for the roles it serves; the API refuses the others anyway, this says so first. */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: (viewer: Viewer) => ReactNode }) {
  const { t } = useOrgTranslation();
  const { data, loading } = useQuery(OrgViewerQuery);
  const me = data?.me;
  if (!me) {
    return loading ? (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    ) : null;
  }
  if (!roles.includes(me.role)) return <Result status="403" title={t('org.forbidden')} />;
  return <>{children(me)}</>;
}

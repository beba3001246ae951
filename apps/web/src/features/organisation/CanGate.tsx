import { Card, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useViewerCan, type Capability } from '@/features/shell';
import { useOrgTranslation } from './orgI18n';

type Viewer = NonNullable<ReturnType<typeof useViewerCan>['me']>;

/** Renders the page when `me.can` has its entry; the API refuses the others anyway, this says so first. */
export function CanGate({ can: entry, children }: { can: Capability; children: (viewer: Viewer) => ReactNode }) {
  const { t } = useOrgTranslation();
  const { can, me, loading } = useViewerCan();
  if (!can || !me) {
    return loading ? (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    ) : null;
  }
  if (!can[entry]) return <Result status="403" title={t('org.forbidden')} />;
  return <>{children(me)}</>;
}

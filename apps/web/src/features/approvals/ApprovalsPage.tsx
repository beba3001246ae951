import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Card, Result, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ViewerQuery } from '@/features/trips';
import { errorMessage } from '@/shared/apollo/errors';
import { todayLocalDate } from '@/shared/format/date';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { ApprovalTable } from './ApprovalTable';
import { ApprovedTripsQuery, ApprovalQueueQuery } from './approvals.operations';
import { MergeTable } from './MergeTable';

export function ApprovalsPage() {
  const { t } = useTranslation();
  const { data: viewer } = useQuery(ViewerQuery);
  const [tab, setTab] = useState<'queue' | 'approved'>('queue');
  const allowed = !!viewer?.me.can?.decideTrips;
  const queue = usePagedList(ApprovalQueueQuery, (d) => d.trips, { skip: !allowed });
  const [from] = useState(todayLocalDate);
  const approved = usePagedList(ApprovedTripsQuery, (d) => d.trips, {
    variables: { from },
    skip: !allowed || tab !== 'approved',
  });

  if (viewer && !allowed) return <Result status="403" title={t('approvals.forbidden')} />;
  const waiting = queue.data?.trips;

  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        {t('approvals.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key === 'approved' ? 'approved' : 'queue')}
        items={[
          {
            key: 'queue',
            label: (
              <span>
                {t('approvals.tabQueue')} <Badge count={waiting?.totalCount ?? 0} showZero color="#ad4e00" />
              </span>
            ),
            children: (
              <>
                {queue.error && <Alert type="error" showIcon title={errorMessage(queue.error, t)} />}
                <ApprovalTable trips={waiting?.nodes ?? []} loading={queue.loading && !waiting} />
                <LoadMore list={queue.list} />
              </>
            ),
          },
          {
            key: 'approved',
            label: t('approvals.tabApproved'),
            children: (
              <>
                {approved.error && <Alert type="error" showIcon title={errorMessage(approved.error, t)} />}
                <MergeTable trips={approved.data?.trips.nodes ?? []} loading={approved.loading && !approved.data} />
                <LoadMore list={approved.list} />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

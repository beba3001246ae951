import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Card, Result, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useViewerCan } from '@/features/shell';
import { ViewerQuery } from '@/features/trips';
import { errorMessage } from '@/shared/apollo/errors';
import { todayLocalDate } from '@/shared/format/date';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { ApprovalTable } from './ApprovalTable';
import { ApprovedTripsQuery, ApprovalQueueQuery, MergeSuggestionsQuery } from './approvals.operations';
import { MergeTable } from './MergeTable';

export function ApprovalsPage() {
  const { t } = useTranslation();
  const { data: viewer } = useQuery(ViewerQuery);
  const { can } = useViewerCan();
  // The home's merge suggestions open the approved trips' tab directly (?tab=approved).
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'approved' ? 'approved' : 'queue';
  const setTab = (next: 'queue' | 'approved') =>
    setParams((p) => {
      if (next === 'approved') p.set('tab', next);
      else p.delete('tab');
      return p;
    });
  const allowed = !!viewer?.me.can?.decideTrips;
  const queue = usePagedList(ApprovalQueueQuery, (d) => d.trips, { skip: !allowed });
  const [from] = useState(todayLocalDate);
  const approved = usePagedList(ApprovedTripsQuery, (d) => d.trips, {
    variables: { from },
    skip: !allowed || tab !== 'approved',
  });
  const suggestions = useQuery(MergeSuggestionsQuery, {
    variables: { from, to: dayjs(from).add(8, 'week').format('YYYY-MM-DD') },
    skip: !can?.mergeDelegations || tab !== 'approved',
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
                <MergeTable
                  trips={approved.data?.trips.nodes ?? []}
                  suggestions={suggestions.data?.mergeSuggestions}
                  loading={approved.loading && !approved.data}
                />
                <LoadMore list={approved.list} />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

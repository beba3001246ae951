import { useQuery } from '@apollo/client/react';
import { Alert, Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { errorMessage } from '@/shared/apollo/errors';
import { TripActions, type TripAction } from './TripActions';
import { TripDetailView } from './TripDetailView';
import { TripDetailQuery, ViewerQuery } from './trip.operations';

const ACTIONS: readonly TripAction[] = ['submit', 'cancel', 'complete', 'report', 'accept'];

export function TripDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const requested = params.get('action');
  const { data, loading, error } = useQuery(TripDetailQuery, { variables: { id } });
  const { data: viewerData } = useQuery(ViewerQuery);
  const me = viewerData?.me;

  if (loading && !data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  const trip = data?.trip;
  if (!trip) return <Alert type="error" showIcon title={error ? errorMessage(error, t) : t('trip.notFound')} />;

  const viewer = me ? { userId: me.id } : null;
  return (
    <TripDetailView
      trip={trip}
      actions={viewer && <TripActions trip={trip} viewer={viewer} initialAction={ACTIONS.find((a) => a === requested) ?? null} />}
    />
  );
}

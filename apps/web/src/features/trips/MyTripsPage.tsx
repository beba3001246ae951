import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Input, Result, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/shared/paging/LoadMore';
import { usePagedList } from '@/shared/paging/usePagedList';
import { Link, useNavigate } from 'react-router';
import { getFragmentData } from '@/gql';
import type { TripCard_TripFragment, TripFilter, TripKind, TripState } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { ExportButton } from '@/features/transfer';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { availableActions, TripActions } from './TripActions';
import { TripCard, TripCard_trip } from './TripCard';
import { MyTripsQuery, ViewerQuery } from './trip.operations';
import { TRIP_KINDS, TRIP_STATES } from './tripLabels';
import { useClearable } from '@/shared/forms/useClearable';

export function MyTripsPage() {
  const clearable = useClearable();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: viewerData, loading: viewerLoading } = useQuery(ViewerQuery);
  const me = viewerData?.me;
  const cadreId = me?.cadreId;
  const [states, setStates] = useState<TripState[]>([]);
  const [kinds, setKinds] = useState<TripKind[]>([]);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const filter: TripFilter = {
    cadreId,
    states: states.length ? states : null,
    kinds: kinds.length ? kinds : null,
    search: debounced || null,
  };
  const { data, loading, error, list } = usePagedList(MyTripsQuery, (d) => d.trips, { variables: { filter }, skip: !cadreId });

  if (viewerLoading && !me) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (me && !cadreId) return <Result status="info" title={t('trip.noCadre')} />;

  const connection = data?.trips;
  const viewer = me ? { userId: me.id } : null;

  return (
    <Card>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('myTrips.title')}
        </Typography.Title>
        <Space wrap>
          <ExportButton list="trips" variables={{ filter, orderBy: { field: 'START_DATE', direction: 'DESC' } }} />
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate('/trips/new')}>
            {t('nav.newTrip')}
          </Button>
        </Space>
      </div>
      <div className="filters" role="search">
        <Input.Search
          allowClear
          aria-label={t('myTrips.search')}
          placeholder={t('myTrips.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select<TripState[]>
          mode="multiple"
          allowClear={clearable}
          aria-label={t('myTrips.stateFilter')}
          placeholder={t('myTrips.stateFilter')}
          value={states}
          onChange={setStates}
          options={TRIP_STATES.map((s) => ({ value: s, label: t(`trip.state.${s}`) }))}
          maxTagCount="responsive"
        />
        <Select<TripKind[]>
          mode="multiple"
          allowClear={clearable}
          aria-label={t('myTrips.kindFilter')}
          placeholder={t('myTrips.kindFilter')}
          value={kinds}
          onChange={setKinds}
          options={TRIP_KINDS.map((k) => ({ value: k, label: t(`trip.kind.${k}`) }))}
          maxTagCount="responsive"
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      {loading && !connection ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : !connection || connection.nodes.length === 0 ? (
        <Empty description={states.length || kinds.length || debounced ? t('myTrips.noMatch') : t('myTrips.empty')}>
          <Link to="/trips/new">{t('nav.newTrip')}</Link>
        </Empty>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('myTrips.count', { count: connection.totalCount })}</Typography.Paragraph>
          <ul className="trip-list">
            {connection.nodes.map((node) => {
              const trip = getFragmentData(TripCard_trip, node);
              return (
                <li key={node.id}>
                  <TripCard trip={node} action={viewer && <NextAction trip={trip} viewer={viewer} />} />
                </li>
              );
            })}
          </ul>
          <LoadMore list={list} />
        </>
      )}
    </Card>
  );
}

/** The step the trip waits for: send a draft, record the trip once made, write its report. */
function NextAction({ trip, viewer }: { trip: TripCard_TripFragment; viewer: Parameters<typeof TripActions>[0]['viewer'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (trip.viewerCan.submit) return <TripActions trip={trip} viewer={viewer} only="submit" />;
  const next = availableActions(trip).find((a) => a === 'complete' || a === 'report');
  if (next) {
    return <Button onClick={() => void navigate(`/trips/${trip.id}?action=${next}`)}>{t(`tripAction.${next}`)}</Button>;
  }
  return null;
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TripState } from '@/gql/graphql';
import { STATE_COLOR } from './tripLabels';

export function TripStateTag({ state }: { state: TripState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} className="trip-state">
      {t(`trip.state.${state}`)}
    </Tag>
  );
}

import { useQuery } from '@apollo/client/react';
import { App, Card, Result, Skeleton, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Role } from '@/gql/graphql';
import { TripForm } from './TripForm';
import { ViewerCadreQuery, ViewerQuery } from './trip.operations';
import { toCreateInput, type TripFormValues } from './tripFormValues';
import { useCreateTrip } from './useCreateTrip';

export const REGISTRAR_ROLES: readonly Role[] = ['CADRE', 'DEPARTMENT_HEAD', 'PROVINCE_ADMIN', 'STANDING_BOARD'];
const LEAD_PICKERS: readonly Role[] = ['DEPARTMENT_HEAD', 'PROVINCE_ADMIN'];

export function NewTripPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data } = useQuery(ViewerQuery);
  const me = data?.me;
  const cadreId = me?.cadreId ?? null;
  const { data: cadreData, loading: cadreLoading } = useQuery(ViewerCadreQuery, {
    variables: { id: cadreId ?? '' },
    skip: !cadreId,
  });
  const { createTrip, loading } = useCreateTrip();
  // One key per registration: a retry after a lost answer cannot register the trip twice.
  const idempotencyKey = useRef(crypto.randomUUID());

  if (!me || (cadreId && cadreLoading)) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (!REGISTRAR_ROLES.includes(me.role)) {
    return <Result status="403" title={t('tripForm.forbidden')} />;
  }
  const viewerCadre = cadreData?.cadre;
  const defaultLead = viewerCadre ? { value: viewerCadre.id, label: viewerCadre.fullName } : null;

  const onSave = async (values: TripFormValues, submit: boolean) => {
    const input = toCreateInput(values);
    if (!input) return;
    const trip = await createTrip({ input, submit, idempotencyKey: idempotencyKey.current });
    idempotencyKey.current = crypto.randomUUID();
    void message.success(submit ? t('tripForm.submitted') : t('tripForm.savedDraft'));
    void navigate(`/trips/${trip.id}`);
  };

  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        {t('tripForm.newTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('tripForm.newIntro')}</Typography.Paragraph>
      {!viewerCadre && !LEAD_PICKERS.includes(me.role) ? (
        <Result status="warning" title={t('trip.noCadre')} />
      ) : (
        <TripForm
          defaultLead={defaultLead}
          canPickLead={LEAD_PICKERS.includes(me.role)}
          saving={loading}
          onSave={onSave}
          cancelTo="/trips/mine"
        />
      )}
    </Card>
  );
}

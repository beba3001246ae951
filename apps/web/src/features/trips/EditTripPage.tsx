import { useQuery } from '@apollo/client/react';
import { Alert, App, Card, Result, Skeleton, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '@/shared/apollo/errors';
import { TripForm } from './TripForm';
import { EditTripQuery } from './trip.operations';
import { toCreateInput, toUpdateInput, type TripFormValues } from './tripFormValues';
import { useSubmitTrip } from './useSubmitTrip';
import { useUpdateTrip } from './useUpdateTrip';

export function EditTripPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(EditTripQuery, { variables: { id } });
  const { updateTrip, loading: updating } = useUpdateTrip();
  const { submitTrip, loading: submitting } = useSubmitTrip();
  const idempotencyKey = useRef(crypto.randomUUID());

  if (loading && !data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  const trip = data?.trip;
  if (!trip) return <Alert type="error" showIcon title={error ? errorMessage(error, t) : t('trip.notFound')} />;
  if (!trip.viewerCan.edit) {
    return (
      <Result
        status="info"
        title={t('tripForm.notEditable', { state: t(`trip.state.${trip.state}`) })}
        extra={<Link to={`/trips/${trip.id}`}>{t('trip.backToDetail')}</Link>}
      />
    );
  }

  const onSave = async (values: TripFormValues, submit: boolean) => {
    const input = toCreateInput(values);
    if (!input) return;
    const saved = await updateTrip({ id: trip.id, version: trip.version, input: toUpdateInput(input) });
    if (submit) {
      await submitTrip({
        id: saved.id,
        version: saved.version,
        lateJustification: input.lateJustification,
        idempotencyKey: idempotencyKey.current,
      });
      idempotencyKey.current = crypto.randomUUID();
    }
    void message.success(submit ? t('tripForm.submitted') : t('tripForm.saved'));
    void navigate(`/trips/${trip.id}`);
  };

  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        {t('tripForm.editTitle')}
      </Typography.Title>
      <TripForm trip={trip} canPickLead={false} saving={updating || submitting} onSave={onSave} cancelTo={`/trips/${trip.id}`} />
    </Card>
  );
}

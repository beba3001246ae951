import { useQuery } from '@apollo/client/react';
import { App, Card, Result, Skeleton, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDeviceDraft } from '@/shared/forms/useDeviceDraft';
import { DraftNotice } from '@/shared/forms/DraftNotice';
import { TripForm } from './TripForm';
import { ViewerCadreQuery, ViewerQuery } from './trip.operations';
import { toCreateInput, type TripDraft, type TripFormValues } from './tripFormValues';
import { useCreateTrip } from './useCreateTrip';

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
  // Registrations are typed on phones with patchy signal: keep them on the device until saved.
  const stored = useDeviceDraft<TripDraft>(me?.id, 'new-trip');
  // One key per registration, kept with its draft: a retry after a lost answer, even from the draft
  // after a reload, cannot register the trip twice.
  const idempotencyKey = useRef<string | null>(null);
  const keyOf = () => (idempotencyKey.current ??= stored.restored?.values.idempotencyKey ?? crypto.randomUUID());
  const draft = { ...stored, save: (values: TripDraft) => stored.save({ ...values, idempotencyKey: keyOf() }) };
  // Discarding the draft starts a fresh form.
  const [discards, setDiscards] = useState(0);

  if (!me || (cadreId && cadreLoading)) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  const canPickLead = !!me.can?.registerTripForOthers;
  if (!me.can?.registerTrip) {
    return <Result status="403" title={t('tripForm.forbidden')} />;
  }
  const viewerCadre = cadreData?.cadre;
  const defaultLead = viewerCadre ? { value: viewerCadre.id, label: viewerCadre.fullName } : null;

  const onSave = async (values: TripFormValues, submit: boolean) => {
    const input = toCreateInput(values);
    if (!input) return;
    const trip = await createTrip({ input, submit, idempotencyKey: keyOf() });
    idempotencyKey.current = crypto.randomUUID();
    draft.clear();
    void message.success(submit ? t('tripForm.submitted') : t('tripForm.savedDraft'));
    void navigate(`/trips/${trip.id}`);
  };

  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        {t('tripForm.newTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('tripForm.newIntro')}</Typography.Paragraph>
      {draft.restored && (
        <DraftNotice
          savedAt={draft.restored.savedAt}
          onDiscard={() => {
            draft.clear();
            idempotencyKey.current = crypto.randomUUID();
            setDiscards((n) => n + 1);
          }}
        />
      )}
      {!viewerCadre && !canPickLead ? (
        <Result status="warning" title={t('trip.noCadre')} />
      ) : (
        <TripForm
          key={discards}
          draft={draft}
          defaultLead={defaultLead}
          canPickLead={canPickLead}
          saving={loading}
          onSave={onSave}
          cancelTo="/trips/mine"
        />
      )}
    </Card>
  );
}

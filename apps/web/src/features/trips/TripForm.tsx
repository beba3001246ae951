import { useQuery } from '@apollo/client/react';
import { Alert, Button, Col, Form, Input, InputNumber, Row, Select, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import type { CheckTripQuery, TripForm_TripFragment } from '@/gql/graphql';
import { CadreSelect } from '@/features/roster';
import { UnitSelect, type KnownOption } from '@/features/units';
import { DateRangePicker } from '@/shared/forms/DateRangePicker';
import { apiError, errorMessage } from '@/shared/apollo/errors';
import { DATE_FORMAT, formatLocalDate, fromLocalDate, toLocalDate } from '@/shared/format/date';
import { formatAmount, parseAmount } from '@/shared/format/money';
import { nameCollator } from '@/shared/format/collator';
import type { DeviceDraft } from '@/shared/forms/useDeviceDraft';
import { isConnectionLost } from '@/shared/forms/DraftNotice';
import { TripFormOptionsQuery } from './trip.operations';
import {
  batchFits,
  CONTENT_MIN,
  contentProblem,
  formFieldOf,
  toCreateInput,
  type TripDraft,
  type TripFormValues,
} from './tripFormValues';
import { TRIP_KINDS } from './tripLabels';
import { useTripChecks } from './useTripChecks';
import { useClearable } from '@/shared/forms/useClearable';

export const TripForm_trip = graphql(`
  fragment TripForm_trip on Trip {
    id
    version
    kind
    title
    purpose
    expectedOutput
    topicId
    startDate
    endDate
    batchId
    estimatedCost
    travelOrderNo
    lateJustification
    leadCadreId
    lead {
      id
      fullName
    }
    members {
      id
      fullName
    }
    destinations {
      id
      name
    }
  }
`);

const TITLE_MIN = 3;
const TITLE_MAX = 300;
const JUSTIFICATION_MIN = 10;
const COST_MAX = 2_000_000_000;

export interface TripFormProps {
  /** Present when editing a registration; absent for a new one. */
  trip?: FragmentType<typeof TripForm_trip>;
  /** The lead of a new registration: the viewer's own cadre. */
  defaultLead?: KnownOption | null;
  /** Department heads and the organisation department register for others. */
  canPickLead: boolean;
  saving: boolean;
  /** Saves, then submits when asked; rejects with the API's error so the form can place it. */
  onSave: (values: TripFormValues, submit: boolean) => Promise<void>;
  cancelTo: string;
  /** Keeps what is typed on this device; the form starts from the draft it restored. */
  draft?: DeviceDraft<TripDraft>;
}

function initialValues(trip: TripForm_TripFragment | undefined, lead?: KnownOption | null): TripFormValues {
  if (!trip) {
    return { kind: 'TOPIC', title: '', destinationIds: [], memberIds: [], leadCadreId: lead?.value ?? null, dates: null };
  }
  return {
    kind: trip.kind,
    topicId: trip.topicId,
    title: trip.title,
    purpose: trip.purpose,
    expectedOutput: trip.expectedOutput,
    dates: [fromLocalDate(trip.startDate), fromLocalDate(trip.endDate)],
    destinationIds: trip.destinations.map((d) => d.id),
    leadCadreId: trip.leadCadreId,
    memberIds: trip.members.filter((m) => m.id !== trip.leadCadreId).map((m) => m.id),
    batchId: trip.batchId,
    estimatedCost: trip.estimatedCost,
    travelOrderNo: trip.travelOrderNo ?? '',
    lateJustification: trip.lateJustification ?? '',
  };
}

export function TripForm({ trip: tripRef, defaultLead, canPickLead, saving, onSave, cancelTo, draft }: TripFormProps) {
  const clearable = useClearable();
  const { t } = useTranslation();
  const trip = getFragmentData(TripForm_trip, tripRef);
  const editing = !!trip;
  const [form] = Form.useForm<TripFormValues>();
  const [values, setValues] = useState<TripFormValues>(() => draft?.restored?.values ?? initialValues(trip, defaultLead));
  const [formError, setFormError] = useState<string | null>(null);
  // A justification saved with the trip or the device draft stays in view, even before the checks answer.
  const [lateDemanded, setLateDemanded] = useState(() => !!values.lateJustification?.trim());
  const submitting = useRef(false);
  const prefilledTitle = useRef<string | null>(null);

  const names = useRef<Record<string, string>>(draft?.restored?.values.names ?? {});
  const remember = (picked: KnownOption[]) => {
    names.current = { ...names.current, ...Object.fromEntries(picked.map((p) => [p.value, p.label])) };
  };
  const named = Object.entries(names.current).map(([value, label]) => ({ value, label }));
  const known = {
    units: [...(trip?.destinations.map((d) => ({ value: d.id, label: d.name })) ?? []), ...named],
    cadres: [
      ...(trip ? [trip.lead, ...trip.members].map((c) => ({ value: c.id, label: c.fullName })) : []),
      ...(defaultLead ? [defaultLead] : []),
      ...named,
    ],
  };

  const start = values.dates?.[0];
  const year = start?.year() ?? new Date().getFullYear();
  const { data: options } = useQuery(TripFormOptionsQuery, { variables: { year } });
  // Closed topics and batches take no new registration, but stay on the trip that already has them.
  const topics = (options?.topics ?? [])
    .filter((x) => x.active || x.id === trip?.topicId)
    .sort((a, b) => nameCollator.compare(a.title, b.title));
  const batches = (options?.batches ?? []).filter((b) => b.active || b.id === trip?.batchId);
  const closed = (label: string, active: boolean) => (active ? label : `${label} (${t('tripForm.closed')})`);

  const checkInput = toCreateInput(values, t(`trip.kind.${values.kind}`));
  const { checks, checking, error: checkError, checked } = useTripChecks(checkInput, trip?.id);
  const late = lateDemanded || checks.some((c) => c.code === 'LATE_REGISTRATION');
  const blocked = checks.some((c) => c.severity === 'BLOCK') || !!apiError(checkError);

  const onValuesChange = (changed: Partial<TripFormValues>, all: TripFormValues) => {
    setFormError(null);
    if ('topicId' in changed) {
      const topic = topics.find((x) => x.id === changed.topicId);
      const title = all.title?.trim() ?? '';
      if (topic && (title === '' || title === prefilledTitle.current)) {
        prefilledTitle.current = topic.title;
        form.setFieldValue('title', topic.title);
        void form.validateFields(['title']);
        all = { ...all, title: topic.title };
      }
    }
    if ('batchId' in changed && !all.dates) {
      const batch = batches.find((b) => b.id === changed.batchId);
      if (batch) {
        const dates: [ReturnType<typeof fromLocalDate>, ReturnType<typeof fromLocalDate>] = [
          fromLocalDate(batch.startsOn),
          fromLocalDate(batch.endsOn),
        ];
        form.setFieldValue('dates', dates);
        all = { ...all, dates };
      }
    }
    if ('leadCadreId' in changed && all.leadCadreId && all.memberIds.includes(all.leadCadreId)) {
      const memberIds = all.memberIds.filter((id) => id !== all.leadCadreId);
      form.setFieldValue('memberIds', memberIds);
      all = { ...all, memberIds };
    }
    setValues(all);
    draft?.save({ ...all, names: names.current });
  };

  /** Required on submission only: a draft may stay incomplete. */
  const contentRule = (field: 'purpose' | 'expectedOutput') => ({
    validator: (_: unknown, text: string | undefined) => {
      if (!submitting.current) return Promise.resolve();
      const problem = contentProblem(text, form.getFieldValue('title') as string | undefined);
      return problem
        ? Promise.reject(new Error(t(`tripForm.content.${field}.${problem}`, { min: CONTENT_MIN })))
        : Promise.resolve();
    },
  });
  const batchRule = {
    validator: (_: unknown, id: string | null | undefined) => {
      const batch = batches.find((b) => b.id === id);
      const dates = form.getFieldValue('dates') as TripFormValues['dates'];
      if (!batch || !dates || batchFits(batch, toLocalDate(dates[0]), toLocalDate(dates[1]))) return Promise.resolve();
      return Promise.reject(
        new Error(t('tripForm.batchOutside', { from: formatLocalDate(batch.startsOn), to: formatLocalDate(batch.endsOn) })),
      );
    },
  };

  const save = async (submit: boolean) => {
    submitting.current = submit;
    let valid: TripFormValues;
    try {
      valid = await form.validateFields();
    } catch {
      return;
    } finally {
      submitting.current = false;
    }
    try {
      await onSave({ ...values, ...valid }, submit);
    } catch (error) {
      const problem = apiError(error);
      const field = problem?.code === 'BAD_USER_INPUT' || problem?.code === 'FORBIDDEN' ? formFieldOf(problem.field) : undefined;
      if (field && problem) {
        if (field === 'lateJustification') setLateDemanded(true);
        // The field may only now be shown: place the error once it is rendered.
        setTimeout(() => {
          form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
          form.scrollToField(field, { block: 'center' });
        }, 0);
      } else if (draft && isConnectionLost(error)) {
        setFormError(t('tripForm.offline'));
      } else {
        setFormError(errorMessage(error, t));
      }
    }
  };

  return (
    <Form<TripFormValues>
      form={form}
      layout="vertical"
      initialValues={values}
      onValuesChange={onValuesChange}
      disabled={saving}
      scrollToFirstError
      className="trip-form"
    >
      <Typography.Title level={2} className="trip-form__section">
        {t('tripForm.section.content')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item label={t('trip.field.kind')} name="kind" rules={[{ required: true, message: t('tripForm.kindRequired') }]}>
            <Select disabled={editing} options={TRIP_KINDS.map((kind) => ({ value: kind, label: t(`trip.kind.${kind}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item label={t('trip.field.topic')} name="topicId" extra={t('tripForm.topicHelp')}>
            <Select
              allowClear={clearable}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('tripForm.topicPlaceholder')}
              notFoundContent={t('tripForm.noTopics', { year })}
              options={topics.map((topic) => ({
                value: topic.id,
                label: closed(topic.title, topic.active),
                title: topic.department ? `${topic.title} (${topic.department.name})` : topic.title,
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('trip.field.title')}
        name="title"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('tripForm.titleRequired') },
          { min: TITLE_MIN, message: t('tripForm.titleTooShort', { min: TITLE_MIN }) },
          { max: TITLE_MAX, message: t('tripForm.titleTooLong', { max: TITLE_MAX }) },
        ]}
      >
        <Input maxLength={TITLE_MAX} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('trip.field.purpose')}
            name="purpose"
            extra={t('tripForm.contentHelp', { min: CONTENT_MIN })}
            rules={[{ max: 4000, message: t('tripForm.tooLong') }, contentRule('purpose')]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('trip.field.expectedOutput')}
            name="expectedOutput"
            extra={t('tripForm.contentHelp', { min: CONTENT_MIN })}
            rules={[{ max: 4000, message: t('tripForm.tooLong') }, contentRule('expectedOutput')]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={2} className="trip-form__section">
        {t('tripForm.section.where')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('trip.field.dates')}
            name="dates"
            rules={[
              { required: true, message: t('tripForm.datesRequired') },
              {
                validator: (_, range: TripFormValues['dates']) =>
                  !range || range[0].year() === range[1].year()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('tripForm.datesOneYear'))),
              },
            ]}
          >
            <DateRangePicker
              format={DATE_FORMAT}
              placeholder={[t('trip.field.startDate'), t('trip.field.endDate')]}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('trip.field.batch')} name="batchId" dependencies={['dates']} rules={[batchRule]}>
            <Select
              allowClear={clearable}
              placeholder={t('tripForm.batchPlaceholder')}
              notFoundContent={t('tripForm.noBatches', { year })}
              options={batches.map((b) => ({
                value: b.id,
                label: closed(
                  t('tripForm.batchLabel', {
                    number: b.number,
                    quarter: b.quarter,
                    from: formatLocalDate(b.startsOn),
                    to: formatLocalDate(b.endsOn),
                  }),
                  b.active,
                ),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('trip.field.destinations')}
        name="destinationIds"
        extra={t('tripForm.destinationsHelp')}
        rules={[{ required: true, type: 'array', min: 1, message: t('tripForm.destinationsRequired') }]}
      >
        <UnitSelect validOn={start ? toLocalDate(start) : undefined} known={known.units} onPick={remember} />
      </Form.Item>

      <Typography.Title level={2} className="trip-form__section">
        {t('tripForm.section.who')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            label={t('trip.field.lead')}
            name="leadCadreId"
            rules={[{ required: true, message: t('tripForm.leadRequired') }]}
            extra={canPickLead || editing ? undefined : t('tripForm.leadIsYou')}
          >
            <CadreSelect multiple={false} known={known.cadres} onPick={remember} disabled={!canPickLead || editing} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item label={t('trip.field.members')} name="memberIds">
            <CadreSelect
              multiple
              known={known.cadres}
              onPick={remember}
              exclude={values.leadCadreId ? [values.leadCadreId] : []}
            />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={2} className="trip-form__section">
        {t('tripForm.section.papers')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('trip.field.estimatedCost')}
            name="estimatedCost"
            rules={[{ type: 'number', min: 0, max: COST_MAX, message: t('tripForm.costInvalid') }]}
          >
            <InputNumber<number>
              style={{ width: '100%' }}
              min={0}
              max={COST_MAX}
              step={100_000}
              suffix="đ"
              formatter={(value) =>
                value === undefined || value === null || `${value}` === '' ? '' : formatAmount(Number(value))
              }
              parser={(text) => parseAmount(text) ?? 0}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('trip.field.travelOrderNo')}
            name="travelOrderNo"
            rules={[{ max: 60, message: t('tripForm.tooLong') }]}
          >
            <Input placeholder={t('tripForm.travelOrderPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      {late && (
        <Form.Item
          label={t('trip.field.lateJustification')}
          name="lateJustification"
          extra={t('tripForm.lateHelp', { min: JUSTIFICATION_MIN })}
          rules={[
            {
              validator: (_, text: string | undefined) => {
                const length = text?.trim().length ?? 0;
                if (length === 0 && submitting.current) return Promise.reject(new Error(t('tripForm.lateRequired')));
                if (length > 0 && length < JUSTIFICATION_MIN) {
                  return Promise.reject(new Error(t('tripForm.lateTooShort', { min: JUSTIFICATION_MIN })));
                }
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      )}

      <section className="trip-checks" aria-label={t('tripForm.checksTitle')} aria-live="polite">
        <TripChecks
          checks={checks}
          checking={checking}
          checkError={checkError ? errorMessage(checkError, t) : null}
          checked={checked}
        />
      </section>
      {formError && <Alert type="error" showIcon title={formError} role="alert" className="trip-form__error" />}
      <Space wrap className="trip-form__actions">
        <Button type="primary" onClick={() => void save(true)} loading={saving} disabled={blocked}>
          {editing ? t('tripForm.saveAndSubmit') : t('tripForm.submit')}
        </Button>
        <Button onClick={() => void save(false)} loading={saving}>
          {editing ? t('tripForm.save') : t('tripForm.saveDraft')}
        </Button>
        <Link to={cancelTo}>{t('tripForm.cancel')}</Link>
      </Space>
      {blocked && <Typography.Paragraph type="secondary">{t('tripForm.blockedHelp')}</Typography.Paragraph>}
    </Form>
  );
}

interface TripChecksProps {
  checks: CheckTripQuery['checkTrip'];
  checking: boolean;
  checkError: string | null;
  checked: boolean;
}

function TripChecks({ checks, checking, checkError, checked }: TripChecksProps) {
  const { t } = useTranslation();
  if (checkError) return <Alert type="error" showIcon title={checkError} />;
  const ordered = [...checks].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'BLOCK' ? -1 : 1));
  return (
    <>
      {checking && (
        <Typography.Text type="secondary" className="trip-checks__pending">
          <Spin size="small" /> {t('tripForm.checking')}
        </Typography.Text>
      )}
      {ordered.map((check) => (
        <Alert
          key={`${check.code}:${check.field}:${check.message}`}
          type={check.severity === 'BLOCK' ? 'error' : 'warning'}
          showIcon
          title={check.message}
          description={
            <>
              {check.severity === 'BLOCK' ? t('tripForm.checkBlocks') : t('tripForm.checkWarns')}
              {check.tripId && (
                // The trip in the way: open it, or (a forgotten draft, a returned trip) cancel it.
                <Space size="middle" wrap>
                  <Link to={`/trips/${check.tripId}`}>{t('tripForm.openOtherTrip')}</Link>
                  {check.severity === 'WARN' && (
                    <Link to={`/trips/${check.tripId}?action=cancel`}>{t('tripForm.cancelOtherTrip')}</Link>
                  )}
                </Space>
              )}
            </>
          }
        />
      ))}
      {!checking && checked && checks.length === 0 && <Alert type="success" showIcon title={t('tripForm.checksPassed')} />}
    </>
  );
}

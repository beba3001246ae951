import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TripKind, TripState } from '@/gql/graphql';
import { graphql } from '@/gql';
import { apiError } from '@/shared/apollo/errors';
import { DATE_FORMAT, formatLocalDate, fromLocalDate, toLocalDate, todayLocalDate, type Dayjs } from '@/shared/format/date';
import { formatAmount, parseAmount } from '@/shared/format/money';
import { useDeviceDraft } from '@/shared/forms/useDeviceDraft';
import { FormDialog } from '@/shared/forms/FormDialog';
import { byLastName, fieldsNamed } from '@/shared/forms/serverErrors';
import { useAcceptTripReport } from './useAcceptTripReport';
import { useCancelTrip } from './useCancelTrip';
import { useCompleteTrip } from './useCompleteTrip';
import { useReportTrip } from './useReportTrip';
import { useSubmitTrip } from './useSubmitTrip';
import { useTripErrorHandler } from './useTripErrorHandler';

export interface ActionTrip {
  id: string;
  version: number;
  state: TripState;
  kind: TripKind;
  /** What the API lets the signed-in user do with this trip now: the only source of the buttons. */
  viewerCan: { edit: boolean; submit: boolean; cancel: boolean; complete: boolean; report: boolean; acceptReport: boolean };
  startDate: string;
  endDate: string;
  travelOrderNo?: string | null;
  lateJustification?: string | null;
  /** The report's deadline, from the API (the province-year rule); a report sent after it is marked late. */
  reportDueOn?: string | null;
}

export interface ActionViewer {
  /** The signed-in user: whose drafts on this device the dialogs may restore. */
  userId: string;
}

export type TripAction = 'edit' | 'submit' | 'cancel' | 'complete' | 'report' | 'accept';

/**
 * What the buttons read; every trip mutation returns it, so the buttons follow the trip's new state
 * (and the report's deadline its actual return).
 */
export const TripActions_permissions = graphql(`
  fragment TripActions_permissions on Trip {
    reportDueOn
    viewerCan {
      edit
      submit
      cancel
      complete
      report
      acceptReport
    }
  }
`);

/** The actions the API says the viewer may take on the trip, in the order the buttons show. */
export function availableActions(trip: Pick<ActionTrip, 'viewerCan'>): TripAction[] {
  const can = trip.viewerCan;
  const shown: Array<[TripAction, boolean]> = [
    ['submit', can.submit],
    ['edit', can.edit],
    ['complete', can.complete],
    ['report', can.report],
    ['accept', can.acceptReport],
    ['cancel', can.cancel],
  ];
  return shown.filter(([, allowed]) => allowed).map(([action]) => action);
}

interface TripActionsProps {
  trip: ActionTrip;
  viewer: ActionViewer;
  /** An action to open at once, e.g. from "Ghi nhận đã đi" in the list of trips. */
  initialAction?: TripAction | null;
  /** Offer just this action (a list shows only the next step). */
  only?: TripAction;
}

export function TripActions({ trip, viewer, initialAction, only }: TripActionsProps) {
  const { t } = useTranslation();
  const actions = availableActions(trip).filter((a) => !only || a === only);
  const [open, setOpen] = useState<TripAction | null>(null);
  // Each opening of the report mounts it afresh, so it starts from the draft kept on this device.
  const [reportOpenings, setReportOpenings] = useState(0);
  const opened = useRef(false);
  const handleTripError = useTripErrorHandler();
  const { submitTrip, loading: submitting } = useSubmitTrip();
  const submitKey = useRef(crypto.randomUUID());
  const show = (action: TripAction) => {
    if (action === 'report') setReportOpenings((n) => n + 1);
    setOpen(action);
  };

  useEffect(() => {
    if (!opened.current && initialAction && actions.includes(initialAction) && initialAction !== 'edit') {
      opened.current = true;
      show(initialAction);
    }
  }, [initialAction, actions]);

  if (actions.length === 0) return null;
  const close = () => setOpen(null);

  const submit = async (lateJustification?: string) => {
    await submitTrip({
      id: trip.id,
      version: trip.version,
      lateJustification: lateJustification ?? null,
      idempotencyKey: submitKey.current,
    });
    submitKey.current = crypto.randomUUID();
  };
  const submitNow = async () => {
    try {
      await submit();
    } catch (error) {
      // A late registration needs a written justification before it can go to the Standing Board.
      if (apiError(error)?.reason === 'LATE_JUSTIFICATION_REQUIRED') setOpen('submit');
      else handleTripError(error);
    }
  };

  return (
    <>
      <Space wrap>
        {actions.includes('submit') && (
          <Button type="primary" loading={submitting} onClick={() => void submitNow()}>
            {t('tripAction.submit')}
          </Button>
        )}
        {actions.includes('edit') && <Link to={`/trips/${trip.id}/edit`}>{t('tripAction.edit')}</Link>}
        {actions.includes('complete') && (
          <Button type="primary" onClick={() => setOpen('complete')}>
            {t('tripAction.complete')}
          </Button>
        )}
        {actions.includes('report') && (
          <Button type="primary" onClick={() => show('report')}>
            {t('tripAction.report')}
          </Button>
        )}
        {actions.includes('accept') && (
          <Button type="primary" onClick={() => setOpen('accept')}>
            {t('tripAction.accept')}
          </Button>
        )}
        {actions.includes('cancel') && (
          <Button danger onClick={() => setOpen('cancel')}>
            {t('tripAction.cancel')}
          </Button>
        )}
      </Space>
      <SubmitLateModal open={open === 'submit'} onClose={close} initial={trip.lateJustification ?? ''} onSubmit={submit} />
      <CancelModal open={open === 'cancel'} onClose={close} trip={trip} />
      <CompleteModal open={open === 'complete'} onClose={close} trip={trip} />
      <ReportModal key={reportOpenings} open={open === 'report'} onClose={close} trip={trip} userId={viewer.userId} />
      <AcceptModal open={open === 'accept'} onClose={close} trip={trip} />
    </>
  );
}

interface ModalProps {
  open: boolean;
  onClose: () => void;
  trip: ActionTrip;
}

/** Someone else changed the trip: the dialog says so and the page shows the trip as it is now. */
function useReloadTrip(): () => Promise<unknown> {
  const client = useApolloClient();
  return () => client.refetchQueries({ include: 'active' });
}

const COMPLETE_FIELDS: Record<string, keyof CompleteValues> = {
  actualStart: 'dates',
  actualEnd: 'dates',
  actualCost: 'actualCost',
  travelOrderNo: 'travelOrderNo',
};

const REPORT_FIELDS = fieldsNamed(
  'findings',
  'difficulties',
  'membersConcerns',
  'goodModels',
  'recommendations',
  'membersPresent',
  'meetingQuality',
  'conclusion',
  'activityOutcome',
);

function SubmitLateModal({
  open,
  onClose,
  initial,
  onSubmit,
}: Omit<ModalProps, 'trip'> & { initial: string; onSubmit: (text: string) => Promise<void> }) {
  const { t } = useTranslation();
  const reload = useReloadTrip();
  const [form] = Form.useForm<{ lateJustification: string }>();
  return (
    <FormDialog
      title={t('tripAction.submitLateTitle')}
      okText={t('tripAction.submit')}
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{ lateJustification: initial }}
      fieldOf={fieldsNamed('lateJustification')}
      onConflict={reload}
      onSubmit={({ lateJustification }) => onSubmit(lateJustification.trim())}
    >
      <Form.Item
        label={t('trip.field.lateJustification')}
        name="lateJustification"
        extra={t('tripForm.lateHelp', { min: 10 })}
        rules={[
          { required: true, whitespace: true, message: t('tripForm.lateRequired') },
          { min: 10, message: t('tripForm.lateTooShort', { min: 10 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
    </FormDialog>
  );
}

function CancelModal({ open, onClose, trip }: ModalProps) {
  const { t } = useTranslation();
  const reload = useReloadTrip();
  const [form] = Form.useForm<{ reason: string }>();
  const { cancelTrip } = useCancelTrip();
  return (
    <FormDialog
      title={t('tripAction.cancelTitle')}
      okText={t('tripAction.cancel')}
      danger
      open={open}
      onClose={onClose}
      form={form}
      fieldOf={fieldsNamed('reason')}
      onConflict={reload}
      onSubmit={async ({ reason }) => {
        await cancelTrip({ id: trip.id, version: trip.version, reason: reason.trim() });
      }}
    >
      <Form.Item
        label={t('tripAction.reason')}
        name="reason"
        rules={[
          { required: true, whitespace: true, message: t('tripAction.reasonRequired') },
          { min: 3, message: t('tripAction.reasonTooShort', { min: 3 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
    </FormDialog>
  );
}

interface CompleteValues {
  dates: [Dayjs, Dayjs];
  actualCost?: number | null;
  travelOrderNo?: string;
}

function CompleteModal({ open, onClose, trip }: ModalProps) {
  const { t } = useTranslation();
  const reload = useReloadTrip();
  const [form] = Form.useForm<CompleteValues>();
  const { completeTrip } = useCompleteTrip();
  const today = todayLocalDate();
  return (
    <FormDialog
      title={t('tripAction.completeTitle')}
      okText={t('tripAction.complete')}
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{
        dates: [fromLocalDate(trip.startDate), fromLocalDate(trip.endDate)],
        travelOrderNo: trip.travelOrderNo ?? '',
      }}
      fieldOf={byLastName((last) => COMPLETE_FIELDS[last])}
      onConflict={reload}
      onSubmit={async ({ dates, actualCost, travelOrderNo }) => {
        await completeTrip({
          id: trip.id,
          version: trip.version,
          input: {
            actualStart: toLocalDate(dates[0]),
            actualEnd: toLocalDate(dates[1]),
            actualCost: actualCost ?? null,
            travelOrderNo: travelOrderNo?.trim() || null,
          },
        });
      }}
    >
      <Form.Item
        label={t('trip.field.actualDates')}
        name="dates"
        rules={[
          { required: true, message: t('tripForm.datesRequired') },
          {
            validator: (_, range: CompleteValues['dates'] | undefined) =>
              !range || toLocalDate(range[1]) <= today
                ? Promise.resolve()
                : Promise.reject(new Error(t('tripAction.notYetBack'))),
          },
        ]}
      >
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          placeholder={[t('trip.field.startDate'), t('trip.field.endDate')]}
        />
      </Form.Item>
      <Form.Item
        label={t('trip.field.actualCost')}
        name="actualCost"
        rules={[{ type: 'number', min: 0, message: t('tripForm.costInvalid') }]}
      >
        <InputNumber<number>
          style={{ width: '100%' }}
          min={0}
          suffix="đ"
          formatter={(value) => (value === undefined || value === null || `${value}` === '' ? '' : formatAmount(Number(value)))}
          parser={(text) => parseAmount(text) ?? 0}
        />
      </Form.Item>
      <Form.Item label={t('trip.field.travelOrderNo')} name="travelOrderNo" rules={[{ max: 60, message: t('tripForm.tooLong') }]}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}

interface ReportValues {
  findings: string;
  difficulties?: string;
  membersConcerns?: string;
  goodModels?: string;
  recommendations?: string;
  membersPresent?: number | null;
  meetingQuality?: string;
  conclusion?: string;
  activityOutcome?: string;
}

/** Said before sending, not only afterwards: past its deadline a report is recorded as late. */
function ReportDeadline({ dueOn }: { dueOn: string }) {
  const { t } = useTranslation();
  const date = formatLocalDate(dueOn);
  if (todayLocalDate() > dueOn) {
    return <Alert type="warning" showIcon title={t('report.willBeLate')} description={t('report.willBeLateHelp', { date })} />;
  }
  return <Typography.Paragraph type="secondary">{t('report.dueBy', { date })}</Typography.Paragraph>;
}

function ReportModal({ open, onClose, trip, userId }: ModalProps & { userId: string }) {
  const { t } = useTranslation();
  const reload = useReloadTrip();
  const [form] = Form.useForm<ReportValues>();
  const { reportTrip } = useReportTrip();
  // A report is written on the way back, often without signal: keep it on the phone until sent.
  const draft = useDeviceDraft<ReportValues>(userId, `report:${trip.id}`);
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  const area = <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />;
  return (
    <FormDialog
      title={t('tripAction.reportTitle')}
      okText={t('tripAction.sendReport')}
      open={open}
      onClose={onClose}
      form={form}
      draft={draft}
      fieldOf={REPORT_FIELDS}
      onConflict={reload}
      onSubmit={async (v) => {
        await reportTrip({
          id: trip.id,
          version: trip.version,
          input: {
            findings: v.findings.trim(),
            difficulties: v.difficulties?.trim() ?? '',
            membersConcerns: v.membersConcerns?.trim() ?? '',
            goodModels: v.goodModels?.trim() ?? '',
            recommendations: v.recommendations?.trim() ?? '',
            details: {
              membersPresent: trip.kind === 'MEETING' ? (v.membersPresent ?? null) : null,
              meetingQuality: trip.kind === 'MEETING' ? (v.meetingQuality?.trim() ?? null) : null,
              conclusion: trip.kind === 'INSPECTION' ? (v.conclusion?.trim() ?? null) : null,
              activityOutcome: trip.kind === 'COORDINATION' ? (v.activityOutcome?.trim() ?? null) : null,
            },
          },
        });
      }}
    >
      {trip.reportDueOn && <ReportDeadline dueOn={trip.reportDueOn} />}
      <Form.Item label={t('report.findings')} name="findings" rules={required(t('report.findingsRequired'))}>
        {area}
      </Form.Item>
      {trip.kind === 'MEETING' && (
        <>
          <Form.Item
            label={t('report.membersPresent')}
            name="membersPresent"
            rules={[{ required: true, type: 'number', min: 0, message: t('report.membersPresentRequired') }]}
          >
            <InputNumber<number> min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t('report.meetingQuality')}
            name="meetingQuality"
            rules={required(t('report.meetingQualityRequired'))}
          >
            {area}
          </Form.Item>
        </>
      )}
      {trip.kind === 'INSPECTION' && (
        <Form.Item label={t('report.conclusion')} name="conclusion" rules={required(t('report.conclusionRequired'))}>
          {area}
        </Form.Item>
      )}
      {trip.kind === 'COORDINATION' && (
        <Form.Item
          label={t('report.activityOutcome')}
          name="activityOutcome"
          rules={required(t('report.activityOutcomeRequired'))}
        >
          {area}
        </Form.Item>
      )}
      <Form.Item label={t('report.difficulties')} name="difficulties">
        {area}
      </Form.Item>
      <Form.Item label={t('report.membersConcerns')} name="membersConcerns">
        {area}
      </Form.Item>
      <Form.Item label={t('report.goodModels')} name="goodModels">
        {area}
      </Form.Item>
      <Form.Item label={t('report.recommendations')} name="recommendations">
        {area}
      </Form.Item>
    </FormDialog>
  );
}

function AcceptModal({ open, onClose, trip }: ModalProps) {
  const { t } = useTranslation();
  const reload = useReloadTrip();
  const [form] = Form.useForm<{ note?: string }>();
  const { acceptTripReport } = useAcceptTripReport();
  return (
    <FormDialog
      title={t('tripAction.acceptTitle')}
      okText={t('tripAction.accept')}
      open={open}
      onClose={onClose}
      form={form}
      fieldOf={fieldsNamed('note')}
      onConflict={reload}
      onSubmit={async ({ note }) => {
        await acceptTripReport({ id: trip.id, version: trip.version, note: note?.trim() || null });
      }}
    >
      <Form.Item label={t('tripAction.note')} name="note">
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormDialog>
  );
}

import { useQuery } from '@apollo/client/react';
import { App, AutoComplete, DatePicker, Form, Input } from 'antd';
import { CadreSelect } from '@/features/roster';
import { UnitSelect } from '@/features/units';
import { ViewerCadreQuery } from '@/features/trips';
import { FormDialog } from '@/shared/forms/FormDialog';
import { useFindingsTranslation } from '@/features/findings';
import { fieldsNamed } from '@/shared/forms/serverErrors';
import { DATE_FORMAT, toLocalDate, type Dayjs } from '@/shared/format/date';
import { ORGANISERS } from './inspectionLabels';
import { useRecordExternalInspection } from './inspections.mutations';

interface ExternalValues {
  cadreId?: string;
  organiser: string;
  title: string;
  unitIds: string[];
  dates: [Dayjs, Dayjs] | null;
  lateJustification?: string;
}

const externalField = (path: Array<string | number>) => {
  const last = path.at(-1);
  if (last === 'startDate' || last === 'endDate') return 'dates';
  if (last === 'leadCadreId') return 'cadreId';
  if (last === 'destinationIds') return 'unitIds';
  return fieldsNamed('cadreId', 'organiser', 'title', 'unitIds', 'lateJustification')(path);
};

interface ExternalFormModalProps {
  open: boolean;
  onClose: () => void;
  /** The viewer's own cadre: a cadre records their own participation. */
  cadreId: string | null;
  /** The organisation department and department heads record for others. */
  canPickCadre: boolean;
}

/** A cadre joined an inspection team of the central union or another provincial body. */
export function ExternalFormModal({ open, onClose, cadreId, canPickCadre }: ExternalFormModalProps) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<ExternalValues>();
  const { message } = App.useApp();
  const { data: cadre } = useQuery(ViewerCadreQuery, { variables: { id: cadreId ?? '' }, skip: !cadreId });
  const [record] = useRecordExternalInspection();
  const known = cadre?.cadre ? [{ value: cadre.cadre.id, label: cadre.cadre.fullName }] : [];

  const onSubmit = async (values: ExternalValues) => {
    const [start, end] = values.dates ?? [];
    if (!values.cadreId || !start || !end) return;
    const late = values.lateJustification?.trim() ?? '';
    await record({
      variables: {
        input: {
          cadreId: values.cadreId,
          organiser: values.organiser.trim(),
          title: values.title.trim(),
          unitIds: values.unitIds,
          startDate: toLocalDate(start),
          endDate: toLocalDate(end),
          lateJustification: late === '' ? null : late,
        },
      },
    });
    void message.success(t('findings.external.recorded'));
  };

  return (
    <FormDialog<ExternalValues>
      title={t('findings.external.title')}
      open={open}
      onClose={onClose}
      form={form}
      okText={t('findings.external.submit')}
      onSubmit={onSubmit}
      fieldOf={externalField}
      initialValues={{ cadreId: cadreId ?? undefined, unitIds: [], dates: null }}
      width={640}
    >
      <Form.Item
        label={t('findings.external.cadre')}
        name="cadreId"
        rules={[{ required: true, message: t('findings.external.cadreRequired') }]}
      >
        <CadreSelect multiple={false} known={known} disabled={!canPickCadre} />
      </Form.Item>
      <Form.Item
        label={t('findings.external.organiser')}
        name="organiser"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('findings.external.organiserRequired') },
          { min: 2, message: t('findings.common.min', { min: 2 }) },
          { max: 200, message: t('findings.common.max', { max: 200 }) },
        ]}
      >
        <AutoComplete options={ORGANISERS.map((o) => ({ value: o }))} placeholder={t('findings.external.organiserPlaceholder')} />
      </Form.Item>
      <Form.Item
        label={t('findings.external.name')}
        name="title"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('findings.external.nameRequired') },
          { min: 3, message: t('findings.common.min', { min: 3 }) },
          { max: 300, message: t('findings.common.max', { max: 300 }) },
        ]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        label={t('findings.external.units')}
        name="unitIds"
        rules={[{ required: true, type: 'array', min: 1, message: t('findings.external.unitsRequired') }]}
      >
        <UnitSelect />
      </Form.Item>
      <Form.Item
        label={t('findings.external.dates')}
        name="dates"
        rules={[{ required: true, message: t('findings.visit.datesRequired') }]}
      >
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          placeholder={[t('findings.common.from'), t('findings.common.to')]}
        />
      </Form.Item>
      <Form.Item
        label={t('findings.visit.late')}
        name="lateJustification"
        extra={t('findings.visit.lateHelp')}
        rules={[{ max: 2000, message: t('findings.common.max', { max: 2000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormDialog>
  );
}

import { DatePicker, Form, Input, Select } from 'antd';
import { FormDialog } from '@/shared/forms/FormDialog';
import { useFindingsTranslation } from '@/features/findings';
import { DATE_FORMAT, toLocalDate, type Dayjs } from '@/shared/format/date';
import { nameCollator } from '@/shared/format/collator';
import { useScheduleInspectionVisit } from './inspections.mutations';

interface VisitValues {
  unitId?: string;
  dates: [Dayjs, Dayjs] | null;
  lateJustification?: string;
}

export interface VisitTarget {
  team: { id: string; name: string };
  targets: ReadonlyArray<{ id: string; name: string }>;
}

const visitField = (path: Array<string | number>) => {
  const last = path.at(-1);
  if (last === 'startDate' || last === 'endDate') return 'dates';
  if (last === 'unitId' || last === 'destinationIds') return 'unitId';
  if (last === 'lateJustification') return 'lateJustification';
  return undefined;
};

/** A team's visit to one of the plan's units: an inspection trip for the whole team, sent for approval. */
export function VisitFormModal({ target, onClose }: { target: VisitTarget | null; onClose: () => void }) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<VisitValues>();
  const [schedule] = useScheduleInspectionVisit();

  const onSubmit = async (values: VisitValues) => {
    const [start, end] = values.dates ?? [];
    if (!target || !values.unitId || !start || !end) return;
    const late = values.lateJustification?.trim() ?? '';
    await schedule({
      variables: {
        input: {
          teamId: target.team.id,
          unitId: values.unitId,
          startDate: toLocalDate(start),
          endDate: toLocalDate(end),
          lateJustification: late === '' ? null : late,
        },
      },
    });
  };

  const targets = [...(target?.targets ?? [])].sort((a, b) => nameCollator.compare(a.name, b.name));
  return (
    <FormDialog<VisitValues>
      title={t('findings.visit.createTitle', { team: target?.team.name ?? '' })}
      open={!!target}
      onClose={onClose}
      form={form}
      okText={t('findings.visit.create')}
      onSubmit={onSubmit}
      successMessage={t('findings.visit.scheduled')}
      fieldOf={visitField}
      initialValues={{ dates: null }}
    >
      <Form.Item
        label={t('findings.visit.unit')}
        name="unitId"
        rules={[{ required: true, message: t('findings.visit.unitRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={targets.map((u) => ({ value: u.id, label: u.name }))}
          placeholder={t('findings.visit.unitPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        label={t('findings.visit.dates')}
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

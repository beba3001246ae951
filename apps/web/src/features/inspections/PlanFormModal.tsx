import { DatePicker, Form, Input, Select } from 'antd';
import { UnitSelect } from '@/features/units';
import { FormDialog } from '@/shared/forms/FormDialog';
import { useFindingsTranslation } from '@/features/findings';
import { fieldsNamed } from '@/shared/forms/serverErrors';
import { DATE_FORMAT, toLocalDate, type Dayjs } from '@/shared/format/date';
import { SUBJECTS } from './inspectionLabels';
import { useCreateInspectionPlan } from './inspections.mutations';

interface PlanValues {
  title: string;
  subject: string;
  dates: [Dayjs, Dayjs] | null;
  targetUnitIds: string[];
  description?: string;
}

const planField = (path: Array<string | number>) => {
  const last = path.at(-1);
  if (last === 'startsOn' || last === 'endsOn' || last === 'year') return 'dates';
  return fieldsNamed('title', 'subject', 'targetUnitIds', 'description')(path);
};

export function PlanFormModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<PlanValues>();
  const [create] = useCreateInspectionPlan();

  const onSubmit = async (values: PlanValues) => {
    const [start, end] = values.dates ?? [];
    if (!start || !end) return;
    await create({
      variables: {
        input: {
          year,
          title: values.title.trim(),
          subject: values.subject as never,
          description: values.description?.trim() ?? '',
          startsOn: toLocalDate(start),
          endsOn: toLocalDate(end),
          targetUnitIds: values.targetUnitIds,
        },
      },
    });
  };

  return (
    <FormDialog<PlanValues>
      title={t('findings.plan.createTitle', { year })}
      open={open}
      onClose={onClose}
      form={form}
      okText={t('findings.plan.create')}
      onSubmit={onSubmit}
      successMessage={t('findings.plan.created')}
      fieldOf={planField}
      initialValues={{ subject: 'ORGANISATION', targetUnitIds: [], dates: null }}
      width={640}
    >
      <Form.Item
        label={t('findings.plan.title')}
        name="title"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('findings.plan.titleRequired') },
          { min: 3, message: t('findings.common.min', { min: 3 }) },
          { max: 300, message: t('findings.common.max', { max: 300 }) },
        ]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item label={t('findings.plan.subject')} name="subject" rules={[{ required: true }]}>
        <Select options={SUBJECTS.map((s) => ({ value: s, label: t(`findings.subject.${s}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('findings.plan.dates')}
        name="dates"
        rules={[
          { required: true, message: t('findings.plan.datesRequired') },
          {
            validator: (_, range: PlanValues['dates']) =>
              !range || (range[0].year() === year && range[1].year() === year)
                ? Promise.resolve()
                : Promise.reject(new Error(t('findings.plan.datesInYear', { year }))),
          },
        ]}
      >
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          placeholder={[t('findings.common.from'), t('findings.common.to')]}
        />
      </Form.Item>
      <Form.Item
        label={t('findings.plan.targets')}
        name="targetUnitIds"
        rules={[{ required: true, type: 'array', min: 1, message: t('findings.plan.targetsRequired') }]}
      >
        <UnitSelect />
      </Form.Item>
      <Form.Item
        label={t('findings.plan.description')}
        name="description"
        rules={[{ max: 4000, message: t('findings.common.max', { max: 4000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormDialog>
  );
}

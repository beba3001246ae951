import { useQuery } from '@apollo/client/react';
import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { DATE_FORMAT, toLocalDate, type Dayjs } from '@/shared/format/date';
import { nameCollator } from '@/shared/format/collator';
import { RecommendationDepartmentsQuery } from './findings.operations';
import { FormDialog } from '@/shared/forms/FormDialog';
import { useFindingsTranslation } from './findingsI18n';
import type { Recommendation } from './RecommendationCard';
import { fieldsNamed } from '@/shared/forms/serverErrors';
import { UnitPicker } from './UnitPicker';
import { useAnswerRecommendation, useAssignRecommendation, useCreateRecommendation } from './findings.mutations';

interface AssignValues {
  departmentId?: string;
  dueOn?: Dayjs | null;
}

/** Gives a recommendation to a department to answer, by a date. */
export function AssignModal({ rec, onClose }: { rec: Recommendation | null; onClose: () => void }) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<AssignValues>();
  const { data } = useQuery(RecommendationDepartmentsQuery, { skip: !rec });
  const [assign] = useAssignRecommendation();
  const departments = [...(data?.units.nodes ?? [])].sort((a, b) => nameCollator.compare(a.name, b.name));
  return (
    <FormDialog<AssignValues>
      title={t('findings.rec.assignTitle')}
      open={!!rec}
      onClose={onClose}
      form={form}
      okText={t('findings.rec.assign')}
      successMessage={t('findings.rec.assignedDone')}
      fieldOf={fieldsNamed('departmentId', 'dueOn')}
      onSubmit={async (values) => {
        if (!rec || !values.departmentId || !values.dueOn) return;
        await assign({
          variables: {
            id: rec.id,
            version: rec.version,
            input: { departmentId: values.departmentId, dueOn: toLocalDate(values.dueOn) },
          },
        });
      }}
    >
      {rec && <Typography.Paragraph type="secondary">{rec.text}</Typography.Paragraph>}
      <Form.Item
        label={t('findings.rec.department')}
        name="departmentId"
        rules={[{ required: true, message: t('findings.rec.departmentRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('findings.rec.departmentPlaceholder')}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item
        label={t('findings.rec.dueOn')}
        name="dueOn"
        rules={[
          { required: true, message: t('findings.rec.dueOnRequired') },
          {
            validator: (_, value: Dayjs | null | undefined) =>
              !value || !value.isBefore(dayjs(), 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(t('findings.rec.dueInPast'))),
          },
        ]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}

/** The assigned department's (or the managers') answer to a recommendation. */
export function AnswerModal({ rec, onClose }: { rec: Recommendation | null; onClose: () => void }) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<{ answer: string }>();
  const [answer] = useAnswerRecommendation();
  return (
    <FormDialog<{ answer: string }>
      title={t('findings.rec.answerTitle')}
      open={!!rec}
      onClose={onClose}
      form={form}
      okText={t('findings.rec.answerAction')}
      successMessage={t('findings.rec.answered')}
      fieldOf={fieldsNamed('answer')}
      onSubmit={async (values) => {
        if (!rec) return;
        await answer({ variables: { id: rec.id, version: rec.version, answer: values.answer.trim() } });
      }}
    >
      {rec && <Typography.Paragraph type="secondary">{rec.text}</Typography.Paragraph>}
      <Form.Item
        label={t('findings.rec.answer')}
        name="answer"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('findings.rec.answerRequired') },
          { min: 10, message: t('findings.common.min', { min: 10 }) },
          { max: 8000, message: t('findings.common.max', { max: 8000 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </FormDialog>
  );
}

interface RaiseValues {
  unitId?: string;
  text: string;
}

interface RaiseModalProps {
  open: boolean;
  onClose: () => void;
  /** A host unit raises recommendations for itself. */
  ownUnit: { id: string; name: string } | null;
}

/** Records a recommendation raised at the grassroots. */
export function RaiseModal({ open, onClose, ownUnit }: RaiseModalProps) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<RaiseValues>();
  const [raise] = useCreateRecommendation();
  return (
    <FormDialog<RaiseValues>
      title={t('findings.rec.raiseTitle')}
      open={open}
      onClose={onClose}
      form={form}
      okText={t('findings.rec.raise')}
      successMessage={t('findings.rec.raised')}
      fieldOf={fieldsNamed('unitId', 'text')}
      initialValues={{ unitId: ownUnit?.id, text: '' }}
      onSubmit={async (values) => {
        if (!values.unitId) return;
        await raise({ variables: { input: { unitId: values.unitId, text: values.text.trim() } } });
      }}
    >
      <Form.Item
        label={t('findings.rec.unit')}
        name="unitId"
        rules={[{ required: true, message: t('findings.rec.unitRequired') }]}
      >
        <UnitPicker disabled={!!ownUnit} known={ownUnit ? [{ value: ownUnit.id, label: ownUnit.name }] : []} />
      </Form.Item>
      <Form.Item
        label={t('findings.rec.text')}
        name="text"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('findings.rec.textRequired') },
          { min: 10, message: t('findings.common.min', { min: 10 }) },
          { max: 8000, message: t('findings.common.max', { max: 8000 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </FormDialog>
  );
}

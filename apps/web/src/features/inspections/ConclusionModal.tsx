import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { InspectionRating } from '@/gql/graphql';
import { FormDialog } from '@/shared/forms/FormDialog';
import { UnitPicker, useFindingsTranslation } from '@/features/findings';
import type { FieldPath } from '@/shared/forms/serverErrors';
import { DATE_FORMAT, fromLocalDate, toLocalDate, type Dayjs } from '@/shared/format/date';
import { RATINGS } from './inspectionLabels';
import { useConcludeInspection } from './inspections.mutations';

interface ActionValues {
  description: string;
  responsibleUnitId?: string;
  dueOn?: Dayjs | null;
}

export interface ConclusionValues {
  unitId?: string;
  concludedOn?: Dayjs | null;
  rating?: InspectionRating;
  findings: string;
  actions: ActionValues[];
}

/** The visit being concluded: the units it went to and those already concluded. */
export interface ConcludedVisit {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  destinations: ReadonlyArray<{ id: string; name: string }>;
  conclusions: ReadonlyArray<{ unitId: string }>;
}

const FINDINGS_MIN = 10;
const FINDINGS_MAX = 20_000;
const ACTION_MIN = 5;
const ACTION_MAX = 2000;

/** `input.actions.1.dueOn` lands on the second action's due date; `input.actions` on the list. */
export function conclusionField(path: Array<string | number>): FieldPath | undefined {
  const [first, index, last] = path;
  if (first === 'actions') return typeof index === 'number' && typeof last === 'string' ? ['actions', index, last] : undefined;
  if (first === 'unitId' || first === 'concludedOn' || first === 'rating' || first === 'findings') return first;
  return undefined;
}

interface ConclusionModalProps {
  visit: ConcludedVisit | null;
  onClose: () => void;
}

/** The conclusion report of an inspection visit: findings, rating, corrective actions with owner and due date. */
export function ConclusionModal({ visit, onClose }: ConclusionModalProps) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<ConclusionValues>();
  const [conclude] = useConcludeInspection();
  const concluded = new Set(visit?.conclusions.map((c) => c.unitId));
  const open = visit?.destinations.filter((d) => !concluded.has(d.id)) ?? [];
  const unitId = Form.useWatch('unitId', form);
  const inspected = visit?.destinations.find((d) => d.id === unitId);
  const known = visit ? visit.destinations.map((d) => ({ value: d.id, label: d.name })) : [];
  // Another visit starts a fresh form; reopening the same one keeps what was typed.
  const lastVisit = useRef<string | null>(null);
  useEffect(() => {
    if (visit && visit.id !== lastVisit.current) {
      lastVisit.current = visit.id;
      form.resetFields();
    }
  }, [visit, form]);

  const onSubmit = async (values: ConclusionValues) => {
    if (!visit || !values.unitId || !values.concludedOn || !values.rating) return;
    await conclude({
      variables: {
        input: {
          tripId: visit.id,
          unitId: values.unitId,
          concludedOn: toLocalDate(values.concludedOn),
          rating: values.rating,
          findings: values.findings.trim(),
          actions: (values.actions ?? []).map((a) => ({
            description: a.description.trim(),
            responsibleUnitId: a.responsibleUnitId ?? '',
            dueOn: a.dueOn ? toLocalDate(a.dueOn) : '',
          })),
        },
      },
    });
  };

  const notBeforeVisit = (_: unknown, value: Dayjs | null | undefined) =>
    !value || !visit || toLocalDate(value) >= visit.startDate
      ? Promise.resolve()
      : Promise.reject(new Error(t('findings.conclusion.beforeVisit')));

  return (
    <FormDialog<ConclusionValues>
      title={t('findings.conclusion.title')}
      open={!!visit}
      onClose={onClose}
      form={form}
      okText={t('findings.conclusion.submit')}
      onSubmit={onSubmit}
      fieldOf={conclusionField}
      initialValues={{
        unitId: open.length === 1 ? open[0]?.id : undefined,
        concludedOn: visit ? fromLocalDate(visit.endDate) : null,
        findings: '',
        actions: [],
      }}
      width={760}
    >
      {visit && <Typography.Paragraph type="secondary">{visit.title}</Typography.Paragraph>}
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            label={t('findings.conclusion.unit')}
            name="unitId"
            rules={[{ required: true, message: t('findings.conclusion.unitRequired') }]}
          >
            <Select
              options={open.map((d) => ({ value: d.id, label: d.name }))}
              placeholder={t('findings.conclusion.unitPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            label={t('findings.conclusion.concludedOn')}
            name="concludedOn"
            rules={[{ required: true, message: t('findings.conclusion.concludedOnRequired') }, { validator: notBeforeVisit }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('findings.conclusion.rating')}
        name="rating"
        rules={[{ required: true, message: t('findings.conclusion.ratingRequired') }]}
      >
        <Radio.Group optionType="button" options={RATINGS.map((r) => ({ value: r, label: t(`findings.rating.${r}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('findings.conclusion.findings')}
        name="findings"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('findings.conclusion.findingsRequired') },
          { min: FINDINGS_MIN, message: t('findings.common.min', { min: FINDINGS_MIN }) },
          { max: FINDINGS_MAX, message: t('findings.common.max', { max: FINDINGS_MAX }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>

      <Typography.Title level={3} className="findings-subtitle">
        {t('findings.conclusion.actions')}
      </Typography.Title>
      <Form.List name="actions">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && (
              <Typography.Paragraph type="secondary">{t('findings.conclusion.noActions')}</Typography.Paragraph>
            )}
            {fields.map((field, index) => (
              <fieldset key={field.key} className="findings-action">
                <legend>{t('findings.conclusion.actionN', { n: index + 1 })}</legend>
                <Form.Item
                  label={t('findings.conclusion.actionDescription')}
                  name={[field.name, 'description']}
                  validateFirst
                  rules={[
                    { required: true, whitespace: true, message: t('findings.conclusion.actionRequired') },
                    { min: ACTION_MIN, message: t('findings.common.min', { min: ACTION_MIN }) },
                    { max: ACTION_MAX, message: t('findings.common.max', { max: ACTION_MAX }) },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} md={14}>
                    <Form.Item
                      label={t('findings.conclusion.responsible')}
                      name={[field.name, 'responsibleUnitId']}
                      rules={[{ required: true, message: t('findings.conclusion.responsibleRequired') }]}
                    >
                      <UnitPicker known={known} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item
                      label={t('findings.conclusion.dueOn')}
                      name={[field.name, 'dueOn']}
                      dependencies={['concludedOn']}
                      rules={[
                        { required: true, message: t('findings.conclusion.dueOnRequired') },
                        ({ getFieldValue }) => ({
                          validator: (_, value: Dayjs | null | undefined) => {
                            const on = getFieldValue('concludedOn') as Dayjs | null | undefined;
                            return !value || !on || !value.isBefore(on, 'day')
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('findings.conclusion.dueBeforeConclusion')));
                          },
                        }),
                      ]}
                    >
                      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
                <Button type="text" danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)}>
                  {t('findings.conclusion.removeAction', { n: index + 1 })}
                </Button>
              </fieldset>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ description: '', responsibleUnitId: inspected?.id, dueOn: null })}
              disabled={fields.length >= 50}
            >
              {t('findings.conclusion.addAction')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDialog>
  );
}

import { useApolloClient, useQuery } from '@apollo/client/react';
import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { CadreRow_CadreFragment, Gender } from '@/gql/graphql';
import { nameCollator } from '@/shared/format/collator';
import { DATE_FORMAT, fromLocalDate, toLocalDate, type Dayjs } from '@/shared/format/date';
import { FormDialog } from '@/shared/forms/FormDialog';
import { DepartmentOptionsQuery, RosterQuery } from './organisation.operations';
import { useOrgTranslation } from './orgI18n';
import { byLastName, fieldsNamed } from '@/shared/forms/serverErrors';
import { useCreateCadre, useUpdateCadre } from './organisation.mutations';
import { useClearable } from '@/shared/forms/useClearable';

export interface CadreFormValues {
  fullName: string;
  /** Empty only when the API withheld it: the form then asks for it rather than guessing. */
  gender: Gender | null;
  position: string;
  departmentId: string | null;
  categories: Array<'agencyStaff' | 'executiveMember'>;
  term: string;
  subjectFrom: Dayjs | null;
  subjectTo: Dayjs | null;
}

const FIELD_OF = fieldsNamed('fullName', 'gender', 'position', 'departmentId', 'term', 'subjectFrom', 'subjectTo');
const fieldOf = (last: string) => (last === 'agencyStaff' || last === 'executiveMember' ? 'categories' : FIELD_OF([last]));

function valuesOf(cadre: CadreRow_CadreFragment | null): CadreFormValues {
  if (!cadre) {
    return {
      fullName: '',
      gender: 'FEMALE',
      position: '',
      departmentId: null,
      categories: ['agencyStaff'],
      term: '',
      subjectFrom: null,
      subjectTo: null,
    };
  }
  return {
    fullName: cadre.fullName,
    gender: cadre.gender,
    position: cadre.position,
    departmentId: cadre.departmentId ?? null,
    categories: [
      ...(cadre.agencyStaff ? (['agencyStaff'] as const) : []),
      ...(cadre.executiveMember ? (['executiveMember'] as const) : []),
    ],
    term: cadre.term ?? '',
    subjectFrom: cadre.subjectFrom ? fromLocalDate(cadre.subjectFrom) : null,
    subjectTo: cadre.subjectTo ? fromLocalDate(cadre.subjectTo) : null,
  };
}

export function useDepartmentOptions() {
  const { data, loading } = useQuery(DepartmentOptionsQuery);
  const options = [...(data?.units.nodes ?? [])]
    .filter((d) => !d.validTo)
    .sort((a, b) => nameCollator.compare(a.name, b.name))
    .map((d) => ({ value: d.id, label: d.name }));
  return { options, loading };
}

interface CadreFormModalProps {
  open: boolean;
  /** The cadre being edited; null to add one. */
  cadre: CadreRow_CadreFragment | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}

/** Adds a cadre to the list or edits one: category, department, term and the period they are subject. */
export function CadreFormModal({ open, cadre, onClose, onSaved }: CadreFormModalProps) {
  const clearable = useClearable();
  const { t } = useOrgTranslation();
  const [form] = Form.useForm<CadreFormValues>();
  const departments = useDepartmentOptions();
  const [create] = useCreateCadre();
  const [update] = useUpdateCadre();
  const client = useApolloClient();
  const editing = !!cadre;
  const subjectFrom = Form.useWatch('subjectFrom', form);

  const onSubmit = async (values: CadreFormValues) => {
    const common = {
      fullName: values.fullName.trim(),
      position: values.position.trim(),
      departmentId: values.departmentId ?? null,
      agencyStaff: values.categories.includes('agencyStaff'),
      executiveMember: values.categories.includes('executiveMember'),
      term: values.term.trim() || null,
      subjectTo: values.subjectTo ? toLocalDate(values.subjectTo) : null,
    };
    if (cadre) {
      await update({ variables: { id: cadre.id, version: cadre.version, input: common } });
    } else {
      if (!values.subjectFrom || !values.gender) return;
      await create({ variables: { input: { ...common, gender: values.gender, subjectFrom: toLocalDate(values.subjectFrom) } } });
    }
    onSaved(common.fullName);
  };

  return (
    <FormDialog<CadreFormValues>
      title={editing ? t('org.cadre.editTitle', { name: cadre.fullName }) : t('org.cadre.newTitle')}
      okText={editing ? t('org.save') : t('org.cadre.add')}
      width={640}
      submitOnEnter
      open={open}
      onClose={onClose}
      form={form}
      initialValues={valuesOf(cadre)}
      onSubmit={onSubmit}
      fieldOf={byLastName(fieldOf)}
      onConflict={() => client.refetchQueries({ include: [RosterQuery] })}
      revision={cadre?.version}
    >
      <Form.Item
        label={t('org.cadre.fullName')}
        name="fullName"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('org.cadre.fullNameRequired') },
          { min: 2, max: 120, message: t('org.cadre.fullNameLength') },
        ]}
      >
        <Input maxLength={120} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          <Form.Item label={t('org.cadre.gender')} name="gender" extra={editing ? t('org.cadre.genderFixed') : undefined}>
            <Radio.Group
              disabled={editing}
              options={[
                { value: 'FEMALE', label: t('org.gender.FEMALE') },
                { value: 'MALE', label: t('org.gender.MALE') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            label={t('org.cadre.position')}
            name="position"
            rules={[{ max: 200, message: t('org.tooLong', { max: 200 }) }]}
          >
            <Input maxLength={200} placeholder={t('org.cadre.positionPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('org.cadre.department')} name="departmentId">
        <Select
          allowClear={clearable}
          showSearch={{ optionFilterProp: 'label' }}
          loading={departments.loading}
          options={departments.options}
          placeholder={t('org.cadre.departmentPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        label={t('org.cadre.category')}
        name="categories"
        extra={t('org.cadre.categoryHelp')}
        rules={[{ required: true, type: 'array', min: 1, message: t('org.cadre.categoryRequired') }]}
      >
        <Checkbox.Group
          className="org-checks"
          options={[
            { value: 'agencyStaff', label: t('org.category.agencyStaff') },
            { value: 'executiveMember', label: t('org.category.executiveMember') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('org.cadre.term')} name="term" rules={[{ max: 100, message: t('org.tooLong', { max: 100 }) }]}>
        <Input maxLength={100} placeholder={t('org.cadre.termPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('org.cadre.subjectFrom')}
            name="subjectFrom"
            extra={editing ? t('org.cadre.subjectFromFixed') : undefined}
            rules={[{ required: true, message: t('org.cadre.subjectFromRequired') }]}
          >
            <DatePicker
              format={DATE_FORMAT}
              disabled={editing}
              style={{ width: '100%' }}
              placeholder={t('org.datePlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('org.cadre.subjectTo')}
            name="subjectTo"
            dependencies={['subjectFrom']}
            extra={t('org.cadre.subjectToHelp')}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null) => {
                  const from = getFieldValue('subjectFrom') as Dayjs | null;
                  return !value || !from || !value.isBefore(from, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('org.cadre.subjectToBefore')));
                },
              }),
            ]}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              placeholder={t('org.datePlaceholder')}
              disabledDate={(d) => !!subjectFrom && d.isBefore(subjectFrom, 'day')}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}

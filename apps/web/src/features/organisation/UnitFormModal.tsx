import { useQuery } from '@apollo/client/react';
import { Checkbox, Col, DatePicker, Descriptions, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { getFragmentData } from '@/gql';
import type { UnitKind, UnitRow_UnitFragment } from '@/gql/graphql';
import { DATE_FORMAT, formatLocalDate, fromLocalDate, toLocalDate, type Dayjs } from '@/shared/format/date';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { FormDialog } from '@/shared/forms/FormDialog';
import { byLastName } from '@/shared/forms/serverErrors';
import { UnitRow_unit, UnitsPageQuery } from './organisation.operations';
import { useOrgTranslation } from './orgI18n';
import { useCreateUnit, useUpdateUnit } from './organisation.mutations';
import { useClearable } from '@/shared/forms/useClearable';

export const UNIT_KINDS: readonly UnitKind[] = [
  'PROVINCIAL_AGENCY',
  'DEPARTMENT',
  'OFFICE',
  'DISTRICT_UNION',
  'AFFILIATED_UNION',
  'COMMUNE_UNION',
  'GRASSROOTS_UNION',
  'CHAPTER',
];

export type Hardship = 'remote' | 'border' | 'island';

export interface UnitFormValues {
  kind: UnitKind;
  name: string;
  parentId: string | null;
  communeCode: string;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  hardship: Hardship[];
}

const fieldOf = (last: string): string | undefined =>
  ['remote', 'border', 'island'].includes(last)
    ? 'hardship'
    : ['kind', 'name', 'parentId', 'communeCode', 'validFrom', 'validTo'].includes(last)
      ? last
      : undefined;

function valuesOf(unit: UnitRow_UnitFragment | null, parent: { id: string } | null): UnitFormValues {
  if (!unit) {
    return {
      kind: 'COMMUNE_UNION',
      name: '',
      parentId: parent?.id ?? null,
      communeCode: '',
      validFrom: null,
      validTo: null,
      hardship: [],
    };
  }
  return {
    kind: unit.kind,
    name: unit.name,
    parentId: unit.parentId ?? null,
    communeCode: unit.communeCode ?? '',
    validFrom: fromLocalDate(unit.validFrom),
    validTo: unit.validTo ? fromLocalDate(unit.validTo) : null,
    hardship: (['remote', 'border', 'island'] as const).filter((h) => unit[h]),
  };
}

/** Picks the parent unit by name, with or without diacritics. */
function ParentSelect({
  id,
  value,
  onChange,
  known,
}: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  known: { id: string; name: string } | null;
}) {
  const clearable = useClearable();
  const { t } = useOrgTranslation();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const { data, previousData, loading } = useQuery(UnitsPageQuery, {
    variables: {
      first: 30,
      filter: {
        search: debounced || null,
        kinds: [
          'PROVINCIAL_AGENCY',
          'DEPARTMENT',
          'OFFICE',
          'DISTRICT_UNION',
          'AFFILIATED_UNION',
          'COMMUNE_UNION',
          'GRASSROOTS_UNION',
        ],
      },
    },
  });
  const nodes = getFragmentData(UnitRow_unit, (data ?? previousData)?.units.nodes ?? []);
  const options = nodes.map((u) => ({ value: u.id, label: u.parent ? `${u.name} – ${u.parent.name}` : u.name }));
  if (known && !options.some((o) => o.value === known.id)) options.unshift({ value: known.id, label: known.name });
  return (
    <Select
      id={id}
      allowClear={clearable}
      value={value ?? undefined}
      onChange={(v?: string) => {
        setSearch('');
        onChange?.(v ?? null);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={loading}
      options={options}
      placeholder={t('org.unit.parentPlaceholder')}
      notFoundContent={loading ? t('org.loading') : t('org.unit.notFound')}
    />
  );
}

interface UnitFormModalProps {
  open: boolean;
  unit: UnitRow_UnitFragment | null;
  /** For a new unit: the unit it goes under. */
  parent: { id: string; name: string } | null;
  onClose: () => void;
  onSaved: (unit: UnitRow_UnitFragment, created: boolean) => void;
  onConflict: () => Promise<unknown>;
}

/** Adds a unit to the tree or edits its name, end of validity and hardship flags. */
export function UnitFormModal({ open, unit, parent, onClose, onSaved, onConflict }: UnitFormModalProps) {
  const { t } = useOrgTranslation();
  const [form] = Form.useForm<UnitFormValues>();
  const [create] = useCreateUnit();
  const [update] = useUpdateUnit();
  const editing = !!unit;
  const kind = Form.useWatch('kind', form);
  const validFrom = Form.useWatch('validFrom', form);

  const onSubmit = async (values: UnitFormValues) => {
    const flags = {
      remote: values.hardship.includes('remote'),
      border: values.hardship.includes('border'),
      island: values.hardship.includes('island'),
    };
    const validTo = values.validTo ? toLocalDate(values.validTo) : null;
    if (unit) {
      const { data } = await update({
        variables: { id: unit.id, version: unit.version, input: { name: values.name.trim(), validTo, ...flags } },
      });
      if (data) onSaved(getFragmentData(UnitRow_unit, data.updateUnit), false);
      return;
    }
    if (!values.validFrom) return;
    const { data } = await create({
      variables: {
        input: {
          kind: values.kind,
          name: values.name.trim(),
          parentId: values.kind === 'PROVINCIAL_AGENCY' ? null : values.parentId,
          communeCode: values.communeCode.trim() || null,
          validFrom: toLocalDate(values.validFrom),
          validTo,
          ...flags,
        },
      },
    });
    if (data) onSaved(getFragmentData(UnitRow_unit, data.createUnit), true);
  };

  return (
    <FormDialog<UnitFormValues>
      title={editing ? t('org.unit.editTitle', { name: unit.name }) : t('org.unit.newTitle')}
      okText={editing ? t('org.save') : t('org.unit.add')}
      width={640}
      submitOnEnter
      open={open}
      onClose={onClose}
      form={form}
      initialValues={valuesOf(unit, parent)}
      onSubmit={onSubmit}
      fieldOf={byLastName(fieldOf)}
      onConflict={onConflict}
      revision={unit?.version}
    >
      {editing ? (
        <Descriptions
          size="small"
          column={1}
          className="org-form__facts"
          items={[
            { key: 'kind', label: t('org.unit.kind'), children: t(`org.unitKind.${unit.kind}`) },
            { key: 'parent', label: t('org.unit.parent'), children: unit.parent?.name ?? '—' },
            { key: 'from', label: t('org.unit.validFrom'), children: formatLocalDate(unit.validFrom) },
          ]}
        />
      ) : (
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item label={t('org.unit.kind')} name="kind" rules={[{ required: true, message: t('org.unit.kindRequired') }]}>
              <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`org.unitKind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              label={t('org.unit.parent')}
              name="parentId"
              required={kind !== 'PROVINCIAL_AGENCY'}
              dependencies={['kind']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: string | null) =>
                    value || getFieldValue('kind') === 'PROVINCIAL_AGENCY'
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('org.unit.parentRequired'))),
                }),
              ]}
            >
              {kind === 'PROVINCIAL_AGENCY' ? (
                <Input disabled placeholder={t('org.unit.rootHasNoParent')} />
              ) : (
                <ParentSelect known={parent} />
              )}
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item
        label={t('org.unit.name')}
        name="name"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('org.unit.nameRequired') },
          { max: 200, message: t('org.tooLong', { max: 200 }) },
        ]}
      >
        <Input maxLength={200} autoComplete="off" placeholder={t('org.unit.namePlaceholder')} />
      </Form.Item>
      {!editing && (kind === 'COMMUNE_UNION' || kind === 'GRASSROOTS_UNION') && (
        <Form.Item
          label={t('org.unit.communeCode')}
          name="communeCode"
          extra={t('org.unit.communeCodeHelp')}
          rules={[{ pattern: /^\d{1,10}$/, message: t('org.unit.communeCodeInvalid') }]}
        >
          <Input maxLength={10} inputMode="numeric" />
        </Form.Item>
      )}
      <Row gutter={16}>
        {!editing && (
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('org.unit.validFrom')}
              name="validFrom"
              rules={[{ required: true, message: t('org.unit.validFromRequired') }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('org.datePlaceholder')} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('org.unit.validTo')}
            name="validTo"
            dependencies={['validFrom']}
            extra={t('org.unit.validToHelp')}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null) => {
                  const from = (getFieldValue('validFrom') as Dayjs | null) ?? (unit ? fromLocalDate(unit.validFrom) : null);
                  return !value || !from || !value.isBefore(from, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('org.unit.validToBefore')));
                },
              }),
            ]}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              placeholder={t('org.datePlaceholder')}
              disabledDate={(d) => {
                const from = validFrom ?? (unit ? fromLocalDate(unit.validFrom) : null);
                return !!from && d.isBefore(from, 'day');
              }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('org.unit.hardship')} name="hardship" extra={t('org.unit.hardshipHelp')}>
        <Checkbox.Group
          className="org-checks"
          options={[
            { value: 'remote', label: t('org.hardship.remote') },
            { value: 'border', label: t('org.hardship.border') },
            { value: 'island', label: t('org.hardship.island') },
          ]}
        />
      </Form.Item>
    </FormDialog>
  );
}

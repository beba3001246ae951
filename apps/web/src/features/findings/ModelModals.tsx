import { useQuery } from '@apollo/client/react';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { Replication } from '@/gql/graphql';
import { UnitSelect } from '@/features/units';
import { DATE_FORMAT, formatLocalDate, toLocalDate, type Dayjs } from '@/shared/format/date';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { ModelTripOptionsQuery } from './findings.operations';
import { FormDialog } from '@/shared/forms/FormDialog';
import { useFindingsTranslation } from './findingsI18n';
import { MODEL_FIELDS, REPLICATIONS } from './modelLabels';
import { fieldsNamed } from '@/shared/forms/serverErrors';
import { UnitPicker } from './UnitPicker';
import { useCreateGoodModel, useSetGoodModelReplication } from './findings.mutations';
import { useClearable } from '@/shared/forms/useClearable';

interface ModelValues {
  tripId?: string | null;
  name: string;
  unitId?: string;
  field?: string;
  description?: string;
}

/** A good model found on a trip: its name, the unit running it and its field. */
export function CreateModelModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const clearable = useClearable();
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<ModelValues>();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const { data, previousData, loading } = useQuery(ModelTripOptionsQuery, {
    variables: { search: debounced || null },
    skip: !open,
  });
  const trips = (data ?? previousData)?.trips.nodes ?? [];
  const [knownUnits, setKnownUnits] = useState<Array<{ value: string; label: string }>>([]);
  const [create] = useCreateGoodModel();

  return (
    <FormDialog<ModelValues>
      title={t('findings.models.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      okText={t('findings.models.create')}
      successMessage={t('findings.models.created')}
      fieldOf={fieldsNamed('tripId', 'name', 'unitId', 'field', 'description')}
      initialValues={{ name: '', field: 'ECONOMY', description: '' }}
      width={640}
      onSubmit={async (values) => {
        if (!values.unitId || !values.field) return;
        await create({
          variables: {
            input: {
              name: values.name.trim(),
              unitId: values.unitId,
              field: values.field as never,
              description: values.description?.trim() ?? '',
              tripId: values.tripId ?? null,
            },
          },
        });
      }}
    >
      <Form.Item label={t('findings.models.trip')} name="tripId" extra={t('findings.models.tripHelp')}>
        <Select
          allowClear={clearable}
          showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
          loading={loading}
          placeholder={t('findings.models.tripPlaceholder')}
          notFoundContent={t('findings.models.noTrips')}
          options={trips.map((trip) => ({ value: trip.id, label: `${trip.title} (${formatLocalDate(trip.startDate)})` }))}
          onChange={(id: string | undefined) => {
            setSearch('');
            const trip = trips.find((x) => x.id === id);
            const first = trip?.destinations[0];
            // The model is usually at the unit the trip went to.
            if (first && !form.getFieldValue('unitId')) {
              setKnownUnits(trip.destinations.map((d) => ({ value: d.id, label: d.name })));
              form.setFieldValue('unitId', first.id);
              void form.validateFields(['unitId']);
            }
          }}
        />
      </Form.Item>
      <Form.Item
        label={t('findings.models.name')}
        name="name"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('findings.models.nameRequired') },
          { min: 3, message: t('findings.common.min', { min: 3 }) },
          { max: 300, message: t('findings.common.max', { max: 300 }) },
        ]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        label={t('findings.models.unit')}
        name="unitId"
        rules={[{ required: true, message: t('findings.models.unitRequired') }]}
      >
        <UnitPicker known={knownUnits} />
      </Form.Item>
      <Form.Item label={t('findings.models.field')} name="field" rules={[{ required: true }]}>
        <Select options={MODEL_FIELDS.map((f) => ({ value: f, label: t(`findings.modelField.${f}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('findings.models.description')}
        name="description"
        rules={[{ max: 8000, message: t('findings.common.max', { max: 8000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </FormDialog>
  );
}

export interface ReplicatedModel {
  id: string;
  version: number;
  name: string;
  replication: Replication;
  replicatedAt: ReadonlyArray<{ id: string; name: string }>;
}

interface ReplicationValues {
  replication: Replication;
  since?: Dayjs | null;
  unitIds: string[];
}

/** Where a model is being or has been replicated, and since when. */
export function ReplicationModal({ model, onClose }: { model: ReplicatedModel | null; onClose: () => void }) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<ReplicationValues>();
  const replication = Form.useWatch('replication', form);
  const [save] = useSetGoodModelReplication();
  const known = model?.replicatedAt.map((u) => ({ value: u.id, label: u.name })) ?? [];
  // Another model starts a fresh form; reopening the same one keeps what was typed.
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (model && model.id !== last.current) {
      last.current = model.id;
      form.resetFields();
    }
  }, [model, form]);
  return (
    <FormDialog<ReplicationValues>
      title={t('findings.models.replicationTitle', { name: model?.name ?? '' })}
      open={!!model}
      onClose={onClose}
      form={form}
      okText={t('findings.models.saveReplication')}
      successMessage={t('findings.models.replicationSaved')}
      fieldOf={fieldsNamed('replication', 'since', 'unitIds')}
      initialValues={{
        replication: model?.replication === 'REPLICATED' ? 'REPLICATED' : 'REPLICATING',
        since: dayjs(),
        unitIds: known.map((k) => k.value),
      }}
      onSubmit={async (values) => {
        if (!model || !values.since) return;
        await save({
          variables: {
            id: model.id,
            version: model.version,
            replication: values.replication,
            since: toLocalDate(values.since),
            unitIds: values.unitIds,
          },
        });
      }}
    >
      <Form.Item label={t('findings.models.replication')} name="replication" rules={[{ required: true }]}>
        <Select options={REPLICATIONS.map((r) => ({ value: r, label: t(`findings.replication.${r}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('findings.models.replicatedAt')}
        name="unitIds"
        dependencies={['replication']}
        extra={t('findings.models.replicatedAtHelp')}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string[] | undefined) =>
              getFieldValue('replication') !== 'IDENTIFIED' && (value?.length ?? 0) === 0
                ? Promise.reject(new Error(t('findings.models.replicatedAtRequired')))
                : Promise.resolve(),
          }),
        ]}
      >
        <UnitSelect disabled={replication === 'IDENTIFIED'} known={known} />
      </Form.Item>
      <Form.Item
        label={t('findings.models.since')}
        name="since"
        rules={[{ required: true, message: t('findings.models.sinceRequired') }]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}

import { EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData } from '@/gql';
import type { PlanningPage_BatchFragment, PlanningPage_TopicFragment, PlanningQuery as Planning } from '@/gql/graphql';
import { apiError, errorMessage } from '@/shared/apollo/errors';
import { nameCollator } from '@/shared/format/collator';
import {
  DATE_FORMAT,
  formatDateTime,
  formatLocalDate,
  fromLocalDate,
  todayLocalDate,
  toLocalDate,
  type Dayjs,
} from '@/shared/format/date';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { useDepartmentOptions } from './CadreFormModal';
import { FormDialog } from '@/shared/forms/FormDialog';
import { byLastName } from '@/shared/forms/serverErrors';
import { PlanningPage_batch, PlanningPage_topic, PlanningQuery } from './planning.operations';
import { useOrgTranslation } from './orgI18n';
import { PLAN_STATE_COLOR } from './planLabels';
import { CanGate } from './CanGate';
import './organisation.css';
import {
  useCreateBatch,
  useCreateTopic,
  useSetBatchActive,
  useSetTopicActive,
  useUpdateBatch,
  useUpdateTopic,
} from './organisation.mutations';

type Batch = PlanningPage_BatchFragment;
type Topic = PlanningPage_TopicFragment;
type Plan = Planning['quarterlyPlans'][number];

export function PlanningPage() {
  return <CanGate can="managePlanning">{() => <PlanningView />}</CanGate>;
}

/** Which form is open: a new batch or topic (id null), or the one being corrected. */
type Editing = { kind: 'batch' | 'topic'; id: string | null } | null;

/**
 * A year's batches (registration windows), topic catalogue and the departments' quarterly plans. Closed
 * batches and topics stay listed here, marked, so they can be corrected or reopened.
 */
function PlanningView() {
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const { data, previousData, loading, error, refetch } = useQuery(PlanningQuery, {
    variables: { year, search: debounced || null },
  });
  const current = data ?? previousData;
  const batches = getFragmentData(PlanningPage_batch, current?.batches ?? []);
  const [editing, setEditing] = useState<Editing>(null);
  // Looked up in the latest answer, so a reload after a conflict reaches the open form.
  const editingBatch = editing?.kind === 'batch' && editing.id ? (batches.find((b) => b.id === editing.id) ?? null) : null;
  const [setBatchActive] = useSetBatchActive();
  const [setTopicActive] = useSetTopicActive();
  const [busy, setBusy] = useState<string | null>(null);
  const today = todayLocalDate();

  const toggle = async (id: string, run: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await run();
      void message.success(done);
    } catch (failure) {
      void message.error(errorMessage(failure, tt));
      // Someone changed it meanwhile: show it as it is now, so the next click acts on that.
      if (apiError(failure)?.code === 'CONFLICT') void refetch();
    } finally {
      setBusy(null);
    }
  };

  const toggleBatch = (b: Batch) => {
    const names = { number: b.number, quarter: b.quarter };
    return toggle(
      b.id,
      () => setBatchActive({ variables: { id: b.id, version: b.version, active: !b.active } }),
      b.active ? t('org.batch.closedDone', names) : t('org.batch.reopenedDone', names),
    );
  };

  const toggleTopic = (topic: Topic) =>
    toggle(
      topic.id,
      () => setTopicActive({ variables: { id: topic.id, version: topic.version, active: !topic.active } }),
      topic.active ? t('org.topic.closedDone', { title: topic.title }) : t('org.topic.reopenedDone', { title: topic.title }),
    );

  const batchColumns = [
    {
      title: t('org.batch.quarter'),
      key: 'quarter',
      render: (_: unknown, b: Batch) => t('org.batch.quarterValue', { quarter: b.quarter }),
    },
    {
      title: t('org.batch.number'),
      key: 'number',
      render: (_: unknown, b: Batch) => t('org.batch.numberValue', { number: b.number }),
    },
    {
      title: t('org.batch.dates'),
      key: 'dates',
      render: (_: unknown, b: Batch) => (
        <span className="nowrap">{`${formatLocalDate(b.startsOn)} – ${formatLocalDate(b.endsOn)}`}</span>
      ),
    },
    {
      title: t('org.batch.deadline'),
      key: 'deadline',
      render: (_: unknown, b: Batch) => formatLocalDate(b.registrationDeadline),
    },
    {
      title: t('org.batch.status'),
      key: 'status',
      render: (_: unknown, b: Batch) =>
        !b.active ? (
          <Tag color="red">{t('org.batch.inactive')}</Tag>
        ) : b.endsOn < today ? (
          <Tag>{t('org.batch.over')}</Tag>
        ) : b.registrationDeadline < today ? (
          <Tag color="orange">{t('org.batch.closed')}</Tag>
        ) : (
          <Tag color="green">{t('org.batch.open')}</Tag>
        ),
    },
    {
      title: <span className="org-sr-only">{t('org.actions')}</span>,
      key: 'actions',
      render: (_: unknown, b: Batch) => {
        const names = { number: b.number, quarter: b.quarter };
        return (
          <RowActions
            active={b.active}
            busy={busy === b.id}
            editLabel={t('org.batch.editLabel', names)}
            onEdit={() => setEditing({ kind: 'batch', id: b.id })}
            toggleText={b.active ? t('org.batch.close') : t('org.batch.reopen')}
            toggleLabel={b.active ? t('org.batch.closeLabel', names) : t('org.batch.reopenLabel', names)}
            confirmTitle={b.active ? t('org.batch.closeTitle', names) : t('org.batch.reopenTitle', names)}
            confirmText={b.active ? t('org.batch.closeConfirm') : t('org.batch.reopenConfirm')}
            onToggle={() => toggleBatch(b)}
          />
        );
      },
    },
  ];

  const topics = [...getFragmentData(PlanningPage_topic, current?.topics ?? [])].sort((a, b) =>
    nameCollator.compare(a.title, b.title),
  );
  const editingTopic = editing?.kind === 'topic' && editing.id ? (topics.find((x) => x.id === editing.id) ?? null) : null;
  const topicColumns = [
    {
      title: t('org.topic.title'),
      key: 'title',
      render: (_: unknown, topic: Topic) => (
        <div>
          <div>
            <span className={topic.active ? 'org-strong' : 'org-ended'}>{topic.title}</span>
            {!topic.active && (
              <Tag color="red" className="org-tag-gap">
                {t('org.topic.inactive')}
              </Tag>
            )}
          </div>
          {topic.description && (
            <Typography.Text type="secondary" className="org-small">
              {topic.description}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('org.topic.department'), key: 'department', render: (_: unknown, topic: Topic) => topic.department?.name ?? '—' },
    {
      title: <span className="org-sr-only">{t('org.actions')}</span>,
      key: 'actions',
      render: (_: unknown, topic: Topic) => {
        const names = { title: topic.title };
        return (
          <RowActions
            active={topic.active}
            busy={busy === topic.id}
            editLabel={t('org.topic.editLabel', names)}
            onEdit={() => setEditing({ kind: 'topic', id: topic.id })}
            toggleText={topic.active ? t('org.topic.close') : t('org.topic.reopen')}
            toggleLabel={topic.active ? t('org.topic.closeLabel', names) : t('org.topic.reopenLabel', names)}
            confirmTitle={topic.active ? t('org.topic.closeTitle', names) : t('org.topic.reopenTitle', names)}
            confirmText={topic.active ? t('org.topic.closeConfirm') : t('org.topic.reopenConfirm')}
            onToggle={() => toggleTopic(topic)}
          />
        );
      },
    },
  ];

  const plans = [...(current?.quarterlyPlans ?? [])].sort(
    (a, b) => a.quarter - b.quarter || nameCollator.compare(a.department?.name ?? '', b.department?.name ?? ''),
  );
  const planColumns = [
    {
      title: t('org.batch.quarter'),
      key: 'quarter',
      render: (_: unknown, p: Plan) => t('org.batch.quarterValue', { quarter: p.quarter }),
    },
    { title: t('org.topic.department'), key: 'department', render: (_: unknown, p: Plan) => p.department?.name ?? '—' },
    {
      title: t('org.plan.state'),
      key: 'state',
      render: (_: unknown, p: Plan) => <Tag color={PLAN_STATE_COLOR[p.state]}>{t(`org.planState.${p.state}`)}</Tag>,
    },
    {
      title: t('org.plan.submittedAt'),
      key: 'submitted',
      render: (_: unknown, p: Plan) => (p.submittedAt ? formatDateTime(p.submittedAt) : '—'),
    },
    {
      title: t('org.plan.decidedAt'),
      key: 'decided',
      render: (_: unknown, p: Plan) => (p.decidedAt ? formatDateTime(p.decidedAt) : '—'),
    },
    { title: t('org.plan.note'), key: 'note', render: (_: unknown, p: Plan) => p.note || '—' },
  ];

  const empty = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;

  return (
    <Card>
      <div className="page-head">
        <div>
          <Typography.Title level={1} className="page-title">
            {t('org.planning.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('org.planning.intro')}</Typography.Text>
        </div>
        <Select<number>
          aria-label={t('org.year')}
          value={year}
          onChange={setYear}
          options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({
            value: y,
            label: t('org.yearValue', { year: y }),
          }))}
          className="org-year"
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error, tt)} className="org-form__alert" />}
      <Tabs
        items={[
          {
            key: 'batches',
            label: t('org.planning.batches', { count: current?.batches.length ?? 0 }),
            children: (
              <>
                <div className="org-tab-head">
                  <Typography.Text type="secondary">{t('org.batch.help')}</Typography.Text>
                  <Button
                    type="primary"
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => setEditing({ kind: 'batch', id: null })}
                  >
                    {t('org.batch.add')}
                  </Button>
                </div>
                <Table<Batch>
                  rowKey="id"
                  size="middle"
                  loading={loading}
                  columns={batchColumns}
                  dataSource={batches}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  locale={{ emptyText: loading ? ' ' : empty(t('org.batch.empty', { year })) }}
                />
              </>
            ),
          },
          {
            key: 'topics',
            label: t('org.planning.topics', { count: current?.topics.length ?? 0 }),
            children: (
              <>
                <div className="org-tab-head">
                  <Input.Search
                    allowClear
                    aria-label={t('org.topic.search')}
                    placeholder={t('org.topic.searchPlaceholder')}
                    value={search}
                    onChange={(e) => setSearch(e.target.value)}
                    className="org-tab-search"
                  />
                  <Button
                    type="primary"
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => setEditing({ kind: 'topic', id: null })}
                  >
                    {t('org.topic.add')}
                  </Button>
                </div>
                <Table<Topic>
                  rowKey="id"
                  size="middle"
                  loading={loading}
                  columns={topicColumns}
                  dataSource={topics}
                  pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                  scroll={{ x: 'max-content' }}
                  locale={{
                    emptyText: loading ? ' ' : empty(debounced ? t('org.topic.noMatch') : t('org.topic.empty', { year })),
                  }}
                />
              </>
            ),
          },
          {
            key: 'plans',
            label: t('org.planning.plans', { count: plans.length }),
            children: (
              <Table<Plan>
                rowKey="id"
                size="middle"
                loading={loading}
                columns={planColumns}
                dataSource={plans}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: loading ? ' ' : empty(t('org.plan.empty', { year })) }}
              />
            ),
          },
        ]}
      />
      <BatchModal open={editing?.kind === 'batch'} year={year} batch={editingBatch} onClose={() => setEditing(null)} />
      <TopicModal open={editing?.kind === 'topic'} year={year} topic={editingTopic} onClose={() => setEditing(null)} />
    </Card>
  );
}

interface RowActionsProps {
  active: boolean;
  busy: boolean;
  editLabel: string;
  onEdit: () => void;
  toggleText: string;
  toggleLabel: string;
  confirmTitle: string;
  confirmText: string;
  onToggle: () => Promise<void>;
}

/** Edit, and close or reopen once confirmed: closing only stops new registrations. */
function RowActions(props: RowActionsProps) {
  const { t } = useOrgTranslation();
  return (
    <Space size="small">
      <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={props.editLabel} onClick={props.onEdit}>
        {t('org.edit')}
      </Button>
      <Popconfirm
        title={props.confirmTitle}
        description={props.confirmText}
        okText={props.toggleText}
        okButtonProps={{ danger: props.active }}
        cancelText={t('org.cancel')}
        onConfirm={() => void props.onToggle()}
      >
        <Button
          size="small"
          danger={props.active}
          loading={props.busy}
          icon={props.active ? <StopOutlined aria-hidden /> : <UndoOutlined aria-hidden />}
          aria-label={props.toggleLabel}
        >
          {props.toggleText}
        </Button>
      </Popconfirm>
    </Space>
  );
}

interface BatchValues {
  number: number | null;
  dates: [Dayjs, Dayjs] | null;
  registrationDeadline: Dayjs | null;
}

const batchFieldOf = (last: string): string | undefined =>
  last === 'startsOn' || last === 'endsOn' ? 'dates' : last === 'number' || last === 'registrationDeadline' ? last : undefined;

const batchValuesOf = (batch: Batch | null): BatchValues =>
  batch
    ? {
        number: batch.number,
        dates: [fromLocalDate(batch.startsOn), fromLocalDate(batch.endsOn)],
        registrationDeadline: fromLocalDate(batch.registrationDeadline),
      }
    : { number: 1, dates: null, registrationDeadline: null };

interface BatchModalProps {
  open: boolean;
  year: number;
  /** The batch being corrected; null to add one. */
  batch: Batch | null;
  onClose: () => void;
}

/** A batch, new or corrected: its number in the quarter, its dates and the last day to register for it. */
export function BatchModal({ open, year, batch, onClose }: BatchModalProps) {
  const { t } = useOrgTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BatchValues>();
  const [create] = useCreateBatch();
  const [update] = useUpdateBatch();
  const client = useApolloClient();
  const dates = Form.useWatch('dates', form);

  const onSubmit = async (values: BatchValues) => {
    if (!values.dates || !values.registrationDeadline || values.number === null) return;
    const input = {
      number: values.number,
      startsOn: toLocalDate(values.dates[0]),
      endsOn: toLocalDate(values.dates[1]),
      registrationDeadline: toLocalDate(values.registrationDeadline),
    };
    if (batch) {
      await update({ variables: { id: batch.id, version: batch.version, input } });
      void message.success(t('org.batch.saved'));
    } else {
      await create({ variables: { input } });
      void message.success(t('org.batch.created'));
    }
  };

  return (
    <FormDialog<BatchValues>
      title={
        batch
          ? t('org.batch.editTitle', { number: batch.number, quarter: batch.quarter, year })
          : t('org.batch.newTitle', { year })
      }
      okText={batch ? t('org.save') : t('org.batch.add')}
      width={640}
      submitOnEnter
      open={open}
      onClose={onClose}
      form={form}
      initialValues={batchValuesOf(batch)}
      onSubmit={onSubmit}
      fieldOf={byLastName(batchFieldOf)}
      onConflict={() => client.refetchQueries({ include: [PlanningQuery] })}
      revision={batch?.version}
    >
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            label={t('org.batch.number')}
            name="number"
            rules={[
              { required: true, message: t('org.batch.numberRequired') },
              { type: 'integer', min: 1, max: 12, message: t('org.batch.numberRange') },
            ]}
          >
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item
            label={t('org.batch.dates')}
            name="dates"
            extra={t('org.batch.datesHelp')}
            rules={[
              { required: true, message: t('org.batch.datesRequired') },
              {
                validator: (_, range: [Dayjs, Dayjs] | null) =>
                  !range || Math.floor(range[0].month() / 3) === Math.floor(range[1].month() / 3)
                    ? range && range[0].year() !== year
                      ? Promise.reject(new Error(t('org.batch.wrongYear', { year })))
                      : Promise.resolve()
                    : Promise.reject(new Error(t('org.batch.oneQuarter'))),
              },
            ]}
          >
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              placeholder={[t('org.batch.startsOn'), t('org.batch.endsOn')]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('org.batch.deadline')}
        name="registrationDeadline"
        dependencies={['dates']}
        extra={t('org.batch.deadlineHelp')}
        rules={[
          { required: true, message: t('org.batch.deadlineRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | null) => {
              const range = getFieldValue('dates') as [Dayjs, Dayjs] | null;
              return !value || !range || !value.isAfter(range[1], 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(t('org.batch.deadlineAfterEnd')));
            },
          }),
        ]}
      >
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          placeholder={t('org.datePlaceholder')}
          disabledDate={(d) => !!dates && d.isAfter(dates[1], 'day')}
        />
      </Form.Item>
    </FormDialog>
  );
}

interface TopicValues {
  title: string;
  departmentId: string | null;
  description: string;
}

const topicFieldOf = (last: string): string | undefined =>
  ['title', 'departmentId', 'description'].includes(last) ? last : undefined;

const topicValuesOf = (topic: Topic | null): TopicValues =>
  topic
    ? { title: topic.title, departmentId: topic.departmentId, description: topic.description }
    : { title: '', departmentId: null, description: '' };

interface TopicModalProps {
  open: boolean;
  year: number;
  /** The topic being corrected; null to add one. */
  topic: Topic | null;
  onClose: () => void;
}

/** A topic in the year's catalogue, owned by one department: new or corrected. */
export function TopicModal({ open, year, topic, onClose }: TopicModalProps) {
  const { t } = useOrgTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TopicValues>();
  const departments = useDepartmentOptions();
  const [create] = useCreateTopic();
  const [update] = useUpdateTopic();
  const client = useApolloClient();

  const onSubmit = async (values: TopicValues) => {
    if (!values.departmentId) return;
    const text = { title: values.title.trim(), description: values.description.trim(), departmentId: values.departmentId };
    if (topic) {
      await update({ variables: { id: topic.id, version: topic.version, input: text } });
      void message.success(t('org.topic.saved'));
    } else {
      await create({ variables: { input: { year, ...text } } });
      void message.success(t('org.topic.created'));
    }
  };

  return (
    <FormDialog<TopicValues>
      title={topic ? t('org.topic.editTitle', { year: topic.year }) : t('org.topic.newTitle', { year })}
      okText={topic ? t('org.save') : t('org.topic.add')}
      width={640}
      submitOnEnter
      open={open}
      onClose={onClose}
      form={form}
      initialValues={topicValuesOf(topic)}
      onSubmit={onSubmit}
      fieldOf={byLastName(topicFieldOf)}
      onConflict={() => client.refetchQueries({ include: [PlanningQuery] })}
      revision={topic?.version}
    >
      <Form.Item
        label={t('org.topic.title')}
        name="title"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('org.topic.titleRequired') },
          { min: 3, max: 300, message: t('org.topic.titleLength') },
        ]}
      >
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('org.topic.department')}
        name="departmentId"
        rules={[{ required: true, message: t('org.topic.departmentRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={departments.loading}
          options={departments.options}
          placeholder={t('org.cadre.departmentPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        label={t('org.topic.description')}
        name="description"
        rules={[{ max: 2000, message: t('org.tooLong', { max: 2000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Space />
    </FormDialog>
  );
}

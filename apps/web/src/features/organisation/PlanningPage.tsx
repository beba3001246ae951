import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
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
import type { PlanningQuery as Planning } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { nameCollator } from '@/shared/format/collator';
import { DATE_FORMAT, formatDateTime, formatLocalDate, todayLocalDate, toLocalDate, type Dayjs } from '@/shared/format/date';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { useDepartmentOptions } from './CadreFormModal';
import { OrgFormModal } from './OrgFormModal';
import { CreateBatchMutation, CreateTopicMutation, PlanningQuery } from './organisation.operations';
import { useOrgTranslation } from './orgI18n';
import { PLAN_STATE_COLOR } from './planLabels';
import { RoleGate } from './RoleGate';
import './organisation.css';

type Batch = Planning['batches'][number];
type Topic = Planning['topics'][number];
type Plan = Planning['quarterlyPlans'][number];

export function PlanningPage() {
  return <RoleGate roles={['PROVINCE_ADMIN']}>{() => <PlanningView />}</RoleGate>;
}

/** A year's batches (registration windows), topic catalogue and the departments' quarterly plans. */
function PlanningView() {
  const { t } = useOrgTranslation();
  const { t: tt } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const { data, previousData, loading, error } = useQuery(PlanningQuery, { variables: { year, search: debounced || null } });
  const current = data ?? previousData;
  const [modal, setModal] = useState<'batch' | 'topic' | null>(null);
  const today = todayLocalDate();

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
        b.endsOn < today ? (
          <Tag>{t('org.batch.over')}</Tag>
        ) : b.registrationDeadline < today ? (
          <Tag color="orange">{t('org.batch.closed')}</Tag>
        ) : (
          <Tag color="green">{t('org.batch.open')}</Tag>
        ),
    },
  ];

  const topics = [...(current?.topics ?? [])].sort((a, b) => nameCollator.compare(a.title, b.title));
  const topicColumns = [
    {
      title: t('org.topic.title'),
      key: 'title',
      render: (_: unknown, topic: Topic) => (
        <div>
          <div className="org-strong">{topic.title}</div>
          {topic.description && (
            <Typography.Text type="secondary" className="org-small">
              {topic.description}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('org.topic.department'), key: 'department', render: (_: unknown, topic: Topic) => topic.department?.name ?? '—' },
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
                  <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setModal('batch')}>
                    {t('org.batch.add')}
                  </Button>
                </div>
                <Table<Batch>
                  rowKey="id"
                  size="middle"
                  loading={loading}
                  columns={batchColumns}
                  dataSource={current?.batches ?? []}
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
                  <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setModal('topic')}>
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
      <BatchModal open={modal === 'batch'} year={year} onClose={() => setModal(null)} />
      <TopicModal open={modal === 'topic'} year={year} onClose={() => setModal(null)} />
    </Card>
  );
}

interface BatchValues {
  number: number | null;
  dates: [Dayjs, Dayjs] | null;
  registrationDeadline: Dayjs | null;
}

const batchFieldOf = (last: string): string | undefined =>
  last === 'startsOn' || last === 'endsOn' ? 'dates' : last === 'number' || last === 'registrationDeadline' ? last : undefined;

/** A new batch: its number in the quarter, its dates and the last day to register for it. */
export function BatchModal({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const { t } = useOrgTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BatchValues>();
  const [create] = useMutation(CreateBatchMutation, { refetchQueries: [PlanningQuery] });
  const dates = Form.useWatch('dates', form);

  const onSubmit = async (values: BatchValues) => {
    if (!values.dates || !values.registrationDeadline || values.number === null) return;
    await create({
      variables: {
        input: {
          number: values.number,
          startsOn: toLocalDate(values.dates[0]),
          endsOn: toLocalDate(values.dates[1]),
          registrationDeadline: toLocalDate(values.registrationDeadline),
        },
      },
    });
    void message.success(t('org.batch.created'));
  };

  return (
    <OrgFormModal<BatchValues>
      title={t('org.batch.newTitle', { year })}
      okText={t('org.batch.add')}
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{ number: 1, dates: null, registrationDeadline: null }}
      onSubmit={onSubmit}
      fieldOf={batchFieldOf}
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
    </OrgFormModal>
  );
}

interface TopicValues {
  title: string;
  departmentId: string | null;
  description: string;
}

const topicFieldOf = (last: string): string | undefined =>
  ['title', 'departmentId', 'description'].includes(last) ? last : undefined;

/** A topic in the year's catalogue, owned by one department. */
export function TopicModal({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const { t } = useOrgTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TopicValues>();
  const departments = useDepartmentOptions();
  const [create] = useMutation(CreateTopicMutation, { refetchQueries: [PlanningQuery] });

  const onSubmit = async (values: TopicValues) => {
    if (!values.departmentId) return;
    await create({
      variables: {
        input: { year, title: values.title.trim(), description: values.description.trim(), departmentId: values.departmentId },
      },
    });
    void message.success(t('org.topic.created'));
  };

  return (
    <OrgFormModal<TopicValues>
      title={t('org.topic.newTitle', { year })}
      okText={t('org.topic.add')}
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{ title: '', departmentId: null, description: '' }}
      onSubmit={onSubmit}
      fieldOf={topicFieldOf}
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
    </OrgFormModal>
  );
}

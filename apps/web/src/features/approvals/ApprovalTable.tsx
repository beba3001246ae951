import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import type { ApprovalTable_TripFragment, Decision } from '@/gql/graphql';
import { checkLabel } from '@/features/trips';
import { FormDialog } from '@/shared/forms/FormDialog';
import { fieldsNamed } from '@/shared/forms/serverErrors';
import { formatDateRange, formatDateTime, todayLocalDate } from '@/shared/format/date';
import { useDecideTrips } from './useDecideTrips';

export const ApprovalTable_trip = graphql(`
  fragment ApprovalTable_trip on Trip {
    id
    version
    kind
    title
    startDate
    endDate
    days
    submittedAt
    createdAt
    lateRegistration
    lateJustification
    viewerCan {
      decide
    }
    lead {
      id
      fullName
    }
    department {
      id
      name
    }
    destinations {
      id
      name
    }
    warnings {
      code
      severity
      message
    }
  }
`);

interface ApprovalTableProps {
  trips: ReadonlyArray<FragmentType<typeof ApprovalTable_trip>>;
  loading?: boolean;
}

const REASON_MIN = 3;

/** The Standing Board's queue: pick one or many registrations and decide them in one go. */
export function ApprovalTable({ trips: tripRefs, loading = false }: ApprovalTableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const trips = [...getFragmentData(ApprovalTable_trip, tripRefs)].sort((a, b) =>
    (a.submittedAt ?? a.createdAt).localeCompare(b.submittedAt ?? b.createdAt),
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const { decideTrips } = useDecideTrips();
  const client = useApolloClient();
  const chosen = trips.filter((trip) => selected.includes(trip.id));
  // Still waiting while its first day has passed: the board decides it first, or it travels unapproved.
  const [today] = useState(todayLocalDate);
  const pastStart = (trip: ApprovalTable_TripFragment) => trip.startDate < today;

  const decide = async ({ reason }: { reason?: string }) => {
    if (!decision) return;
    await decideTrips({
      decision,
      reason: decision === 'APPROVE' ? null : (reason?.trim() ?? null),
      trips: chosen.map(({ id, version }) => ({ id, version })),
    });
    void message.success(t(`approvals.done.${decision}`, { count: chosen.length }));
    setSelected([]);
  };

  const columns: TableColumnsType<ApprovalTable_TripFragment> = [
    {
      title: t('approvals.col.trip'),
      key: 'title',
      render: (_, trip) => (
        <div className="approval-trip">
          <Link to={`/trips/${trip.id}`}>{trip.title}</Link>
          <Typography.Text type="secondary" className="approval-trip__meta">
            {t(`trip.kind.${trip.kind}`)} · {trip.destinations.map((d) => d.name).join(', ')}
          </Typography.Text>
          {!trip.viewerCan.decide && <Typography.Text type="warning">{t('approvals.notYours')}</Typography.Text>}
        </div>
      ),
    },
    {
      title: t('approvals.col.lead'),
      key: 'lead',
      render: (_, trip) => (
        <div>
          <div>{trip.lead.fullName}</div>
          {trip.department && <Typography.Text type="secondary">{trip.department.name}</Typography.Text>}
        </div>
      ),
      responsive: ['md'],
    },
    {
      title: t('approvals.col.dates'),
      key: 'dates',
      render: (_, trip) => (
        <span className="nowrap">
          {formatDateRange(trip.startDate, trip.endDate)}
          <br />
          <Typography.Text type="secondary">{t('trip.daysCount', { count: trip.days })}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('approvals.col.submittedAt'),
      key: 'submittedAt',
      render: (_, trip) => (trip.submittedAt ? formatDateTime(trip.submittedAt) : '—'),
      responsive: ['lg'],
    },
    {
      title: t('approvals.col.flags'),
      key: 'flags',
      render: (_, trip) => (
        <Space orientation="vertical" size={4}>
          {pastStart(trip) && (
            <Tag color="error" className="flag-tag">
              {t('approvals.pastStart')}
            </Tag>
          )}
          {trip.lateRegistration && (
            <Tooltip title={trip.lateJustification ?? undefined}>
              <Tag color="red" tabIndex={0}>
                {t('trip.late')}
              </Tag>
            </Tooltip>
          )}
          {trip.warnings.map((w) => (
            <Tooltip key={`${w.code}:${w.message}`} title={w.message}>
              <Tag color={w.severity === 'BLOCK' ? 'red' : 'orange'} tabIndex={0} className="flag-tag">
                {checkLabel(w.code, t)}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="bulk-bar" aria-live="polite">
        <Typography.Text>{t('approvals.selected', { count: chosen.length })}</Typography.Text>
        <Space wrap>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            disabled={chosen.length === 0}
            onClick={() => setDecision('APPROVE')}
          >
            {t('approvals.approve')}
          </Button>
          <Button icon={<RollbackOutlined aria-hidden />} disabled={chosen.length === 0} onClick={() => setDecision('RETURN')}>
            {t('approvals.return')}
          </Button>
          <Button
            danger
            icon={<CloseOutlined aria-hidden />}
            disabled={chosen.length === 0}
            onClick={() => setDecision('REJECT')}
          >
            {t('approvals.reject')}
          </Button>
        </Space>
      </div>
      <Table<ApprovalTable_TripFragment>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={trips}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getTitleCheckboxProps: () => ({ 'aria-label': t('approvals.selectAll') }),
          // A trip the API would refuse (a board member's own) cannot be picked.
          getCheckboxProps: (trip) => ({
            'aria-label': t('approvals.selectTrip', { title: trip.title }),
            disabled: !trip.viewerCan.decide,
          }),
        }}
        rowClassName={(trip) => (pastStart(trip) || trip.lateRegistration || trip.warnings.length > 0 ? 'row-flagged' : '')}
        locale={{ emptyText: <Empty description={t('approvals.empty')} /> }}
      />
      <FormDialog<{ reason?: string }>
        open={decision !== null}
        title={decision ? t(`approvals.confirm.${decision}`, { count: chosen.length }) : ''}
        okText={
          decision ? t(`approvals.${decision === 'APPROVE' ? 'approve' : decision === 'RETURN' ? 'return' : 'reject'}`) : ''
        }
        danger={decision === 'REJECT'}
        form={form}
        fieldOf={fieldsNamed('reason')}
        onSubmit={decide}
        onConflict={() => client.refetchQueries({ include: 'active' })}
        onClose={() => setDecision(null)}
      >
        <ul className="plain-list decision-list">
          {chosen.map((trip) => (
            <li key={trip.id}>
              {trip.title} · {trip.lead.fullName}
            </li>
          ))}
        </ul>
        {decision && decision !== 'APPROVE' && (
          <Form.Item
            label={t('approvals.reason')}
            name="reason"
            rules={[
              { required: true, whitespace: true, message: t('tripAction.reasonRequired') },
              { min: REASON_MIN, message: t('tripAction.reasonTooShort', { min: REASON_MIN }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
        )}
      </FormDialog>
    </>
  );
}

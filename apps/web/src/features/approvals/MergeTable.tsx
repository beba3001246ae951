import { MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import type { MergeSuggestionsQuery, MergeTable_TripFragment } from '@/gql/graphql';
import { FormDialog } from '@/shared/forms/FormDialog';
import { formatDateRange, formatLocalDate } from '@/shared/format/date';
import { useMergeDelegations } from './useMergeDelegations';
import './approvals.css';

export const MergeTable_trip = graphql(`
  fragment MergeTable_trip on Trip {
    id
    version
    kind
    title
    startDate
    endDate
    delegationId
    viewerCan {
      merge
    }
    lead {
      id
      fullName
    }
    destinations {
      id
      name
    }
  }
`);

type Suggestion = MergeSuggestionsQuery['mergeSuggestions'][number];

interface MergeTableProps {
  trips: ReadonlyArray<FragmentType<typeof MergeTable_trip>>;
  /** The API's suggestions: approved trips to one host in one week, not merged yet. */
  suggestions?: readonly Suggestion[];
  loading?: boolean;
}

/** Destinations every chosen trip goes to: the hosts that could receive them as one delegation. */
function commonHosts(trips: readonly MergeTable_TripFragment[]): Array<{ id: string; name: string }> {
  const [first, ...rest] = trips;
  if (!first) return [];
  return first.destinations.filter((d) => rest.every((trip) => trip.destinations.some((o) => o.id === d.id)));
}

/** Ghép đoàn: approved trips to the same host on overlapping days travel as one delegation. */
export function MergeTable({ trips: tripRefs, suggestions = [], loading = false }: MergeTableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const trips = getFragmentData(MergeTable_trip, tripRefs);
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [hostId, setHostId] = useState<string | undefined>();
  const [form] = Form.useForm<object>();
  const { mergeDelegations } = useMergeDelegations();
  const client = useApolloClient();
  const chosen = trips.filter((trip) => selected.includes(trip.id));
  const hosts = commonHosts(chosen);
  const canMerge = chosen.length >= 2 && hosts.length > 0;
  // A suggestion picks its trips (those listed here that the viewer may merge) and its host, then asks.
  const mergeable = (s: Suggestion) => s.tripIds.filter((id) => trips.some((trip) => trip.id === id && trip.viewerCan.merge));
  const takeSuggestion = (s: Suggestion) => {
    setSelected(mergeable(s));
    setHostId(s.unitId);
    setOpen(true);
  };

  const merge = async () => {
    const host = hostId ?? hosts[0]?.id;
    if (!host) return;
    const delegation = await mergeDelegations({ hostUnitId: host, trips: chosen.map(({ id, version }) => ({ id, version })) });
    void message.success(t('merge.done', { count: chosen.length, host: delegation.hostUnit.name }));
    setSelected([]);
  };

  const columns: TableColumnsType<MergeTable_TripFragment> = [
    {
      title: t('approvals.col.trip'),
      key: 'title',
      render: (_, trip) => (
        <div className="approval-trip">
          <Link to={`/trips/${trip.id}`}>{trip.title}</Link>
          <Typography.Text type="secondary" className="approval-trip__meta">
            {t(`trip.kind.${trip.kind}`)} · {trip.lead.fullName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('approvals.col.dates'),
      key: 'dates',
      render: (_, trip) => <span className="nowrap">{formatDateRange(trip.startDate, trip.endDate)}</span>,
    },
    {
      title: t('trip.field.destinations'),
      key: 'destinations',
      render: (_, trip) => (
        <>
          {trip.destinations.map((d) => d.name).join(', ')}
          {trip.delegationId && (
            <Tag color="geekblue" className="inline-tag">
              {t('trip.merged')}
            </Tag>
          )}
        </>
      ),
    },
  ];

  return (
    <>
      {suggestions.length > 0 && (
        <section className="merge-suggestions" aria-labelledby="merge-suggestions-title">
          <Typography.Title level={2} id="merge-suggestions-title" className="card-title">
            {t('merge.suggestions')}
          </Typography.Title>
          <ul className="plain-list">
            {suggestions.map((s) => (
              <li key={`${s.unitId}:${s.weekStart}`} className="merge-suggestion">
                <div className="merge-suggestion__main">
                  <Typography.Text strong>{s.unitName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {' · '}
                    {t('merge.suggestionWeek', { date: formatLocalDate(s.weekStart), count: s.tripIds.length })}
                  </Typography.Text>
                  <div className="merge-suggestion__titles">{s.titles.join('; ')}</div>
                </div>
                <Button
                  size="small"
                  icon={<MergeCellsOutlined aria-hidden />}
                  disabled={mergeable(s).length < 2}
                  onClick={() => takeSuggestion(s)}
                  aria-label={t('merge.takeSuggestionFor', { host: s.unitName, date: formatLocalDate(s.weekStart) })}
                >
                  {t('merge.takeSuggestion')}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="bulk-bar">
        <Typography.Text type="secondary">
          {chosen.length >= 2 && hosts.length === 0 ? t('merge.noCommonHost') : t('merge.help')}
        </Typography.Text>
        <Button icon={<MergeCellsOutlined aria-hidden />} disabled={!canMerge} onClick={() => setOpen(true)}>
          {t('merge.action')}
        </Button>
      </div>
      <Table<MergeTable_TripFragment>
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
          getCheckboxProps: (trip) => ({
            'aria-label': t('approvals.selectTrip', { title: trip.title }),
            disabled: !trip.viewerCan.merge,
          }),
        }}
        locale={{ emptyText: <Empty description={t('merge.empty')} /> }}
      />
      <FormDialog<object>
        open={open}
        title={t('merge.confirm', { count: chosen.length })}
        okText={t('merge.action')}
        form={form}
        onSubmit={merge}
        onConflict={() => client.refetchQueries({ include: 'active' })}
        onClose={() => setOpen(false)}
      >
        <ul className="plain-list decision-list">
          {chosen.map((trip) => (
            <li key={trip.id}>
              {trip.title} · {formatDateRange(trip.startDate, trip.endDate)}
            </li>
          ))}
        </ul>
        {/* The host follows the trips chosen, so it is the table's state rather than a form field. */}
        <Form.Item label={t('merge.host')} htmlFor="merge-host">
          <Select
            id="merge-host"
            value={hostId ?? hosts[0]?.id}
            onChange={setHostId}
            options={hosts.map((h) => ({ value: h.id, label: h.name }))}
          />
        </Form.Item>
      </FormDialog>
    </>
  );
}

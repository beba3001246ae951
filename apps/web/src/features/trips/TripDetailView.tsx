import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '@/gql';
import { formatDateRange, formatDateTime, formatLocalDate } from '@/shared/format/date';
import { formatVnd } from '@/shared/format/money';
import { nameCollator } from '@/shared/format/collator';
import { TripStateTag } from './TripStateTag';
import { TripTimeline } from './TripTimeline';

export const TripDetailView_trip = graphql(`
  fragment TripDetailView_trip on Trip {
    id
    version
    kind
    state
    title
    purpose
    expectedOutput
    startDate
    endDate
    actualStart
    actualEnd
    days
    estimatedCost
    actualCost
    travelOrderNo
    lateRegistration
    lateJustification
    decisionNote
    settlement
    submittedAt
    createdAt
    leadCadreId
    departmentId
    topic {
      id
      title
    }
    batch {
      id
      quarter
      number
    }
    department {
      id
      name
    }
    lead {
      id
      fullName
      position
    }
    members {
      id
      fullName
      position
    }
    destinations {
      id
      name
      remote
      border
      island
      parent {
        id
        name
      }
    }
    delegation {
      id
      startDate
      endDate
      hostUnit {
        id
        name
      }
    }
    warnings {
      code
      field
      severity
      message
    }
    report {
      findings
      difficulties
      membersConcerns
      goodModels
      recommendations
      dueOn
      late
      submittedAt
      acceptedAt
      details {
        membersPresent
        meetingQuality
        conclusion
        activityOutcome
      }
    }
    ...TripTimeline_trip
  }
`);

interface TripDetailViewProps {
  trip: FragmentType<typeof TripDetailView_trip>;
  actions?: ReactNode;
}

export function TripDetailView({ trip: tripRef, actions }: TripDetailViewProps) {
  const { t } = useTranslation();
  const trip = getFragmentData(TripDetailView_trip, tripRef);
  const members = [...trip.members].sort((a, b) =>
    a.id === trip.leadCadreId ? -1 : b.id === trip.leadCadreId ? 1 : nameCollator.compare(a.fullName, b.fullName),
  );
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const noteTone = trip.state === 'REJECTED' ? 'error' : trip.state === 'RETURNED' ? 'warning' : 'info';
  const report = trip.report;

  return (
    <div className="trip-detail">
      <Card className="trip-detail__head">
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Space wrap size={8}>
            <TripStateTag state={trip.state} />
            <Tag>{t(`trip.kind.${trip.kind}`)}</Tag>
            {trip.lateRegistration && <Tag color="red">{t('trip.late')}</Tag>}
            {trip.delegation && <Tag color="geekblue">{t('trip.merged')}</Tag>}
          </Space>
          <Typography.Title level={1} className="page-title">
            {trip.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {formatDateRange(trip.startDate, trip.endDate)} · {t('trip.daysCount', { count: trip.days })} · {trip.lead.fullName}
          </Typography.Text>
          {actions && <div className="trip-detail__actions">{actions}</div>}
        </Space>
      </Card>

      {trip.decisionNote && ['REJECTED', 'RETURNED', 'CANCELLED'].includes(trip.state) && (
        <Alert
          type={noteTone}
          showIcon
          title={t(`trip.decisionNote.${trip.state as 'REJECTED' | 'RETURNED' | 'CANCELLED'}`)}
          description={trip.decisionNote}
        />
      )}
      {trip.warnings.map((w) => (
        <Alert
          key={`${w.code}:${w.message}`}
          type={w.severity === 'BLOCK' ? 'error' : 'warning'}
          showIcon
          title={w.message}
          description={t('trip.warningRecorded')}
        />
      ))}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={<h2 className="card-title">{t('trip.section.registration')}</h2>}>
            <Descriptions column={1} size="small" colon={false} className="trip-fields">
              <Descriptions.Item label={t('trip.field.kind')}>{t(`trip.kind.${trip.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('trip.field.topic')}>{trip.topic?.title ?? dash}</Descriptions.Item>
              <Descriptions.Item label={t('trip.field.purpose')}>{trip.purpose || dash}</Descriptions.Item>
              <Descriptions.Item label={t('trip.field.expectedOutput')}>{trip.expectedOutput || dash}</Descriptions.Item>
              <Descriptions.Item label={t('trip.field.dates')}>{formatDateRange(trip.startDate, trip.endDate)}</Descriptions.Item>
              {trip.actualStart && trip.actualEnd && (
                <Descriptions.Item label={t('trip.field.actualDates')}>
                  {formatDateRange(trip.actualStart, trip.actualEnd)}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('trip.field.batch')}>
                {trip.batch ? t('trip.batchShort', { number: trip.batch.number, quarter: trip.batch.quarter }) : dash}
              </Descriptions.Item>
              <Descriptions.Item label={t('trip.field.destinations')}>
                <ul className="plain-list">
                  {trip.destinations.map((d) => (
                    <li key={d.id}>
                      {d.name}
                      {d.parent && <Typography.Text type="secondary"> · {d.parent.name}</Typography.Text>}
                      {(d.remote || d.border || d.island) && (
                        <Tag color="volcano" className="inline-tag">
                          {t('unit.hardship')}
                        </Tag>
                      )}
                    </li>
                  ))}
                </ul>
              </Descriptions.Item>
              {trip.delegation && (
                <Descriptions.Item label={t('trip.field.delegation')}>
                  {t('trip.delegationText', {
                    host: trip.delegation.hostUnit.name,
                    dates: formatDateRange(trip.delegation.startDate, trip.delegation.endDate),
                  })}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('trip.field.department')}>{trip.department?.name ?? dash}</Descriptions.Item>
              <Descriptions.Item label={t('trip.field.members')}>
                <ul className="plain-list">
                  {members.map((m) => (
                    <li key={m.id}>
                      {m.fullName}
                      {m.position && <Typography.Text type="secondary"> · {m.position}</Typography.Text>}
                      {m.id === trip.leadCadreId && (
                        <Tag color="blue" className="inline-tag">
                          {t('trip.field.lead')}
                        </Tag>
                      )}
                    </li>
                  ))}
                </ul>
              </Descriptions.Item>
              <Descriptions.Item label={t('trip.field.estimatedCost')}>
                {trip.estimatedCost !== null && trip.estimatedCost !== undefined ? formatVnd(trip.estimatedCost) : dash}
              </Descriptions.Item>
              {trip.actualCost !== null && trip.actualCost !== undefined && (
                <Descriptions.Item label={t('trip.field.actualCost')}>{formatVnd(trip.actualCost)}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('trip.field.settlement')}>{t(`trip.settlement.${trip.settlement}`)}</Descriptions.Item>
              <Descriptions.Item label={t('trip.field.travelOrderNo')}>{trip.travelOrderNo || dash}</Descriptions.Item>
              {trip.lateJustification && (
                <Descriptions.Item label={t('trip.field.lateJustification')}>{trip.lateJustification}</Descriptions.Item>
              )}
              {trip.submittedAt && (
                <Descriptions.Item label={t('trip.field.submittedAt')}>{formatDateTime(trip.submittedAt)}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {report && (
            <Card title={<h2 className="card-title">{t('trip.section.report')}</h2>} className="trip-detail__report">
              <Space wrap size={8} className="trip-detail__report-tags">
                <Tag>{t('report.submittedOn', { date: formatDateTime(report.submittedAt) })}</Tag>
                <Tag>{t('report.dueOn', { date: formatLocalDate(report.dueOn) })}</Tag>
                {report.late && <Tag color="red">{t('report.late')}</Tag>}
                {report.acceptedAt && (
                  <Tag color="green">{t('report.acceptedOn', { date: formatDateTime(report.acceptedAt) })}</Tag>
                )}
              </Space>
              <Descriptions column={1} size="small" colon={false} className="trip-fields">
                <Descriptions.Item label={t('report.findings')}>{report.findings || dash}</Descriptions.Item>
                <Descriptions.Item label={t('report.difficulties')}>{report.difficulties || dash}</Descriptions.Item>
                <Descriptions.Item label={t('report.membersConcerns')}>{report.membersConcerns || dash}</Descriptions.Item>
                <Descriptions.Item label={t('report.goodModels')}>{report.goodModels || dash}</Descriptions.Item>
                <Descriptions.Item label={t('report.recommendations')}>{report.recommendations || dash}</Descriptions.Item>
                {report.details.membersPresent !== null && report.details.membersPresent !== undefined && (
                  <Descriptions.Item label={t('report.membersPresent')}>{report.details.membersPresent}</Descriptions.Item>
                )}
                {report.details.meetingQuality && (
                  <Descriptions.Item label={t('report.meetingQuality')}>{report.details.meetingQuality}</Descriptions.Item>
                )}
                {report.details.conclusion && (
                  <Descriptions.Item label={t('report.conclusion')}>{report.details.conclusion}</Descriptions.Item>
                )}
                {report.details.activityOutcome && (
                  <Descriptions.Item label={t('report.activityOutcome')}>{report.details.activityOutcome}</Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Card title={<h2 className="card-title">{t('trip.section.timeline')}</h2>}>
            <TripTimeline trip={trip} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PLAN_STATE_COLOR } from '@/features/organisation';
import { useViewerCan } from '@/features/shell';
import type { ComplianceStatus } from '@/gql/graphql';
import { errorMessage } from '@/shared/apollo/errors';
import { formatDateRange, formatDateTime } from '@/shared/format/date';
import { DepartmentHomeQuery, HomeDepartmentQuery } from './home.operations';
import { OwnProgress } from './OwnProgress';

const STATUS_COLOR: Partial<Record<ComplianceStatus, string>> = { AT_RISK: 'warning', BEHIND: 'error', NOT_MET: 'error' };

/**
 * A department head's home: the department's plan for this quarter, members' reports waiting for the
 * head's acceptance, members falling behind the requirement; then the head's own days.
 */
export function DepartmentHome({ cadreId }: { cadreId: string }) {
  const { t } = useTranslation();
  const { can } = useViewerCan();
  const head = useQuery(HomeDepartmentQuery, { variables: { cadreId } });
  const department = head.data?.cadre.department;
  const now = new Date();
  const year = now.getFullYear();
  const quarter = Math.floor(now.getMonth() / 3) + 1;
  const { data, loading, error } = useQuery(DepartmentHomeQuery, {
    variables: { departmentId: department?.id ?? '', year, quarter },
    skip: !department,
  });
  const busy = (loading && !data) || (head.loading && !head.data);
  const plan = data?.quarterlyPlans.find((p) => p.departmentId === department?.id);
  const reports = data?.reports;
  const atRisk = data?.atRisk;
  const planLink = can?.submitDepartmentPlan ? <Link to="/department/plan">{t('home.dept.openPlan')}</Link> : undefined;

  if (head.data && !department) {
    return (
      <Col span={24}>
        <Alert type="warning" showIcon title={t('home.dept.noDepartment')} />
      </Col>
    );
  }

  return (
    <>
      {(error ?? head.error) && (
        <Col span={24}>
          <Alert type="error" showIcon title={errorMessage(error ?? head.error, t)} />
        </Col>
      )}
      <Col xs={24} lg={12}>
        <Card title={<h2 className="card-title">{t('home.dept.plan', { quarter, year })}</h2>} extra={planLink} loading={busy}>
          {department && (
            <Typography.Paragraph type="secondary" className="home-card__lead">
              {department.name}
            </Typography.Paragraph>
          )}
          <div className="home-figure">
            {plan ? (
              <Tag color={PLAN_STATE_COLOR[plan.state]}>{t(`org.planState.${plan.state}`)}</Tag>
            ) : (
              <Tag>{t('home.dept.planNotSubmitted')}</Tag>
            )}
            {plan?.submittedAt && (
              <Typography.Text type="secondary">
                {t('home.dept.submittedAt', { at: formatDateTime(plan.submittedAt) })}
              </Typography.Text>
            )}
          </div>
          {plan?.state === 'RETURNED' && plan.note && (
            <Alert type="warning" showIcon className="home-card__note" title={t('home.dept.returnedNote', { note: plan.note })} />
          )}
          {!plan && <Typography.Paragraph className="home-card__note">{t('home.dept.planHint')}</Typography.Paragraph>}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={<h2 className="card-title">{t('home.dept.reports')}</h2>}
          extra={(reports?.totalCount ?? 0) > 0 ? planLink : undefined}
          loading={busy}
        >
          {!reports || reports.totalCount === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.dept.reportsNone')} />
          ) : (
            <>
              <Typography.Paragraph strong>{t('home.dept.reportsCount', { count: reports.totalCount })}</Typography.Paragraph>
              <ul className="home-list" aria-label={t('home.dept.reports')}>
                {reports.nodes.map((trip) => (
                  <li key={trip.id} className="home-list__item">
                    <div className="home-list__main">
                      <Link to={`/trips/${trip.id}`} className="home-list__title">
                        {trip.title}
                      </Link>
                      <Typography.Text type="secondary" className="home-list__meta">
                        {trip.lead.fullName} · {formatDateRange(trip.startDate, trip.endDate)}
                      </Typography.Text>
                    </div>
                    {trip.report?.submittedAt && (
                      <div className="home-list__side">
                        <Typography.Text type="secondary">
                          {t('home.dept.reportedAt', { at: formatDateTime(trip.report.submittedAt) })}
                        </Typography.Text>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={<h2 className="card-title">{t('home.dept.atRisk', { year })}</h2>}
          extra={(atRisk?.totalCount ?? 0) > 0 ? planLink : undefined}
          loading={busy}
        >
          {!atRisk || atRisk.totalCount === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.dept.atRiskNone')} />
          ) : (
            <ul className="home-list" aria-label={t('home.dept.atRisk', { year })}>
              {atRisk.nodes.map((member) => (
                <li key={member.cadreId} className="home-list__item">
                  <div className="home-list__main">
                    <span className="home-list__title">{member.fullName}</span>
                    <Typography.Text type="secondary" className="home-list__meta">
                      {t('home.dept.days', {
                        counted: member.countedDays,
                        required: member.requiredDays,
                        projected: member.projectedDays,
                      })}
                    </Typography.Text>
                  </div>
                  <div className="home-list__side">
                    <Tag color={STATUS_COLOR[member.status] ?? 'default'}>{t(`compliance.status.${member.status}`)}</Tag>
                  </div>
                </li>
              ))}
              {atRisk.totalCount > atRisk.nodes.length && (
                <li className="home-list__item">
                  <Typography.Text type="secondary">
                    {t('home.board.more', { count: atRisk.totalCount - atRisk.nodes.length })}
                  </Typography.Text>
                </li>
              )}
            </ul>
          )}
        </Card>
      </Col>
      {can?.seeOwnTrips && <OwnProgress />}
    </>
  );
}

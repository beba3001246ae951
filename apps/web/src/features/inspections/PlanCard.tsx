import { Button, Card, Space, Tag, Typography } from 'antd';
import { getFragmentData } from '@/gql';
import type { InspectionPlansQuery } from '@/gql/graphql';
import { TripStateTag } from '@/features/trips';
import { useFindingsTranslation } from '@/features/findings';
import { formatDateRange, formatLocalDate } from '@/shared/format/date';
import { nameCollator } from '@/shared/format/collator';
import { InspectionVisit_trip } from './inspections.operations';
import { RATING_COLOR } from './inspectionLabels';
import type { ConcludedVisit } from './ConclusionModal';
import type { VisitTarget } from './VisitFormModal';

export type Plan = InspectionPlansQuery['inspectionPlans']['nodes'][number];

interface PlanCardProps {
  plan: Plan;
  onAddTeam: (plan: Plan) => void;
  onSchedule: (target: VisitTarget) => void;
  onConclude: (visit: ConcludedVisit) => void;
}

/** A plan with its teams and visits; the actions shown are those the API offers (`viewerCan`). */
export function PlanCard({ plan, onAddTeam, onSchedule, onConclude }: PlanCardProps) {
  const { t } = useFindingsTranslation();
  const targets = [...plan.targets].sort((a, b) => nameCollator.compare(a.name, b.name));
  const headingId = `plan-${plan.id}`;
  return (
    <Card size="small" className="findings-card plan-card">
      <div className="findings-card__tags">
        <Tag color="geekblue">{t(`findings.subject.${plan.subject}`)}</Tag>
        <Typography.Text type="secondary">{formatDateRange(plan.startsOn, plan.endsOn)}</Typography.Text>
      </div>
      <Typography.Title level={3} className="findings-card__title" id={headingId}>
        {plan.title}
      </Typography.Title>
      {plan.description && <Typography.Paragraph className="findings-card__text">{plan.description}</Typography.Paragraph>}
      <div className="plan-card__targets">
        <Typography.Text strong>{t('findings.plan.targetsCount', { count: targets.length })}</Typography.Text>
        <ul className="tag-grid" aria-label={t('findings.plan.targets')}>
          {targets.map((u) => (
            <li key={u.id}>
              <Tag>{u.name}</Tag>
            </li>
          ))}
        </ul>
      </div>
      {plan.teams.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('findings.plan.noTeams')}</Typography.Paragraph>
      ) : (
        <ul className="plan-card__teams" aria-label={t('findings.plan.teams')}>
          {plan.teams.map((team) => {
            const members = team.members
              .filter((m) => m.id !== team.leadCadreId)
              .map((m) => m.fullName)
              .sort(nameCollator.compare);
            const visits = team.visits.map((v) => getFragmentData(InspectionVisit_trip, v));
            return (
              <li key={team.id} className="plan-team">
                <Typography.Text strong>{team.name}</Typography.Text>
                <div className="plan-team__people">
                  {t('findings.team.leadIs', { name: team.lead.fullName })}
                  {members.length > 0 && <> · {t('findings.team.membersAre', { names: members.join(', ') })}</>}
                </div>
                {visits.length === 0 ? (
                  <Typography.Text type="secondary">{t('findings.visit.none')}</Typography.Text>
                ) : (
                  <ul className="plan-team__visits" aria-label={t('findings.visit.list', { team: team.name })}>
                    {visits.map((visit) => {
                      return (
                        <li key={visit.id} className="plan-visit">
                          <div className="plan-visit__line">
                            <TripStateTag state={visit.state} />
                            <span>
                              {visit.destinations.map((d) => d.name).join(', ')} ·{' '}
                              {formatDateRange(visit.startDate, visit.endDate)}
                            </span>
                          </div>
                          {visit.conclusions.map((c) => (
                            <div key={c.id} className="plan-visit__conclusion">
                              <Tag color={RATING_COLOR[c.rating]}>{t(`findings.rating.${c.rating}`)}</Tag>
                              {t('findings.conclusion.summary', {
                                unit: visit.destinations.find((d) => d.id === c.unitId)?.name ?? '',
                                date: formatLocalDate(c.concludedOn),
                                count: c.actions.length,
                              })}
                            </div>
                          ))}
                          {visit.inspectionViewerCan.conclude && (
                            <Button size="small" onClick={() => onConclude(visit)}>
                              {t('findings.conclusion.open')}
                            </Button>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
                {plan.viewerCan.scheduleVisits && (
                  <Button size="small" type="link" onClick={() => onSchedule({ team, targets })}>
                    {t('findings.visit.create')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {plan.viewerCan.addTeam && (
        <Space wrap>
          <Button onClick={() => onAddTeam(plan)}>{t('findings.team.create')}</Button>
        </Space>
      )}
    </Card>
  );
}

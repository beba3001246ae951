import { Button, Card, Space, Tag, Typography } from 'antd';
import { getFragmentData, type FragmentType } from '@/gql';
import type { RecommendationCard_RecommendationFragment } from '@/gql/graphql';
import { formatDateTime, formatLocalDate } from '@/shared/format/date';
import { RecommendationCard_recommendation } from './findings.operations';
import { useFindingsTranslation } from './findingsI18n';

export type Recommendation = RecommendationCard_RecommendationFragment;

const STATUS_COLOR: Record<Recommendation['status'], string> = {
  OPEN: 'gold',
  IN_PROGRESS: 'blue',
  ANSWERED: 'green',
  CLOSED: 'default',
};

interface RecommendationCardProps {
  recommendation: FragmentType<typeof RecommendationCard_recommendation>;
  onAssign: (rec: Recommendation) => void;
  onAnswer: (rec: Recommendation) => void;
  onClose: (rec: Recommendation) => void;
}

/** A recommendation and the actions its `viewerCan` offers (the API's own answer). */
export function RecommendationCard({ recommendation, onAssign, onAnswer, onClose }: RecommendationCardProps) {
  const { t } = useFindingsTranslation();
  const rec = getFragmentData(RecommendationCard_recommendation, recommendation);
  const can = rec.viewerCan;
  return (
    <Card
      size="small"
      className={rec.overdue ? 'findings-card findings-card--overdue' : 'findings-card'}
      data-testid="recommendation"
    >
      <div className="findings-card__tags">
        <Tag color={STATUS_COLOR[rec.status]}>{t(`findings.recStatus.${rec.status}`)}</Tag>
        {rec.overdue && <Tag color="red">{t('findings.common.overdue')}</Tag>}
        <Typography.Text type="secondary">{rec.unit.name}</Typography.Text>
      </div>
      <Typography.Paragraph className="findings-card__text">{rec.text}</Typography.Paragraph>
      <Typography.Text type="secondary" className="findings-card__meta">
        {t('findings.rec.raisedOn', { date: formatDateTime(rec.createdAt) })}
        {rec.department && (
          <>
            {' · '}
            {rec.dueOn
              ? t('findings.rec.assignedDue', { department: rec.department.name, due: formatLocalDate(rec.dueOn) })
              : t('findings.rec.assigned', { department: rec.department.name })}
          </>
        )}
      </Typography.Text>
      {rec.answer && (
        <div className="findings-card__answer">
          <Typography.Text strong>
            {t('findings.rec.answer')}
            {rec.answeredAt && <> ({formatDateTime(rec.answeredAt)})</>}:
          </Typography.Text>{' '}
          {rec.answer}
        </div>
      )}
      {(can.assign || can.answer || can.close) && (
        <Space wrap className="findings-card__actions">
          {can.assign && (
            <Button onClick={() => onAssign(rec)}>
              {rec.department ? t('findings.rec.reassign') : t('findings.rec.assign')}
            </Button>
          )}
          {can.answer && (
            <Button type="primary" onClick={() => onAnswer(rec)}>
              {t('findings.rec.answerAction')}
            </Button>
          )}
          {can.close && <Button onClick={() => onClose(rec)}>{t('findings.rec.close')}</Button>}
        </Space>
      )}
    </Card>
  );
}

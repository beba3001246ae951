import { Form, Input, Radio, Typography } from 'antd';
import { FormDialog } from '@/shared/forms/FormDialog';
import { useFindingsTranslation, type FindingsKey } from './findingsI18n';
import { fieldsNamed } from '@/shared/forms/serverErrors';
import { useSubmitHostFeedback } from './findings.mutations';

/** Each field is true when the delegation kept the rule, as the API records it. */
export interface FeedbackValues {
  noConference?: boolean;
  noDistrictEscort?: boolean;
  noCost?: boolean;
  noPartyCommittee?: boolean;
  comment: string;
}

/** The visit rules, in the order the host is asked about them. */
export const VISIT_RULES = ['noConference', 'noDistrictEscort', 'noPartyCommittee', 'noCost'] as const;
export type VisitRule = (typeof VISIT_RULES)[number];
const COMMENT_MIN = 10;
const COMMENT_MAX = 2000;
/** District unions were dissolved on 1 July 2025: a later visit cannot have had a district escort. */
const REFORM_DAY = '2025-07-01';

export interface FeedbackTrip {
  id: string;
  title: string;
  startDate: string;
}

interface HostFeedbackModalProps {
  trip: FeedbackTrip | null;
  onClose: () => void;
}

/** The plain question the host answers about a rule; "Có" always means the rule was broken. */
function questionKey(rule: VisitRule, trip: FeedbackTrip | null): FindingsKey {
  if (rule === 'noDistrictEscort') {
    return trip && trip.startDate < REFORM_DAY
      ? 'findings.feedback.question.noDistrictEscortBefore2025'
      : 'findings.feedback.question.noDistrictEscort';
  }
  return `findings.feedback.question.${rule}`;
}

/**
 * The host's word on a visit, asked as plain yes/no questions (did the delegation ask for a conference,
 * come with an intermediate-level escort, invite the party committee, cost the host anything?).
 * A "yes" is a broken rule and needs a few words on what happened.
 */
export function HostFeedbackModal({ trip, onClose }: HostFeedbackModalProps) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<FeedbackValues>();
  const comment = Form.useWatch('comment', form) ?? '';
  // The visit's card shows what was sent once the dialog closes.
  const [submit] = useSubmitHostFeedback();
  return (
    <FormDialog<FeedbackValues>
      title={t('findings.feedback.formTitle')}
      open={!!trip}
      onClose={onClose}
      form={form}
      okText={t('findings.feedback.submit')}
      successMessage={t('findings.feedback.sent')}
      fieldOf={fieldsNamed(...VISIT_RULES, 'comment')}
      initialValues={{ comment: '' }}
      onSubmit={async (values) => {
        if (!trip) return;
        await submit({
          variables: {
            input: {
              tripId: trip.id,
              noConference: values.noConference === true,
              noDistrictEscort: values.noDistrictEscort === true,
              noCost: values.noCost === true,
              noPartyCommittee: values.noPartyCommittee === true,
              comment: values.comment.trim(),
            },
          },
        });
      }}
    >
      {trip && <Typography.Paragraph type="secondary">{trip.title}</Typography.Paragraph>}
      {VISIT_RULES.map((rule) => (
        <Form.Item
          key={rule}
          label={t(questionKey(rule, trip))}
          name={rule}
          rules={[{ required: true, message: t('findings.feedback.answerRequired') }]}
        >
          <Radio.Group
            options={[
              // "Có" (yes, it happened) breaks the rule: the field, named after the rule, is false.
              { value: false, label: t('findings.feedback.yes') },
              { value: true, label: t('findings.feedback.no') },
            ]}
          />
        </Form.Item>
      ))}
      <Form.Item
        label={t('findings.feedback.comment')}
        name="comment"
        dependencies={[...VISIT_RULES]}
        // The count sits beside the help text and wraps under it on a narrow phone, never over it.
        extra={
          <span className="feedback-comment-extra">
            <span>{t('findings.feedback.commentHelp')}</span>
            <span className="feedback-comment-extra__count" aria-hidden>
              {comment.length}/{COMMENT_MAX}
            </span>
          </span>
        }
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const length = value?.trim().length ?? 0;
              const broken = VISIT_RULES.some((r) => getFieldValue(r) === false);
              if (broken && length === 0) return Promise.reject(new Error(t('findings.feedback.commentRequired')));
              if (length > 0 && length < COMMENT_MIN)
                return Promise.reject(new Error(t('findings.common.min', { min: COMMENT_MIN })));
              if (length > COMMENT_MAX) return Promise.reject(new Error(t('findings.common.max', { max: COMMENT_MAX })));
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={COMMENT_MAX} />
      </Form.Item>
    </FormDialog>
  );
}

import { Form, Input, Radio, Typography } from 'antd';
import { FormDialog } from '@/shared/forms/FormDialog';
import { useFindingsTranslation, type FindingsKey } from './findingsI18n';
import { fieldsNamed } from '@/shared/forms/serverErrors';
import { useSubmitHostFeedback } from './findings.mutations';

export interface FeedbackValues {
  noConference?: boolean;
  noDistrictEscort?: boolean;
  noCost?: boolean;
  comment: string;
}

const RULES = ['noConference', 'noDistrictEscort', 'noCost'] as const;
const COMMENT_MIN = 10;
const COMMENT_MAX = 2000;

export interface FeedbackTrip {
  id: string;
  title: string;
}

interface HostFeedbackModalProps {
  trip: FeedbackTrip | null;
  onClose: () => void;
}

/**
 * The host's word on a visit: did the delegation keep the rules (no conference, no district cadre
 * escort, no cost to the host)? A broken rule needs a few words on what happened.
 */
export function HostFeedbackModal({ trip, onClose }: HostFeedbackModalProps) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<FeedbackValues>();
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
      fieldOf={fieldsNamed(...RULES, 'comment')}
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
              comment: values.comment.trim(),
            },
          },
        });
      }}
    >
      {trip && <Typography.Paragraph type="secondary">{trip.title}</Typography.Paragraph>}
      {RULES.map((rule) => (
        <Form.Item
          key={rule}
          label={t(`findings.feedback.rule.${rule}` as FindingsKey)}
          name={rule}
          rules={[{ required: true, message: t('findings.feedback.answerRequired') }]}
        >
          <Radio.Group
            options={[
              { value: true, label: t('findings.feedback.kept') },
              { value: false, label: t('findings.feedback.broken') },
            ]}
          />
        </Form.Item>
      ))}
      <Form.Item
        label={t('findings.feedback.comment')}
        name="comment"
        dependencies={[...RULES]}
        extra={t('findings.feedback.commentHelp')}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const length = value?.trim().length ?? 0;
              const broken = RULES.some((r) => getFieldValue(r) === false);
              if (broken && length === 0) return Promise.reject(new Error(t('findings.feedback.commentRequired')));
              if (length > 0 && length < COMMENT_MIN)
                return Promise.reject(new Error(t('findings.common.min', { min: COMMENT_MIN })));
              if (length > COMMENT_MAX) return Promise.reject(new Error(t('findings.common.max', { max: COMMENT_MAX })));
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={COMMENT_MAX} />
      </Form.Item>
    </FormDialog>
  );
}

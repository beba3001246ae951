import { Form, Input } from 'antd';
import { CadreSelect } from '@/features/roster';
import { FormDialog } from '@/shared/forms/FormDialog';
import { useFindingsTranslation } from '@/features/findings';
import { fieldsNamed } from '@/shared/forms/serverErrors';
import { useCreateInspectionTeam } from './inspections.mutations';

interface TeamValues {
  name: string;
  leadCadreId?: string;
  memberIds: string[];
}

interface TeamFormModalProps {
  plan: { id: string; title: string } | null;
  onClose: () => void;
}

export function TeamFormModal({ plan, onClose }: TeamFormModalProps) {
  const { t } = useFindingsTranslation();
  const [form] = Form.useForm<TeamValues>();
  const lead = Form.useWatch('leadCadreId', form);
  const [create] = useCreateInspectionTeam();

  const onSubmit = async (values: TeamValues) => {
    if (!plan || !values.leadCadreId) return;
    await create({
      variables: {
        input: {
          planId: plan.id,
          name: values.name.trim(),
          leadCadreId: values.leadCadreId,
          memberIds: values.memberIds.filter((id) => id !== values.leadCadreId),
        },
      },
    });
  };

  return (
    <FormDialog<TeamValues>
      title={t('findings.team.createTitle', { plan: plan?.title ?? '' })}
      open={!!plan}
      onClose={onClose}
      form={form}
      okText={t('findings.team.create')}
      onSubmit={onSubmit}
      successMessage={t('findings.team.created')}
      fieldOf={fieldsNamed('name', 'leadCadreId', 'memberIds')}
      initialValues={{ memberIds: [] }}
    >
      <Form.Item
        label={t('findings.team.name')}
        name="name"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: t('findings.team.nameRequired') },
          { min: 2, message: t('findings.common.min', { min: 2 }) },
          { max: 200, message: t('findings.common.max', { max: 200 }) },
        ]}
      >
        <Input maxLength={200} placeholder={t('findings.team.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        label={t('findings.team.lead')}
        name="leadCadreId"
        rules={[{ required: true, message: t('findings.team.leadRequired') }]}
      >
        <CadreSelect multiple={false} />
      </Form.Item>
      <Form.Item
        label={t('findings.team.members')}
        name="memberIds"
        extra={t('findings.team.membersHelp')}
        rules={[{ type: 'array', max: 30, message: t('findings.team.membersMax', { max: 30 }) }]}
      >
        <CadreSelect multiple exclude={lead ? [lead] : []} />
      </Form.Item>
    </FormDialog>
  );
}

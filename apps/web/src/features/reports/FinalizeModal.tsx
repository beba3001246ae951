import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportPage_ReportFragment } from '@/gql/graphql';
import { FormDialog } from '@/shared/forms/FormDialog';
import { fieldsNamed } from '@/shared/forms/serverErrors';
import { useFinalizeReport } from './useFinalizeReport';

interface FinalizeModalProps {
  report: ReportPage_ReportFragment;
  onClose: () => void;
  onConflict: () => Promise<unknown>;
}

/** Asks for the document number and a confirmation: once issued, the report no longer changes. */
export function FinalizeModal({ report, onClose, onConflict }: FinalizeModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ number: string }>();
  const [finalize] = useFinalizeReport();
  const number = Form.useWatch('number', form)?.trim() ?? '';

  return (
    <FormDialog<{ number: string }>
      open
      title={t('reports.finalizeTitle', { year: report.year })}
      okText={t('reports.finalize')}
      danger
      form={form}
      fieldOf={fieldsNamed('number')}
      successMessage={t('reports.finalized', { number })}
      onConflict={onConflict}
      onClose={onClose}
      onSubmit={({ number: typed }) =>
        finalize({
          variables: { provinceId: report.provinceId, year: report.year, version: report.version, number: typed.trim() },
        })
      }
    >
      <Alert type="warning" showIcon title={t('reports.finalizeConfirm')} />
      <Form.Item
        name="number"
        label={t('reports.number')}
        extra={t('reports.numberHelp')}
        rules={[
          { required: true, whitespace: true, message: t('reports.required') },
          { pattern: /^\s*\d{1,6}\s*$/, message: t('reports.numberInvalid') },
        ]}
      >
        <Input inputMode="numeric" autoFocus />
      </Form.Item>
    </FormDialog>
  );
}

import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportPage_ReportFragment } from '@/gql/graphql';
import { apiError, errorMessage } from '@/shared/apollo/errors';
import { useFinalizeReport } from './useFinalizeReport';

interface FinalizeModalProps {
  report: ReportPage_ReportFragment;
  onClose: () => void;
  onConflict: () => Promise<unknown>;
}

/** Asks for the document number and a confirmation: once issued, the report no longer changes. */
export function FinalizeModal({ report, onClose, onConflict }: FinalizeModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ number: string }>();
  const [finalize, { loading }] = useFinalizeReport();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    let number: string;
    try {
      ({ number } = await form.validateFields());
    } catch {
      return;
    }
    setFailure(null);
    try {
      await finalize({
        variables: { provinceId: report.provinceId, year: report.year, version: report.version, number: number.trim() },
      });
      message.success(t('reports.finalized', { number: number.trim() }));
      onClose();
    } catch (error) {
      const problem = apiError(error);
      if (problem?.code === 'BAD_USER_INPUT' && problem.field === 'number') {
        form.setFields([{ name: 'number', errors: [problem.message] }]);
        return;
      }
      setFailure(errorMessage(error, t));
      if (problem?.code === 'CONFLICT') await onConflict();
    }
  };

  return (
    <Modal
      open
      title={t('reports.finalizeTitle', { year: report.year })}
      okText={t('reports.finalize')}
      cancelText={t('reports.cancel')}
      okButtonProps={{ danger: true, loading }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('reports.finalizeConfirm')} />
      {failure && <Alert type="error" showIcon title={failure} className="modal-alert" />}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
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
      </Form>
    </Modal>
  );
}

import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/apollo/errors';
import { useFindingsTranslation } from './findingsI18n';
import { placeServerError, type FieldPath } from '@/shared/forms/serverErrors';

interface FormModalProps<Values> {
  title: string;
  open: boolean;
  onClose: () => void;
  form: FormInstance<Values>;
  submitLabel: string;
  /** Sends the form; rejects with the API's error so the modal can place it. */
  onSubmit: (values: Values) => Promise<void>;
  /** The form's field for an API field path (see `placeServerError`). */
  fieldOf: (path: Array<string | number>) => FieldPath | undefined;
  initialValues?: Partial<Values>;
  /** Said once the server has accepted the form. */
  successMessage?: string;
  children: ReactNode;
  width?: number;
}

/**
 * A form in a dialog: fields validate as the user types, the server's refusal lands on the field it
 * names (or above the buttons), and what was typed stays until the form is sent successfully.
 */
export function FormModal<Values>({
  title,
  open,
  onClose,
  form,
  submitLabel,
  onSubmit,
  fieldOf,
  initialValues,
  successMessage,
  children,
  width,
}: FormModalProps<Values>) {
  const { message } = App.useApp();
  const { t: tApp } = useTranslation();
  const { t } = useFindingsTranslation();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      await onSubmit(values);
      if (successMessage) void message.success(successMessage);
      form.resetFields();
      onClose();
    } catch (error) {
      if (!placeServerError(form, error, fieldOf)) setFormError(errorMessage(error, tApp));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={submitLabel}
      cancelText={t('findings.common.cancel')}
      confirmLoading={saving}
      width={width}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={() => setFormError(null)}
        disabled={saving}
        scrollToFirstError
      >
        {children}
      </Form>
      {formError && <Alert type="error" showIcon title={formError} role="alert" className="findings-form-error" />}
    </Modal>
  );
}

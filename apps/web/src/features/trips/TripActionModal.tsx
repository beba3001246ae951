import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, errorMessage } from '@/shared/apollo/errors';
import { useTripErrorHandler } from './useTripErrorHandler';

interface TripActionModalProps<Values> {
  title: string;
  okText: string;
  open: boolean;
  onClose: () => void;
  form: FormInstance<Values>;
  initialValues?: Partial<Values>;
  /** Runs the mutation; a rejection with a field path lands on that field. */
  onSubmit: (values: Values) => Promise<void>;
  /** API field names (last path segment) mapped to this form's fields, when they differ. */
  fieldMap?: Record<string, string>;
  danger?: boolean;
  children: ReactNode;
}

/** A small form in a dialog for one trip action; what the user typed stays if the server refuses. */
export function TripActionModal<Values extends object>({
  title,
  okText,
  open,
  onClose,
  form,
  initialValues,
  onSubmit,
  fieldMap = {},
  danger,
  children,
}: TripActionModalProps<Values>) {
  const { t } = useTranslation();
  const handleTripError = useTripErrorHandler();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      const problem = apiError(error);
      if (problem?.code === 'CONFLICT') {
        handleTripError(error);
        onClose();
        return;
      }
      const last = problem?.field?.split('.').at(-1);
      const name = last ? (fieldMap[last] ?? last) : undefined;
      if (problem && name && Object.hasOwn(form.getFieldsValue(), name)) {
        form.setFields([{ name: name as never, errors: [problem.message] }]);
      } else {
        setFailure(errorMessage(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText}
      cancelText={t('common.close')}
      okButtonProps={{ loading: busy, danger }}
      destroyOnHidden
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={() => setFailure(null)}
        preserve={false}
      >
        {children}
      </Form>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
    </Modal>
  );
}

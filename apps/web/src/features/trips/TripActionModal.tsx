import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, errorMessage } from '@/shared/apollo/errors';
import type { DeviceDraft } from '@/shared/forms/useDeviceDraft';
import { DraftNotice, isConnectionLost } from './DraftNotice';
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
  /** Keeps what is typed on this device until the server accepts it. */
  draft?: DeviceDraft<Values>;
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
  draft,
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
      draft?.clear();
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
      } else if (draft && isConnectionLost(error)) {
        setFailure(t('tripForm.offline'));
      } else {
        setFailure(errorMessage(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  // Back to the dialog's own starting values: the form still holds the draft's as its initial ones.
  const discard = () => {
    draft?.clear();
    const fields = Object.keys(form.getFieldsValue()) as Array<keyof Values & string>;
    form.setFields(fields.map((name) => ({ name: name as never, value: initialValues?.[name], errors: [] })));
    setFailure(null);
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
      {draft?.restored && <DraftNotice savedAt={draft.restored.savedAt} onDiscard={discard} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={draft?.restored?.values ?? initialValues}
        onValuesChange={(_, all) => {
          setFailure(null);
          draft?.save(all);
        }}
        preserve={false}
      >
        {children}
      </Form>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
    </Modal>
  );
}

import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, errorMessage } from '@/shared/apollo/errors';
import { useOrgTranslation } from './orgI18n';
import { byLastName, placeServerError } from '@/shared/forms/serverErrors';

interface OrgFormModalProps<Values> {
  title: string;
  okText: string;
  open: boolean;
  onClose: () => void;
  form: FormInstance<Values>;
  initialValues: Partial<Values>;
  /** Runs the mutation; a rejection with a field path lands on that field. */
  onSubmit: (values: Values) => Promise<void>;
  /** The form field an API path's last part names, if any. */
  fieldOf: (last: string) => string | undefined;
  /** Fetches the current record after a version conflict. */
  onConflict?: () => Promise<unknown>;
  /** Changes when the record on the server changes (its version): untouched fields take the new values. */
  revision?: number;
  children: ReactNode;
}

/**
 * A form in a dialog that keeps what was typed whatever the server answers: field errors go on their
 * field, a version conflict reloads the record and says so, anything else shows above the buttons.
 */
export function OrgFormModal<Values extends object>({
  title,
  okText,
  open,
  onClose,
  form,
  initialValues,
  onSubmit,
  fieldOf,
  onConflict,
  revision,
  children,
}: OrgFormModalProps<Values>) {
  const { t: tt } = useTranslation();
  const { t } = useOrgTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const latest = useRef(initialValues);
  latest.current = initialValues;

  // A reloaded record: what the user did not touch follows the server, what they typed stays.
  useEffect(() => {
    if (revision === undefined || !open) return;
    const fresh = latest.current as Record<string, unknown>;
    const untouched = Object.keys(fresh).filter((name) => !form.isFieldTouched(name as never));
    form.setFieldsValue(Object.fromEntries(untouched.map((name) => [name, fresh[name]])) as never);
  }, [revision, open, form]);

  // Enter in a field and a click on the button may both arrive while the first is still validating.
  const inFlight = useRef(false);
  const submit = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await send();
    } finally {
      inFlight.current = false;
    }
  };

  const send = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    setConflict(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      const problem = apiError(error);
      if (problem?.code === 'CONFLICT') {
        setConflict(problem.message);
        await onConflict?.();
      } else if (!placeServerError(form, error, byLastName(fieldOf))) {
        setFailure(errorMessage(error, tt));
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
      cancelText={t('org.cancel')}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={busy}
        onValuesChange={() => setFailure(null)}
        onFinish={() => void submit()}
      >
        {conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            className="org-form__alert"
            title={t('org.conflict.title')}
            description={`${conflict} ${t('org.conflict.reloaded')}`}
          />
        )}
        {children}
        {failure && <Alert type="error" showIcon role="alert" title={failure} className="org-form__alert" />}
        {/* Enter in a field sends the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

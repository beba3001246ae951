import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, errorMessage } from '@/shared/apollo/errors';
import { DraftNotice, isConnectionLost } from './DraftNotice';
import { placeServerError, type FieldPath } from './serverErrors';
import type { DeviceDraft } from './useDeviceDraft';

export interface FormDialogProps<Values> {
  title: string;
  okText: string;
  open: boolean;
  onClose: () => void;
  form: FormInstance<Values>;
  initialValues?: Partial<Values>;
  /** Runs the mutation; rejects with the API's error so the dialog can place it. */
  onSubmit: (values: Values) => Promise<unknown>;
  /** The form's field for an API field path (see `placeServerError`); without it every refusal shows above the buttons. */
  fieldOf?: (path: Array<string | number>) => FieldPath | undefined;
  /** Said once the server has accepted the form. */
  successMessage?: string;
  /** Fetches the current record after a version conflict; the dialog stays open with what was typed. */
  onConflict?: () => Promise<unknown> | void;
  /** Changes when the record on the server changes (its version): untouched fields take the new values. */
  revision?: number;
  /** Keeps what is typed on this device until the server accepts it. */
  draft?: DeviceDraft<Values>;
  danger?: boolean;
  width?: number;
  /** Enter in a text field sends the form; off where Enter belongs to the fields (date pickers, lists). */
  submitOnEnter?: boolean;
  children: ReactNode;
}

/**
 * The one form in a dialog. Fields validate as the user types; the button (or Enter, where asked) sends it once; the
 * server's refusal lands on the field it names, else above the buttons; a version conflict says so,
 * reloads the record and keeps what was typed; closing the dialog starts the next opening afresh.
 */
export function FormDialog<Values extends object>({
  title,
  okText,
  open,
  onClose,
  form,
  initialValues,
  onSubmit,
  fieldOf = () => undefined,
  successMessage,
  onConflict,
  revision,
  draft,
  danger,
  width,
  submitOnEnter = false,
  children,
}: FormDialogProps<Values>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const latest = useRef(initialValues);
  latest.current = initialValues;

  // A reloaded record: what the user did not touch follows the server, what they typed stays.
  useEffect(() => {
    if (revision === undefined || !open || !latest.current) return;
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
      draft?.clear();
      if (successMessage) void message.success(successMessage);
      onClose();
    } catch (error) {
      const problem = apiError(error);
      if (problem?.code === 'CONFLICT') {
        setConflict(errorMessage(error, t));
        await onConflict?.();
      } else if (!placeServerError(form, error, fieldOf)) {
        setFailure(draft && isConnectionLost(error) ? t('tripForm.offline') : errorMessage(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const clearMessages = () => {
    setFailure(null);
    setConflict(null);
  };

  // Back to the dialog's own starting values: the form still holds the draft's as its initial ones.
  const discardDraft = () => {
    draft?.clear();
    const fields = Object.keys(form.getFieldsValue()) as Array<keyof Values & string>;
    form.setFields(fields.map((name) => ({ name: name as never, value: initialValues?.[name], errors: [] })));
    clearMessages();
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger }}
      afterClose={() => {
        form.resetFields();
        clearMessages();
      }}
      destroyOnHidden
      width={width}
      mask={{ closable: false }}
    >
      {draft?.restored && <DraftNotice savedAt={draft.restored.savedAt} onDiscard={discardDraft} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={draft?.restored?.values ?? initialValues}
        disabled={busy}
        scrollToFirstError
        onValuesChange={(_, all) => {
          setFailure(null);
          draft?.save(all);
        }}
        onFinish={() => void submit()}
      >
        {conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            className="form-dialog__alert"
            title={t('common.conflictTitle')}
            description={onConflict ? `${conflict} ${t('common.conflictReloaded')}` : conflict}
          />
        )}
        {children}
        {failure && <Alert type="error" showIcon role="alert" title={failure} className="form-dialog__alert" />}
        {submitOnEnter && <button type="submit" hidden aria-hidden tabIndex={-1} />}
      </Form>
    </Modal>
  );
}

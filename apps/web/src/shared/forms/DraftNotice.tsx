import { CombinedGraphQLErrors, CombinedProtocolErrors, LocalStateError, ServerError } from '@apollo/client/errors';
import { Alert, Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Says that the form holds a draft kept on this phone, and offers to start afresh. */
export function DraftNotice({ savedAt, onDiscard }: { savedAt: Date; onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      className="draft-notice"
      title={t('tripForm.draftRestored', { time: dayjs(savedAt).format('HH:mm DD/MM/YYYY') })}
      action={
        <Button size="small" onClick={onDiscard}>
          {t('tripForm.draftDiscard')}
        </Button>
      }
    />
  );
}

/**
 * True when the request never got an answer from the server (no signal, connection dropped), as
 * opposed to the server refusing it: then what was typed is still worth sending as it is.
 */
export function isConnectionLost(error: unknown): boolean {
  return !(
    CombinedGraphQLErrors.is(error) ||
    CombinedProtocolErrors.is(error) ||
    ServerError.is(error) ||
    LocalStateError.is(error)
  );
}

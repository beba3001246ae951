import { useApolloClient } from '@apollo/client/react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorCode, errorMessage } from '@/shared/apollo/errors';

/**
 * What every trip action does when the server refuses: a version conflict means someone else
 * changed the trip, so say so and show the current data; anything else is shown as the server said it.
 */
export function useTripErrorHandler(): (error: unknown) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApolloClient();
  return (error) => {
    if (errorCode(error) === 'CONFLICT') {
      void message.warning(t('trip.conflict'));
      void client.refetchQueries({ include: 'active' });
      return;
    }
    void message.error(errorMessage(error, t));
  };
}

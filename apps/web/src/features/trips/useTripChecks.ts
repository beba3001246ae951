import { skipToken, useQuery } from '@apollo/client/react';
import type { CreateTripInput } from '@/gql/graphql';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';
import { CheckTripQuery } from './trip.operations';

/** How long the form waits after the last keystroke before asking the server to check the rules. */
export const CHECK_DELAY_MS = 400;

/**
 * The province's rules applied to the registration as it is being typed (double booking, late
 * registration, host overload, topic overlap, exemptions), without saving anything.
 */
export function useTripChecks(input: CreateTripInput | null, tripId?: string) {
  const key = input ? JSON.stringify(input) : null;
  const settledKey = useDebouncedValue(key, CHECK_DELAY_MS);
  const settled = settledKey === key ? input : null;
  const { data, previousData, loading, error } = useQuery(
    CheckTripQuery,
    settled ? { variables: { input: settled, tripId: tripId ?? null }, fetchPolicy: 'network-only' } : skipToken,
  );
  const checks = input ? ((data ?? previousData)?.checkTrip ?? []) : [];
  return {
    checks,
    checking: key !== null && (key !== settledKey || loading),
    error: input ? error : undefined,
    checked: !!data && !!input,
  };
}

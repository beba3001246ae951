import { useViewerCan } from '@/features/shell';
import { OwnProgress } from './OwnProgress';
import { ProvinceTasks } from './ProvinceTasks';

/**
 * The standing board's home: the decisions waiting (registrations and for how long, trips pending past
 * their first day), delegations to merge, host units overloaded this month; then the member's own days.
 */
export function BoardHome() {
  const { can } = useViewerCan();
  return (
    <>
      <ProvinceTasks />
      {can?.seeOwnTrips && <OwnProgress />}
    </>
  );
}

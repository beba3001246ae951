/**
 * Every screen that lists trips, by query name. A trip that is created or changes state leaves some
 * filtered lists and joins others: the lists on screen fetch again instead of guessing which filters
 * still match (see `useListMutation`); a list opened later checks the server itself (`usePagedList`).
 */
export const TRIP_LISTS = [
  'MyTrips',
  'Incoming',
  'ApprovalQueue',
  'ApprovedTrips',
  'DepartmentPlan',
  'MeetingTrips',
  'FeedbackTrips',
] as const;

// What other features use of transfer: they import it from here, never from its files.
export { CalendarFeedCard } from './CalendarFeedCard';
export { ExportButton } from './ExportButton';
export { MyCalendarFeedsQuery } from './transfer.operations';

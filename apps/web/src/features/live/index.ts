// What other features use of live: they import it from here, never from its files.
export { LiveEventsProvider, useLiveEvents } from './LiveEvents';

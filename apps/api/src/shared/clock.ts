import { todayInVietnam } from './dates';

/** Where "today" comes from, so deadlines and lateness can be tested on fixed dates. */
export interface Clock {
  today(): string;
  now(): Date;
}

export const systemClock: Clock = { today: () => todayInVietnam(), now: () => new Date() };

export const fixedClock = (today: string): Clock => ({ today: () => today, now: () => new Date(`${today}T03:00:00Z`) });

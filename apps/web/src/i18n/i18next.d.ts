import 'i18next';
import type errors from './errors.vi.json';
import type figures from './figures.vi.json';
import type findings from './findings.vi.json';
import type home from './home.vi.json';
import type notifications from './notifications.vi.json';
import type organisation from './organisation.vi.json';
import type reports from './reports.vi.json';
import type signedIn from './signedIn.vi.json';
import type transfer from './transfer.vi.json';
import type vi from './vi.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: {
      translation: typeof vi &
        typeof errors &
        typeof signedIn &
        typeof organisation &
        typeof findings &
        typeof reports &
        typeof transfer &
        typeof figures &
        typeof home &
        typeof notifications;
    };
  }
}

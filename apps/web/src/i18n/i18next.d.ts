import 'i18next';
import type signedIn from './signedIn.vi.json';
import type vi from './vi.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof vi & typeof signedIn };
  }
}

import i18n from 'i18next';
import en from './signedIn.en.json';
import vi from './signedIn.vi.json';

// The signed-in pages' strings load with the signed-in shell, so the sign-in page stays small.
i18n.addResourceBundle('vi', 'translation', vi, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

import i18n from 'i18next';
import organisationEn from './organisation.en.json';
import organisationVi from './organisation.vi.json';
import reportsEn from './reports.en.json';
import reportsVi from './reports.vi.json';
import findingsEn from './findings.en.json';
import findingsVi from './findings.vi.json';
import figuresEn from './figures.en.json';
import figuresVi from './figures.vi.json';
import transferEn from './transfer.en.json';
import transferVi from './transfer.vi.json';
import en from './signedIn.en.json';
import vi from './signedIn.vi.json';

// The signed-in pages' strings load with the signed-in shell, so the sign-in page stays small.
i18n.addResourceBundle('vi', 'translation', vi, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('vi', 'translation', organisationVi, true, false);
i18n.addResourceBundle('en', 'translation', organisationEn, true, false);
i18n.addResourceBundle('vi', 'translation', reportsVi, true, false);
i18n.addResourceBundle('en', 'translation', reportsEn, true, false);
i18n.addResourceBundle('vi', 'translation', findingsVi, true, false);
i18n.addResourceBundle('en', 'translation', findingsEn, true, false);
i18n.addResourceBundle('vi', 'translation', transferVi, true, false);
i18n.addResourceBundle('en', 'translation', transferEn, true, false);
i18n.addResourceBundle('vi', 'translation', figuresVi, true, false);
i18n.addResourceBundle('en', 'translation', figuresEn, true, false);

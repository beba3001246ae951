// The ES build of the locales: `antd/locale/*` re-exports the CommonJS build into the bundle.
import type { Locale } from 'antd/es/locale';
import antdEnUS from 'antd/es/locale/en_US';
import antdViVN from 'antd/es/locale/vi_VN';

/**
 * antd's locales with the names that screen readers announce matching what is shown (WCAG 2.5.3): the
 * calendar's month and year buttons show "Th 12" and "2026" but were named "Chọn tháng" / "Chọn năm", so
 * they are named by their own text; "show more" in clipped text is named as it reads.
 */
function withVisibleNames(locale: Locale, more: string): Locale {
  const datePicker = locale.DatePicker;
  return {
    ...locale,
    Text: { ...locale.Text, expand: more },
    DatePicker: datePicker && {
      ...datePicker,
      lang: { ...datePicker.lang, yearSelect: '', monthSelect: '', decadeSelect: '' },
    },
  };
}

export const viVN = withVisibleNames(antdViVN, 'Xem thêm');
export const enUS = withVisibleNames(antdEnUS, 'More');

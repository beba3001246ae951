import type { ThemeConfig } from 'antd';

/** The Youth Union's blue, used as the primary colour everywhere. */
export const UNION_BLUE = '#0054a6';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: UNION_BLUE,
    colorInfo: UNION_BLUE,
    colorLink: UNION_BLUE,
    // Text, placeholders and status colours at 4.5:1 at least on white and the page's grey (WCAG 1.4.3):
    // antd's defaults (45% black, 25% black placeholders, light reds, greens and golds) are 1.8–3.4:1.
    colorTextSecondary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorError: '#cf1322',
    colorErrorText: '#cf1322',
    colorSuccessText: '#237804',
    colorWarningText: '#874d00',
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 64, headerPadding: '0 24px', bodyBg: '#f3f6fa' },
    // Days of the next and previous months in a calendar, a table's "no data": text, not disabled controls.
    DatePicker: { colorTextDisabled: 'rgba(0, 0, 0, 0.56)' },
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.56)' },
    // Tags keep their light backgrounds; their text takes the palette's next darker step.
    Tag: {
      colorSuccess: '#237804',
      colorWarning: '#874d00',
      colorError: '#cf1322',
      orange7: '#ad4e00',
      green7: '#237804',
      gold7: '#874d00',
      cyan7: '#006d75',
      volcano7: '#ad2102',
      lime7: '#3f6600',
      yellow7: '#614700',
    },
  },
};

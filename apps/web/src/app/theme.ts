import type { ThemeConfig } from 'antd';

/** The Youth Union's blue, used as the primary colour everywhere. */
export const UNION_BLUE = '#0054a6';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: UNION_BLUE,
    colorInfo: UNION_BLUE,
    colorLink: UNION_BLUE,
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 64, headerPadding: '0 24px', bodyBg: '#f3f6fa' },
  },
};

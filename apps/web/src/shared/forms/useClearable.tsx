import { CloseCircleFilled } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A Select's `allowClear` whose button is named in the app's language. antd's Select names its clear button
 * "Clear" whatever the ConfigProvider locale, so a screen reader said English on a Vietnamese page; given
 * as an object, the button keeps antd's icon and takes our label ("Xóa").
 */
export function useClearable(): { clearIcon: React.ReactNode; label: string } {
  const { t } = useTranslation();
  const label = t('app.clear');
  return useMemo(() => ({ clearIcon: <CloseCircleFilled />, label }), [label]);
}

import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadError, downloadFile } from '@/shared/files/download';

/** The lists the API exports, by their file name under `/files/export/`. */
export type ExportList = 'trips' | 'cadres' | 'recommendations' | 'models';

/**
 * Downloads a list as an Excel file with the filter the page shows: the variables are the list
 * query's own (the API keeps only those the list accepts).
 */
export function ExportButton({
  list,
  variables = {},
  size,
}: {
  list: ExportList;
  variables?: Record<string, unknown>;
  size?: 'small' | 'middle' | 'large';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const name = await downloadFile(`/files/export/${list}.xlsx`, `${list}.xlsx`, { variables });
      message.success(t('transfer.export.done', { name }));
    } catch (error) {
      const refused = error instanceof DownloadError ? error : null;
      if (refused?.status === 403) message.error(t('transfer.export.forbidden'));
      else message.error(refused?.serverMessage ?? t('transfer.export.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size={size} icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {t('transfer.export.button')}
    </Button>
  );
}

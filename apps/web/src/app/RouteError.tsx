import { ReloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/**
 * A page's code that the browser could not fetch: the network dropped, or a deploy replaced the
 * build and the old chunk is gone. Chrome, Firefox and Safari word it differently; Vite's preload
 * of the page's stylesheet has its own message.
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS|error loading dynamically imported/i.test(
    message,
  );
}

/**
 * What a route shows instead of the router's developer screen when its page cannot load or throws
 * while rendering. A page of the signed-in app shows it inside the app's frame, header included.
 * Reloading fetches a fresh index.html, so after a deploy it brings the new build; react-router
 * would otherwise remember the failed import for the rest of the visit.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const chunk = isChunkLoadError(error);

  useEffect(() => {
    if (!chunk) return;
    // The network came back: load the page again without waiting for a click.
    const reload = () => window.location.reload();
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [chunk]);

  return (
    <div className="route-error" role="alert">
      <h1 className="route-error__title">{t(chunk ? 'app.pageError.chunkTitle' : 'app.pageError.title')}</h1>
      <p className="route-error__text">{t(chunk ? 'app.pageError.chunk' : 'app.pageError.unexpected')}</p>
      <Button type="primary" icon={<ReloadOutlined aria-hidden />} onClick={() => window.location.reload()}>
        {t('app.pageError.reload')}
      </Button>
    </div>
  );
}

import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** antd's table scrollers (which take no props of ours) and any block of ours marked `data-scroll-region`. */
const SCROLLERS = '.ant-table-content, .ant-table-body, [data-scroll-region]';
const MARK = 'data-scroll-region-marked';

function nameOf(el: HTMLElement): string {
  const own = el.querySelector('caption')?.textContent?.trim();
  if (own) return own;
  const card = el.closest('.ant-card');
  const title = card?.querySelector('.ant-card-head-title, h1, h2, h3')?.textContent?.trim();
  if (title) return title;
  const main = el.closest('main');
  return main?.querySelector('h1')?.textContent?.trim() ?? '';
}

/**
 * Makes every block of the page that scrolls (a wide table on a phone, the host-load calendar) reachable
 * and scrollable by keyboard (WCAG 2.1.1): a named region in the tab order. Done once for the whole app
 * here, because antd's tables scroll inside containers that take no props; a block that stops
 * overflowing leaves the tab order again.
 */
export function useScrollRegions(root: RefObject<HTMLElement | null>): void {
  const { t } = useTranslation();
  useEffect(() => {
    const container = root.current;
    if (!container) return;
    let frame = 0;
    const mark = () => {
      frame = 0;
      for (const el of container.querySelectorAll<HTMLElement>(SCROLLERS)) {
        const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
        if (scrolls && !el.hasAttribute(MARK)) {
          el.setAttribute(MARK, '');
          el.tabIndex = 0;
          el.setAttribute('role', 'region');
          el.setAttribute('aria-label', t('app.scrollRegion', { name: nameOf(el) }).trim());
        } else if (!scrolls && el.hasAttribute(MARK)) {
          el.removeAttribute(MARK);
          el.removeAttribute('tabindex');
          el.removeAttribute('role');
          el.removeAttribute('aria-label');
        }
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(mark);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(container, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [root, t]);
}

import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '@/shared/apollo/liveStatus';

/**
 * A dot and a few words on whether the page follows changes as they happen. Nothing while no socket
 * is open. Every signed-in user has one, host units included, for their notifications. On a phone only the dot shows; the words stay
 * for screen readers, which announce each change (role="status").
 */
export function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  if (status === 'idle') return null;
  const label = t(`live.connection.${status}`);
  return (
    <span className={`live-indicator live-indicator--${status}`} role="status" title={label} data-status={status}>
      <span className="live-indicator__dot" aria-hidden />
      <span className="live-indicator__text">{label}</span>
    </span>
  );
}

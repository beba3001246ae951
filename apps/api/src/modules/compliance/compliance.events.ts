import { CENTRAL_KEY, publishScoped, type AppPubSub, type ComplianceInputPayload } from '../../shared/pubsub';

/**
 * Turns bursts of changes into at most one COMPLIANCE_CHANGED per province-year per window: a
 * province approving twenty trips at once pushes one update, not twenty.
 */
export function startComplianceNotifier(pubsub: AppPubSub, instanceId: string, windowMs = 250): () => void {
  const pending = new Map<string, { payload: ComplianceInputPayload; timer: NodeJS.Timeout }>();
  const flush = (key: string): void => {
    const entry = pending.get(key);
    if (!entry) return;
    pending.delete(key);
    publishScoped(pubsub, 'COMPLIANCE_CHANGED', entry.payload.provinceId, entry.payload);
  };
  const iterator = pubsub.subscribe('COMPLIANCE_INPUT', CENTRAL_KEY)[Symbol.asyncIterator]();
  let running = true;
  void (async () => {
    while (running) {
      const next = await iterator.next();
      if (next.done) break;
      const input = next.value;
      // With several instances on one bus, each announces only the changes made through it.
      if (input.origin !== undefined && input.origin !== instanceId) continue;
      const key = `${input.provinceId}:${input.year}`;
      const entry = pending.get(key);
      if (entry) {
        entry.payload.cadreIds = [...new Set([...entry.payload.cadreIds, ...input.cadreIds])];
      } else {
        pending.set(key, {
          payload: { provinceId: input.provinceId, year: input.year, cadreIds: [...input.cadreIds] },
          timer: setTimeout(() => flush(key), windowMs),
        });
      }
    }
  })();
  return () => {
    running = false;
    void iterator.return?.();
    for (const { timer } of pending.values()) clearTimeout(timer);
    pending.clear();
  };
}

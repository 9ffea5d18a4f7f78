import type { RunRecord } from '../../core/run/types';
import { saveRun } from './persistence';

/**
 * Saves the run that `getRecord` returns after every new node (and on status changes), so a reload
 * or a crash mid-run loses nothing. Writes are serialized and coalesced: while one save is
 * in flight only the latest snapshot is kept for the next. `getId` names the saved entry to write
 * (a continued run keeps the id it was opened from); without one, the record's own id is used.
 * Returns the cleanup; call it from a component or a controller constructor, e.g.
 * `autosaveRun(() => controller.record, undefined, () => controller.savedId)`.
 */
export function autosaveRun(getRecord: () => RunRecord | null, onSaved?: (id: string) => void, getId?: () => string | null | undefined): () => void {
  let pending: { record: RunRecord; id?: string } | null = null;
  let writing = false;
  const flush = async () => {
    if (writing) return;
    writing = true;
    try {
      while (pending) {
        const next = pending;
        pending = null;
        const id = await saveRun(next.record, next.id);
        onSaved?.(id);
      }
    } finally {
      writing = false;
    }
  };
  return $effect.root(() => {
    let lastKey = '';
    $effect(() => {
      const record = getRecord();
      const id = getId?.() ?? undefined;
      if (!record || record.nodes.length === 0) return;
      const key = `${id ?? ''}|${record.createdAt}|${record.nodes.length}|${record.calls.length}|${record.status ?? ''}|${record.name ?? ''}`;
      if (key === lastKey) return;
      lastKey = key;
      pending = { record, id };
      void flush();
    });
  });
}

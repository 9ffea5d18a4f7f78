import type { RunRecord } from '../../core/run/types';
import { saveRun } from './persistence';

/**
 * Saves the run that `getRecord` returns after every new node (and on status changes), so a reload
 * or a crash mid-run loses nothing (issue 6). Writes are serialized and coalesced: while one save is
 * in flight only the latest snapshot is kept for the next. Returns the cleanup; call it from a
 * component or a controller constructor, e.g. `autosaveRun(() => controller.record)`.
 */
export function autosaveRun(getRecord: () => RunRecord | null, onSaved?: (id: string) => void): () => void {
  let pending: RunRecord | null = null;
  let writing = false;
  const flush = async () => {
    if (writing) return;
    writing = true;
    try {
      while (pending) {
        const next = pending;
        pending = null;
        const id = await saveRun(next);
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
      if (!record || record.nodes.length === 0) return;
      const key = `${record.createdAt}|${record.nodes.length}|${record.calls.length}|${record.status ?? ''}|${record.name ?? ''}`;
      if (key === lastKey) return;
      lastKey = key;
      pending = record;
      void flush();
    });
  });
}

import type { RunRecord } from '../../core/run/types';
import type { RunBackend, RunListItem, StoredCustomEnv } from './backend';

const DB_NAME = 'cwm-playground';
const DB_VERSION = 1;
// Records and their list items live in separate stores so the runs page lists without reading
// every (possibly multi-megabyte) record.
const RUNS = 'runs';
const ITEMS = 'runItems';
const ENVS = 'customEnvs';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('The save was aborted', 'AbortError'));
  });
}

/** Opens the playground's database; rejects where IndexedDB is missing or blocked (private mode). */
export async function openIdbBackend(): Promise<RunBackend> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this browser');
  const request = indexedDB.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    for (const name of [RUNS, ITEMS, ENVS]) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
  };
  const db = await promised(request);
  return new IdbBackend(db);
}

class IdbBackend implements RunBackend {
  readonly kind = 'indexeddb';
  constructor(private readonly db: IDBDatabase) {}

  async putRun(id: string, record: RunRecord, item: RunListItem): Promise<void> {
    const tx = this.db.transaction([RUNS, ITEMS], 'readwrite');
    tx.objectStore(RUNS).put(record, id);
    tx.objectStore(ITEMS).put(item, id);
    await done(tx);
  }
  async getRun(id: string): Promise<RunRecord | null> {
    const value = await promised(this.db.transaction(RUNS).objectStore(RUNS).get(id));
    return (value as RunRecord | undefined) ?? null;
  }
  async listRuns(): Promise<RunListItem[]> {
    return (await promised(this.db.transaction(ITEMS).objectStore(ITEMS).getAll())) as RunListItem[];
  }
  async deleteRun(id: string): Promise<void> {
    const tx = this.db.transaction([RUNS, ITEMS], 'readwrite');
    tx.objectStore(RUNS).delete(id);
    tx.objectStore(ITEMS).delete(id);
    await done(tx);
  }
  async putEnv(entry: StoredCustomEnv): Promise<void> {
    const tx = this.db.transaction(ENVS, 'readwrite');
    tx.objectStore(ENVS).put(entry, entry.id);
    await done(tx);
  }
  async listEnvs(): Promise<StoredCustomEnv[]> {
    return (await promised(this.db.transaction(ENVS).objectStore(ENVS).getAll())) as StoredCustomEnv[];
  }
  async deleteEnv(id: string): Promise<void> {
    const tx = this.db.transaction(ENVS, 'readwrite');
    tx.objectStore(ENVS).delete(id);
    await done(tx);
  }
}

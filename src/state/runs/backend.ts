import type { CustomEnv, RunRecord } from '../../core/run/types';
import type { RunSummary } from '../../core/run';

/** One saved run as the list shows it: the summary without loading the (large) record. */
export interface RunListItem extends Omit<RunSummary, 'bestPerCall'> {
  id: string;
  savedAt: string;
  status?: RunRecord['status'];
  trimmed: boolean;
}

/** A saved custom environment. */
export interface StoredCustomEnv {
  id: string;
  env: CustomEnv;
  savedAt: string;
}

/** Where runs and custom environments live: IndexedDB, or memory when that is unavailable. */
export interface RunBackend {
  readonly kind: 'indexeddb' | 'memory';
  putRun(id: string, record: RunRecord, item: RunListItem): Promise<void>;
  getRun(id: string): Promise<RunRecord | null>;
  listRuns(): Promise<RunListItem[]>;
  deleteRun(id: string): Promise<void>;
  putEnv(entry: StoredCustomEnv): Promise<void>;
  listEnvs(): Promise<StoredCustomEnv[]>;
  deleteEnv(id: string): Promise<void>;
}

/** Keeps everything in this tab only: used when IndexedDB is unavailable or full. */
export class MemoryBackend implements RunBackend {
  readonly kind = 'memory';
  private runs = new Map<string, { record: RunRecord; item: RunListItem }>();
  private envs = new Map<string, StoredCustomEnv>();

  async putRun(id: string, record: RunRecord, item: RunListItem): Promise<void> {
    this.runs.set(id, { record: structuredClone(record), item });
  }
  async getRun(id: string): Promise<RunRecord | null> {
    const entry = this.runs.get(id);
    return entry ? structuredClone(entry.record) : null;
  }
  async listRuns(): Promise<RunListItem[]> {
    return [...this.runs.values()].map((e) => e.item);
  }
  async deleteRun(id: string): Promise<void> {
    this.runs.delete(id);
  }
  async putEnv(entry: StoredCustomEnv): Promise<void> {
    this.envs.set(entry.id, structuredClone(entry));
  }
  async listEnvs(): Promise<StoredCustomEnv[]> {
    return [...this.envs.values()];
  }
  async deleteEnv(id: string): Promise<void> {
    this.envs.delete(id);
  }
}

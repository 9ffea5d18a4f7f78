import type { CustomEnv, RunRecord } from '../../core/run/types';
import { defaultRunName, forkFromNode, keylessRecord, summarizeRun } from '../../core/run';
import { customEnvId } from '../../core/env/parse';
import { MemoryBackend, type RunBackend, type RunListItem, type StoredCustomEnv } from './backend';
import { openIdbBackend } from './idb';

/** Why runs are only in memory, in words for the alert; null while IndexedDB works. */
let degraded: string | null = null;
const listeners = new Set<(message: string | null) => void>();
let backend: Promise<RunBackend> | null = null;
let memory: MemoryBackend | null = null;

function fallBack(reason: string): RunBackend {
  degraded = reason;
  for (const listen of listeners) listen(degraded);
  memory ??= new MemoryBackend();
  backend = Promise.resolve(memory);
  return memory;
}

function store(): Promise<RunBackend> {
  backend ??= openIdbBackend().catch(() =>
    fallBack('Runs cannot be saved in this browser (storage is unavailable, as in private mode). They are kept in this tab only: export a run as a file to keep it.'),
  );
  return backend;
}

const changeListeners = new Set<() => void>();

/** Calls `listen` after any run is saved or deleted (the runs list refreshes); returns the unsubscribe. */
export function onRunsChanged(listen: () => void): () => void {
  changeListeners.add(listen);
  return () => changeListeners.delete(listen);
}

function changed(): void {
  for (const listen of changeListeners) listen();
}

/** Calls `listen` whenever saving falls back to memory; returns the unsubscribe. */
export function onStorageProblem(listen: (message: string | null) => void): () => void {
  listeners.add(listen);
  listen(degraded);
  return () => listeners.delete(listen);
}

/**
 * The storage id of a run: stable for the same record (created at, env, strategy, seed), so saving a
 * running search after every node overwrites one entry and importing a file twice does not copy it.
 */
export function runId(record: RunRecord): string {
  return `run-${fnv(`${record.createdAt}|${record.env.id}|${record.strategy}|${record.seed}`)}`;
}

function itemOf(id: string, record: RunRecord): RunListItem {
  const { bestPerCall: _, ...summary } = summarizeRun(record);
  return { ...summary, id, savedAt: new Date().toISOString(), status: record.status, trimmed: Boolean(record.trimmed) };
}

/**
 * Saves a run (keyless) under `id` (default `runId(record)`) and resolves to the id. When the quota
 * is full or the database fails mid-run, the run moves to memory and the app keeps going; the
 * storage-problem listeners tell the user to export.
 */
export async function saveRun(record: RunRecord, id = runId(record)): Promise<string> {
  const clean = keylessRecord(record);
  const b = await store();
  try {
    await b.putRun(id, clean, itemOf(id, clean));
  } catch (e) {
    const quota = (e as DOMException)?.name === 'QuotaExceededError';
    const m = fallBack(
      quota
        ? 'Browser storage is full, so runs are now kept in this tab only. Export your runs as files, or delete old runs, to keep them.'
        : `Saving runs failed (${(e as Error)?.message ?? e}); they are kept in this tab only. Export a run as a file to keep it.`,
    );
    // Everything saved so far stays readable: copy it into memory before continuing there.
    for (const item of await b.listRuns().catch(() => [])) {
      const old = await b.getRun(item.id).catch(() => null);
      if (old) await m.putRun(item.id, old, item);
    }
    await m.putRun(id, clean, itemOf(id, clean));
  }
  changed();
  return id;
}

/** FNV-1a of a text in base 36: short ids, not security. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Saves a run that came from outside (a file, a link, the API). The same record imported twice
 * keeps one entry; a different record that happens to share the run's id (an edited copy, a
 * trimmed link of a saved run) gets its own entry instead of overwriting the saved one.
 */
export async function saveImported(record: RunRecord): Promise<string> {
  const id = runId(record);
  const existing = await loadRun(id);
  const text = JSON.stringify(keylessRecord(record));
  if (!existing || JSON.stringify(existing) === text) return saveRun(record, id);
  return saveRun(record, `${id}-${fnv(text)}`);
}

/** Saved runs, newest first. */
export async function listRuns(): Promise<RunListItem[]> {
  const items = await (await store()).listRuns();
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.savedAt.localeCompare(a.savedAt));
}

/** A saved run, or null. */
export async function loadRun(id: string): Promise<RunRecord | null> {
  return (await store()).getRun(id);
}

/** Deletes a saved run. */
export async function deleteRun(id: string): Promise<void> {
  await (await store()).deleteRun(id);
  changed();
}

/** Gives a saved run a name; resolves false when there is no such run. */
export async function renameRun(id: string, name: string): Promise<boolean> {
  const record = await loadRun(id);
  if (!record) return false;
  record.name = name.trim().slice(0, 200) || undefined;
  if (!record.name) delete record.name;
  await saveRun(record, id);
  return true;
}

/** Saves a copy of a run under a new id ("Copy of …"); resolves to the new id, or null. */
export async function duplicateRun(id: string): Promise<string | null> {
  const record = await loadRun(id);
  if (!record) return null;
  record.name = `Copy of ${record.name ?? defaultRunName(record)}`;
  return saveRun(record, `${id}-copy-${Date.now().toString(36)}`);
}

/** Saves "fork from this node" of a saved run as a new run; resolves to its id, or null. */
export async function forkRun(id: string, nodeId: number): Promise<string | null> {
  const record = await loadRun(id);
  const fork = record && forkFromNode(record, nodeId, new Date().toISOString());
  return fork ? saveRun(fork) : null;
}

/** Saves a custom environment under `custom:<slug>` and resolves to that id. */
export async function saveCustomEnv(env: CustomEnv): Promise<string> {
  const entry: StoredCustomEnv = { id: customEnvId(env.title), env, savedAt: new Date().toISOString() };
  const b = await store();
  try {
    await b.putEnv(entry);
  } catch {
    await fallBack('Browser storage is full or failing, so your environment is kept in this tab only. Export a run on it to keep it.').putEnv(entry);
  }
  return entry.id;
}

/** Saved custom environments. */
export async function listCustomEnvs(): Promise<StoredCustomEnv[]> {
  return (await store()).listEnvs();
}

/** Deletes a saved custom environment. */
export async function deleteCustomEnv(id: string): Promise<void> {
  await (await store()).deleteEnv(id);
}

/** Which storage is in use: for tests and the runs page footer. */
export async function storageKind(): Promise<'indexeddb' | 'memory'> {
  return (await store()).kind;
}

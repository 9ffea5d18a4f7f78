import type { RunRecord } from '../../core/run/types';
import { decodeRunLink, exportRunFile, importRunFile, parseHash, runFileName, type RecordResult } from '../../core/run';
import type { RunListItem } from './backend';
import { shareUrl } from './link';
import * as db from './persistence';

/** The runs page's state: the saved runs, the storage status, and what the user acts on. */
export class RunStore {
  items = $state.raw<RunListItem[]>([]);
  loaded = $state(false);
  /** Set when runs can only be kept in memory (private mode, quota full): shown as an alert. */
  storageProblem = $state<string | null>(null);
  /** The last failed action (import, share…), shown as an alert until the next action. */
  error = $state<string | null>(null);
  /** Ids picked for comparison (at most two). */
  compareIds = $state<string[]>([]);

  /** Loads the list and follows storage problems; returns the cleanup. */
  start(): () => void {
    const stopProblems = db.onStorageProblem((m) => (this.storageProblem = m));
    // Saves from elsewhere (autosave mid-run, the scripting API, a link) show up in the list.
    const stopChanges = db.onRunsChanged(() => void this.refresh());
    void this.refresh();
    return () => {
      stopProblems();
      stopChanges();
    };
  }

  async refresh(): Promise<void> {
    this.items = await db.listRuns();
    this.loaded = true;
  }

  async rename(id: string, name: string): Promise<void> {
    await db.renameRun(id, name);
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    await db.deleteRun(id);
    this.compareIds = this.compareIds.filter((c) => c !== id);
    await this.refresh();
  }

  async duplicate(id: string): Promise<string | null> {
    const copy = await db.duplicateRun(id);
    await this.refresh();
    return copy;
  }

  async fork(id: string, nodeId: number): Promise<string | null> {
    const fork = await db.forkRun(id, nodeId);
    await this.refresh();
    return fork;
  }

  /** Imports a run file's text; resolves to the new id, or null with `error` set. */
  async importText(text: string): Promise<string | null> {
    return this.accept(importRunFile(text));
  }

  /** Imports a pasted share link (or bare payload); resolves to the id, or null with `error` set. */
  async importLink(text: string): Promise<string | null> {
    const hash = text.trim().includes('#') ? text.trim().slice(text.trim().indexOf('#')) : `#run=${text.trim()}`;
    const intent = parseHash(hash);
    if (intent.kind !== 'run') {
      this.error = 'That is not a run link: a run link contains "#run=". Copy the link from the share dialog again, or import the exported file.';
      return null;
    }
    return this.accept(await decodeRunLink(intent.payload));
  }

  /** The file name and text to download for a run. */
  async exportFile(id: string): Promise<{ name: string; text: string } | null> {
    const record = await db.loadRun(id);
    return record ? { name: runFileName(record), text: exportRunFile(record) } : null;
  }

  /** A share URL for a saved run, or why there is none. */
  async share(id: string): Promise<{ ok: true; url: string; trimmed: boolean } | { ok: false; error: string }> {
    const record = await db.loadRun(id);
    if (!record) return { ok: false, error: 'This run is no longer saved. Reload the runs page.' };
    return shareUrl(record);
  }

  load(id: string): Promise<RunRecord | null> {
    return db.loadRun(id);
  }

  /** Adds or removes a run from the comparison; picking a third drops the oldest pick. */
  toggleCompare(id: string): void {
    this.compareIds = this.compareIds.includes(id) ? this.compareIds.filter((c) => c !== id) : [...this.compareIds, id].slice(-2);
  }

  private async accept(result: RecordResult): Promise<string | null> {
    if (!result.ok) {
      this.error = result.error;
      return null;
    }
    this.error = null;
    return db.saveImported(result.record);
  }
}

/** The page's one run store. */
export const runStore = new RunStore();

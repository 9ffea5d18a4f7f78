import type { RunRecord } from '../../core/run/types';
import { keylessRecord, validateRunRecord } from '../../core/run';
import { shareUrl } from './link';
import { listRuns, loadRun, saveImported } from './persistence';
import { registerScriptingMethods } from '../api';

/** A saved run as `cwmPlayground.runs()` lists it. */
export interface ApiRunItem {
  id: string;
  name: string;
  env: string;
  strategy: string;
  bestScore: number;
  nodes: number;
  calls: number;
  createdAt: string;
}

/**
 * The runs part of `window.cwmPlayground`, the same operations the runs page offers:
 * list, import (validated), export (keyless) and share link.
 */
export function runsApi() {
  return {
    /** Saved runs, newest first. */
    async runs(): Promise<ApiRunItem[]> {
      return (await listRuns()).map(({ id, name, env, strategy, bestScore, nodes, calls, createdAt }) => ({ id, name, env, strategy, bestScore, nodes, calls, createdAt }));
    },
    /** Validates and saves a record (e.g. written by `cwm search`); resolves to its id. */
    async importRun(record: unknown): Promise<string> {
      const result = validateRunRecord(record);
      if (!result.ok) throw new Error(result.error);
      return saveImported(result.record);
    },
    /** The saved record, keyless; rejects for an unknown id. */
    async exportRun(id: string): Promise<RunRecord> {
      const record = await loadRun(id);
      if (!record) throw new Error(`There is no saved run "${id}". List the saved runs with cwmPlayground.runs().`);
      return keylessRecord(record);
    },
    /** The full share URL; rejects when the run is too large for a link (export a file instead). */
    async shareLink(id: string): Promise<string> {
      const record = await loadRun(id);
      if (!record) throw new Error(`There is no saved run "${id}". List the saved runs with cwmPlayground.runs().`);
      const link = await shareUrl(record);
      if (!link.ok) throw new Error(link.error);
      return link.url;
    },
  };
}

/** Adds the runs operations to `window.cwmPlayground` through the scripting API's registry. */
export function installRunsApi(): void {
  registerScriptingMethods(runsApi());
}

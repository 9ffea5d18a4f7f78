import { datasetHash } from '../../core/env/dataset';
import type { Transition } from '../../core/env/types';
import type { RunRecord } from '../../core/run/types';

/** Why no search can start yet: the dataset failed to load, or has not loaded yet. */
export function datasetNotReady(datasetError: string | null): string {
  return datasetError ?? 'The dataset has not loaded yet. Wait for the Dataset tab to show the transitions, then start again.';
}

/** Why a saved run cannot continue on the dataset shown. */
const DATASET_MISMATCH =
  'The dataset shown is not the one this run was scored on. Pick the dataset it used in the Dataset tab, or open the run again from the Runs page and press "Continue this run".';

/** Why a saved run cannot be continued while another search of the page is running. */
export const BUSY_CONTINUE = 'A search is running on this environment. Pause or stop it first, then press "Continue this run" again.';

/** The note shown when a saved run opens, paused, ready to continue. */
export function continueNotice(record: RunRecord): string {
  // A fork (or a trimmed link) has no saved search state: the strategy rebuilds it from the nodes.
  const how = record.resume ? 'where it stopped' : 'from its nodes (a fork: the search statistics are rebuilt from them, the random choices start afresh from the seed)';
  return `Continuing the saved run ${how} (${record.calls.length} calls so far). Check the model under "Pick a model", then press Resume or Step.`;
}

/** Why a saved run cannot continue: none of the environment's datasets is the one it was scored on. */
export function datasetGone(record: RunRecord, envTitle: string): string {
  return `This run was scored on a dataset (hash ${record.env.datasetHash}) that ${envTitle} no longer has here, so it cannot continue. It can still be viewed, replayed and exported from the Runs page.`;
}

/** Why a saved run's search state cannot be rebuilt (edited by hand, from another version). */
export function cannotContinue(error: Error): string {
  return `This saved run ${error.message.replace(/^cannot resume this run/, 'cannot continue')}`;
}

/** Why a search stopped on an unexpected error; the tree so far is kept. */
export function searchStopped(error: unknown): string {
  return `The search stopped: ${(error as Error).message ?? error}. The tree so far is kept; press Step or Start to continue.`;
}

/**
 * The transitions a new session scores on, those shown, or why there are none: the dataset has
 * not loaded (or failed to), or a saved run being continued was scored on another dataset.
 */
export function sessionDataset(transitions: Transition[] | null, datasetError: string | null, resume?: RunRecord): { ok: true; transitions: Transition[] } | { ok: false; error: string } {
  if (!transitions) return { ok: false, error: datasetNotReady(datasetError) };
  if (resume && datasetHash(transitions) !== resume.env.datasetHash) return { ok: false, error: DATASET_MISMATCH };
  return { ok: true, transitions };
}

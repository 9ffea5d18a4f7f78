import { markCutoffs } from '../src/core/env/dataset';
import type { DatasetSource, EnvSpec, Transition } from '../src/core/env/types';

/** Attribution of the CWMB data shipped inside the packs (Apache-2.0). */
export const CWMB_ATTRIBUTION =
  'CWMB transitions from Dainese et al., "Generating Code World Models with Large Language Models Guided by Monte Carlo Tree Search", NeurIPS 2024 (Apache-2.0), recorded from Gymnasium 0.29.1.';

type JsonModule = { default: unknown };

/**
 * Loads once per page or process: every caller (gallery counts, table, search, scoring) gets the
 * same array, so work keyed on it (the encoded inputs of the evaluator) is done once. A failed
 * load is forgotten so that trying again loads again.
 */
function once(load: () => Promise<Transition[]>): () => Promise<Transition[]> {
  let promise: Promise<Transition[]> | null = null;
  return () => {
    if (!promise) {
      promise = load();
      promise.catch(() => (promise = null));
    }
    return promise;
  };
}

/** The CWMB dataset of a pack, with time-limit cut-offs marked `truncated` on load. */
export function cwmbDataset(spec: Pick<EnvSpec, 'episodeLimit'>, load: () => Promise<JsonModule>): DatasetSource {
  return {
    id: 'cwmb',
    label: 'CWMB (recorded from Gymnasium)',
    attribution: CWMB_ATTRIBUTION,
    load: once(async () => markCutoffs((await load()).default as Transition[], spec.episodeLimit)),
  };
}

/** The dataset made by this project's seeded recorder (`cwm record`). */
export function recordedDataset(load: () => Promise<JsonModule>): DatasetSource {
  return {
    id: 'recorded',
    label: 'Recorded by cwm record',
    load: once(async () => (await load()).default as Transition[]),
  };
}

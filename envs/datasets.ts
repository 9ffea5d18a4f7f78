import { markCutoffs } from '../src/core/env/dataset';
import type { DatasetSource, EnvSpec, Transition } from '../src/core/env/types';

/** Attribution of the CWMB data shipped inside the packs (Apache-2.0). */
export const CWMB_ATTRIBUTION =
  'CWMB transitions from Dainese et al., "Generating Code World Models with Large Language Models Guided by Monte Carlo Tree Search", NeurIPS 2024 (Apache-2.0), recorded from Gymnasium 0.29.1.';

type JsonModule = { default: unknown };

/** The CWMB dataset of a pack, with time-limit cut-offs marked `truncated` on load. */
export function cwmbDataset(spec: Pick<EnvSpec, 'episodeLimit'>, load: () => Promise<JsonModule>): DatasetSource {
  return {
    id: 'cwmb',
    label: 'CWMB (recorded from Gymnasium)',
    attribution: CWMB_ATTRIBUTION,
    load: async () => markCutoffs((await load()).default as Transition[], spec.episodeLimit),
  };
}

/** The dataset made by this project's seeded recorder (`cwm record`). */
export function recordedDataset(load: () => Promise<JsonModule>): DatasetSource {
  return {
    id: 'recorded',
    label: 'Recorded by cwm record',
    load: async () => (await load()).default as Transition[],
  };
}

import type { Obs } from '../src/core/env/types';
import { packs } from './index';

/** What a gallery card needs of a pack's default dataset, without loading it. */
export interface ManifestEntry {
  /** The id of the pack's default (first) dataset. */
  dataset: string;
  /** Its number of transitions. */
  transitions: number;
  /** Its first state, for packs without a simulator to show a still picture; absent otherwise. */
  firstState?: Obs;
}

/** The manifest of every built-in pack, keyed by pack id, read from the packs' own datasets. */
export async function datasetManifest(): Promise<Record<string, ManifestEntry>> {
  const out: Record<string, ManifestEntry> = {};
  for (const pack of packs) {
    const source = pack.datasets[0];
    if (!source) continue;
    const transitions = await source.load();
    const entry: ManifestEntry = { dataset: source.id, transitions: transitions.length };
    if (!pack.createSimulator && transitions.length) entry.firstState = transitions[0].state;
    out[pack.spec.id] = entry;
  }
  return out;
}

import type { EnvPack, Obs } from '../../src/core/env/types';
import { recordedDataset } from '../datasets';
import { VARIANTS } from './maps';
import { lakePolicy } from './policy';
import { FrozenLakeSim } from './sim';
import { lakeSpec } from './spec';

// Static import paths so the bundler can split each variant's recording into its own chunk.
const recordings: Record<string, () => Promise<{ default: unknown }>> = {
  'frozenlake-4x4': () => import('./data/frozenlake-4x4.json'),
  'frozenlake-4x4-slippery': () => import('./data/frozenlake-4x4-slippery.json'),
  'frozenlake-8x8': () => import('./data/frozenlake-8x8.json'),
  'frozenlake-8x8-slippery': () => import('./data/frozenlake-8x8-slippery.json'),
};

/** The four FrozenLake-v1 packs (4x4 and 8x8, slippery or not); not part of CWMB, so recorded data only. */
export const packs: EnvPack[] = VARIANTS.map((variant) => {
  let policy: ((obs: Obs) => number) | undefined;
  return {
    spec: lakeSpec(variant),
    createSimulator: () => new FrozenLakeSim(variant.map, variant.slippery),
    // Value iteration runs once, on first use, not at import time.
    heuristicPolicy: (obs) => (policy ??= lakePolicy(variant.map, variant.slippery))(obs),
    datasets: [recordedDataset(recordings[variant.id])],
  };
});

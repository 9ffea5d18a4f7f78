import type { EnvPack, Obs } from '../../src/core/env/types';
import { recordedDataset } from '../datasets';
import { MountainCarContinuousSimulator } from './sim';
import { spec } from './spec';

/** Pump energy: full throttle in the direction the car already moves (right when at rest). */
function pumpEnergy(obs: Obs): number[] {
  const velocity = (obs as number[])[1];
  return [velocity >= 0 ? 1 : -1];
}

/** The MountainCarContinuous-v0 pack (not in CWMB): reference simulator and recorded data. */
export const pack: EnvPack = {
  spec,
  createSimulator: () => new MountainCarContinuousSimulator(),
  heuristicPolicy: pumpEnergy,
  datasets: [recordedDataset(() => import('./data/recorded.json'))],
};

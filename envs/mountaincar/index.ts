import type { EnvPack, Obs } from '../../src/core/env/types';
import { cwmbDataset, recordedDataset } from '../datasets';
import { MountainCarSimulator } from './sim';
import { spec } from './spec';

/** Pump energy: accelerate in the direction the car already moves (right when at rest). */
function pumpEnergy(obs: Obs): number {
  const velocity = (obs as number[])[1];
  return velocity >= 0 ? 2 : 0;
}

/** The MountainCar-v0 pack: reference simulator, CWMB data (default) and recorded data. */
export const pack: EnvPack = {
  spec,
  createSimulator: () => new MountainCarSimulator(),
  heuristicPolicy: pumpEnergy,
  datasets: [cwmbDataset(spec, () => import('./data/cwmb.json')), recordedDataset(() => import('./data/recorded.json'))],
};

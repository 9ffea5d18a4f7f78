import type { EnvPack, Obs } from '../../src/core/env/types';
import { cwmbDataset, recordedDataset } from '../datasets';
import { AcrobotSimulator } from './sim';
import { spec } from './spec';

/** Pump energy: torque the middle joint in the direction it already turns. */
function pumpEnergy(obs: Obs): number {
  const dtheta2 = (obs as number[])[5];
  return dtheta2 >= 0 ? 2 : 0;
}

/** The Acrobot-v1 pack: reference simulator, CWMB data (default) and recorded data. */
export const pack: EnvPack = {
  spec,
  createSimulator: () => new AcrobotSimulator(),
  heuristicPolicy: pumpEnergy,
  datasets: [cwmbDataset(spec, () => import('./data/cwmb.json')), recordedDataset(() => import('./data/recorded.json'))],
};

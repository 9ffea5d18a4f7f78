import type { EnvPack, Obs } from '../../src/core/env/types';
import { cwmbDataset, recordedDataset } from '../datasets';
import { CartPoleSimulator } from './sim';
import { spec } from './spec';

/** Push toward the side the pole is falling to, looking a little ahead through its spin. */
function pushUnderPole(obs: Obs): number {
  const [, , theta, thetaDot] = obs as number[];
  return theta + 0.5 * thetaDot > 0 ? 1 : 0;
}

/** The CartPole-v1 pack: reference simulator, CWMB data (default) and recorded data. */
export const pack: EnvPack = {
  spec,
  createSimulator: () => new CartPoleSimulator(),
  heuristicPolicy: pushUnderPole,
  datasets: [cwmbDataset(spec, () => import('./data/cwmb.json')), recordedDataset(() => import('./data/recorded.json'))],
};

import type { EnvPack, Obs } from '../../src/core/env/types';
import { cwmbDataset, recordedDataset } from '../datasets';
import { PendulumSimulator } from './sim';
import { spec } from './spec';

/** Energy of a pendulum at rest upright, in units where theta'' = 15·sin(theta) + 3·u. */
const UPRIGHT_ENERGY = 15;

function clipTorque(u: number): number {
  return Math.min(Math.max(u, -2), 2);
}

/**
 * Near the top, a PD torque toward upright; lower down, a torque along the swing that drives
 * the energy toward the upright one (2 N·m cannot lift the pendulum straight up).
 */
function swingUpAndHold(obs: Obs): number[] {
  const [cos, sin, thetaDot] = obs as number[];
  const theta = Math.atan2(sin, cos);
  if (cos > 0.9) return [clipTorque(-10 * theta - 2 * thetaDot)];
  const energy = 0.5 * thetaDot ** 2 + UPRIGHT_ENERGY * cos;
  return [clipTorque((UPRIGHT_ENERGY - energy) * thetaDot)];
}

/** The Pendulum-v1 pack: reference simulator, CWMB data (default) and recorded data. */
export const pack: EnvPack = {
  spec,
  createSimulator: () => new PendulumSimulator(),
  heuristicPolicy: swingUpAndHold,
  datasets: [cwmbDataset(spec, () => import('./data/cwmb.json')), recordedDataset(() => import('./data/recorded.json'))],
};

import { mujocoPack } from './mujoco';
import { spec } from './spec';

/** Reacher-v4, transitions only. */
export const pack = mujocoPack(spec, () => import('./data/cwmb.json'));

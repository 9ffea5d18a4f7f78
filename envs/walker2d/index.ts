import { mujocoPack } from '../reacher/mujoco';
import { spec } from './spec';

/** Walker2d-v4, transitions only. */
export const pack = mujocoPack(spec, () => import('./data/cwmb.json'));

import { mujocoPack } from '../reacher/mujoco';
import { spec } from './spec';

/** InvertedPendulum-v4, transitions only. */
export const pack = mujocoPack(spec, () => import('./data/cwmb.json'));

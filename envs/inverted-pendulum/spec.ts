import { mujocoSpec } from '../reacher/mujoco';
import { paperDescription } from './description-paper';

/** InvertedPendulum-v4: balance a pole on a cart. */
export const spec = mujocoSpec({
  id: 'inverted-pendulum',
  title: 'Inverted Pendulum',
  gymId: 'InvertedPendulum-v4',
  paperDescription,
  summary:
    'A cart slides along a horizontal rail (limited to about ±1 m) and carries a pole hinged at its top. The pole starts nearly upright; pushing the cart left or right keeps it balanced. Angle 0 is upright.',
  observation: [
    ['cart x', 'cart position along the rail'],
    ['pole angle', 'pole angle from upright'],
    ['cart vel', 'cart velocity'],
    ['pole vel', 'pole angular velocity'],
  ],
  action: [['force', 'force pushing the cart along the rail (scaled by the actuator gear)']],
  actionBound: 3,
  dt: '0.04 s (2 physics steps of 0.02 s)',
  reward: '+1 on every step, including the last one.',
  termination: 'done is true when, after the step, |pole angle| > 0.2 rad or any state element is not finite.',
  episodeLimit: 1000,
});

import { mujocoSpec } from '../reacher/mujoco';
import { paperDescription } from './description-paper';

/** InvertedDoublePendulum-v4: balance two stacked poles on a cart. */
export const spec = mujocoSpec({
  id: 'inverted-double-pendulum',
  title: 'Inverted Double Pendulum',
  gymId: 'InvertedDoublePendulum-v4',
  paperDescription,
  summary:
    "A cart slides along a horizontal rail and carries two poles of length 0.6 stacked end to end: the first hinged on the cart, the second hinged on the tip of the first. θ1 is the first pole's angle from upright, θ2 the second pole's angle relative to the first. The tip of the second pole is at x = cart x + 0.6·sin θ1 + 0.6·sin(θ1 + θ2), height y = 0.6·cos θ1 + 0.6·cos(θ1 + θ2) (1.2 when fully upright).",
  observation: [
    ['cart x', 'cart position along the rail'],
    ['sin θ1', 'sine of the first pole angle'],
    ['sin θ2', 'sine of the second pole angle (relative to the first)'],
    ['cos θ1', 'cosine of the first pole angle'],
    ['cos θ2', 'cosine of the second pole angle'],
    ['cart vel', 'cart velocity, clipped to [-10, 10]'],
    ['θ1 vel', 'angular velocity of the first hinge, clipped to [-10, 10]'],
    ['θ2 vel', 'angular velocity of the second hinge, clipped to [-10, 10]'],
    ['cart constraint', 'constraint force on the cart joint, clipped to [-10, 10] (usually 0)'],
    ['θ1 constraint', 'constraint force on the first hinge, clipped to [-10, 10] (usually 0)'],
    ['θ2 constraint', 'constraint force on the second hinge, clipped to [-10, 10] (usually 0)'],
  ],
  action: [['force', 'force pushing the cart along the rail']],
  actionBound: 1,
  dt: '0.05 s (5 physics steps of 0.01 s)',
  reward: 'computed from the state AFTER the step: 10 - (0.01·x² + (y - 2)²) - (0.001·v1² + 0.005·v2²), where (x, y) is the tip of the second pole and v1, v2 are the two hinge angular velocities.',
  termination: 'done is true when, after the step, the tip height y ≤ 1.',
  episodeLimit: 1000,
});

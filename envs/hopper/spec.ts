import { mujocoSpec } from '../reacher/mujoco';
import { paperDescription } from './description-paper';

/** Hopper-v4: a planar one-legged hopper. */
export const spec = mujocoSpec({
  id: 'hopper',
  title: 'Hopper',
  gymId: 'Hopper-v4',
  paperDescription,
  summary:
    "A planar (2-D) one-legged robot: a torso on a single leg made of thigh, leg and foot joined by hinges. It moves in the x (forward) / z (up) plane and should hop forward without falling. The torso's x position is not part of the state.",
  observation: [
    ['torso z', 'height of the torso'],
    ['torso angle', 'pitch angle of the torso (0 is upright)'],
    ['thigh', 'thigh joint angle'],
    ['leg', 'leg joint angle'],
    ['foot', 'foot joint angle'],
    ['torso x vel', 'forward velocity of the torso, clipped to [-10, 10]'],
    ['torso z vel', 'vertical velocity of the torso, clipped to [-10, 10]'],
    ['torso angle vel', 'pitch angular velocity, clipped to [-10, 10]'],
    ['thigh vel', 'thigh joint angular velocity, clipped to [-10, 10]'],
    ['leg vel', 'leg joint angular velocity, clipped to [-10, 10]'],
    ['foot vel', 'foot joint angular velocity, clipped to [-10, 10]'],
  ],
  action: [
    ['thigh', 'torque on the thigh joint'],
    ['leg', 'torque on the leg joint'],
    ['foot', 'torque on the foot joint'],
  ],
  actionBound: 1,
  dt: '0.008 s (4 physics steps of 0.002 s)',
  reward:
    "1 (alive bonus, on every step) + (x_after - x_before) / 0.008 - 0.001·(sum of squared action elements), where x is the torso's forward position (its mean forward speed over the step, close to but not exactly the torso x velocity of the next state).",
  termination:
    'done is true when, after the step, the hopper is unhealthy: torso z ≤ 0.7, or |torso angle| ≥ 0.2, or any of state elements [1]..[10] (with unclipped velocities) is outside (-100, 100).',
  episodeLimit: 1000,
});

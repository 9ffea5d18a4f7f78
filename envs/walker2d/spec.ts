import { mujocoSpec } from '../reacher/mujoco';
import { paperDescription } from './description-paper';

/** Walker2d-v4: a planar two-legged walker. */
export const spec = mujocoSpec({
  id: 'walker2d',
  title: 'Walker 2D',
  gymId: 'Walker2d-v4',
  paperDescription,
  summary:
    "A planar (2-D) two-legged robot: a torso on a right and a left leg, each made of thigh, leg and foot joined by hinges. It moves in the x (forward) / z (up) plane and should walk forward without falling. The torso's x position is not part of the state.",
  observation: [
    ['torso z', 'height of the torso'],
    ['torso angle', 'pitch angle of the torso (0 is upright)'],
    ['right thigh', 'right thigh joint angle'],
    ['right leg', 'right leg joint angle'],
    ['right foot', 'right foot joint angle'],
    ['left thigh', 'left thigh joint angle'],
    ['left leg', 'left leg joint angle'],
    ['left foot', 'left foot joint angle'],
    ['torso x vel', 'forward velocity of the torso, clipped to [-10, 10]'],
    ['torso z vel', 'vertical velocity of the torso, clipped to [-10, 10]'],
    ['torso angle vel', 'pitch angular velocity, clipped to [-10, 10]'],
    ['right thigh vel', 'right thigh joint angular velocity, clipped to [-10, 10]'],
    ['right leg vel', 'right leg joint angular velocity, clipped to [-10, 10]'],
    ['right foot vel', 'right foot joint angular velocity, clipped to [-10, 10]'],
    ['left thigh vel', 'left thigh joint angular velocity, clipped to [-10, 10]'],
    ['left leg vel', 'left leg joint angular velocity, clipped to [-10, 10]'],
    ['left foot vel', 'left foot joint angular velocity, clipped to [-10, 10]'],
  ],
  action: [
    ['right thigh', 'torque on the right thigh joint'],
    ['right leg', 'torque on the right leg joint'],
    ['right foot', 'torque on the right foot joint'],
    ['left thigh', 'torque on the left thigh joint'],
    ['left leg', 'torque on the left leg joint'],
    ['left foot', 'torque on the left foot joint'],
  ],
  actionBound: 1,
  dt: '0.008 s (4 physics steps of 0.002 s)',
  reward:
    "1 (alive bonus, on every step) + (x_after - x_before) / 0.008 - 0.001·(sum of squared action elements), where x is the torso's forward position (its mean forward speed over the step, close to but not exactly the torso x velocity of the next state).",
  termination: 'done is true when, after the step, the walker is unhealthy: torso z ≤ 0.8 or z ≥ 2.0, or |torso angle| ≥ 1.',
  episodeLimit: 1000,
});

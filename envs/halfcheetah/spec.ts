import { mujocoSpec } from '../reacher/mujoco';
import { paperDescription } from './description-paper';

/** HalfCheetah-v4: a planar two-legged runner. */
export const spec = mujocoSpec({
  id: 'halfcheetah',
  title: 'Half Cheetah',
  gymId: 'HalfCheetah-v4',
  paperDescription,
  summary:
    "A planar (2-D) cat-like robot: a torso with a back leg and a front leg, each made of thigh, shin and foot joined by hinges. It moves in the x (forward) / z (up) plane and should run forward as fast as possible. The torso's x position is not part of the state.",
  observation: [
    ['torso z', 'height of the torso'],
    ['torso angle', 'pitch angle of the torso'],
    ['back thigh', 'back thigh joint angle'],
    ['back shin', 'back shin joint angle'],
    ['back foot', 'back foot joint angle'],
    ['front thigh', 'front thigh joint angle'],
    ['front shin', 'front shin joint angle'],
    ['front foot', 'front foot joint angle'],
    ['torso x vel', 'forward velocity of the torso'],
    ['torso z vel', 'vertical velocity of the torso'],
    ['torso angle vel', 'pitch angular velocity of the torso'],
    ['back thigh vel', 'angular velocity of the back thigh joint'],
    ['back shin vel', 'angular velocity of the back shin joint'],
    ['back foot vel', 'angular velocity of the back foot joint'],
    ['front thigh vel', 'angular velocity of the front thigh joint'],
    ['front shin vel', 'angular velocity of the front shin joint'],
    ['front foot vel', 'angular velocity of the front foot joint'],
  ],
  action: [
    ['back thigh', 'torque on the back thigh joint'],
    ['back shin', 'torque on the back shin joint'],
    ['back foot', 'torque on the back foot joint'],
    ['front thigh', 'torque on the front thigh joint'],
    ['front shin', 'torque on the front shin joint'],
    ['front foot', 'torque on the front foot joint'],
  ],
  actionBound: 1,
  dt: '0.05 s (5 physics steps of 0.01 s)',
  reward:
    "forward progress minus control cost: (x_after - x_before) / 0.05 - 0.1·(sum of squared action elements), where x is the torso's forward position (its mean forward speed over the step, close to but not exactly the torso x velocity of the next state).",
  termination: 'never; done is always false.',
  episodeLimit: 1000,
});

import { mujocoSpec } from '../reacher/mujoco';
import { paperDescription } from './description-paper';

/** Swimmer-v4: a three-segment swimmer in a viscous fluid. */
export const spec = mujocoSpec({
  id: 'swimmer',
  title: 'Swimmer',
  gymId: 'Swimmer-v4',
  paperDescription,
  summary: 'A planar swimmer of three segments joined by two hinges moves through a viscous fluid on a plane and should swim forward (+x). Its x, y position is not part of the state.',
  observation: [
    ['front angle', 'heading angle of the front segment'],
    ['joint 1', 'angle of the first hinge'],
    ['joint 2', 'angle of the second hinge'],
    ['front x vel', 'x velocity of the front tip'],
    ['front y vel', 'y velocity of the front tip'],
    ['front angle vel', 'angular velocity of the front segment'],
    ['joint 1 vel', 'angular velocity of the first hinge'],
    ['joint 2 vel', 'angular velocity of the second hinge'],
  ],
  action: [
    ['joint 1', 'torque on the first hinge'],
    ['joint 2', 'torque on the second hinge'],
  ],
  actionBound: 1,
  dt: '0.04 s (4 physics steps of 0.01 s)',
  reward:
    "(x_after - x_before) / 0.04 - 0.0001·(sum of squared action elements), where x is the front tip's position (its mean forward speed over the step, close to but not exactly the x velocity of the next state).",
  termination: 'never; done is always false.',
  episodeLimit: 1000,
});

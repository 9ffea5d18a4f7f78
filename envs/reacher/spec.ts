import { mujocoSpec } from './mujoco';
import { paperDescription } from './description-paper';

/** Reacher-v4: a two-joint planar arm reaching for a target. */
export const spec = mujocoSpec({
  id: 'reacher',
  title: 'Reacher',
  gymId: 'Reacher-v4',
  paperDescription,
  summary:
    'A two-link arm lies flat on a table, its base fixed at the origin. The first link (length 0.1) turns about the base, the second (its fingertip 0.11 from the elbow) about the elbow. A target point sits on the table and does not move during an episode. The aim is to bring the fingertip onto the target. With q0 the base angle and q1 the elbow angle, the fingertip is at x = 0.1·cos(q0) + 0.11·cos(q0 + q1), y = 0.1·sin(q0) + 0.11·sin(q0 + q1); the recorded fingertip offsets come from slightly before the end of the step, so this holds to within about 0.003.',
  observation: [
    ['cos q0', 'cosine of the base joint angle'],
    ['cos q1', 'cosine of the elbow joint angle'],
    ['sin q0', 'sine of the base joint angle'],
    ['sin q1', 'sine of the elbow joint angle'],
    ['target x', 'x of the target (constant within an episode)'],
    ['target y', 'y of the target (constant within an episode)'],
    ['q0 vel', 'angular velocity of the base joint'],
    ['q1 vel', 'angular velocity of the elbow joint'],
    ['dx', 'fingertip x minus target x'],
    ['dy', 'fingertip y minus target y'],
    ['dz', 'fingertip z minus target z (always 0)'],
  ],
  action: [
    ['base torque', 'torque on the base joint'],
    ['elbow torque', 'torque on the elbow joint'],
  ],
  actionBound: 1,
  dt: '0.02 s (2 physics steps of 0.01 s)',
  reward: 'computed from the state BEFORE the step: -sqrt(dx² + dy² + dz²) - (a0² + a1²), i.e. minus the fingertip-to-target distance minus the squared action.',
  termination: 'never; done is always false.',
  episodeLimit: 50,
});

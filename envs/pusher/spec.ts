import { mujocoSpec } from '../reacher/mujoco';
import { paperDescription } from './description-paper';

/** Pusher-v4: a seven-joint arm pushing an object to a goal on a table. */
export const spec = mujocoSpec({
  id: 'pusher',
  title: 'Pusher',
  gymId: 'Pusher-v4',
  paperDescription,
  summary:
    "A seven-joint robot arm (shoulder, upper arm, elbow, forearm, wrist) stands beside a table with a small cylindrical object and a fixed goal point on it. The aim is to push the object onto the goal with the arm's fingertip. Positions are 3-D world coordinates in metres.",
  observation: [
    ['shoulder pan', 'shoulder pan joint angle'],
    ['shoulder lift', 'shoulder lift joint angle'],
    ['upper arm roll', 'upper arm roll joint angle'],
    ['elbow flex', 'elbow flex joint angle'],
    ['forearm roll', 'forearm roll joint angle'],
    ['wrist flex', 'wrist flex joint angle'],
    ['wrist roll', 'wrist roll joint angle'],
    ['shoulder pan vel', 'angular velocity of joint [0]'],
    ['shoulder lift vel', 'angular velocity of joint [1]'],
    ['upper arm roll vel', 'angular velocity of joint [2]'],
    ['elbow flex vel', 'angular velocity of joint [3]'],
    ['forearm roll vel', 'angular velocity of joint [4]'],
    ['wrist flex vel', 'angular velocity of joint [5]'],
    ['wrist roll vel', 'angular velocity of joint [6]'],
    ['tip x', 'fingertip x'],
    ['tip y', 'fingertip y'],
    ['tip z', 'fingertip z'],
    ['object x', 'object x'],
    ['object y', 'object y'],
    ['object z', 'object z'],
    ['goal x', 'goal x (constant within an episode)'],
    ['goal y', 'goal y (constant within an episode)'],
    ['goal z', 'goal z (constant within an episode)'],
  ],
  action: [
    ['shoulder pan', 'torque on the shoulder pan joint'],
    ['shoulder lift', 'torque on the shoulder lift joint'],
    ['upper arm roll', 'torque on the upper arm roll joint'],
    ['elbow flex', 'torque on the elbow flex joint'],
    ['forearm roll', 'torque on the forearm roll joint'],
    ['wrist flex', 'torque on the wrist flex joint'],
    ['wrist roll', 'torque on the wrist roll joint'],
  ],
  actionBound: 2,
  dt: '0.05 s (5 physics steps of 0.01 s)',
  reward:
    'computed from the state BEFORE the step: -|object - goal| - 0.1·(sum of squared action elements) - 0.5·|object - tip|, where |·| is the Euclidean distance between the 3-D points in the state.',
  termination: 'never; done is always false.',
  episodeLimit: 100,
});

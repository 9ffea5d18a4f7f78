import type { EnvSpec } from '../../src/core/env/types';
import { paperDescription } from './description-paper';

/** MountainCarContinuous-v0: the mountain car with a continuous throttle and an energy cost. */
export const spec: EnvSpec = {
  id: 'mountaincar-continuous',
  title: 'Mountain car (continuous)',
  gymId: 'MountainCarContinuous-v0',
  paperDescription,
  description: `A car sits in a valley between two hills on a one-dimensional track whose height is sin(3 * position). The engine is too weak to drive straight up the right hill, so the car must swing back and forth to build momentum and reach the flag on the right hilltop. The throttle is continuous, and every unit of throttle costs reward.

State (and observation), 2 numbers: [position, velocity]
- position: along the track, within [-1.2, 0.6] (the goal is at 0.45)
- velocity: within [-0.07, 0.07], positive = moving right
Observations are recorded as 32-bit floats; use them exactly as given and compute in double precision.

Action: an array of one number [throttle], nominally in [-1, 1]; negative pushes left, positive pushes right.

Constants: power = 0.0015, gravity term = 0.0025, minimum position = -1.2, maximum position = 0.6, maximum speed = 0.07, goal position = 0.45, goal velocity = 0.

Dynamics of one step, in this order:
1. force = throttle clipped to [-1, 1]
2. velocity = velocity + force * power - 0.0025 * cos(3 * position)   (using the OLD position)
3. clip velocity to [-0.07, 0.07]
4. position = position + velocity   (using the NEW velocity)
5. clip position to [-1.2, 0.6]
6. if position equals -1.2 (the left wall) and velocity < 0, set velocity to 0. There is no such rule at the right end.
The next state is [position, velocity].

Termination (done): position >= 0.45 and velocity >= 0, checked on the new state.
Reward: -0.1 * throttle^2, using the throttle as given (before clipping), plus 100 on the step that reaches the goal (done).
Episodes are also cut off after 999 steps by a time limit; that is not part of the dynamics (done stays false).
Initial state (reset): position uniform in [-0.6, -0.4], velocity 0.

Write it as a JavaScript class:
class Environment {
  constructor() { /* constants */ }
  setState(state) { /* state = [position, velocity] */ }
  step(action) { /* action = [throttle] */ return [nextState, reward, done]; }
}`,
  observation: {
    kind: 'box',
    shape: [2],
    low: [-1.2, -0.07],
    high: [0.6, 0.07],
    labels: ['position', 'velocity'],
  },
  action: { kind: 'box', shape: [1], low: [-1], high: [1], labels: ['throttle'] },
  stateComparison: 'tolerant',
  episodeLimit: 999,
  planner: 'cem',
  hasSimulator: true,
  cwmb: false,
};

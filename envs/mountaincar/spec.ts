import type { EnvSpec } from '../../src/core/env/types';
import { paperDescription } from './description-paper';

/** MountainCar-v0: an underpowered car must rock back and forth to climb out of a valley. */
export const spec: EnvSpec = {
  id: 'mountaincar',
  title: 'Mountain car',
  gymId: 'MountainCar-v0',
  paperDescription,
  description: `A car sits in a valley between two hills on a one-dimensional track whose height is sin(3 * position). Its engine is too weak to drive straight up the right hill, so it has to swing back and forth to build momentum and reach the flag on the right hilltop.

State (and observation), 2 numbers: [position, velocity]
- position: along the track, within [-1.2, 0.6] (the valley bottom is near -0.52, the goal at 0.5)
- velocity: within [-0.07, 0.07], positive = moving right
Observations are recorded as 32-bit floats; use them exactly as given and compute in double precision.

Action, an integer: 0 = accelerate left, 1 = do nothing, 2 = accelerate right.

Constants: force = 0.001, gravity = 0.0025, minimum position = -1.2, maximum position = 0.6, maximum speed = 0.07, goal position = 0.5, goal velocity = 0.

Dynamics of one step, in this order:
1. velocity = velocity + (action - 1) * force - gravity * cos(3 * position)   (using the OLD position)
2. clip velocity to [-0.07, 0.07]
3. position = position + velocity   (using the NEW velocity)
4. clip position to [-1.2, 0.6]
5. if position equals -1.2 (the left wall) and velocity < 0, set velocity to 0. There is no such rule at the right end.
The next state is [position, velocity].

Termination (done): position >= 0.5 and velocity >= 0, checked on the new state.
Reward: -1.0 on every step, including the one that reaches the goal.
Episodes are also cut off after 200 steps by a time limit; that is not part of the dynamics (done stays false).
Initial state (reset): position uniform in [-0.6, -0.4], velocity 0.

Write it as a JavaScript class:
class Environment {
  constructor() { /* constants */ }
  setState(state) { /* state = [position, velocity] */ }
  step(action) { /* ... */ return [nextState, reward, done]; }
}`,
  observation: {
    kind: 'box',
    shape: [2],
    low: [-1.2, -0.07],
    high: [0.6, 0.07],
    labels: ['position', 'velocity'],
  },
  action: { kind: 'discrete', n: 3, labels: ['accelerate left', 'coast', 'accelerate right'] },
  stateComparison: 'tolerant',
  episodeLimit: 200,
  planner: 'mcts',
  hasSimulator: true,
  cwmb: true,
  keys: { ArrowLeft: 0, ArrowDown: 1, ArrowRight: 2, a: 0, s: 1, d: 2 },
};

import type { EnvSpec } from '../../src/core/env/types';
import { paperDescription } from './description-paper';

/** Pendulum-v1: swing a torque-limited pendulum up and hold it upright. */
export const spec: EnvSpec = {
  id: 'pendulum',
  title: 'Pendulum',
  gymId: 'Pendulum-v1',
  paperDescription,
  description: `A rigid pendulum swings freely about a fixed pivot. A motor at the pivot applies a limited torque; the aim is to swing the pendulum up and keep it standing straight up with as little effort as possible.

Hidden state: theta (angle in radians, 0 = pointing straight up, positive = counter-clockwise) and thetaDot (angular velocity in rad/s).
Observation, 3 numbers: [cos(theta), sin(theta), thetaDot].
setState receives this observation exactly as recorded (32-bit floats), so recover the angle with theta = atan2(sin(theta), cos(theta)); compute in double precision.

Action: an array of one number [torque], nominally in [-2, 2].

Constants: maximum speed = 8, maximum torque = 2.0, dt = 0.05, g = 10.0, mass m = 1.0, length l = 1.0.

Dynamics of one step, in this order:
1. u = torque clipped to [-2, 2].
2. cost = normalize(theta)^2 + 0.1 * thetaDot^2 + 0.001 * u^2, computed from the state BEFORE the step, where normalize(x) = ((x + pi) mod 2*pi) - pi with a mod whose result is always in [0, 2*pi).
3. newThetaDot = thetaDot + (3 * g / (2 * l) * sin(theta) + 3.0 / (m * l^2) * u) * dt
4. clip newThetaDot to [-8, 8]
5. newTheta = theta + newThetaDot * dt   (using the NEW, clipped velocity; the angle itself is not wrapped)
The next observation is [cos(newTheta), sin(newTheta), newThetaDot].

Reward: -cost.
Termination: never (done is always false). Episodes are cut off after 200 steps by a time limit; that is not part of the dynamics.
Initial state (reset): theta uniform in [-pi, pi], thetaDot uniform in [-1, 1].

Write it as a JavaScript class:
class Environment {
  constructor() { /* constants */ }
  setState(state) { /* state = [cos(theta), sin(theta), thetaDot] */ }
  step(action) { /* action = [torque] */ return [nextState, reward, done]; }
}`,
  observation: {
    kind: 'box',
    shape: [3],
    low: [-1, -1, -8],
    high: [1, 1, 8],
    labels: ['cos θ', 'sin θ', 'angular velocity'],
  },
  action: { kind: 'box', shape: [1], low: [-2], high: [2], labels: ['torque'] },
  stateComparison: 'tolerant',
  episodeLimit: 200,
  planner: 'cem',
  hasSimulator: true,
  cwmb: true,
};

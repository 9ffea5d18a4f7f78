import type { EnvSpec } from '../../src/core/env/types';
import { paperDescription } from './description-paper';

/** Largest float32, Gymnasium's stand-in for an unbounded observation element. */
const F32_MAX = 3.4028234663852886e38;

/** Pole angle at which an episode ends: 12 degrees, in radians (Gymnasium cartpole). */
export const THETA_LIMIT = (12 * 2 * Math.PI) / 360;

/** CartPole-v1: balance a pole hinged on a cart that can only be pushed left or right. */
export const spec: EnvSpec = {
  id: 'cartpole',
  title: 'Cart-pole',
  gymId: 'CartPole-v1',
  paperDescription,
  description: `A rigid pole is hinged on top of a cart that rolls without friction along a horizontal track. Each step the cart is pushed with a constant force to the left or to the right; the goal is to keep the pole upright for as long as possible.

State (and observation), 4 numbers: [x, xDot, theta, thetaDot]
- x: cart position in metres along the track (0 = centre, positive = right)
- xDot: cart velocity in m/s
- theta: pole angle from vertical in radians (0 = upright, positive = leaning right)
- thetaDot: pole angular velocity in rad/s
Observations are recorded as 32-bit floats; use them exactly as given and compute in double precision.

Action, an integer: 0 = push the cart left, 1 = push it right.

Constants: gravity = 9.8, cart mass = 1.0, pole mass = 0.1, total mass = 1.1, half pole length = 0.5 (length = 0.5), poleMassLength = poleMass * length = 0.05, force magnitude = 10.0, time step tau = 0.02 s.

Dynamics of one step, in this order:
1. force = +10.0 if action is 1, else -10.0.
2. cosT = cos(theta), sinT = sin(theta).
3. temp = (force + poleMassLength * thetaDot^2 * sinT) / totalMass
4. thetaAcc = (gravity * sinT - cosT * temp) / (length * (4/3 - poleMass * cosT^2 / totalMass))
5. xAcc = temp - poleMassLength * thetaAcc * cosT / totalMass
6. Explicit Euler, positions first using the OLD velocities:
   x = x + tau * xDot; xDot = xDot + tau * xAcc; theta = theta + tau * thetaDot; thetaDot = thetaDot + tau * thetaAcc.
The next state is [x, xDot, theta, thetaDot] after these updates. No clipping is applied.

Termination (done): the new x is below -2.4 or above 2.4, or the new theta is below -12 degrees or above 12 degrees (threshold 12 * 2 * pi / 360 = 0.20943951 rad).
Reward: 1.0 on every step, including the step that ends the episode.
Episodes are also cut off after 500 steps by a time limit; that is not part of the dynamics (done stays false).
Initial state (reset): all four numbers drawn uniformly from [-0.05, 0.05].

Write it as a JavaScript class:
class Environment {
  constructor() { /* constants */ }
  setState(state) { /* state = [x, xDot, theta, thetaDot] */ }
  step(action) { /* ... */ return [nextState, reward, done]; }
}`,
  observation: {
    kind: 'box',
    shape: [4],
    low: [-4.8, -F32_MAX, -2 * THETA_LIMIT, -F32_MAX],
    high: [4.8, F32_MAX, 2 * THETA_LIMIT, F32_MAX],
    labels: ['cart position', 'cart velocity', 'pole angle', 'pole angular velocity'],
  },
  action: { kind: 'discrete', n: 2, labels: ['push left', 'push right'] },
  stateComparison: 'tolerant',
  episodeLimit: 500,
  planner: 'mcts',
  hasSimulator: true,
  cwmb: true,
  keys: { ArrowLeft: 0, ArrowRight: 1, a: 0, d: 1 },
};

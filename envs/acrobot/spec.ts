import type { EnvSpec } from '../../src/core/env/types';
import { paperDescription } from './description-paper';

/** Acrobot-v1: swing a two-link chain, actuated only at the middle joint, above a target line. */
export const spec: EnvSpec = {
  id: 'acrobot',
  title: 'Acrobot',
  gymId: 'Acrobot-v1',
  paperDescription,
  description: `Two rigid links hang in a vertical plane like a double pendulum: the first link swings from a fixed pivot, the second hangs from the end of the first. Only the joint between the two links has a motor. The goal is to swing the free end of the chain above a line one link length above the pivot.

Hidden state: theta1 (angle of the first link from hanging straight down, radians), theta2 (angle of the second link relative to the first), dtheta1, dtheta2 (their angular velocities).
Observation, 6 numbers: [cos(theta1), sin(theta1), cos(theta2), sin(theta2), dtheta1, dtheta2].
setState receives this observation exactly as recorded (32-bit floats), so recover the angles with theta1 = atan2(sin(theta1), cos(theta1)) and theta2 = atan2(sin(theta2), cos(theta2)); compute in double precision.

Action, an integer: 0 = torque -1 on the middle joint, 1 = torque 0, 2 = torque +1.

Constants: link lengths l1 = 1.0, l2 = 1.0; link masses m1 = 1.0, m2 = 1.0; centres of mass lc1 = 0.5, lc2 = 0.5; moments of inertia I1 = 1.0, I2 = 1.0; g = 9.8; time step dt = 0.2; velocity limits 4*pi for dtheta1 and 9*pi for dtheta2. No torque noise.

Equations of motion (the variant from Sutton & Barto's book), for a state (theta1, theta2, dtheta1, dtheta2) and torque a:
  d1 = m1*lc1^2 + m2*(l1^2 + lc2^2 + 2*l1*lc2*cos(theta2)) + I1 + I2
  d2 = m2*(lc2^2 + l1*lc2*cos(theta2)) + I2
  phi2 = m2*lc2*g*cos(theta1 + theta2 - pi/2)
  phi1 = -m2*l1*lc2*dtheta2^2*sin(theta2) - 2*m2*l1*lc2*dtheta2*dtheta1*sin(theta2) + (m1*lc1 + m2*l1)*g*cos(theta1 - pi/2) + phi2
  ddtheta2 = (a + d2/d1*phi1 - m2*l1*lc2*dtheta1^2*sin(theta2) - phi2) / (m2*lc2^2 + I2 - d2^2/d1)
  ddtheta1 = -(d2*ddtheta2 + phi1) / d1
  derivative of (theta1, theta2, dtheta1, dtheta2) = (dtheta1, dtheta2, ddtheta1, ddtheta2); the torque is held constant.

One step = ONE classic fourth-order Runge-Kutta step of size dt = 0.2 over the 4-vector y:
  k1 = f(y); k2 = f(y + dt/2*k1); k3 = f(y + dt/2*k2); k4 = f(y + dt*k3); y' = y + dt/6*(k1 + 2*k2 + 2*k3 + k4)
Then: wrap theta1 and theta2 into [-pi, pi] (add or subtract 2*pi while outside), and clip dtheta1 to [-4*pi, 4*pi] and dtheta2 to [-9*pi, 9*pi].
The next observation is [cos(theta1'), sin(theta1'), cos(theta2'), sin(theta2'), dtheta1', dtheta2'].

Termination (done): on the new state, -cos(theta1') - cos(theta2' + theta1') > 1.0 (the free end is above the line).
Reward: -1.0 on every step that does not terminate, 0.0 on the step that terminates.
Episodes are also cut off after 500 steps by a time limit; that is not part of the dynamics (done stays false).
Initial state (reset): theta1, theta2, dtheta1, dtheta2 each uniform in [-0.1, 0.1].

Write it as a JavaScript class:
class Environment {
  constructor() { /* constants */ }
  setState(state) { /* state = the 6-number observation */ }
  step(action) { /* ... */ return [nextState, reward, done]; }
}`,
  observation: {
    kind: 'box',
    shape: [6],
    low: [-1, -1, -1, -1, -4 * Math.PI, -9 * Math.PI],
    high: [1, 1, 1, 1, 4 * Math.PI, 9 * Math.PI],
    labels: ['cos θ1', 'sin θ1', 'cos θ2', 'sin θ2', 'θ1 velocity', 'θ2 velocity'],
  },
  action: { kind: 'discrete', n: 3, labels: ['torque -1', 'torque 0', 'torque +1'] },
  stateComparison: 'tolerant',
  episodeLimit: 500,
  planner: 'mcts',
  hasSimulator: true,
  cwmb: true,
  keys: { ArrowLeft: 0, ArrowDown: 1, ArrowRight: 2, a: 0, s: 1, d: 2 },
};

import type { Rng } from '../../src/core/rng';
import type { Action, Obs, Simulator } from '../../src/core/env/types';

// Constants of Gymnasium 0.29.1 acrobot.py (book dynamics, no torque noise).
const DT = 0.2;
const LINK_LENGTH_1 = 1.0;
const LINK_MASS_1 = 1.0;
const LINK_MASS_2 = 1.0;
const LINK_COM_POS_1 = 0.5;
const LINK_COM_POS_2 = 0.5;
const LINK_MOI = 1.0;
const G = 9.8;
const MAX_VEL_1 = 4 * Math.PI;
const MAX_VEL_2 = 9 * Math.PI;
const AVAIL_TORQUE = [-1.0, 0.0, 1.0];

type Vec4 = [number, number, number, number];

/** Time derivative of (theta1, theta2, dtheta1, dtheta2) under torque `a` ("book" variant). */
function derivative(s: Vec4, a: number): Vec4 {
  const [m1, m2, l1, lc1, lc2, I1, I2] = [LINK_MASS_1, LINK_MASS_2, LINK_LENGTH_1, LINK_COM_POS_1, LINK_COM_POS_2, LINK_MOI, LINK_MOI];
  const [theta1, theta2, dtheta1, dtheta2] = s;
  const d1 = m1 * lc1 ** 2 + m2 * (l1 ** 2 + lc2 ** 2 + 2 * l1 * lc2 * Math.cos(theta2)) + I1 + I2;
  const d2 = m2 * (lc2 ** 2 + l1 * lc2 * Math.cos(theta2)) + I2;
  const phi2 = m2 * lc2 * G * Math.cos(theta1 + theta2 - Math.PI / 2.0);
  const phi1 = -m2 * l1 * lc2 * dtheta2 ** 2 * Math.sin(theta2) - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.sin(theta2) + (m1 * lc1 + m2 * l1) * G * Math.cos(theta1 - Math.PI / 2) + phi2;
  const ddtheta2 = (a + (d2 / d1) * phi1 - m2 * l1 * lc2 * dtheta1 ** 2 * Math.sin(theta2) - phi2) / (m2 * lc2 ** 2 + I2 - d2 ** 2 / d1);
  const ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
  return [dtheta1, dtheta2, ddtheta1, ddtheta2];
}

function axpy(y: Vec4, h: number, k: Vec4): Vec4 {
  return [y[0] + h * k[0], y[1] + h * k[1], y[2] + h * k[2], y[3] + h * k[3]];
}

/** One classic RK4 step of size DT, as Gymnasium's `rk4` over the time points [0, DT]. */
function rk4(y: Vec4, a: number): Vec4 {
  const dt2 = DT / 2.0;
  const k1 = derivative(y, a);
  const k2 = derivative(axpy(y, dt2, k1), a);
  const k3 = derivative(axpy(y, dt2, k2), a);
  const k4 = derivative(axpy(y, DT, k3), a);
  const out = [0, 0, 0, 0] as Vec4;
  for (let i = 0; i < 4; i++) out[i] = y[i] + (DT / 6.0) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  return out;
}

/** Wraps an angle into [low, high] by whole turns, as Gymnasium's `wrap`. */
function wrap(x: number, low: number, high: number): number {
  const diff = high - low;
  while (x > high) x -= diff;
  while (x < low) x += diff;
  return x;
}

function bound(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}

/** Reference Acrobot-v1 in float64: one RK4 step per action, reward -1 until the end is up. */
export class AcrobotSimulator implements Simulator {
  private s: Vec4 = [0, 0, 0, 0];

  setState(state: Obs): void {
    const o = state as number[];
    // The observation carries cos/sin of each angle; atan2 recovers the angle itself.
    this.s = [Math.atan2(o[1], o[0]), Math.atan2(o[3], o[2]), o[4], o[5]];
  }

  step(action: Action): [Obs, number, boolean] {
    const a = Array.isArray(action) ? action[0] : action;
    const ns = rk4(this.s, AVAIL_TORQUE[a]);
    ns[0] = wrap(ns[0], -Math.PI, Math.PI);
    ns[1] = wrap(ns[1], -Math.PI, Math.PI);
    ns[2] = bound(ns[2], -MAX_VEL_1, MAX_VEL_1);
    ns[3] = bound(ns[3], -MAX_VEL_2, MAX_VEL_2);
    this.s = ns;
    const done = -Math.cos(ns[0]) - Math.cos(ns[1] + ns[0]) > 1.0;
    return [this.observe(), done ? 0.0 : -1.0, done];
  }

  reset(rng: Rng): Obs {
    this.s = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)];
    return this.observe();
  }

  private observe(): number[] {
    const [t1, t2, d1, d2] = this.s;
    return [Math.cos(t1), Math.sin(t1), Math.cos(t2), Math.sin(t2), d1, d2];
  }
}

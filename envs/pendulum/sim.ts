import type { Rng } from '../../src/core/rng';
import type { Action, Obs, Simulator } from '../../src/core/env/types';

// Constants of Gymnasium 0.29.1 pendulum.py (default g = 10.0).
const MAX_SPEED = 8;
const MAX_TORQUE = 2.0;
const DT = 0.05;
const G = 10.0;
const M = 1.0;
const L = 1.0;

/** Python's float `%`: the result takes the sign of the divisor. */
function pyMod(x: number, m: number): number {
  const r = x % m;
  return r !== 0 && r < 0 !== m < 0 ? r + m : r;
}

/** Angle mapped into [-pi, pi), as Gymnasium's `angle_normalize`. */
export function angleNormalize(x: number): number {
  return pyMod(x + Math.PI, 2 * Math.PI) - Math.PI;
}

function clip(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}

/** Reference Pendulum-v1 in float64: the cost uses the state before the step. */
export class PendulumSimulator implements Simulator {
  private theta = 0;
  private thetaDot = 0;

  setState(state: Obs): void {
    const o = state as number[];
    this.theta = Math.atan2(o[1], o[0]);
    this.thetaDot = o[2];
  }

  step(action: Action): [Obs, number, boolean] {
    const u = clip(Array.isArray(action) ? action[0] : action, -MAX_TORQUE, MAX_TORQUE);
    const th = this.theta;
    const thdot = this.thetaDot;
    const cost = angleNormalize(th) ** 2 + 0.1 * thdot ** 2 + 0.001 * u ** 2;
    let newThdot = thdot + (((3 * G) / (2 * L)) * Math.sin(th) + (3.0 / (M * L ** 2)) * u) * DT;
    newThdot = clip(newThdot, -MAX_SPEED, MAX_SPEED);
    this.theta = th + newThdot * DT;
    this.thetaDot = newThdot;
    return [this.observe(), -cost, false];
  }

  reset(rng: Rng): Obs {
    this.theta = rng.uniform(-Math.PI, Math.PI);
    this.thetaDot = rng.uniform(-1, 1);
    return this.observe();
  }

  private observe(): number[] {
    return [Math.cos(this.theta), Math.sin(this.theta), this.thetaDot];
  }
}

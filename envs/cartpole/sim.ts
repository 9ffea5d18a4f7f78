import type { Rng } from '../../src/core/rng';
import type { Action, Obs, Simulator } from '../../src/core/env/types';
import { THETA_LIMIT } from './spec';

// Constants of Gymnasium 0.29.1 cartpole.py.
const GRAVITY = 9.8;
const MASS_CART = 1.0;
const MASS_POLE = 0.1;
const TOTAL_MASS = MASS_POLE + MASS_CART;
const LENGTH = 0.5; // half the pole's length
const POLE_MASS_LENGTH = MASS_POLE * LENGTH;
const FORCE_MAG = 10.0;
const TAU = 0.02;
const X_LIMIT = 2.4;

/** Reference CartPole-v1 in float64: explicit Euler, reward 1 on every step. */
export class CartPoleSimulator implements Simulator {
  private x = 0;
  private xDot = 0;
  private theta = 0;
  private thetaDot = 0;

  setState(state: Obs): void {
    const s = state as number[];
    [this.x, this.xDot, this.theta, this.thetaDot] = [s[0], s[1], s[2], s[3]];
  }

  step(action: Action): [Obs, number, boolean] {
    const a = Array.isArray(action) ? action[0] : action;
    const force = a === 1 ? FORCE_MAG : -FORCE_MAG;
    const cosT = Math.cos(this.theta);
    const sinT = Math.sin(this.theta);
    const temp = (force + POLE_MASS_LENGTH * this.thetaDot ** 2 * sinT) / TOTAL_MASS;
    const thetaAcc = (GRAVITY * sinT - cosT * temp) / (LENGTH * (4.0 / 3.0 - (MASS_POLE * cosT ** 2) / TOTAL_MASS));
    const xAcc = temp - (POLE_MASS_LENGTH * thetaAcc * cosT) / TOTAL_MASS;
    // Euler: positions advance with the velocities of the previous step.
    this.x = this.x + TAU * this.xDot;
    this.xDot = this.xDot + TAU * xAcc;
    this.theta = this.theta + TAU * this.thetaDot;
    this.thetaDot = this.thetaDot + TAU * thetaAcc;
    const done = this.x < -X_LIMIT || this.x > X_LIMIT || this.theta < -THETA_LIMIT || this.theta > THETA_LIMIT;
    // Gymnasium pays 1.0 on the terminating step too.
    return [this.observe(), 1.0, done];
  }

  reset(rng: Rng): Obs {
    this.x = rng.uniform(-0.05, 0.05);
    this.xDot = rng.uniform(-0.05, 0.05);
    this.theta = rng.uniform(-0.05, 0.05);
    this.thetaDot = rng.uniform(-0.05, 0.05);
    return this.observe();
  }

  private observe(): number[] {
    return [this.x, this.xDot, this.theta, this.thetaDot];
  }
}

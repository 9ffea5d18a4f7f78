import type { Rng } from '../../src/core/rng';
import type { Action, Obs, Simulator } from '../../src/core/env/types';

// Constants of Gymnasium 0.29.1 mountain_car.py.
const MIN_POSITION = -1.2;
const MAX_POSITION = 0.6;
const MAX_SPEED = 0.07;
const GOAL_POSITION = 0.5;
const GOAL_VELOCITY = 0;
const FORCE = 0.001;
const GRAVITY = 0.0025;

function clip(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}

/** Reference MountainCar-v0 in float64: reward -1 per step, done at the flag. */
export class MountainCarSimulator implements Simulator {
  private position = 0;
  private velocity = 0;

  setState(state: Obs): void {
    const s = state as number[];
    this.position = s[0];
    this.velocity = s[1];
  }

  step(action: Action): [Obs, number, boolean] {
    const a = Array.isArray(action) ? action[0] : action;
    let velocity = this.velocity + (a - 1) * FORCE + Math.cos(3 * this.position) * -GRAVITY;
    velocity = clip(velocity, -MAX_SPEED, MAX_SPEED);
    let position = clip(this.position + velocity, MIN_POSITION, MAX_POSITION);
    // Only the left wall is inelastic; Gymnasium has no such rule on the right.
    if (position === MIN_POSITION && velocity < 0) velocity = 0;
    this.position = position;
    this.velocity = velocity;
    const done = position >= GOAL_POSITION && velocity >= GOAL_VELOCITY;
    return [[position, velocity], -1.0, done];
  }

  reset(rng: Rng): Obs {
    this.position = rng.uniform(-0.6, -0.4);
    this.velocity = 0;
    return [this.position, this.velocity];
  }
}

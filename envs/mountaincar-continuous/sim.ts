import type { Rng } from '../../src/core/rng';
import type { Action, Obs, Simulator } from '../../src/core/env/types';

// Constants of Gymnasium 0.29.1 continuous_mountain_car.py.
const MIN_ACTION = -1.0;
const MAX_ACTION = 1.0;
const MIN_POSITION = -1.2;
const MAX_POSITION = 0.6;
const MAX_SPEED = 0.07;
const GOAL_POSITION = 0.45;
const GOAL_VELOCITY = 0;
const POWER = 0.0015;
const GOAL_REWARD = 100.0;

function clip(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}

/** Reference MountainCarContinuous-v0 in float64: action cost -0.1·a², +100 at the flag. */
export class MountainCarContinuousSimulator implements Simulator {
  private position = 0;
  private velocity = 0;

  setState(state: Obs): void {
    const s = state as number[];
    this.position = s[0];
    this.velocity = s[1];
  }

  step(action: Action): [Obs, number, boolean] {
    const throttle = Array.isArray(action) ? action[0] : action;
    const force = clip(throttle, MIN_ACTION, MAX_ACTION);
    let velocity = this.velocity + force * POWER - 0.0025 * Math.cos(3 * this.position);
    velocity = clip(velocity, -MAX_SPEED, MAX_SPEED);
    let position = clip(this.position + velocity, MIN_POSITION, MAX_POSITION);
    if (position === MIN_POSITION && velocity < 0) velocity = 0;
    this.position = position;
    this.velocity = velocity;
    const done = position >= GOAL_POSITION && velocity >= GOAL_VELOCITY;
    // Gymnasium charges the throttle as given, before the clip above.
    const reward = (done ? GOAL_REWARD : 0) - throttle ** 2 * 0.1;
    return [[position, velocity], reward, done];
  }

  reset(rng: Rng): Obs {
    this.position = rng.uniform(-0.6, -0.4);
    this.velocity = 0;
    return [this.position, this.velocity];
  }
}

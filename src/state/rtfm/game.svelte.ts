import { rtfmPack } from '../../../envs/rtfm';
import { validActions } from '../../../envs/rtfm/sim';
import type { RtfmSimulator } from '../../core/rtfm/pack';
import type { RtfmState } from '../../core/rtfm/types';
import { Rng } from '../../core/rng';

/** One move of a played game, for the log beside the board. */
export interface PlayedStep {
  action: number;
  reward: number;
  done: boolean;
}

/**
 * The real RTFM game in the page: the reference simulator, reset from a seed, one action per key.
 * After the game ends, moves are ignored until a reset.
 */
export class RtfmGame {
  seed = $state(1);
  state = $state.raw<RtfmState>({ board: [], inventory: 'empty' });
  valid = $state.raw<number[]>([0, 1, 2, 3, 4]);
  total = $state(0);
  done = $state(false);
  steps = $state.raw<PlayedStep[]>([]);
  private sim: RtfmSimulator = rtfmPack.createSimulator();

  constructor() {
    this.reset();
  }

  /** A new game from the current seed (the next seed on every reset, so each game differs). */
  reset(seed = this.seed): void {
    this.seed = seed;
    this.begin(this.sim.reset(Rng.seeded(seed)));
  }

  /** Starts from a given state (a recorded one), so the dataset browser can hand a board to play. */
  load(state: RtfmState): void {
    this.sim.setState(state);
    this.begin(this.sim.current());
  }

  // A game at its first move from `state`.
  private begin(state: RtfmState): void {
    this.state = state;
    this.valid = validActions(state.board);
    this.total = 0;
    this.done = false;
    this.steps = [];
  }

  /** Plays one action; returns the previous state so a synthesized world can step from the same one. */
  act(action: number): RtfmState | null {
    if (this.done) return null;
    const before = this.state;
    this.sim.setState(before);
    const a = this.sim.answer(action);
    this.state = a.next_state;
    this.valid = a.valid_actions;
    this.total += a.reward;
    this.done = a.done;
    this.steps = [...this.steps, { action, reward: a.reward, done: a.done }];
    return before;
  }
}

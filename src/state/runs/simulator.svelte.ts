import type { Action, Obs, Space, Transition } from '../../core/env/types';
import { parseActionSpace, parseStartState, recordRandomPolicy } from '../../core/env/parse';
import { Rng } from '../../core/rng';
import { SynthSession } from '../synth-session';

/** The observation space a start state implies: a scalar is a Discrete index, a list a Box. */
function observationOf(initial: Obs): Space {
  if (typeof initial === 'number') return { kind: 'discrete', n: Number.MAX_SAFE_INTEGER };
  return { kind: 'box', shape: [initial.length], low: initial.map(() => -Infinity), high: initial.map(() => Infinity) };
}

/**
 * Plays or records a user-written reference simulator of a custom environment. The code is
 * untrusted like any candidate: every step runs in the evaluator sandbox (`SynthSession`), never in
 * the page. Recording uses a seeded random policy, so the same settings give the same transitions.
 */
export class SimulatorLab {
  startText = $state('0');
  actionText = $state('2');
  steps = $state(200);
  episodeLimit = $state(100);
  seed = $state(1);
  busy = $state(false);
  error = $state<string | null>(null);
  /** Play: the simulator's current state, the last reward and whether the episode ended. */
  state = $state.raw<Obs | null>(null);
  lastReward = $state<number | null>(null);
  done = $state(false);

  private settings(): { initial: Obs; action: Space } | null {
    const initial = parseStartState(this.startText);
    const action = parseActionSpace(this.actionText);
    this.error = typeof initial === 'string' ? initial : typeof action === 'string' ? action : null;
    return this.error ? null : { initial: initial as Obs, action: action as Space };
  }

  /** Records `steps` transitions with a random policy; resolves to them, or null with `error` set. */
  async record(program: string): Promise<Transition[] | null> {
    const s = this.settings();
    if (!s || !program.trim()) {
      this.error ??= 'Write the simulator first: a class Environment with setState(state) and step(action).';
      return null;
    }
    this.busy = true;
    try {
      const session = new SynthSession(program, observationOf(s.initial));
      const steps = Math.max(1, Math.min(2000, Math.floor(this.steps)));
      const limit = this.episodeLimit > 0 ? Math.floor(this.episodeLimit) : undefined;
      const result = await recordRandomPolicy((state, action) => session.step(state, action), { ...s, steps, episodeLimit: limit }, Rng.seeded(this.seed));
      this.error = result.error;
      return result.transitions.length ? result.transitions : null;
    } finally {
      this.busy = false;
    }
  }

  /** Starts playing from the start state. */
  reset(): void {
    const s = this.settings();
    this.state = s ? s.initial : null;
    this.lastReward = null;
    this.done = false;
  }

  /** Takes one action in the user's simulator (in the sandbox). */
  async act(program: string, action: Action): Promise<void> {
    const s = this.settings();
    if (!s || this.state === null || this.done) return;
    this.busy = true;
    try {
      const result = await new SynthSession(program, observationOf(s.initial)).step(this.state, action);
      if (!result.ok) {
        this.error = `Your simulator failed: ${result.bug}. Fix it in the editor and press Reset.`;
        return;
      }
      [this.state, this.lastReward, this.done] = result.outcome;
    } finally {
      this.busy = false;
    }
  }
}

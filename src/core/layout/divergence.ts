import { closeEnough } from '../cwm/metric';
import type { Obs, StateComparison } from '../env/types';

/** One quantity where the synthesized model and the real simulator disagree. */
export interface Difference {
  /** `state[i]`, `reward` or `done`. */
  what: string;
  real: number | boolean | null;
  model: number | boolean | null;
}

/** One step as both worlds report it: [next state, reward, done]. */
export type StepOutcome = readonly [Obs, number, boolean];

/**
 * The quantities of one step where the model's outcome differs from the real one, compared as the
 * metric does: states exactly for discrete environments, else within `closeEnough`; rewards within
 * tolerance; done exactly. The next state is ignored when the real step ends the episode, as the
 * metric ignores it on terminal transitions. [] means the step agrees.
 */
export function stepDifferences(real: StepOutcome, model: StepOutcome, comparison: StateComparison): Difference[] {
  const diffs: Difference[] = [];
  if (!real[2]) {
    const r = Array.isArray(real[0]) ? real[0] : [real[0]];
    const m = Array.isArray(model[0]) ? model[0] : [model[0]];
    const scalar = !Array.isArray(real[0]);
    for (let i = 0; i < Math.max(r.length, m.length); i++) {
      const rv = i < r.length ? r[i] : null;
      const mv = i < m.length ? m[i] : null;
      const same = rv !== null && mv !== null && typeof mv === 'number' && Number.isFinite(mv) && (comparison === 'exact' ? rv === mv : closeEnough(mv, rv));
      if (!same) diffs.push({ what: scalar ? 'state' : `state[${i}]`, real: rv, model: typeof mv === 'number' ? mv : null });
    }
  }
  if (!(typeof model[1] === 'number' && Number.isFinite(model[1]) && closeEnough(model[1], real[1]))) {
    diffs.push({ what: 'reward', real: real[1], model: typeof model[1] === 'number' ? model[1] : null });
  }
  if (Boolean(model[2]) !== real[2]) diffs.push({ what: 'done', real: real[2], model: Boolean(model[2]) });
  return diffs;
}

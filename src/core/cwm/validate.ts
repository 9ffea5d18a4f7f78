import type { Obs, Space } from '../env/types';
import type { CandidateError, Prediction } from './types';

function obsLength(space: Space): number | null {
  if (space.kind === 'discrete') return null;
  if (space.kind === 'multi-discrete') return space.nvec.length;
  return space.shape[0];
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value === null) return 'null';
  return typeof value === 'number' ? String(value) : typeof value;
}

// `at(i)` names transition i in a problem; built only when there is one.
const at = (i: number) => `step() on transition ${i}`;

function checkObs(obs: Obs, length: number | null, i: number): string | null {
  if (length === null) {
    if (Array.isArray(obs) && obs.length === 1) obs = obs[0];
    if (typeof obs !== 'number') return `${at(i)}: the next state must be a number for this environment, got ${describe(obs)}`;
    return Number.isFinite(obs) ? null : `${at(i)}: the next state is ${obs}, not a finite number`;
  }
  // A one-element box may be recorded as a plain number (custom data); accept either form.
  if (length === 1 && typeof obs === 'number') return Number.isFinite(obs) ? null : `${at(i)}: the next state is ${obs}, not a finite number`;
  if (!Array.isArray(obs)) return `${at(i)}: the next state must be an array of ${length} numbers, got ${describe(obs)}`;
  if (obs.length !== length) return `${at(i)}: the next state has ${obs.length} elements; expected ${length}`;
  const bad = obs.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
  return bad < 0 ? null : `${at(i)}: element ${bad} of the next state is ${describe(obs[bad])}, not a finite number`;
}

/**
 * Checks the shape of every prediction against the observation space: a wrong shape or a
 * non-finite number makes the program buggy. Returns the first problem.
 */
export function checkPredictions(predictions: readonly Prediction[], observation: Space): CandidateError | null {
  const length = obsLength(observation);
  for (let i = 0; i < predictions.length; i++) {
    const p = predictions[i];
    const problem = checkObs(p.next_state, length, i);
    if (problem) return { message: problem };
    if (typeof p.reward !== 'number' || !Number.isFinite(p.reward)) {
      return { message: `${at(i)}: the reward is ${describe(p.reward)}, not a finite number` };
    }
    if (typeof p.done !== 'boolean') return { message: `${at(i)}: done must be a boolean, got ${describe(p.done)}` };
  }
  return null;
}

/** Scalar observations predicted as one-element arrays count as scalars. */
export function normalizePrediction(p: Prediction, observation: Space): Prediction {
  if (observation.kind === 'discrete' && Array.isArray(p.next_state) && p.next_state.length === 1) {
    return { ...p, next_state: p.next_state[0] };
  }
  return p;
}

import type { StructuredInput } from '../cwm/structured';
import { normalizedReturn, type NormalizedReturn } from '../plan/normalized';
import { Rng } from '../rng';
import type { RtfmSimulator } from './pack';
import type { RtfmAnswer, RtfmState } from './types';

/**
 * A world model the planner asks in batches: the answers of `step(action)` after `setState(state)`
 * for every input, or a thrown error when the program fails.
 */
export type RtfmBatchModel = (inputs: readonly StructuredInput[]) => Promise<RtfmAnswer[]>;

/** The planner's settings; defaults in `RTFM_PLAN_DEFAULTS`. */
export interface RtfmPlanParams {
  episodes: number;
  /** Real steps per episode: the paper collector's `max_episode_length`. */
  maxSteps: number;
  /** Longest plan the breadth-first search looks for (the 4×4 room needs at most 12 moves to win). */
  depth: number;
}

/** 10 episodes as for the CWMB environments, 100 steps as the paper's RTFM collector, plans up to 16 moves. */
export const RTFM_PLAN_DEFAULTS: RtfmPlanParams = { episodes: 10, maxSteps: 100, depth: 16 };

const key = (s: RtfmState) => JSON.stringify(s);

/** A plan: the moves and the states the model expects after each, to notice when reality departs from it. */
interface Plan {
  actions: number[];
  expected: string[];
}

/**
 * Breadth-first search in the model: from `state`, expand every move (Up, Down, Left, Right) of
 * every state not seen before, one batch per depth, skipping moves the model predicts end the game
 * without a win. Returns the shortest move sequence the model predicts wins (+1), or null.
 */
export async function searchWin(model: RtfmBatchModel, state: RtfmState, depth: number): Promise<Plan | null> {
  type Node = { state: RtfmState; plan: Plan };
  let frontier: Node[] = [{ state, plan: { actions: [], expected: [] } }];
  const seen = new Set([key(state)]);
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const inputs = frontier.flatMap((n) => [1, 2, 3, 4].map((action) => ({ state: n.state, action })));
    const answers = await model(inputs);
    const next: Node[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const a = answers[i];
      const parent = frontier[Math.floor(i / 4)];
      const plan = { actions: [...parent.plan.actions, inputs[i].action], expected: [...parent.plan.expected, key(a.next_state)] };
      if (a.reward > 0) return plan;
      if (a.done) continue;
      const k = key(a.next_state);
      if (seen.has(k)) continue;
      seen.add(k);
      next.push({ state: a.next_state, plan });
    }
    frontier = next;
  }
  return null;
}

/** The return of each episode and the first model failure, if any (the planner then acts randomly). */
export interface RtfmEpisodes {
  returns: number[];
  mean: number;
  modelError: string | null;
}

/**
 * Plays `episodes` games of the real RTFM (the reference simulator) with a model as the planner's
 * world: plan by breadth-first search in the model, follow the plan while the real states are the
 * ones it expects, replan when they differ, and act uniformly among the valid actions when the
 * model predicts no way to win (or fails). With `model` null every action is random: the baseline.
 * Episode `i` starts from `Rng.seeded(seed * 1000 + i)`, so the model, the oracle and the random
 * player meet the same boards.
 */
export async function playRtfm(real: RtfmSimulator, model: RtfmBatchModel | null, seed: number, params: RtfmPlanParams = RTFM_PLAN_DEFAULTS): Promise<RtfmEpisodes> {
  const returns: number[] = [];
  let modelError: string | null = null;
  const actRng = Rng.seeded(seed * 1000 + 999);
  for (let e = 0; e < params.episodes; e++) {
    let state = real.reset(Rng.seeded(seed * 1000 + e));
    let valid = [0, 1, 2, 3, 4];
    let total = 0;
    let plan: Plan | null = null;
    for (let t = 0; t < params.maxSteps; t++) {
      if ((!plan || plan.actions.length === 0) && model && !modelError) {
        try {
          plan = await searchWin(model, state, params.depth);
        } catch (error) {
          modelError = error instanceof Error ? error.message : String(error);
          plan = null;
        }
      }
      const action = plan && plan.actions.length > 0 ? (plan.actions.shift() as number) : valid[actRng.int(valid.length)];
      const expected = plan?.expected.shift();
      real.setState(state);
      const a = real.answer(action);
      total += a.reward;
      state = a.next_state;
      valid = a.valid_actions;
      if (plan && expected !== key(state)) plan = null; // reality departed from the model: replan
      if (a.done) break;
    }
    returns.push(total);
  }
  return { returns, mean: returns.reduce((s, r) => s + r, 0) / Math.max(1, returns.length), modelError };
}

/** The reference simulator as a batch model: the oracle of the normalized return. */
export function simulatorModel(sim: RtfmSimulator): RtfmBatchModel {
  return async (inputs) =>
    inputs.map((input) => {
      sim.setState(input.state as RtfmState);
      return sim.answer(input.action as number);
    });
}

/** Normalized return of a CWM on RTFM, with the three means behind it. */
export interface RtfmPlanResult extends NormalizedReturn {
  modelError: string | null;
}

/** R = (R_cwm − R_random) / (R_oracle − R_random) over the same episodes; N/A when the oracle does no better than random. */
export async function evaluateRtfmPlanning(createSim: () => RtfmSimulator, model: RtfmBatchModel, seed: number, params: RtfmPlanParams = RTFM_PLAN_DEFAULTS): Promise<RtfmPlanResult> {
  const random = await playRtfm(createSim(), null, seed, params);
  const oracle = await playRtfm(createSim(), simulatorModel(createSim()), seed, params);
  const cwm = await playRtfm(createSim(), model, seed, params);
  return { ...normalizedReturn(cwm.mean, random.mean, oracle.mean), modelError: cwm.modelError };
}

/** A candidate program as a batch model, through a runner that runs structured worlds. */
export function programModel(
  run: (inputs: readonly StructuredInput[]) => Promise<{ ok: true; answers: unknown[] } | { ok: false; error: { message: string } }>,
  read: (value: unknown, index: number) => { ok: true; answer: RtfmAnswer } | { ok: false; error: { message: string } },
): RtfmBatchModel {
  return async (inputs) => {
    const outcome = await run(inputs);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.answers.map((value, i) => {
      const r = read(value, i);
      if (!r.ok) throw new Error(r.error.message);
      return r.answer;
    });
  };
}

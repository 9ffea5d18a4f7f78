import type { Action, Obs, WorldModel } from '../env/types';
import { Rng } from '../rng';
import type { CemParams, MctsParams, PlannerConfig } from './params';

/** An agent that picks actions by planning with a world model. */
export interface Planner {
  /** The action to take from this real observation. */
  act(obs: Obs): Action;
  /** Forgets any open-loop plan (call at the start of an episode). */
  reset(): void;
}

/**
 * The planners, as ONE self-contained function. Why: a planner must run in the same realm as the
 * untrusted CWM it plans with (model steps are plain calls), so its source is injected into the
 * program runner (browser workers, Node child processes) with `plannerRuntimeSource()`. It may
 * therefore reference nothing outside its own body except the `RngClass` it is given and standard
 * built-ins.
 */
export function plannerRuntime(RngClass: typeof Rng) {
  interface PlanNode {
    state: Obs;
    reward: number;
    done: boolean;
    visits: number;
    children: (PlanNode | undefined)[];
    counts: number[];
    sums: number[];
  }

  const copyObs = (obs: Obs): Obs => (Array.isArray(obs) ? obs.slice() : obs);

  const makeNode = (state: Obs, reward: number, done: boolean, n: number): PlanNode => ({
    state,
    reward,
    done,
    visits: 0,
    children: new Array(n),
    counts: new Array(n).fill(0),
    sums: new Array(n).fill(0),
  });

  /** One model step from a given state; the state is set first, so a CWM need not keep it. */
  function modelStep(model: WorldModel, state: Obs, action: Action): [Obs, number, boolean] {
    model.setState(copyObs(state));
    const [next, reward, done] = model.step(Array.isArray(action) ? action.slice() : action);
    return [copyObs(next), Number(reward), Boolean(done)];
  }

  /** Discounted return of uniformly random actions for up to `rolloutDepth` steps. */
  function rollout(model: WorldModel, state: Obs, nActions: number, p: MctsParams, rng: Rng): number {
    let total = 0;
    let discount = 1;
    for (let t = 0; t < p.rolloutDepth; t++) {
      const [next, reward, done] = modelStep(model, state, rng.int(nActions));
      total += discount * reward;
      if (done) break;
      discount *= p.gamma;
      state = next;
    }
    return total;
  }

  /**
   * Action values are normalized to [0, 1] by the smallest and largest backed-up returns of the
   * tree (as MuZero does), so "unexplored Q = 1" is optimistic whatever the reward scale.
   */
  function makeBounds() {
    let min = Infinity;
    let max = -Infinity;
    return {
      update(x: number) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      },
      normalize: (x: number) => (max > min ? (x - min) / (max - min) : 0.5),
    };
  }
  type Bounds = ReturnType<typeof makeBounds>;

  const actionValue = (node: PlanNode, a: number, bounds: Bounds, p: MctsParams) => (node.counts[a] === 0 ? p.unexploredQ : bounds.normalize(node.sums[a] / node.counts[a]));

  /** UCT: Q + C·sqrt(ln(N + 1) / (n + 1)); ties broken by the RNG. */
  function selectAction(node: PlanNode, bounds: Bounds, p: MctsParams, rng: Rng): number {
    let best: number[] = [];
    let bestScore = -Infinity;
    for (let a = 0; a < node.counts.length; a++) {
      const score = actionValue(node, a, bounds, p) + p.c * Math.sqrt(Math.log(node.visits + 1) / (node.counts[a] + 1));
      if (score > bestScore) {
        bestScore = score;
        best = [a];
      } else if (score === bestScore) best.push(a);
    }
    return best.length === 1 ? best[0] : rng.pick(best);
  }

  /** Samples from softmax(values / temperature), stable for tiny temperatures. */
  function softmaxSample(values: readonly number[], temperature: number, rng: Rng): number {
    const top = Math.max(...values);
    const weights = values.map((v) => Math.exp((v - top) / temperature));
    let u = rng.next() * weights.reduce((s, w) => s + w, 0);
    for (let a = 0; a < weights.length; a++) {
      u -= weights[a];
      if (u < 0) return a;
    }
    return weights.length - 1;
  }

  /**
   * Plans one discrete action with MCTS: `simulations` descents by UCT, one new node per descent
   * valued by a random rollout, discounted backup, then a softmax over the root's action values.
   */
  function mctsAct(model: WorldModel, obs: Obs, nActions: number, p: MctsParams, rng: Rng, stochastic = false): number {
    const root = makeNode(copyObs(obs), 0, false, nActions);
    const bounds = makeBounds();
    for (let sim = 0; sim < p.simulations; sim++) {
      const path: [PlanNode, number][] = [];
      // In a stochastic world a node stands for an action sequence, not a state: every descent
      // samples the model again, so action values average over the outcomes (open-loop MCTS).
      const rewards: number[] = [];
      let state = root.state;
      let node = root;
      let leaf = 0;
      while (!node.done) {
        const a = selectAction(node, bounds, p, rng);
        path.push([node, a]);
        const child = node.children[a];
        if (stochastic) {
          const [next, reward, done] = modelStep(model, state, a);
          rewards.push(reward);
          if (!child) {
            node.children[a] = makeNode(next, reward, done, nActions);
            leaf = done ? 0 : rollout(model, next, nActions, p, rng);
            break;
          }
          if (done) break;
          state = next;
          node = child;
          continue;
        }
        if (child) {
          node = child;
          continue;
        }
        const [next, reward, done] = modelStep(model, node.state, a);
        node = node.children[a] = makeNode(next, reward, done, nActions);
        leaf = done ? 0 : rollout(model, next, nActions, p, rng);
        break;
      }
      let value = leaf;
      for (let i = path.length - 1; i >= 0; i--) {
        const [parent, a] = path[i];
        value = (stochastic ? rewards[i] : parent.children[a]!.reward) + p.gamma * value;
        parent.visits++;
        parent.counts[a]++;
        parent.sums[a] += value;
        bounds.update(value);
      }
    }
    return softmaxSample(
      root.counts.map((_, a) => actionValue(root, a, bounds, p)),
      p.temperature,
      rng,
    );
  }

  /** Undiscounted return of an open-loop action sequence under the model, stopping at done. */
  function sequenceReturn(model: WorldModel, obs: Obs, plan: number[][]): number {
    let state = obs;
    let total = 0;
    for (const action of plan) {
      const [next, reward, done] = modelStep(model, state, action);
      total += reward;
      if (done) break;
      state = next;
    }
    return total;
  }

  /**
   * Cross-entropy method: samples action sequences from a diagonal Gaussian (initial mean
   * (low+high)/2, std max(|low|,|high|)/2, clipped to the bounds), refits it to the elites each
   * iteration, and returns the best sequence ever sampled.
   */
  function cemPlan(model: WorldModel, obs: Obs, low: number[], high: number[], horizon: number, p: CemParams, rng: Rng): number[][] {
    const mean = Array.from({ length: horizon }, () => low.map((l, i) => (l + high[i]) / 2));
    const std = Array.from({ length: horizon }, () => low.map((l, i) => Math.max(Math.abs(l), Math.abs(high[i])) / 2));
    let best = mean.map((row) => row.slice());
    let bestReturn = -Infinity;
    for (let it = 0; it < p.iterations; it++) {
      const scored: { plan: number[][]; ret: number }[] = [];
      for (let k = 0; k < p.samples; k++) {
        const plan = mean.map((row, t) => row.map((m, i) => Math.min(high[i], Math.max(low[i], m + std[t][i] * rng.normal()))));
        const ret = sequenceReturn(model, obs, plan);
        scored.push({ plan, ret });
        if (ret > bestReturn) {
          bestReturn = ret;
          best = plan;
        }
      }
      scored.sort((a, b) => b.ret - a.ret);
      const elites = scored.slice(0, Math.max(1, Math.min(p.elites, scored.length)));
      for (let t = 0; t < horizon; t++) {
        for (let i = 0; i < low.length; i++) {
          const m = elites.reduce((s, e) => s + e.plan[t][i], 0) / elites.length;
          mean[t][i] = m;
          std[t][i] = Math.sqrt(elites.reduce((s, e) => s + (e.plan[t][i] - m) ** 2, 0) / elites.length);
        }
      }
    }
    return best;
  }

  /**
   * A planner over `model`: MCTS replanning every step for discrete actions; CEM for continuous
   * ones, running its best plan open-loop and replanning when it is exhausted, as in the paper.
   */
  function createPlanner(model: WorldModel, config: PlannerConfig): Planner {
    const rng = RngClass.seeded(config.seed);
    if (config.kind === 'mcts') {
      return { act: (obs) => mctsAct(model, obs, config.nActions, config.params, rng, config.stochastic === true), reset() {} };
    }
    let queue: number[][] = [];
    return {
      act(obs) {
        if (queue.length === 0) queue = cemPlan(model, obs, config.low, config.high, config.params.horizon, config.params, rng);
        return queue.shift()!;
      },
      reset() {
        queue = [];
      },
    };
  }

  return { createPlanner, mctsAct, cemPlan, softmaxSample };
}

/** The planners bound to this realm's Rng, for trusted models (the oracle, tests). */
export const { createPlanner, mctsAct, cemPlan, softmaxSample } = plannerRuntime(Rng);

/**
 * JavaScript source that evaluates to `{ createPlanner, mctsAct, cemPlan, softmaxSample }` in
 * another realm (the program runner in a browser worker or a Node child), built from the same
 * functions as above.
 */
export function plannerRuntimeSource(): string {
  // `__name`: tsx (esbuild with keepNames) rewrites function bodies to call a `__name` helper that
  // exists only in the module they came from; in another realm it must be provided.
  return `(function () { var __name = function (f) { return f; }; return (${plannerRuntime.toString()})(${Rng.toString()}); })()`;
}

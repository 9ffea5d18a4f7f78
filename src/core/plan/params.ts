/** MCTS planner settings; defaults are the paper's (Dainese et al. 2024, appendix on planning). */
export interface MctsParams {
  simulations: number;
  rolloutDepth: number;
  /** Exploration constant of UCT. */
  c: number;
  gamma: number;
  /** Value of an action never tried (on the normalized scale). */
  unexploredQ: number;
  /** Softmax temperature over the root's action values. */
  temperature: number;
}

/** CEM planner settings; defaults are the paper's. */
export interface CemParams {
  horizon: number;
  iterations: number;
  samples: number;
  elites: number;
}

/** Paper defaults: 25 simulations, rollouts up to 100 steps, C=1, γ=0.99, unexplored Q=1, T=0.01. */
export const MCTS_DEFAULTS: MctsParams = { simulations: 25, rolloutDepth: 100, c: 1, gamma: 0.99, unexploredQ: 1, temperature: 0.01 };

/** Paper defaults: horizon 100, 20 iterations, 1000 samples, 100 elites. */
export const CEM_DEFAULTS: CemParams = { horizon: 100, iterations: 20, samples: 1000, elites: 100 };

/** Everything a planner needs besides the model: the action space and its settings. */
export type PlannerConfig =
  { kind: 'mcts'; nActions: number; params: MctsParams; seed: number; stochastic?: boolean } | { kind: 'cem'; low: number[]; high: number[]; params: CemParams; seed: number };

/** The planner config for an environment: MCTS over its discrete actions or CEM over its box. */
export function plannerConfig(
  spec: { action: import('../env/types').Space; episodeLimit: number | null; stochastic?: boolean },
  seed: number,
  overrides: { mcts?: Partial<MctsParams>; cem?: Partial<CemParams> } = {},
): PlannerConfig {
  const space = spec.action;
  if (space.kind === 'discrete') {
    const config: PlannerConfig = { kind: 'mcts', nActions: space.n, params: { ...MCTS_DEFAULTS, ...overrides.mcts }, seed };
    // A random world is planned in open loop: action values average over sampled outcomes.
    return spec.stochastic ? { ...config, stochastic: true } : config;
  }
  if (space.kind === 'box') {
    const params = { ...CEM_DEFAULTS, ...overrides.cem };
    // The horizon is clipped to the episode limit.
    params.horizon = Math.min(params.horizon, spec.episodeLimit ?? params.horizon);
    return { kind: 'cem', low: space.low.slice(), high: space.high.slice(), params, seed };
  }
  throw new Error('planning over multi-discrete actions is not supported');
}

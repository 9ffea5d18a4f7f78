import type { Action, EnvPack, Obs } from '../env/types';
import { sampleAction } from '../env/record';
import { Rng } from '../rng';
import { checkAction } from './action';
import { mean, planningLimit, runEpisode, type EpisodeStep } from './episode';
import { normalizedReturn, type NormalizedReturn } from './normalized';
import { plannerConfig, type CemParams, type MctsParams, type PlannerConfig } from './params';
import { createPlanner } from './runtime';

/**
 * A CWM and a planner living together in an isolated realm (a browser worker or a Node child
 * process). The outside only asks "which action from this observation"; model steps never cross it.
 */
export interface ModelSession {
  /** The planned action from a real observation, as a plain value (still to be checked). */
  act(obs: Obs): Promise<Action>;
  /** Forgets any open-loop plan; called at the start of every episode. */
  reset(): Promise<void>;
  /** Ends the realm. */
  close(): Promise<void>;
}

/** Loads a program with the planner runtime into a fresh realm; rejects with a PlanningModelError. */
export type OpenModelSession = (program: string, config: PlannerConfig, options: { timeoutMs: number }) => Promise<ModelSession>;

/**
 * A failure of the model while planning. `fatal` means the realm is gone or cannot be trusted to
 * answer in time (a timeout, a crashed worker, a program that does not load).
 */
export class PlanningModelError extends Error {
  constructor(
    message: string,
    readonly fatal: boolean,
  ) {
    super(message);
    this.name = 'PlanningModelError';
  }
}

/** Which of the three policies is acting. */
export type PlanningPhase = 'random' | 'oracle' | 'model';

/** One step of one evaluation episode, for progress bars and animation. */
export interface PlanningProgress {
  phase: PlanningPhase;
  episode: number;
  episodes: number;
  step: EpisodeStep;
  /** The step's action came from the random fallback, not the model. */
  fallback?: boolean;
}

/** Settings shared by the three policies of one evaluation. */
export interface PlanningOptions {
  pack: EnvPack;
  /** Episodes per policy; the paper uses 10. */
  episodes?: number;
  seed: number;
  /** Planner settings; missing ones take the paper's defaults. */
  planner?: { mcts?: Partial<MctsParams>; cem?: Partial<CemParams> };
  onProgress?: (progress: PlanningProgress) => void;
  signal?: AbortSignal;
}

/** What the model's episodes gave, beyond their returns. */
export interface ModelReturns {
  returns: number[];
  /** Steps where the model gave no usable action and a random action was taken instead. */
  fallbacks: number;
  steps: number;
  /** The first thing that went wrong in the model, if anything did. */
  modelError?: string;
}

/** The normalized return and everything it was computed from. */
export interface PlanningResult extends NormalizedReturn, Omit<ModelReturns, 'returns'> {
  episodes: number;
  returns: { model: number[]; random: number[]; oracle: number[] };
}

/** Wall-clock limit of one `act` call by default: a CEM replan runs 2 million model steps. */
export function defaultActTimeoutMs(config: PlannerConfig): number {
  return config.kind === 'cem' ? 120_000 : 10_000;
}

/**
 * The seeds of the evaluation. Episode e of every policy starts from the same reset RNG, so the
 * random policy, the oracle and the model face the same initial states; the planner seed is the
 * same for the oracle and the model.
 */
export function planningSeeds(seed: number, episodes: number): { resets: number[]; policy: number; planner: number } {
  const base = Rng.seeded(seed);
  const resets = Array.from({ length: episodes }, () => base.nextUint32());
  return { resets, policy: base.nextUint32(), planner: seed >>> 0 };
}

function requireSimulator(pack: EnvPack) {
  if (!pack.createSimulator) throw new Error(`planning needs a simulator, and ${pack.spec.id} has none; pick an environment with a reference simulator`);
  return pack.createSimulator;
}

type Policy = (obs: Obs, episode: number) => Promise<{ action: Action; fallback?: boolean }>;

async function runPhase(options: PlanningOptions, phase: PlanningPhase, policy: Policy, onEpisode?: (episode: number) => Promise<void>): Promise<number[]> {
  const { pack, signal } = options;
  const episodes = options.episodes ?? 10;
  const sim = requireSimulator(pack)();
  const seeds = planningSeeds(options.seed, episodes);
  const out: number[] = [];
  for (let e = 0; e < episodes; e++) {
    signal?.throwIfAborted();
    await onEpisode?.(e);
    let fallback = false;
    const ret = await runEpisode(
      sim,
      async (obs) => {
        signal?.throwIfAborted();
        const chosen = await policy(obs, e);
        fallback = chosen.fallback ?? false;
        return chosen.action;
      },
      Rng.seeded(seeds.resets[e]),
      planningLimit(pack.spec),
      (step) => options.onProgress?.({ phase, episode: e, episodes, step, fallback }),
    );
    out.push(ret);
  }
  return out;
}

/** Returns of uniformly random actions over the evaluation episodes (R_random). */
export function randomReturns(options: PlanningOptions): Promise<number[]> {
  const rng = Rng.seeded(planningSeeds(options.seed, options.episodes ?? 10).policy);
  return runPhase(options, 'random', async () => ({ action: sampleAction(options.pack.spec.action, rng) }));
}

/** Returns of the planner using the reference simulator as its model (R_oracle), in this realm. */
export function oracleReturns(options: PlanningOptions): Promise<number[]> {
  const createSim = requireSimulator(options.pack);
  const config = plannerConfig(options.pack.spec, planningSeeds(options.seed, 0).planner, options.planner);
  const planner = createPlanner(createSim(), config);
  return runPhase(
    options,
    'oracle',
    async (obs) => ({ action: planner.act(obs) }),
    async () => planner.reset(),
  );
}

/**
 * Returns of the planner using the candidate program as its model (R_cwm), through a session in
 * an isolated realm. How a failing model is counted: an `act` that throws or returns an invalid
 * action makes that one step act randomly (counted in `fallbacks`); a fatal failure (timeout,
 * crashed worker, a program that does not load) makes every remaining step random, so a broken
 * model scores like the random policy (R near 0, as the paper counts a failing model) and the
 * evaluation still ends in bounded time. The first error is reported in `modelError`.
 */
export async function modelReturns(options: PlanningOptions & { program: string; open: OpenModelSession; timeoutMs?: number }): Promise<ModelReturns> {
  const { pack } = options;
  const config = plannerConfig(pack.spec, planningSeeds(options.seed, 0).planner, options.planner);
  const fallbackRng = Rng.seeded(planningSeeds(options.seed, options.episodes ?? 10).policy ^ 0x5bd1e995);
  let session: ModelSession | null = null;
  let modelError: string | undefined;
  let fallbacks = 0;
  let steps = 0;
  const fail = (error: unknown) => {
    modelError ??= error instanceof Error ? error.message : String(error);
    if (error instanceof PlanningModelError && !error.fatal) return;
    const dead = session;
    session = null;
    void dead?.close().catch(() => {});
  };
  try {
    session = await options.open(options.program, config, { timeoutMs: options.timeoutMs ?? defaultActTimeoutMs(config) });
  } catch (error) {
    fail(error instanceof PlanningModelError ? error : new PlanningModelError(String(error instanceof Error ? error.message : error), true));
  }
  const random = () => {
    fallbacks++;
    return { action: sampleAction(pack.spec.action, fallbackRng), fallback: true };
  };
  try {
    const returns = await runPhase(
      options,
      'model',
      async (obs) => {
        steps++;
        if (!session) return random();
        let answer: unknown;
        try {
          answer = await session.act(obs);
        } catch (error) {
          options.signal?.throwIfAborted();
          fail(error);
          return random();
        }
        const checked = checkAction(answer, pack.spec.action);
        if (checked.ok) return { action: checked.action };
        fail(new PlanningModelError(checked.error, false));
        return random();
      },
      async () => {
        try {
          await session?.reset();
        } catch (error) {
          fail(new PlanningModelError(error instanceof Error ? error.message : String(error), true));
        }
      },
    );
    return { returns, fallbacks, steps, ...(modelError === undefined ? {} : { modelError }) };
  } finally {
    await (session as ModelSession | null)?.close().catch(() => {});
  }
}

/**
 * The paper's normalized return of a program: the mean return over
 * `episodes` episodes of the reference simulator for random actions, for the planner with the
 * reference simulator as its model (oracle), and for the same planner with the program as its
 * model, run through `open` in an isolated realm. Rejects when the pack has no simulator or the
 * signal aborts.
 */
export async function evaluatePlanning(options: PlanningOptions & { program: string; open: OpenModelSession; timeoutMs?: number }): Promise<PlanningResult> {
  requireSimulator(options.pack);
  const episodes = options.episodes ?? 10;
  const random = await randomReturns(options);
  const oracle = await oracleReturns(options);
  const model = await modelReturns(options);
  return {
    ...normalizedReturn(mean(model.returns), mean(random), mean(oracle)),
    episodes,
    returns: { model: model.returns, random, oracle },
    fallbacks: model.fallbacks,
    steps: model.steps,
    ...(model.modelError === undefined ? {} : { modelError: model.modelError }),
  };
}

import type { EnvPack } from '../core/env/types';
import { CEM_DEFAULTS, MCTS_DEFAULTS, type CemParams, type MctsParams } from '../core/plan/params';
import { planningLimit } from '../core/plan/episode';
import type { NormalizedReturn } from '../core/plan/normalized';
import { evaluatePlanning, type PlanningProgress, type PlanningResult } from '../core/plan/session';
import { openNodeModelSession } from '../sandbox/node/plan-session';
import { command, intFlag, parseArgs, rejectUnknown, stringFlag, UsageError, type ParsedArgs } from './args';
import { packFromArgs } from './eval';
import { readText } from './io';

/** Planner settings settable from the command line, each defaulting to the paper's value. */
export const PLANNER_FLAGS = ['simulations', 'rollout-depth', 'horizon', 'iterations', 'samples', 'elites'] as const;
const FLAGS = ['env', 'program', 'episodes', 'seed', 'json', 'timeout-ms', ...PLANNER_FLAGS];

/** The planner overrides named by --simulations, --rollout-depth, --horizon, --iterations, --samples, --elites. */
export function plannerFromArgs(args: ParsedArgs): { mcts: Partial<MctsParams>; cem: Partial<CemParams> } {
  return {
    mcts: { simulations: intFlag(args, 'simulations', MCTS_DEFAULTS.simulations, 1), rolloutDepth: intFlag(args, 'rollout-depth', MCTS_DEFAULTS.rolloutDepth, 0) },
    cem: {
      horizon: intFlag(args, 'horizon', CEM_DEFAULTS.horizon, 1),
      iterations: intFlag(args, 'iterations', CEM_DEFAULTS.iterations, 1),
      samples: intFlag(args, 'samples', CEM_DEFAULTS.samples, 1),
      elites: intFlag(args, 'elites', CEM_DEFAULTS.elites, 1),
    },
  };
}

/** The pack named by --env, which must have a reference simulator to plan in. */
export function planningPackFromArgs(args: ParsedArgs): EnvPack {
  const pack = packFromArgs(args);
  if (!pack.createSimulator) {
    throw new UsageError(`planning needs a simulator, and "${pack.spec.id}" has none (its data are transitions only); pick an environment with a reference simulator (\`cwm envs\`)`);
  }
  if (pack.spec.action.kind === 'multi-discrete') throw new UsageError(`planning over multi-discrete actions is not supported ("${pack.spec.id}")`);
  return pack;
}

/** One line per finished episode on stderr, so a long evaluation shows it is alive. */
export function episodeReporter(limit: number, write: (line: string) => void): (p: PlanningProgress) => void {
  let total = 0;
  return (p) => {
    total += p.step.reward;
    if (!p.step.done && p.step.t < limit - 1) return;
    write(`[${p.phase}] episode ${p.episode + 1}/${p.episodes}: return ${Number(total.toFixed(4))}\n`);
    total = 0;
  };
}

/**
 * The lines every planning report starts with: the header, the returns of the random policy
 * (`randomPolicy` says what it draws from), the oracle and the model, and R.
 */
export function returnLines(result: NormalizedReturn, header: string, randomPolicy: string): string[] {
  const f = (x: number) => x.toFixed(2);
  return [
    header,
    `random    ${f(result.returnRandom)}  (mean return of ${randomPolicy})`,
    `oracle    ${f(result.returnOracle)}  (the planner with the reference simulator as its model)`,
    `model     ${f(result.returnModel)}  (the planner with this program as its model)`,
    result.normalizedReturn === null ? `R         N/A: ${result.reason}` : `R         ${result.normalizedReturn.toFixed(4)}  (model − random) / (oracle − random)`,
  ];
}

/** The readable report of `cwm plan` without --json. */
export function formatPlanning(result: PlanningResult, header: string): string {
  const lines = returnLines(result, header, 'uniformly random actions');
  if (result.modelError) lines.push(`model failed: ${result.modelError}; ${result.fallbacks} of ${result.steps} steps acted randomly instead`);
  return lines.join('\n');
}

/**
 * `cwm plan --env <id> --program <file.js> [--episodes 10] [--seed n] [--json]`: the program's
 * normalized return with the paper's planner settings unless overridden.
 * The program and the planner run in a permission-limited child process, the program in an SES
 * compartment (src/sandbox/node); the real environment runs here.
 * Exit 0 when done, 2 on bad input (unknown env, no simulator, unreadable program).
 */
export const planCommand = command('plan', plan);

async function plan(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  // RTFM plans with its own breadth-first planner over batches of model steps.
  if (stringFlag(args, 'env') === 'rtfm') {
    rejectUnknown(args, ['env', 'program', 'episodes', 'seed', 'json', 'timeout-ms', 'depth']);
    return (await import('./rtfm-plan')).planRtfm(args, await readText(stringFlag(args, 'program', true), 'program'));
  }
  rejectUnknown(args, FLAGS);
  const pack = planningPackFromArgs(args);
  const programFile = stringFlag(args, 'program', true);
  const episodes = intFlag(args, 'episodes', 10, 1);
  const seed = intFlag(args, 'seed', 0);
  const timeoutMs = args.flags.has('timeout-ms') ? intFlag(args, 'timeout-ms', 0, 1) : undefined;
  const planner = plannerFromArgs(args);
  const program = await readText(programFile, 'program');
  const controller = new AbortController();
  const onSigint = () => controller.abort(new UsageError('stopped by the user (Ctrl-C)'));
  process.once('SIGINT', onSigint);
  try {
    const result = await evaluatePlanning({
      pack,
      program,
      open: openNodeModelSession,
      episodes,
      seed,
      planner,
      timeoutMs,
      signal: controller.signal,
      onProgress: episodeReporter(planningLimit(pack.spec), (line) => process.stderr.write(line)),
    });
    if (args.flags.has('json')) {
      const { returnModel, returnRandom, returnOracle, normalizedReturn, reason, fallbacks, steps, modelError, returns } = result;
      console.log(
        JSON.stringify({ returnModel, returnRandom, returnOracle, normalizedReturn, ...(reason ? { reason } : {}), episodes, seed, returns, fallbacks, steps, ...(modelError ? { modelError } : {}) }),
      );
    } else {
      console.log(formatPlanning(result, `${pack.spec.id} · ${programFile} · ${episodes} episodes · seed ${seed}`));
    }
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

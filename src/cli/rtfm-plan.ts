import { planRtfmProgram } from '../../envs/rtfm/bench-cell';
import { DEFAULT_TIMEOUT_MS } from '../core/cwm/evaluate';
import { RTFM_PLAN_DEFAULTS, type RtfmPlanParams, type RtfmPlanResult } from '../core/rtfm/plan';
import { createNodeRunner } from '../sandbox/node/pool';
import { intFlag, type ParsedArgs } from './args';
import { returnLines } from './plan';

/** The RTFM planner's settings from --episodes and --depth. */
export function rtfmPlanParamsFromArgs(args: ParsedArgs): RtfmPlanParams {
  return { ...RTFM_PLAN_DEFAULTS, episodes: intFlag(args, 'episodes', RTFM_PLAN_DEFAULTS.episodes, 1), depth: intFlag(args, 'depth', RTFM_PLAN_DEFAULTS.depth, 1) };
}

/** The readable report of `cwm plan --env rtfm`. */
export function formatRtfmPlanning(result: RtfmPlanResult, header: string): string {
  const lines = returnLines(result, header, 'uniformly random valid actions');
  if (result.modelError) lines.push(`model failed: ${result.modelError}; the planner acted randomly from then on`);
  return lines.join('\n');
}

/** `cwm plan --env rtfm --program f.js [--episodes 10] [--seed n] [--depth 16] [--json]`. */
export async function planRtfm(args: ParsedArgs, program: string): Promise<number> {
  const params = rtfmPlanParamsFromArgs(args);
  const seed = intFlag(args, 'seed', 0);
  const timeoutMs = intFlag(args, 'timeout-ms', DEFAULT_TIMEOUT_MS, 1);
  const runner = createNodeRunner();
  try {
    const result = await planRtfmProgram(runner, program, seed, params, timeoutMs);
    if (args.flags.has('json')) console.log(JSON.stringify(result));
    else console.log(formatRtfmPlanning(result, `rtfm · ${params.episodes} episodes · seed ${seed} · breadth-first planner (depth ${params.depth}, replans when the game departs from the model)`));
  } finally {
    await runner.close();
  }
  return 0;
}

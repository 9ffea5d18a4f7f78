import { findPack } from '../../envs/index';
import { checkTransitions } from '../core/env/check';
import { markCutoffs } from '../core/env/dataset';
import type { EnvPack, Transition } from '../core/env/types';
import { DEFAULT_SAMPLES, DEFAULT_TIMEOUT_MS, evaluateProgram } from '../core/cwm/evaluate';
import type { EvalResult, RewardMode } from '../core/cwm/types';
import { createNodeRunner } from '../sandbox/node/pool';
import { command, intFlag, parseArgs, rejectUnknown, stringFlag, UsageError, type ParsedArgs } from './args';
import { readJson, readText } from './io';

/** The pack named by --env, or a UsageError listing how to find the ids. */
export function packFromArgs(args: ParsedArgs): EnvPack {
  const envId = stringFlag(args, 'env', true);
  const pack = findPack(envId);
  if (!pack) throw new UsageError(`unknown environment "${envId}"; run \`cwm envs\` to list them`);
  return pack;
}

/** The dataset named by --transitions, checked against the env, or the pack's default one. */
export async function transitionsFromArgs(args: ParsedArgs, pack: EnvPack): Promise<{ transitions: Transition[]; label: string }> {
  const file = stringFlag(args, 'transitions');
  if (!file) {
    const source = pack.datasets[0];
    return { transitions: await source.load(), label: source.label };
  }
  const checked = checkTransitions(await readJson(file, 'transitions file'), pack.spec);
  if (!checked.ok) throw new UsageError(`${file}: ${checked.error}`);
  return { transitions: markCutoffs(checked.transitions, pack.spec.episodeLimit), label: file };
}

function rewardFromArgs(args: ParsedArgs): RewardMode {
  const reward = stringFlag(args, 'reward') ?? 'tolerant';
  if (reward !== 'tolerant' && reward !== 'paper') throw new UsageError(`--reward must be "tolerant" or "paper", got "${reward}"`);
  return reward;
}

const fmt = (x: number) => x.toFixed(6);

/** The short readable report of `cwm eval` without --json. */
export function formatReport(result: EvalResult, header: string): string {
  const lines = [header];
  if (result.bug) {
    lines.push(`bug       ${result.bug}`, `score     0 (a buggy program scores 0; fix the error above)`);
    return lines.join('\n');
  }
  const b = result.breakdown;
  lines.push(
    `score     ${fmt(result.score)}  (weighted by reward rarity)`,
    `accuracy  ${fmt(result.accuracy)}  (plain mean)`,
    `correct   ${result.correct} / ${result.total} transitions`,
    `parts     next state ${b.state.toFixed(4)} · reward ${b.reward.toFixed(4)} · done ${b.done.toFixed(4)}`,
    `solved    ${result.solved ? 'yes: every transition except time-limit cut-offs is correct' : 'no'}`,
  );
  const d = result.distribution;
  if (d) {
    const likelihood = d.logLikelihood === null ? `CRPS ${d.crps?.toFixed(6)}` : `log-likelihood ${d.logLikelihood.toFixed(4)} nats`;
    const tv = d.tv === null ? '' : ` · TV ${d.tv.toFixed(4)} over ${d.repeatedPairs} repeated (state, action) pairs`;
    lines.push(`distrib.  ${fmt(d.score)}  (${d.samples} samples per transition; ${likelihood}${tv})`);
  }
  const f = result.firstFailure;
  if (f) {
    lines.push(
      `first failing transition #${f.index}: state ${JSON.stringify(f.state)}, action ${JSON.stringify(f.action)}`,
      `  expected  ${JSON.stringify(f.expected)}`,
      `  predicted ${JSON.stringify(f.predicted)}`,
    );
  }
  return lines.join('\n');
}

/**
 * Every value of a flag that may repeat (`--program a.js --program b.js`, or `--program=a.js`),
 * in order.
 */
export function repeatedFlag(argv: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}` && i + 1 < argv.length && !argv[i + 1].startsWith('--')) values.push(argv[++i]);
    else if (argv[i].startsWith(`--${name}=`)) values.push(argv[i].slice(name.length + 3));
  }
  return values;
}

/**
 * `cwm eval --env <id> --program <file.js> [--program <file.js> …] [--transitions f]
 * [--reward tolerant|paper] [--seed n] [--samples k] [--json]`: scores the programs in order, in one process
 * on one evaluator pool. With --json it prints one object per program per line: the metric's
 * fields plus `program` (the file) and `ms` (wall-clock time of its evaluation).
 */
export const evalCommand = command('eval', evaluate);

async function evaluate(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  // RTFM's states are boards, not numbers: it has its own scorer and flags.
  if (stringFlag(args, 'env') === 'rtfm') {
    rejectUnknown(args, ['env', 'program', 'transitions', 'protocol', 'seed', 'draws', 'json', 'timeout-ms']);
    return (await import('./rtfm-eval')).evaluateRtfm(args, await readText(stringFlag(args, 'program', true), 'program'));
  }
  rejectUnknown(args, ['env', 'program', 'transitions', 'reward', 'json', 'timeout-ms', 'seed', 'samples']);
  const pack = packFromArgs(args);
  stringFlag(args, 'program', true);
  const files = repeatedFlag(argv, 'program');
  // Every file is read before anything runs, so a typo in the last one costs no evaluation.
  const programs = await Promise.all(files.map((file) => readText(file, 'program')));
  const reward = rewardFromArgs(args);
  const timeoutMs = intFlag(args, 'timeout-ms', DEFAULT_TIMEOUT_MS, 1);
  const seed = intFlag(args, 'seed', 0, 0);
  // Stochastic worlds are scored as distributions by default; --samples 1 gives the metric alone.
  const samples = intFlag(args, 'samples', pack.spec.stochastic ? DEFAULT_SAMPLES : 1, 1);
  const { transitions, label } = await transitionsFromArgs(args, pack);
  const runner = createNodeRunner();
  try {
    for (let i = 0; i < programs.length; i++) {
      const t0 = performance.now();
      const result = await evaluateProgram(runner, programs[i], transitions, pack.spec, { reward, timeoutMs, seed, samples });
      const ms = Math.round((performance.now() - t0) * 100) / 100;
      if (args.flags.has('json')) console.log(JSON.stringify({ ...result, program: files[i], ms }));
      else {
        const header = `${files.length > 1 ? `${files[i]} · ` : ''}${pack.spec.id} · ${label} (${transitions.length} transitions) · reward ${reward}`;
        console.log(formatReport(result, header) + (i < programs.length - 1 ? '\n' : ''));
      }
    }
  } finally {
    await runner.close();
  }
  return 0;
}

import { findPack } from '../../envs/index';
import { checkTransitions } from '../core/env/check';
import { markCutoffs } from '../core/env/dataset';
import type { EnvPack, Transition } from '../core/env/types';
import { DEFAULT_TIMEOUT_MS, evaluateProgram } from '../core/cwm/evaluate';
import type { EvalResult, RewardMode } from '../core/cwm/types';
import { createNodeRunner } from '../node/node-runner';
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

/** `cwm eval --env <id> --program <file.js> [--transitions f] [--reward tolerant|paper] [--json]`. */
export const evalCommand = command('eval', evaluate);

async function evaluate(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  // RTFM's states are boards, not numbers: it has its own scorer and flags.
  if (stringFlag(args, 'env') === 'rtfm') {
    rejectUnknown(args, ['env', 'program', 'transitions', 'protocol', 'seed', 'draws', 'json', 'timeout-ms']);
    return (await import('./rtfm-eval')).evaluateRtfm(args, await readText(stringFlag(args, 'program', true), 'program'));
  }
  rejectUnknown(args, ['env', 'program', 'transitions', 'reward', 'json', 'timeout-ms']);
  const pack = packFromArgs(args);
  const programFile = stringFlag(args, 'program', true);
  const program = await readText(programFile, 'program');
  const reward = rewardFromArgs(args);
  const timeoutMs = intFlag(args, 'timeout-ms', DEFAULT_TIMEOUT_MS, 1);
  const { transitions, label } = await transitionsFromArgs(args, pack);
  const runner = createNodeRunner();
  try {
    const result = await evaluateProgram(runner, program, transitions, pack.spec, { reward, timeoutMs });
    if (args.flags.has('json')) console.log(JSON.stringify(result));
    else console.log(formatReport(result, `${pack.spec.id} · ${label} (${transitions.length} transitions) · reward ${reward}`));
  } finally {
    await runner.close();
  }
  return 0;
}

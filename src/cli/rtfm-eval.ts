import { rtfmPack } from '../../envs/rtfm';
import { DEFAULT_TIMEOUT_MS } from '../core/cwm/evaluate';
import { checkRtfmTransitions } from '../core/rtfm/check';
import { evaluateStructured } from '../core/rtfm/evaluate';
import { formatRtfmFailure } from '../core/rtfm/format';
import { PAPER_DRAWS } from '../core/rtfm/sample';
import type { RtfmEvalResult, RtfmProtocol, RtfmTransition } from '../core/rtfm/types';
import { createNodeRunner } from '../sandbox/node/pool';
import { intFlag, stringFlag, UsageError, type ParsedArgs } from './args';
import { readJson } from './io';

/** The RTFM dataset named by --transitions (checked), or the paper's recorded buffer. */
export async function rtfmTransitionsFromArgs(args: ParsedArgs): Promise<{ transitions: RtfmTransition[]; label: string }> {
  const file = stringFlag(args, 'transitions');
  if (!file) return { transitions: await rtfmPack.dataset.load(), label: rtfmPack.dataset.label };
  const checked = checkRtfmTransitions(await readJson(file, 'transitions file'));
  if (!checked.ok) throw new UsageError(`${file}: ${checked.error}`);
  return { transitions: checked.transitions, label: file };
}

/** `--protocol all` (default: each transition once) or `--protocol paper` (the paper's 1000 draws with replacement, `--seed`). */
export function rtfmProtocolFromArgs(args: ParsedArgs): RtfmProtocol {
  const protocol = stringFlag(args, 'protocol') ?? 'all';
  if (protocol === 'all') return { kind: 'all' };
  if (protocol === 'paper') return { kind: 'paper-draws', draws: intFlag(args, 'draws', PAPER_DRAWS, 1), seed: intFlag(args, 'seed', 0) };
  throw new UsageError(`--protocol must be "all" (each transition once) or "paper" (${PAPER_DRAWS} draws with replacement), got "${protocol}"`);
}

const fmt = (x: number) => x.toFixed(6);

/** The short readable report of `cwm eval --env rtfm`. */
export function formatRtfmReport(result: RtfmEvalResult, header: string): string {
  const lines = [header];
  if (result.bug) return [...lines, `bug       ${result.bug}`, 'score     0 (a buggy program scores 0; fix the error above)'].join('\n');
  const p = result.parts;
  lines.push(
    `score     ${fmt(result.score)}  (weighted by reward class: wins, losses and other steps weigh the same)`,
    `accuracy  ${fmt(result.accuracy)}  (plain mean)`,
    `correct   ${result.correct} / ${result.total} ${result.protocol.kind === 'all' ? 'transitions' : 'draws'}`,
    `parts     board ${p.board.toFixed(4)} · inventory ${p.inventory.toFixed(4)} · valid actions ${p.validActions.toFixed(4)} · reward ${p.reward.toFixed(4)} · done ${p.done.toFixed(4)}`,
    `solved    ${result.solved ? 'yes: every scored transition is correct' : 'no'}`,
  );
  if (result.rtfmFailure) lines.push(`first failing transition #${result.rtfmFailure.index}:`, formatRtfmFailure(result.rtfmFailure).replace(/^/gm, '  '));
  return lines.join('\n');
}

/** `cwm eval --env rtfm --program f.js [--protocol all|paper] [--seed n] [--draws n] [--transitions f] [--json]`. */
export async function evaluateRtfm(args: ParsedArgs, program: string): Promise<number> {
  const protocol = rtfmProtocolFromArgs(args);
  const timeoutMs = intFlag(args, 'timeout-ms', DEFAULT_TIMEOUT_MS, 1);
  const { transitions, label } = await rtfmTransitionsFromArgs(args);
  const runner = createNodeRunner();
  try {
    const result = await evaluateStructured(runner, program, transitions, { protocol, timeoutMs });
    const how = protocol.kind === 'all' ? 'each transition once' : `paper protocol: ${protocol.draws} draws with replacement, seed ${protocol.seed}`;
    if (args.flags.has('json')) console.log(JSON.stringify(result));
    else console.log(formatRtfmReport(result, `rtfm · ${label} (${transitions.length} transitions) · ${how}`));
  } finally {
    await runner.close();
  }
  return 0;
}

import type { EnvPack, Transition } from '../core/env/types';
import { datasetHash } from '../core/env/dataset';
import { evaluateProgram } from '../core/cwm/evaluate';
import { createReplayClient, LlmError, PAPER_SAMPLING, type LlmClient, type ProviderSettings, type ReplayClient } from '../core/llm';
import { Rng } from '../core/rng';
import { validateRunRecord } from '../core/run/validate';
import type { RunRecord } from '../core/run/types';
import { getStrategy, isStrategyId } from '../core/search/registry';
import type { SearchEvent, SearchSession } from '../core/search/types';
import { createNodeRunner } from '../node/node-runner';
import { command, intFlag, parseArgs, rejectUnknown, stringFlag, UsageError, type ParsedArgs } from './args';
import { packFromArgs, transitionsFromArgs } from './eval';
import { readJson, writeText } from './io';
import { liveClientFromArgs, providerAnswers } from './provider';

const FLAGS = ['env', 'strategy', 'budget', 'seed', 'provider', 'base-url', 'model', 'api-key-env', 'transitions', 'run', 'out'];

/** The model client named by --provider; the key comes from an environment variable, never argv. */
function clientFromArgs(args: ParsedArgs, provider: string, saved: RunRecord | null): { llm: LlmClient; replay: ReplayClient | null; settings?: ProviderSettings } {
  if (provider === 'replay') {
    if (!saved) throw new UsageError('--provider replay answers from a recorded run; pass it with --run <run.json>');
    const replay = createReplayClient(saved);
    return { llm: replay, replay };
  }
  const live = liveClientFromArgs(args, provider);
  return { llm: live.llm, replay: null, settings: live.settings };
}

async function savedRun(args: ParsedArgs): Promise<RunRecord | null> {
  const file = stringFlag(args, 'run');
  if (!file) return null;
  const checked = validateRunRecord(await readJson(file, 'run record'));
  if (!checked.ok) throw new UsageError(`${file}: ${checked.error}`);
  if (checked.record.env.custom) throw new UsageError(`${file} was made on a custom environment; continue it in the playground, the CLI searches built-in environments only`);
  return checked.record;
}

/** One progress line per call, on stderr. */
function progress(budget: number): (event: SearchEvent) => void {
  let kind = '';
  let parent = 0;
  let best = 0;
  let calls = 0;
  return (e) => {
    if (e.type === 'call-start') {
      kind = e.kind;
      parent = e.parentId;
      calls = e.callId + 1;
    } else if (e.type === 'best') {
      best = e.score;
    } else if (e.type === 'node' && e.node.action !== 'user') {
      const outcome = e.node.bug ? `bug: ${e.node.bug}` : `score ${e.node.score.toFixed(4)}`;
      const score = Math.max(best, e.node.score);
      process.stderr.write(`[call ${calls}] ${kind} of node ${parent} → node ${e.node.id}: ${outcome} (best ${score.toFixed(4)}, budget ${budget})\n`);
    } else if (e.type === 'call-error') {
      process.stderr.write(`[call ${e.callId + 1}] failed: ${e.error}\n`);
    }
  };
}

function checkResumable(saved: RunRecord, pack: EnvPack, transitions: Transition[], strategy: string): void {
  if (saved.env.id !== pack.spec.id) throw new UsageError(`the run was made on "${saved.env.id}", not "${pack.spec.id}"; pass --env ${saved.env.id}`);
  if (saved.strategy !== strategy) throw new UsageError(`the run used --strategy ${saved.strategy}; pass that strategy to continue or replay it`);
  const hash = datasetHash(transitions);
  if (saved.env.datasetHash !== hash) {
    throw new UsageError(`the run was scored on another dataset (hash ${saved.env.datasetHash}, this one ${hash}); pass the same --transitions file it was made with`);
  }
}

/**
 * `cwm search`: runs a whole search headless and writes the run record.
 * With --run and a live provider it continues the saved run; with --provider replay it rebuilds
 * the saved run from its recorded completions. Exit 0 when done, 2 on bad input, 1 when a model
 * call fails for good (the run so far is written to --out first).
 */
export const searchCommand = command('search', search);

async function search(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  rejectUnknown(args, FLAGS);
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('missing --out: name the file to write the run record to, e.g. --out run.json');
  const saved = await savedRun(args);
  if (!args.flags.has('env') && saved) args.flags.set('env', saved.env.id);
  const pack = packFromArgs(args);
  const strategyId = stringFlag(args, 'strategy') ?? saved?.strategy;
  if (!strategyId) throw new UsageError('missing --strategy: use gif-mcts, worldcoder, best-of-n or refine');
  if (!isStrategyId(strategyId)) throw new UsageError(`unknown --strategy "${strategyId}"; use gif-mcts, worldcoder, best-of-n or refine`);
  const provider = stringFlag(args, 'provider');
  if (!provider) throw new UsageError('missing --provider: use openai (or any OpenAI-compatible server with --base-url), anthropic, or replay with --run');
  const isReplay = provider === 'replay';
  const recordedCalls = saved ? saved.calls.filter((c) => !c.error).length : 0;
  if (!args.flags.has('budget') && !isReplay) throw new UsageError('missing --budget: the number of model calls, e.g. --budget 20');
  const budget = intFlag(args, 'budget', recordedCalls, 1);
  const seed = isReplay && saved ? saved.seed : intFlag(args, 'seed', 0);
  const { llm, replay, settings } = clientFromArgs(args, provider, saved);
  const { transitions } = await transitionsFromArgs(args, pack);
  if (saved) checkResumable(saved, pack, transitions, strategyId);
  if (settings && !(await providerAnswers('search', settings))) return 1;

  const runner = createNodeRunner();
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const sampling = { ...PAPER_SAMPLING };
  const strategy = getStrategy(strategyId);
  const context = {
    spec: pack.spec,
    description: pack.spec.description,
    transitions,
    llm,
    evaluate: (program: string, signal?: AbortSignal) => evaluateProgram(runner, program, transitions, pack.spec, { signal }),
    rng: Rng.seeded(seed),
    sampling,
    budget,
    seed,
    params: saved?.params,
    onEvent: progress(budget),
  };
  // Replay starts over from the record's seed; a live provider continues the saved run.
  const session: SearchSession = strategy.create(context, saved && !isReplay ? saved : undefined);
  const write = async () => {
    const record = session.snapshot();
    record.params = { ...record.params, sampling };
    await writeText(out, JSON.stringify(record, null, 2) + '\n', 'run record');
    return record;
  };
  try {
    while (!session.finished && !controller.signal.aborted) {
      try {
        await session.step(controller.signal);
      } catch (error) {
        // A replayed run fails again where the original failed; the next call carries on.
        if (replay && saved?.calls[replay.position - 1]?.error && replay.remaining > 0) continue;
        if (controller.signal.aborted) break;
        await write();
        const why = error instanceof LlmError ? error.message : String(error);
        process.stderr.write(`cwm search: the model call failed: ${why}\nThe run so far is in ${out}; continue it with --run ${out}.\n`);
        return 1;
      }
    }
    const record = await write();
    const best = record.best;
    const state = controller.signal.aborted ? 'stopped' : best && record.nodes.some((n) => n.id === best.nodeId) && record.resume?.solved ? 'solved' : 'budget used';
    process.stdout.write(
      `${state}: ${record.calls.length} calls, ${record.nodes.length - 1} programs, best node ${best?.nodeId ?? '-'} score ${(best?.score ?? 0).toFixed(6)}; run written to ${out}\n`,
    );
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
    await runner.close();
  }
}

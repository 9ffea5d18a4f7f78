import type { EnvPack } from '../core/env/types';
import { datasetHash } from '../core/env/dataset';
import { evaluateProgram } from '../core/cwm/evaluate';
import { searchScoring } from '../core/cwm/objective';
import { createReplayClient, LlmError, type LlmClient, type ProviderSettings, type ReplayClient } from '../core/llm';
import { Rng } from '../core/rng';
import { validateRunRecord } from '../core/run/validate';
import type { RunRecord } from '../core/run/types';
import { getStrategy, isStrategyId } from '../core/search/registry';
import type { SearchEvent, SearchSession } from '../core/search/types';
import { createNodeRunner } from '../sandbox/node/pool';
import { command, intFlag, parseArgs, rejectUnknown, stringFlag, UsageError, type ParsedArgs } from './args';
import { packFromArgs, transitionsFromArgs } from './eval';
import { readJson, writeText } from './io';
import { liveClientFromArgs, providerAnswers } from './provider';
import { descriptionFromArgs, protocolFromArgs } from './protocol';
import { PROTOCOLS, descriptionText, paperBudget, protocolLabel, protocolSampling, recordDescription, recordProtocol } from '../core/protocol';

const FLAGS = ['env', 'strategy', 'budget', 'seed', 'provider', 'base-url', 'model', 'api-key-env', 'transitions', 'run', 'out', 'protocol', 'description', 'samples'];
/** RTFM's extra flag: the paper's 1,000 draws (its --protocol and --description mean its own scoring and text). */
const RTFM_FLAGS = ['draws'];

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

function checkResumable(saved: RunRecord, spec: EnvPack['spec'], hash: string, strategy: string): void {
  if (saved.env.id !== spec.id) throw new UsageError(`the run was made on "${saved.env.id}", not "${spec.id}"; pass --env ${saved.env.id}`);
  if (saved.strategy !== strategy) throw new UsageError(`the run used --strategy ${saved.strategy}; pass that strategy to continue or replay it`);
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
  const isRtfm = (stringFlag(args, 'env') ?? '') === 'rtfm';
  rejectUnknown(args, isRtfm ? [...FLAGS, ...RTFM_FLAGS] : FLAGS);
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('missing --out: name the file to write the run record to, e.g. --out run.json');
  const saved = await savedRun(args);
  if (!args.flags.has('env') && saved) args.flags.set('env', saved.env.id);
  // RTFM (boards, not numbers) is not among the numeric packs: its own dataset, texts and scorer.
  const rtfm = stringFlag(args, 'env') === 'rtfm' ? await (await import('./rtfm-search')).rtfmSearchTarget(args) : null;
  const pack = rtfm ? null : packFromArgs(args);
  const spec = rtfm ? rtfm.spec : (pack as EnvPack).spec;
  const strategyId = stringFlag(args, 'strategy') ?? saved?.strategy;
  if (!strategyId) throw new UsageError('missing --strategy: use gif-mcts, worldcoder, best-of-n or refine');
  if (!isStrategyId(strategyId)) throw new UsageError(`unknown --strategy "${strategyId}"; use gif-mcts, worldcoder, best-of-n or refine`);
  const provider = stringFlag(args, 'provider');
  if (!provider) throw new UsageError('missing --provider: use openai (or any OpenAI-compatible server with --base-url), anthropic, or replay with --run');
  const isReplay = provider === 'replay';
  const recordedCalls = saved ? saved.calls.filter((c) => !c.error).length : 0;
  // RTFM's --protocol and --description select its own scoring and text (see rtfm-search.ts).
  const protocol = rtfm ? ('playground' as const) : protocolFromArgs(args, saved ? recordProtocol(saved) : undefined);
  const variant = rtfm ? undefined : descriptionFromArgs(args, [spec], protocol)(spec.id);
  if (saved && variant && recordDescription(saved) !== variant) {
    throw new UsageError(`the run was made with the ${recordDescription(saved)} description; pass --description ${recordDescription(saved)} (or leave it out) to continue or replay it`);
  }
  if (!args.flags.has('budget') && !isReplay && (protocol !== 'paper' || rtfm))
    throw new UsageError("missing --budget: the number of model calls, e.g. --budget 20 (the paper protocol defaults to the paper's budget for the model)");
  const budgetFlag = args.flags.has('budget') ? intFlag(args, 'budget', 0, 1) : undefined;
  const seed = isReplay && saved ? saved.seed : intFlag(args, 'seed', 0);
  // Stochastic worlds are searched with the distributional score as the reward by default.
  // A saved run is continued or replayed with the samples it was scored with.
  const requested = args.flags.has('samples') ? intFlag(args, 'samples', 1, 1) : undefined;
  const { samples, objective } = rtfm ? { samples: 1, objective: 'metric' as const } : searchScoring(spec, saved, requested);
  const { llm, replay, settings } = clientFromArgs(args, provider, saved);
  const budget = budgetFlag ?? (isReplay ? recordedCalls : (saved?.budget ?? paperBudget(llm.info)));
  const transitions = rtfm ? [] : (await transitionsFromArgs(args, pack as EnvPack)).transitions;
  const hash = rtfm ? rtfm.hash : datasetHash(transitions);
  if (saved) checkResumable(saved, spec, hash, strategyId);
  if (settings && !(await providerAnswers('search', settings))) return 1;

  const runner = rtfm ? rtfm.runner : createNodeRunner();
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  // A replay sends what the recorded run sent; a live model gets its protocol's preset.
  const sampling = (isReplay && saved?.sampling) || protocolSampling(protocol, llm.info);
  const reward = PROTOCOLS[protocol].searchReward;
  const strategy = getStrategy(strategyId);
  const context = {
    spec,
    description: rtfm ? rtfm.description : descriptionText(spec, variant ?? 'hinted'),
    protocol,
    ...(variant ? { descriptionVariant: variant } : {}),
    contract: rtfm?.contract,
    transitions,
    env: { id: spec.id, datasetHash: hash },
    llm,
    evaluate: (program: string, signal?: AbortSignal) => (rtfm ? rtfm.evaluate(program, signal) : evaluateProgram(runner, program, transitions, spec, { reward, signal, seed, samples, objective })),
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
    record.params = { ...record.params, sampling, ...(samples > 1 ? { samples } : {}) };
    record.budget = budget;
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
      `${rtfm ? 'RTFM' : protocolLabel(protocol, variant ?? 'hinted')}: ${state}: ${record.calls.length} calls, ${record.nodes.length - 1} programs, best node ${best?.nodeId ?? '-'} score ${(best?.score ?? 0).toFixed(6)}; run written to ${out}\n`,
    );
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
    await runner.close();
  }
}

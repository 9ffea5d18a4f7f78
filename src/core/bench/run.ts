import type { EvalResult, RewardMode } from '../cwm/types';
import type { EnvPack, Transition } from '../env/types';
import type { CompletionOptions, LlmClient } from '../llm/types';
import { PAPER_SAMPLING } from '../llm/types';
import { Rng } from '../rng';
import type { RunRecord, StrategyId } from '../run/types';
import { getStrategy } from '../search/registry';
import type { SearchEvent } from '../search/types';
import { PROTOCOLS, type DescriptionVariant, type ProtocolId } from '../protocol/protocols';
import { descriptionText } from '../protocol/descriptions';
import type { BenchResult } from './table';

/** One cell of a benchmark: an environment × strategy × seed. */
export interface BenchCell {
  envId: string;
  strategy: StrategyId;
  seed: number;
  /** Absent: playground (results from before protocols existed). */
  protocol?: ProtocolId;
  /** Absent: hinted. */
  description?: DescriptionVariant | 'custom';
}

/** What a benchmark stores per finished cell: the table's fields plus what explains them. */
export interface BenchLine extends BenchResult {
  budget: number;
  /** The model that wrote the programs, e.g. `openai:gpt-4o-mini` (never a key). */
  model: string;
  /** Sampling sent with every call. */
  sampling?: CompletionOptions;
  /** Set when the cell was rebuilt from a recorded run instead of calling the model. */
  replayed?: boolean;
  /** Why R is N/A, when it is (no simulator, oracle no better than random). */
  reason?: string;
  /** Mean returns behind R, when planning ran. */
  returns?: { model: number; random: number; oracle: number };
  /** Set when the best program failed while planning (it then acted randomly). */
  planningError?: string;
  /** The best program, so a result can be checked or replanned later. */
  program: string;
  finishedAt: string;
}

/** The stable key of a cell, used to skip finished cells when a benchmark resumes. */
export function cellKey(cell: BenchCell): string {
  const protocol = cell.protocol ?? 'playground';
  const description = cell.description ?? 'hinted';
  // Results from before protocols existed keep their old key (they are playground · hinted).
  const setup = protocol === 'playground' && description === 'hinted' ? '' : `|${protocol}|${description}`;
  return `${cell.envId}|${cell.strategy}|${cell.seed}${setup}`;
}

/** Every cell of a grid, environment-major (so early results cover a whole environment). */
export function benchCells(
  envIds: readonly string[],
  strategies: readonly StrategyId[],
  seeds: readonly number[],
  setup: { protocol?: ProtocolId; description?: (envId: string) => DescriptionVariant } = {},
): BenchCell[] {
  return envIds.flatMap((envId) =>
    strategies.flatMap((strategy) =>
      seeds.map((seed) => {
        const cell: BenchCell = { envId, strategy, seed };
        if (setup.protocol) cell.protocol = setup.protocol;
        if (setup.description) cell.description = setup.description(envId);
        return cell;
      }),
    ),
  );
}

/** The best score after each LLM call of a run (0 until a call produced a program). */
export function bestByCall(record: RunRecord): number[] {
  const best: number[] = [];
  let sofar = 0;
  for (let i = 0; i < record.calls.length; i++) {
    const id = record.calls[i].id;
    for (const node of record.nodes) if (node.callId === id && !node.bug) sofar = Math.max(sofar, node.score);
    best.push(sofar);
  }
  return best;
}

/** Parses the lines of a benchmark's results file, skipping blank and malformed lines. */
export function parseBenchLines(text: string): BenchLine[] {
  const out: BenchLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as BenchLine;
      if (value && typeof value.envId === 'string' && typeof value.strategy === 'string' && typeof value.seed === 'number') out.push(value);
    } catch {
      // A line cut short by an interrupted write: that cell runs again.
    }
  }
  return out;
}

/** The normalized return of a program, or N/A with the reason. */
export interface PlanOutcome {
  R: number | null;
  reason?: string;
  returns?: { model: number; random: number; oracle: number };
  error?: string;
}

/** Everything one cell needs from outside: the model client, a scorer, a planner. */
export interface BenchCellContext {
  pack: Pick<EnvPack, 'spec'>;
  /** The numeric dataset; empty for RTFM, whose scorer holds its own data. */
  transitions: Transition[];
  /** RTFM only: the description and contract the model reads, the record's env block, the table it belongs to. */
  structured?: { description: string; contract: string; env: RunRecord['env']; table: 'rtfm' };
  llm: LlmClient;
  /** Name of the model for the results (provider kind and model, never a key). */
  model: string;
  budget: number;
  /** Scores a program on `transitions` with the given reward comparison. */
  evaluate(program: string, reward: RewardMode, signal?: AbortSignal): Promise<EvalResult>;
  /** The program's normalized return, or N/A (e.g. when the pack has no simulator). */
  plan(program: string, seed: number, signal?: AbortSignal): Promise<PlanOutcome>;
  sampling?: CompletionOptions;
  /** Replay: the model the recorded run used, named in the results instead of the replay client. */
  replayed?: boolean;
  /** R is planned with fewer episodes or a smaller planner than the paper's. */
  reducedPlanner?: boolean;
  onEvent?: (event: SearchEvent) => void;
  signal?: AbortSignal;
}

/**
 * Runs one benchmark cell: the search with `budget` LLM calls under the cell's protocol (its
 * description variant, its search reward: exact for the paper protocol, tolerant for the
 * playground's), then the best program's weighted accuracy with the paper's exact reward and the
 * tolerant one, and its normalized return. A model call that fails for good rejects (the cell runs again
 * on resume); a buggy best program is a result (accuracy 0).
 */
export async function runBenchCell(cell: BenchCell, ctx: BenchCellContext): Promise<{ line: BenchLine; record: RunRecord }> {
  const { pack, signal } = ctx;
  const strategy = getStrategy(cell.strategy);
  const protocol = PROTOCOLS[cell.protocol ?? 'playground'];
  const variant = cell.description === 'paper' ? 'paper' : 'hinted';
  const sampling = { ...(ctx.sampling ?? PAPER_SAMPLING), seed: cell.seed };
  const session = strategy.create({
    spec: pack.spec,
    description: ctx.structured?.description ?? descriptionText(pack.spec, variant),
    protocol: protocol.id,
    descriptionVariant: variant,
    contract: ctx.structured?.contract,
    ...(ctx.structured ? { env: ctx.structured.env } : {}),
    transitions: ctx.transitions,
    llm: ctx.llm,
    evaluate: (program, s) => ctx.evaluate(program, protocol.searchReward, s),
    rng: Rng.seeded(cell.seed),
    sampling,
    budget: ctx.budget,
    seed: cell.seed,
    onEvent: ctx.onEvent,
  });
  const record = { ...(await session.run(signal)), budget: ctx.budget };
  signal?.throwIfAborted();
  const best = record.best ? record.nodes[record.best.nodeId] : undefined;
  const program = best?.program ?? '';
  let accuracyPaper = 0;
  let accuracyTolerant = 0;
  let plan: PlanOutcome = { R: null, reason: 'the search produced no program' };
  if (program) {
    accuracyPaper = (await ctx.evaluate(program, 'paper', signal)).score;
    accuracyTolerant = (await ctx.evaluate(program, 'tolerant', signal)).score;
    plan = await ctx.plan(program, cell.seed, signal);
  }
  const line: BenchLine = {
    envId: pack.spec.id,
    ...(pack.spec.gymId ? { gymId: pack.spec.gymId } : {}),
    discrete: pack.spec.action.kind !== 'box',
    ...(ctx.structured ? { table: ctx.structured.table } : {}),
    strategy: cell.strategy,
    seed: cell.seed,
    protocol: protocol.id,
    description: variant,
    accuracyPaper,
    accuracyTolerant,
    R: plan.R,
    ...(plan.reason ? { reason: plan.reason } : {}),
    ...(plan.returns ? { returns: plan.returns } : {}),
    ...(plan.error ? { planningError: plan.error } : {}),
    calls: record.calls.length,
    bestByCall: bestByCall(record),
    budget: ctx.budget,
    model: ctx.model,
    sampling,
    ...(ctx.replayed ? { replayed: true } : {}),
    ...(ctx.reducedPlanner ? { reducedPlanner: true } : {}),
    program,
    finishedAt: new Date().toISOString(),
  };
  return { line, record };
}

/** Mean best score after each call, per strategy, across cells: the score-against-calls curve. */
export function scoreCurves(results: readonly BenchResult[]): { strategy: StrategyId; points: { call: number; score: number }[] }[] {
  const byStrategy = new Map<StrategyId, BenchResult[]>();
  for (const r of results) byStrategy.set(r.strategy, [...(byStrategy.get(r.strategy) ?? []), r]);
  return [...byStrategy].map(([strategy, runs]) => {
    const length = Math.max(0, ...runs.map((r) => r.bestByCall.length));
    // A run that stopped early (solved) keeps its last best score for the remaining calls.
    const at = (r: BenchResult, i: number) => (r.bestByCall.length === 0 ? 0 : r.bestByCall[Math.min(i, r.bestByCall.length - 1)]);
    const points = Array.from({ length }, (_, i) => ({ call: i + 1, score: runs.reduce((s, r) => s + at(r, i), 0) / runs.length }));
    return { strategy, points };
  });
}

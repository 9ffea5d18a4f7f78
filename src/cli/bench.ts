import { mkdir, readFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findPack } from '../../envs/index';
import { rtfmPack } from '../../envs/rtfm';
import { benchCells, cellKey, parseBenchLines, runBenchCell, type BenchCell, type BenchLine, type PlanOutcome } from '../core/bench/run';
import { benchReport } from '../core/bench/report';
import { PROTOCOLS, paperBudget, protocolSampling, recordDescription, recordProtocol, type ProtocolId } from '../core/protocol';
import type { RunRecord } from '../core/run/types';
import { descriptionFromArgs, protocolFromArgs } from './protocol';
import { evaluateProgram } from '../core/cwm/evaluate';
import type { EnvPack, Transition } from '../core/env/types';
import { createReplayClient, type LlmClient } from '../core/llm';
import { evaluatePlanning } from '../core/plan/session';
import { validateRunRecord } from '../core/run/validate';
import type { StrategyId } from '../core/run/types';
import { isStrategyId } from '../core/search/registry';
import { createNodeRunner } from '../sandbox/node/pool';
import { openNodeModelSession } from '../sandbox/node/plan-session';
import { command, intFlag, parseArgs, rejectUnknown, stringFlag, UsageError, type ParsedArgs } from './args';
import { writeText } from './io';
import { liveClientFromArgs, providerAnswers } from './provider';
import { PLANNER_FLAGS, plannerFromArgs } from './plan';

/** Stands for RTFM in the list of environments: a pack without datasets, since it is scored apart. */
const RTFM_CELL: EnvPack = { spec: rtfmPack.spec, datasets: [] };

/** Episodes per planning evaluation in the paper. */
const PAPER_EPISODES = 10;

const FLAGS = ['envs', 'strategies', 'budget', 'seeds', 'provider', 'base-url', 'model', 'api-key-env', 'replay', 'episodes', 'out', 'protocol', 'description', ...PLANNER_FLAGS];

/** A list flag: comma-separated, no empty items. */
function listFlag(args: ParsedArgs, name: string, example: string): string[] {
  const value = stringFlag(args, name);
  if (!value) throw new UsageError(`missing --${name}, e.g. --${name} ${example}`);
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${name} is empty; give a comma-separated list, e.g. --${name} ${example}`);
  return items;
}

/** `--seeds 3` means seeds 0, 1, 2; `--seeds 4,9` means exactly those seeds. */
export function seedsFromFlag(value: string): number[] {
  const items = value.includes(',') ? value.split(',').map((s) => Number(s.trim())) : Array.from({ length: Number(value) }, (_, i) => i);
  if (!value.includes(',') && (!Number.isInteger(Number(value)) || Number(value) < 1)) throw new UsageError(`--seeds must be a count ≥ 1 or a list like 0,4,9, got "${value}"`);
  if (items.some((s) => !Number.isInteger(s) || s < 0)) throw new UsageError(`--seeds must list integers ≥ 0, got "${value}"`);
  return [...new Set(items)];
}

/** Where a cell's run record is kept: `<prefix>.runs/<env>-<strategy>-<seed>.json`. */
function runFile(prefix: string, cell: BenchCell): string {
  return join(`${prefix}.runs`, `${cell.envId}-${cell.strategy}-${cell.seed}.json`);
}

/**
 * A replay client answering from the run a previous benchmark recorded for this cell. The results
 * name the model that run used, so a replayed benchmark writes the same table.
 */
async function replayClient(replayPrefix: string, cell: BenchCell): Promise<{ llm: LlmClient; model: string; record: RunRecord }> {
  const file = runFile(replayPrefix, cell);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`--provider replay: no recorded run ${file}; run the benchmark with a live provider first, then replay it with --replay <its --out prefix>`);
  }
  const checked = validateRunRecord(JSON.parse(text));
  if (!checked.ok) throw new UsageError(`${file}: ${checked.error}`);
  const record = checked.record;
  const want = cell.protocol ?? 'playground';
  if (recordProtocol(record) !== want) throw new UsageError(`${file} was made with the ${recordProtocol(record)} protocol; replay it with --protocol ${recordProtocol(record)}`);
  if (recordDescription(record) !== (cell.description ?? 'hinted'))
    throw new UsageError(`${file} was made with the ${recordDescription(record)} description; replay it with --description ${recordDescription(record)}`);
  return { llm: createReplayClient(record), model: `${record.provider.kind}:${record.provider.model}`, record };
}

async function readLines(path: string): Promise<BenchLine[]> {
  try {
    return parseBenchLines(await readFile(path, 'utf8'));
  } catch {
    return [];
  }
}

/**
 * `cwm bench --envs <ids> --strategies <ids> --budget <n> --seeds <k> --provider … --out <prefix>`:
 * every environment × strategy × seed search, the best program's accuracy (paper and tolerant
 * reward) and normalized return, appended one JSON line per cell to `<prefix>.jsonl` (a rerun
 * skips finished cells), then the paper-format table as `<prefix>.md` and `<prefix>.csv`.
 * Exit 0 when every cell finished, 1 when a model call failed for good (rerun to resume), 2 on bad input.
 */
export const benchCommand = command('bench', bench);

async function bench(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  rejectUnknown(args, FLAGS);
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('missing --out: a path prefix for the results, e.g. --out results/bench writes bench.jsonl, bench.md and bench.csv');
  const packs = listFlag(args, 'envs', 'cartpole,cliffwalking').map((id) => {
    if (id === 'rtfm') return RTFM_CELL; // paper Table 3: its own scorer and planner
    const pack = findPack(id);
    if (!pack) throw new UsageError(`unknown environment "${id}" in --envs; run \`cwm envs\` to list them`);
    return pack;
  });
  const strategies = listFlag(args, 'strategies', 'gif-mcts,worldcoder').map((id) => {
    if (!isStrategyId(id)) throw new UsageError(`unknown strategy "${id}" in --strategies; use gif-mcts, worldcoder, best-of-n or refine`);
    return id as StrategyId;
  });
  const protocol: ProtocolId = protocolFromArgs(args);
  const description = descriptionFromArgs(
    args,
    packs.map((p) => p.spec),
    protocol,
  );
  // The paper protocol defaults to the paper's budget for the model (50 open-weights, 10 OpenAI).
  if (!args.flags.has('budget') && protocol !== 'paper')
    throw new UsageError("missing --budget: the number of model calls per search, e.g. --budget 10 (or use --protocol paper for the paper's budgets)");
  const budgetFlag = args.flags.has('budget') ? intFlag(args, 'budget', 10, 1) : undefined;
  const seeds = seedsFromFlag(stringFlag(args, 'seeds') ?? '1');
  const episodes = intFlag(args, 'episodes', PAPER_EPISODES, 1);
  const planner = plannerFromArgs(args);
  // The paper planned 10 episodes with its planner settings; anything less is marked in the table.
  const reducedPlanner = episodes !== PAPER_EPISODES || PLANNER_FLAGS.some((f) => args.flags.has(f));
  const provider = stringFlag(args, 'provider');
  if (!provider) throw new UsageError('missing --provider: use openai (or any OpenAI-compatible server with --base-url), anthropic, or replay with --replay <prefix>');
  const replayPrefix = stringFlag(args, 'replay');
  if (provider === 'replay' && !replayPrefix) throw new UsageError('--provider replay answers from a previous benchmark; pass its --out prefix with --replay <prefix>');
  const live = provider === 'replay' ? null : liveClientFromArgs(args, provider);
  const liveSampling = live ? protocolSampling(protocol, live.llm.info) : undefined;
  if (live && !(await providerAnswers('bench', live.settings))) return 1;

  const cells = benchCells(
    packs.map((p) => p.spec.id),
    strategies,
    seeds,
    { protocol, description },
  );
  const wanted = new Set(cells.map(cellKey));
  const jsonl = `${out}.jsonl`;
  const done = new Map((await readLines(jsonl)).filter((l) => wanted.has(cellKey(l))).map((l) => [cellKey(l), l]));
  await mkdir(`${out}.runs`, { recursive: true });
  const data = new Map<string, Transition[]>();
  const runner = createNodeRunner();
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  let failed = 0;
  try {
    for (const [index, cell] of cells.entries()) {
      if (controller.signal.aborted) break;
      const label = `[cell ${index + 1}/${cells.length}] ${cell.envId} · ${cell.strategy} · seed ${cell.seed}`;
      if (done.has(cellKey(cell))) {
        process.stderr.write(`${label}: done earlier, skipped\n`);
        continue;
      }
      const pack = packs.find((p) => p.spec.id === cell.envId)!;
      const rtfm = pack === RTFM_CELL ? await (await import('../../envs/rtfm/bench-cell')).rtfmBenchParts(runner, cell, episodes) : null;
      if (!rtfm && !data.has(cell.envId)) data.set(cell.envId, await pack.datasets[0].load());
      const transitions = data.get(cell.envId) ?? [];
      const replayed = live ? null : await replayClient(replayPrefix!, cell);
      const client = live ?? replayed!;
      const budget = budgetFlag ?? (replayed ? (replayed.record.budget ?? replayed.record.calls.length) : paperBudget(live!.llm.info));
      const sampling = replayed?.record.sampling ?? liveSampling;
      process.stderr.write(`${label}: searching (${budget} calls, ${PROTOCOLS[protocol].label}, ${cell.description} description)\n`);
      try {
        const { line, record } = await runBenchCell(cell, {
          pack,
          transitions,
          llm: client.llm,
          model: client.model,
          budget,
          sampling,
          replayed: replayed !== null,
          reducedPlanner,
          evaluate: (program, reward, signal) => evaluateProgram(runner, program, transitions, pack.spec, { reward, signal }),
          plan: (program, seed, signal) => planOutcome(pack, program, seed, episodes, planner, signal),
          ...rtfm,
          onEvent: (e) => {
            if (e.type === 'best') process.stderr.write(`${label}: best score ${e.score.toFixed(4)} (node ${e.nodeId})\n`);
          },
          signal: controller.signal,
        });
        await writeText(runFile(out, cell), JSON.stringify(record) + '\n', 'run record');
        await appendFile(jsonl, JSON.stringify(line) + '\n');
        done.set(cellKey(cell), line);
        const r = line.R === null ? `N/A (${line.reason})` : line.R.toFixed(3);
        process.stderr.write(`${label}: accuracy ${line.accuracyPaper.toFixed(3)} paper / ${line.accuracyTolerant.toFixed(3)} tolerant, R ${r}\n`);
      } catch (error) {
        if (controller.signal.aborted) break;
        if (error instanceof UsageError) throw error;
        failed++;
        process.stderr.write(`${label}: failed: ${error instanceof Error ? error.message : String(error)}; rerun the same command to retry this cell\n`);
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
    await runner.close();
  }
  // In grid order, whatever order the cells finished in: a resumed run writes the same table.
  const ordered = cells.map((c) => done.get(cellKey(c))).filter((l): l is BenchLine => l !== undefined);
  const report = benchReport(ordered);
  await writeText(`${out}.md`, report.markdown, 'Markdown table');
  await writeText(`${out}.csv`, report.csv, 'CSV table');
  await writeText(`${out}.json`, report.json, 'JSON table');
  const left = cells.length - done.size;
  process.stdout.write(
    `${PROTOCOLS[protocol].label}: ${done.size}/${cells.length} cells done${left ? ` (${left} left: rerun to resume)` : ''}; table in ${out}.md, ${out}.csv and ${out}.json, results in ${jsonl}\n`,
  );
  return left === 0 ? 0 : 1;
}

/** R for the bench: N/A where the pack has no simulator; the planning evaluation otherwise. */
async function planOutcome(pack: EnvPack, program: string, seed: number, episodes: number, planner: ReturnType<typeof plannerFromArgs>, signal?: AbortSignal): Promise<PlanOutcome> {
  if (!pack.createSimulator) return { R: null, reason: 'no reference simulator to plan in (transitions-only environment)' };
  const r = await evaluatePlanning({ pack, program, open: openNodeModelSession, episodes, seed, planner, signal });
  return {
    R: r.normalizedReturn,
    ...(r.reason ? { reason: r.reason } : {}),
    returns: { model: r.returnModel, random: r.returnRandom, oracle: r.returnOracle },
    ...(r.modelError ? { error: r.modelError } : {}),
  };
}

import { findPack, packs } from '../../../envs/index';
import { rtfmPack } from '../../../envs/rtfm';
import { rtfmBenchParts } from '../../../envs/rtfm/bench-cell';
import { benchCells, cellKey, parseBenchLines, runBenchCell, type BenchCell, type BenchLine } from '../../core/bench/run';
import { benchReport } from '../../core/bench/report';
import { PROTOCOLS, defaultVariant, protocolSampling, type DescriptionVariant, type ProtocolId } from '../../core/protocol';
import { evaluateProgram } from '../../core/cwm/evaluate';
import type { StrategyId } from '../../core/run/types';
import { browserRunner } from '../evaluator';
import { model } from '../model.svelte';
import { planOutcomeInBrowser } from '../plan/plan-outcome';

/** The one localStorage key holding finished benchmark cells (JSON lines, as `cwm bench` writes). */
export const BENCH_STORAGE_KEY = 'cwm-playground:bench-results:v1';

/** A cell while it runs: its calls so far and its best score. */
export interface LiveCell {
  cell: BenchCell;
  calls: number;
  best: number;
  phase: 'search' | 'planning';
}

/** Planner settings that make a benchmark quick in the page (R is then not the paper's). */
export const FAST_PLANNER = { mcts: { simulations: 10, rolloutDepth: 30 }, cem: { iterations: 5, samples: 100, elites: 10, horizon: 30 } };

/** Environments the benchmark can run: every built-in pack with data. */
export const benchEnvs = [
  ...packs.filter((p) => p.datasets.length > 0).map((p) => ({ id: p.spec.id, title: p.spec.title, cwmb: p.spec.cwmb, planning: Boolean(p.createSimulator) })),
  // RTFM (paper Table 3): scored and planned on its own paths.
  { id: 'rtfm', title: 'RTFM (paper Table 3)', cwmb: false, planning: true },
];

function load(): BenchLine[] {
  try {
    return parseBenchLines(localStorage.getItem(BENCH_STORAGE_KEY) ?? '');
  } catch {
    return [];
  }
}

/**
 * The benchmark page's state: the grid (environments × strategies × seeds, budget, episodes),
 * the finished cells (saved after each one, so a reload resumes), the running cells, and the
 * table. Cells run `concurrency` at a time with the model panel's provider.
 */
export class BenchState {
  envIds = $state<string[]>(['cartpole', 'cliffwalking']);
  /** The protocol of new cells: the paper's by default. */
  protocol = $state<ProtocolId>('paper');
  /** The description variant of new cells (environments without a paper text use the hinted one). */
  description = $state<DescriptionVariant>('paper');
  strategies = $state<StrategyId[]>(['gif-mcts', 'worldcoder']);
  budget = $state(10);
  seeds = $state(1);
  episodes = $state(10);
  concurrency = $state(2);
  fast = $state(false);
  results = $state.raw<BenchLine[]>(load());
  live = $state<LiveCell[]>([]);
  running = $state(false);
  errors = $state<string[]>([]);

  cells = $derived(
    benchCells(
      this.envIds,
      this.strategies,
      Array.from({ length: this.seeds }, (_, i) => i),
      {
        protocol: this.protocol,
        description: (envId) => this.variantOf(envId),
      },
    ),
  );
  /** Finished results of the current grid (a stored result from another grid stays stored). */
  current = $derived.by(() => {
    const wanted = new Set(this.cells.map(cellKey));
    return this.results.filter((r) => wanted.has(cellKey(r)) && r.budget === this.budget);
  });
  /** The table, its header and its exports, in grid order (so a resumed grid shows the same table). */
  report = $derived.by(() => {
    const byKey = new Map(this.current.map((r) => [cellKey(r), r]));
    return benchReport(this.cells.map((c) => byKey.get(cellKey(c))).filter((r): r is BenchLine => r !== undefined));
  });
  table = $derived(this.report.table);
  progress = $derived(this.cells.length ? this.current.length / this.cells.length : 0);

  private controller: AbortController | null = null;

  /** Chooses the protocol; the description follows it (paper text for the paper protocol). */
  setProtocol(id: ProtocolId): void {
    this.protocol = id;
    this.description = PROTOCOLS[id].description;
  }

  /** The variant an environment's cells use: the chosen one, or hinted where there is no paper text. */
  variantOf(envId: string): DescriptionVariant {
    const spec = findPack(envId)?.spec ?? (envId === rtfmPack.spec.id ? rtfmPack.spec : undefined);
    return this.description === 'paper' && spec ? defaultVariant(spec, 'paper') : 'hinted';
  }

  /** Runs every unfinished cell of the grid; resolves when all ran, failed or were cancelled. */
  async run(): Promise<void> {
    if (this.running) return;
    this.errors = [];
    let llm;
    try {
      if (model.kind === 'replay') throw new Error('The benchmark needs a live model: a replay file answers one run only. Pick a remote or in-browser model.');
      llm = model.createClient();
      const down = await model.unreachable();
      if (down) throw new Error(down);
    } catch (e) {
      this.errors = [(e as Error).message];
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.running = true;
    const done = new Set(this.current.map(cellKey));
    const queue = this.cells.filter((c) => !done.has(cellKey(c)));
    // WebLLM runs one generation at a time; remote providers take a few in parallel.
    const width = model.kind === 'webllm' ? 1 : Math.max(1, this.concurrency);
    const worker = async () => {
      for (let cell = queue.shift(); cell && !controller.signal.aborted; cell = queue.shift()) await this.runCell(cell, llm, controller.signal);
    };
    await Promise.all(Array.from({ length: width }, worker));
    this.running = false;
    this.controller = null;
  }

  private async runCell(cell: BenchCell, llm: ReturnType<typeof model.createClient>, signal: AbortSignal): Promise<void> {
    const pack = findPack(cell.envId) ?? { spec: rtfmPack.spec, datasets: [] };
    const live: LiveCell = { cell, calls: 0, best: 0, phase: 'search' };
    this.live = [...this.live, live];
    // Compared by key: `live` is deeply reactive, so its cells are proxies, never `cell` itself.
    const key = cellKey(cell);
    const update = (patch: Partial<LiveCell>) => (this.live = this.live.map((l) => (cellKey(l.cell) === key ? { ...l, ...patch } : l)));
    try {
      const rtfm = cell.envId === 'rtfm' ? await rtfmBenchParts(browserRunner(), cell, this.episodes) : null;
      const transitions = rtfm ? [] : await pack.datasets[0].load();
      const planner = this.fast ? FAST_PLANNER : undefined;
      const { line } = await runBenchCell(cell, {
        pack,
        transitions,
        llm,
        model: `${llm.info.kind}:${llm.info.model}`,
        budget: this.budget,
        sampling: protocolSampling(cell.protocol ?? 'playground', llm.info),
        reducedPlanner: this.fast || this.episodes !== 10,
        evaluate: (program, reward, s) => evaluateProgram(browserRunner(), program, transitions, pack.spec, { reward, signal: s }),
        plan: (program, seed, s) => {
          update({ phase: 'planning' });
          return planOutcomeInBrowser(pack, program, { seed, episodes: this.episodes, planner, signal: s });
        },
        onEvent: (e) => {
          if (e.type === 'call-end') update({ calls: e.callId + 1 });
          if (e.type === 'best') update({ best: e.score });
        },
        signal,
        ...rtfm,
      });
      this.results = [...this.results, line];
      this.save();
    } catch (e) {
      if (!signal.aborted) this.errors = [...this.errors, `${cell.envId} · ${cell.strategy} · seed ${cell.seed}: ${(e as Error).message}. Run again to retry this cell.`];
    } finally {
      this.live = this.live.filter((l) => cellKey(l.cell) !== key);
    }
  }

  cancel(): void {
    this.controller?.abort(new Error('cancelled'));
  }

  /** Forgets every stored result (after the page asked the user). */
  clear(): void {
    this.results = [];
    this.save();
  }

  toggle<T>(list: T[], item: T): T[] {
    return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  }

  csv(): string {
    return this.report.csv;
  }

  json(): string {
    return this.report.json;
  }

  markdown(): string {
    return this.report.markdown;
  }

  private save(): void {
    try {
      localStorage.setItem(BENCH_STORAGE_KEY, this.results.map((r) => JSON.stringify(r)).join('\n'));
    } catch {
      this.errors = [...this.errors, 'Could not save the results in this browser (storage full or blocked); export them as JSON before leaving the page.'];
    }
  }
}

/** The page's one benchmark. */
export const bench = new BenchState();

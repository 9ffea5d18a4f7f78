/**
 * Search bookkeeping per iteration (well under a millisecond at 1000 nodes).
 * A scripted model answers instantly in one chunk and the evaluator is instant, so what is timed is
 * the search itself: selection, prompt building, code extraction, expansion, learning, backup, the
 * fix chain. Prints, for trees of 100 / 1000 / 2000 nodes, the median and mean time of the next 200 iterations and
 * of one snapshot(). Run: npm run bench:search
 */
import { performance } from 'node:perf_hooks';
import type { EvalResult } from '../../src/core/cwm/types';
import { PAPER_SAMPLING, type LlmClient } from '../../src/core/llm/types';
import { Rng } from '../../src/core/rng';
import type { StrategyId } from '../../src/core/run/types';
import { strategies } from '../../src/core/search/registry';
import type { SearchContext } from '../../src/core/search/types';

const SIZES = [100, 1000, 2000];
const MEASURED = 200;

/** 30-line programs with a score (or a bug) in their last comment; never correct. */
function completions(count: number): string[] {
  const rng = Rng.seeded(42);
  return Array.from({ length: count }, (_, i) => {
    const body = Array.from({ length: 28 }, (_, j) => `    this.v${j} = ${rng.next().toFixed(6)} * state[${j % 4}];`);
    const marker = rng.next() < 0.2 ? `// BUG e${i}` : `// SCORE ${(rng.next() * 0.95).toFixed(3)}`;
    return `Here is the program:\n\`\`\`javascript\nclass Environment {\n${body.join('\n')}\n}\n${marker}\n\`\`\`\nDone.`;
  });
}

function instantEvaluate(program: string): Promise<EvalResult> {
  const m = /\/\/ (SCORE|BUG) ?(.*)$/m.exec(program.slice(program.lastIndexOf('\n//')));
  const bug = m?.[1] === 'BUG' ? m[2] : null;
  const score = bug ? 0 : Number(m?.[2] ?? 0);
  return Promise.resolve({
    score,
    accuracy: score,
    correct: 0,
    total: 100,
    bug,
    firstFailure: bug
      ? null
      : { index: 0, state: [0, 0, 0, 0], action: 1, expected: { next_state: [1, 1, 1, 1], reward: 1, done: false }, predicted: { next_state: [1, 1, 1, 2], reward: 1, done: false } },
    breakdown: { state: score, reward: 1, done: 1 },
    solved: false,
  });
}

function scriptedModel(script: string[]): LlmClient {
  let i = 0;
  return {
    info: { kind: 'scripted', model: 'bench' },
    async *complete() {
      yield script[i++ % script.length];
    },
  };
}

async function bench(id: StrategyId, sizes = SIZES): Promise<string[]> {
  const budget = sizes[sizes.length - 1] + MEASURED;
  const context: SearchContext = {
    spec: {
      id: 'bench',
      title: 'Bench',
      description: 'x',
      observation: { kind: 'box', shape: [4], low: [-1, -1, -1, -1], high: [1, 1, 1, 1] },
      action: { kind: 'discrete', n: 2 },
      stateComparison: 'tolerant',
      episodeLimit: 500,
      planner: 'mcts',
      hasSimulator: false,
      cwmb: false,
    },
    description: 'A benchmark environment.',
    transitions: [],
    llm: scriptedModel(completions(997)),
    evaluate: instantEvaluate,
    rng: Rng.seeded(1),
    sampling: PAPER_SAMPLING,
    budget,
    seed: 1,
  };
  const session = strategies[id].create(context);
  const lines: string[] = [];
  let nodes = 1;
  for (const size of sizes) {
    while (nodes < size) {
      await session.step();
      nodes++;
    }
    const steps: number[] = [];
    for (let i = 0; i < MEASURED; i++) {
      const t0 = performance.now();
      await session.step();
      steps.push(performance.now() - t0);
    }
    const mean = steps.reduce((a, b) => a + b, 0) / MEASURED;
    const median = steps.sort((a, b) => a - b)[MEASURED >> 1];
    nodes += MEASURED;
    // Median of five snapshots, so one garbage-collection pause does not decide the figure.
    const times: number[] = [];
    let record = session.snapshot();
    for (let i = 0; i < 5; i++) {
      const s0 = performance.now();
      record = session.snapshot();
      times.push(performance.now() - s0);
    }
    const snapshotMs = times.sort((a, b) => a - b)[2];
    lines.push(
      `${id.padEnd(10)} ${String(size).padStart(5)} nodes: median ${median.toFixed(3)} ms/iteration, mean ${mean.toFixed(3)} (next ${MEASURED} iterations), snapshot ${snapshotMs.toFixed(2)} ms (${record.nodes.length} nodes, ${(JSON.stringify(record).length / 1e6).toFixed(1)} MB as JSON)`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  console.log('Search bookkeeping per iteration (scripted model, instant evaluator)');
  for (const id of ['gif-mcts', 'worldcoder', 'best-of-n', 'refine'] as StrategyId[]) {
    await bench(id, [300]); // warm-up: let the JIT compile the search before timing it
    for (const line of await bench(id)) console.log(line);
  }
}

void main();

/**
 * `npm run bench:eval`: how fast a candidate is scored, for correct CartPole and Acrobot programs
 * on the CWMB transitions, in three places in the same run:
 * - the browser: warm sandbox pool of the BUILT app (run `npx vite build` first), in Chromium;
 * - Node: the `cwm` evaluator (worker thread + fresh vm context per candidate);
 * - CPython: the same program in Python, run by `python3` on the same transitions.
 * Every figure includes loading the program into a fresh realm, running every transition and
 * checking it. The three are measured in turn within each repeat, so a busy machine slows them
 * alike; the table shows medians. Not a timed test.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import { getPack } from '../../envs/index';
import { evaluateProgram } from '../../src/core/cwm/evaluate';
import { createNodeRunner } from '../../src/sandbox/node/pool';
import { serveStatic } from '../e2e/static-server';
import { program } from '../fixtures/programs/index';
import type {} from '../fixtures/programs/page-api';

const WARMUP = 3;
const REPEATS = 15;
const ROOT = resolve(import.meta.dirname, '../..');
const ENVS = ['cartpole', 'acrobot'];
const PLACES = ['browser pool (warm)', 'Node (cwm)', 'CPython (python3)'] as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** One browser evaluation, timed inside the page; throws unless the program is correct. */
async function browserOnce(page: Page, envId: string, source: string): Promise<number> {
  return page.evaluate(
    async ({ envId, source }) => {
      // Let the pool start the replacement worker, as it would between two LLM calls.
      await new Promise((r) => setTimeout(r, 100));
      const t0 = performance.now();
      const result = await window.cwmPlayground!.evaluate({ envId, program: source });
      const ms = performance.now() - t0;
      if (result.bug || !result.solved) throw new Error(`${envId}: the benchmark program is not correct: ${result.bug}`);
      return ms;
    },
    { envId, source },
  );
}

/** A python3 process that runs the Python program on the transitions once per call. */
function pythonRunner(source: string, transitions: unknown[]): { once(): Promise<{ ms: number; correct: number }>; close(): void } {
  const child = spawn('python3', [resolve(ROOT, 'tests/fixtures/programs/run_python.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  child.stdin.write(JSON.stringify({ program: source, transitions }) + '\n');
  return {
    async once() {
      child.stdin.write('run\n');
      const line = await lines.next();
      if (line.done) throw new Error('python3 exited early; is python3 installed?');
      return JSON.parse(line.value) as { ms: number; correct: number };
    },
    close: () => child.stdin.end(),
  };
}

async function main(): Promise<void> {
  const dist = resolve(ROOT, 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    console.error('dist/ is missing: build the app first with `npx vite build`, then run `npm run bench:eval` again.');
    process.exit(1);
  }
  const { server, url } = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => typeof window.cwmPlayground?.evaluate === 'function');
  const runner = createNodeRunner({ poolSize: 1 });

  const rows: { env: string; transitions: number; where: string; ms: number }[] = [];
  for (const envId of ENVS) {
    const pack = getPack(envId);
    const data = await pack.datasets[0].load();
    const js = program(`${envId}.js`);
    const python = pythonRunner(program(`${envId}.py`), data);
    const expected = data.filter((t) => !t.truncated).length;
    const times: number[][] = PLACES.map(() => []);
    for (let i = 0; i < WARMUP + REPEATS; i++) {
      const b = await browserOnce(page, envId, js);
      const t0 = performance.now();
      const result = await evaluateProgram(runner, js, data, pack.spec);
      const n = performance.now() - t0;
      if (result.bug || !result.solved) throw new Error(`${envId}: the Node run is not correct: ${result.bug}`);
      const p = await python.once();
      if (p.correct < expected) throw new Error(`${envId}: the Python program got ${p.correct} of ${expected} transitions right`);
      if (i >= WARMUP) [b, n, p.ms].forEach((ms, k) => times[k].push(ms));
    }
    python.close();
    PLACES.forEach((where, k) => rows.push({ env: envId, transitions: data.length, where, ms: median(times[k]) }));
  }
  await runner.close();
  await browser.close();
  server.close();

  const cpython = new Map(rows.filter((r) => r.where === PLACES[2]).map((r) => [r.env, r.ms]));
  console.log(`\nScoring one correct candidate on the CWMB transitions (median of ${REPEATS} runs after ${WARMUP} warm-up runs)\n`);
  console.log('| Environment | Transitions | Where | ms / candidate | transitions / s | speed vs CPython |');
  console.log('|---|---:|---|---:|---:|---:|');
  for (const r of rows) {
    const perSecond = Math.round((r.transitions / r.ms) * 1000).toLocaleString('en-US');
    console.log(`| ${r.env} | ${r.transitions} | ${r.where} | ${r.ms.toFixed(1)} | ${perSecond} | ${(cpython.get(r.env)! / r.ms).toFixed(2)}× |`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

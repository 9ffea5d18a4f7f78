/**
 * `npm run bench:eval`: how fast a NEW candidate is scored, for correct CartPole and Acrobot
 * programs on the CWMB transitions, side by side in the same run:
 * - the floor: V8 compiling and running the program in the same realm with no sandbox at all
 *   (`new Function`, then setState/step on every transition and a tolerance check), measured in
 *   the same Chromium page (on its main thread, and in a plain worker it starts) and in this Node
 *   process;
 * - the project: `window.cwmPlayground.evaluate` in the BUILT app (run `npx vite build` first:
 *   page → runner worker of the in-page host → page, then the metric) and `cwm eval`'s Node
 *   runner (permission-limited child process, SES compartment);
 * - CPython: the same program in Python, `exec`'d afresh by `python3` on the same transitions.
 * Every candidate's text is new (a numbered comment), so no engine cache is reused across runs, and
 * every place idles 50 ms before each measurement, as between two model calls.
 * A second table gives the same for the warm-up runs, a third the boundaries' own round-trip cost
 * (see boundary.ts), a fourth the runner's realm alone in a process with no boundary (see
 * realm-alone.ts) beside the Node floor.
 * The places are measured in turn within each repeat, so a busy machine slows them alike; the
 * table shows medians and the ratio of the project to its floor. Not a timed test.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import { getPack } from '../../envs/index';
import { evaluateProgram } from '../../src/core/cwm/evaluate';
import { createNodeRunner } from '../../src/sandbox/node/pool';
import { serveStatic } from '../e2e/static-server';
import { workerHostDocument } from '../../src/sandbox/document';
import { browserRoundTrips, nodeRoundTrip } from './boundary';
import { program } from '../fixtures/programs/index';
import type {} from '../fixtures/programs/page-api';

/**
 * Runs before the measured ones. The runner's own code (its loop, the page's decoding and metric)
 * reaches its steady speed after about a dozen candidates; the table of warm-up runs shows the cost
 * before that.
 */
const WARMUP = 15;
/** Every place idles this long before each measurement, as a runner does between two model calls. */
const IDLE_MS = 50;
/** The realm alone is cheap to time and noisier (its process's GC phases), so it gets more runs. */
const ALONE_REPEATS = 45;
const REPEATS = 25;
const ROOT = resolve(import.meta.dirname, '../..');
const ENVS = ['cartpole', 'acrobot'];
const PLACES = ['browser floor (same realm)', 'browser floor in a worker', 'browser runner', 'Node floor (same realm)', 'Node runner (cwm)', 'CPython (python3)'] as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** One browser evaluation of a new candidate, timed inside the page; throws unless it is correct. */
async function browserOnce(page: Page, envId: string, source: string): Promise<number> {
  return page.evaluate(
    async ({ envId, source, idleMs }) => {
      // Let the worker build its next compartment, as it would between two LLM calls.
      await new Promise((r) => setTimeout(r, idleMs));
      const t0 = performance.now();
      const result = await window.cwmPlayground!.evaluate({ envId, program: source });
      const ms = performance.now() - t0;
      if (result.bug || !result.solved) throw new Error(`${envId}: the benchmark program is not correct: ${result.bug}`);
      return ms;
    },
    { envId, source, idleMs: IDLE_MS },
  );
}

/**
 * V8's floor for a new candidate: compile it in this realm, run every transition on a fresh copy
 * of its state, and check the prediction with the metric's tolerance. Returns ms and the count of
 * fully correct transitions. Written to run both here and, as text, in the page.
 */
const FLOOR = `(function (source, data) {
  const close = (p, t) => Math.abs(p - t) <= 1e-5 + 1e-5 * Math.abs(t);
  const t0 = performance.now();
  const Env = new Function(source + '\\n;return Environment;')();
  const env = new Env();
  let correct = 0;
  for (const t of data) {
    env.setState(Array.isArray(t.state) ? t.state.slice() : t.state);
    const [next, reward, done] = env.step(Array.isArray(t.action) ? t.action.slice() : t.action);
    const pred = Array.isArray(next) ? next : [next];
    const truth = Array.isArray(t.next_state) ? t.next_state : [t.next_state];
    if (Boolean(done) === t.done && close(reward, t.reward) && (t.done || pred.every((x, i) => close(x, truth[i])))) correct++;
  }
  return { ms: performance.now() - t0, correct };
})`;

/**
 * Page script: a plain worker (started by the page, no sandbox) holding the dataset, and
 * `window.benchFloorInWorker(source)` running the floor there, since the runner can only run in a
 * worker and a worker's JIT and heap are not the page's.
 */
function startFloorWorker(floor: string): string {
  const worker = `const floor = (0, eval)(${JSON.stringify(floor)}); let data = null;
onmessage = (e) => { if (e.data.data) { data = e.data.data; return; } postMessage(floor(e.data.source, data)); };`;
  return `(() => {
    const w = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(worker)}])));
    w.postMessage({ data: window.benchData });
    window.benchFloorInWorker = (source) => new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); w.postMessage({ source }); });
  })()`;
}

const idle = () => new Promise((r) => setTimeout(r, IDLE_MS));

/** The runner's realm alone, in a process of its own (see realm-alone.ts). */
function realmAlone(): Record<string, number> {
  const script = resolve(import.meta.dirname, 'realm-alone.ts');
  const out = execFileSync(process.execPath, [...process.execArgv, script, ENVS.join(','), String(WARMUP), String(ALONE_REPEATS), String(IDLE_MS)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

function floorHere(source: string, data: unknown[]): { ms: number; correct: number } {
  return (0, eval)(FLOOR)(source, data);
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
  // The saved-runs page draws nothing while it waits (the gallery animates its previews), so the
  // page's main thread is as idle for the project as for the floor measured beside it.
  await page.goto(`${url}#/runs`);
  await page.waitForFunction(() => typeof window.cwmPlayground?.evaluate === 'function');
  const runner = createNodeRunner({ poolSize: 1 });

  const rows: { env: string; transitions: number; where: string; ms: number; warmingMs: number }[] = [];
  let serial = 0;
  for (const envId of ENVS) {
    const pack = getPack(envId);
    const data = await pack.datasets[0].load();
    await page.evaluate(({ name, value }) => ((window as unknown as Record<string, unknown>)[name] = value), { name: 'benchData', value: data });
    await page.evaluate(startFloorWorker(FLOOR));
    const js = program(`${envId}.js`);
    const python = pythonRunner(program(`${envId}.py`), data);
    const expected = data.filter((t) => !t.truncated).length;
    const times: number[][] = PLACES.map(() => []);
    const warming: number[][] = PLACES.map(() => []);
    for (let i = 0; i < WARMUP + REPEATS; i++) {
      const fresh = () => `${js}\n// candidate ${++serial}`;
      const bf = await page.evaluate(
        async ({ floor, source, idleMs }) => {
          await new Promise((r) => setTimeout(r, idleMs));
          return (0, eval)(floor)(source, (window as unknown as { benchData: unknown[] }).benchData);
        },
        { floor: FLOOR, source: fresh(), idleMs: IDLE_MS },
      );
      const bw = (await page.evaluate(`new Promise((r) => setTimeout(r, ${IDLE_MS})).then(() => window.benchFloorInWorker(${JSON.stringify(fresh())}))`)) as { ms: number; correct: number };
      const b = await browserOnce(page, envId, fresh());
      await idle();
      const nf = floorHere(fresh(), data);
      await idle();
      const t0 = performance.now();
      const result = await evaluateProgram(runner, fresh(), data, pack.spec);
      const n = performance.now() - t0;
      if (result.bug || !result.solved) throw new Error(`${envId}: the Node run is not correct: ${result.bug}`);
      if (bf.correct < expected || bw.correct < expected || nf.correct < expected)
        throw new Error(`${envId}: the floor program got ${Math.min(bf.correct, bw.correct, nf.correct)} of ${expected} transitions right`);
      const p = await python.once();
      if (p.correct < expected) throw new Error(`${envId}: the Python program got ${p.correct} of ${expected} transitions right`);
      [bf.ms, bw.ms, b, nf.ms, n, p.ms].forEach((ms, k) => (i >= WARMUP ? times : warming)[k].push(ms));
    }
    python.close();
    PLACES.forEach((where, k) => rows.push({ env: envId, transitions: data.length, where, ms: median(times[k]), warmingMs: median(warming[k]) }));
  }
  await runner.close();
  const trips = await browserRoundTrips(page, workerHostDocument());
  const nodeTrip = await nodeRoundTrip();
  const alone = realmAlone();
  await browser.close();
  server.close();

  const row = (env: string, where: string) => rows.find((r) => r.env === env && r.where === where)!;
  const of = (env: string, where: string) => row(env, where).ms;
  console.log(`\nScoring one new correct candidate on the CWMB transitions (median of ${REPEATS} runs after ${WARMUP} warm-up runs)\n`);
  console.log('| Environment | Transitions | Where | ms / candidate | transitions / s | vs its floor | speed vs CPython |');
  console.log('|---|---:|---|---:|---:|---:|---:|');
  for (const r of rows) {
    const perSecond = Math.round((r.transitions / r.ms) * 1000).toLocaleString('en-US');
    const floor = r.where === PLACES[2] ? of(r.env, PLACES[0]) : r.where === PLACES[4] ? of(r.env, PLACES[3]) : null;
    const ratio = floor === null ? '' : `${(r.ms / floor).toFixed(2)}×`;
    console.log(`| ${r.env} | ${r.transitions} | ${r.where} | ${r.ms.toFixed(2)} | ${perSecond} | ${ratio} | ${(of(r.env, PLACES[5]) / r.ms).toFixed(2)}× |`);
  }
  const warm = (env: string, where: string) => row(env, where).warmingMs;
  console.log(`\nThe same while the runners warm up: median of the ${WARMUP} warm-up runs (CartPole first, on a fresh page and a fresh Node pool), beside the floors in the same runs\n`);
  console.log('| Environment | browser runner ms | vs its floor | Node runner ms | vs its floor |');
  console.log('|---|---:|---:|---:|---:|');
  for (const env of ENVS) {
    const [b, bf, n, nf] = [warm(env, PLACES[2]), warm(env, PLACES[0]), warm(env, PLACES[4]), warm(env, PLACES[3])];
    console.log(`| ${env} | ${b.toFixed(2)} | ${(b / bf).toFixed(2)}× | ${n.toFixed(2)} | ${(n / nf).toFixed(2)}× |`);
  }
  console.log('\nThe boundary alone: one round trip with no work on the other side, after 50 ms idle, carrying a CartPole job (median of 25)\n');
  console.log('| Boundary | ms / round trip |');
  console.log('|---|---:|');
  console.log(`| page ↔ worker started by the page (same process) | ${trips.sameProcess.toFixed(2)} |`);
  console.log(`| page ↔ data: worker of the in-page host (where candidates are scored) | ${trips.inPageHost.toFixed(2)} |`);
  console.log(`| page ↔ worker in a sandboxed iframe (the isolated host: planning, limits over 5 s) | ${trips.sandboxFrame.toFixed(2)} |`);
  console.log(`| Node ↔ child process, frames on stdin and stdout (where \`cwm\` runs candidates) | ${nodeTrip.toFixed(2)} |`);
  console.log(
    `\nThe runner's hardened realm alone, in a Node process with no boundary (median of ${ALONE_REPEATS} after ${WARMUP} warm-ups, ${IDLE_MS} ms idle before each), beside the Node floor above\n`,
  );
  console.log('| Environment | runner realm ms | Node floor ms | ratio |');
  console.log('|---|---:|---:|---:|');
  for (const env of ENVS) console.log(`| ${env} | ${alone[env].toFixed(2)} | ${of(env, PLACES[3]).toFixed(2)} | ${(alone[env] / of(env, PLACES[3])).toFixed(2)}× |`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

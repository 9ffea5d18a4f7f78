/**
 * `npm run bench:plan`: how fast a synthesized world model runs under the planner, for correct
 * CartPole (MCTS) and Pendulum (CEM) programs with the paper's planner settings:
 * - one planned episode of the reference simulator with the trusted planner (the oracle) records
 *   the observations the planner saw and counts its model steps;
 * - the same `act` calls (same observations, same seed, so the very same model steps) through the
 *   program runner in Node (a permission-limited child process, the model in an SES compartment)
 *   and in the browser (the sandbox iframe's runner worker in Chromium; run `npx vite build` first);
 * - a raw step loop (setState + step on recorded states) of the reference simulator, of the JS
 *   program in a vm context, and of the same program in CPython (`python3`) on this machine.
 * Prints a Markdown table. Not a timed test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { chromium } from 'playwright-core';
import { getPack } from '../../envs/index';
import type { Action, Obs, Simulator } from '../../src/core/env/types';
import { createPlanner, encodeObs, plannerConfig, planningLimit, runEpisode } from '../../src/core/plan/index';
import { Rng } from '../../src/core/rng';
import { openNodeSession } from '../../src/sandbox/node/plan-session';
import { CHROMIUM } from '../e2e/browser';
import { drive, mountSandbox, spawnWorker } from '../e2e/sandbox-driver';
import { serveStatic } from '../e2e/static-server';
import { program } from '../fixtures/programs/index';

const ROOT = resolve(import.meta.dirname, '../..');
const ENVS = [
  { id: 'cartpole', js: 'cartpole.js', py: 'cartpole.py' },
  { id: 'pendulum', js: 'plan/pendulum.js', py: 'plan/pendulum.py' },
];
const RAW_STEPS = 1_000_000;

interface Episode {
  observations: Obs[];
  actions: Action[];
  modelSteps: number;
  ms: number;
  ret: number;
}

/** One planned episode with the reference simulator as the model, counting model steps. */
async function referenceEpisode(envId: string): Promise<Episode> {
  const pack = getPack(envId);
  const sim = pack.createSimulator!();
  let modelSteps = 0;
  const counting: Simulator = { reset: (rng) => sim.reset(rng), setState: (s) => sim.setState(s), step: (a) => (modelSteps++, sim.step(a)) };
  const planner = createPlanner(counting, plannerConfig(pack.spec, 0));
  const observations: Obs[] = [];
  const actions: Action[] = [];
  const t0 = performance.now();
  const ret = await runEpisode(
    pack.createSimulator!(),
    (obs) => {
      observations.push(obs);
      const a = planner.act(obs);
      actions.push(a);
      return a;
    },
    Rng.seeded(1),
    planningLimit(pack.spec),
  );
  return { observations, actions, modelSteps, ms: performance.now() - t0, ret };
}

/** The same act calls through the Node planning worker; checks it chose the same actions. */
async function nodeWorker(envId: string, source: string, episode: Episode): Promise<number> {
  const pack = getPack(envId);
  const session = await openNodeSession(source, plannerConfig(pack.spec, 0), { timeoutMs: 600_000 });
  const t0 = performance.now();
  const actions: Action[] = [];
  for (const obs of episode.observations) actions.push(await session.act(obs));
  const ms = performance.now() - t0;
  await session.close();
  if (JSON.stringify(actions) !== JSON.stringify(episode.actions)) throw new Error(`${envId}: the Node worker planned different actions; is the program correct?`);
  return ms;
}

/** The same act calls through the browser planning sandbox, timed inside the page. */
async function browserSandbox(envId: string, source: string, episode: Episode): Promise<number | null> {
  const dist = resolve(ROOT, 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) return null;
  const { server, url } = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // tsx (esbuild keepNames) makes functions evaluated in the page call a `__name` helper.
    await page.addInitScript({ content: 'window.__name = function (f) { return f; };' });
    await page.goto(url);
    const pack = getPack(envId);
    await mountSandbox(page);
    const wid = await spawnWorker(page);
    await drive(page, wid, [{ op: 'plan-open', id: 0, program: source, file: 'candidate.js', config: JSON.stringify(plannerConfig(pack.spec, 0)), seed: 0 }], 600_000);
    const acts = episode.observations.map((o, i) => ({ op: 'act', id: i + 1, obs: encodeObs(o as number[]) }));
    const t0 = performance.now();
    const replies = (await drive(page, wid, acts, 600_000)) as { action: unknown }[];
    const result = { ms: performance.now() - t0, actions: replies.map((r) => r.action) };
    // Chromium's V8 and Node's may differ in the last bit of Math.cos/exp…, so CEM plans agree only
    // to ~1e-12 and may drift apart later in the episode; MCTS actions must match exactly.
    const first = (a: unknown) => (Array.isArray(a) ? (a[0] as number) : (a as number));
    if (Math.abs(first(result.actions[0]) - first(episode.actions[0])) > 1e-9) throw new Error(`${envId}: the browser sandbox planned a different first action`);
    if (pack.spec.planner === 'mcts' && JSON.stringify(result.actions) !== JSON.stringify(episode.actions)) throw new Error(`${envId}: the browser sandbox planned different actions`);
    return result.ms;
  } finally {
    await browser.close();
    server.close();
  }
}

/** Raw model steps per second: setState + step over the episode's states, round robin. */
function rawLoops(envId: string, js: string, py: string, episode: Episode): { reference: number; vm: number; python: number | null } {
  const states = episode.observations;
  const actions = episode.actions;
  const sim = getPack(envId).createSimulator!();
  let t0 = performance.now();
  for (let i = 0; i < RAW_STEPS; i++) {
    const s = states[i % states.length];
    sim.setState(Array.isArray(s) ? s.slice() : s);
    sim.step(actions[i % actions.length]);
  }
  const reference = RAW_STEPS / ((performance.now() - t0) / 1000);
  // Built-ins as closure variables, as wrapProgram hands them to candidates (vm global lookups are slow).
  const loop = `(function (Math, Array, N, states, actions) {${js}\n;(function () { const env = new Environment(); for (let i = 0; i < N; i++) { const s = states[i % states.length]; env.setState(Array.isArray(s) ? s.slice() : s); env.step(actions[i % actions.length]); } })(); })(Math, Array, N, states, actions);`;
  t0 = performance.now();
  runInNewContext(loop, { N: RAW_STEPS, states: JSON.parse(JSON.stringify(states)), actions: JSON.parse(JSON.stringify(actions)), Math });
  const vm = RAW_STEPS / ((performance.now() - t0) / 1000);
  const script = `import json, sys, time, importlib.util
spec = importlib.util.spec_from_file_location('m', sys.argv[1]); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
states, actions = json.loads(sys.stdin.read()); n = int(sys.argv[2]); env = m.Environment()
t = time.perf_counter()
for i in range(n):
    env.set_state(states[i % len(states)]); env.step(actions[i % len(actions)])
print(n / (time.perf_counter() - t))`;
  const out = spawnSync('python3', ['-c', script, resolve(ROOT, 'tests/fixtures/programs', py), String(RAW_STEPS / 5)], { input: JSON.stringify([states, actions]), encoding: 'utf8' });
  const python = out.status === 0 ? Number(out.stdout.trim()) : null;
  return { reference, vm, python };
}

const k = (x: number | null) => (x === null ? 'n/a' : x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(0)} k`);
const ms = (x: number | null) => (x === null ? 'n/a (build the app)' : `${(x / 1000).toFixed(2)} s`);

const rows: string[] = [];
for (const env of ENVS) {
  const source = program(env.js);
  const episode = await referenceEpisode(env.id);
  const node = await nodeWorker(env.id, source, episode);
  const browser = await browserSandbox(env.id, source, episode);
  const raw = rawLoops(env.id, source, env.py, episode);
  const rate = (t: number | null) => (t === null ? null : episode.modelSteps / (t / 1000));
  rows.push(
    `| ${env.id} | ${getPack(env.id).spec.planner.toUpperCase()} | ${episode.actions.length} / ${episode.ret.toFixed(1)} | ${episode.modelSteps.toLocaleString('en')} | ` +
      `${ms(episode.ms)} · ${ms(node)} · ${ms(browser)} | ${k(rate(episode.ms))} · ${k(rate(node))} · ${k(rate(browser))} | ${k(raw.reference)} · ${k(raw.vm)} · ${k(raw.python)} |`,
  );
  process.stderr.write(`${env.id} done\n`);
}
console.log(`Planning with a CWM, paper planner settings (${new Date().toISOString().slice(0, 10)}, this machine)\n`);
console.log(
  '| env | planner | real steps / return | model steps per episode | one planned episode: reference · Node worker · browser sandbox | model steps/s while planning: reference · Node worker · browser sandbox | raw step loop steps/s: reference sim · JS program (vm) · CPython |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);

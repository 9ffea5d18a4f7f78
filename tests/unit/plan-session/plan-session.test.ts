import { describe, expect, it } from 'vitest';
import { pack as cartpole } from '../../../envs/cartpole/index';
import { pack as cliffwalking } from '../../../envs/cliffwalking/index';
import { pack as pendulum } from '../../../envs/pendulum/index';
import { pack as reacher } from '../../../envs/reacher/index';
import type { EnvPack, Obs, Space } from '../../../src/core/env/types';
import { checkAction, evaluatePlanning, plannerConfig, planningSeeds, type PlanningPhase } from '../../../src/core/plan/index';
import { openNodeModelSession, openNodeSession } from '../../../src/sandbox/node/plan-session';
import { program } from '../../fixtures/programs/index';

// Reduced planner settings keep the suite fast; the CLI runs the paper's.
const PLANNER = { mcts: { simulations: 10, rolloutDepth: 20 }, cem: { horizon: 15, iterations: 3, samples: 40, elites: 5 } };

function plan(pack: EnvPack, file: string, options: { episodes?: number; seed?: number; timeoutMs?: number; source?: string } = {}) {
  return evaluatePlanning({
    pack,
    program: options.source ?? program(file),
    open: openNodeModelSession,
    episodes: options.episodes ?? 3,
    seed: options.seed ?? 1,
    planner: PLANNER,
    timeoutMs: options.timeoutMs ?? 2000,
  });
}

describe('normalized return of a program planned with in a Node worker (seeded, exact)', () => {
  it('a correct CartPole program plans exactly like the oracle: R = 1', async () => {
    const r = await plan(cartpole, 'cartpole.js');
    expect(r.returns).toEqual({ model: [333, 500, 500], random: [18, 18, 23], oracle: [333, 500, 500] });
    expect(r.normalizedReturn).toBe(1);
    expect(r).toMatchObject({ fallbacks: 0, steps: 1333, episodes: 3 });
    expect(r.modelError).toBeUndefined();
  });

  it('a correct CliffWalking program reaches R = 1 within the 100-step cap', async () => {
    const r = await plan(cliffwalking, 'plan/cliffwalking.js');
    expect(r.returns).toEqual({ model: [-93, -176, -100], random: [-1882, -1288, -1486], oracle: [-93, -176, -100] });
    expect(r.normalizedReturn).toBe(1);
    expect(r.steps).toBe(270);
  });

  it('a useless program (state never changes, reward 0) scores R near 0', async () => {
    const pole = await plan(cartpole, 'plan/useless.js');
    expect(pole.returns.model).toEqual([21, 16, 22]);
    expect(pole.normalizedReturn).toBe(0);
    const cliff = await plan(cliffwalking, 'plan/useless.js', { episodes: 10 });
    // It acts uniformly at random through the planner's own RNG: random-policy noise around 0.
    expect(cliff.normalizedReturn).toBeCloseTo(-0.0719, 4);
    expect(Math.abs(cliff.normalizedReturn!)).toBeLessThan(0.25);
  });

  it('a correct Pendulum program plans with CEM exactly like the oracle', async () => {
    const r = await plan(pendulum, 'plan/pendulum.js', { episodes: 1 });
    expect(r.returns.model).toEqual(r.returns.oracle);
    expect(r.returns.oracle[0]).toBeGreaterThan(r.returns.random[0]);
    expect(r.normalizedReturn).toBe(1);
  });

  it('the three policies face the same initial states', async () => {
    const firsts: Record<PlanningPhase, Obs[]> = { random: [], oracle: [], model: [] };
    await evaluatePlanning({
      pack: cartpole,
      program: program('cartpole.js'),
      open: openNodeModelSession,
      episodes: 2,
      seed: 5,
      planner: PLANNER,
      onProgress: (p) => p.step.t === 0 && firsts[p.phase].push(p.step.obs),
    });
    expect(firsts.random).toHaveLength(2);
    expect(firsts.oracle).toEqual(firsts.random);
    expect(firsts.model).toEqual(firsts.random);
    expect(firsts.random[0]).not.toEqual(firsts.random[1]);
  });

  it('rejects an environment without a simulator with a message saying so', async () => {
    await expect(plan(reacher, 'plan/useless.js')).rejects.toThrow(/planning needs a simulator/);
  });

  it('derives per-episode seeds deterministically', () => {
    expect(planningSeeds(1, 3)).toEqual(planningSeeds(1, 3));
    expect(planningSeeds(1, 3).resets).not.toEqual(planningSeeds(2, 3).resets);
    expect(planningSeeds(1, 2).resets).toEqual(planningSeeds(1, 3).resets.slice(0, 2));
  });
});

describe('hostile and broken programs', () => {
  it('an infinite loop in step() times out, and every step falls back to a random action', async () => {
    const r = await plan(cartpole, 'plan/hostile-loop.js', { timeoutMs: 300 });
    expect(r.modelError).toBe('planning one action timed out after 0.3 s; make step() fast and free of endless loops');
    expect(r.fallbacks).toBe(r.steps);
    expect(r.normalizedReturn).toBeCloseTo(0.000785, 5);
  });

  it('patched built-ins cannot inflate the return: built-ins are frozen and the real environment sums the rewards', async () => {
    const r = await plan(cliffwalking, 'plan/hostile-patch.js');
    // Patching the frozen Math fails the load, so every step acts randomly in the real environment.
    expect(r.modelError).toMatch(/^TypeError: Cannot assign to read only property 'max'/);
    expect(r.fallbacks).toBe(r.steps);
    expect(r.returns.model).toEqual([-892, -694, -496]);
    expect(r.returns.random).toEqual([-1882, -1288, -1486]);
  });

  it('a syntax error is reported and the model acts randomly', async () => {
    const r = await plan(cliffwalking, '', { source: 'class Environment { step( { }' });
    expect(r.modelError).toMatch(/^SyntaxError: .*fix the program so that it parses$/);
    expect(r.fallbacks).toBe(r.steps);
  });

  it('a program that throws in step() falls back step by step and names the error', async () => {
    const source = 'class Environment { setState(s) { this.s = s; } step(a) { throw new RangeError("no such cell " + this.s); } }';
    const r = await plan(cliffwalking, '', { source, episodes: 1 });
    expect(r.modelError).toBe('RangeError: no such cell 36');
    expect(r.fallbacks).toBe(r.steps);
  });

  it('process, require and network globals are not reachable from the model', async () => {
    const config = plannerConfig(cliffwalking.spec, 0, PLANNER);
    for (const name of ['process', 'require', 'fetch', 'setTimeout']) {
      const source = `class Environment { setState(s) { this.s = s; } step(a) { ${name}; return [this.s, -1, false]; } }`;
      const session = await openNodeSession(source, config, { timeoutMs: 1000 });
      await expect(session.act(36)).rejects.toThrow(`ReferenceError: ${name} is not defined`);
      await session.close();
    }
  });

  it('a class constructor that throws fails the load with its message', async () => {
    const config = plannerConfig(cliffwalking.spec, 0, PLANNER);
    const source = 'class Environment { constructor() { throw new Error("boom"); } }';
    await expect(openNodeSession(source, config, { timeoutMs: 1000 })).rejects.toMatchObject({ message: 'Error: boom', fatal: true });
  });

  it('a program that throws a hostile object while loading is reported without running its getters outside', async () => {
    const config = plannerConfig(cliffwalking.spec, 0, PLANNER);
    const source = 'throw { get message() { for (;;) {} } };\nclass Environment {}';
    await expect(openNodeSession(source, config, { timeoutMs: 300 })).rejects.toMatchObject({ fatal: true, message: expect.stringMatching(/timed out after 0.3 s/) });
  });
});

describe('actions leaving a realm are checked before they touch the real environment', () => {
  it('accepts in-range actions and rejects everything else', () => {
    const discrete: Space = { kind: 'discrete', n: 4 };
    const box: Space = { kind: 'box', shape: [1], low: [-2], high: [2] };
    expect(checkAction(3, discrete)).toEqual({ ok: true, action: 3 });
    expect(checkAction(4, discrete)).toMatchObject({ ok: false, error: 'the planner returned 4; expected an integer action in [0, 3]' });
    expect(checkAction(1.5, discrete).ok).toBe(false);
    expect(checkAction('1', discrete).ok).toBe(false);
    expect(checkAction([1.5], box)).toEqual({ ok: true, action: [1.5] });
    expect(checkAction([2.5], box)).toMatchObject({ ok: false, error: 'element 0 of the planned action is 2.5; expected a number in [-2, 2]' });
    expect(checkAction([NaN], box).ok).toBe(false);
    expect(checkAction([1, 1], box).ok).toBe(false);
    expect(checkAction(1, box).ok).toBe(false);
  });
});

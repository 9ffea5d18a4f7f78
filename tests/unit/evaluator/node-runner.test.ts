import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack } from '../../../envs/index';
import { evaluateProgram } from '../../../src/core/cwm/evaluate';
import type { Transition } from '../../../src/core/env/types';
import { createNodeRunner, type NodeRunner } from '../../../src/sandbox/node/pool';
import { HOSTILE, PATCH_PRELUDE } from '../../fixtures/programs/hostile';
import { cartpoleWith, IDENTITY, program } from '../../fixtures/programs/index';

const cartpole = getPack('cartpole');
const acrobot = getPack('acrobot');
let runner: NodeRunner;
let cartpoleData: Transition[];
let sample: Transition[];

beforeAll(async () => {
  // A small heap limit so "allocate until memory runs out" ends fast and cannot starve the machine.
  runner = createNodeRunner({ poolSize: 1, memoryLimitMb: 96 });
  cartpoleData = await cartpole.datasets[0].load();
  sample = cartpoleData.slice(0, 40);
});
afterAll(() => runner.close());

async function scoreCorrect(): Promise<number> {
  return (await evaluateProgram(runner, program('cartpole.js'), sample, cartpole.spec)).score;
}

describe('Node runner on correct programs', () => {
  it('scores the CartPole program exactly 1 on every CWMB transition', async () => {
    const result = await evaluateProgram(runner, program('cartpole.js'), cartpoleData, cartpole.spec);
    expect(result).toMatchObject({ score: 1, accuracy: 1, correct: cartpoleData.length, total: cartpoleData.length, bug: null, solved: true });
  });

  it('solves Acrobot: every transition but the five time-limit cut-offs is correct', async () => {
    const data = await acrobot.datasets[0].load();
    const result = await evaluateProgram(runner, program('acrobot.js'), data, acrobot.spec);
    const cutoffs = data.filter((t) => t.truncated).length;
    expect(cutoffs).toBe(5);
    expect(result.bug).toBeNull();
    expect(result.solved).toBe(true);
    expect(result.correct).toBe(data.length - cutoffs);
    expect(result.breakdown.state).toBe(1);
  });

  it('gives the identity program its exact partial score', async () => {
    const result = await evaluateProgram(runner, IDENTITY, sample, cartpole.spec);
    // Reward always right; done right except on terminal steps (which ignore the state); state never.
    const expected = sample.reduce((sum, t) => sum + (t.done ? 1 / 2 : 2 / 3), 0) / sample.length;
    expect(sample.some((t) => t.done)).toBe(true);
    expect(result.bug).toBeNull();
    expect(result.breakdown.state).toBe(0);
    expect(result.accuracy).toBeCloseTo(expected, 12);
  });

  it('accepts done as 0/1 and scalar observations as one-element arrays', async () => {
    const t: Transition[] = [{ state: 3, action: 1, next_state: 4, reward: 0, done: false }];
    const spec = { observation: { kind: 'discrete' as const, n: 10 }, stateComparison: 'exact' as const };
    const src = 'class Environment { setState(s) { this.s = s; } step(a) { return [[this.s + a], 0, 0]; } }';
    expect((await evaluateProgram(runner, src, t, spec)).score).toBe(1);
  });

  it('passes each state as a fresh copy, keeping -0', async () => {
    const t: Transition[] = [
      { state: [-0, 1], action: 0, next_state: [1, 1], reward: -1, done: false },
      { state: [-0, 1], action: 0, next_state: [1, 1], reward: -1, done: false },
    ];
    const spec = { observation: { kind: 'box' as const, shape: [2] as [number], low: [-9, -9], high: [9, 9] }, stateComparison: 'exact' as const };
    // Mutating the given state must not leak into the next transition; 1/-0 is -Infinity.
    const src = 'class Environment { setState(s) { this.s = s; } step(a) { const r = 1 / this.s[0] < 0 ? -1 : 1; this.s[0] = 1; return [this.s, r, false]; } }';
    expect((await evaluateProgram(runner, src, t, spec)).score).toBe(1);
  });
});

describe('Node runner on hostile programs', () => {
  for (const h of HOSTILE) {
    it(`contains a program that ${h.name}`, async () => {
      const result = await evaluateProgram(runner, h.program, sample, cartpole.spec, { timeoutMs: 1000 });
      expect(result.score).toBe(0);
      expect(result.bug).toMatch(h.nodeBug ?? h.bug);
      expect(await scoreCorrect()).toBe(1);
    });
  }

  it('reports lines in the candidate own source', async () => {
    const src = ['// one', '// two', 'class Environment {', '  setState(s) { this.s = s; }', '  step(a) {', '    const f = null;', '    return f(a);', '  }', '}'].join('\n');
    const result = await evaluateProgram(runner, src, sample, cartpole.spec);
    expect(result.bug).toBe('TypeError: f is not a function (line 7: return f(a);)');
  });

  it('does not let patched built-ins raise a score or reach the next candidate', async () => {
    const plain = cartpoleWith('return [this.state.map((x) => x + 0.001), 1, false];');
    const patched = PATCH_PRELUDE + '\n' + plain;
    const base = await evaluateProgram(runner, plain, sample, cartpole.spec);
    const result = await evaluateProgram(runner, patched, sample, cartpole.spec);
    expect(base.bug).toBeNull();
    expect(result.score).toBeLessThanOrEqual(base.score);
    expect(result.score).toBeLessThan(1);
    // The next candidate gets pristine Math, JSON and prototypes.
    expect(await scoreCorrect()).toBe(1);
  });

  it('cancels a running job through its AbortSignal and keeps working', async () => {
    const controller = new AbortController();
    const pending = evaluateProgram(runner, cartpoleWith('for (;;) {}'), sample, cartpole.spec, { timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/abort/i);
    expect(await scoreCorrect()).toBe(1);
  });

  it('runs queued work after a timeout', async () => {
    const jobs = [
      evaluateProgram(runner, cartpoleWith('for (;;) {}'), sample, cartpole.spec, { timeoutMs: 500 }),
      evaluateProgram(runner, program('cartpole.js'), sample, cartpole.spec, { timeoutMs: 500 }),
    ];
    const [stuck, fine] = await Promise.all(jobs);
    expect(stuck.bug).toBe('timed out after 0.5 s');
    expect(fine.score).toBe(1);
  });
});

describe('Node runner lifetime', () => {
  const script = (close: boolean) => `
    import { createNodeRunner } from ${JSON.stringify(resolve(import.meta.dirname, '../../../src/sandbox/node/pool.ts'))};
    const runner = createNodeRunner();
    const loop = await runner.run('class Environment { constructor() { for (;;) {} } }', [{ state: 0, action: 0 }], { timeoutMs: 200 });
    const ok = await runner.run('class Environment { setState(s) {} step(a) { return [0, 0, false]; } }', [{ state: 0, action: 0 }], { timeoutMs: 2000 });
    console.log(JSON.stringify([loop, ok]));
    ${close ? 'await runner.close();' : ''}
  `;
  for (const close of [true, false]) {
    it(`lets the process exit ${close ? 'after close()' : 'even without close()'}`, () => {
      // A runner that kept the process alive would hang here until the (generous) kill timeout.
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(close)], { encoding: 'utf8', timeout: 50_000 });
      expect(JSON.parse(out)).toEqual([
        { ok: false, error: { message: 'timed out after 0.2 s' } },
        { ok: true, predictions: [{ next_state: 0, reward: 0, done: false }] },
      ]);
    });
  }
});

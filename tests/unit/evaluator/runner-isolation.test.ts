import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack } from '../../../envs/index';
import { evaluateProgram } from '../../../src/core/cwm/evaluate';
import type { Transition } from '../../../src/core/env/types';
import { runnerChildCommand } from '../../../src/sandbox/node/child';
import { createNodeRunner, type NodeRunner } from '../../../src/sandbox/node/pool';
import { cartpoleWith, program } from '../../fixtures/programs/index';

// Isolation guarantees of the program runner beyond single hostile programs: data per job,
// seeded randomness, what a candidate leaves behind, name lookup, and the child process's limits.

const cartpole = getPack('cartpole');
let runner: NodeRunner;
let data: Transition[];

beforeAll(async () => {
  runner = createNodeRunner({ poolSize: 1 });
  data = await cartpole.datasets[0].load();
});
afterAll(() => runner.close());

const one = (p: string) => runner.run(p, [{ state: 0, action: 0 }], { timeoutMs: 2000 });

describe('datasets', () => {
  it('scores each job against its own dataset when jobs for two datasets interleave on one child', async () => {
    const a = data.slice(0, 60);
    const b = data.slice(200, 237);
    const correct = program('cartpole.js');
    const identity = cartpoleWith('return [this.state, 1, false];');
    const results = await Promise.all([
      evaluateProgram(runner, correct, a, cartpole.spec),
      evaluateProgram(runner, identity, b, cartpole.spec),
      evaluateProgram(runner, correct, b, cartpole.spec),
      evaluateProgram(runner, identity, a, cartpole.spec),
      evaluateProgram(runner, correct, a, cartpole.spec),
    ]);
    expect(results.map((r) => [r.total, r.correct, r.score])).toEqual([
      [60, 60, 1],
      [37, 0, results[1].score],
      [37, 37, 1],
      [60, 0, results[3].score],
      [60, 60, 1],
    ]);
    expect(results[1].score).toBe((await evaluateProgram(runner, identity, b, cartpole.spec)).score);
    expect(results[3].score).toBe((await evaluateProgram(runner, identity, a, cartpole.spec)).score);
  });
});

describe('seeded randomness', () => {
  // The correct program, except that on a coin flip it moves the cart one unit too far.
  const noisy =
    program('cartpole.js').replace('class Environment', 'class Exact') +
    '\nclass Environment extends Exact { step(a) { const r = super.step(a); return Math.random() < 0.5 ? [r[0].map((x, i) => (i ? x : x + 1)), r[1], r[2]] : r; } }';
  it('reseeds Math.random from the run seed before every transition, so a score replays exactly', async () => {
    const sample = data.slice(0, 100);
    const first = await evaluateProgram(runner, noisy, sample, cartpole.spec, { seed: 5 });
    const again = await evaluateProgram(runner, noisy, sample, cartpole.spec, { seed: 5 });
    const other = await evaluateProgram(runner, noisy, sample, cartpole.spec, { seed: 6 });
    expect(again).toEqual(first);
    expect(other.breakdown.state).not.toBe(first.breakdown.state);
  });
  it('draws the same numbers in every transition of the same index', async () => {
    const draw = 'class Environment { setState(s) {} step(a) { return [[Math.random(), Math.random()], 0, false]; } }';
    const r = await runner.run(
      draw,
      [
        { state: [0, 0], action: 0 },
        { state: [0, 0], action: 0 },
      ],
      { timeoutMs: 2000, seed: 9 },
    );
    const again = await runner.run(draw, [{ state: [0, 0], action: 0 }], { timeoutMs: 2000, seed: 9 });
    expect(r.ok && again.ok).toBe(true);
    if (!r.ok || !again.ok) return;
    const [x, y] = r.predictions.map((p) => p.next_state as number[]);
    expect(again.predictions[0].next_state).toEqual(x);
    expect(x).not.toEqual(y);
    expect(x.every((u) => u >= 0 && u < 1)).toBe(true);
  });
  it('gives draws made while loading the same numbers whatever the candidate before drew', async () => {
    const atLoad = 'const first = Math.random();\nclass Environment { constructor() { this.c = Math.random(); } setState(s) {} step(a) { return [[first, this.c], 0, false]; } }';
    const input = [{ state: [0, 0], action: 0 }];
    const alone = await runner.run(atLoad, input, { timeoutMs: 2000, seed: 3 });
    // A candidate that draws many numbers in its calls, then the same program again.
    await runner.run('class Environment { setState(s) {} step(a) { for (let i = 0; i < 17; i++) Math.random(); return [[Math.random(), 0], 0, false]; } }', input, { timeoutMs: 2000, seed: 4 });
    const after = await runner.run(atLoad, input, { timeoutMs: 2000, seed: 3 });
    expect(alone.ok && after.ok).toBe(true);
    if (!alone.ok || !after.ok) return;
    expect(after.predictions[0].next_state).toEqual(alone.predictions[0].next_state);
  });
});

describe('what a candidate leaves behind', () => {
  it('nothing a candidate scheduled or patched reaches the next one', async () => {
    const messy = cartpoleWith('return [this.state, 1, false];', {
      top: 'Promise.resolve().then(() => { try { Array.prototype.leak = 1; } catch (e) {} try { globalThis.leak = 1; } catch (e) {} });\nlet chain = Promise.resolve(); for (let i = 0; i < 1000; i++) chain = chain.then(() => 0);\n',
    });
    const checker = program('cartpole.js').replace(
      'class Environment {',
      'if ([].leak !== undefined || globalThis.leak !== undefined) throw new Error("trace of the previous candidate");\nclass Environment {',
    );
    expect((await evaluateProgram(runner, messy, data.slice(0, 20), cartpole.spec)).bug).toBeNull();
    expect((await evaluateProgram(runner, checker, data, cartpole.spec)).score).toBe(1);
  });
});

describe('what a candidate leaves in the engine', () => {
  it("a child where a candidate switched V8's fast paths off or grew the Symbol.for registry is replaced; one where honest programs ran is kept", async () => {
    const own = createNodeRunner({ poolSize: 1 });
    const sample = data.slice(0, 40);
    const score = async (p: string) => (await evaluateProgram(own, p, sample, cartpole.spec)).score;
    // The health check runs a few ms after each reply, while the child idles.
    const settled = () => new Promise((r) => setTimeout(r, 100));
    const busy = cartpoleWith('Symbol.for("cwm"); const s = [...this.state.slice()].map((x) => x).filter(() => true); return [Array.from(s).concat([]), 1, false];');
    try {
      expect(await score(program('cartpole.js'))).toBe(1);
      await settled();
      const first = own.pids();
      expect(first).toHaveLength(1);
      for (let i = 0; i < 3; i++) {
        expect(await score(busy)).toBeLessThan(1);
        await settled();
      }
      expect(own.pids()).toEqual(first);
      let before = first;
      const spoils = [
        'Object.defineProperty([], "constructor", { value: {} });',
        'Reflect.defineProperty(new Array(3), "constructor", { value: Array });',
        // 5 million characters of keys in a registry that V8 never frees.
        'for (let i = 0; i < 50; i++) Symbol.for("k".repeat(100000) + i);',
      ];
      for (const spoil of spoils) {
        expect(await score(cartpoleWith('return [this.state, 1, false];', { top: spoil + '\n' }))).toBeLessThan(1);
        // Replaced as soon as the check has run (a few ms on an idle machine, longer on a busy one).
        for (let waited = 0; waited < 10_000 && own.pids()[0] === before[0]; waited += 20) await new Promise((r) => setTimeout(r, 20));
        const after = own.pids();
        expect(after).toHaveLength(1);
        expect(after).not.toEqual(before);
        expect(await score(program('cartpole.js'))).toBe(1);
        before = after;
      }
    } finally {
      await own.close();
    }
  });
});

describe('names', () => {
  it('fail like in any engine: unknown identifiers throw, property reads and typeof give undefined', async () => {
    expect(await one('class Environment { setState(){} step(){ return [foo, 0, false]; } }')).toEqual({ ok: false, error: { message: 'ReferenceError: foo is not defined', line: 1 } });
    expect(await one('class Environment { setState(){} step(){ zz = 3; return [0, 0, false]; } }')).toEqual({ ok: false, error: { message: 'ReferenceError: zz is not defined', line: 1 } });
    for (const check of [
      'globalThis.foo === undefined',
      'typeof globalThis.bar === "undefined"',
      'typeof module === "undefined"',
      '(() => { try { qq; } catch (e) {} return globalThis.qq === undefined; })()',
      '(() => { globalThis.cache = 2; cache += 1; return globalThis.cache === 3; })()',
    ]) {
      expect(await one(`class Environment { setState(){} step(){ return [${check} ? 1 : 0, 0, false]; } }`)).toEqual({ ok: true, predictions: [{ next_state: 1, reward: 0, done: false }] });
    }
  });
  it('what one candidate looked up never answers the next one', async () => {
    // Leaves a lookup half done (has() without its get()), as if the next read were by name.
    const arm = 'class Environment { setState(){} step(){ "ww" in globalThis; return [0, 0, false]; } }';
    const read = 'class Environment { setState(){} step(){ return [globalThis.ww === undefined ? 1 : 0, 0, false]; } }';
    expect(await one(arm)).toEqual({ ok: true, predictions: [{ next_state: 0, reward: 0, done: false }] });
    expect(await one(read)).toEqual({ ok: true, predictions: [{ next_state: 1, reward: 0, done: false }] });
  });
});

describe('the runner child process', () => {
  // The child's own command line, running a probe instead of the runner: what an escaped program
  // could do there.
  const probe = String.raw`
    const out = {};
    const attempt = (name, f) => { try { f(); out[name] = 'allowed'; } catch (e) { out[name] = e.code || e.name; } };
    attempt('spawn', () => require('node:child_process').execSync('echo hi'));
    attempt('write', () => require('node:fs').writeFileSync('cwm-escape-probe.txt', 'x'));
    attempt('read', () => require('node:fs').readFileSync('/etc/hostname'));
    attempt('thread', () => new (require('node:worker_threads').Worker)('1', { eval: true }));
    attempt('buffers', () => { const keep = []; for (let i = 0; i < 64; i++) keep.push(new ArrayBuffer(64 * 1024 * 1024)); });
    out.env = Object.keys(process.env).filter((k) => !['PWD', 'SHLVL', '_'].includes(k));
    console.log(JSON.stringify(out));
  `;
  it('cannot start processes or threads, touch files, read the environment, or allocate buffers past its limit', () => {
    const { command, argv } = runnerChildCommand({ memoryLimitMb: 128 }, probe);
    const run = spawnSync(command, argv, { encoding: 'utf8', env: {} });
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ spawn: 'ERR_ACCESS_DENIED', write: 'ERR_ACCESS_DENIED', read: 'ERR_ACCESS_DENIED', thread: 'ERR_ACCESS_DENIED', env: [] });
    if (process.platform !== 'win32') expect(out.buffers).toBe('RangeError');
  });
});

describe('structured worlds', () => {
  it('passes each state as a deep copy and copies every answer out as plain data', async () => {
    const source = `class Environment {
  setState(s) { this.s = s; s.board[0][0] = 'changed'; }
  step(a) { return [{ board: this.s.board, inventory: this.s.inventory }, new Int8Array([a, 2]), a ? 1 : 0, false]; }
}`;
    const inputs = [
      { state: { board: [['wall', 'you']], inventory: 'empty' }, action: 1 },
      { state: { board: [['wall', 'you']], inventory: 'axe' }, action: 0 },
    ];
    const out = await runner.runStructured(source, inputs, { timeoutMs: 2000 });
    expect(out).toEqual({
      ok: true,
      answers: [
        [{ board: [['changed', 'you']], inventory: 'empty' }, [1, 2], 1, false],
        [{ board: [['changed', 'you']], inventory: 'axe' }, [0, 2], 0, false],
      ],
    });
    expect(inputs[0].state.board[0][0]).toBe('wall');
  });

  it('rejects answers that are not plain data, naming where', async () => {
    const out = await runner.runStructured('class Environment { setState(s) {} step(a) { return [{ board: [[() => 1]] }, [], 0, false]; } }', [{ state: {}, action: 0 }], { timeoutMs: 2000 });
    expect(out).toEqual({ ok: false, error: { message: 'step() returned a function at transition 0[0].board[0][0]; return plain data (strings, numbers, booleans, arrays, objects)' } });
  });
});

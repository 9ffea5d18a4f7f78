import { describe, expect, it } from 'vitest';
import { evaluateProgram } from '../../../src/core/cwm/evaluate';
import { formatBug } from '../../../src/core/cwm/errors';
import type { CandidateRunner, Prediction, RunOutcome } from '../../../src/core/cwm/types';
import type { EnvSpec, Transition } from '../../../src/core/env/types';

const spec: Pick<EnvSpec, 'observation' | 'stateComparison'> = {
  observation: { kind: 'box', shape: [2], low: [-1, -1], high: [1, 1] },
  stateComparison: 'tolerant',
};
const data: Transition[] = [
  { state: [0, 0], action: 0, next_state: [0.1, 0], reward: 1, done: false },
  { state: [0.1, 0], action: 1, next_state: [0.2, 0], reward: 1, done: true },
];
const runner = (outcome: RunOutcome): CandidateRunner & { seen: unknown[] } => {
  const seen: unknown[] = [];
  return { seen, run: async (_program, inputs) => (seen.push(inputs), outcome) };
};
const ok = (predictions: Prediction[]): RunOutcome => ({ ok: true, predictions });

describe('evaluateProgram', () => {
  it('gives the runner only the inputs, never the truth', async () => {
    const r = runner(
      ok([
        { next_state: [0.1, 0], reward: 1, done: false },
        { next_state: [0, 0], reward: 1, done: true },
      ]),
    );
    const result = await evaluateProgram(r, 'program', data, spec);
    expect(r.seen).toEqual([
      [
        { state: [0, 0], action: 0 },
        { state: [0.1, 0], action: 1 },
      ],
    ]);
    expect(result.score).toBe(1);
    expect(result.solved).toBe(true);
  });
  it('reports a runner error with the line of the candidate', async () => {
    const program = 'class Environment {\n  step(a) {\n    return foo(a);\n  }\n}';
    const result = await evaluateProgram(runner({ ok: false, error: { message: 'ReferenceError: foo is not defined', line: 3 } }), program, data, spec);
    expect(result.bug).toBe('ReferenceError: foo is not defined (line 3: return foo(a);)');
    expect(result.score).toBe(0);
  });
  it('treats wrong shapes and non-finite numbers as bugs', async () => {
    const short = await evaluateProgram(
      runner(
        ok([
          { next_state: [0.1], reward: 1, done: false },
          { next_state: [0, 0], reward: 1, done: true },
        ]),
      ),
      'p',
      data,
      spec,
    );
    expect(short.bug).toBe('step() on transition 0: the next state has 1 elements; expected 2');
    const nan = await evaluateProgram(
      runner(
        ok([
          { next_state: [0.1, 0], reward: NaN, done: false },
          { next_state: [0, 0], reward: 1, done: true },
        ]),
      ),
      'p',
      data,
      spec,
    );
    expect(nan.bug).toBe('step() on transition 0: the reward is NaN, not a finite number');
    const count = await evaluateProgram(runner(ok([])), 'p', data, spec);
    expect(count.bug).toBe('the program produced 0 predictions for 2 transitions');
  });
});

describe('one-element boxes', () => {
  it('accept a plain number as well as a one-element array', async () => {
    const box1: Pick<EnvSpec, 'observation' | 'stateComparison'> = { observation: { kind: 'box', shape: [1], low: [-5], high: [5] }, stateComparison: 'tolerant' };
    const counter: Transition[] = [{ state: -1, action: 0, next_state: -2, reward: -2, done: false }];
    const plain = await evaluateProgram(runner(ok([{ next_state: -2, reward: -2, done: false }])), 'p', counter, box1);
    const wrapped = await evaluateProgram(runner(ok([{ next_state: [-2], reward: -2, done: false }])), 'p', counter, box1);
    expect([plain.score, plain.bug, wrapped.score, wrapped.bug]).toEqual([1, null, 1, null]);
  });
});

describe('formatBug', () => {
  it('collapses whitespace, caps length and omits a missing line', () => {
    expect(formatBug({ message: 'Error:\n  boom' }, '')).toBe('Error: boom');
    expect(formatBug({ message: 'x'.repeat(500) }, '').length).toBe(401);
    expect(formatBug({ message: 'E', line: 99 }, 'one line')).toBe('E (line 99)');
  });
});

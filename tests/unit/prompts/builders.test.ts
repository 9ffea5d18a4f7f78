import { describe, expect, test } from 'vitest';
import type { FailureReport } from '../../../src/core/cwm/types';
import { buildFixPrompt, buildGeneratePrompt, buildImprovePrompt } from '../../../src/core/prompts/builders';
import { describeSpace, SYSTEM_PROMPT, type PromptContext } from '../../../src/core/prompts/contract';

const context: PromptContext = {
  spec: {
    title: 'CartPole',
    observation: { kind: 'box', shape: [2], low: [-4.8, -1], high: [4.8, 1], labels: ['cart position', 'cart velocity'] },
    action: { kind: 'discrete', n: 2, labels: ['push left', 'push right'] },
    stateComparison: 'tolerant',
  },
  description: '  A pole on a cart. Keep it up.  ',
};

const failure: FailureReport = {
  index: 17,
  state: [0.1, -0.2],
  action: 1,
  expected: { next_state: [0.11, -0.05], reward: 1, done: false },
  predicted: { next_state: [0.12, -0.05], reward: 1, done: true },
};

describe('prompt builders', () => {
  test('generate from scratch: system + user, description, spaces and the program contract', () => {
    const [system, user] = buildGeneratePrompt(context, '');
    expect(system).toEqual({ role: 'system', content: SYSTEM_PROMPT });
    expect(user.role).toBe('user');
    expect(user.content).toContain('Environment: CartPole\n\nA pole on a cart. Keep it up.');
    expect(user.content).toContain('class Environment {\n  constructor()');
    expect(user.content).toContain('setState(state)');
    expect(user.content).toContain('return [nextState, reward, done];');
    expect(user.content).toContain('The observation is an array of 2 numbers:\n  [0] cart position: in [-4.8, 4.8]\n  [1] cart velocity: in [-1, 1]');
    expect(user.content).toContain('The action is a single integer in 0..1 (a number, not an array).\n  0: push left\n  1: push right');
    expect(user.content).toContain('tolerance of 1e-5');
    expect(user.content.endsWith('Write the whole program in one ```javascript block.')).toBe(true);
  });

  test('generate with a prefix quotes it and asks for a program starting with it', () => {
    const [, user] = buildGeneratePrompt(context, 'class Environment {\n  constructor() {');
    expect(user.content).toContain('it must start with exactly these lines, unchanged:\n\n```javascript\nclass Environment {\n  constructor() {\n```');
  });

  test('improve shows the program and the first failing transition, and asks to explain, locate, fix, rewrite', () => {
    const [, user] = buildImprovePrompt(context, 'class Environment {}', failure);
    expect(user.content).toContain('```javascript\nclass Environment {}\n```');
    expect(user.content).toContain('(transition #17 of the recorded data)');
    expect(user.content).toContain('Input state: [0.1,-0.2]\nAction: 1');
    expect(user.content).toContain('Expected (recorded from the real environment):\nnext state: [0.11,-0.05]\nreward: 1\ndone: false');
    expect(user.content).toContain('Predicted by the program:\nnext state: [0.12,-0.05]\nreward: 1\ndone: true');
    expect(user.content).toMatch(/First explain what is wrong.*Then locate the part of the code.*how to fix it\.\nFinally write the whole corrected program/s);
  });

  test('fix shows the cleaned error with its line', () => {
    const bug = 'TypeError: x is not a function (line 12: const y = x(state);)';
    const [, user] = buildFixPrompt(context, 'class Environment {}', bug);
    expect(user.content).toContain(`Running it failed with this error:\n\n${bug}\n\nFind the cause, fix it, and write the whole corrected program`);
  });

  test('space descriptions for every kind; exact comparison is stated', () => {
    expect(describeSpace({ kind: 'discrete', n: 48 }, 'observation')).toBe('The observation is a single integer in 0..47 (a number, not an array).');
    expect(describeSpace({ kind: 'multi-discrete', nvec: [32, 11, 2], labels: ['sum', 'dealer', 'ace'] }, 'observation')).toBe(
      'The observation is an array of 3 integers:\n  [0] sum: integer in 0..31\n  [1] dealer: integer in 0..10\n  [2] ace: integer in 0..1',
    );
    const [, user] = buildGeneratePrompt({ ...context, spec: { ...context.spec, stateComparison: 'exact' } }, '');
    expect(user.content).toContain('Next states are compared exactly.');
  });
});

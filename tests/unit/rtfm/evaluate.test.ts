import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rtfmPack } from '../../../envs/rtfm';
import { evaluateStructured } from '../../../src/core/rtfm/evaluate';
import { evaluationIndices, PAPER_DRAWS } from '../../../src/core/rtfm/sample';
import { buildImprovePrompt } from '../../../src/core/prompts/builders';
import { trustedStructuredRunner } from '../../support/trusted-structured-runner';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/rtfm/${name}`, import.meta.url), 'utf8');
const ignoresManual = fixture('ignores-manual.js');

describe('evaluateStructured on RTFM', () => {
  it('scores the reference simulator written as a candidate 1 on all 999 transitions', async () => {
    const transitions = await rtfmPack.dataset.load();
    const result = await evaluateStructured(trustedStructuredRunner(), rtfmPack.referenceProgram, transitions);
    expect(result).toMatchObject({ score: 1, accuracy: 1, correct: 999, total: 999, bug: null, solved: true, firstFailure: null });
    expect(result.parts).toEqual({ board: 1, inventory: 1, validActions: 1, reward: 1, done: 1 });
  });

  it('scores a program that ignores the manual below 0.7, with exact golden figures', async () => {
    const transitions = await rtfmPack.dataset.load();
    const result = await evaluateStructured(trustedStructuredRunner(), ignoresManual, transitions);
    expect(result.score).toBeLessThan(0.7);
    expect(result.bug).toBeNull();
    expect({ score: result.score.toFixed(6), accuracy: result.accuracy.toFixed(6), correct: result.correct }).toMatchInlineSnapshot(`
      {
        "accuracy": "0.938564",
        "correct": 900,
        "score": "0.331433",
      }
    `);
    expect(result.parts).toMatchInlineSnapshot(`
      {
        "board": 1,
        "done": 0.943943943943944,
        "inventory": 0.9544008483563097,
        "reward": 0.943943943943944,
        "validActions": 1,
      }
    `);
    expect(result.rtfmFailure?.index).toMatchInlineSnapshot(`2`);
  });

  it('scores a program that knows the rules but loses every fight (no manual) high: the reward-class weighting favours the common loss', async () => {
    const transitions = await rtfmPack.dataset.load();
    const result = await evaluateStructured(trustedStructuredRunner(), fixture('every-fight-lost.js'), transitions);
    expect(result.score.toFixed(6)).toMatchInlineSnapshot(`"0.833333"`);
    expect(result.parts).toMatchInlineSnapshot(`
      {
        "board": 1,
        "done": 1,
        "inventory": 1,
        "reward": 0.992992992992993,
        "validActions": 1,
      }
    `);
  });

  it('shows the first failure to the improve prompt as boards, inventory, valid actions, reward and done', async () => {
    const transitions = await rtfmPack.dataset.load();
    const result = await evaluateStructured(trustedStructuredRunner(), ignoresManual, transitions);
    const [, user] = buildImprovePrompt({ spec: rtfmPack.spec, description: rtfmPack.descriptions.paper, contract: rtfmPack.contract }, ignoresManual, result.firstFailure);
    expect(user.content).toContain(`transition #${result.rtfmFailure?.index}`);
    expect(user.content).toContain('Inventory: ');
    expect(user.content).toContain('Valid actions: [');
    expect(user.content).toMatch(/Wrong: [a-z ,]+\./);
    expect(user.content).toContain('setState(state) { /* state = { board, inventory }');
    expect(user.content).not.toContain('The observation is');
  });

  it('draws the paper protocol set with replacement from a seeded RNG (golden indices)', () => {
    const a = evaluationIndices(999, { kind: 'paper-draws', draws: PAPER_DRAWS, seed: 1 });
    expect(a).toHaveLength(1000);
    expect(a).toEqual(evaluationIndices(999, { kind: 'paper-draws', draws: PAPER_DRAWS, seed: 1 }));
    expect(a.slice(0, 8)).toMatchInlineSnapshot(`
      [
        110,
        922,
        533,
        491,
        757,
        525,
        418,
        128,
      ]
    `);
    expect(new Set(a).size).toBeLessThan(999);
    expect(evaluationIndices(3, { kind: 'all' })).toEqual([0, 1, 2]);
  });

  it('scores the paper protocol over the draws, repeats counted, weights per drawn reward class', async () => {
    const transitions = await rtfmPack.dataset.load();
    const runner = trustedStructuredRunner();
    const protocol = { kind: 'paper-draws', draws: PAPER_DRAWS, seed: 1 } as const;
    const result = await evaluateStructured(runner, ignoresManual, transitions, { protocol });
    expect(result.total).toBe(1000);
    expect(result.protocol).toEqual(protocol);
    expect(runner.calls).toBe(1);
    expect(result.score.toFixed(6)).toMatchInlineSnapshot(`"0.331294"`);
    const reference = await evaluateStructured(runner, rtfmPack.referenceProgram, transitions, { protocol });
    expect(reference.score).toBe(1);
  });
});

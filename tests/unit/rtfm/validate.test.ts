import { describe, expect, it } from 'vitest';
import { rtfmPack } from '../../../envs/rtfm';
import { evaluateStructured } from '../../../src/core/rtfm/evaluate';
import { readAnswer } from '../../../src/core/rtfm/validate';
import { scoreRtfmTransition, validActionsMatch } from '../../../src/core/rtfm/metric';
import { checkRtfmTransitions } from '../../../src/core/rtfm/check';
import { trustedStructuredRunner } from '../../support/trusted-structured-runner';

const board = () => Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => ['empty', 'empty']));

describe('RTFM answer shapes and the paper weights', () => {
  it('accepts { board, inventory } and the paper pair [board, inventory]', () => {
    expect(readAnswer([{ board: board(), inventory: 'empty' }, [0], 0, false], 0).ok).toBe(true);
    expect(readAnswer([[board(), 'empty'], [0, 1], -1, true], 0).ok).toBe(true);
  });

  it.each([
    [null, 'step returned null'],
    [[{ board: board(), inventory: 'empty' }, [0], 0], 'step returned an array of length 3'],
    [[{ board: board().slice(1), inventory: 'empty' }, [0], 0, false], 'nextState.board is an array of length 5'],
    [[{ board: board(), inventory: null }, [0], 0, false], 'nextState.inventory is null'],
    [[{ board: board(), inventory: 'empty' }, [0.5], 0, false], 'validActions is an array of length 1, not an array of integers'],
    [[{ board: board(), inventory: 'empty' }, [0], Number.NaN, false], 'reward is number NaN'],
    [[{ board: board(), inventory: 'empty' }, [0], 0, 1], 'done is number 1, not a boolean'],
    [['board', [0], 0, false], 'nextState is string "board"'],
  ])('rejects a wrong shape as a bug that says what to return: %j', (value, message) => {
    const read = readAnswer(value, 7);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error.message).toContain('transition 7: ' + message);
      expect(read.error.message).toContain('[nextState, validActions, reward, done]');
    }
  });

  it('passes valid actions that are a non-empty subset, fails empty or extra ones', () => {
    expect(validActionsMatch([0, 2], [0, 1, 2])).toBe(true);
    expect(validActionsMatch([], [0, 1, 2])).toBe(false);
    expect(validActionsMatch([0, 3], [0, 1, 2])).toBe(false);
  });

  it('weights a non-terminal transition 0.125/0.125/0.25/0.25/0.25 and a terminal one 0.5/0.5', async () => {
    const [t] = await rtfmPack.dataset.load();
    const right = { next_state: t.next_state, valid_actions: t.valid_actions, reward: t.reward, done: t.done };
    expect(scoreRtfmTransition(right, t).acc).toBe(1);
    expect(scoreRtfmTransition({ ...right, next_state: { ...t.next_state, inventory: 'x' } }, t).acc).toBe(0.875);
    expect(scoreRtfmTransition({ ...right, next_state: { board: board() as never, inventory: 'x' } }, t).acc).toBe(0.75);
    expect(scoreRtfmTransition({ ...right, valid_actions: [] }, t).acc).toBe(0.75);
    expect(scoreRtfmTransition({ ...right, reward: 1, done: true }, t).acc).toBe(0.5);
    const terminal = { ...t, done: true, reward: -1 };
    expect(scoreRtfmTransition({ ...right, reward: -1, done: true, valid_actions: [] }, terminal).acc).toBe(1);
    expect(scoreRtfmTransition({ ...right, reward: 0, done: true }, terminal).acc).toBe(0.5);
  });

  it('scores a throwing program 0 with its error, and a wrong-shaped answer 0 with the shape bug', async () => {
    const transitions = await rtfmPack.dataset.load();
    const runner = trustedStructuredRunner();
    const thrower = 'class Environment { setState() {} step() { throw new Error("no rules yet"); } }';
    expect(await evaluateStructured(runner, thrower, transitions)).toMatchObject({ score: 0, bug: 'Error: no rules yet', solved: false });
    const flat = 'class Environment { setState(s) { this.s = s; } step() { return [this.s.board, [0], 0, false]; } }';
    const result = await evaluateStructured(runner, flat, transitions);
    expect(result.score).toBe(0);
    expect(result.bug).toContain('transition 0: nextState is an array of length 6');
  });

  it('rejects damaged datasets with a message that says what each transition needs', () => {
    expect(checkRtfmTransitions({})).toMatchObject({ ok: false, error: expect.stringContaining('JSON array') });
    expect(checkRtfmTransitions([])).toMatchObject({ ok: false, error: expect.stringContaining('no transitions') });
    const bad = checkRtfmTransitions([{ state: { board: board(), inventory: 'empty' }, action: 9 }]);
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('transition 0 "next_state"') });
  });
});

import { describe, expect, it } from 'vitest';
import { parseActionSpace, parseStartState, recordRandomPolicy, type SimulatorStep } from '../../../src/core/env/parse';
import { Rng } from '../../../src/core/rng';
import type { Action, Obs } from '../../../src/core/env/types';

// A counter world: the state climbs by the action; reaching 3 ends the episode with reward 1.
async function counter(state: Obs, action: Action): Promise<SimulatorStep> {
  const next = (state as number) + (action as number);
  return { ok: true, outcome: [next, next >= 3 ? 1 : 0, next >= 3] };
}

describe('recording a simulator with a random policy', () => {
  it('records deterministic episodes per seed, restarting at done and at the limit', async () => {
    const a = await recordRandomPolicy(counter, { initial: 0, action: { kind: 'discrete', n: 2 }, steps: 12, episodeLimit: 4 }, Rng.seeded(3));
    const b = await recordRandomPolicy(counter, { initial: 0, action: { kind: 'discrete', n: 2 }, steps: 12, episodeLimit: 4 }, Rng.seeded(3));
    expect(a).toEqual(b);
    expect(a.error).toBeNull();
    expect(a.transitions).toHaveLength(12);
    for (const [i, t] of a.transitions.entries()) {
      expect(t.next_state).toBe((t.state as number) + (t.action as number));
      const first = i === 0 || a.transitions[i - 1].done || a.transitions[i - 1].truncated;
      if (first) expect(t).toMatchObject({ state: 0, traj_start: i });
      else expect(t.state).toBe(a.transitions[i - 1].next_state);
      expect(i + 1 - t.traj_start!).toBeLessThanOrEqual(4);
      if (t.truncated) expect(t.done).toBe(false);
    }
  });

  it('stops at the first failure and keeps what it recorded', async () => {
    let calls = 0;
    const flaky = async (s: Obs, a: Action): Promise<SimulatorStep> => (++calls === 3 ? { ok: false, bug: 'TypeError: x is undefined (line 4)' } : counter(s, a));
    const r = await recordRandomPolicy(flaky, { initial: 0, action: { kind: 'discrete', n: 2 }, steps: 10 }, Rng.seeded(1));
    expect(r.transitions).toHaveLength(2);
    expect(r.error).toMatch(/^Your simulator failed at step 2 \(episode starting at step \d+\): TypeError: x is undefined \(line 4\)\. Fix it in the editor and record again\.$/);
  });

  it('reads action spaces and start states, or says what to type', () => {
    expect(parseActionSpace('4')).toEqual({ kind: 'discrete', n: 4 });
    expect(parseActionSpace('{"low": [-2], "high": [2]}')).toEqual({ kind: 'box', shape: [1], low: [-2], high: [2] });
    expect(parseActionSpace('0')).toMatch(/^"0" is not an action space\. Type a whole number n/);
    expect(parseActionSpace('{"low": [2], "high": [1]}')).toMatch(/is not an action space/);
    expect(parseStartState('[0, 0.5]')).toEqual([0, 0.5]);
    expect(parseStartState('3')).toBe(3);
    expect(parseStartState('[1, "a"]')).toBe('"[1, "a"]" is not a start state. Type a number, or a list of numbers like [0, 0.5].');
  });
});

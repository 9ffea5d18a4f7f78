import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng';
import type { Transition } from '../../../../src/core/env/types';
import { pack } from '../../../../envs/blackjack';
import { BlackjackSim } from '../../../../envs/blackjack/sim';

type Hand = [sum: number, dealer: number, usable: number];

/** The [sum, usable] a hit with card value `card` (1..10) leads to from [sum, usable]. */
function afterCard(sum: number, usable: number, card: number): [number, number] {
  const raw = (usable ? sum - 10 : sum) + card;
  // A non-usable ace in the old hand could never become usable again (its raw total is above 11),
  // so only an ace that was already usable or the new card can make the hand soft.
  const soft = (usable === 1 || card === 1) && raw + 10 <= 21;
  return [soft ? raw + 10 : raw, soft ? 1 : 0];
}

/** The parts of a Blackjack step that no card draw decides; returns what is violated. */
function violations(t: Pick<Transition, 'state' | 'action' | 'next_state' | 'reward' | 'done'>): string[] {
  const [sum, dealer, usable] = t.state as Hand;
  const [nextSum, nextDealer, nextUsable] = t.next_state as Hand;
  const out: string[] = [];
  if (nextDealer !== dealer) out.push('dealer card changed');
  if (t.action === 0) {
    if (!t.done) out.push('stick did not end the episode');
    if (nextSum !== sum || nextUsable !== usable) out.push('stick changed the state');
    if (![-1, 0, 1].includes(t.reward)) out.push(`stick reward ${t.reward}`);
  } else {
    const cards = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((c) => {
      const [s, u] = afterCard(sum, usable, c);
      return s === nextSum && u === nextUsable;
    });
    if (cards.length === 0) out.push(`no card takes ${sum}/${usable} to ${nextSum}/${nextUsable}`);
    if (t.done !== nextSum > 21) out.push('done is not "bust"');
    if (t.reward !== (nextSum > 21 ? -1 : 0)) out.push(`hit reward ${t.reward}`);
  }
  return out;
}

async function cwmb(): Promise<Transition[]> {
  return pack.datasets[0].load();
}

describe('Blackjack-v1 conformance (parts no card draw decides)', () => {
  it('every CWMB transition obeys the draw-independent rules: 9 sticks, 6 hits', async () => {
    const data = await cwmb();
    expect(data).toHaveLength(15);
    expect(data.filter((t) => t.action === 0)).toHaveLength(9);
    expect(data.filter((t) => t.action === 1)).toHaveLength(6);
    expect(data.filter((t) => t.truncated)).toHaveLength(0);
    expect(data.flatMap((t, i) => violations(t).map((v) => `#${i}: ${v}`))).toEqual([]);
  });

  it('the reference simulator can produce every recorded outcome, and only rule-abiding ones', async () => {
    const data = await cwmb();
    data.forEach((t, i) => {
      const seen = new Set<string>();
      const sim = new BlackjackSim(Rng.seeded(1000 + i));
      for (let k = 0; k < 400; k++) {
        sim.setState((t.state as number[]).slice());
        const [next_state, reward, done] = sim.step(t.action);
        expect(violations({ state: t.state, action: t.action, next_state, reward, done })).toEqual([]);
        seen.add(JSON.stringify([next_state, reward, done]));
      }
      expect(seen, `transition #${i}`).toContain(JSON.stringify([t.next_state, t.reward, t.done]));
    });
  });

  it('the rule check catches wrong dynamics', () => {
    expect(violations({ state: [12, 3, 0], action: 1, next_state: [23, 3, 0], reward: -1, done: true })).toEqual(['no card takes 12/0 to 23/0']);
    expect(violations({ state: [21, 3, 0], action: 1, next_state: [31, 3, 0], reward: 0, done: false })).toEqual(['done is not "bust"', 'hit reward 0']);
    expect(violations({ state: [17, 3, 1], action: 0, next_state: [17, 4, 1], reward: 2, done: true })).toEqual(['dealer card changed', 'stick reward 2']);
  });

  it('hits and sticks follow the rules on 5000 simulated steps from random starts', () => {
    const rng = Rng.seeded(7);
    const sim = new BlackjackSim(rng);
    const rewards = new Set<number>();
    for (let k = 0; k < 5000; k++) {
      const state = sim.reset(rng) as Hand;
      expect(state[0]).toBeGreaterThanOrEqual(4);
      expect(state[0]).toBeLessThanOrEqual(21);
      const action = rng.int(2);
      const [next_state, reward, done] = sim.step(action);
      expect(violations({ state, action, next_state, reward, done })).toEqual([]);
      if (action === 0) rewards.add(reward);
    }
    expect([...rewards].sort()).toEqual([-1, 0, 1]);
  });

  it('a natural beats a dealer 21 made of three cards but ties a dealer natural', () => {
    // With the state alone a soft 21 counts as a natural, so sticking on it never loses.
    const rng = Rng.seeded(3);
    const sim = new BlackjackSim(rng);
    const rewards = new Set<number>();
    for (let k = 0; k < 2000; k++) {
      sim.setState([21, 10, 1]);
      rewards.add(sim.step(0)[1]);
    }
    expect([...rewards].sort()).toEqual([0, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Action, Obs, WorldModel } from '../../../src/core/env/types';
import { createPlanner, plannerConfig } from '../../../src/core/plan/index';

/**
 * A one-step bandit: action 0 pays 1 for sure; action 1 pays 10 once in twenty tries and −1
 * otherwise (mean −0.45). Its very first draw of action 1 is the jackpot.
 */
function bandit(): WorldModel {
  let pulls = 0;
  return {
    setState() {},
    step(action: Action): [Obs, number, boolean] {
      if (action === 0) return [0, 1, true];
      return [0, pulls++ % 20 === 0 ? 10 : -1, true];
    },
  };
}

const spec = { action: { kind: 'discrete' as const, n: 2 }, episodeLimit: 1 };
const params = { mcts: { simulations: 200, temperature: 0.01 } };

describe('planning in a stochastic world', () => {
  it('averages over sampled outcomes (open loop), where a closed-loop tree trusts the first sample', () => {
    const closed = createPlanner(bandit(), plannerConfig(spec, 0, params));
    const open = createPlanner(bandit(), plannerConfig({ ...spec, stochastic: true }, 0, params));
    expect(plannerConfig({ ...spec, stochastic: true }, 0, params)).toMatchObject({ kind: 'mcts', stochastic: true });
    // The closed-loop tree keeps the jackpot it saw first and always gambles.
    expect(closed.act(0)).toBe(1);
    // Averaging over 200 samples shows the gamble loses on average.
    expect(open.act(0)).toBe(0);
  });

  it('leaves deterministic worlds planned exactly as before', () => {
    expect(plannerConfig(spec, 0, params)).not.toHaveProperty('stochastic');
  });
});

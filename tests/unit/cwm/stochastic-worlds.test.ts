import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack } from '../../../envs/index';
import { DEFAULT_SAMPLES, evaluateProgram } from '../../../src/core/cwm/evaluate';
import type { Transition } from '../../../src/core/env/types';
import { createNodeRunner, type NodeRunner } from '../../../src/sandbox/node/pool';
import { program } from '../../fixtures/programs/index';

// Slippery FrozenLake 4x4 scored as a distribution: the right stochastic program against one
// that always moves as intended (the likeliest outcome of every step, but the wrong world).

const lake = getPack('frozenlake-4x4-slippery');
const slippery = program('stochastic/frozenlake-slippery.js');
const intended = program('stochastic/frozenlake-intended.js');
// Right directions, wrong odds: the intended direction half the time, each side a quarter.
const biased = slippery.replace(
  'const direction = (action + Math.floor(Math.random() * 3) + 3) % 4;',
  'const u = Math.random(); const direction = u < 0.5 ? action : u < 0.75 ? (action + 3) % 4 : (action + 1) % 4;',
);
let runner: NodeRunner;
let data: Transition[];

beforeAll(async () => {
  runner = createNodeRunner({ poolSize: 1 });
  data = await lake.datasets[0].load();
});
afterAll(() => runner.close());

const score = (source: string, seed = 0) => evaluateProgram(runner, source, data, lake.spec, { samples: DEFAULT_SAMPLES, seed });

describe('slippery FrozenLake as a distribution', () => {
  it('is a stochastic pack', () => {
    expect(lake.spec.stochastic).toBe(true);
    expect(getPack('frozenlake-4x4').spec.stochastic).toBeFalsy();
  });

  it('ranks the right stochastic program first, though the metric counts more exact hits for the deterministic one', async () => {
    const [right, always, odds] = await Promise.all([score(slippery), score(intended), score(biased)]);
    expect(right.bug ?? always.bug ?? odds.bug).toBeNull();
    // The metric alone is fooled: the deterministic program matches more recorded transitions.
    expect(always.correct).toBeGreaterThan(right.correct);
    expect(always.accuracy).toBeGreaterThan(right.accuracy);
    // The distributional score is not: the right odds explain the data best.
    expect(right.distribution!.score).toBeGreaterThan(odds.distribution!.score);
    expect(right.distribution!.score).toBeGreaterThan(20 * always.distribution!.score);
    expect(right.distribution!.tv!).toBeLessThan(always.distribution!.tv!);
    expect(right.distribution).toMatchObject({ samples: 64, repeatedPairs: 19 });
  });

  it('replays exactly with the same seed, and is pinned at seed 0', async () => {
    const a = await score(slippery, 0);
    const b = await score(slippery, 0);
    const c = await score(slippery, 1);
    expect(b).toEqual(a);
    expect(c.distribution!.score).not.toBe(a.distribution!.score);
    expect(a.distribution!.score.toFixed(6)).toBe('0.375919');
    expect(a.distribution!.logLikelihood!.toFixed(4)).toBe('-0.9784');
    expect((await score(intended, 0)).distribution!.score.toFixed(6)).toBe('0.008625');
  });

  it('can be the search objective: then score is the distributional score and the metric is kept beside it', async () => {
    const r = await evaluateProgram(runner, slippery, data, lake.spec, { samples: 8, seed: 0, objective: 'distribution' });
    expect(r.score).toBe(r.distribution!.score);
    expect(r.distribution!.metricScore).toBe((await evaluateProgram(runner, slippery, data, lake.spec, { seed: 0 })).score);
  });
});

describe('slippery FrozenLake 8x8 and Blackjack as distributions', () => {
  const to8x8 = (source: string) =>
    source.replace("['SFFF', 'FHFH', 'FFFH', 'HFFG']", "['SFFFFFFF', 'FFFFFFFF', 'FFFHFFFF', 'FFFFFHFF', 'FFFHFFFF', 'FHHFFFHF', 'FHFFHFHF', 'FFFHFFFG']").replace('this.size = 4;', 'this.size = 8;');

  it('FrozenLake 8x8: the right odds beat "always as intended" under the distributional score', async () => {
    const pack = getPack('frozenlake-8x8-slippery');
    const transitions = await pack.datasets[0].load();
    const [right, always] = await Promise.all([slippery, intended].map((p) => evaluateProgram(runner, to8x8(p), transitions, pack.spec, { samples: DEFAULT_SAMPLES, seed: 0 })));
    expect(right.bug ?? always.bug).toBeNull();
    expect(right.distribution!.score).toBeGreaterThan(10 * always.distribution!.score);
  });

  it('Blackjack: drawing cards beats always drawing a 10, though the metric prefers the tens', async () => {
    const pack = getPack('blackjack');
    expect(pack.spec.stochastic).toBe(true);
    const transitions = await pack.datasets[0].load();
    const [cards, tens] = await Promise.all(
      ['stochastic/blackjack.js', 'stochastic/blackjack-tens.js'].map((p) => evaluateProgram(runner, program(p), transitions, pack.spec, { samples: DEFAULT_SAMPLES, seed: 0 })),
    );
    expect(tens.distribution!.metricScore).toBeGreaterThan(cards.distribution!.metricScore);
    expect(tens.correct).toBeGreaterThan(cards.correct);
    expect(cards.distribution!.score.toFixed(6)).toBe('0.263921');
    expect(tens.distribution!.score.toFixed(6)).toBe('0.074302');
  });
});

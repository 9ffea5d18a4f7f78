import { describe, expect, it } from 'vitest';
import { decodeSettings, encodeSettings, type RunSettings } from '../../../src/core/run';
import { Rng } from '../../../src/core/rng';

describe('settings links', () => {
  it('writes a readable, fragment-safe payload', () => {
    const s: RunSettings = { env: 'custom:my-env', strategy: 'worldcoder', budget: 20, seed: 42, dataset: 'cwmb', params: { epsilon: 1, C: 0.1 } };
    expect(encodeSettings(s)).toBe('env:custom%3Amy-env,dataset:cwmb,strategy:worldcoder,budget:20,seed:42,p.C:0.1,p.epsilon:1');
  });

  it('property: 200 random settings round-trip', () => {
    const rng = Rng.seeded(9);
    const strategies = ['gif-mcts', 'worldcoder', 'best-of-n', 'refine'] as const;
    for (let i = 0; i < 200; i++) {
      const params: Record<string, number> = {};
      for (let k = rng.int(4); k > 0; k--) params[`h${rng.int(100)}`] = rng.normal() * 10 ** rng.int(6);
      const s: RunSettings = { env: ['cartpole', 'taxi', 'custom:x.y_z'][rng.int(3)], strategy: rng.pick(strategies), budget: 1 + rng.int(1000), seed: rng.nextUint32(), params };
      if (rng.next() < 0.5) s.dataset = 'recorded';
      if (rng.next() < 0.5) s.protocol = rng.pick(['paper', 'playground'] as const);
      if (rng.next() < 0.5) s.description = rng.pick(['paper', 'hinted'] as const);
      const back = decodeSettings(encodeSettings(s));
      expect(back).toEqual({ ok: true, settings: s });
    }
  });

  it('fills in defaults for missing fields', () => {
    expect(decodeSettings('env:taxi')).toEqual({ ok: true, settings: { env: 'taxi', strategy: 'gif-mcts', budget: 50, seed: 0, params: {} } });
  });

  it('carries the protocol and the description variant', () => {
    const s: RunSettings = { env: 'taxi', strategy: 'gif-mcts', budget: 10, seed: 1, protocol: 'paper', description: 'hinted', params: {} };
    expect(encodeSettings(s)).toBe('env:taxi,strategy:gif-mcts,protocol:paper,description:hinted,budget:10,seed:1');
    expect(decodeSettings('env:taxi,protocol:playground')).toEqual({ ok: true, settings: { env: 'taxi', strategy: 'gif-mcts', budget: 50, seed: 0, protocol: 'playground', params: {} } });
  });

  const bad: Array<[string, RegExp]> = [
    ['protocol:exact', /^protocol "exact" is unknown; use one of paper, playground/],
    ['description:precise', /^description "precise" is unknown; use one of paper, hinted/],
    ['', /^The settings link has nothing after #settings=/],
    ['env:taxi,budget:0', /^budget must be a whole number from 1 to 1000, but the link says "0"\. Fix it in the link/],
    ['budget:12abc', /budget must be a whole number from 1 to 1000, but the link says "12abc"/],
    ['seed:-1', /^seed must be a whole number from 0 to 4294967295/],
    ['strategy:alphazero', /^strategy "alphazero" is unknown; use one of gif-mcts, worldcoder, best-of-n, refine/],
    ['env:<script>', /^env "<script>" is not an id/],
    ['color:red', /^The settings link has an unknown field "color"; known are env, dataset, strategy, protocol, description, budget, seed and p\.<hyperparameter>/],
    ['p.C:abc', /^Hyperparameter C must be a number, but the link says "abc"/],
    ['justtext', /^The settings link has "justtext" where a "name:value" pair belongs/],
    ['env:%E0%A4%A', /^The value of "env" in the settings link is not valid URL text/],
  ];
  for (const [payload, message] of bad) {
    it(`rejects "${payload}"`, () => {
      const result = decodeSettings(payload);
      expect(!result.ok && result.error).toMatch(message);
    });
  }
});

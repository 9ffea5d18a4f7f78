import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng';
import { packs } from '../../../../envs/frozenlake';
import { MAP_4X4, MAP_8X8 } from '../../../../envs/frozenlake/maps';
import { FrozenLakeSim } from '../../../../envs/frozenlake/sim';

const byId = Object.fromEntries(packs.map((p) => [p.spec.id, p]));

describe('FrozenLake packs', () => {
  it('ships four variants with Gymnasium limits, outside CWMB, with recorded data only', () => {
    expect(packs.map((p) => [p.spec.id, p.spec.episodeLimit, p.spec.observation])).toEqual([
      ['frozenlake-4x4', 100, { kind: 'discrete', n: 16 }],
      ['frozenlake-4x4-slippery', 100, { kind: 'discrete', n: 16 }],
      ['frozenlake-8x8', 200, { kind: 'discrete', n: 64 }],
      ['frozenlake-8x8-slippery', 200, { kind: 'discrete', n: 64 }],
    ]);
    for (const p of packs) {
      expect(p.spec.cwmb).toBe(false);
      expect(p.datasets.map((d) => d.id)).toEqual(['recorded']);
      expect(p.spec.description).toContain(p.spec.id.includes('8x8') ? MAP_8X8.join('\n') : MAP_4X4.join('\n'));
    }
  });

  it("uses Gymnasium's default maps: 4 holes in 4x4, 10 in 8x8", () => {
    expect(MAP_4X4.join('').split('H').length - 1).toBe(4);
    expect(MAP_8X8.join('').split('H').length - 1).toBe(10);
  });

  it('moves deterministically on non-slippery ice: walls clamp, holes end with 0, the goal pays 1', () => {
    const sim = new FrozenLakeSim(MAP_4X4, false);
    const step = (s: number, a: number) => {
      sim.setState(s);
      return sim.step(a);
    };
    expect(step(0, 0)).toEqual([0, 0, false]); // left wall
    expect(step(0, 3)).toEqual([0, 0, false]); // top wall
    expect(step(0, 2)).toEqual([1, 0, false]);
    expect(step(1, 1)).toEqual([5, 0, true]); // hole at (1, 1)
    expect(step(14, 2)).toEqual([15, 1, true]); // goal
    expect(step(5, 2)).toEqual([5, 0, true]); // a hole is absorbing
    expect(step(15, 0)).toEqual([15, 0, true]); // so is the goal
  });

  it('slips to each side with probability 1/3 (30000 seeded steps)', () => {
    // From (1, 1) on the 8x8 map every neighbour is ice; "down" may become left, down or right.
    const sim = new FrozenLakeSim(MAP_8X8, true, Rng.seeded(5));
    const counts = new Map<number, number>();
    const n = 30000;
    for (let i = 0; i < n; i++) {
      sim.setState(9);
      const [next] = sim.step(1) as [number, number, boolean];
      counts.set(next, (counts.get(next) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([8, 10, 17]);
    for (const c of counts.values()) expect(Math.abs(c / n - 1 / 3)).toBeLessThan(0.01);
  });

  it('never slips backwards: "up" from (1, 1) reaches left, up or right only', () => {
    const sim = new FrozenLakeSim(MAP_8X8, true, Rng.seeded(6));
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) {
      sim.setState(9);
      seen.add(sim.step(3)[0] as number);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 8, 10]);
  });

  it('its heuristic walks a shortest path on non-slippery ice (6 steps in 4x4, 14 in 8x8)', () => {
    for (const [id, steps] of [
      ['frozenlake-4x4', 6],
      ['frozenlake-8x8', 14],
    ] as const) {
      const pack = byId[id];
      const rng = Rng.seeded(0);
      const sim = pack.createSimulator!();
      let obs = sim.reset(rng);
      let t = 0;
      let reward = 0;
      for (let done = false; !done && t < 100; t++) [obs, reward, done] = sim.step(pack.heuristicPolicy!(obs, rng));
      expect([t, reward]).toEqual([steps, 1]);
    }
  });
});
